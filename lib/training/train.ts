/**
 * Trains a {@linkcode Network} as Keras's `fit` does in the original notebook: Adam
 * (learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7, Keras's update rule),
 * binary cross-entropy, 100 epochs, batches of 32, but with the batch order shuffled
 * from a seed so that every run is identical. Backpropagation through the dense layers
 * is written out here; the hidden activation's derivative comes from the registry by
 * autodiff.
 *
 * @module
 */
import { checkSeed, createRandom, deriveSeed, permutation } from "./random.ts";
import { getActivation } from "../activations/activations.ts";
import {
  checkNetwork,
  checkPoints,
  forwardOutputs,
  forwardPass,
  type Network,
  packedWeights,
  paramOffset,
  sigmoid,
} from "./network.ts";
import {
  argument,
  checkArrayLike,
  checkFunction,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  FLOAT32_MAX,
  option,
  typeError,
} from "../guards.ts";

/** Most epochs per call: 100,000 (the original trains 100). */
export const MAX_EPOCHS = 100_000;

/** Largest batch size: 1,000,000 points, the largest data set `makeDataset` makes. */
export const MAX_BATCH_SIZE = 1_000_000;

/**
 * Most values one batch holds in a forward and backward pass: 2^24 = 16,777,216, counted
 * as points per batch times the units of every layer (inputs and output included); the
 * pass keeps about three float32 and two float64 copies of them (about 300 MB at the
 * limit). The original's batches hold 32 x 69 = 2,208.
 */
export const MAX_BATCH_VALUES: number = 1 << 24;

/** Training data: row-major features and 0/1 labels (a {@linkcode Dataset} fits). */
export interface TrainingData {
  /** Features, row-major, `network.sizes[0]` per point. */
  readonly x: ArrayLike<number>;
  /** Labels, each 0 or 1. */
  readonly y: ArrayLike<number>;
}

/** What the per-epoch callback receives. */
export interface EpochLog {
  /** 1-based epoch number. */
  readonly epoch: number;
  /** Total number of epochs. */
  readonly epochs: number;
  /** Mean binary cross-entropy over all points after this epoch. */
  readonly loss: number;
  /** Fraction of points classified correctly (probability > 0.5) after this epoch. */
  readonly accuracy: number;
}

/** Loss and accuracy after each epoch: what {@linkcode train} returns, `historyFigure()` draws. */
export interface History {
  /** Mean binary cross-entropy over all points after each epoch. */
  readonly loss: number[];
  /** Fraction of points classified correctly after each epoch. */
  readonly accuracy: number[];
  /**
   * Each hidden layer's activation parameters after each epoch, when the activation has
   * learnable ones (PReLU's α): `params[epoch - 1][layer]`.
   */
  readonly params?: Record<string, number>[][];
}

/** Options of {@linkcode train}. */
export interface TrainOptions {
  /** Number of passes over the data: an integer from 1 to {@linkcode MAX_EPOCHS}; default 100. */
  epochs?: number;
  /**
   * Points per gradient step: an integer from 1 to {@linkcode MAX_BATCH_SIZE}, and at most
   * {@linkcode MAX_BATCH_VALUES} values per batch (points x the units of every layer);
   * default 32 (Keras's default).
   */
  batchSize?: number;
  /**
   * Adam's learning rate: a number above 0, finite in float32 (at most 3.4e38); default
   * 0.001 (Keras's default). One too large for the data makes training diverge, which
   * {@linkcode train} reports.
   */
  learningRate?: number;
  /** Seed of the batch order; default the network's seed. */
  seed?: number;
  /**
   * Stop after the first epoch whose accuracy is at least this: a number from 0 to 1. The
   * history then ends at that epoch. Default: every epoch runs.
   */
  stopAtAccuracy?: number;
  /** Called after every epoch; training waits for a returned promise. */
  onEpoch?: (log: EpochLog) => void | Promise<void>;
}

/**
 * Trains `network` in place on `data` and returns the loss and accuracy after each
 * epoch. Every epoch visits the points in a new seeded order, in batches of
 * `batchSize` (the last one may be smaller). Loss and accuracy are measured on all
 * points at the end of each epoch (Keras instead averages over the batches during the
 * epoch).
 *
 * Adam starts fresh on every call. With `stopAtAccuracy`, training ends after the first
 * epoch that reaches it (the epochs before are the same as without it).
 *
 * If the loss becomes NaN or infinite, or a weight stops being finite (a learning rate
 * far too large, or features far from the scale of the initial weights), training stops
 * with a RangeError naming the epoch and the likely cause; the network keeps the weights
 * it had at the end of the previous epoch.
 *
 * @param network A network from {@linkcode createNetwork}; its weights are updated.
 * @param data Features and 0/1 labels.
 * @param options Epochs, batch size, learning rate, seed, callback ({@linkcode TrainOptions}).
 * @returns The {@linkcode History}.
 * @throws {TypeError} If `network` is not a network, the data is not features and labels
 *   (arrays of numbers), is empty or the lengths do not match, or an option has the wrong
 *   type. Nothing is trained then.
 * @throws {RangeError} If a label is not 0 or 1, a feature is not finite in float32, an
 *   option is outside the domain its documentation gives, or the seed is not a safe
 *   integer: nothing is trained then. Also when training diverges (see above).
 * @throws {Error} If the network has been disposed.
 *
 * @example Two epochs on the original's data
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * import { makeDataset } from "./datasets.ts";
 * import { train } from "./train.ts";
 * const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
 * const history = await train(net, makeDataset("xor", { seed: 1 }), { epochs: 2 });
 * console.assert(history.loss.length === 2 && history.accuracy.length === 2);
 * net.dispose();
 * ```
 */
export async function train(
  network: Network,
  data: TrainingData,
  options?: TrainOptions,
): Promise<History> {
  checkNetwork(network, argument("train", "network"));
  const {
    epochs = 100,
    batchSize = 32,
    learningRate = 0.001,
    seed = network.seed,
    stopAtAccuracy,
    onEpoch,
  } = checkOptions(options, argument("train", "options"));
  const dim = network.sizes[0];
  const n = checkTrainingData(data, dim);
  checkInteger(epochs, option("epochs"), 1, MAX_EPOCHS);
  checkInteger(batchSize, option("batchSize"), 1, MAX_BATCH_SIZE);
  const units = network.sizes.reduce((a, b) => a + b, 0), m = Math.min(batchSize, n);
  if (m * units > MAX_BATCH_VALUES) {
    throw new RangeError(
      `${option("batchSize")}: batches of ${m} points through layers ` +
        `${network.sizes.join("-")} hold ${
          m * units
        } values, above the maximum ${MAX_BATCH_VALUES}`,
    );
  }
  checkNumber(learningRate, option("learningRate"), {
    min: 0,
    minExclusive: true,
    max: FLOAT32_MAX,
  });
  checkSeed(seed);
  if (stopAtAccuracy !== undefined) {
    checkNumber(stopAtAccuracy, option("stopAtAccuracy"), { min: 0, max: 1 });
  }
  if (onEpoch !== undefined) checkFunction(onEpoch, option("onEpoch"));
  const random = createRandom(deriveSeed(seed, "shuffle"));
  // RReLU's training slopes: a stream of their own, so that the batch order stays the same
  const noise = createRandom(deriveSeed(seed, "activation"));
  const uniform = () => noise.uniform();
  const learns = (getActivation(network.spec.activation).training?.learnable?.length ?? 0) > 0;
  const weights = packedWeights(network);
  const x = Float32Array.from(data.x), y = Float32Array.from(data.y);
  const adam = createAdam(weights.length, learningRate);
  const history: History = learns
    ? { loss: [], accuracy: [], params: [] }
    : { loss: [], accuracy: [] };
  const before = weights.slice(); // the weights at the end of the last finite epoch
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = permutation(n, random);
    for (let start = 0; start < n; start += batchSize) {
      const m = Math.min(batchSize, n - start);
      const bx = new Float32Array(m * dim), by = new Float32Array(m);
      for (let b = 0; b < m; b++) {
        const i = order[start + b];
        for (let d = 0; d < dim; d++) bx[b * dim + d] = x[i * dim + d];
        by[b] = y[i];
      }
      adam(weights, lossGradient(network, bx, by, uniform));
    }
    const { loss, accuracy } = evaluate(network, x, y);
    if (!Number.isFinite(loss) || !allFinite(weights)) {
      weights.set(before);
      throw new RangeError(divergence(epoch, loss, learningRate, x, network));
    }
    if (epoch < epochs) before.set(weights);
    history.loss.push(loss);
    history.accuracy.push(accuracy);
    history.params?.push(network.activationParams());
    if (onEpoch) await onEpoch({ epoch, epochs, loss, accuracy });
    if (stopAtAccuracy !== undefined && accuracy >= stopAtAccuracy) break;
  }
  return history;
}

/**
 * Checks training data against a feature count, before any work is done.
 *
 * @param data Features and labels.
 * @param dim Features per point.
 * @param fn The public function to name in messages (default `"train"`).
 * @returns The number of points.
 * @throws {TypeError} If the data is not an object of arrays of numbers, is empty or the
 *   lengths do not match.
 * @throws {RangeError} If a label is not 0 or 1 or a feature is not finite in float32.
 *
 * @example
 * ```ts
 * import { checkTrainingData } from "./train.ts";
 * console.assert(checkTrainingData({ x: [0, 0, 1, 1], y: [0, 1] }, 2) === 2);
 * ```
 */
export function checkTrainingData(data: TrainingData, dim: number, fn = "train"): number {
  const label = (name: string) => argument(fn, name);
  checkObject(data, label("data"), "{ x, y }: features and labels");
  checkArrayLike(data.y, label("data.y"), "an array of 0/1 labels");
  checkArrayLike(data.x, label("data.x"), "an array of features");
  if (!data.y.length) throw new TypeError("Empty data: expected at least one labelled point");
  const n = data.y.length;
  if (data.x.length !== n * dim) {
    throw new TypeError(
      `Mismatched lengths: ${n} labels need ${
        n * dim
      } features (${dim} per point), got ${data.x.length}`,
    );
  }
  for (let i = 0; i < n; i++) {
    const v = data.y[i];
    if (v !== 0 && v !== 1) {
      if (typeof v !== "number") throw typeError(label(`data.y[${i}]`), "a label 0 or 1", v);
      throw new RangeError(`Invalid label ${v} of point ${i}: expected 0 or 1`);
    }
  }
  checkPoints(data.x, dim, label("data.x"));
  return n;
}

/**
 * Internal (exported for tests): the gradient of the mean binary cross-entropy over one
 * batch with respect to every weight, by backpropagation: output delta
 * (sigmoid(z) - y) / m, then back through each dense layer and each hidden
 * activation's f' (from the registry by autodiff).
 *
 * @param network A live network.
 * @param x Row-major features of the batch (not checked).
 * @param y Labels of the batch.
 * @param uniform U[0, 1) samples for randomized activations (RReLU's training slopes).
 * @returns The gradient in the packed layout of the weights (kernel then bias per layer,
 *   then the hidden layers' learnable activation parameters).
 */
export function lossGradient(
  network: Network,
  x: Float32Array,
  y: Float32Array,
  uniform?: () => number,
): Float64Array {
  const sizes = network.sizes, m = y.length;
  const weights = packedWeights(network);
  const gradient = new Float64Array(weights.length);
  const { inputs, slopes, paramSlopes, output } = forwardPass(network, x, {
    slopes: true,
    uniform,
  });
  const learnable = Object.keys(paramSlopes[0] ?? {});
  let delta = new Float64Array(m);
  for (let i = 0; i < m; i++) delta[i] = (sigmoid(output[i]) - y[i]) / m;
  let o = paramOffset(sizes, learnable.length, 0);
  for (let k = sizes.length - 2; k >= 0; k--) {
    const nIn = sizes[k], nOut = sizes[k + 1], a = inputs[k];
    o -= nIn * nOut + nOut;
    for (let j = 0; j < nOut; j++) {
      let gb = 0;
      for (let i = 0; i < m; i++) gb += delta[i * nOut + j];
      gradient[o + nIn * nOut + j] = gb;
    }
    for (let d = 0; d < nIn; d++) {
      for (let j = 0; j < nOut; j++) {
        let g = 0;
        for (let i = 0; i < m; i++) g += a[i * nIn + d] * delta[i * nOut + j];
        gradient[o + d * nOut + j] = g;
      }
    }
    if (k === 0) break;
    const slope = slopes[k - 1], previous = new Float64Array(m * nIn);
    const dp = learnable.map((q) => paramSlopes[k - 1][q]), gp = learnable.map(() => 0);
    for (let i = 0; i < m; i++) {
      for (let d = 0; d < nIn; d++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += delta[i * nOut + j] * weights[o + d * nOut + j];
        previous[i * nIn + d] = s * slope[i * nIn + d];
        for (let q = 0; q < dp.length; q++) gp[q] += s * dp[q][i * nIn + d];
      }
    }
    gp.forEach((g, q) => (gradient[paramOffset(sizes, learnable.length, k - 1) + q] = g));
    delta = previous;
  }
  return gradient;
}

// Keras's Adam: alpha_t = lr sqrt(1 - b2^t) / (1 - b1^t); w -= alpha_t m / (sqrt(v) + eps).
function createAdam(size: number, learningRate: number) {
  const beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
  const m = new Float64Array(size), v = new Float64Array(size);
  let t = 0;
  return (weights: Float32Array, gradient: Float64Array): void => {
    t++;
    const alpha = (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    for (let k = 0; k < size; k++) {
      const g = gradient[k];
      m[k] = beta1 * m[k] + (1 - beta1) * g;
      v[k] = beta2 * v[k] + (1 - beta2) * g * g;
      weights[k] -= (alpha * m[k]) / (Math.sqrt(v[k]) + epsilon);
    }
  };
}

// Mean binary cross-entropy (softplus(z) - y z, stable for any z) and the fraction of
// points whose float32 probability is > 0.5, as predict() reports them.
function evaluate(network: Network, x: Float32Array, y: Float32Array) {
  const z = forwardOutputs(network, x);
  let loss = 0, correct = 0;
  for (let i = 0; i < y.length; i++) {
    loss += Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i]))) - y[i] * z[i];
    if ((Math.fround(sigmoid(z[i])) > 0.5 ? 1 : 0) === y[i]) correct++;
  }
  return { loss: loss / y.length, accuracy: correct / y.length };
}

function allFinite(weights: Float32Array): boolean {
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(weights[k])) return false;
  }
  return true;
}

// The message when training diverges: the epoch, what became non-finite, the likely cause.
function divergence(
  epoch: number,
  loss: number,
  learningRate: number,
  x: Float32Array,
  network: Network,
): string {
  let largest = 0;
  for (let i = 0; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i]));
  const cause = largest > 1e4
    ? `features as large as ${+largest.toPrecision(3)} in magnitude; scale them to about [-10, 10]`
    : learningRate > 0.1
    ? `the learning rate ${learningRate} is too large; try 0.001 (the default) to 0.01`
    : `the learning rate ${learningRate} or the scale of the features (up to ${+largest
      .toPrecision(3)}) is too large for this network, or its activation ` +
      `"${network.spec.activation}" overflows float32 (try a smaller learning rate or scaled features)`;
  const what = Number.isFinite(loss) ? "a weight stopped being finite" : `the loss became ${loss}`;
  return `Training diverged at epoch ${epoch}: ${what}. Likely cause: ${cause}. ` +
    `The network keeps its weights from ${
      epoch === 1 ? "before training" : `the end of epoch ${epoch - 1}`
    }.`;
}
