/**
 * The registry's rectifiers and the identity: ReLU, its leaky variants (Leaky ReLU; PReLU,
 * whose α networks learn; RReLU, whose slope is random in training), its exponential ones
 * (ELU, SELU, CELU) and ReLU6, capped at 6. activations.ts puts them in display
 * order.
 *
 * @module
 */
import { tf } from "../../tf.ts";
import type { ActivationSpec } from "../activation_spec.ts";
import { eluLike, leaky, minWith, piecewise } from "../numerics.ts";
import { alphaParam, none, param, POSITIVE, REAL, RELU_WINDOW, view } from "./spec_parts.ts";

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * @internal The relu-like family, by name: identity, relu, leaky_relu, elu, selu, relu6,
 * celu, prelu, rrelu.
 */
export const RELU_LIKE: Readonly<Record<string, ActivationSpec>> = {
  identity: {
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
  relu: {
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
  leaky_relu: {
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
  elu: {
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
  selu: {
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
  relu6: {
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
  celu: {
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
  prelu: {
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
  rrelu: {
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
};
