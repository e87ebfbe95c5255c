/**
 * View windows: a closed interval along one axis, and its check.
 *
 * @module
 */

/** A closed interval `[min, max]`: a view window along one axis. */
export type Interval = readonly [number, number];

/**
 * Checks a view window.
 *
 * @param w The window.
 * @param name The axis, for the message: "x", "y", ...
 * @throws {RangeError} If `w` is not an increasing pair of finite numbers.
 */
export function checkWindow(w: Interval, name: string): void {
  if (
    !Array.isArray(w) || w.length !== 2 || !Number.isFinite(w[0]) || !Number.isFinite(w[1]) ||
    !(w[0] < w[1])
  ) {
    throw new RangeError(
      `Invalid ${name} window ${JSON.stringify(w)}: expected [min, max] with finite min < max`,
    );
  }
}
