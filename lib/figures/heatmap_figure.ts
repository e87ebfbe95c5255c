/**
 * Heatmaps of a function of two inputs (the original's Softmax and Maxout panels): a raster
 * in colorcet's `bmy` palette with a colour bar on the right, axes x1 and x2, a title
 * above, and a coarse invisible grid of native SVG `<title>` hover read-outs.
 *
 * The colour bar is color_bar.ts, the raster of values heatmap_raster.ts; this module
 * re-exports `colorBar()` and `rasterWebp()`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { hoverCells } from "./hover_cells.ts";
import { checkGrid, checkGridSize, type Grid } from "../grid.ts";
import { interpolateBmy } from "./palette.ts";
import type { Figure } from "./figure.ts";
import { panel } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { colorBar } from "./color_bar.ts";
import { insertImage, rasterDataUrl } from "./heatmap_raster.ts";
import { MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "./figure.ts";
import {
  argument,
  checkArrayLike,
  checkFunction,
  checkInteger,
  checkOptions,
  checkPixels,
  checkString,
  option,
} from "../guards.ts";

// the colour bar and the frames' pictures, where callers look
export { colorBar } from "./color_bar.ts";
export { rasterWebp } from "./heatmap_raster.ts";

/** Most hover cells per axis (`hoverCells`): 100, 10,000 titled cells (default 10). */
export const MAX_HOVER_CELLS = 100;

/** Options of {@linkcode heatmapFigure}. */
export interface HeatmapOptions {
  /** Title above the panel, e.g. "Softmax (1st)". */
  readonly title?: string;
  /** Name of the value in hover read-outs (default `"f(x)"`). */
  readonly label?: string;
  /** Horizontal axis label (default `"x1"`). */
  readonly x1Label?: string;
  /** Vertical axis label (default `"x2"`). */
  readonly x2Label?: string;
  /** Colour scale domain `[low, high]` (default: the values' min and max, like Bokeh's mapper). */
  readonly domain?: readonly [number, number];
  /** Colour of `t` in `[0, 1]` (default colorcet `bmy`, see palette.ts). */
  readonly scheme?: (t: number) => string | undefined;
  /** Chart width in px without the colour bar, from 100 to 10,000; default 400. */
  readonly width?: number;
  /** Chart height in px without the title, from 100 to 10,000; default 380. */
  readonly height?: number;
  /**
   * Hover cells per axis: an integer from 1 to {@linkcode MAX_HOVER_CELLS}; default 10
   * (100 titled cells).
   */
  readonly hoverCells?: number;
  /**
   * Extra Plot marks drawn over the raster (`boundaryFigure` draws the training points
   * with them).
   *
   * @internal
   */
  readonly marks?: readonly Plot.Markish[];
}

/**
 * A heatmap of `grid` with a colour bar, axes x1 and x2 and a title above. Cells are
 * drawn centred on the grid's sample positions; the axes span the samples.
 *
 * @param grid Values on a grid (see {@linkcode Grid}).
 * @param options Title, labels, colour domain and scheme, sizes.
 * @returns The figure.
 * @throws {TypeError} If the grid's arrays do not match (see {@linkcode checkGrid}), or an
 *   option has the wrong type.
 * @throws {RangeError} If the axes are not ascending, the domain is not finite, the grid
 *   has more than `MAX_GRID_POINTS` points, or a size option is outside its range.
 *
 * @example x1 - x2 on a 20 x 20 grid
 * ```ts
 * import { heatmapFigure } from "./heatmap_figure.ts";
 * import { linspace } from "../grid.ts";
 * const x1 = linspace(0, 10, 20), x2 = linspace(0, 10, 20);
 * const values = new Float32Array(400).map((_, k) => x1[k % 20] - x2[Math.floor(k / 20)]);
 * const fig = heatmapFigure({ x1, x2, values }, { title: "Difference" });
 * console.assert(fig.titles[0] === "Difference");
 * ```
 */
export function heatmapFigure(grid: Grid, options?: HeatmapOptions): Figure {
  const {
    title,
    label = "f(x)",
    x1Label = "x1",
    x2Label = "x2",
    scheme = interpolateBmy,
    width = 400,
    height = 380,
    hoverCells = 10,
    marks = [],
  } = checkOptions(options, argument("heatmapFigure", "options"));
  const { x1, x2, values } = checkGrid(grid);
  checkGridSize(x1.length, x2.length);
  checkPixels(width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkInteger(hoverCells, option("hoverCells"), 1, MAX_HOVER_CELLS);
  checkFunction(scheme, option("scheme"));
  checkArrayLike(marks, option("marks"), "an array of Plot marks");
  for (const [name, text] of Object.entries({ title, label, x1Label, x2Label })) {
    if (text !== undefined) checkString(text, option(name), true);
  }
  const domain = colorDomain(values, options?.domain);
  const nx = x1.length, ny = x2.length;
  const hx = nx > 1 ? (x1[nx - 1] - x1[0]) / (nx - 1) / 2 : 0.5;
  const hy = ny > 1 ? (x2[ny - 1] - x2[0]) / (ny - 1) / 2 : 0.5;
  // cells are centred on the samples; the axes span the cells (Bokeh's image x, dw)
  const xDomain: [number, number] = [x1[0] - hx, x1[nx - 1] + hx];
  const yDomain: [number, number] = [x2[0] - hy, x2[ny - 1] + hy];
  const margins = { marginLeft: 56, marginBottom: 48, marginTop: 12, marginRight: 12 };
  const chart = Plot.plot({
    document: plotDocument(),
    width,
    height,
    ...margins,
    style: { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: {
      domain: xDomain,
      label: x1Label,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 40,
    },
    y: {
      domain: yDomain,
      label: x2Label,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 44,
    },
    marks: [
      hoverGrid(grid, hoverCells, label, xDomain, yDomain),
      ...marks,
      Plot.frame({ stroke: "#999" }),
    ],
  }) as unknown as Element & Plot.Plot;
  const xs = chart.scale("x")!, ys = chart.scale("y")!;
  const [left, right] = [xs.apply(xDomain[0]), xs.apply(xDomain[1])];
  const [bottom, top] = [ys.apply(yDomain[0]), ys.apply(yDomain[1])];
  insertImage(chart, rasterDataUrl(values, nx, ny, domain, scheme), {
    x: left,
    y: top,
    width: right - left,
    height: bottom - top,
    description: "heatmap",
  });
  const bar = colorBar(domain, scheme, height, margins.marginTop, margins.marginBottom);
  return panel(chart, {
    title,
    legend: bar,
    // the samples' range, rounded as the hover read-outs are (the cells reach half a cell
    // beyond it, to 10.025125628140703 for the original's grid)
    description: `${title ?? "Heatmap"}: ${label} over ${x1Label} in ${
      range(x1)
    } and ${x2Label} in ${range(x2)}, colour from ${fmt(domain[0])} to ${fmt(domain[1])}`,
  });
}

function colorDomain(
  values: Float32Array,
  domain?: readonly [number, number],
): [number, number] {
  if (domain !== undefined) {
    checkArrayLike(domain, option("domain"), "[low, high]");
    if (!Number.isFinite(domain[0]) || !Number.isFinite(domain[1]) || domain[0] > domain[1]) {
      throw new RangeError(
        `Invalid color domain ${
          JSON.stringify(domain)
        }: expected [low, high] with finite low <= high`,
      );
    }
    return widen(domain[0], domain[1]);
  }
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  return widen(lo, hi);
}

// A constant field still needs a non-empty colour scale.
function widen(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const d = Math.abs(lo) > 0 ? Math.abs(lo) * 0.01 : 0.5;
  return [lo - d, hi + d];
}

function fmt(v: number): string {
  return String(+v.toPrecision(4));
}

function range(axis: Float32Array): string {
  return `[${fmt(axis[0])}, ${fmt(axis[axis.length - 1])}]`;
}

// An invisible k x k grid of rects, each with a <title> of the value at its centre
// (nearest sample), so hovering anywhere gives a read-out without one element per cell.
function hoverGrid(
  grid: Grid,
  k: number,
  label: string,
  xDomain: [number, number],
  yDomain: [number, number],
): Plot.Markish {
  const { x1, x2, values } = grid;
  const nx = x1.length, ny = x2.length;
  const kx = Math.max(1, Math.min(k, nx)), ky = Math.max(1, Math.min(k, ny));
  const cells: { x1: number; x2: number; y1: number; y2: number; title: string }[] = [];
  const wx = (xDomain[1] - xDomain[0]) / kx, wy = (yDomain[1] - yDomain[0]) / ky;
  for (let j = 0; j < ky; j++) {
    for (let i = 0; i < kx; i++) {
      const cx = xDomain[0] + (i + 0.5) * wx, cy = yDomain[0] + (j + 0.5) * wy;
      const si = nearest(x1, cx), sj = nearest(x2, cy);
      const v = values[sj * nx + si];
      cells.push({
        x1: xDomain[0] + i * wx,
        x2: xDomain[0] + (i + 1) * wx,
        y1: yDomain[0] + j * wy,
        y2: yDomain[0] + (j + 1) * wy,
        title: `x1 = ${fmt(x1[si])}, x2 = ${fmt(x2[sj])}, ${label} = ${fmt(v)}`,
      });
    }
  }
  return hoverCells(cells);
}

function nearest(axis: Float32Array, v: number): number {
  let lo = 0, hi = axis.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (axis[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(axis[hi] - v) < Math.abs(axis[lo] - v) ? hi : lo;
}
