/**
 * The shape of a registry entry: an activation's name, label, formulas, parameters, kinks,
 * plot hints and TensorFlow.js function.
 *
 * @module
 */
import type { tf } from "../tf.ts";

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
  /** display label: "Leaky ReLU" (the original's labels) */
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
  /** plot hints for the function/derivative pair (the original's colours and view windows) */
  readonly view: ViewHints;
  /**
   * the tfjs function; for inputs: 2 it maps [..., 2] to [..., k] (k = 2 softmax, 1 maxout).
   * Internal: the library runs it (autodiff, the fused kernel, training); tensors never
   * leave the library.
   *
   * @internal
   */
  readonly fn: (x: tf.Tensor, p: Readonly<Record<string, number>>) => tf.Tensor;
}
