/**
 * The registry's sigmoid-like activations, bounded or squashing: Sigmoid, tanh, Softsign,
 * Hard Sigmoid, Hard Tanh, Log Sigmoid and Sparse Sigmoid. activations.ts puts them in display
 * order.
 *
 * @module
 */
import { tf } from "../../tf.ts";
import type { ActivationSpec } from "../activation_spec.ts";
import {
  hardSigmoid,
  maxWith,
  minWith,
  piecewise,
  sigmoid,
  softplus,
  sparseSigmoid,
  stableTanh,
} from "../numerics.ts";
import { none, param, view } from "./spec_parts.ts";

/**
 * @internal The sigmoid-like family, by name: sigmoid, tanh, softsign, hard_sigmoid,
 * log_sigmoid, hard_tanh, sparse_sigmoid.
 */
export const SIGMOID_LIKE: Readonly<Record<string, ActivationSpec>> = {
  sigmoid: {
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
  tanh: {
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
  softsign: {
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
  hard_sigmoid: {
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
  log_sigmoid: {
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
  hard_tanh: {
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
  sparse_sigmoid: {
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
};
