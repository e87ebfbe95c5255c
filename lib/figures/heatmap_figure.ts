/**
 * Heatmaps of a function of two inputs (the original's Softmax and Maxout panels): a raster
 * in colorcet's `bmy` palette with a colour bar on the right, axes x1 and x2, a title
 * above, and a coarse invisible grid of native SVG `<title>` hover read-outs.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { checkGrid, checkGridSize, type Grid } from "../grid.ts";
import { createCanvas } from "canvas";
import { interpolateBmy } from "./palette.ts";
import { base64 } from "./markup.ts";
import type { Figure } from "./figure.ts";
import { panel } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { textWidth } from "./text_width.ts";
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
  return Plot.rect(cells, {
    x1: "x1",
    x2: "x2",
    y1: "y1",
    y2: "y2",
    fill: "white",
    fillOpacity: 0,
    pointerEvents: "all",
    title: "title",
    ariaDescription: "hover",
  });
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

/**
 * A vertical colour bar (256 steps) with a tick axis on its right, sized to sit beside a
 * chart whose frame has the given top and bottom margins.
 *
 * @param domain `[low, high]`.
 * @param scheme Colour of `t` in `[0, 1]`.
 * @param height Height of the chart it accompanies.
 * @param marginTop Chart's top margin.
 * @param marginBottom Chart's bottom margin.
 * @returns An `<svg>` element.
 *
 * @example
 * ```ts
 * import { colorBar } from "./heatmap_figure.ts";
 * import { interpolateBmy } from "./palette.ts";
 * const bar = colorBar([0, 1], interpolateBmy, 300, 10, 40);
 * console.assert(bar.getAttribute("height") === "300");
 * ```
 */
export function colorBar(
  domain: readonly [number, number],
  scheme: (t: number) => string | undefined,
  height: number,
  marginTop: number,
  marginBottom: number,
): Element {
  const [lo, hi] = domain;
  const steps = new Float32Array(256).map((_, k) => lo + (k + 0.5) / 256 * (hi - lo));
  const plot = (marginRight: number) =>
    Plot.plot({
      document: plotDocument(),
      width: 26 + marginRight,
      height,
      marginTop,
      marginBottom,
      marginLeft: 8,
      marginRight,
      style: { fontSize: `${BAR_FONT_SIZE}px`, fontFamily: "DejaVu Sans, system-ui, sans-serif" },
      x: { domain: [0, 1], axis: null },
      y: { domain: [lo, hi], axis: "right", label: null, nice: false },
      marks: [Plot.frame({ stroke: "none" })],
    }) as unknown as Element & Plot.Plot;
  let bar = plot(52);
  // room for the widest tick label right of the bar: the tick (6 px), padding (3 px), text
  const labels = bar.querySelectorAll('[aria-label="y-axis tick label"] text');
  const widest = Math.max(
    0,
    ...Array.from(labels, (t) => textWidth(t.textContent ?? "", BAR_FONT_SIZE)),
  );
  if (widest + 11 > 52) bar = plot(Math.ceil(widest + 11));
  const ys = bar.scale("y")!;
  insertImage(bar, rasterDataUrl(steps, 1, 256, domain, scheme), {
    x: 8,
    y: ys.apply(hi),
    width: 18,
    height: ys.apply(lo) - ys.apply(hi),
    description: "colour bar",
  });
  return bar;
}

// The colour bar's tick labels, in px (the axes' size).
const BAR_FONT_SIZE = 13;

// Colours of 256 equal bins of the scheme, as RGB bytes (a lookup table: one scheme call
// per bin instead of one per cell).
function lookupTable(scheme: (t: number) => string | undefined): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = scheme((k + 0.5) / 256) ?? "#000000";
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
    const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(c);
    if (!hex && !rgb) {
      throw new TypeError(`Invalid scheme color "${c}": expected "#rrggbb" or "rgb(r, g, b)"`);
    }
    for (let i = 0; i < 3; i++) {
      table[3 * k + i] = hex ? parseInt(hex[i + 1], 16) : Number(rgb![i + 1]);
    }
  }
  return table;
}

// The values as a PNG data URL, one pixel per cell, row 0 (lowest x2) at the bottom;
// NaN cells are transparent.
function rasterDataUrl(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  domain: readonly [number, number],
  scheme: (t: number) => string | undefined,
): string {
  const canvas = plotDocument().createElement("canvas");
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext("2d")!;
  ctx.putImageData(rasterPixels(values, nx, ny, domain, scheme, ctx.createImageData(nx, ny)), 0, 0);
  return canvas.toDataURL("image/png");
}

/**
 * A grid of values as a small WebP picture (a data URL), one pixel per cell, coloured as
 * {@linkcode heatmapFigure} colours them: the compact frames of an epoch slider.
 *
 * @param values Row-major values, `values[j * nx + i]` at column i and row j (upwards).
 * @param nx Columns.
 * @param ny Rows.
 * @param domain The values at the two ends of the colour scheme.
 * @param scheme Colour scheme (default bmy).
 * @returns `data:image/webp;base64,...`
 * @example
 * ```ts
 * import { rasterWebp } from "./heatmap_figure.ts";
 * const url = rasterWebp(new Float32Array([0, 0.5, 0.5, 1]), 2, 2, [0, 1]);
 * console.assert(url.startsWith("data:image/webp;base64,"));
 * ```
 */
export function rasterWebp(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  domain: readonly [number, number],
  scheme: (t: number) => string | undefined = interpolateBmy,
): string {
  checkGridSize(nx, ny);
  const canvas = createCanvas(nx, ny);
  const ctx = canvas.getContext("2d");
  const image = rasterPixels(values, nx, ny, domain, scheme, ctx.createImageData(nx, ny));
  ctx.putImageData(image, 0, 0);
  return `data:image/webp;base64,${base64(canvas.encodeSync("webp", 85))}`;
}

// The cells' colours: the scheme in 256 steps over the domain, rows flipped (row 0 at the
// bottom), NaN transparent.
function rasterPixels<T extends { data: Uint8ClampedArray }>(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  [lo, hi]: readonly [number, number],
  scheme: (t: number) => string | undefined,
  image: T,
): T {
  const table = lookupTable(scheme);
  const data = image.data;
  const span = hi - lo;
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const v = values[j * nx + i];
      const o = 4 * (row + i);
      if (v !== v) continue;
      const k = Math.min(255, Math.max(0, Math.floor((v - lo) / span * 256)));
      data[o] = table[3 * k];
      data[o + 1] = table[3 * k + 1];
      data[o + 2] = table[3 * k + 2];
      data[o + 3] = 255;
    }
  }
  return image;
}

// Adds an <image> as the chart's first drawn layer (under axes, hover cells and marks).
function insertImage(
  chart: Element,
  href: string,
  box: { x: number; y: number; width: number; height: number; description: string },
): void {
  const doc = chart.ownerDocument;
  const g = doc.createElementNS("http://www.w3.org/2000/svg", "g");
  g.setAttribute("aria-description", box.description);
  const image = doc.createElementNS("http://www.w3.org/2000/svg", "image");
  for (const key of ["x", "y", "width", "height"] as const) {
    image.setAttribute(key, String(box[key]));
  }
  image.setAttribute("preserveAspectRatio", "none");
  // one flat colour per cell, as Bokeh draws images (and far smaller PNGs than smoothing)
  image.setAttribute("image-rendering", "optimizeSpeed");
  image.setAttribute("href", href);
  g.appendChild(image);
  const first = Array.from(chart.children).find((c) => c.localName !== "style");
  chart.insertBefore(g, first ?? null);
}
