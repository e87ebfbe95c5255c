/**
 * One panel of one or more curves in a fixed window: thick lines clipped to the frame,
 * native SVG `<title>` hover read-outs, kink markers and an optional legend. The
 * building block of the function / derivative pairs and the overlays.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Figure } from "./figure.ts";
import { checkWindow, type Interval } from "./interval.ts";
import { panel } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { clipPolyline, simplify } from "./polyline.ts";
import { swatches } from "./swatches.ts";
import { formatValue } from "./ticks.ts";
import { MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "./figure.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  checkPixels,
  checkString,
  option,
} from "../guards.ts";

/**
 * Most hover read-out points per curve (`hoverPoints`): 5,000 (default 60). Each is an
 * SVG element with a `<title>`; ten million of them exhaust V8's heap.
 */
export const MAX_HOVER_POINTS = 5_000;

/** Thickest curve (`strokeWidth`): 50 px. */
export const MAX_STROKE_WIDTH = 50;
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
  /** SVG dash pattern, e.g. `"7 5"`, to draw the curve dashed (default solid). */
  readonly dash?: string;
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
  /** Panel width in px, from `MIN_PANEL_SIZE` (100) to `MAX_PANEL_SIZE` (10,000); default 420. */
  readonly width?: number;
  /** Chart height in px without the title, from 100 to 10,000; default 360. */
  readonly height?: number;
  /** Curve thickness in px, from 0 to {@linkcode MAX_STROKE_WIDTH}; default 4. */
  readonly strokeWidth?: number;
  /** Show a legend of curve labels (default: when more than one curve has a label). */
  readonly legend?: boolean;
  /**
   * Number of hover read-out points across the x window: an integer from 0 (none) to
   * {@linkcode MAX_HOVER_POINTS}; default 60 (a read-out every 0.1 on the original's
   * [-3, 3] windows).
   */
  readonly hoverPoints?: number;
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
 * @throws {TypeError} If no curve is given, a curve is not `{ x, y }` arrays of one
 *   length, or an option has the wrong type.
 * @throws {RangeError} If a window is not an increasing pair of finite numbers, or a size
 *   option is outside the range its documentation gives (checked before drawing).
 *
 * @example Two curves overlaid
 * ```ts
 * import { curvesFigure } from "./curves_figure.ts";
 * const x = Array.from({ length: 201 }, (_, k) => -5 + k / 20);
 * const fig = curvesFigure([
 *   { x, y: x.map(Math.tanh), color: "#7ef542", label: "tanh" },
 *   { x, y: x.map((v) => 1 / (1 + Math.exp(-v))), color: "#f59042", label: "sigmoid" },
 * ], { title: "Saturating activations" });
 * console.assert(fig.svg().includes("sigmoid"));
 * ```
 */
export function curvesFigure(curves: readonly Curve[], options?: CurvesOptions): Figure {
  checkArrayLike(curves, argument("curvesFigure", "curves"), "an array of curves");
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
    hoverPoints = 60,
    legend: showLegend,
  } = checkOptions(options, argument("curvesFigure", "options"));
  if (!Array.isArray(curves) || curves.length === 0) {
    throw new TypeError("curvesFigure() expects at least one curve");
  }
  curves.forEach((c, k) => checkObject(c, argument("curvesFigure", `curves[${k}]`), "{ x, y }"));
  checkWindow(xw, "x");
  checkWindow(yw, "y");
  checkPixels(width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkNumber(strokeWidth, option("strokeWidth"), { min: 0, max: MAX_STROKE_WIDTH });
  checkInteger(hoverPoints, option("hoverPoints"), 0, MAX_HOVER_POINTS);
  checkArrayLike(kinks, option("kinks"), "an array of kinks");
  const texts = { title, xLabel, yLabel };
  for (const [name, text] of Object.entries(texts)) {
    if (text !== undefined) checkString(text, option(name), true);
  }
  const legend = showLegend ?? curves.filter((c) => c.label).length > 1;
  const marks: Plot.Markish[] = [
    Plot.gridX({ stroke: "#ddd", strokeOpacity: 1 }),
    Plot.gridY({ stroke: "#ddd", strokeOpacity: 1 }),
    Plot.ruleX([0], { stroke: "#999", ariaDescription: "x = 0" }),
    Plot.ruleY([0], { stroke: "#999", ariaDescription: "y = 0" }),
    Plot.frame({ stroke: "#999" }),
  ];
  const step = niceStep((xw[1] - xw[0]) / Math.max(1, hoverPoints));
  // data units per pixel of the frame, for simplifying polylines to 0.05 px
  const px = (xw[1] - xw[0]) / (width - 80), py = (yw[1] - yw[0]) / (height - 64);
  for (const [k, c] of curves.entries()) {
    checkLengths(c.x, [c.y], `x and y of curve ${k}`);
    if (c.dash !== undefined) checkString(c.dash, argument("curvesFigure", `curves[${k}].dash`));
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
        strokeLinecap: c.dash ? "butt" : "round",
        strokeDasharray: c.dash,
        clip: true,
        ariaDescription: c.label ? `curve ${c.label}` : "curve",
      }),
    );
    const hover = hoverPoints > 0 ? hoverSamples(c.x, c.y, xw, yw, step) : [];
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
    ? swatches(
      curves.map((c) => ({ label: c.label ?? "", color: c.color ?? "#000000", dash: c.dash })),
    )
    : undefined;
  return panel(chart, {
    title,
    legend: key,
    description: title ?? curves.map((c) => c.label).filter(Boolean).join(", "),
  });
}

/**
 * Checks that sample arrays are non-empty and of one length.
 *
 * @param x The positions.
 * @param others Arrays that must have `x.length` entries.
 * @param what The arrays' names, for the message: "x, y and dy".
 * @throws {TypeError} If an array is not an array, `x` is empty or another array's length
 *   differs.
 */
export function checkLengths(
  x: ArrayLike<number>,
  others: ArrayLike<number>[],
  what: string,
): void {
  for (const a of [x, ...others]) checkArrayLike(a, `Invalid ${what}`, "arrays of numbers");
  if (x.length === 0) throw new TypeError(`Invalid ${what}: expected non-empty arrays`);
  for (const o of others) {
    if (!o || o.length !== x.length) {
      throw new TypeError(
        `Invalid ${what}: lengths ${[x, ...others].map((a) => a?.length)} differ`,
      );
    }
  }
}

/**
 * A round-ish step (1, 2 or 5 times a power of ten) for hover positions like 1.25: the
 * hover read-outs of {@linkcode curvesFigure} sit at its multiples.
 *
 * @param raw The step wanted.
 * @returns The smallest round step at least `raw`.
 */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
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
