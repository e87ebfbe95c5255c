/**
 * Numeric tolerance helpers for tests: compare float32 results from the library with
 * float64 references computed in the test, with tolerances that say what "accurate to
 * float32" means.
 *
 * The accuracy statement used across the project ("mixed" forward/backward error):
 * a float32 result `got` for input `x` is accepted when
 *
 * ```text
 * |got - f(x)| <= rtol * |f(x)| + spread + atol
 * spread = max |f(x') - f(x)| over x' = x * (1 ± k * 2^-24), k = 1..ulps
 * ```
 *
 * i.e. `got` is within `rtol` (relative) of the exact value at an input at most `ulps`
 * float32 rounding steps away from `x`. `atol` (default 2e-36) only absorbs subnormal
 * intermediates flushed to 0.
 *
 * @module
 */
import assert from "node:assert/strict";

/** Relative tolerance for values and derivatives of the activations (float32). */
export const RTOL = 1e-6;
/** Input perturbation, in float32 rounding steps, allowed by the mixed error bound. */
export const ULPS = 4;
/**
 * Absolute floor, 2e-36: wasm's sigmoid kernel flushes results below float32's smallest
 * normal number (1.18e-38, reached at x ≈ -87.3) to 0, and products like x·σ(x) scale
 * that loss by |x| <= 88, so results below ~1e-36 may be off by that much.
 */
export const ATOL = 2e-36;

/** Options of {@linkcode mixedTolerance} and {@linkcode assertClose}. */
export interface ToleranceOptions {
  /** relative tolerance; default {@linkcode RTOL} */
  rtol?: number;
  /** allowed input perturbation in float32 rounding steps; default {@linkcode ULPS} */
  ulps?: number;
  /** absolute floor; default {@linkcode ATOL} */
  atol?: number;
}

/**
 * The float32 mixed-error tolerance for comparing with the float64 reference `f` at `x`.
 *
 * @param f float64 reference function
 * @param x the (float32) input
 * @param options rtol, ulps, atol
 * @returns the largest accepted absolute error
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mixedTolerance } from "./numeric.ts";
 * assert.ok(mixedTolerance(Math.exp, 0) > 0);
 * ```
 */
export function mixedTolerance(
  f: (x: number) => number,
  x: number,
  options: ToleranceOptions = {},
): number {
  const { rtol = RTOL, ulps = ULPS, atol = ATOL } = options;
  const fx = f(x);
  let spread = 0;
  const step = Math.max(Math.abs(x), 2 ** -126) * 2 ** -24;
  for (let k = 1; k <= ulps; k++) {
    for (const s of [-1, 1]) {
      const d = Math.abs(f(x + s * k * step) - fx);
      if (Number.isFinite(d) && d > spread) spread = d;
    }
  }
  return rtol * Math.abs(fx) + spread + atol;
}

/**
 * Asserts that `got[i]` matches the float64 reference `f(xs[i])` within
 * {@linkcode mixedTolerance} for every i; NaN must match NaN. The message names the
 * first failing point, the values and the relative error.
 *
 * @param got float32 results
 * @param xs inputs
 * @param f float64 reference
 * @param what label for messages
 * @param options tolerance options
 * @throws {AssertionError} on the first mismatch
 * @example
 * ```ts
 * import { assertClose } from "./numeric.ts";
 * assertClose(new Float32Array([Math.exp(1)]), [1], Math.exp, "exp");
 * ```
 */
export function assertClose(
  got: ArrayLike<number>,
  xs: ArrayLike<number>,
  f: (x: number) => number,
  what: string,
  options: ToleranceOptions = {},
): void {
  assert.equal(got.length, xs.length, `${what}: length`);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const want = f(x);
    if (Number.isNaN(want)) {
      assert.ok(Number.isNaN(got[i]), `${what}(${x}): expected NaN, got ${got[i]}`);
      continue;
    }
    const err = Math.abs(got[i] - want);
    const tol = mixedTolerance(f, x, options);
    if (!(err <= tol)) {
      const rel = err / Math.abs(want);
      assert.fail(
        `${what}(${x}): got ${got[i]}, expected ${want} (error ${err.toExponential(2)}, ` +
          `relative ${rel.toExponential(2)}, tolerance ${tol.toExponential(2)})`,
      );
    }
  }
}

/**
 * Central difference of a float64 function: (f(x + h) - f(x - h)) / 2h.
 *
 * @param f float64 function
 * @param x point
 * @param h step; default 1e-5 * max(1, |x|)
 * @returns the derivative estimate (error O(h^2))
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { centralDifference } from "./numeric.ts";
 * assert.ok(Math.abs(centralDifference(Math.sin, 0) - 1) < 1e-9);
 * ```
 */
export function centralDifference(f: (x: number) => number, x: number, h?: number): number {
  const step = h ?? 1e-5 * Math.max(1, Math.abs(x));
  return (f(x + step) - f(x - step)) / (2 * step);
}

/**
 * `n` evenly spaced numbers from `start` to `stop` inclusive, rounded to float32.
 *
 * @param start first value
 * @param stop last value
 * @param n count (>= 2)
 * @returns the points as a plain array of float32-representable numbers
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dense } from "./numeric.ts";
 * assert.ok(dense(-1, 1, 3)[1] === 0);
 * ```
 */
export function dense(start: number, stop: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.fround(start + (stop - start) * i / (n - 1)));
}

/**
 * Extreme and special float32 inputs: 0, ±1e-7, ±1e-30, ±0.5, ±1, ±3, ±10, ±30, ±87,
 * ±88, ±89, ±100, ±1000, ±1e4 (rounded to float32).
 */
export const EXTREMES: readonly number[] = [
  0,
  ...[1e-30, 1e-7, 1e-3, 0.5, 1, 3, 10, 30, 87, 88, 89, 100, 1000, 1e4].flatMap((v) => [v, -v]),
].map(Math.fround);
