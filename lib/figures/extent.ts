/**
 * The window of a figure over the plane, `[[x1min, x1max], [x2min, x2max]]`: checked, or
 * found around the points when none is given. prediction_figure.ts re-exports
 * `checkExtent()`.
 *
 * @module
 */
import { checkArrayLike, checkNumber, typeError } from "../guards.ts";

/**
 * Checks a window: `[[x1min, x1max], [x2min, x2max]]` with finite bounds, each min below
 * its max.
 *
 * @param extent The window.
 * @param label What to name in messages, e.g. `Invalid option extent`.
 * @returns The window.
 * @throws {TypeError} If it is not two pairs of numbers.
 * @throws {RangeError} If a bound is not finite, or a min is not below its max.
 *
 * @example
 * ```ts
 * import { checkExtent } from "./prediction_figure.ts";
 * console.assert(checkExtent([[-6, 6], [-6, 6]], "extent")[1][1] === 6);
 * ```
 */
export function checkExtent(
  extent: readonly (readonly [number, number])[],
  label: string,
): readonly (readonly [number, number])[] {
  checkArrayLike(extent, label, "[[x1min, x1max], [x2min, x2max]]");
  if (extent.length !== 2) throw typeError(label, "[[x1min, x1max], [x2min, x2max]]", extent);
  extent.forEach((pair, k) => {
    checkArrayLike(pair, `${label}[${k}]`, "a [min, max] pair of numbers");
    const [lo, hi] = pair;
    checkNumber(lo, `${label}[${k}][0]`);
    checkNumber(hi, `${label}[${k}][1]`);
    if (!(lo < hi)) throw new RangeError(`${label}[${k}]: ${lo} is not below ${hi}`);
  });
  return extent;
}

/**
 * @internal The points' bounding box, widened by a tenth of its size on each side (by 0.5
 * where it is flat): the window when the data gives none.
 *
 * @param x Row-major 2-D points.
 * @returns The window `[[x1min, x1max], [x2min, x2max]]`.
 *
 * @example
 * ```ts
 * import { boundsOf } from "./extent.ts";
 * const [[a1, b1], [a2, b2]] = boundsOf([0, 0, 10, 0]);
 * console.assert(a1 === -1 && b1 === 11 && a2 === -0.5 && b2 === 0.5);
 * ```
 */
export function boundsOf(x: ArrayLike<number>): [[number, number], [number, number]] {
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (let k = 0; k < x.length; k++) {
    lo[k % 2] = Math.min(lo[k % 2], x[k]);
    hi[k % 2] = Math.max(hi[k % 2], x[k]);
  }
  const pad = (d: number) => (hi[d] > lo[d] ? 0.1 * (hi[d] - lo[d]) : 0.5);
  return [[lo[0] - pad(0), hi[0] + pad(0)], [lo[1] - pad(1), hi[1] + pad(1)]];
}
