/**
 * Trains a {@linkcode Network} as Keras's `fit` does in the seed notebook: Adam
 * (learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7), binary cross-entropy,
 * 100 epochs, batches of 32, but with the batch order shuffled from a seed so that
 * every run is identical.
 *
 * @module
 */
import { tf } from "./tf.ts";
import { createRandom, deriveSeed, permutation } from "./random.ts";
import { checkPoints, forward, type Network, networkVariable } from "./network.ts";

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

/** Loss and accuracy after each epoch. */
export interface History {
  readonly loss: number[];
  readonly accuracy: number[];
}

/** Options of {@linkcode train}. */
export interface TrainOptions {
  /** Number of passes over the data; default 100. */
  epochs?: number;
  /** Points per gradient step; default 32 (Keras's default). */
  batchSize?: number;
  /** Adam's learning rate; default 0.001 (Keras's default). */
  learningRate?: number;
  /** Seed of the batch order; default the network's seed. */
  seed?: number;
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
 * Adam starts fresh on every call.
 *
 * @param network A network from {@linkcode createNetwork}; its weights are updated.
 * @param data Features and 0/1 labels.
 * @param options Epochs, batch size, learning rate, seed, callback ({@linkcode TrainOptions}).
 * @returns The {@linkcode History}.
 * @throws {TypeError} If the data is empty or the lengths do not match.
 * @throws {RangeError} If a label is not 0 or 1, a feature is not finite, `epochs` or
 *   `batchSize` is not an integer >= 1, `learningRate` is not positive, or the seed is
 *   not a safe integer. Nothing is trained then.
 * @throws {Error} If the network has been disposed.
 *
 * @example Two epochs on the seed's data
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
  options: TrainOptions = {},
): Promise<History> {
  const {
    epochs = 100,
    batchSize = 32,
    learningRate = 0.001,
    seed = network.seed,
    onEpoch,
  } = options;
  const dim = network.sizes[0];
  const n = checkTrainingData(data, dim);
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new RangeError(`Invalid epochs ${epochs}: expected an integer >= 1`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Invalid batch size ${batchSize}: expected an integer >= 1`);
  }
  if (!Number.isFinite(learningRate) || learningRate <= 0) {
    throw new RangeError(`Invalid learning rate ${learningRate}: expected a finite number > 0`);
  }
  const random = createRandom(deriveSeed(seed, "shuffle"));
  const variable = networkVariable(network);

  const x = Float32Array.from(data.x), y = Float32Array.from(data.y);
  const allX = tf.tensor2d(x, [n, dim]), allY = tf.tensor2d(y, [n, 1]);
  const optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  const bx = new Float32Array(batchSize * dim), by = new Float32Array(batchSize);
  const history: History = { loss: [], accuracy: [] };
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = permutation(n, random);
      for (let start = 0; start < n; start += batchSize) {
        const m = Math.min(batchSize, n - start);
        for (let b = 0; b < m; b++) {
          const i = order[start + b];
          for (let d = 0; d < dim; d++) bx[b * dim + d] = x[i * dim + d];
          by[b] = y[i];
        }
        tf.tidy(() => {
          const xs = tf.tensor2d(bx.subarray(0, m * dim), [m, dim]);
          const ys = tf.tensor2d(by.subarray(0, m), [m, 1]);
          optimizer.minimize(() => crossEntropy(forward(network, xs), ys), false, [variable]);
        });
      }
      const [loss, accuracy] = evaluate(network, allX, allY);
      history.loss.push(loss);
      history.accuracy.push(accuracy);
      if (onEpoch) await onEpoch({ epoch, epochs, loss, accuracy });
    }
  } finally {
    optimizer.dispose();
    allX.dispose();
    allY.dispose();
  }
  return history;
}

/**
 * Checks training data against a feature count, before any work is done.
 *
 * @param data Features and labels.
 * @param dim Features per point.
 * @returns The number of points.
 * @throws {TypeError} If the data is empty or the lengths do not match.
 * @throws {RangeError} If a label is not 0 or 1 or a feature is not finite.
 *
 * @example
 * ```ts
 * import { checkTrainingData } from "./train.ts";
 * console.assert(checkTrainingData({ x: [0, 0, 1, 1], y: [0, 1] }, 2) === 2);
 * ```
 */
export function checkTrainingData(data: TrainingData, dim: number): number {
  if (!data?.y?.length) throw new TypeError("Empty data: expected at least one labelled point");
  const n = data.y.length;
  if (data.x?.length !== n * dim) {
    throw new TypeError(
      `Mismatched lengths: ${n} labels need ${n * dim} features (${dim} per point), got ${
        data.x?.length ?? 0
      }`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (data.y[i] !== 0 && data.y[i] !== 1) {
      throw new RangeError(`Invalid label ${data.y[i]} of point ${i}: expected 0 or 1`);
    }
  }
  checkPoints(data.x, dim);
  return n;
}

// Mean binary cross-entropy from logits z: softplus(z) - y z (stable for any z).
function crossEntropy(z: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z)));
}

// Loss and accuracy over all points, read back in one transfer.
function evaluate(network: Network, x: tf.Tensor2D, y: tf.Tensor2D): [number, number] {
  const both = tf.tidy(() => {
    const z = forward(network, x);
    const correct = tf.equal(tf.cast(tf.greater(z, 0), "float32"), y);
    return tf.stack([crossEntropy(z, y), tf.sum(tf.cast(correct, "float32"))]);
  });
  const [loss, correct] = both.dataSync();
  both.dispose();
  return [loss, correct / x.shape[0]]; // an exact fraction, not a float32 mean
}
