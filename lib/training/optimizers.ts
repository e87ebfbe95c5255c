/**
 * The optimisers and weight penalties `train()` offers: Keras's Adam (the original's) and
 * plain gradient descent (TensorFlow Playground's), and L1 / L2 penalties on the kernel
 * weights. Each is a step function over the packed weights and their gradient.
 *
 * @module
 */
import { denseSizes, type Network } from "./network.ts";

/** Largest `regularizationRate`: 10 (Playground's largest is 10). */
export const MAX_REGULARIZATION_RATE = 10;

/**
 * The optimisers `train()` offers: `"adam"` (Keras's Adam, the original's) and
 * `"sgd"` (plain mini-batch gradient descent, TensorFlow Playground's).
 */
export const OPTIMIZERS = ["adam", "sgd"] as const;

/** An optimiser name, one of {@linkcode OPTIMIZERS}. */
export type OptimizerName = typeof OPTIMIZERS[number];

/**
 * The weight penalties `train()` offers: `"none"`, `"l1"` (rate x the sum of
 * |w|) and `"l2"` (rate x the sum of w² / 2), over every kernel weight (not the biases),
 * as in TensorFlow Playground.
 */
export const REGULARIZATIONS = ["none", "l1", "l2"] as const;

/** A regularisation name, one of {@linkcode REGULARIZATIONS}. */
export type RegularizationName = typeof REGULARIZATIONS[number];

/**
 * Internal: plain gradient descent, w -= lr g (TensorFlow Playground's update, on the
 * batch mean's gradient).
 *
 * @param size Number of packed weights.
 * @param learningRate The step's factor.
 * @returns The step: updates `weights` in place from `gradient`.
 */
export function createSgd(
  size: number,
  learningRate: number,
): (weights: Float32Array, gradient: Float64Array) => void {
  return (weights: Float32Array, gradient: Float64Array): void => {
    for (let k = 0; k < size; k++) weights[k] -= learningRate * gradient[k];
  };
}

/**
 * Internal: the penalty's gradient, rate x sign(w) (L1, of rate x sum |w|) or rate x w
 * (L2, of rate x sum w² / 2), added over the kernels (not the biases).
 *
 * @param network The network (for its layer sizes).
 * @param kind `"l1"` or `"l2"`.
 * @param rate The penalty's rate.
 * @returns Adds the penalty's gradient to `gradient` in place.
 */
export function createPenalty(
  network: Network,
  kind: "l1" | "l2",
  rate: number,
): (weights: Float32Array, gradient: Float64Array) => void {
  const sizes = denseSizes(network);
  const kernels: [number, number][] = [];
  let o = 0;
  for (let k = 0; k + 1 < sizes.length; k++) {
    kernels.push([o, o + sizes[k] * sizes[k + 1]]);
    o += sizes[k] * sizes[k + 1] + sizes[k + 1];
  }
  return (weights: Float32Array, gradient: Float64Array): void => {
    for (const [from, to] of kernels) {
      for (let k = from; k < to; k++) {
        const w = weights[k];
        gradient[k] += rate * (kind === "l2" ? w : Math.sign(w));
      }
    }
  };
}

/**
 * Internal: Keras's Adam (beta1 0.9, beta2 0.999, epsilon 1e-7): alpha_t = lr sqrt(1 -
 * b2^t) / (1 - b1^t); w -= alpha_t m / (sqrt(v) + eps).
 *
 * @param size Number of packed weights.
 * @param learningRate The learning rate.
 * @returns The step: updates `weights` in place from `gradient`, keeping its moments.
 */
export function createAdam(
  size: number,
  learningRate: number,
): (weights: Float32Array, gradient: Float64Array) => void {
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
