/**
 * The shape of a registry entry: an activation's name, label, formulas, parameters (each
 * with its domain and its slider), kinks, plot hints and TensorFlow.js function.
 *
 * @module
 */
import type { tf } from "../tf.ts";

/**
 * The values a parameter accepts: an interval whose ends are numbers (±Infinity for none)
 * or the name of another parameter of the same activation (Hard Tanh's `max_val` is above
 * `min_val`). Only finite values are ever accepted.
 */
export interface ParamDomain {
  /** lower end: a number (`-Infinity`: unbounded) or another parameter's name */
  readonly min: number | string;
  /** upper end: a number (`Infinity`: unbounded) or another parameter's name */
  readonly max: number | string;
  /** `min` itself is excluded (default: included when finite) */
  readonly minOpen?: boolean;
  /** `max` itself is excluded (default: included when finite) */
  readonly maxOpen?: boolean;
}

/**
 * A numeric parameter as a slider offers it: name, label, default and the slider's
 * `min`, `max` and `step` (UI only, never validation). What interactive figures read;
 * the registry's parameters ({@linkcode ActivationParam}) add their domain.
 */
export interface ParamSpec {
  /** option key, e.g. "alpha" */
  readonly name: string;
  /** display label, e.g. "Alpha" */
  readonly label: string;
  /** default value */
  readonly default: number;
  /** smallest slider value */
  readonly min: number;
  /** largest slider value */
  readonly max: number;
  /** slider step */
  readonly step: number;
}

/**
 * One parameter of an activation: its domain (what the library accepts, checked by
 * `resolveParams()`) and, separately, its slider (`min`, `max`, `step`: what a figure
 * offers).
 */
export interface ActivationParam extends ParamSpec {
  /** the values the library accepts */
  readonly domain: ParamDomain;
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
  /** y window of the second-derivative panel (default: the derivative's, widened to fit) */
  d2y?: [number, number];
}

/**
 * An activation's parameters as its tfjs function receives them: numbers, or scalar
 * tensors (a fused program takes its parameters as inputs, so that one program serves
 * every value; training learns PReLU's α). The function uses them through tfjs ops only
 * (`tf.div(90, p.beta)`, never `90 / p.beta` or `p.beta === 1 ? …`).
 *
 * @internal
 */
export type ParamValues = Readonly<Record<string, number | tf.Tensor>>;

/** How an activation behaves while a network trains (PReLU, RReLU). */
export interface TrainingBehaviour {
  /**
   * parameters each layer learns by gradient descent (PReLU's `alpha`), starting from
   * the given values; the gradient with respect to them is tfjs autodiff of `fn`, which
   * must then use these parameters only through tfjs ops (they arrive as scalar tensors)
   */
  readonly learnable?: readonly string[];
  /**
   * the training-mode function when it differs from `fn` (RReLU: a random slope per
   * element): `u` holds one uniform [0, 1) sample per element of `x`, from the training's
   * seeded stream. Evaluation and prediction use `fn`.
   *
   * @internal
   */
  readonly randomized?: (x: tf.Tensor, p: ParamValues, u: tf.Tensor) => tf.Tensor;
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
  /** softmax, maxout and the other two-input functions take two inputs */
  readonly inputs: 1 | 2;
  /** number of outputs: 1, or 2 for softmax-like functions */
  readonly outputs: 1 | 2;
  /** parameters (may be empty) */
  readonly params: readonly ActivationParam[];
  /** x positions where f' jumps, for the given parameter values (ReLU: [0]). */
  readonly kinks: (p: Readonly<Record<string, number>>) => readonly number[];
  /**
   * x positions where the formula's cases meet (where f, f' or f'' may jump; ELU with
   * α = 1: [0], where only f'' jumps); default: the kinks. The properties table reads the
   * one-sided limits there.
   */
  readonly pieces?: (p: Readonly<Record<string, number>>) => readonly number[];
  /** plot hints for the function/derivative pair (the original's colours and view windows) */
  readonly view: ViewHints;
  /**
   * its names elsewhere, where a library has it: `torch.nn.functional` (PyTorch),
   * `keras.activations` (Keras 3; TensorFlow where only `tf.nn` has it) and `jax.nn`
   */
  readonly aka?: Readonly<{ torch?: string; keras?: string; jax?: string }>;
  /** training-mode behaviour (learnable or random parameters); default: none */
  readonly training?: TrainingBehaviour;
  /**
   * the tfjs function; for inputs: 2 it maps [..., 2] to [..., k] (k = 2 softmax, 1 maxout).
   * Internal: the library runs it (autodiff, the fused kernel, training); tensors never
   * leave the library.
   *
   * @internal
   */
  readonly fn: (x: tf.Tensor, p: ParamValues) => tf.Tensor;
}
