/**
 * The activation registry: every activation function declared once, as data — a stable
 * snake_case name, the original notebook's display label, TeX formulas, parameters (each
 * with its domain and, separately, its slider), kinks, plot hints and the TensorFlow.js
 * function. Values, first and second derivatives (by autodiff, in `autodiff.ts`),
 * properties, plots, sliders and the training demo all read this one declaration. Every
 * activation of PyTorch, Keras 3 and JAX is here, under its PyTorch name where they differ
 * (`aka` gives the others).
 *
 * Numerics: every `fn` is written (with the building blocks of `numerics.ts`) so that its
 * value and its autodiff gradient are accurate to float32 for finite x in [-1e4, 1e4]
 * on the wasm and cpu backends, and stay exact (no NaN) for every finite float32 up to
 * ±3.4e38. Accuracy: within 1e-6 relative of the exact value at an input at most 4
 * float32 rounding steps from x, plus an absolute 2e-36 for subnormal intermediates that
 * wasm flushes to 0 (see tests/_helpers/numeric.ts). Measured worst relative errors are
 * below 5e-7, except near zeros of f' (GELU, SiLU, Mish minima) and where f is steep in
 * relative terms (GELU-tanh at x < -8), where the 4-step input slack applies. At ±∞ the
 * library returns the limits (see `autodiff.ts`).
 *
 * Kinks: where f' jumps, the derivative reported AT the kink is the left derivative
 * lim_{t→k⁻} f'(t) (ReLU'(0) = 0 as in TensorFlow, ReLU6'(6) = 1, Hard Tanh'(-1) = 0).
 * Where f itself jumps (Hard Shrink at ±λ, Threshold), f and f' are those of the case
 * that holds the point, as in PyTorch and Keras (Hard Shrink(±λ) = 0, f' = 0).
 * Maxout ties (x1 = x2) go to x1, as in the original's `tf.where(x1 < x2, x2, x1)`.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { typeError } from "../guards.ts";
import type { ActivationParam, ActivationSpec, ParamDomain, ViewHints } from "./activation_spec.ts";
import {
  clamp,
  constantLike,
  eluLike,
  exp,
  geluExact,
  hardSigmoid,
  leaky,
  maxWith,
  minWith,
  piecewise,
  sigmoid,
  softplus,
  sparseSigmoid,
  splitPair,
  squareplus,
  stableTanh,
  stackLast,
  tanhShrink,
  tanhSoftplus,
} from "./numerics.ts";

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const GELU_C = Math.sqrt(2 / Math.PI);

// The original's windows: default x [-5, 5], y [-1.25, 1.25]; derivative dx [-5, 5],
// dy [-0.25, 1.25].
function view(color: string, over: Partial<ViewHints> = {}): ViewHints {
  return { color, x: [-5, 5], y: [-1.25, 1.25], dx: [-5, 5], dy: [-0.25, 1.25], ...over };
}

const RELU_WINDOW = { x: [-3, 3], y: [-2, 4] } as Partial<ViewHints>;
const BELL_WINDOW = { x: [-4, 4], y: [-1, 4] } as Partial<ViewHints>;
const GRID_WINDOW = { x: [0, 10], y: [0, 10], dx: [0, 10], dy: [0, 10] } as Partial<ViewHints>;
const PAIR_WINDOW = { x: [-4, 4], y: [-4, 4], dx: [-4, 4], dy: [-4, 4] } as Partial<ViewHints>;

// Domains: any real number, x >= 0, x > 0.
const REAL: ParamDomain = { min: -Infinity, max: Infinity };
const NON_NEGATIVE: ParamDomain = { min: 0, max: Infinity };
const POSITIVE: ParamDomain = { min: 0, max: Infinity, minOpen: true };

// A parameter: name, label, default, domain, then its slider [min, max] and step.
function param(
  name: string,
  label: string,
  value: number,
  domain: ParamDomain,
  [min, max, step]: [number, number, number],
): ActivationParam {
  return { name, label, default: value, domain, min, max, step };
}

// The original's Alpha slider, 0.01 to 1; the domain is wider
function alphaParam(value: number, domain = NON_NEGATIVE): ActivationParam {
  return param("alpha", "Alpha", value, domain, [0.01, 1, 0.01]);
}

const none = () => [];

/** Every activation, in display order: the original's eight first. */
export const ACTIVATIONS: readonly ActivationSpec[] = [
  {
    name: "identity",
    label: "Identity",
    formula: "f(x) = x",
    derivative: "f'(x) = 1",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: none,
    view: view("#000000", { x: [-3, 3], y: [-3, 3] }),
    aka: { torch: "nn.Identity", keras: "linear" },
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
    kinks: none,
    view: view("#f59042"),
    aka: { torch: "sigmoid", keras: "sigmoid", jax: "sigmoid" },
    fn: (x) => sigmoid(x),
  },
  {
    name: "tanh",
    label: "Hyperbolic Tangent",
    formula: "f(x) = \\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    derivative: "f'(x) = 1 - \\tanh^2(x)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: none,
    view: view("#7ef542"),
    aka: { torch: "tanh", keras: "tanh", jax: "jnp.tanh" },
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
    aka: { torch: "relu", keras: "relu", jax: "relu" },
    fn: (x) => tf.relu(x),
  },
  {
    name: "leaky_relu",
    label: "Leaky ReLU",
    formula: "f(x) = \\begin{cases} \\alpha x & x \\le 0 \\\\ x & x > 0 \\end{cases}",
    derivative: "f'(x) = \\begin{cases} \\alpha & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    // the original's Keras 2 default 0.3 (PyTorch and JAX: 0.01, Keras 3: 0.2)
    params: [alphaParam(0.3)],
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    view: view("#9c33ff", RELU_WINDOW),
    aka: { torch: "leaky_relu", keras: "leaky_relu", jax: "leaky_relu" },
    // where, not tf.leakyRelu: same values, but its gradient uses greater + where
    fn: (x, p) => leaky(x, p.alpha),
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
    pieces: () => [0],
    view: view("#ff33a7", RELU_WINDOW),
    aka: { torch: "elu", keras: "elu", jax: "elu" },
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
    kinks: none,
    view: view("#5b5f97", GRID_WINDOW),
    aka: { torch: "softmax", keras: "softmax", jax: "softmax" },
    // softmax of two inputs is (σ(x1 - x2), σ(x2 - x1)); with the stable sigmoid both the
    // values and the Jacobian ±f1 f2 keep their relative accuracy when one output is ~1.
    fn: (x) => {
      const [x1, x2] = splitPair(x, "softmax");
      const d = tf.sub(x1, x2);
      return stackLast([sigmoid(d), sigmoid(tf.neg(d))]);
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
    kinks: none,
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
    kinks: none,
    view: view("#2a9d8f", BELL_WINDOW),
    aka: { torch: "gelu", keras: "gelu(approximate=False)", jax: "gelu(approximate=False)" },
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
    kinks: none,
    view: view("#e76f51", BELL_WINDOW),
    aka: { torch: "gelu(approximate='tanh')", keras: "gelu", jax: "gelu" },
    // (1 + tanh u)/2 = σ(2u): no cancellation for x < 0. u is computed from x clamped to
    // [-30, 30], where σ(2u) is already 0 or 1 in float32, so that x³ stays finite.
    fn: (x) => {
      const c = clamp(x, -30, 30);
      const twoU = tf.mul(tf.add(c, tf.mul(tf.mul(tf.square(c), c), 0.044715)), 2 * GELU_C);
      return tf.mul(x, sigmoid(twoU));
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
    kinks: none,
    view: view("#264653", BELL_WINDOW),
    aka: { torch: "silu", keras: "silu", jax: "silu" },
    fn: (x) => tf.mul(x, sigmoid(x)),
  },
  {
    name: "softplus",
    label: "Softplus",
    formula: "f(x) = \\frac{1}{\\beta}\\log\\left(1 + e^{\\beta x}\\right)",
    derivative: "f'(x) = \\sigma(\\beta x)",
    inputs: 1,
    outputs: 1,
    params: [param("beta", "Beta", 1, POSITIVE, [0.1, 5, 0.1])],
    kinks: none,
    view: view("#e9c46a", BELL_WINDOW),
    aka: { torch: "softplus", keras: "softplus", jax: "softplus" },
    // tf.softplus is stable in value and its gradient is σ(βx) (exact when small); f = x
    // once βx > 90 (the rest is below 1e-39 of it), so βx cannot overflow.
    fn: (x, p) => {
      const cut = tf.div(90, p.beta);
      return piecewise(x, cut, tf.div(softplus(tf.mul(minWith(x, cut), p.beta)), p.beta), x);
    },
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
    aka: { torch: "selu", keras: "selu", jax: "selu" },
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
    kinks: none,
    view: view("#457b9d", BELL_WINDOW),
    aka: { torch: "mish", keras: "mish" },
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
    kinks: none,
    pieces: () => [0], // f'' = -2 sign(x)/(1 + |x|)³ jumps
    view: view("#8d6e63"),
    aka: { torch: "softsign", keras: "softsign", jax: "soft_sign" },
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
    aka: { torch: "hardsigmoid", keras: "hard_sigmoid", jax: "hard_sigmoid" },
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
    aka: { torch: "hardswish", keras: "hard_silu", jax: "hard_silu" },
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
    aka: { torch: "relu6", keras: "relu6", jax: "relu6" },
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
    params: [param("alpha", "Alpha", 1, POSITIVE, [0.1, 3, 0.05])], // 59 slider values
    kinks: none,
    pieces: () => [0],
    view: view("#ff7f50", RELU_WINDOW),
    aka: { torch: "celu", keras: "celu", jax: "celu" },
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
    kinks: none,
    view: view("#8338ec", { y: [-5.5, 0.5] }),
    aka: { torch: "logsigmoid", keras: "log_sigmoid", jax: "log_sigmoid" },
    fn: (x) => tf.neg(softplus(tf.neg(x))),
  },
  {
    name: "hard_tanh",
    label: "Hard Tanh",
    formula: "f(x) = \\max(a, \\min(b, x)),\\ a = \\text{min\\_val},\\ b = \\text{max\\_val}",
    derivative: "f'(x) = \\begin{cases} 1 & a < x \\le b \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    // every slider combination keeps min_val < max_val
    params: [
      param("min_val", "Min", -1, { min: -Infinity, max: "max_val", maxOpen: true }, [
        -3,
        -0.5,
        0.25,
      ]),
      param("max_val", "Max", 1, { min: "min_val", max: Infinity, minOpen: true }, [0.5, 3, 0.25]),
    ],
    kinks: (p) => [p.min_val, p.max_val],
    view: view("#ffb703", { x: [-3, 3], y: [-3.25, 3.25] }),
    aka: { torch: "hardtanh", keras: "hard_tanh", jax: "hard_tanh" },
    // max(a, min(b, x)); at a and b the left derivatives, 0 and 1 (see maxWith, minWith)
    fn: (x, p) => maxWith(minWith(x, p.max_val), p.min_val),
  },
  {
    name: "hardshrink",
    label: "Hard Shrink",
    formula: "f(x) = \\begin{cases} x & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
    derivative: "f'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [param("lambd", "Lambda", 0.5, NON_NEGATIVE, [0, 2, 0.1])],
    // f jumps at ±λ; with λ = 0, f'(0) = 0 (the middle case) while f' = 1 around it
    kinks: (p) => (p.lambd > 0 ? [-p.lambd, p.lambd] : [0]),
    view: view("#0077b6", { x: [-3, 3], y: [-3, 3] }),
    aka: { torch: "hardshrink", keras: "hard_shrink" },
    // x·[|x| > λ]: at ±λ the value 0 and slope 0 of the middle case
    fn: (x, p) => tf.mul(x, tf.step(tf.sub(tf.abs(x), p.lambd))),
  },
  {
    name: "softshrink",
    label: "Soft Shrink",
    formula:
      "f(x) = \\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
    derivative:
      "f'(x) = \\begin{cases} 0 & -\\lambda < x \\le \\lambda \\\\ 1 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [param("lambd", "Lambda", 0.5, NON_NEGATIVE, [0, 2, 0.1])],
    kinks: (p) => (p.lambd > 0 ? [-p.lambd, p.lambd] : []),
    view: view("#00b4d8", { x: [-3, 3], y: [-3, 3] }),
    aka: { torch: "softshrink", keras: "soft_shrink" },
    // relu(x − λ) + min(x + λ, 0): exact, and the slope at −λ is min's 1 (left derivative)
    fn: (x, p) => tf.add(tf.relu(tf.sub(x, p.lambd)), minWith(tf.add(x, p.lambd), 0)),
  },
  {
    name: "tanhshrink",
    label: "Tanh Shrink",
    formula: "f(x) = x - \\tanh(x)",
    derivative: "f'(x) = \\tanh^2(x)",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: none,
    view: view("#6d597a", { x: [-4, 4], y: [-3, 3] }),
    aka: { torch: "tanhshrink", keras: "tanh_shrink" },
    fn: (x) => tanhShrink(x),
  },
  {
    name: "threshold",
    label: "Threshold",
    formula: "f(x) = \\begin{cases} x & x > t \\\\ v & x \\le t \\end{cases}",
    derivative: "f'(x) = \\begin{cases} 1 & x > t \\\\ 0 & x \\le t \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [
      param("threshold", "Threshold t", 0, REAL, [-2, 2, 0.25]),
      param("value", "Value v", 0, REAL, [-2, 2, 0.25]),
    ],
    kinks: (p) => [p.threshold], // f jumps there unless v = t
    view: view("#b56576", { x: [-3, 3], y: [-2.5, 3.5] }),
    aka: { torch: "threshold", keras: "threshold" },
    fn: (x, p) => piecewise(x, p.threshold, constantLike(x, p.value), x),
  },
  {
    name: "squareplus",
    label: "Squareplus",
    formula: "f(x) = \\frac{x + \\sqrt{x^2 + b}}{2}",
    derivative: "f'(x) = \\frac{1}{2}\\left(1 + \\frac{x}{\\sqrt{x^2 + b}}\\right)",
    inputs: 1,
    outputs: 1,
    params: [param("b", "b", 4, NON_NEGATIVE, [0, 10, 0.25])],
    kinks: (p) => (p.b === 0 ? [0] : []), // b = 0 is ReLU
    view: view("#588157", { x: [-4, 4], y: [-1, 5] }),
    aka: { keras: "squareplus", jax: "squareplus" },
    fn: (x, p) => squareplus(x, p.b),
  },
  {
    name: "exponential",
    label: "Exponential",
    formula: "f(x) = e^{x}",
    derivative: "f'(x) = e^{x}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: none,
    view: view("#d62828", { x: [-3, 3], y: [-1, 10], dx: [-3, 3], dy: [-1, 10] }),
    aka: { keras: "exponential" },
    fn: (x) => exp(x),
  },
  {
    name: "sparse_plus",
    label: "Sparse Plus",
    formula:
      "f(x) = \\begin{cases} 0 & x \\le -1 \\\\ \\frac{(x + 1)^2}{4} & -1 < x < 1 \\\\ x & x \\ge 1 \\end{cases}",
    derivative:
      "f'(x) = \\begin{cases} 0 & x \\le -1 \\\\ \\frac{x + 1}{2} & -1 < x < 1 \\\\ 1 & x \\ge 1 \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: none,
    pieces: () => [-1, 1], // f'' jumps: 0, 1/2, 0
    view: view("#3f37c9", { x: [-3, 3], y: [-1, 3] }),
    aka: { keras: "sparse_plus", jax: "sparse_plus" },
    fn: (x) => {
      const middle = tf.mul(tf.square(tf.add(clamp(x, -1, 1), 1)), 0.25);
      return piecewise(x, -1, tf.zerosLike(x), piecewise(x, 1, middle, x));
    },
  },
  {
    name: "sparse_sigmoid",
    label: "Sparse Sigmoid",
    formula:
      "f(x) = \\begin{cases} 0 & x \\le -1 \\\\ \\frac{x + 1}{2} & -1 < x < 1 \\\\ 1 & x \\ge 1 \\end{cases}",
    derivative:
      "f'(x) = \\begin{cases} 1/2 & -1 < x \\le 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 1,
    outputs: 1,
    params: [],
    kinks: () => [-1, 1],
    view: view("#f77f00", { x: [-3, 3], y: [-0.25, 1.25] }),
    aka: { keras: "sparse_sigmoid", jax: "sparse_sigmoid" },
    fn: (x) => sparseSigmoid(x),
  },
  {
    name: "swish",
    label: "Swish",
    formula: "f(x) = x\\,\\sigma(\\beta x)",
    derivative: "f'(x) = \\sigma(\\beta x)\\,\\bigl(1 + \\beta x\\,(1 - \\sigma(\\beta x))\\bigr)",
    inputs: 1,
    outputs: 1,
    // β = 0 is x/2, β = 1 SiLU, β → ∞ ReLU
    params: [param("beta", "Beta", 1, NON_NEGATIVE, [0, 5, 0.1])],
    kinks: none,
    view: view("#2b9348", BELL_WINDOW),
    aka: { keras: "tf.nn.silu(x, beta)" },
    fn: (x, p) => tf.mul(x, sigmoid(tf.mul(x, p.beta))),
  },
  {
    name: "prelu",
    label: "PReLU",
    formula: "f(x) = \\begin{cases} \\alpha x & x \\le 0 \\\\ x & x > 0 \\end{cases}",
    derivative: "f'(x) = \\begin{cases} \\alpha & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    // α is learned (one per layer in our networks), so any real number
    params: [param("alpha", "Alpha", 0.25, REAL, [-0.5, 1, 0.05])],
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    view: view("#7209b7", RELU_WINDOW),
    aka: { torch: "prelu", keras: "layers.PReLU" },
    training: { learnable: ["alpha"] },
    fn: (x, p) => leaky(x, p.alpha),
  },
  {
    name: "rrelu",
    label: "RReLU",
    formula:
      "f(x) = \\begin{cases} a x & x \\le 0 \\\\ x & x > 0 \\end{cases},\\ a = \\frac{l + u}{2}",
    derivative: "f'(x) = \\begin{cases} a & x \\le 0 \\\\ 1 & x > 0 \\end{cases}",
    inputs: 1,
    outputs: 1,
    // evaluation mode; in training a ~ U(l, u) per element. Sliders keep l <= u.
    params: [
      param("lower", "Lower l", 1 / 8, { min: 0, max: "upper" }, [0, 0.3, 0.025]),
      param("upper", "Upper u", 1 / 3, { min: "lower", max: Infinity }, [1 / 3, 1, 1 / 12]),
    ],
    kinks: (p) => ((p.lower + p.upper) / 2 === 1 ? [] : [0]),
    view: view("#f72585", RELU_WINDOW),
    aka: { torch: "rrelu" },
    training: {
      randomized: (x, p, u) => leaky(x, tf.add(tf.mul(u, tf.sub(p.upper, p.lower)), p.lower)),
    },
    fn: (x, p) => leaky(x, tf.div(tf.add(p.lower, p.upper), 2)),
  },
  {
    name: "glu",
    label: "GLU",
    formula: "f(x_1, x_2) = x_1\\,\\sigma(x_2)",
    derivative:
      "\\frac{\\partial f}{\\partial x_1} = \\sigma(x_2),\\quad \\frac{\\partial f}{\\partial x_2} = x_1\\,\\sigma(x_2)\\,(1 - \\sigma(x_2))",
    inputs: 2,
    outputs: 1,
    params: [],
    kinks: none,
    view: view("#4361ee", PAIR_WINDOW),
    aka: { torch: "glu", keras: "glu", jax: "glu" },
    fn: (x) => {
      const [x1, x2] = splitPair(x, "glu");
      return tf.expandDims(tf.mul(x1, sigmoid(x2)), -1);
    },
  },
  {
    name: "log_softmax",
    label: "Log Softmax",
    formula: "f_i(x_1, x_2) = x_i - \\log\\left(e^{x_1} + e^{x_2}\\right)",
    derivative:
      "\\frac{\\partial f_i}{\\partial x_j} = \\delta_{ij} - \\operatorname{softmax}_j(x)",
    inputs: 2,
    outputs: 2,
    params: [],
    kinks: none,
    view: view("#4a4e69", PAIR_WINDOW),
    aka: { torch: "log_softmax", keras: "log_softmax", jax: "log_softmax" },
    // (−softplus(x2 − x1), −softplus(x1 − x2)): no overflow, no cancellation
    fn: (x) => {
      const [x1, x2] = splitPair(x, "log_softmax");
      const d = tf.sub(x1, x2);
      return stackLast([tf.neg(softplus(tf.neg(d))), tf.neg(softplus(d))]);
    },
  },
  {
    name: "softmin",
    label: "Softmin",
    formula: "f_i(x_1, x_2) = \\frac{e^{-x_i}}{e^{-x_1} + e^{-x_2}}",
    derivative: "\\frac{\\partial f_i}{\\partial x_j} = -f_i\\,(\\delta_{ij} - f_j)",
    inputs: 2,
    outputs: 2,
    params: [],
    kinks: none,
    view: view("#9a8c98", PAIR_WINDOW),
    aka: { torch: "softmin" },
    fn: (x) => {
      const [x1, x2] = splitPair(x, "softmin");
      const d = tf.sub(x1, x2);
      return stackLast([sigmoid(tf.neg(d)), sigmoid(d)]);
    },
  },
  {
    name: "sparsemax",
    label: "Sparsemax",
    formula:
      "f(x) = \\operatorname{argmin}_{p \\in \\Delta} \\lVert p - x \\rVert^2:\\ f_1 = \\max\\left(0, \\min\\left(1, \\frac{x_1 - x_2 + 1}{2}\\right)\\right),\\ f_2 = 1 - f_1",
    derivative:
      "\\frac{\\partial f_i}{\\partial x_j} = \\begin{cases} \\pm\\frac{1}{2} & |x_1 - x_2| < 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
    inputs: 2,
    outputs: 2,
    params: [],
    kinks: none,
    view: view("#22223b", PAIR_WINDOW),
    aka: { keras: "sparsemax" },
    // the projection onto the simplex, for two inputs: the sparse sigmoid of ±(x1 − x2)
    fn: (x) => {
      const [x1, x2] = splitPair(x, "sparsemax");
      const d = tf.sub(x1, x2);
      return stackLast([sparseSigmoid(d), sparseSigmoid(tf.neg(d))]);
    },
  },
];

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
 * @throws {TypeError} If `name` is not a string.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "./activations.ts";
 * assert.ok(getActivation("tanh").label === "Hyperbolic Tangent");
 * ```
 */
export function getActivation(name: string): ActivationSpec {
  if (typeof name !== "string") throw typeError("Invalid activation name", "a string", name);
  const spec = BY_NAME.get(name);
  if (spec === undefined) {
    const valid = activationNames().map((n) => `"${n}"`).join(", ");
    throw new Error(`Unknown activation "${String(name)}": expected one of ${valid}`);
  }
  return spec;
}
