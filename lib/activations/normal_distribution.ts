/**
 * The normal distribution in float32 ops, accurate in relative terms in both tails (Φ and φ
 * without erfc, which tfjs lacks), and GELU = x Φ(x) built on it with its first and second
 * derivatives supplied: a part of `numerics.ts`, which re-exports `geluExact`.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { unaryWithGradient } from "./custom_gradients.ts";
import { minWith, piecewise } from "./piecewise.ts";

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

function gaussExpHalfSquare(c: tf.Tensor): tf.Tensor {
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

// Φ(x), φ(x) and the capped |x| (min(|x|, 16): beyond it φ is 0 in float32).
function normal(x: tf.Tensor): { cdf: tf.Tensor; pdf: tf.Tensor; capped: tf.Tensor } {
  const a = tf.abs(x);
  const t = tf.reciprocal(tf.add(tf.mul(a, Math.SQRT1_2 / 2), 1));
  let G: tf.Tensor = tf.mul(t, ERFCC_G[12]);
  for (let k = 11; k > 0; k--) G = tf.mul(t, tf.add(G, ERFCC_G[k]));
  G = tf.add(G, ERFCC_G[0]);
  const capped = minWith(a, 16);
  const g = gaussExpHalfSquare(capped); // exp(-x²/2)
  const q = tf.mul(tf.mul(tf.mul(t, 0.5), g), G);
  const cdf = piecewise(x, 0, q, tf.sub(1, q));
  const pdf = tf.mul(g, 1 / Math.sqrt(2 * Math.PI));
  return { cdf, pdf, capped };
}

// GELU's derivative Φ(x) + x φ(x), with its own derivative φ(x)(2 − x²) supplied too
// (x² as the capped |x| squared: where they differ φ is 0).
const geluSlope = unaryWithGradient(
  (x) => {
    const { cdf, pdf } = normal(x);
    return tf.add(cdf, tf.mul(x, pdf));
  },
  (x, dy) => {
    const { pdf, capped } = normal(x);
    return tf.mul(dy, tf.mul(pdf, tf.sub(2, tf.square(capped))));
  },
);

/**
 * GELU = x Φ(x) with its derivative Φ(x) + x φ(x) and second derivative φ(x)(2 − x²)
 * supplied by customGrad. Why not plain autodiff: tfjs has no erfc, its cpu erf kernel has
 * absolute error ~1.5e-7, so x(1 + erf(x/√2))/2 loses all digits for x < -3; the erfc fit
 * above gives Φ to ~1e-7, but the autodiff derivative of a fit is only as good as the
 * fit's slope (6e-6 here).
 */
export const geluExact: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.mul(x, normal(x).cdf),
  (x, dy) => tf.mul(dy, geluSlope(x)),
);
