/**
 * Trains a {@linkcode Network} as Keras's `fit` does in the original notebook: Adam
 * (learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7, Keras's update rule),
 * binary cross-entropy, 100 epochs, batches of 32, but with the batch order shuffled
 * from a seed so that every run is identical. Backpropagation through the dense layers
 * is written out here; the hidden activation's derivative comes from the registry by
 * autodiff.
 *
 * As TensorFlow Playground also offers: plain stochastic gradient descent instead of
 * Adam, L1 or L2 regularisation of the weights, test data evaluated after every epoch,
 * and the loss that fits the network's output layer (binary cross-entropy for a sigmoid,
 * categorical cross-entropy for softmax classes, mean squared error for regression).
 *
 * The training data and its check are training_data.ts, which this module re-exports; the
 * message when training diverges is divergence.ts.
 *
 * @module
 */
import { checkSeed, createRandom, deriveSeed, permutation } from "./random.ts";
import {
  checkNetwork,
  denseSizes,
  hiddenActivationOf,
  type Network,
  packedWeights,
} from "./network.ts";
import { checkTrainingData, type TrainingData } from "./training_data.ts";
import { allFinite, divergence } from "./divergence.ts";
import { evaluateLoss, lossGradient } from "./loss.ts";
import {
  createAdam,
  createPenalty,
  createSgd,
  MAX_REGULARIZATION_RATE,
  type OptimizerName,
  OPTIMIZERS,
  type RegularizationName,
  REGULARIZATIONS,
} from "./optimizers.ts";

// what train's options take, where the callers of train() look for them
export {
  lossGradient,
  MAX_REGULARIZATION_RATE,
  type OptimizerName,
  OPTIMIZERS,
  type RegularizationName,
  REGULARIZATIONS,
};
// the training data and its check, where callers look
export { checkTrainingData, type TrainingData } from "./training_data.ts";
import {
  argument,
  checkFunction,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
  FLOAT32_MAX,
  option,
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

/** What the per-epoch callback receives. */
export interface EpochLog {
  /** 1-based epoch number. */
  readonly epoch: number;
  /** Total number of epochs. */
  readonly epochs: number;
  /**
   * Mean loss over all points after this epoch: binary cross-entropy (sigmoid output),
   * categorical cross-entropy (softmax) or the mean squared error (linear).
   */
  readonly loss: number;
  /**
   * Fraction of points classified correctly (probability > 0.5, or the most probable
   * class) after this epoch; NaN for regression.
   */
  readonly accuracy: number;
  /** The loss on the test data, when training was given `testData`. */
  readonly testLoss?: number;
  /** The accuracy on the test data, when training was given `testData`. */
  readonly testAccuracy?: number;
}

/** Loss and accuracy after each epoch: what {@linkcode train} returns, `historyFigure()` draws. */
export interface History {
  /** Mean loss over all points after each epoch (see {@linkcode EpochLog.loss}). */
  readonly loss: number[];
  /** Fraction of points classified correctly after each epoch; empty for regression. */
  readonly accuracy: number[];
  /**
   * The same on the test data after each epoch, when training was given `testData`
   * (`historyFigure({ training: history, test: history.test })` draws both).
   */
  readonly test?: { readonly loss: number[]; readonly accuracy: number[] };
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
   * The optimiser's learning rate: a number above 0, finite in float32 (at most 3.4e38);
   * default 0.001 (Keras's default for Adam). One too large for the data makes training
   * diverge, which {@linkcode train} reports.
   */
  learningRate?: number;
  /**
   * `"adam"` (default: Keras's Adam, the original's) or `"sgd"` (plain mini-batch
   * gradient descent, w -= learningRate x gradient, TensorFlow Playground's).
   */
  optimizer?: OptimizerName;
  /**
   * `"none"` (default), `"l1"` or `"l2"`: a penalty on the kernel weights added to each
   * batch's mean loss (see {@linkcode REGULARIZATIONS}). Histories report the loss
   * without it.
   */
  regularization?: RegularizationName;
  /**
   * The penalty's rate: a number from 0 to {@linkcode MAX_REGULARIZATION_RATE}; default 0
   * (and 0 is no penalty, whatever `regularization` says).
   */
  regularizationRate?: number;
  /**
   * Points held out from training, evaluated after every epoch (`History.test`,
   * `EpochLog.testLoss`): features and targets as `data` has them.
   */
  testData?: TrainingData;
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
 * epoch), and on `testData` when given. The loss follows the network's output layer:
 * binary cross-entropy (sigmoid), categorical cross-entropy (softmax), mean squared
 * error (linear).
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
 * @param data Features and targets (0/1 labels for the original's networks).
 * @param options Epochs, batch size, learning rate, optimiser, regularisation, test data,
 *   seed, callback ({@linkcode TrainOptions}).
 * @returns The {@linkcode History}.
 * @throws {TypeError} If `network` is not a network, the data (or test data) is not
 *   features and targets (arrays of numbers), is empty or the lengths do not match, or an
 *   option has the wrong type. Nothing is trained then.
 * @throws {RangeError} If a label does not fit the output layer (0 or 1; a class number;
 *   a target finite in float32), a feature is not finite in float32, an option is outside
 *   the domain its documentation gives or not one of its names, or the seed is not a
 *   safe integer: nothing is trained then. Also when training diverges (see above).
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
 *
 * @example Playground's way: SGD, L2, a test set, three classes
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { train } from "./train.ts";
 * const net = createNetwork({ hidden: [4], activation: "tanh" }, { output: "softmax", outputs: 3 });
 * const data = { x: [0, 0, 1, 0, 0, 1], y: [0, 1, 2] };
 * const history = await train(net, data, {
 *   epochs: 3, optimizer: "sgd", learningRate: 0.1, regularization: "l2",
 *   regularizationRate: 0.001, testData: data,
 * });
 * console.assert(history.test!.loss.length === 3);
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
    optimizer = "adam",
    regularization = "none",
    regularizationRate = 0,
    testData,
    seed = network.seed,
    stopAtAccuracy,
    onEpoch,
  } = checkOptions(options, argument("train", "options"));
  const dim = network.sizes[0], outputs = network.sizes.at(-1)!;
  const n = checkTrainingData(data, dim, "train", network.output, outputs);
  if (testData !== undefined) {
    checkObject(testData, option("testData"), "{ x, y }: features and targets");
    checkTrainingData(testData, dim, "train(options.testData)", network.output, outputs);
  }
  checkName(optimizer, option("optimizer"), OPTIMIZERS);
  checkName(regularization, option("regularization"), REGULARIZATIONS);
  checkNumber(regularizationRate, option("regularizationRate"), {
    min: 0,
    max: MAX_REGULARIZATION_RATE,
  });
  checkInteger(epochs, option("epochs"), 1, MAX_EPOCHS);
  checkInteger(batchSize, option("batchSize"), 1, MAX_BATCH_SIZE);
  // the points, the features computed from them (if any), every layer
  const widths = [...(network.spec.features ? [dim] : []), ...denseSizes(network)];
  const units = widths.reduce((a, b) => a + b, 0), m = Math.min(batchSize, n);
  if (m * units > MAX_BATCH_VALUES) {
    throw new RangeError(
      `${option("batchSize")}: batches of ${m} points through layers ` +
        `${widths.join("-")} hold ${m * units} values, above the maximum ${MAX_BATCH_VALUES}`,
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
  const learns = hiddenActivationOf(network).learnable.length > 0;
  const weights = packedWeights(network);
  const x = Float32Array.from(data.x), y = Float32Array.from(data.y);
  const test = testData && { x: Float32Array.from(testData.x), y: Float32Array.from(testData.y) };
  // y per point: the targets of a linear output, one label otherwise
  const per = network.output === "linear" ? outputs : 1;
  const step = optimizer === "adam"
    ? createAdam(weights.length, learningRate)
    : createSgd(weights.length, learningRate);
  const penalty = regularization === "none" || regularizationRate === 0
    ? undefined
    : createPenalty(network, regularization, regularizationRate);
  const regression = network.output === "linear";
  const history = {
    loss: [] as number[],
    accuracy: [] as number[],
    ...(learns ? { params: [] as Record<string, number>[][] } : {}),
    ...(test ? { test: { loss: [] as number[], accuracy: [] as number[] } } : {}),
  };
  const before = weights.slice(); // the weights at the end of the last finite epoch
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = permutation(n, random);
    for (let start = 0; start < n; start += batchSize) {
      const m = Math.min(batchSize, n - start);
      const bx = new Float32Array(m * dim), by = new Float32Array(m * per);
      for (let b = 0; b < m; b++) {
        const i = order[start + b];
        for (let d = 0; d < dim; d++) bx[b * dim + d] = x[i * dim + d];
        for (let d = 0; d < per; d++) by[b * per + d] = y[i * per + d];
      }
      const gradient = lossGradient(network, bx, by, uniform);
      penalty?.(weights, gradient);
      step(weights, gradient);
    }
    const { loss, accuracy } = evaluateLoss(network, x, y);
    const checked = test && evaluateLoss(network, test.x, test.y);
    if (!Number.isFinite(loss) || !allFinite(weights)) {
      weights.set(before);
      throw new RangeError(divergence(epoch, loss, learningRate, x, network));
    }
    if (epoch < epochs) before.set(weights);
    history.loss.push(loss);
    if (!regression) history.accuracy.push(accuracy);
    history.params?.push(network.activationParams());
    if (checked) {
      history.test!.loss.push(checked.loss);
      if (!regression) history.test!.accuracy.push(checked.accuracy);
    }
    if (onEpoch) {
      await onEpoch({
        epoch,
        epochs,
        loss,
        accuracy,
        ...(checked ? { testLoss: checked.loss, testAccuracy: checked.accuracy } : {}),
      });
    }
    if (stopAtAccuracy !== undefined && accuracy >= stopAtAccuracy) break;
  }
  return history;
}

// A name among the choices, or a RangeError listing them.
function checkName(value: unknown, label: string, names: readonly string[]): void {
  checkString(value, label);
  if (!names.includes(value as string)) {
    throw new RangeError(
      `${label}: unknown "${value}": expected one of ${names.map((n) => `"${n}"`).join(", ")}`,
    );
  }
}
