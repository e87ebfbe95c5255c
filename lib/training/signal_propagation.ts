/**
 * Signal propagation at initialisation: push standard-normal inputs through a deep stack
 * of dense layers, forward with the registry's activation and backward with its
 * derivative, and measure each layer's statistics. This is what decides whether a deep
 * network can learn at all: if the back-propagated gradient shrinks by a constant factor
 * per layer, the first layers of a 50-layer network get nothing to learn from.
 *
 * The network: `h₀ = x`, `zₗ = hₗ₋₁ Wₗ + bₗ`, `hₗ = f(zₗ)` for l = 1 … L. The backward
 * pass starts from a gradient `∂J/∂h_L` of standard normals (a random direction: the
 * statistics do not depend on a loss), then `δₗ = ∂J/∂zₗ = ∂J/∂hₗ ⊙ f'(zₗ)` and
 * `∂J/∂hₗ₋₁ = δₗ Wₗᵀ`. The gradient of layer l's weights is `hₗ₋₁ᵀ δₗ`: when `δₗ`
 * vanishes, so does what layer l learns. f and f' come together from the registry's
 * fused kernel (`activationInto`), so every activation is differentiated exactly as the
 * training code does it; the matrix products run on TensorFlow.js (wasm), one product
 * per layer for many networks at once (see {@linkcode signalPropagation}). Measured on the
 * project's 2-core machine: a 1,000 x 128 by 128 x 128 product takes 1.5 to 3 ms there
 * and 18 to 33 ms as a JavaScript loop (float32 or float64); tfjs's product with a
 * transposed operand (`transposeB`) took 16 to 19 ms, so the backward pass multiplies by
 * an explicit transposed copy.
 *
 * The per-layer statistics and the passes that measure them are layer_signal.ts, their
 * table rows signal_rows.ts; this module re-exports both.
 *
 * @module
 */
import { getActivation } from "../activations/activations.ts";
import { gain } from "../activations/properties.ts";
import { hiddenActivation, hiddenActivationNames } from "./hidden_activation.ts";
import { checkSeed, createRandom, deriveSeed } from "./random.ts";
import {
  checkInitializer,
  type InitializerName,
  INITIALIZERS,
  weightDistribution,
} from "./initializers.ts";
import {
  checkNetwork,
  checkPoints,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_WIDTH,
  MAX_PARAMETERS,
  type Network,
} from "./network.ts";
import { MAX_BATCH_VALUES } from "./train.ts";
import { MAX_DATASET_SIZE } from "./datasets.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkOptions,
  checkString,
  option,
  typeError,
} from "../guards.ts";
import { type LayerSignal, propagate } from "./layer_signal.ts";

// the statistics and their rows, where callers look
export { type LayerSignal, SIGNAL_STATS, type SignalStat } from "./layer_signal.ts";
export { signalRows, type SignalRowsOptions } from "./signal_rows.ts";

/** One activation and initialisation of {@linkcode signalPropagation}. */
export interface SignalResult extends LayerSignal {
  /** Registry name, e.g. `"relu"`. */
  readonly name: string;
  /** Display label, e.g. `"ReLU"`. */
  readonly label: string;
  /** The initialisation. */
  readonly init: InitializerName;
  /** Standard deviation of every layer's weights (the biases are 0). */
  readonly weightStd: number;
}

/** Options of {@linkcode signalPropagation}. */
export interface SignalOptions {
  /** One-input activations by registry name; default every one (registry order). */
  readonly activations?: readonly string[];
  /** Initialisations (`INITIALIZERS` of initializers.ts); default all four. */
  readonly inits?: readonly InitializerName[];
  /** Layers: an integer from 1 to `MAX_HIDDEN_LAYERS` (256); default 50. */
  readonly depth?: number;
  /** Units per layer (and input features): an integer from 1 to `MAX_LAYER_WIDTH`; default 128. */
  readonly width?: number;
  /**
   * Input points: an integer from 1 to `MAX_DATASET_SIZE` (1,000,000); default 1,000. One
   * network's pass holds at most `MAX_BATCH_VALUES` (2^24) values (`inputs x width x
   * depth`: 6.4M for the defaults), and its weights at most `MAX_PARAMETERS` (2^24).
   */
  readonly inputs?: number;
  /** Seed of the inputs, the weights and the backward direction (a safe integer); default 0. */
  readonly seed?: number;
}

/** Options of {@linkcode networkSignal}. */
export interface NetworkSignalOptions {
  /**
   * The gradient `∂J/∂h_L` the backward pass starts from, row-major like the last
   * hidden layer's outputs; default standard normals drawn from `seed`.
   */
  readonly upstream?: ArrayLike<number>;
  /** Seed of the default `upstream` (a safe integer); default 0. */
  readonly seed?: number;
}

/**
 * Signal propagation at initialisation for every pair of activation and initialisation:
 * a square network of `depth` dense layers of `width` units, zero biases, weights drawn
 * as the initialisation says, run on `inputs` standard-normal points.
 *
 * All pairs share their random numbers: one set of inputs, one backward direction, and
 * one draw per layer of standard normals (He, LeCun, gain: multiplied by each one's
 * standard deviation) and of U(-1, 1) (Glorot: multiplied by its limit). So differences
 * between activations are never sampling noise, and the networks that share weights
 * up to a factor run as one stacked matrix product per layer.
 *
 * @param options Activations, initialisations, sizes and seed ({@linkcode SignalOptions}).
 * @returns One {@linkcode SignalResult} per pair, activations in the given order, each
 *   with its initialisations in the given order.
 * @throws {TypeError} If an option has the wrong type, or an activation takes two inputs.
 * @throws {RangeError} If a size is outside its range (checked before anything is
 *   allocated), an initialisation is unknown, the seed is not a safe integer, or the
 *   lists are empty.
 * @throws {Error} If an activation is unknown (the message lists the names).
 *
 * @example ReLU keeps its gradient with He's initialisation, Sigmoid loses it with Glorot's
 * ```ts
 * import { signalPropagation } from "./signal_propagation.ts";
 * const [sigmoid, relu] = signalPropagation({
 *   activations: ["sigmoid", "relu"], inits: ["glorot_uniform", "he_normal"], depth: 20,
 *   width: 64, inputs: 64,
 * }).filter((r) => r.init === (r.name === "relu" ? "he_normal" : "glorot_uniform"));
 * console.assert(sigmoid.gradientRatio < 1e-9 && relu.gradientRatio > 0.1);
 * ```
 */
export function signalPropagation(options?: SignalOptions): SignalResult[] {
  const {
    activations = hiddenActivationNames(),
    inits = INITIALIZERS,
    depth = 50,
    width = 128,
    inputs = 1000,
    seed = 0,
  } = checkOptions(options, argument("signalPropagation", "options"));
  checkInteger(depth, option("depth"), 1, MAX_HIDDEN_LAYERS);
  checkInteger(width, option("width"), 1, MAX_LAYER_WIDTH);
  checkInteger(inputs, option("inputs"), 1, MAX_DATASET_SIZE);
  checkSeed(seed);
  if (depth * width * width > MAX_PARAMETERS) {
    throw new RangeError(
      `${option("width")}: ${depth} layers of ${width} x ${width} weights hold ${
        depth * width * width
      }, above the maximum ${MAX_PARAMETERS}`,
    );
  }
  if (inputs * width * depth > MAX_BATCH_VALUES) {
    throw new RangeError(
      `${option("inputs")}: ${inputs} points through ${depth} layers of ${width} units hold ${
        inputs * width * depth
      } values, above the maximum ${MAX_BATCH_VALUES}`,
    );
  }
  checkList(activations, "activations", "an array of activation names");
  checkList(inits, "inits", "an array of initialisation names");
  activations.forEach((name, k) => checkString(name, option(`activations[${k}]`)));
  inits.forEach((init, k) => checkInitializer(init, option(`inits[${k}]`)));
  const resolved = activations.map((name) => hiddenActivation(name)); // unknown names fail here

  const random = (stream: string) => createRandom(deriveSeed(seed, `signal:${stream}`));
  const x = normals(inputs * width, random("inputs"));
  const upstream = normals(inputs * width, random("upstream"));
  const sizes = Array.from({ length: depth + 1 }, () => width);
  const pairs = resolved.flatMap((a) =>
    inits.map((init) => {
      const g = init === "gain" ? gain(a.name, { ...a.params }) : 1;
      return { a, init, distribution: weightDistribution(init, width, width, g) };
    })
  );
  const results = new Map<(typeof pairs)[number], LayerSignal>();
  for (const kind of ["normal", "uniform"] as const) {
    const members = pairs.filter((p) => p.distribution.kind === kind);
    if (members.length === 0) continue;
    const base = random(kind);
    const kernels = sizes.slice(1).map(() =>
      kind === "normal"
        ? normals(width * width, base)
        : Float32Array.from({ length: width * width }, () => 2 * base.uniform() - 1)
    );
    // as many networks per stacked product as fit in one pass's budget
    const perGroup = Math.max(1, Math.floor(MAX_BATCH_VALUES / (inputs * width * depth)));
    for (let start = 0; start < members.length; start += perGroup) {
      const group = members.slice(start, start + perGroup);
      const signals = propagate(
        group.map((p) => ({
          name: p.a.name,
          params: sizes.slice(1).map(() => ({ ...p.a.params })),
          scale: p.distribution.scale,
        })),
        kernels,
        undefined,
        sizes,
        x,
        upstream,
      );
      group.forEach((p, k) => results.set(p, signals[k]));
    }
  }
  return pairs.map((p) => ({
    name: p.a.name,
    label: getActivation(p.a.name).label,
    init: p.init,
    weightStd: p.distribution.std,
    ...results.get(p)!,
  }));
}

/**
 * The same per-layer statistics for the hidden layers of a network from `createNetwork`
 * (its output layer left out), at its current weights and biases, with each layer's
 * activation parameters (PReLU's learned α). Useful to check a network differentiated by
 * hand, or to look at a trained network.
 *
 * @param network A live network.
 * @param x Row-major input points, `network.sizes[0]` features each.
 * @param options The backward pass's starting gradient, or the seed to draw it from
 *   ({@linkcode NetworkSignalOptions}).
 * @returns The {@linkcode LayerSignal} of its hidden layers.
 * @throws {TypeError} If `network` is not a network, `x` is not an array of numbers or
 *   its length is not a multiple of the features, or `upstream` has the wrong length.
 * @throws {RangeError} If a feature or upstream value is not finite in float32, the
 *   points hold more than `MAX_BATCH_VALUES` values through the layers, or the seed is
 *   not a safe integer.
 * @throws {Error} If the network has been disposed.
 *
 * @example Three tanh layers of width 3
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { networkSignal } from "./signal_propagation.ts";
 * const net = createNetwork({ hidden: [3, 3, 3], activation: "tanh" }, { inputs: 3, seed: 1 });
 * const signal = networkSignal(net, [0.5, -1, 2, 1, 0, -0.5]);
 * console.assert(signal.gradientStd.length === 3 && signal.overflowAt === null);
 * net.dispose();
 * ```
 */
export function networkSignal(
  network: Network,
  x: ArrayLike<number>,
  options?: NetworkSignalOptions,
): LayerSignal {
  checkNetwork(network, argument("networkSignal", "network"));
  if (network.spec.features) {
    throw typeError(
      argument("networkSignal", "network"),
      "a network reading its points without computed features",
      network,
    );
  }
  const { upstream, seed = 0 } = checkOptions(options, argument("networkSignal", "options"));
  const sizes = network.sizes.slice(0, -1);
  const n = checkPoints(x, sizes[0], argument("networkSignal", "x"));
  checkSeed(seed);
  const held = n * sizes.reduce((a, b) => a + b, 0);
  if (held > MAX_BATCH_VALUES) {
    throw new RangeError(
      `${argument("networkSignal", "x")}: ${n} points through layers ${
        sizes.join("-")
      } hold ${held} values, above the maximum ${MAX_BATCH_VALUES}`,
    );
  }
  const last = n * sizes[sizes.length - 1];
  let start: Float32Array;
  if (upstream === undefined) {
    start = normals(last, createRandom(deriveSeed(seed, "signal:upstream")));
  } else {
    checkArrayLike(upstream, option("upstream"));
    if (upstream.length !== last) {
      throw new TypeError(
        `${option("upstream")}: expected ${last} values (${n} points x ${
          sizes[sizes.length - 1]
        } units), got ${upstream.length}`,
      );
    }
    checkPoints(upstream, 1, "upstream");
    start = Float32Array.from(upstream);
  }
  const layers = network.weights().slice(0, -1);
  const [signal] = propagate(
    [{ name: network.spec.activation, params: network.activationParams(), scale: 1 }],
    layers.map((w) => w.kernel),
    layers.map((w) => w.bias),
    sizes,
    Float32Array.from(x),
    start,
  );
  return signal;
}

function checkList(list: unknown, name: string, expected: string): void {
  checkArrayLike(list, option(name), expected);
  if ((list as unknown[]).length === 0) {
    throw new RangeError(`${option(name)}: expected at least one, got an empty array`);
  }
}

function normals(n: number, random: { normal(): number }): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = random.normal();
  return out;
}
