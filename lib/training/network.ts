/**
 * Small fully connected networks built from a spec: hidden layer widths, one activation
 * from the registry for every hidden layer, optional input features (TensorFlow
 * Playground's x1², x1·x2, sin(x1), ...), and an output layer: one sigmoid unit (binary
 * classification, the original's), softmax units (several classes) or linear units
 * (regression). Linear vs non-linear is the `activation` name, nothing else.
 *
 * The dense layers are plain float32 arrays (Glorot-uniform kernels drawn from the seed,
 * zero biases: Keras's defaults; the hidden layers can start from another initialisation
 * of initializers.ts instead) and their matrix products run in JavaScript; the hidden
 * activation and its derivative come from the registry's TensorFlow.js function (values
 * and autodiff, one call per hidden layer and batch). At this size (2-64-2-1, batches of
 * 32) a tfjs training loop spends its time in per-kernel overhead (about 200 kernels
 * per step); this way is faster (measured in bench/training_bench.ts) and exactly
 * reproducible. Nothing here holds tensors.
 *
 * @module
 */
import { checkSeed, createRandom, deriveSeed } from "./random.ts";
import { type HiddenActivation, hiddenActivation } from "./hidden_activation.ts";
import { checkFeatures, expandFeatures, type FeatureName } from "./features.ts";
import {
  checkInitializer,
  drawWeights,
  type InitializerName,
  weightDistribution,
} from "./initializers.ts";
import { type Activation, checkActivation } from "../activations/resolve_activation.ts";
import { gain } from "../activations/properties.ts";
import {
  argument,
  checkArrayLike,
  checkFloat32,
  checkInteger,
  checkObject,
  checkOptions,
  checkString,
  describe,
  option,
  typeError,
} from "../guards.ts";

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
 * Values one forward pass holds at once (points x the widest layer): 2^20. Larger inputs
 * run in chunks of whole points, with identical results (each point is computed alone).
 */
const FORWARD_CHUNK = 1 << 20;

/**
 * The output layer: `"sigmoid"` (one unit, the probability of class 1: binary
 * classification), `"softmax"` (one unit per class: multi-class classification) or
 * `"linear"` (regression).
 */
export type OutputKind = "sigmoid" | "softmax" | "linear";

/** The output layers {@linkcode createNetwork} builds. */
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

/** Options of {@linkcode createNetwork}. */
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

interface Internals {
  readonly weights: Float32Array;
  readonly activation: HiddenActivation;
  // the dense layers' widths: sizes, with the feature count first when there are features
  readonly widths: readonly number[];
  readonly features: readonly FeatureName[] | undefined;
}

const internals = new WeakMap<Network, Internals>();
// every network createNetwork made, disposed ones included
const made = new WeakSet<Network>();

/**
 * Builds a network: `inputs` (or the spec's features of them) -> hidden layers with the
 * spec's activation -> the output layer (1 sigmoid unit by default). Kernels are
 * Glorot-uniform from the seed (the hidden layers' as `init` says), biases zero.
 *
 * @param spec Hidden widths, activation and features, e.g. {@linkcode NONLINEAR_NETWORK}.
 * @param options `seed`, `inputs`, `init`, `output` and `outputs` ({@linkcode NetworkOptions}).
 * @returns A {@linkcode Network}; dispose it when done.
 * @throws {RangeError} If a width or `inputs` is not an integer from 1 to
 *   {@linkcode MAX_LAYER_WIDTH}, there are more than {@linkcode MAX_HIDDEN_LAYERS}
 *   hidden layers or {@linkcode MAX_PARAMETERS} weights (checked before anything is
 *   allocated), the seed is not a safe integer, a parameter is out of range, `init` is
 *   not an initialisation or `output` not an output layer (the messages list them),
 *   `outputs` does not fit the output layer, a feature is unknown or repeated, or there
 *   are features and `inputs` is not 2.
 * @throws {TypeError} If `spec` is not an object, `spec.hidden` not an array of numbers,
 *   `spec.activation` not a string, `spec.features` not an array of names, or the
 *   activation takes two inputs (softmax, maxout).
 * @throws {Error} If the activation is unknown (the message lists the names).
 *
 * @example The original's non-linear network
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
 * console.assert(net.sizes.join() === "2,64,2,1");
 * console.assert(net.weights()[0].kernel.length === 2 * 64);
 * net.dispose();
 * const deep = createNetwork({ hidden: [32, 32, 32], activation: "relu" }, { init: "he_normal" });
 * console.assert(deep.init === "he_normal");
 * deep.dispose();
 * ```
 *
 * @example Three classes from Playground's features
 * ```ts
 * import { createNetwork } from "./network.ts";
 * const net = createNetwork(
 *   { hidden: [8], activation: "tanh", features: ["x1", "x2", "x1*x2"] },
 *   { output: "softmax", outputs: 3 },
 * );
 * console.assert(net.sizes.join() === "2,8,3" && net.weights()[0].inputs === 3);
 * net.dispose();
 * ```
 */
export function createNetwork(spec: NetworkSpec, options?: NetworkOptions): Network {
  const label = (name: string) => argument("createNetwork", name);
  checkObject(spec, label("spec"));
  const { seed = 0, inputs = 2, init = "glorot_uniform", output = "sigmoid", outputs } =
    checkOptions(options, label("options"));
  checkArrayLike(spec.hidden, label("spec.hidden"), "an array of layer widths");
  if (spec.hidden.length > MAX_HIDDEN_LAYERS) {
    throw new RangeError(
      `${
        label("spec.hidden")
      }: ${spec.hidden.length} hidden layers is above the maximum ${MAX_HIDDEN_LAYERS}`,
    );
  }
  const hidden = Array.from(spec.hidden);
  hidden.forEach((w, k) => checkInteger(w, label(`spec.hidden[${k}]`), 1, MAX_LAYER_WIDTH));
  checkInteger(inputs, option("inputs"), 1, MAX_LAYER_WIDTH);
  checkSeed(seed);
  checkInitializer(init, option("init"));
  checkString(output, option("output"));
  if (!(OUTPUT_KINDS as readonly string[]).includes(output)) {
    throw new RangeError(
      `Unknown output layer "${output}": expected one of ${
        OUTPUT_KINDS.map((k) => `"${k}"`).join(", ")
      }`,
    );
  }
  const units = outputUnits(output, outputs);
  const features = spec.features === undefined
    ? undefined
    : checkFeatures(spec.features, label("spec.features"));
  if (features && inputs !== 2) {
    throw new RangeError(
      `${label("spec.features")}: features are computed from 2-D points, but inputs is ${inputs}`,
    );
  }
  checkActivation(spec.activation, label("spec.activation"));
  if (spec.params !== undefined) checkObject(spec.params, label("spec.params"));
  const sizes = [inputs, ...hidden, units];
  const widths = [features ? features.length : inputs, ...hidden, units];
  const activation = hiddenActivation(spec.activation, spec.params);
  const parameters = packedLength(widths, activation.learnable.length);
  if (parameters > MAX_PARAMETERS) {
    throw new RangeError(
      `${label("spec.hidden")}: layers ${
        widths.join("-")
      } have ${parameters} weights, above the maximum ${MAX_PARAMETERS}`,
    );
  }
  const random = createRandom(deriveSeed(seed, "weights"));
  const initial = new Float32Array(parameters);
  const g = init === "gain" ? gain(activation.activation) : 1;
  let offset = 0;
  for (let k = 0; k + 1 < widths.length; k++) {
    const fanIn = widths[k], fanOut = widths[k + 1];
    // the output layer keeps Keras's default
    const distribution = weightDistribution(
      k + 2 < widths.length ? init : "glorot_uniform",
      fanIn,
      fanOut,
      g,
    );
    drawWeights(distribution, random, initial.subarray(offset, offset + fanIn * fanOut));
    offset += fanIn * fanOut + fanOut; // zero biases
  }
  // then the learnable activation parameters, per hidden layer, at their starting values
  for (let k = 0; k < hidden.length; k++) {
    for (const q of activation.learnable) initial[offset++] = activation.params[q];
  }
  let disposed = false;
  const network: Network = {
    spec: {
      hidden,
      activation: activation.name,
      params: activation.params,
      ...(features ? { features } : {}),
    },
    sizes,
    output,
    seed,
    init,
    get disposed() {
      return disposed;
    },
    weights() {
      const flat = internalsOf(network).weights;
      const out: LayerWeights[] = [];
      let o = 0;
      for (let k = 0; k + 1 < widths.length; k++) {
        const n = widths[k], m = widths[k + 1];
        out.push({
          inputs: n,
          units: m,
          kernel: flat.slice(o, o + n * m),
          bias: flat.slice(o + n * m, o + n * m + m),
        });
        o += n * m + m;
      }
      return out;
    },
    activationParams() {
      const { weights: flat } = internalsOf(network);
      return hidden.map((_, k) => layerParams(activation, flat, widths, k));
    },
    dispose() {
      disposed = true;
      internals.delete(network);
    },
  };
  internals.set(network, { weights: initial, activation, widths, features });
  activations.set(network, activation);
  made.add(network);
  return network;
}

/**
 * Checks that a value is a live network made by {@linkcode createNetwork}.
 *
 * @param network The value.
 * @param label What to name in the message, e.g. `train(network)`.
 * @returns The network.
 * @throws {TypeError} If it is not a network made by {@linkcode createNetwork}.
 * @throws {Error} If the network has been disposed.
 *
 * @example
 * ```ts
 * import { checkNetwork, createNetwork, LINEAR_NETWORK } from "./network.ts";
 * const net = createNetwork(LINEAR_NETWORK);
 * console.assert(checkNetwork(net, "predict(network)") === net);
 * net.dispose();
 * ```
 */
export function checkNetwork(network: Network, label: string): Network {
  if (!made.has(network)) {
    throw typeError(label, "a Network from createNetwork()", network);
  }
  internalsOf(network);
  return network;
}

/** Internal (train.ts, predict.ts): one forward pass, with what backpropagation needs. */
export interface ForwardPass {
  /**
   * Input of each dense layer: `inputs[0]` is `x` (or its features), `inputs[k]` hidden
   * layer k - 1's output.
   */
  readonly inputs: Float32Array[];
  /** f'(pre-activation) of each hidden layer (only when asked for `slopes`). */
  readonly slopes: Float32Array[];
  /** ∂f/∂p of each hidden layer's learnable parameters (only with `slopes`). */
  readonly paramSlopes: Readonly<Record<string, Float32Array>>[];
  /**
   * Output of the last layer computed: the output layer's pre-activations (logits, or the
   * linear outputs) `[n x outputs]`, or hidden layer `layer`'s output.
   */
  readonly output: Float32Array;
}

/**
 * Internal (for train.ts and predict.ts): runs the network on `n` points.
 *
 * @param network A live network.
 * @param x Row-major points, `network.sizes[0]` values per point (not checked here).
 * @param options `layer`: stop after that hidden layer (0-based) and return its
 *   outputs; `slopes`: training mode, also return each hidden layer's f' (and ∂f/∂p of
 *   learnable parameters) for backpropagation; `uniform`: the samples of randomized
 *   activations in training mode (RReLU).
 * @returns The {@linkcode ForwardPass}.
 * @throws {Error} If the network has been disposed.
 */
export function forwardPass(
  network: Network,
  x: Float32Array,
  options: { layer?: number; slopes?: boolean; uniform?: () => number } = {},
): ForwardPass {
  const { weights, activation, widths: sizes, features } = internalsOf(network);
  const last = options.layer ?? sizes.length - 2;
  const n = x.length / network.sizes[0];
  let a = features ? expandFeatures(x, features) : x, o = 0;
  const inputs: Float32Array[] = [a], slopes: Float32Array[] = [];
  const paramSlopes: Record<string, Float32Array>[] = [];
  for (let k = 0; k <= last; k++) {
    const nIn = sizes[k], nOut = sizes[k + 1];
    const pre = new Float32Array(n * nOut);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < nOut; j++) {
        let s = weights[o + nIn * nOut + j];
        for (let d = 0; d < nIn; d++) s += a[i * nIn + d] * weights[o + d * nOut + j];
        pre[i * nOut + j] = s;
      }
    }
    o += nIn * nOut + nOut;
    if (k === sizes.length - 2) {
      a = pre;
    } else if (options.slopes) {
      const p = layerParams(activation, weights, sizes, k);
      const { y, dy, dp } = activation.training(pre, p, options.uniform);
      a = y;
      slopes.push(dy);
      paramSlopes.push(dp);
    } else {
      const p = layerParams(activation, weights, sizes, k);
      a = activation.learnable.length === 0 ? activation.values(pre) : activation.values(pre, p);
    }
    if (k < last) inputs.push(a);
  }
  return { inputs, slopes, paramSlopes, output: a };
}

/**
 * Internal (for train.ts and predict.ts): the output of the last layer (or of hidden
 * layer `layer`) for any number of points, computed in chunks of whole points so that
 * memory stays small; the values are those of one {@linkcode forwardPass}.
 *
 * @param network A live network.
 * @param x Row-major features, `network.sizes[0]` per point (not checked here).
 * @param layer Stop after this hidden layer (0-based); default: the output layer.
 * @returns Row-major outputs of that layer.
 * @throws {Error} If the network has been disposed.
 */
export function forwardOutputs(network: Network, x: Float32Array, layer?: number): Float32Array {
  const sizes = network.sizes, dim = sizes[0];
  const last = layer ?? sizes.length - 2;
  const n = x.length / dim, width = sizes[last + 1];
  // whole points, a multiple of 64 of them, so chunk boundaries stay aligned for SIMD kernels
  const widest = Math.max(...internalsOf(network).widths);
  const per = Math.max(64, Math.floor(FORWARD_CHUNK / widest / 64) * 64);
  if (n <= per) return forwardPass(network, x, { layer }).output;
  const out = new Float32Array(n * width);
  for (let start = 0; start < n; start += per) {
    const end = Math.min(n, start + per);
    out.set(
      forwardPass(network, x.subarray(start * dim, end * dim), { layer }).output,
      start * width,
    );
  }
  return out;
}

/**
 * Internal (for train.ts): the network's packed weights, updated in place by training.
 * Layer k holds its kernel (`inputs x units`, row-major) then its bias; after the last
 * layer, each hidden layer's learnable activation parameters (PReLU's α), input side first.
 *
 * @param network A live network.
 * @returns The packed weights.
 * @throws {Error} If the network has been disposed.
 */
export function packedWeights(network: Network): Float32Array {
  return internalsOf(network).weights;
}

/**
 * Internal (train.ts): the widths of the dense layers, input side first: `network.sizes`,
 * with the number of features first when the network computes features.
 *
 * @param network A live network.
 * @returns E.g. `[7, 8, 8, 1]` for a 2-8-8-1 network reading seven features.
 * @throws {Error} If the network has been disposed.
 */
export function denseSizes(network: Network): readonly number[] {
  return internalsOf(network).widths;
}

/**
 * What to call a network in a title: `"Linear"` when its hidden activation is the
 * identity, otherwise the activation's display label from the registry (so the original's
 * ELU network is titled "Decision Boundary (ELU)", not "(ReLU)" as in the original).
 *
 * @param network A network (disposed ones too).
 * @returns E.g. `"Linear"`, `"ELU"`, `"Leaky ReLU"`.
 * @throws {TypeError} If `network` was not made by {@linkcode createNetwork}.
 *
 * @example
 * ```ts
 * import { createNetwork, networkLabel, NONLINEAR_NETWORK } from "./network.ts";
 * const net = createNetwork(NONLINEAR_NETWORK);
 * console.assert(`Decision Boundary (${networkLabel(net)})` === "Decision Boundary (ELU)");
 * net.dispose();
 * ```
 */
export function networkLabel(network: Network): string {
  if (!made.has(network)) {
    throw typeError(argument("networkLabel", "network"), "a Network from createNetwork()", network);
  }
  const { activation } = hiddenActivationOf(network);
  return activation.name === "identity" ? "Linear" : activation.label;
}

/**
 * The hidden layers' activation of a network, resolved when it was built (also after
 * {@linkcode Network.dispose}).
 *
 * @internal
 * @param network A network made by {@linkcode createNetwork}.
 * @returns Its hidden activation.
 * @example
 * ```ts
 * import { createNetwork, hiddenActivationOf, NONLINEAR_NETWORK } from "./network.ts";
 * const net = createNetwork(NONLINEAR_NETWORK);
 * console.assert(hiddenActivationOf(net).activation.label === "ELU");
 * net.dispose();
 * ```
 */
export function hiddenActivationOf(network: Network): HiddenActivation {
  const activation = activations.get(network);
  if (activation === undefined) {
    throw typeError("Invalid network", "a Network from createNetwork()", network);
  }
  return activation;
}

// every network's hidden activation, kept after dispose() (titles still name it)
const activations = new WeakMap<Network, HiddenActivation>();

/**
 * Checks that `x` holds points with `dim` features each, every feature a number that is
 * finite in float32 (a float64 such as 1e39 is finite but Infinity in float32, the
 * precision networks compute in), and returns how many.
 *
 * @param x Row-major features.
 * @param dim Features per point.
 * @param label What to name in messages (default `x`).
 * @returns The number of points (>= 1).
 * @throws {TypeError} If `x` is not an array of numbers, is empty, or its length is not a
 *   multiple of `dim`.
 * @throws {RangeError} If a feature is not finite in float32.
 *
 * @example
 * ```ts
 * import { checkPoints } from "./network.ts";
 * console.assert(checkPoints([1, 2, 3, 4], 2) === 2);
 * ```
 */
export function checkPoints(x: ArrayLike<number>, dim: number, label = "x"): number {
  checkArrayLike(x, label, "an array of features");
  const length = x.length;
  if (length === 0) throw new TypeError(`Empty data ${label}: expected at least one point`);
  if (length % dim !== 0) {
    throw new TypeError(
      `Invalid features ${label}: length ${length} is not a multiple of ${dim} features per point`,
    );
  }
  for (let i = 0; i < length; i++) {
    const v = x[i];
    if (typeof v !== "number" || !Number.isFinite(Math.fround(v))) {
      const shown = typeof v === "number" ? v : describe(v);
      checkFloat32(v, `Invalid feature ${shown} of point ${Math.floor(i / dim)} (${label}[${i}])`);
    }
  }
  return length / dim;
}

// The output units of an output layer, checked.
function outputUnits(output: OutputKind, outputs: number | undefined): number {
  if (output === "sigmoid") {
    if (outputs !== undefined) checkInteger(outputs, option("outputs"), 1, 1);
    return 1;
  }
  if (output === "softmax") {
    if (outputs === undefined) {
      throw new RangeError(
        `${option("outputs")}: a softmax output layer needs the number of classes ` +
          `(an integer from 2 to ${MAX_LAYER_WIDTH})`,
      );
    }
    return checkInteger(outputs, option("outputs"), 2, MAX_LAYER_WIDTH);
  }
  return checkInteger(outputs ?? 1, option("outputs"), 1, MAX_LAYER_WIDTH);
}

function internalsOf(network: Network): Internals {
  const found = internals.get(network);
  if (!found || network.disposed) {
    throw new Error("Network has been disposed (or was not made by createNetwork)");
  }
  return found;
}

// dense layers, then `learnable` activation parameters per hidden layer
function packedLength(sizes: readonly number[], learnable = 0): number {
  let total = 0;
  for (let k = 0; k + 1 < sizes.length; k++) total += sizes[k] * sizes[k + 1] + sizes[k + 1];
  return total + learnable * (sizes.length - 2);
}

/**
 * Internal (train.ts): where hidden layer `k`'s learnable activation parameters start in
 * the packed weights (after every dense layer).
 *
 * @param sizes Layer widths.
 * @param learnable Learnable parameters per layer.
 * @param k Hidden layer (0-based).
 * @returns The offset.
 *
 * @example The 2-64-2-1 network: 322 dense weights, then one alpha per hidden layer
 * ```ts
 * import { paramOffset } from "./network.ts";
 * console.assert(paramOffset([2, 64, 2, 1], 1, 0) === 322 && paramOffset([2, 64, 2, 1], 1, 1) === 323);
 * ```
 */
export function paramOffset(sizes: readonly number[], learnable: number, k: number): number {
  return packedLength(sizes) + learnable * k;
}

// hidden layer k's activation parameters: the spec's, with the learned ones
function layerParams(
  activation: HiddenActivation,
  weights: Float32Array,
  sizes: readonly number[],
  k: number,
): Record<string, number> {
  const p = { ...activation.params };
  const at = paramOffset(sizes, activation.learnable.length, k);
  activation.learnable.forEach((q, j) => (p[q] = weights[at + j]));
  return p;
}

/**
 * The logistic function 1 / (1 + e^-z), the networks' output activation (computed in float64).
 *
 * @param z A logit.
 * @returns The probability.
 *
 * @example
 * ```ts
 * import { sigmoid } from "./network.ts";
 * console.assert(sigmoid(0) === 0.5);
 * ```
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Internal (train.ts, predict.ts): the softmax of `z[start .. start + units - 1]` into `out`, in
 * float64, stable for any logits (the largest is subtracted first).
 *
 * @param z Logits, row-major.
 * @param start Where the row starts.
 * @param units Its length.
 * @param out Where the probabilities go (`units` of them).
 * @returns `out`.
 */
export function softmaxRow(
  z: ArrayLike<number>,
  start: number,
  units: number,
  out: Float64Array,
): Float64Array {
  let max = -Infinity;
  for (let j = 0; j < units; j++) max = Math.max(max, z[start + j]);
  let sum = 0;
  for (let j = 0; j < units; j++) sum += out[j] = Math.exp(z[start + j] - max);
  for (let j = 0; j < units; j++) out[j] /= sum;
  return out;
}
