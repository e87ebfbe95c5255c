/**
 * The two inputs of softmax and maxout, on the last axis of a tensor: split into a pair,
 * and any last axis unstacked and stacked back, fast on wasm. A part of `numerics.ts`,
 * which re-exports it.
 *
 * @module
 */
import { tf } from "../tf.ts";

/**
 * The two inputs (x1, x2) of softmax and maxout from the last axis of shape [..., 2],
 * each of shape [...]. Through a transpose rather than tf.split: on wasm, slicing the
 * interleaved last axis is 5x (split) to 10x (concat) slower than moving it to the front.
 *
 * @param x A tensor of shape [..., 2].
 * @param name The activation, for the message.
 * @returns x1 and x2, each of shape [...].
 */
export function splitPair(x: tf.Tensor, name: string): [tf.Tensor, tf.Tensor] {
  if (x.rank < 1 || x.shape[x.rank - 1] !== 2) {
    throw new TypeError(
      `Activation "${name}" expects a tensor of shape [..., 2] (x1, x2 on the last axis), ` +
        `got shape [${x.shape.join(", ")}]`,
    );
  }
  const [a, b] = unstackLast(x);
  return [a, b];
}

/**
 * Splits a tensor along its last axis into tensors of the other axes (fast on wasm).
 *
 * @param x A tensor of shape [..., k].
 * @returns k tensors of shape [...].
 */
export function unstackLast(x: tf.Tensor): tf.Tensor[] {
  const perm = [x.rank - 1, ...Array.from({ length: x.rank - 1 }, (_, i) => i)];
  return tf.unstack(tf.transpose(x, perm));
}

/**
 * The inverse of unstackLast: k tensors of shape [...] into one of shape [..., k].
 *
 * @param parts k tensors of one shape [...].
 * @returns One tensor of shape [..., k].
 */
export function stackLast(parts: tf.Tensor[]): tf.Tensor {
  const rank = parts[0].rank + 1;
  return tf.transpose(tf.stack(parts), [...Array.from({ length: rank - 1 }, (_, i) => i + 1), 0]);
}
