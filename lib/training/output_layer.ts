/**
 * The output layer's activations: the logistic function of a sigmoid output, the softmax
 * of a row of logits, and the number of output units each output layer takes. network.ts
 * re-exports `sigmoid()` and `softmaxRow()`.
 *
 * @module
 */
import { checkInteger, option } from "../guards.ts";
import { MAX_LAYER_WIDTH, type OutputKind } from "./network_spec.ts";

/**
 * @internal The output units of an output layer, checked: 1 for `"sigmoid"`, the number
 * of classes for `"softmax"` (required), 1 by default for `"linear"`.
 *
 * @param output The output layer.
 * @param outputs The units asked for, if any (`createNetwork()`'s `outputs` option).
 * @returns The units.
 * @throws {RangeError} If `outputs` does not fit the output layer.
 *
 * @example
 * ```ts
 * import { outputUnits } from "./output_layer.ts";
 * console.assert(outputUnits("sigmoid", undefined) === 1 && outputUnits("softmax", 3) === 3);
 * ```
 */
export function outputUnits(output: OutputKind, outputs: number | undefined): number {
  if (output === "sigmoid") {
    if (outputs !== undefined) checkInteger(outputs, option("outputs"), 1, 1);
    return 1;
  }
  if (output === "softmax") {
    if (outputs === undefined) {
      throw new RangeError(
        `${option("outputs")}: a softmax output layer needs the number of classes ` +
          `(an integer from 2 to ${MAX_LAYER_WIDTH})`,
      );
    }
    return checkInteger(outputs, option("outputs"), 2, MAX_LAYER_WIDTH);
  }
  return checkInteger(outputs ?? 1, option("outputs"), 1, MAX_LAYER_WIDTH);
}

/**
 * The logistic function 1 / (1 + e^-z), the networks' output activation (computed in float64).
 *
 * @param z A logit.
 * @returns The probability.
 *
 * @example
 * ```ts
 * import { sigmoid } from "./network.ts";
 * console.assert(sigmoid(0) === 0.5);
 * ```
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Internal (train.ts, predict.ts): the softmax of `z[start .. start + units - 1]` into `out`, in
 * float64, stable for any logits (the largest is subtracted first).
 *
 * @param z Logits, row-major.
 * @param start Where the row starts.
 * @param units Its length.
 * @param out Where the probabilities go (`units` of them).
 * @returns `out`.
 */
export function softmaxRow(
  z: ArrayLike<number>,
  start: number,
  units: number,
  out: Float64Array,
): Float64Array {
  let max = -Infinity;
  for (let j = 0; j < units; j++) max = Math.max(max, z[start + j]);
  let sum = 0;
  for (let j = 0; j < units; j++) sum += out[j] = Math.exp(z[start + j] - max);
  for (let j = 0; j < units; j++) out[j] /= sum;
  return out;
}
