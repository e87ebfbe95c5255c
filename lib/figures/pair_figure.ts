/**
 * Function / derivative pair figures (the seed's six one-input activations): two panels
 * "<Label>" and "<Label> (Derivative)", thick curves clipped to the view window, native
 * SVG `<title>` hover read-outs, and kink markers on the derivative panel. Works on
 * plain arrays, independent of the activation registry.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Figure, panel, plotDocument, row, swatches } from "./render.ts";

/** A closed interval `[min, max]`: a view window along one axis. */
export type Interval = readonly [number, number];

/** One curve of a {@linkcode curvesFigure}. */
export interface Curve {
  /** Ascending sample positions. */
  readonly x: ArrayLike<number>;
  /** Values at `x` (same length). */
  readonly y: ArrayLike<number>;
  /** Stroke colour (default `#000000`). */
  readonly color?: string;
  /** Name in hover read-outs and the legend, e.g. "ReLU". */
  readonly label?: string;
}

/**
 * A point where the derivative jumps: the one-sided limits and the value the library
 * uses at the kink itself.
 */
export interface Kink {
  /** Position of the kink. */
  readonly x: number;
  /** Limit from the left, e.g. 0 for ReLU at 0. */
  readonly left: number;
  /** Limit from the right, e.g. 1 for ReLU at 0. */
  readonly right: number;
  /** The value used at `x` (drawn as a filled dot). */
  readonly at: number;
}

/** Options of {@linkcode curvesFigure}. */
export interface CurvesOptions {
  /** Title above the panel. */
  readonly title?: string;
  /** x window (default `[-5, 5]`). */
  readonly x?: Interval;
  /** y window (default `[-1.25, 1.25]`). */
  readonly y?: Interval;
  /** x axis label (default `"x"`). */
  readonly xLabel?: string;
  /** y axis label (default `"f(x)"`); also the name in hover read-outs. */
  readonly yLabel?: string;
  /** Kinks to mark (open dots at the one-sided limits, a filled dot at the value used). */
  readonly kinks?: readonly Kink[];
  /** Panel width in px (default 420). */
  readonly width?: number;
  /** Chart height in px, without the title (default 360). */
  readonly height?: number;
  /** Curve thickness in px (default 4). */
  readonly strokeWidth?: number;
  /** Show a legend of curve labels (default: when more than one curve has a label). */
  readonly legend?: boolean;
  /** Number of hover read-out points across the x window (default about 120). */
  readonly hoverPoints?: number;
}

/** Options of {@linkcode pairFigure}. */
export interface PairOptions {
  /** Display label, e.g. "Leaky ReLU" (titles "<label>" and "<label> (Derivative)"). */
  readonly label?: string;
  /** Curve colour (default `#000000`). */
  readonly color?: string;
  /** Function panel x window (default `[-5, 5]`). */
  readonly x?: Interval;
  /** Function panel y window (default `[-1.25, 1.25]`). */
  readonly y?: Interval;
  /** Derivative panel x window (default `[-5, 5]`). */
  readonly dx?: Interval;
  /** Derivative panel y window (default `[-0.25, 1.25]`). */
  readonly dy?: Interval;
  /** Kinks of the derivative to mark on the derivative panel. */
  readonly kinks?: readonly Kink[];
  /** Panel width in px (default 420). */
  readonly width?: number;
  /** Chart height in px (default 360). */
  readonly height?: number;
  /** Curve thickness in px (default 4). */
  readonly strokeWidth?: number;
}

/** Function values and derivatives sampled at `x` (ascending). */
export interface PairData {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly dy: ArrayLike<number>;
}

/**
 * The seed's function / derivative pair: "<Label>" with axes x, f(x) beside
 * "<Label> (Derivative)" with axes x, f'(x). Hovering a curve shows
 * "x = 1.25, f(x) = 0.7773" (a native SVG `<title>`, no script needed).
 *
 * @param data `{ x, y, dy }`: ascending positions, values and derivatives; sample densely
 *   inside both windows (e.g. 2000 points), the curves are drawn through the samples.
 * @param options Label, colour, windows, kinks, sizes.
 * @returns The figure.
 * @throws {TypeError} If the arrays are empty or of different lengths.
 * @throws {RangeError} If a window is not an increasing pair of finite numbers.
 *
 * @example ReLU with its kink at 0
 * ```ts
 * import { pairFigure } from "./pair_figure.ts";
 * const x = Array.from({ length: 601 }, (_, k) => -3 + k / 100);
 * const fig = pairFigure(
 *   { x, y: x.map((v) => Math.max(0, v)), dy: x.map((v) => (v > 0 ? 1 : 0)) },
 *   { label: "ReLU", color: "#42d1f5", x: [-3, 3], y: [-2, 4], dx: [-3, 3],
 *     kinks: [{ x: 0, left: 0, right: 1, at: 0 }] },
 * );
 * console.assert(fig.titles.join() === "ReLU,ReLU (Derivative)");
 * ```
 */
export function pairFigure(data: PairData, options: PairOptions = {}): Figure {
  const {
    label = "f",
    color = "#000000",
    x = [-5, 5],
    y = [-1.25, 1.25],
    dx = [-5, 5],
    dy = [-0.25, 1.25],
    kinks = [],
    width,
    height,
    strokeWidth,
  } = options;
  checkLengths(data.x, [data.y, data.dy], "x, y and dy");
  const common = { width, height, strokeWidth, legend: false };
  const f = curvesFigure([{ x: data.x, y: data.y, color, label }], {
    ...common,
    title: label,
    x,
    y,
    yLabel: "f(x)",
  });
  const d = curvesFigure([{ x: data.x, y: data.dy, color, label }], {
    ...common,
    title: `${label} (Derivative)`,
    x: dx,
    y: dy,
    yLabel: "f'(x)",
    kinks,
  });
  return row(f, d, { description: `${label}: function and derivative, x in [${x}]` });
}

/**
 * One panel of one or more curves in a fixed window: thick lines clipped to the frame
 * (the polyline is cut at the window's edges, so no point is drawn outside), a hover
 * read-out layer, optional kink markers and an optional legend. Use it for overlays
 * (several activations in one panel).
 *
 * @param curves One or more curves.
 * @param options Title, windows, labels, kinks, sizes.
 * @returns The panel.
 * @throws {TypeError} If no curve is given or a curve's arrays differ in length.
 * @throws {RangeError} If a window is not an increasing pair of finite numbers.
 *
 * @example Two curves overlaid
 * ```ts
 * import { curvesFigure } from "./pair_figure.ts";
 * const x = Array.from({ length: 201 }, (_, k) => -5 + k / 20);
 * const fig = curvesFigure([
 *   { x, y: x.map(Math.tanh), color: "#7ef542", label: "tanh" },
 *   { x, y: x.map((v) => 1 / (1 + Math.exp(-v))), color: "#f59042", label: "sigmoid" },
 * ], { title: "Saturating activations" });
 * console.assert(fig.svg().includes("sigmoid"));
 * ```
 */
export function curvesFigure(curves: readonly Curve[], options: CurvesOptions = {}): Figure {
  const {
    title,
    x: xw = [-5, 5],
    y: yw = [-1.25, 1.25],
    xLabel = "x",
    yLabel = "f(x)",
    kinks = [],
    width = 420,
    height = 360,
    strokeWidth = 4,
    hoverPoints = 120,
  } = options;
  if (!Array.isArray(curves) || curves.length === 0) {
    throw new TypeError("curvesFigure() expects at least one curve");
  }
  checkWindow(xw, "x");
  checkWindow(yw, "y");
  const legend = options.legend ?? curves.filter((c) => c.label).length > 1;
  const marks: Plot.Markish[] = [
    Plot.gridX({ stroke: "#ddd", strokeOpacity: 1 }),
    Plot.gridY({ stroke: "#ddd", strokeOpacity: 1 }),
    Plot.ruleX([0], { stroke: "#999" }),
    Plot.ruleY([0], { stroke: "#999" }),
    Plot.frame({ stroke: "#999" }),
  ];
  const step = niceStep((xw[1] - xw[0]) / hoverPoints);
  // data units per pixel of the frame, for simplifying polylines to 0.05 px
  const px = (xw[1] - xw[0]) / (width - 80), py = (yw[1] - yw[0]) / (height - 64);
  for (const [k, c] of curves.entries()) {
    checkLengths(c.x, [c.y], `x and y of curve ${k}`);
    const color = c.color ?? "#000000";
    const breaks = kinks.filter((q) => Math.abs(q.left - q.right) > 1e-9)
      .map((q) => ({ x: q.x, jump: Math.abs(q.left - q.right) }));
    const segments = simplify(clipPolyline(c.x, c.y, xw, yw, { breaks }), px, py);
    marks.push(
      Plot.line(segments, {
        x: "x",
        y: "y",
        z: "z",
        stroke: color,
        strokeWidth,
        strokeLinejoin: "round",
        strokeLinecap: "round",
        clip: true,
        ariaDescription: c.label ? `curve ${c.label}` : "curve",
      }),
    );
    const hover = hoverSamples(c.x, c.y, xw, yw, step);
    const name = curves.length > 1 && c.label ? `${c.label}: ` : "";
    const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    marks.push(
      Plot.dot(hover, {
        x: "x",
        y: "y",
        r: 5,
        fill: color,
        fillOpacity: 0,
        pointerEvents: "all",
        ariaDescription: "hover",
        title: (d: { x: number; y: number }) =>
          `${name}x = ${d.x.toFixed(digits)}, ${yLabel} = ${formatValue(d.y)}`,
      }),
    );
  }
  for (const kink of kinks) {
    const color = curves[0].color ?? "#000000";
    const inside = (v: number) => v >= yw[0] && v <= yw[1];
    if (!(kink.x >= xw[0] && kink.x <= xw[1])) continue;
    const jump = Math.abs(kink.left - kink.right) > 1e-9;
    const open = jump ? [kink.left, kink.right].filter(inside) : [];
    const describe = `kink at x = ${kink.x}: limit from the left ${
      formatValue(kink.left)
    }, from the right ${formatValue(kink.right)}, value used ${formatValue(kink.at)}`;
    marks.push(
      Plot.dot(open.map((v) => ({ x: kink.x, y: v })), {
        x: "x",
        y: "y",
        r: 6,
        fill: "white",
        stroke: color,
        strokeWidth: 2.5,
        ariaDescription: "kink limit",
        title: () => describe,
      }),
      Plot.dot(inside(kink.at) ? [{ x: kink.x, y: kink.at }] : [], {
        x: "x",
        y: "y",
        r: 6,
        fill: color,
        stroke: "white",
        strokeWidth: 1.5,
        ariaDescription: "kink value",
        title: () => describe,
      }),
    );
  }
  const chart = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 62,
    marginBottom: 50,
    marginTop: 14,
    marginRight: 18,
    style: { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: {
      domain: [...xw],
      label: xLabel,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 42,
    },
    y: {
      domain: [...yw],
      label: yLabel,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 50,
    },
    color: legend
      ? {
        legend: false,
        domain: curves.map((c) => c.label ?? ""),
        range: curves.map((c) => c.color ?? "#000000"),
      }
      : undefined,
    marks,
  }) as unknown as Element;
  const key = legend
    ? swatches(curves.map((c) => ({ label: c.label ?? "", color: c.color ?? "#000000" })))
    : undefined;
  return panel(chart, {
    title,
    legend: key,
    description: title ?? curves.map((c) => c.label).filter(Boolean).join(", "),
  });
}

function checkLengths(x: ArrayLike<number>, others: ArrayLike<number>[], what: string): void {
  if (!x || x.length === 0) throw new TypeError(`Invalid ${what}: expected non-empty arrays`);
  for (const o of others) {
    if (!o || o.length !== x.length) {
      throw new TypeError(
        `Invalid ${what}: lengths ${[x, ...others].map((a) => a?.length)} differ`,
      );
    }
  }
}

function checkWindow(w: Interval, name: string): void {
  if (
    !Array.isArray(w) || w.length !== 2 || !Number.isFinite(w[0]) || !Number.isFinite(w[1]) ||
    !(w[0] < w[1])
  ) {
    throw new RangeError(
      `Invalid ${name} window ${JSON.stringify(w)}: expected [min, max] with finite min < max`,
    );
  }
}

// Round-ish step (1, 2 or 5 times a power of ten) for hover positions like 1.25.
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3)
    ? v.toExponential(3)
    : String(+v.toFixed(4));
  return s === "-0" ? "0" : s;
}

/** A point of a clipped polyline; `z` numbers the connected pieces. */
export interface SegmentPoint {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/**
 * Cuts the polyline through `(x[k], y[k])` at the edges of a window (Liang-Barsky per
 * segment), so every returned point lies inside the window and the drawn curve leaves
 * the frame exactly where the true polyline does. Non-finite samples break the line, and
 * so does every `breaks` position `x` that falls strictly between two samples or on a
 * sample whose segment changes by more than half the `jump` (a jump of the derivative is
 * not drawn as a steep line).
 *
 * @param x Positions.
 * @param y Values (same length).
 * @param xw x window.
 * @param yw y window.
 * @param options `breaks`: `{ x, jump }` positions where the line must not be joined.
 * @returns Points of the visible pieces; `z` numbers the pieces.
 *
 * @example A line leaving the window at y = 1
 * ```ts
 * import { clipPolyline } from "./pair_figure.ts";
 * const pts = clipPolyline([0, 2], [0, 2], [0, 2], [0, 1]);
 * console.assert(pts.length === 2 && pts[1].x === 1 && pts[1].y === 1);
 * ```
 */
export function clipPolyline(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xw: Interval,
  yw: Interval,
  options: { readonly breaks?: readonly { readonly x: number; readonly jump: number }[] } = {},
): SegmentPoint[] {
  const { breaks = [] } = options;
  const out: SegmentPoint[] = [];
  let z = 0, open = false;
  let last: SegmentPoint | undefined;
  for (let k = 0; k + 1 < x.length; k++) {
    const x0 = x[k], y0 = y[k], x1 = x[k + 1], y1 = y[k + 1];
    const broken = breaks.some((b) =>
      (x0 < b.x && b.x < x1) ||
      ((x0 === b.x || x1 === b.x) && Math.abs(y1 - y0) > b.jump / 2)
    );
    if (![x0, y0, x1, y1].every(Number.isFinite) || broken) {
      open = false;
      continue;
    }
    const t = clipSegment(x0, y0, x1, y1, xw, yw);
    if (!t || t[0] >= t[1]) {
      open = false;
      continue;
    }
    const a = { x: x0 + t[0] * (x1 - x0), y: y0 + t[0] * (y1 - y0) };
    const b = { x: x0 + t[1] * (x1 - x0), y: y0 + t[1] * (y1 - y0) };
    if (!open || t[0] > 0 || !last) {
      z++;
      out.push(last = { ...a, z });
    }
    out.push(last = { ...b, z });
    open = t[1] === 1;
  }
  if (x.length === 1 && Number.isFinite(x[0]) && Number.isFinite(y[0])) {
    if (x[0] >= xw[0] && x[0] <= xw[1] && y[0] >= yw[0] && y[0] <= yw[1]) {
      out.push({ x: x[0], y: y[0], z: 1 });
    }
  }
  return out;
}

function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  xw: Interval,
  yw: Interval,
): [number, number] | undefined {
  let t0 = 0, t1 = 1;
  const dx = x1 - x0, dy = y1 - y0;
  const edges: [number, number][] = [
    [-dx, x0 - xw[0]],
    [dx, xw[1] - x0],
    [-dy, y0 - yw[0]],
    [dy, yw[1] - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return undefined;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return undefined;
        if (r < t1) t1 = r;
      }
    }
  }
  return [t0, t1];
}

// Values at round x positions inside the window: the exact sample when one sits there,
// else linear interpolation between the two neighbours.
function hoverSamples(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xw: Interval,
  yw: Interval,
  step: number,
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  const n = x.length;
  const tol = step * 1e-3;
  const first = Math.ceil(xw[0] / step - 1e-9), last = Math.floor(xw[1] / step + 1e-9);
  let j = 0;
  for (let k = first; k <= last; k++) {
    const xv = +(k * step).toPrecision(12);
    if (xv < x[0] - tol || xv > x[n - 1] + tol) continue;
    while (j + 1 < n && x[j + 1] <= xv + tol) j++;
    let yv: number;
    if (Math.abs(x[j] - xv) <= tol) yv = y[j];
    else if (j + 1 < n && Math.abs(x[j + 1] - xv) <= tol) yv = y[j + 1];
    else if (j + 1 < n) yv = y[j] + (y[j + 1] - y[j]) * (xv - x[j]) / (x[j + 1] - x[j]);
    else continue;
    if (Number.isFinite(yv) && yv >= yw[0] && yv <= yw[1]) out.push({ x: xv, y: yv });
  }
  return out;
}

// Ramer-Douglas-Peucker per connected piece, with the tolerance in pixels: keeps the
// drawn curve within 0.05 px of the samples while dropping points on straight runs.
function simplify(points: SegmentPoint[], px: number, py: number): SegmentPoint[] {
  const out: SegmentPoint[] = [];
  let start = 0;
  for (let k = 1; k <= points.length; k++) {
    if (k === points.length || points[k].z !== points[start].z) {
      const piece = points.slice(start, k);
      const keep = new Uint8Array(piece.length);
      keep[0] = keep[piece.length - 1] = 1;
      const stack: [number, number][] = [[0, piece.length - 1]];
      while (stack.length) {
        const [a, b] = stack.pop()!;
        const ax = piece[a].x / px, ay = piece[a].y / py;
        const bx = piece[b].x / px, by = piece[b].y / py;
        const len = Math.hypot(bx - ax, by - ay);
        let worst = -1, far = 0;
        for (let i = a + 1; i < b; i++) {
          const cx = piece[i].x / px, cy = piece[i].y / py;
          const d = len === 0
            ? Math.hypot(cx - ax, cy - ay)
            : Math.abs((bx - ax) * (ay - cy) - (ax - cx) * (by - ay)) / len;
          if (d > far) [far, worst] = [d, i];
        }
        if (worst >= 0 && far > 0.05) {
          keep[worst] = 1;
          stack.push([a, worst], [worst, b]);
        }
      }
      piece.forEach((p, i) => keep[i] && out.push(p));
      start = k;
    }
  }
  return out;
}
