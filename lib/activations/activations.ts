/**
 * The activation registry: every activation function declared once, as data — a stable
 * snake_case name, the original notebook's display label, TeX formulas, parameters with
 * default/min/max/step, kinks, plot hints and the TensorFlow.js function. Values,
 * derivatives (by autodiff, in `autodiff.ts`), plots, sliders and the training demo all
 * read this one declaration.
 *
 * Numerics: every `fn` is written (with the building blocks of `numerics.ts`) so that both
 * its value and its autodiff gradient are accurate to float32 for finite x in [-1e4, 1e4]
 * on the wasm and cpu backends (no NaN or Infinity, no underflow to 0 through `y + 1`
 * style shortcuts, no `1 - tanh²` loss where tanh rounds to ±1). Accuracy: within 1e-6
 * relative of the exact value at an input at most 4 float32 rounding steps from x, plus an
 * absolute 2e-36 for subnormal intermediates that wasm flushes to 0 (see
 * tests/_helpers/numeric.ts). Measured worst relative errors are below 5e-7, except near
 * zeros of f' (GELU, SiLU, Mish minima) and where f is steep in relative terms (GELU-tanh
 * at x < -8), where the 4-step input slack applies.
 *
 * Kinks: where f' jumps, the derivative reported AT the kink is the left derivative
 * lim_{t→k⁻} f'(t) (ReLU'(0) = 0 as in TensorFlow, ReLU6'(6) = 1, Hard Tanh'(-1) = 0).
 * Maxout ties (x1 = x2) go to x1, as in the original's `tf.where(x1 < x2, x2, x1)`.
 *
 * @module
 */
import { tf } from "../tf.ts";
import type { ActivationSpec, ParamSpec, ViewHints } from "./activation_spec.ts";
import {
  eluLike,
  geluExact,
  hardSigmoid,
  hardTanh,
  minWith,
  piecewise,
  splitPair,
  stableSigmoid,
  stableTanh,
  stackLast,
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

function alphaParam(value: number, min = 0.01, max = 1, step = 0.01): ParamSpec {
  return { name: "alpha", label: "Alpha", default: value, min, max, step };
}

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
    fn: (x) => hardTanh(x),
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
