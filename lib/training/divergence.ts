/**
 * When training diverges: the check that every weight is still finite, and the message
 * naming the epoch, what became non-finite and the likely cause. train.ts throws it.
 *
 * @internal
 * @module
 */
import type { Network } from "./network.ts";

/**
 * @internal Whether every weight is finite.
 *
 * @param weights The packed weights.
 * @returns True when none is NaN or infinite.
 *
 * @example
 * ```ts
 * import { allFinite } from "./divergence.ts";
 * console.assert(allFinite(new Float32Array([0, 1])) && !allFinite(new Float32Array([NaN])));
 * ```
 */
export function allFinite(weights: Float32Array): boolean {
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(weights[k])) return false;
  }
  return true;
}

/**
 * @internal The message when training diverges: the epoch, what became non-finite, the
 * likely cause.
 *
 * @param epoch The 1-based epoch that diverged.
 * @param loss Its loss (NaN or infinite, or finite when a weight is not).
 * @param learningRate The optimiser's learning rate.
 * @param x The training features.
 * @param network The network trained.
 * @returns The message.
 *
 * @example
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * import { divergence } from "./divergence.ts";
 * const net = createNetwork(NONLINEAR_NETWORK);
 * const message = divergence(3, NaN, 1, new Float32Array([0, 1]), net);
 * console.assert(message.startsWith("Training diverged at epoch 3: the loss became NaN"));
 * net.dispose();
 * ```
 */
export function divergence(
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
