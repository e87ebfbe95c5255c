/**
 * The numerics behind the registry: building blocks written so that the value and its
 * autodiff first and second derivatives stay accurate in float32 for every finite x up to
 * ±3.4e38 (no NaN, no ∞ − ∞ or 0 · ∞, no underflow through `y + 1` style shortcuts, no
 * `1 - tanh²` loss where tanh rounds to ±1), and fast on wasm. The registry
 * (`activations.ts`) composes them; the formulas a learner reads stay there.
 *
 * The building blocks with files of their own are re-exported here: `custom_gradients.ts`
 * (exp, sigmoid and softplus with gradients tfjs can differentiate again, and the
 * comparisons' zero gradients, registered when it is imported), `piecewise.ts` (cases,
 * clamps and min / max with their left derivatives), `normal_distribution.ts` (GELU's Φ)
 * and `two_inputs.ts` (softmax's and maxout's pair of inputs). This module holds the
 * sigmoid-like functions, tanhshrink, squareplus and the hard functions.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { exp } from "./custom_gradients.ts";
import { clamp, minWith, piecewise, type Scalar } from "./piecewise.ts";

// the building blocks of their own files, where the registry looks
export { exp, sigmoid, softplus } from "./custom_gradients.ts";
export { clamp, constantLike, maxWith, minWith, piecewise, type Scalar } from "./piecewise.ts";
export { geluExact } from "./normal_distribution.ts";
export { splitPair, stackLast, unstackLast } from "./two_inputs.ts";

// ---- sigmoid-like ----

// tanh(a) for a >= 0 as -m / (2 + m), m = expm1(-2a) in (-1, 0]: accurate near 0 and
// its gradient 4e^{-2a}/(1+e^{-2a})² stays exact where tanh rounds to 1 (tfjs's own
// gradient 1 - tanh² is 0 there).
function tanhNonNegative(a: tf.Tensor): tf.Tensor {
  const m = tf.expm1(tf.mul(a, -2));
  return tf.div(tf.neg(m), tf.add(m, 2));
}

/**
 * tanh(x) from tanh(|x|) with the sign put back: accurate in value and gradient for every x.
 *
 * @param x The input.
 * @returns tanh(x).
 */
export function stableTanh(x: tf.Tensor): tf.Tensor {
  const t = tanhNonNegative(tf.abs(x));
  return piecewise(x, 0, tf.neg(t), t);
}

/**
 * tanh(softplus(x)) with one exponential and no logarithm: with e = e^x and
 * n = e(e + 2) = (1 + e)² − 1, tanh(ln(1 + e)) = n / (n + 2), written 1 − 2 / (n + 2) for
 * x > 0 so that neither the value nor its autodiff gradient cancels. Beyond x = 20 it is 1
 * (in float32 from x ≈ 9; the slope dropped there is below 1e-15), so e stays finite and
 * x·tanh(softplus(x)) has no overflowing x·slope term in its gradient.
 *
 * @param x The input.
 * @returns tanh(softplus(x)).
 */
export function tanhSoftplus(x: tf.Tensor): tf.Tensor {
  const e = exp(minWith(x, 20));
  const n = tf.mul(e, tf.add(e, 2));
  const d = tf.add(n, 2);
  const positive = piecewise(x, 20, tf.sub(1, tf.div(2, d)), tf.onesLike(x));
  return piecewise(x, 0, tf.div(n, d), positive);
}

/**
 * alpha * expm1(x) for x <= 0, x otherwise, as relu(x) + alpha * expm1(min(x, 0)): each
 * term is exactly 0 on the other side, so no blend is needed (half the kernels of one);
 * the gradient alpha * e^x flows through exp (not through y + alpha, which underflows),
 * min(x, 0) keeps expm1 finite (expm1(1e4) = Infinity), and at 0 relu'(0) = 0 while
 * min's slope is 1, giving the left derivative alpha.
 *
 * @param x The input.
 * @param alpha α.
 * @param scale λ (SELU's scale; default 1).
 * @returns λ·ELU_α(x).
 */
export function eluLike(x: tf.Tensor, alpha: Scalar, scale = 1): tf.Tensor {
  const r = tf.relu(x);
  const y = tf.add(r, tf.mul(tf.expm1(tf.sub(x, r)), alpha));
  return scale === 1 ? y : tf.mul(y, scale);
}

/**
 * x for x > 0, slope·x otherwise (Leaky ReLU, PReLU, RReLU). `slope` may be a tensor
 * (PReLU's learned α, RReLU's random slopes): then it is differentiated too.
 *
 * @param x The input.
 * @param slope The slope for x <= 0.
 * @returns x or slope·x.
 *
 * @example
 * ```ts
 * import { tf } from "../tf.ts";
 * import { leaky } from "./numerics.ts";
 * console.assert(leaky(tf.tensor1d([-2, 3]), 0.5).dataSync().join() === "-1,3");
 * ```
 */
export function leaky(x: tf.Tensor, slope: Scalar): tf.Tensor {
  return piecewise(x, 0, tf.mul(x, slope), x);
}

// ---- tanhshrink ----

// (x − tanh x)/x³ as a polynomial in s = x² on |x| <= 1.2 (a Chebyshev least-squares fit
// with relative weights, converted to powers of s: within 1e-10 of the exact value in
// float64, 2e-7 with float32 Horner steps; its derivative within 2e-8). Beyond 1.2, x − tanh x
// cancels by less than a factor 4.
const TANHSHRINK_CUT = 1.2;
const TANHSHRINK_R = [
  0.333333333,
  -0.133333328,
  0.0539681076,
  -0.0218678899,
  0.00885414036,
  -0.00356135367,
  0.00138913522,
  -0.000493204743,
  0.00014213691,
  -2.7909648e-05,
  2.67659344e-06,
];

/**
 * x − tanh(x) without the cancellation near 0 (x − tanh x ≈ x³/3): a fitted polynomial
 * x³·R(x²) for |x| <= 1.2, the difference beyond.
 *
 * @param x The input.
 * @returns x − tanh(x).
 *
 * @example Relative accuracy where x − tanh(x) would cancel
 * ```ts
 * import { tf } from "../tf.ts";
 * import { tanhShrink } from "./numerics.ts";
 * const [y] = tanhShrink(tf.tensor1d([1e-3])).arraySync() as number[];
 * console.assert(Math.abs(y / (1e-9 / 3) - 1) < 1e-6);
 * ```
 */
export function tanhShrink(x: tf.Tensor): tf.Tensor {
  const c = clamp(x, -TANHSHRINK_CUT, TANHSHRINK_CUT);
  const s = tf.square(c);
  let r: tf.Tensor = tf.mul(s, TANHSHRINK_R[TANHSHRINK_R.length - 1]);
  for (let k = TANHSHRINK_R.length - 2; k > 0; k--) r = tf.mul(s, tf.add(r, TANHSHRINK_R[k]));
  r = tf.add(r, TANHSHRINK_R[0]);
  const near = tf.mul(tf.mul(c, s), r);
  const far = tf.sub(x, stableTanh(x));
  return piecewise(tf.abs(x), TANHSHRINK_CUT, near, far);
}

// ---- squareplus ----

/**
 * (x + sqrt(x² + b)) / 2 for b > 0, with s = sqrt(x² + b) = hypot(x, √b) computed without
 * overflow (as m·sqrt(1 + (n/m)²), m and n the larger and smaller of |x| and √b), and
 * b / (2(s + |x|)) for x < 0 so that the value keeps its relative accuracy where x + s
 * would cancel.
 *
 * @param x The input.
 * @param b The smoothness b >= 0 (0 gives ReLU).
 * @returns squareplus_b(x).
 *
 * @example
 * ```ts
 * import { tf } from "../tf.ts";
 * import { squareplus } from "./numerics.ts";
 * const [a, b] = squareplus(tf.tensor1d([0, 1e30]), 4).arraySync() as number[];
 * console.assert(a === 1 && Math.abs(b / 1e30 - 1) < 1e-6);
 * ```
 */
export function squareplus(x: tf.Tensor, b: Scalar): tf.Tensor {
  // b = 0 is ReLU (with ReLU's f'(0) = 0); the formula then runs with b = 1 so that it
  // stays finite, and its gradient too, where it is not selected
  const relu = tf.equal(b, 0);
  const safe = tf.add(b, tf.cast(relu, "float32"));
  const c = tf.sqrt(safe);
  const a = tf.abs(x);
  // |x| <= √b: √b·sqrt(1 + (x/√b)²); beyond: |x|·sqrt(1 + (√b/|x|)²), each on its side
  const inner = tf.mul(tf.sqrt(tf.add(tf.square(tf.div(clamp(x, tf.neg(c), c), c)), 1)), c);
  const big = tf.maximum(a, c);
  const outer = tf.mul(tf.sqrt(tf.add(tf.square(tf.div(c, big)), 1)), big);
  const s = piecewise(a, c, inner, outer);
  const positive = tf.add(tf.mul(x, 0.5), tf.mul(s, 0.5));
  const negative = tf.div(tf.div(safe, 2), tf.add(s, a));
  return tf.where(relu, tf.relu(x), piecewise(x, 0, negative, positive));
}

// ---- hard functions ----

/**
 * (x + 3)/6 clipped to [0, 1] as relu6(x + 3)/6: tfjs's relu6 gradient [0 < x + 3 <= 6]
 * gives the left derivatives at -3 (0) and 3 (1/6).
 *
 * @param x The input.
 * @returns max(0, min(1, (x + 3)/6)).
 */
export function hardSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.div(tf.relu6(tf.add(x, 3)), 6);
}

/**
 * (x + 1)/2 clipped to [0, 1] as relu6(3(x + 1))/6: left derivatives 0 at -1 and 1/2 at 1.
 *
 * @param x The input.
 * @returns max(0, min(1, (x + 1)/2)).
 *
 * @example
 * ```ts
 * import { tf } from "../tf.ts";
 * import { sparseSigmoid } from "./numerics.ts";
 * console.assert(sparseSigmoid(tf.tensor1d([-2, 0, 2])).dataSync().join() === "0,0.5,1");
 * ```
 */
export function sparseSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.div(tf.relu6(tf.mul(tf.add(x, 1), 3)), 6);
}
