/**
 * The numerics behind the registry: building blocks written so that both the value and
 * its autodiff gradient stay accurate in float32 (no NaN or Infinity, no underflow through
 * `y + 1` style shortcuts, no `1 - tanh²` loss where tanh rounds to ±1), and faster on
 * wasm than the obvious tfjs ops. The registry (`activations.ts`) composes them; the
 * formulas a learner reads stay there.
 *
 * @module
 */
import { tf } from "../tf.ts";

/**
 * x <= k ? left : right (left branch at a kink), as the exact blend
 * left·(1 − m) + right·m with m = step(x − k) ∈ {0, 1}; both branches must be finite.
 * Not tf.where: tf.where's gradient walks into its condition, and of the comparisons only
 * GreaterEqual has a gradient in tfjs 4.22; and on wasm greaterEqual + where take ~20 ms
 * per 1M elements against ~5 ms for step and the blend.
 *
 * @param x The input.
 * @param k Where the branches meet.
 * @param left The branch for x <= k.
 * @param right The branch for x > k.
 * @returns left or right, element by element.
 */
export function piecewise(x: tf.Tensor, k: number, left: tf.Tensor, right: tf.Tensor): tf.Tensor {
  const m = tf.step(k === 0 ? x : tf.sub(x, k));
  return tf.add(tf.mul(left, tf.sub(1, m)), tf.mul(right, m));
}

/**
 * min(x, k) as x − relu(x − k): exact, gradient 1 at x = k (the x <= k side), and cheaper
 * than tf.minimum with a broadcast scalar on wasm.
 *
 * @param x The input.
 * @param k The cap.
 * @returns min(x, k).
 */
export function minWith(x: tf.Tensor, k: number): tf.Tensor {
  return tf.sub(x, tf.relu(k === 0 ? x : tf.sub(x, k)));
}

/**
 * sigmoid(x) = 1 - s or s with s = sigmoid(-|x|) <= 1/2: tfjs's sigmoid gradient
 * s(1 - s) is exact for s <= 1/2 but rounds to 0 once sigmoid(x) rounds to 1 (x > 17).
 * tf.abs has gradient -1 at 0, so 0 belongs to the "x <= 0" branch.
 *
 * @param x The input.
 * @returns σ(x).
 */
export function stableSigmoid(x: tf.Tensor): tf.Tensor {
  const s = tf.sigmoid(tf.neg(tf.abs(x)));
  return piecewise(x, 0, s, tf.sub(1, s));
}

// tanh(a) for a >= 0 as -m / (2 + m), m = expm1(-2a) in (-1, 0]: accurate near 0 and
// its gradient 4e^{-2a}/(1+e^{-2a})² stays exact where tanh rounds to 1 (tfjs's own
// gradient 1 - tanh² is 0 there).
function tanhNonNegative(a: tf.Tensor): tf.Tensor {
  const m = tf.expm1(tf.mul(a, -2));
  return tf.div(tf.neg(m), tf.add(m, 2));
}

/**
 * tanh(softplus(x)) with one exponential and no logarithm: with e = e^x and
 * n = e(e + 2) = (1 + e)² − 1, tanh(ln(1 + e)) = n / (n + 2), written 1 − 2 / (n + 2) for
 * x > 0 so that neither the value nor its autodiff gradient cancels. x is capped at 20
 * (e² stays finite; the value is 1 in float32 from x ≈ 9, and the gradient dropped past
 * the cap is below 1e-15).
 *
 * @param x The input.
 * @returns tanh(softplus(x)).
 */
export function tanhSoftplus(x: tf.Tensor): tf.Tensor {
  const e = tf.exp(minWith(x, 20));
  const n = tf.mul(e, tf.add(e, 2));
  const d = tf.add(n, 2);
  return piecewise(x, 0, tf.div(n, d), tf.sub(1, tf.div(2, d)));
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
export function eluLike(x: tf.Tensor, alpha: number, scale = 1): tf.Tensor {
  const r = tf.relu(x);
  const y = tf.add(r, tf.mul(tf.expm1(tf.sub(x, r)), alpha));
  return scale === 1 ? y : tf.mul(y, scale);
}

// Normal CDF and density in float32 ops, accurate in relative terms in both tails.
// Q(a) = erfc(a/√2)/2 for a >= 0 uses Numerical Recipes' erfcc, erfc(z) = t·exp(-z²)·G(t)
// with t = 1/(1 + z/2) and G(t) = exp(t·P(t) - 1.26551223) (relative error < 1.2e-7); G is
// evaluated as one polynomial of degree 12 in t (ERFCC_G: a Chebyshev least-squares fit of
// NR's G on [0, 1] with relative weights, converted to powers of t; within 1.1e-9 of G in
// float64, 1.6e-7 with float32 Horner steps), which spares an exponential.
// exp(-a²/2) is exp(-hi/2)·(1 - lo/2) where hi + lo = a² exactly (Dekker's product: a split
// into 12-bit halves by Veltkamp's 4097 = 2^12 + 1), so the large exponent is not rounded;
// the dropped lo²/8 is below 1e-11. a is capped at 16, where exp(-a²/2) is already 0 in
// float32, which keeps 4097·a finite.
const ERFCC_G = [
  0.282094762,
  0.282101475,
  0.246581792,
  0.179881705,
  0.0588154033,
  0.0898624532,
  -0.248775478,
  0.111672326,
  0.0838241676,
  -0.27242183,
  0.352114535,
  -0.217308612,
  0.0515573325,
];

function gaussExpHalfSquare(a: tf.Tensor): tf.Tensor {
  const c = minWith(a, 16);
  const split = tf.mul(c, 4097);
  const high = tf.sub(split, tf.sub(split, c));
  const low = tf.sub(c, high);
  const hi = tf.square(c);
  const lo = tf.add(
    tf.add(tf.sub(tf.square(high), hi), tf.mul(tf.mul(high, low), 2)),
    tf.square(low),
  );
  return tf.mul(tf.exp(tf.mul(hi, -0.5)), tf.sub(1, tf.mul(lo, 0.5)));
}

function normalCdfAndPdf(x: tf.Tensor): { cdf: tf.Tensor; pdf: tf.Tensor } {
  const a = tf.abs(x);
  const t = tf.reciprocal(tf.add(tf.mul(a, Math.SQRT1_2 / 2), 1));
  let G: tf.Tensor = tf.mul(t, ERFCC_G[12]);
  for (let k = 11; k > 0; k--) G = tf.mul(t, tf.add(G, ERFCC_G[k]));
  G = tf.add(G, ERFCC_G[0]);
  const g = gaussExpHalfSquare(a); // exp(-x²/2)
  const q = tf.mul(tf.mul(tf.mul(t, 0.5), g), G);
  const cdf = piecewise(x, 0, q, tf.sub(1, q));
  const pdf = tf.mul(g, 1 / Math.sqrt(2 * Math.PI));
  return { cdf, pdf };
}

/**
 * GELU = x Φ(x) with its derivative Φ(x) + x φ(x) supplied by customGrad. Why not plain
 * autodiff: tfjs has no erfc, its cpu erf kernel has absolute error ~1.5e-7, so
 * x(1 + erf(x/√2))/2 loses all digits for x < -3; the erfc fit above gives Φ to ~1e-7,
 * but the autodiff derivative of a fit is only as good as the fit's slope (6e-6 here).
 */
export const geluExact: (x: tf.Tensor) => tf.Tensor = tf.customGrad(
  ((x: tf.Tensor, save: tf.GradSaveFunc) => {
    const { cdf, pdf } = normalCdfAndPdf(x);
    save([x, cdf, pdf]); // kept by the tape until the gradient is taken, then disposed
    return {
      value: tf.mul(x, cdf),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, scdf, spdf] = saved;
        return tf.mul(dy, tf.add(scdf, tf.mul(sx, spdf)));
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0],
) as (x: tf.Tensor) => tf.Tensor;

/**
 * The two inputs (x1, x2) of softmax and maxout from the last axis of shape [..., 2],
 * each of shape [...]. Through a transpose rather than tf.split: on wasm, slicing the
 * interleaved last axis is 5x (split) to 10x (concat) slower than moving it to the front.
 *
 * @param x A tensor of shape [..., 2].
 * @param name The activation, for the message.
 * @returns x1 and x2, each of shape [...].
 */
export function splitPair(x: tf.Tensor, name: string): [tf.Tensor, tf.Tensor] {
  if (x.rank < 1 || x.shape[x.rank - 1] !== 2) {
    throw new TypeError(
      `Activation "${name}" expects a tensor of shape [..., 2] (x1, x2 on the last axis), ` +
        `got shape [${x.shape.join(", ")}]`,
    );
  }
  const [a, b] = unstackLast(x);
  return [a, b];
}

/**
 * Splits a tensor along its last axis into tensors of the other axes (fast on wasm).
 *
 * @param x A tensor of shape [..., k].
 * @returns k tensors of shape [...].
 */
export function unstackLast(x: tf.Tensor): tf.Tensor[] {
  const perm = [x.rank - 1, ...Array.from({ length: x.rank - 1 }, (_, i) => i)];
  return tf.unstack(tf.transpose(x, perm));
}

/**
 * The inverse of unstackLast: k tensors of shape [...] into one of shape [..., k].
 *
 * @param parts k tensors of one shape [...].
 * @returns One tensor of shape [..., k].
 */
export function stackLast(parts: tf.Tensor[]): tf.Tensor {
  const rank = parts[0].rank + 1;
  return tf.transpose(tf.stack(parts), [...Array.from({ length: rank - 1 }, (_, i) => i + 1), 0]);
}

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
 * max(-1, min(1, x)) as x·(lo − hi) + (lo + hi − 1) with lo = step(x + 1), hi = step(x − 1):
 * not clipByValue, whose gradient at -1 is 1 (a right derivative).
 *
 * @param x The input.
 * @returns max(-1, min(1, x)).
 */
export function hardTanh(x: tf.Tensor): tf.Tensor {
  const lo = tf.step(tf.add(x, 1)); // x > -1
  const hi = tf.step(tf.sub(x, 1)); // x > 1
  return tf.add(tf.mul(x, tf.sub(lo, hi)), tf.sub(tf.add(lo, hi), 1));
}
