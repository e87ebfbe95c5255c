/**
 * The activation registry: every activation function declared once, as data — a stable
 * snake_case name, the seed notebook's display label, TeX formulas, parameters with
 * default/min/max/step, kinks, plot hints and the TensorFlow.js function. Values,
 * derivatives (by autodiff, in `autodiff.ts`), plots, sliders and the training demo all
 * read this one declaration.
 *
 * Numerics: every `fn` is written so that both its value and its autodiff gradient are
 * accurate to float32 for finite x in [-1e4, 1e4] on the wasm and cpu backends (no NaN or
 * Infinity, no underflow to 0 through `y + 1` style shortcuts, no `1 - tanh²` loss where
 * tanh rounds to ±1). Accuracy: within 1e-6 relative of the exact value at an input at
 * most 4 float32 rounding steps from x, plus an absolute 2e-36 for subnormal
 * intermediates that wasm flushes to 0 (see tests/_helpers/numeric.ts). Measured worst relative
 * errors are below 5e-7, except near zeros of f' (GELU, SiLU, Mish minima) and where f
 * is steep in relative terms (GELU-tanh at x < -8), where the 4-step input slack applies.
 *
 * Kinks: where f' jumps, the derivative reported AT the kink is the left derivative
 * lim_{t→k⁻} f'(t) (ReLU'(0) = 0 as in TensorFlow, ReLU6'(6) = 1, Hard Tanh'(-1) = 0).
 * Maxout ties (x1 = x2) go to x1, as in the seed's `tf.where(x1 < x2, x2, x1)`.
 *
 * @module
 */
import { tf } from "../tf.ts";

/** One numeric parameter of an activation (drives sliders and validation). */
export interface ParamSpec {
  /** option key, e.g. "alpha" */
  readonly name: string;
  /** display label, e.g. "Alpha" */
  readonly label: string;
  /** default value */
  readonly default: number;
  /** smallest accepted value (inclusive) */
  readonly min: number;
  /** largest accepted value (inclusive) */
  readonly max: number;
  /** slider step (values between steps are accepted) */
  readonly step: number;
}

/** Plot hints: line colour and view windows for the function and its derivative. */
export interface ViewHints {
  /** line colour (CSS hex) */
  color: string;
  /** x window of the function panel (two-input functions: the x1 window) */
  x: [number, number];
  /** y window of the function panel (two-input functions: the x2 window) */
  y: [number, number];
  /** x window of the derivative panel (two-input functions: the x1 window) */
  dx: [number, number];
  /** y window of the derivative panel (two-input functions: the x2 window) */
  dy: [number, number];
}

/** One activation function, declared once. */
export interface ActivationSpec {
  /** stable snake_case id: "leaky_relu" */
  readonly name: string;
  /** display label: "Leaky ReLU" (the seed's labels) */
  readonly label: string;
  /** TeX of f(x) */
  readonly formula: string;
  /** TeX of f'(x) */
  readonly derivative: string;
  /** softmax and maxout take two inputs */
  readonly inputs: 1 | 2;
  /** number of outputs: 1, or 2 for softmax */
  readonly outputs: 1 | 2;
  /** parameters (may be empty) */
  readonly params: readonly ParamSpec[];
  /** x positions where f' jumps, for the given parameter values (ReLU: [0]). */
  readonly kinks: (p: Readonly<Record<string, number>>) => readonly number[];
  /** plot hints for the function/derivative pair (seed's colours and view windows) */
  readonly view: ViewHints;
  /** the tfjs function; for inputs: 2 it maps [..., 2] to [..., k] (k = 2 softmax, 1 maxout) */
  readonly fn: (x: tf.Tensor, p: Readonly<Record<string, number>>) => tf.Tensor;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const GELU_C = Math.sqrt(2 / Math.PI);

// The seed's windows: default x [-5, 5], y [-1.25, 1.25]; derivative dx [-5, 5], dy [-0.25, 1.25].
function view(color: string, over: Partial<ViewHints> = {}): ViewHints {
  return { color, x: [-5, 5], y: [-1.25, 1.25], dx: [-5, 5], dy: [-0.25, 1.25], ...over };
}

const RELU_WINDOW = { x: [-3, 3], y: [-2, 4] } as Partial<ViewHints>;
const BELL_WINDOW = { x: [-4, 4], y: [-1, 4] } as Partial<ViewHints>;
const GRID_WINDOW = { x: [0, 10], y: [0, 10], dx: [0, 10], dy: [0, 10] } as Partial<ViewHints>;

function alphaParam(value: number, min = 0.01, max = 1, step = 0.01): ParamSpec {
  return { name: "alpha", label: "Alpha", default: value, min, max, step };
}

// x <= k ? left : right (left branch at a kink), as the exact blend
// left·(1 − m) + right·m with m = step(x − k) ∈ {0, 1}; both branches must be finite.
// Not tf.where: tf.where's gradient walks into its condition, and of the comparisons only
// GreaterEqual has a gradient in tfjs 4.22; and on wasm greaterEqual + where take ~20 ms
// per 1M elements against ~5 ms for step and the blend.
function piecewise(x: tf.Tensor, k: number, left: tf.Tensor, right: tf.Tensor): tf.Tensor {
  const m = tf.step(k === 0 ? x : tf.sub(x, k));
  return tf.add(tf.mul(left, tf.sub(1, m)), tf.mul(right, m));
}

// min(x, k) as x − relu(x − k): exact, gradient 1 at x = k (the x <= k side), and cheaper
// than tf.minimum with a broadcast scalar on wasm.
function minWith(x: tf.Tensor, k: number): tf.Tensor {
  return tf.sub(x, tf.relu(k === 0 ? x : tf.sub(x, k)));
}

// ---- numerically stable building blocks (value AND autodiff gradient accurate) ----

// sigmoid(x) = 1 - s or s with s = sigmoid(-|x|) <= 1/2: tfjs's sigmoid gradient
// s(1 - s) is exact for s <= 1/2 but rounds to 0 once sigmoid(x) rounds to 1 (x > 17).
// tf.abs has gradient -1 at 0, so 0 belongs to the "x <= 0" branch.
function stableSigmoid(x: tf.Tensor): tf.Tensor {
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

// tanh(softplus(x)) with one exponential and no logarithm: with e = e^x and
// n = e(e + 2) = (1 + e)² − 1, tanh(ln(1 + e)) = n / (n + 2), written 1 − 2 / (n + 2) for
// x > 0 so that neither the value nor its autodiff gradient cancels. x is capped at 20
// (e² stays finite; the value is 1 in float32 from x ≈ 9, and the gradient dropped past
// the cap is below 1e-15).
function tanhSoftplus(x: tf.Tensor): tf.Tensor {
  const e = tf.exp(minWith(x, 20));
  const n = tf.mul(e, tf.add(e, 2));
  const d = tf.add(n, 2);
  return piecewise(x, 0, tf.div(n, d), tf.sub(1, tf.div(2, d)));
}

function stableTanh(x: tf.Tensor): tf.Tensor {
  const t = tanhNonNegative(tf.abs(x));
  return piecewise(x, 0, tf.neg(t), t);
}

// alpha * expm1(x) for x <= 0, x otherwise, as relu(x) + alpha * expm1(min(x, 0)): each
// term is exactly 0 on the other side, so no blend is needed (half the kernels of one);
// the gradient alpha * e^x flows through exp (not through y + alpha, which underflows),
// min(x, 0) keeps expm1 finite (expm1(1e4) = Infinity), and at 0 relu'(0) = 0 while
// min's slope is 1, giving the left derivative alpha.
function eluLike(x: tf.Tensor, alpha: number, scale = 1): tf.Tensor {
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

// GELU = x Φ(x) with its derivative Φ(x) + x φ(x) supplied by customGrad. Why not plain
// autodiff: tfjs has no erfc, its cpu erf kernel has absolute error ~1.5e-7, so
// x(1 + erf(x/√2))/2 loses all digits for x < -3; the erfc fit above gives Φ to ~1e-7,
// but the autodiff derivative of a fit is only as good as the fit's slope (6e-6 here).
const geluExact = tf.customGrad(
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

// The two inputs (x1, x2) of softmax and maxout from the last axis of shape [..., 2],
// each of shape [...]. Through a transpose rather than tf.split: on wasm, slicing the
// interleaved last axis is 5x (split) to 10x (concat) slower than moving it to the front.
function splitPair(x: tf.Tensor, name: string): [tf.Tensor, tf.Tensor] {
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

// The inverse of unstackLast: k tensors of shape [...] into one of shape [..., k].
function stackLast(parts: tf.Tensor[]): tf.Tensor {
  const rank = parts[0].rank + 1;
  return tf.transpose(tf.stack(parts), [...Array.from({ length: rank - 1 }, (_, i) => i + 1), 0]);
}

// ---- the registry ----

/** Every activation, in display order: the seed's eight first. */
export const ACTIVATIONS: readonly ActivationSpec[] = [
  {
    name: "identity",
    label: "Identity",
    formula: "f(x) = x",
    derivative: "f'(x) = 1",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#000000", { x: [-3, 3], y: [-3, 3] }),
    // reshape to the same shape: a new tensor sharing the data (no copy), gradient dy
    fn: (x) => tf.reshape(x, x.shape),
  },
  {
    name: "sigmoid",
    label: "Sigmoid",
    formula: "f(x) = \\frac{1}{1 + e^{-x}}",
    derivative: "f'(x) = f(x)\\,(1 - f(x))",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#f59042"),
    fn: (x) => stableSigmoid(x),
  },
  {
    name: "tanh",
    label: "Hyperbolic Tangent",
    formula: "f(x) = \\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    derivative: "f'(x) = 1 - \\tanh^2(x)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#7ef542"),
    fn: (x) => stableTanh(x),
  },
  {
    name: "relu",
    label: "ReLU",
    formula: "f(x) = \\max(0, x)",
    derivative: "f'(x) = \\begin{cases} 0 & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [0],
    view: view("#42d1f5", RELU_WINDOW),
    fn: (x) => tf.relu(x),
  },
  {
    name: "leaky_relu",
    label: "Leaky ReLU",
    formula: "f(x) = \\begin{cases} \\alpha x & x \\le 0 \\\\ x & x > 0 \\end{cases}",
    derivative: "f'(x) = \\begin{cases} \\alpha & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [alphaParam(0.3)],
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    view: view("#9c33ff", RELU_WINDOW),
    // blend, not tf.leakyRelu: same values, but its gradient uses greater + where
    // (~3x slower on wasm)
    fn: (x, p) => piecewise(x, 0, tf.mul(x, p.alpha), x),
  },
  {
    name: "elu",
    label: "ELU",
    formula: "f(x) = \\begin{cases} \\alpha (e^{x} - 1) & x \\le 0 \\\\ x & x > 0 \\end{cases}",
    derivative: "f'(x) = \\begin{cases} \\alpha e^{x} & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [alphaParam(1)],
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    view: view("#ff33a7", RELU_WINDOW),
    fn: (x, p) => eluLike(x, p.alpha),
  },
  {
    name: "softmax",
    label: "Softmax",
    formula: "f_i(x_1, x_2) = \\frac{e^{x_i}}{e^{x_1} + e^{x_2}}",
    derivative: "\\frac{\\partial f_i}{\\partial x_j} = f_i\\,(\\delta_{ij} - f_j)",
    inputs: 2,
    outputs: 2,
    params: [],
    kinks: () => [],
    view: view("#5b5f97", GRID_WINDOW),
    // softmax of two inputs is (σ(x1 - x2), σ(x2 - x1)); with the stable sigmoid both the
    // values and the Jacobian ±f1 f2 keep their relative accuracy when one output is ~1.
    fn: (x) => {
      const [x1, x2] = splitPair(x, "softmax");
      const d = tf.sub(x1, x2);
      return stackLast([stableSigmoid(d), stableSigmoid(tf.neg(d))]);
    },
  },
  {
    name: "maxout",
    label: "Maxout",
    formula: "f(x_1, x_2) = \\max(x_1, x_2)",
    derivative:
      "\\frac{\\partial f}{\\partial x_1} = [x_1 \\ge x_2],\\quad \\frac{\\partial f}{\\partial x_2} = [x_1 < x_2]",
    inputs: 2,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#3d5a80", GRID_WINDOW),
    // greaterEqual: the one comparison whose gradient tfjs 4.22 registers (where needs it)
    fn: (x) => {
      const [x1, x2] = splitPair(x, "maxout");
      return tf.expandDims(tf.where(tf.greaterEqual(x1, x2), x1, x2), -1);
    },
  },
  {
    name: "gelu",
    label: "GELU",
    formula:
      "f(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}(x/\\sqrt{2})\\right)",
    derivative: "f'(x) = \\Phi(x) + x\\,\\varphi(x)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#2a9d8f", BELL_WINDOW),
    fn: (x) => geluExact(x),
  },
  {
    name: "gelu_tanh",
    label: "GELU (tanh approximation)",
    formula:
      "f(x) = \\frac{x}{2}\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(x + 0.044715 x^3)\\right)\\right)",
    derivative:
      "f'(x) = \\frac{1 + \\tanh u}{2} + \\frac{x}{2}(1 - \\tanh^2 u)\\,\\sqrt{2/\\pi}\\,(1 + 0.134145 x^2)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#e76f51", BELL_WINDOW),
    // (1 + tanh u)/2 = σ(2u): no cancellation for x < 0.
    fn: (x) => {
      const twoU = tf.mul(tf.add(x, tf.mul(tf.mul(tf.square(x), x), 0.044715)), 2 * GELU_C);
      return tf.mul(x, stableSigmoid(twoU));
    },
  },
  {
    name: "silu",
    label: "SiLU (Swish)",
    formula: "f(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}",
    derivative: "f'(x) = \\sigma(x)\\,(1 + x\\,(1 - \\sigma(x)))",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#264653", BELL_WINDOW),
    fn: (x) => tf.mul(x, stableSigmoid(x)),
  },
  {
    name: "softplus",
    label: "Softplus",
    formula: "f(x) = \\frac{1}{\\beta}\\log\\left(1 + e^{\\beta x}\\right)",
    derivative: "f'(x) = \\sigma(\\beta x)",
    inputs: 1,
    outputs: 1,
    params: [{ name: "beta", label: "Beta", default: 1, min: 0.1, max: 5, step: 0.1 }],
    kinks: () => [],
    view: view("#e9c46a", BELL_WINDOW),
    // tf.softplus is stable in value and its gradient is σ(βx) (exact when small).
    fn: (x, p) => p.beta === 1 ? tf.softplus(x) : tf.div(tf.softplus(tf.mul(x, p.beta)), p.beta),
  },
  {
    name: "selu",
    label: "SELU",
    formula:
      "f(x) = \\lambda \\begin{cases} \\alpha (e^{x} - 1) & x \\le 0 \\\\ x & x > 0 \\end{cases},\\ \\lambda \\approx 1.0507,\\ \\alpha \\approx 1.6733",
    derivative:
      "f'(x) = \\lambda \\begin{cases} \\alpha e^{x} & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [0],
    view: view("#e63946", { ...RELU_WINDOW, dy: [-0.25, 2] }),
    fn: (x) => eluLike(x, SELU_ALPHA, SELU_SCALE),
  },
  {
    name: "mish",
    label: "Mish",
    formula: "f(x) = x \\tanh(\\operatorname{softplus}(x))",
    derivative:
      "f'(x) = \\tanh(\\operatorname{sp}(x)) + x\\,\\sigma(x)\\left(1 - \\tanh^2(\\operatorname{sp}(x))\\right)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#457b9d", BELL_WINDOW),
    fn: (x) => tf.mul(x, tanhSoftplus(x)),
  },
  {
    name: "softsign",
    label: "Softsign",
    formula: "f(x) = \\frac{x}{1 + |x|}",
    derivative: "f'(x) = \\frac{1}{(1 + |x|)^2}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#8d6e63"),
    // For |x| >= 1 write ±(1 - 1/(1+|x|)): the gradient of x/(1+|x|) is
    // 1/(1+|x|) - |x|/(1+|x|)², which cancels for large |x|.
    fn: (x) => {
      const a = tf.abs(x);
      const r = tf.reciprocal(tf.add(a, 1));
      const tail = tf.sub(1, r);
      return piecewise(a, 1, tf.mul(x, r), piecewise(x, 0, tf.neg(tail), tail));
    },
  },
  {
    name: "hard_sigmoid",
    label: "Hard Sigmoid",
    formula: "f(x) = \\max\\left(0, \\min\\left(1, \\frac{x + 3}{6}\\right)\\right)",
    derivative:
      "f'(x) = \\begin{cases} 1/6 & -3 < x \\le 3 \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [-3, 3],
    view: view("#6a994e", { y: [-0.25, 1.25] }),
    fn: (x) => hardSigmoid(x),
  },
  {
    name: "hard_silu",
    label: "Hard SiLU (Hard Swish)",
    formula: "f(x) = x \\max\\left(0, \\min\\left(1, \\frac{x + 3}{6}\\right)\\right)",
    derivative:
      "f'(x) = \\begin{cases} 0 & x \\le -3 \\\\ (2x + 3)/6 & -3 < x \\le 3 \\\\ 1 & x > 3 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [-3, 3],
    view: view("#bc4749", { ...BELL_WINDOW, dy: [-0.75, 1.75] }),
    fn: (x) => tf.mul(x, hardSigmoid(x)),
  },
  {
    name: "relu6",
    label: "ReLU6",
    formula: "f(x) = \\min(\\max(0, x), 6)",
    derivative: "f'(x) = \\begin{cases} 1 & 0 < x \\le 6 \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [0, 6],
    view: view("#3a86ff", { x: [-3, 9], y: [-1, 7], dx: [-3, 9] }),
    // tfjs: value clip(x, 0, 6), gradient [0 < x <= 6] — the left-derivative convention.
    fn: (x) => tf.relu6(x),
  },
  {
    name: "celu",
    label: "CELU",
    formula:
      "f(x) = \\begin{cases} \\alpha (e^{x/\\alpha} - 1) & x \\le 0 \\\\ x & x > 0 \\end{cases}",
    derivative: "f'(x) = \\begin{cases} e^{x/\\alpha} & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [alphaParam(1, 0.1, 3, 0.05)], // 59 slider values keep its page small
    kinks: () => [],
    view: view("#ff7f50", RELU_WINDOW),
    fn: (x, p) => {
      const neg = tf.mul(tf.expm1(tf.div(minWith(x, 0), p.alpha)), p.alpha);
      return piecewise(x, 0, neg, x);
    },
  },
  {
    name: "log_sigmoid",
    label: "Log Sigmoid",
    formula: "f(x) = \\log \\sigma(x) = -\\log\\left(1 + e^{-x}\\right)",
    derivative: "f'(x) = 1 - \\sigma(x) = \\sigma(-x)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [],
    view: view("#8338ec", { y: [-5.5, 0.5] }),
    fn: (x) => tf.neg(tf.softplus(tf.neg(x))),
  },
  {
    name: "hard_tanh",
    label: "Hard Tanh",
    formula: "f(x) = \\max(-1, \\min(1, x))",
    derivative: "f'(x) = \\begin{cases} 1 & -1 < x \\le 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [-1, 1],
    view: view("#ffb703", { x: [-3, 3] }),
    // not clipByValue, whose gradient at -1 is 1 (a right derivative)
    fn: (x) => {
      const lo = tf.step(tf.add(x, 1)); // x > -1
      const hi = tf.step(tf.sub(x, 1)); // x > 1
      return tf.add(tf.mul(x, tf.sub(lo, hi)), tf.sub(tf.add(lo, hi), 1));
    },
  },
];

// (x + 3)/6 clipped to [0, 1] as relu6(x + 3)/6: tfjs's relu6 gradient [0 < x + 3 <= 6]
// gives the left derivatives at -3 (0) and 3 (1/6).
function hardSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.div(tf.relu6(tf.add(x, 3)), 6);
}

const BY_NAME = new Map(ACTIVATIONS.map((spec) => [spec.name, spec]));

/**
 * The names of all activations, in registry order.
 *
 * @returns the snake_case names
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activationNames } from "./activations.ts";
 * assert.ok(activationNames().includes("leaky_relu"));
 * ```
 */
export function activationNames(): string[] {
  return ACTIVATIONS.map((spec) => spec.name);
}

/**
 * Looks up an activation by its snake_case name.
 *
 * @param name e.g. "elu"
 * @returns the spec
 * @throws {Error} If the name is unknown; the message lists the valid names.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "./activations.ts";
 * assert.ok(getActivation("tanh").label === "Hyperbolic Tangent");
 * ```
 */
export function getActivation(name: string): ActivationSpec {
  const spec = BY_NAME.get(name);
  if (spec === undefined) {
    const valid = activationNames().map((n) => `"${n}"`).join(", ");
    throw new Error(`Unknown activation "${String(name)}": expected one of ${valid}`);
  }
  return spec;
}

/**
 * The full parameter record for an activation: defaults overridden by `options`.
 *
 * @param spec the activation
 * @param options parameter values, e.g. `{ alpha: 0.1 }`
 * @returns a new record with every parameter of `spec`
 * @throws {RangeError} If an option key is not a parameter of `spec` (the message names
 *   the valid parameters), or a value is not a finite number in [min, max] (the message
 *   names the parameter, the value and the range).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation, resolveParams } from "./activations.ts";
 * const p = resolveParams(getActivation("leaky_relu"), { alpha: 0.1 });
 * assert.ok(p.alpha === 0.1);
 * assert.ok(resolveParams(getActivation("elu")).alpha === 1);
 * ```
 */
export function resolveParams(
  spec: ActivationSpec,
  options: Record<string, number> = {},
): Record<string, number> {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`Options of "${spec.name}" must be an object, got ${String(options)}`);
  }
  const names = spec.params.map((p) => p.name);
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) {
      const valid = names.length === 0
        ? "it takes no parameters"
        : `expected ${names.map((n) => `"${n}"`).join(", ")}`;
      throw new RangeError(`Unknown parameter "${key}" for "${spec.name}": ${valid}`);
    }
  }
  const out: Record<string, number> = {};
  for (const p of spec.params) {
    const value = options[p.name] ?? p.default;
    if (typeof value !== "number" || !Number.isFinite(value) || value < p.min || value > p.max) {
      throw new RangeError(
        `Parameter "${p.name}" of "${spec.name}" must be a finite number in ` +
          `[${p.min}, ${p.max}], got ${String(value)}`,
      );
    }
    out[p.name] = value;
  }
  return out;
}
