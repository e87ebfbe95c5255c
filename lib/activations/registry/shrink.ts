/**
 * The registry's shrink and threshold activations, zero (or a constant) on a band
 * around 0 or below a threshold: Hard Shrink, Soft Shrink, Tanh Shrink and Threshold. activations.ts puts them in display
 * order.
 *
 * @module
 */
import { tf } from "../../tf.ts";
import type { ActivationSpec } from "../activation_spec.ts";
import { constantLike, minWith, piecewise, tanhShrink } from "../numerics.ts";
import { NON_NEGATIVE, none, param, REAL, view } from "./spec_parts.ts";

/** @internal The shrink family, by name: hardshrink, softshrink, tanhshrink, threshold. */
export const SHRINK: Readonly<Record<string, ActivationSpec>> = {
  hardshrink: {
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
  softshrink: {
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
  tanhshrink: {
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
  threshold: {
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
};
