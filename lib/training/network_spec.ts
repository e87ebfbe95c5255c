/**
 * What a network is made of: the limits on its size, the output layers, the spec
 * `createNetwork()` builds from (and the original's two networks), and the types of a
 * built network, its layers' weights and its options. network.ts builds networks and
 * re-exports all of this.
 *
 * @module
 */
import type { FeatureName } from "./features.ts";
import type { InitializerName } from "./initializers.ts";
import type { Activation } from "../activations/resolve_activation.ts";

/**
 * Widest layer (and most input features): 4,096 units. The original's widest is 64; a
 * deep-network study uses 128 to 1,024.
 */
export const MAX_LAYER_WIDTH = 4_096;

/** Most hidden layers: 256 (a depth study goes to about 50). */
export const MAX_HIDDEN_LAYERS = 256;

/**
 * Most weights and biases in one network: 2^24 = 16,777,216 (64 MB of float32; training
 * adds Adam's two float64 moments and a float64 gradient, about 450 MB in all). The
 * original's non-linear network has 325.
 */
export const MAX_PARAMETERS: number = 1 << 24;

/**
 * The output layer: `"sigmoid"` (one unit, the probability of class 1: binary
 * classification), `"softmax"` (one unit per class: multi-class classification) or
 * `"linear"` (regression).
 */
export type OutputKind = "sigmoid" | "softmax" | "linear";

/** The output layers `createNetwork()` builds. */
export const OUTPUT_KINDS: readonly OutputKind[] = ["sigmoid", "softmax", "linear"];

/** What to build: hidden layer widths and their activation. */
export interface NetworkSpec {
  /**
   * Widths of the hidden layers, input side first, e.g. `[64, 2]`: at most
   * {@linkcode MAX_HIDDEN_LAYERS} layers, each an integer from 1 to
   * {@linkcode MAX_LAYER_WIDTH}, and at most {@linkcode MAX_PARAMETERS} weights in all.
   */
  readonly hidden: readonly number[];
  /**
   * The hidden layers' activation: a registry name, e.g. `"elu"` or `"identity"`, or an
   * `Activation` resolved once (`resolveActivation()`; a built network's spec holds its
   * name).
   */
  readonly activation: string | Activation;
  /**
   * Activation parameters (missing ones take the registry defaults; with a handle, values
   * that override its own).
   */
  readonly params?: Readonly<Record<string, number>>;
  /**
   * Input features computed from each 2-D point before the first layer (features.ts's
   * `FEATURE_NAMES`: `"x1"`, `"x2"`, `"x1^2"`, `"x2^2"`, `"x1*x2"`, `"sin(x1)"`,
   * `"sin(x2)"`), as TensorFlow Playground offers them; default none: the first layer
   * reads the points themselves. Only for networks of 2 inputs.
   */
  readonly features?: readonly FeatureName[];
}

/** The original's linear network: Dense(64, linear) -> Dense(1, sigmoid). */
export const LINEAR_NETWORK: NetworkSpec = { hidden: [64], activation: "identity" };

/** The original's non-linear network: Dense(64, elu) -> Dense(2, elu) -> Dense(1, sigmoid). */
export const NONLINEAR_NETWORK: NetworkSpec = { hidden: [64, 2], activation: "elu" };

/** One dense layer's weights: `kernel[i * units + j]` connects input `i` to unit `j`. */
export interface LayerWeights {
  /** Inputs of the layer. */
  readonly inputs: number;
  /** Units (outputs) of the layer. */
  readonly units: number;
  /** `inputs * units` weights, row-major by input. */
  readonly kernel: Float32Array;
  /** One bias per unit. */
  readonly bias: Float32Array;
}

/** A built network. Call {@linkcode Network.dispose} when done with it. */
export interface Network {
  /** The spec, with the activation's name and every one of its parameters resolved. */
  readonly spec: NetworkSpec & {
    readonly activation: string;
    readonly params: Readonly<Record<string, number>>;
  };
  /**
   * Layer widths from input to output, e.g. `[2, 64, 2, 1]`: the values per input point,
   * each hidden layer, the outputs. With `spec.features` the first dense layer reads that
   * many features computed from each point instead (its `weights()[0].inputs`).
   */
  readonly sizes: readonly number[];
  /** The output layer ({@linkcode OutputKind}). */
  readonly output: OutputKind;
  /** The seed the initial weights were drawn from (and the default training seed). */
  readonly seed: number;
  /** How the hidden layers' initial weights were drawn. */
  readonly init: InitializerName;
  /** Whether {@linkcode Network.dispose} has been called. */
  readonly disposed: boolean;
  /** A copy of the current weights, one entry per dense layer. */
  weights(): LayerWeights[];
  /**
   * Each hidden layer's activation parameters, input side first: the spec's, with the
   * values the layer has learned for the activation's learnable ones (PReLU's α).
   */
  activationParams(): Record<string, number>[];
  /** Frees the weights; the network cannot be used afterwards. */
  dispose(): void;
}

/** Options of `createNetwork()`. */
export interface NetworkOptions {
  /** Seed of the initial weights (a safe integer); default 0. */
  seed?: number;
  /** Features per input point: an integer from 1 to {@linkcode MAX_LAYER_WIDTH}; default 2. */
  inputs?: number;
  /**
   * Initialisation of the hidden layers' kernels, one of `INITIALIZERS` (initializers.ts):
   * `"glorot_uniform"` (default, Keras's), `"he_normal"`, `"lecun_normal"` or `"gain"`
   * (normal with standard deviation gain(activation) / √fan_in). The output layer stays
   * Glorot uniform.
   */
  init?: InitializerName;
  /** The output layer, one of {@linkcode OUTPUT_KINDS}; default `"sigmoid"`. */
  output?: OutputKind;
  /**
   * Output units: 1 for `"sigmoid"` (the default), the number of classes (2 to
   * {@linkcode MAX_LAYER_WIDTH}) for `"softmax"`, which has no default, and 1 to
   * {@linkcode MAX_LAYER_WIDTH} targets per point for `"linear"` (default 1).
   */
  outputs?: number;
}
