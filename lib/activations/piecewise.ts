/**
 * Cases, the building blocks of piecewise functions: a branch chosen by x <= k, clamps, and
 * min / max against a constant, each with the left derivative at its kink; and the
 * {@linkcode Scalar} parameters they take. A part of `numerics.ts`, which re-exports it.
 *
 * @module
 */
import { tf } from "../tf.ts";

/**
 * A number, or a scalar tensor holding one: how an activation's parameters reach these
 * building blocks (tensors when a fused program takes them as inputs, or in training).
 */
export type Scalar = number | tf.Tensor;

/**
 * x <= k ? left : right (the left branch at k, so that f' there is the left derivative),
 * by tf.where on k >= x (GreaterEqual: the one comparison tfjs 4.22 gives a gradient of
 * its own). Unlike a blend left·(1 − m) + right·m, a branch may be infinite where it is
 * not selected; its gradient must stay finite there (feed it x clamped to its side with
 * {@linkcode clamp} when it would not).
 *
 * @param x The input.
 * @param k Where the branches meet.
 * @param left The branch for x <= k.
 * @param right The branch for x > k.
 * @returns left or right, element by element.
 */
export function piecewise(
  x: tf.Tensor,
  k: Scalar,
  left: tf.Tensor,
  right: tf.Tensor,
): tf.Tensor {
  return tf.where(tf.greaterEqual(k, x), left, right);
}

/**
 * x limited to [lo, hi] with gradient 1 inside, both ends included (tf.maximum's and
 * tf.minimum's gradients), 0 outside: the input of a branch that must stay finite.
 *
 * @param x The input.
 * @param lo The lower end (or -Infinity).
 * @param hi The upper end (or Infinity).
 * @returns max(lo, min(x, hi)).
 *
 * @example
 * ```ts
 * import { tf } from "../tf.ts";
 * import { clamp } from "./numerics.ts";
 * console.assert(clamp(tf.tensor1d([-5, 0.5, 5]), -1, 1).dataSync().join() === "-1,0.5,1");
 * ```
 */
export function clamp(x: tf.Tensor, lo: Scalar, hi: Scalar): tf.Tensor {
  const low = lo === -Infinity ? x : tf.maximum(x, lo);
  return hi === Infinity ? low : tf.minimum(low, hi);
}

/**
 * min(x, k) with gradient 1 at x = k (the x <= k side). For k = 0 as x − relu(x) (exact
 * for finite x, and cheaper than a broadcast tf.minimum on wasm); otherwise tf.minimum,
 * because x − relu(x − k) loses k once |x| ≫ k (x − k rounds to x).
 *
 * @param x The input.
 * @param k The cap.
 * @returns min(x, k).
 */
export function minWith(x: tf.Tensor, k: Scalar): tf.Tensor {
  return k === 0 ? tf.sub(x, tf.relu(x)) : tf.minimum(x, k);
}

/**
 * A constant of x's shape: the branch of a piecewise function that does not depend on x.
 *
 * @param x The input (for its shape).
 * @param value The constant.
 * @returns value, element by element.
 *
 * @example
 * ```ts
 * import { tf } from "../tf.ts";
 * import { constantLike } from "./numerics.ts";
 * console.assert(constantLike(tf.zeros([2]), 7).dataSync().join() === "7,7");
 * ```
 */
export function constantLike(x: tf.Tensor, value: Scalar): tf.Tensor {
  return typeof value === "number" ? tf.fill(x.shape, value) : tf.add(tf.fill(x.shape, 0), value);
}

/**
 * max(x, k) with gradient 0 at x = k (the x <= k side, where the value is the constant k),
 * so that a function clamped from below by it has its left derivative at the kink, as
 * {@linkcode minWith} gives min(x, k) its left derivative 1. `tf.maximum(x, k)` would give
 * the gradient 1 there, a right derivative; `tf.maximum(k, x)`, used here, sends the tie
 * to k.
 *
 * @param x The input.
 * @param k The floor.
 * @returns max(x, k).
 *
 * @example Hard Tanh as the mathematics reads: max(a, min(b, x))
 * ```ts
 * import { tf } from "../tf.ts";
 * import { maxWith, minWith } from "./numerics.ts";
 * const hardTanh = (x: tf.Tensor) => maxWith(minWith(x, 1), -1);
 * const x = tf.tensor1d([-2, -1, 0.5, 1, 2]);
 * console.assert(hardTanh(x).dataSync().join() === "-1,-1,0.5,1,1");
 * const slope = tf.grad(hardTanh)(x).dataSync().join();
 * console.assert(slope === "0,0,1,1,0"); // left derivatives at -1 and 1
 * ```
 */
export function maxWith(x: tf.Tensor, k: Scalar): tf.Tensor {
  return tf.maximum(k, x);
}
