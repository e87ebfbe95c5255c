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
 * What a network is made of (limits, output layers, the spec and the types) is
 * network_spec.ts; its forward pass is forward_pass.ts, its output activations
 * output_layer.ts, its private state network_internals.ts. This module builds networks and
 * re-exports those, so they are imported from here as before.
 *
 * @module
 */
import { checkSeed, createRandom, deriveSeed } from "./random.ts";
import { type HiddenActivation, hiddenActivation } from "./hidden_activation.ts";
import { checkFeatures } from "./features.ts";
import { checkInitializer, drawWeights, weightDistribution } from "./initializers.ts";
import { checkActivation } from "../activations/resolve_activation.ts";
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
import {
  type LayerWeights,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_WIDTH,
  MAX_PARAMETERS,
  type Network,
  type NetworkOptions,
  type NetworkSpec,
  OUTPUT_KINDS,
} from "./network_spec.ts";
import { internals, internalsOf, layerParams, packedLength } from "./network_internals.ts";
import { outputUnits } from "./output_layer.ts";

// what networks are made of, their forward pass and output activations, where callers look
export {
  type LayerWeights,
  LINEAR_NETWORK,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_WIDTH,
  MAX_PARAMETERS,
  type Network,
  type NetworkOptions,
  type NetworkSpec,
  NONLINEAR_NETWORK,
  OUTPUT_KINDS,
  type OutputKind,
} from "./network_spec.ts";
export { forwardOutputs, type ForwardPass, forwardPass } from "./forward_pass.ts";
export { sigmoid, softmaxRow } from "./output_layer.ts";
export { paramOffset } from "./network_internals.ts";

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
