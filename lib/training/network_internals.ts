/**
 * A built network's private state, shared by network.ts (which builds networks and reads
 * their weights) and forward_pass.ts (which runs them): the packed weights, the hidden
 * activation, the dense layers' widths and the input features, kept out of the
 * {@linkcode Network} object; and the layout of the packed weights (each dense layer's
 * kernel then bias, then the hidden layers' learnable activation parameters).
 *
 * @internal
 * @module
 */
import type { HiddenActivation } from "./hidden_activation.ts";
import type { FeatureName } from "./features.ts";
import type { Network } from "./network_spec.ts";

/** @internal What a network keeps out of sight: its weights and how to run them. */
export interface Internals {
  readonly weights: Float32Array;
  readonly activation: HiddenActivation;
  // the dense layers' widths: sizes, with the feature count first when there are features
  readonly widths: readonly number[];
  readonly features: readonly FeatureName[] | undefined;
}

/** @internal Every live network's internals (createNetwork() sets them, dispose() deletes them). */
export const internals = new WeakMap<Network, Internals>();

/**
 * @internal The internals of a live network.
 *
 * @param network A network made by createNetwork().
 * @returns Its internals.
 * @throws {Error} If the network has been disposed (or was not made by createNetwork).
 */
export function internalsOf(network: Network): Internals {
  const found = internals.get(network);
  if (!found || network.disposed) {
    throw new Error("Network has been disposed (or was not made by createNetwork)");
  }
  return found;
}

/**
 * @internal The packed length of dense layers `sizes`, then `learnable` activation
 * parameters per hidden layer.
 */
export function packedLength(sizes: readonly number[], learnable = 0): number {
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
 * @example The 2-64-2-1 network: 325 dense weights, then one alpha per hidden layer
 * ```ts
 * import { paramOffset } from "./network.ts";
 * console.assert(paramOffset([2, 64, 2, 1], 1, 0) === 325 && paramOffset([2, 64, 2, 1], 1, 1) === 326);
 * ```
 */
export function paramOffset(sizes: readonly number[], learnable: number, k: number): number {
  return packedLength(sizes) + learnable * k;
}

/** @internal Hidden layer k's activation parameters: the spec's, with the learned ones. */
export function layerParams(
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
