/**
 * The numerics behind the registry: building blocks written so that the value and its
 * autodiff first and second derivatives stay accurate in float32 for every finite x up to
 * ±3.4e38 (no NaN, no ∞ − ∞ or 0 · ∞, no underflow through `y + 1` style shortcuts, no
 * `1 - tanh²` loss where tanh rounds to ±1), and fast on wasm. The registry
 * (`activations.ts`) composes them; the formulas a learner reads stay there.
 *
 * Second derivatives are tfjs autodiff of the gradient, and tfjs 4.22 cannot differentiate
 * a gradient that reads a kernel's saved output (Exp, Sigmoid, Tanh: the saved copy is
 * recorded before the kernel, so the second pass treats it as a constant). So `exp`,
 * `sigmoid` and `softplus` here are tfjs's kernels with gradients written from their input
 * (`tf.customGrad`, themselves differentiable again), and the comparison kernels, whose
 * gradient is 0, get that gradient registered (tfjs registers it for GreaterEqual only).
 *
 * @module
 */
import { tf } from "../tf.ts";

/**
 * A number, or a scalar tensor holding one: how an activation's parameters reach these
 * building blocks (tensors when a fused program takes them as inputs, or in training).
 */
export type Scalar = number | tf.Tensor;

// ---- zero gradients of the comparisons ----

// Comparisons are piecewise constant: their gradient is 0. tfjs 4.22 registers it for
// GreaterEqual only, and the gradients of Minimum, Relu6, Select... go through the others,
// so a second derivative would stop there with "gradient function not found".
for (const kernelName of ["Greater", "Less", "LessEqual", "Equal", "NotEqual", "LogicalAnd"]) {
  if (tf.getGradient(kernelName) === undefined) {
    tf.registerGradient({
      kernelName,
      inputsToSave: ["a", "b"],
      gradFunc: (_dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => ({
        a: () => tf.cast(tf.zerosLike(saved[0]), "float32"),
        b: () => tf.cast(tf.zerosLike(saved[1]), "float32"),
      }),
    });
  }
}
if (tf.getGradient("LogicalNot") === undefined) {
  tf.registerGradient({
    kernelName: "LogicalNot",
    inputsToSave: ["x"],
    gradFunc: (_dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => ({
      x: () => tf.cast(tf.zerosLike(saved[0]), "float32"),
    }),
  });
}

// tf.customGrad with its types spelled once: f(x) = value, f'(x) dy = grad(x, dy). x is
// handed to the gradient through `save` (kept, and recorded on the tape), not through the
// closure: an input made inside another gradient is disposed before a second pass.
function unaryWithGradient(
  value: (x: tf.Tensor) => tf.Tensor,
  grad: (x: tf.Tensor, dy: tf.Tensor) => tf.Tensor,
): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad(
    ((x: tf.Tensor, save: tf.GradSaveFunc) => {
      save([x]);
      return {
        value: value(x),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => grad(saved[0], dy),
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0],
  ) as (x: tf.Tensor) => tf.Tensor;
}

/**
 * e^x: tfjs's Exp kernel, with the gradient e^x computed from x again (so that it can be
 * differentiated once more).
 *
 * @param x The input.
 * @returns e^x.
 */
export const exp: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.exp(x),
  (x, dy) => tf.mul(dy, exp(x)),
);

/**
 * The logistic sigmoid σ(x): tfjs's Sigmoid kernel, with the gradient σ(x)·σ(−x), which
 * keeps its relative accuracy in both tails (tfjs's own y·(1 − y) rounds to 0 once σ(x)
 * rounds to 1, x > 17) and can be differentiated again.
 *
 * @param x The input.
 * @returns σ(x).
 */
export const sigmoid: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.sigmoid(x),
  (x, dy) => tf.mul(dy, tf.mul(sigmoid(x), sigmoid(tf.neg(x)))),
);

/**
 * softplus(x) = log(1 + e^x): tfjs's Softplus kernel (stable in value), gradient σ(x)
 * by {@linkcode sigmoid}.
 *
 * @param x The input.
 * @returns softplus(x).
 */
export const softplus: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.softplus(x),
  (x, dy) => tf.mul(dy, sigmoid(x)),
);

// ---- cases ----

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

// ---- the normal distribution ----

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

// ---- two inputs ----

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
