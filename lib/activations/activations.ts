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
 * The declarations are in registry/, one file per family (`relu_like.ts`,
 * `sigmoid_like.ts`, `smooth.ts`, `shrink.ts`, `pairwise.ts`, over `spec_parts.ts`); this
 * module puts them in display order and looks them up.
 *
 * @module
 */
import { typeError } from "../guards.ts";
import type { ActivationSpec } from "./activation_spec.ts";
import { PAIRWISE } from "./registry/pairwise.ts";
import { RELU_LIKE } from "./registry/relu_like.ts";
import { SHRINK } from "./registry/shrink.ts";
import { SIGMOID_LIKE } from "./registry/sigmoid_like.ts";
import { SMOOTH } from "./registry/smooth.ts";

/** Every activation, in display order: the original's eight first. */
export const ACTIVATIONS: readonly ActivationSpec[] = [
  // the original's eight
  RELU_LIKE.identity,
  SIGMOID_LIKE.sigmoid,
  SIGMOID_LIKE.tanh,
  RELU_LIKE.relu,
  RELU_LIKE.leaky_relu,
  RELU_LIKE.elu,
  PAIRWISE.softmax,
  PAIRWISE.maxout,
  // then PyTorch's, Keras 3's and JAX's
  SMOOTH.gelu,
  SMOOTH.gelu_tanh,
  SMOOTH.silu,
  SMOOTH.softplus,
  RELU_LIKE.selu,
  SMOOTH.mish,
  SIGMOID_LIKE.softsign,
  SIGMOID_LIKE.hard_sigmoid,
  SMOOTH.hard_silu,
  RELU_LIKE.relu6,
  RELU_LIKE.celu,
  SIGMOID_LIKE.log_sigmoid,
  SIGMOID_LIKE.hard_tanh,
  SHRINK.hardshrink,
  SHRINK.softshrink,
  SHRINK.tanhshrink,
  SHRINK.threshold,
  SMOOTH.squareplus,
  SMOOTH.exponential,
  SMOOTH.sparse_plus,
  SIGMOID_LIKE.sparse_sigmoid,
  SMOOTH.swish,
  RELU_LIKE.prelu,
  RELU_LIKE.rrelu,
  PAIRWISE.glu,
  PAIRWISE.log_softmax,
  PAIRWISE.softmin,
  PAIRWISE.sparsemax,
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
