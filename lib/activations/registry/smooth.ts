/**
 * The registry's smooth and self-gated activations: GELU (exact, and its tanh
 * approximation), SiLU, Swish, Mish and Hard SiLU (x times a gate of x), the smooth
 * rectifiers Softplus, Squareplus and Sparse Plus, and the Exponential. activations.ts puts them in display
 * order.
 *
 * @module
 */
import { tf } from "../../tf.ts";
import type { ActivationSpec } from "../activation_spec.ts";
import {
  clamp,
  exp,
  geluExact,
  hardSigmoid,
  minWith,
  piecewise,
  sigmoid,
  softplus,
  squareplus,
  tanhSoftplus,
} from "../numerics.ts";
import { BELL_WINDOW, NON_NEGATIVE, none, param, POSITIVE, view } from "./spec_parts.ts";

const GELU_C = Math.sqrt(2 / Math.PI);

/**
 * @internal The smooth family, by name: gelu, gelu_tanh, silu, softplus, mish, hard_silu,
 * squareplus, exponential, sparse_plus, swish.
 */
export const SMOOTH: Readonly<Record<string, ActivationSpec>> = {
  gelu: {
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
  gelu_tanh: {
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
  silu: {
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
  softplus: {
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
  mish: {
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
  hard_silu: {
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
  squareplus: {
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
  exponential: {
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
  sparse_plus: {
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
  swish: {
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
};
