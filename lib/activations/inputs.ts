/**
 * The inputs of `activation()`, `activation2d()` and their kernel-by-kernel twins, checked
 * and converted to float32 once, whichever path computes them.
 *
 * @module
 */

/**
 * Input points as a Float32Array: the array itself when it is one, else a float32 copy.
 *
 * @internal
 * @param x Any array-like of numbers.
 * @param what Its name in messages, e.g. `"x"`.
 * @returns The points in float32.
 * @throws {TypeError} If `x` is not an array-like of numbers.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { float32Input } from "./inputs.ts";
 * const x = new Float32Array([1, 2]);
 * assert.equal(float32Input(x, "x"), x);
 * assert.deepEqual([...float32Input([0.1], "x")], [Math.fround(0.1)]);
 * assert.throws(() => float32Input(["1"] as unknown as number[], "x"), /Invalid x\[0\] = "1"/);
 * ```
 */
export function float32Input(x: ArrayLike<number>, what: string): Float32Array {
  if (x instanceof Float32Array) return x;
  if (x === null || typeof x !== "object" || typeof x.length !== "number") {
    throw new TypeError(`Invalid ${what}: expected an array-like of numbers, got ${String(x)}`);
  }
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "number") {
      throw new TypeError(
        `Invalid ${what}[${i}] = ${JSON.stringify(v) ?? String(v)}: expected a number ` +
          `(a flat array-like of numbers)`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** The two axes of a grid of a two-input activation, in float32. */
export interface GridAxes {
  /** Sample positions of x1, finite and strictly ascending. */
  readonly x1: Float32Array;
  /** Sample positions of x2, finite and strictly ascending. */
  readonly x2: Float32Array;
}

/**
 * The axes of a two-input activation's grid: one axis for both x1 and x2, or `{ x1, x2 }`,
 * each copied to float32 and checked.
 *
 * @internal
 * @param axis Positions used for both x1 and x2, or `{ x1, x2 }`.
 * @returns Both axes.
 * @throws {TypeError} If an axis is not a non-empty array-like of numbers.
 * @throws {RangeError} If an axis is not finite and strictly ascending.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gridAxes } from "./inputs.ts";
 * assert.deepEqual([...gridAxes([0, 1]).x2], [0, 1]);
 * assert.throws(() => gridAxes({ x1: [1, 0], x2: [0] }), /Invalid x1\[1\] = 0/);
 * ```
 */
export function gridAxes(
  axis: ArrayLike<number> | { x1: ArrayLike<number>; x2: ArrayLike<number> },
): GridAxes {
  const pair = axis !== null && typeof axis === "object" && "x1" in axis && "x2" in axis
    ? axis
    : { x1: axis as ArrayLike<number>, x2: axis as ArrayLike<number> };
  return { x1: checkAxis(pair.x1, "x1"), x2: checkAxis(pair.x2, "x2") };
}

function checkAxis(axis: ArrayLike<number>, what: string): Float32Array {
  const a = Float32Array.from(float32Input(axis, what));
  if (a.length === 0) {
    throw new TypeError(`Invalid ${what}: expected at least one sample position, got none`);
  }
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k]) || (k > 0 && !(a[k] > a[k - 1]))) {
      throw new RangeError(
        `Invalid ${what}[${k}] = ${a[k]}: expected finite, strictly ascending positions`,
      );
    }
  }
  return a;
}
