/**
 * The forward pass: a network run on points, layer by layer (the dense layers' matrix
 * products in JavaScript, the hidden activation from the registry's TensorFlow.js function),
 * with what backpropagation needs in training mode, and in chunks of whole points for any
 * number of them. Internal to training and prediction (train.ts, loss.ts, predict.ts);
 * network.ts re-exports it.
 *
 * @module
 */
import { expandFeatures } from "./features.ts";
import { internalsOf, layerParams } from "./network_internals.ts";
import type { Network } from "./network_spec.ts";

/**
 * Values one forward pass holds at once (points x the widest layer): 2^20. Larger inputs
 * run in chunks of whole points, with identical results (each point is computed alone).
 */
const FORWARD_CHUNK = 1 << 20;

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
