/**
 * Function / derivative pair figures (the original's six one-input activations): two
 * panels "<Label>" and "<Label> (Derivative)", thick curves clipped to the view window,
 * native SVG `<title>` hover read-outs, and kink markers on the derivative panel. Works on
 * plain arrays, independent of the activation registry.
 *
 * @module
 */
import { checkLengths, curvesFigure } from "./curves_figure.ts";
import type { Figure } from "./figure.ts";
import type { Interval } from "./interval.ts";
import { row } from "./layout.ts";
import type { Kink } from "./curves_figure.ts";
import { argument, checkObject, checkOptions } from "../guards.ts";

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
  /** Panel width in px, from 100 to 10,000 (`MIN_PANEL_SIZE`, `MAX_PANEL_SIZE`); default 420. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 360. */
  readonly height?: number;
  /** Curve thickness in px, from 0 to 50; default 4. */
  readonly strokeWidth?: number;
  /** Hover read-outs per panel (see `curvesFigure`): 0 (none) to 5,000; default 60. */
  readonly hoverPoints?: number;
}

/** Function values and derivatives sampled at `x` (ascending). */
export interface PairData {
  /** Sample positions, ascending. */
  readonly x: ArrayLike<number>;
  /** f(x[i]) */
  readonly y: ArrayLike<number>;
  /** f'(x[i]) */
  readonly dy: ArrayLike<number>;
}

/**
 * The original's function / derivative pair: "<Label>" with axes x, f(x) beside
 * "<Label> (Derivative)" with axes x, f'(x). Hovering a curve shows
 * "x = 1.25, f(x) = 0.7773" (a native SVG `<title>`, no script needed).
 *
 * @param data `{ x, y, dy }`: ascending positions, values and derivatives; sample densely
 *   inside both windows (e.g. 2000 points), the curves are drawn through the samples.
 * @param options Label, colour, windows, kinks, sizes.
 * @returns The figure.
 * @throws {TypeError} If `data` is not `{ x, y, dy }` arrays, they are empty or of
 *   different lengths, or an option has the wrong type.
 * @throws {RangeError} If a window is not an increasing pair of finite numbers, or a size
 *   is outside the range its documentation gives.
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
export function pairFigure(data: PairData, options?: PairOptions): Figure {
  checkObject(data, argument("pairFigure", "data"), "{ x, y, dy }");
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
    hoverPoints,
  } = checkOptions(options, argument("pairFigure", "options"));
  checkLengths(data.x, [data.y, data.dy], "x, y and dy");
  const common = { width, height, strokeWidth, hoverPoints, legend: false };
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
  return row(f, d, { description: `${label}: function and derivative, x in [${x.join(", ")}]` });
}
