/**
 * The gradient's scale through depth for many activations at once: a heatmap with one
 * row per activation and one column per layer, coloured by log₁₀ of the standard
 * deviation of the back-propagated gradient δₗ at each layer (the gradient entering the
 * last layer has standard deviation 1). Blue vanishes, red explodes, white keeps its
 * scale. One panel per initialisation.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { hoverCells } from "./hover_cells.ts";
import type { SignalResult } from "../training/signal_propagation.ts";
import { INITIALIZER_LABELS, type InitializerName } from "../training/initializers.ts";
import type { Figure } from "./figure.ts";
import { panel, row } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { textWidth } from "./text_width.ts";
import { selectSignals } from "./signal_figure.ts";
import { argument, checkArrayLike, checkNumber, checkOptions, option } from "../guards.ts";

// type size (the axes' 13 px, legible in JupyterLab at 1,000 px), row height and column
// width of the cells, and the least height of the cells' area (room for the colour bar's
// label), in px
const FONT_SIZE = 13, ROW = 15, COLUMN = 4, MIN_CELLS_HEIGHT = 150;
// fill of cells with no value (an overflow), and the diverging scheme
const MISSING = "#d9d9d9", SCHEME: Plot.ColorScheme = "BuRd";

/** Options of {@linkcode gradientHeatmapFigure}. */
export interface GradientHeatmapOptions {
  /** Initialisations, one panel each; default every one in `results`, in their order. */
  readonly inits?: readonly InitializerName[];
  /** Activations (rows), by registry name; default every one in `results`, in their order. */
  readonly activations?: readonly string[];
  /**
   * Decades either side of 1 that the colours span (beyond them they saturate): a number
   * from 1 to 300; default 10.
   */
  readonly decades?: number;
}

/**
 * Heatmaps of log₁₀ std δₗ, the back-propagated gradient at layer l, from
 * {@linkcode signalPropagation}'s results: rows are activations, columns layers, one
 * panel per initialisation titled "Gradient scale (<initialisation>)", each with its
 * colour bar. A gradient of exactly 0 takes the darkest blue; grey cells overflowed.
 * Hovering a cell reads out its row's values over a block of layers.
 *
 * @param results Rows from `signalPropagation()`.
 * @param options Initialisations, activations, colour span.
 * @returns The figure (panels wrap two to a line).
 * @throws {TypeError} If `results` is not a non-empty array of results, or an option has
 *   the wrong type.
 * @throws {RangeError} If an initialisation or activation has no result, or `decades` is
 *   outside its range.
 *
 * @example
 * ```ts
 * import { signalPropagation } from "../training/signal_propagation.ts";
 * import { gradientHeatmapFigure } from "./gradient_heatmap_figure.ts";
 * const results = signalPropagation({
 *   activations: ["sigmoid", "relu"], inits: ["glorot_uniform", "he_normal"], depth: 8,
 *   width: 16, inputs: 16,
 * });
 * const fig = gradientHeatmapFigure(results);
 * console.assert(fig.titles.join() === "Gradient scale (Glorot uniform),Gradient scale (He normal)");
 * ```
 */
export function gradientHeatmapFigure(
  results: readonly SignalResult[],
  options?: GradientHeatmapOptions,
): Figure {
  const fn = "gradientHeatmapFigure";
  const { inits, activations, decades = 10 } = checkOptions(options, argument(fn, "options"));
  checkNumber(decades, option("decades"), { min: 1, max: 300 });
  selectSignals(results, fn, {}); // checks the results
  const chosen = inits ?? [...new Set(results.map((r) => r.init))];
  checkArrayLike(chosen, option("inits"), "an array of initialisation names");
  if (chosen.length === 0) {
    throw new RangeError(`${option("inits")}: expected at least one, got an empty array`);
  }
  const panels = chosen.map((init) => {
    const [, rows] = selectSignals(results, fn, { init, activations });
    return heatmapPanel(rows, init, decades);
  });
  return panels.length === 1 ? panels[0] : row(...panels);
}

// log₁₀ of each layer's gradient std: -Infinity for 0, NaN after an overflow
function logScales(r: SignalResult): number[] {
  return r.gradientStd.map((g) => Math.log10(g));
}

function heatmapPanel(rows: readonly SignalResult[], init: InitializerName, decades: number) {
  const depth = Math.max(...rows.map((r) => r.gradientStd.length));
  const values = rows.flatMap((r) => {
    const v = logScales(r);
    // a vanished gradient (0) saturates the scale; NaN stays a grey cell
    return Array.from({ length: depth }, (_, k) => Math.max(v[k] ?? NaN, -decades - 1));
  });
  const labels = rows.map((r) => r.label);
  const marginLeft = Math.ceil(Math.max(...labels.map((l) => textWidth(l, FONT_SIZE)))) + 14;
  const margins = { marginLeft, marginTop: 8, marginBottom: 44, marginRight: 10 };
  const plotWidth = Math.max(200, COLUMN * depth);
  const height = margins.marginTop + margins.marginBottom +
    Math.max(MIN_CELLS_HEIGHT, ROW * rows.length);
  const color: Plot.ScaleOptions = {
    type: "diverging",
    scheme: SCHEME,
    domain: [-decades, decades],
    pivot: 0,
    clamp: true,
  };
  // hover read-outs: each row in about five blocks of layers
  const block = Math.max(1, Math.ceil(depth / 5));
  const cells = rows.flatMap((r, i) => {
    const v = logScales(r);
    return Array.from({ length: Math.ceil(depth / block) }, (_, b) => {
      const from = b * block, to = Math.min(depth, from + block);
      const part = v.slice(from, to);
      return {
        x1: from + 0.5,
        x2: to + 0.5,
        y1: i,
        y2: i + 1,
        title: `${r.label}, layer${to - from > 1 ? `s ${from + 1}–${to}` : ` ${to}`}: ` +
          `gradient std ${span(part)}`,
      };
    });
  });
  const chart = Plot.plot({
    document: plotDocument(),
    width: marginLeft + plotWidth + margins.marginRight,
    height,
    ...margins,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: {
      domain: [0.5, depth + 0.5],
      label: "layer",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 36,
      ticks: layerTicks(depth),
    },
    y: {
      domain: [rows.length, 0],
      ticks: rows.map((_, i) => i + 0.5),
      tickFormat: (t: number) => labels[Math.floor(t)] ?? "",
      tickSize: 0,
      label: null,
    },
    color,
    marks: [
      Plot.rect([0], { x1: 0.5, x2: depth + 0.5, y1: 0, y2: rows.length, fill: MISSING }),
      Plot.raster(values, {
        width: depth,
        height: rows.length,
        x1: 0.5,
        x2: depth + 0.5,
        y1: 0,
        y2: rows.length,
        imageRendering: "pixelated",
      }),
      hoverCells(cells),
      Plot.frame({ stroke: "#999" }),
    ],
  }) as unknown as Element;
  // one flat colour per cell in resvg too (it ignores CSS pixelated)
  for (const image of chart.querySelectorAll("image")) {
    image.setAttribute("image-rendering", "optimizeSpeed");
  }
  const title = `Gradient scale (${INITIALIZER_LABELS[init]})`;
  return panel(chart, {
    title,
    legend: colorBar(color, height, margins),
    description: `${title}: log10 of each layer's gradient std, for ` +
      `${labels.join(", ")} over ${depth} layers, colours from ${-decades} to ${decades}`,
  });
}

// the lowest and highest of some log₁₀ values, as powers of ten
function span(logs: readonly number[]): string {
  const valid = logs.filter((v) => !Number.isNaN(v));
  if (valid.length === 0) return "not finite (overflow)";
  const lo = Math.min(...valid), hi = Math.max(...valid);
  const p = (v: number) => (v === -Infinity ? "0" : `10^${v.toFixed(1)}`);
  return lo === hi || p(lo) === p(hi) ? p(lo) : `${p(lo)} to ${p(hi)}`;
}

function layerTicks(depth: number): number[] {
  const step = depth <= 10 ? 1 : depth <= 25 ? 5 : depth <= 60 ? 10 : depth <= 150 ? 25 : 50;
  const ticks = [1];
  for (let t = step; t <= depth; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

// a vertical colour bar for the heatmap's scale, with its axis on the right
function colorBar(
  color: Plot.ScaleOptions,
  height: number,
  margins: { marginTop: number; marginBottom: number },
): Element {
  const [lo, hi] = color.domain as [number, number];
  const bar = Plot.plot({
    document: plotDocument(),
    width: 78,
    height,
    marginTop: margins.marginTop,
    marginBottom: margins.marginBottom,
    marginLeft: 8,
    marginRight: 52,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: { domain: [0, 1], axis: null },
    y: {
      domain: [lo, hi],
      axis: "right",
      label: "log₁₀ gradient std",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 44,
      ticks: 5,
      tickFormat: (v: number) => (v > 0 ? `+${v}` : String(v)),
    },
    color,
    marks: [
      Plot.raster({
        x1: 0,
        x2: 1,
        y1: lo,
        y2: hi,
        width: 1,
        height: 256,
        fill: (_x: number, y: number) => y,
      }),
    ],
  }) as unknown as Element;
  return bar;
}
