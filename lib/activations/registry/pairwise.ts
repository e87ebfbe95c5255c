/**
 * The registry's activations of two inputs (x1, x2), the pair as the last axis: Softmax
 * and Maxout (the original's), GLU, Log Softmax, Softmin and Sparsemax. activations.ts puts them in display
 * order.
 *
 * @module
 */
import { tf } from "../../tf.ts";
import type { ActivationSpec } from "../activation_spec.ts";
import { sigmoid, softplus, sparseSigmoid, splitPair, stackLast } from "../numerics.ts";
import { GRID_WINDOW, none, PAIR_WINDOW, view } from "./spec_parts.ts";

/**
 * @internal The pairwise family, by name: softmax, maxout, glu, log_softmax, softmin,
 * sparsemax.
 */
export const PAIRWISE: Readonly<Record<string, ActivationSpec>> = {
  softmax: {
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
  maxout: {
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
  glu: {
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
  log_softmax: {
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
  softmin: {
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
  sparsemax: {
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
};
