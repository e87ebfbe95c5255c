/**
 * Training data, `{ x, y }`, and its check against a network's features and output layer,
 * made before any work is done. train.ts re-exports both.
 *
 * @module
 */
import { checkPoints, type OutputKind } from "./network.ts";
import { argument, checkArrayLike, checkFloat32, checkObject, typeError } from "../guards.ts";

/**
 * Training data: row-major features and targets (a {@linkcode Dataset} fits). The targets
 * fit the network's output layer: labels 0 or 1 for a sigmoid output, class numbers 0 to
 * `outputs - 1` for softmax, and `outputs` real values per point for a linear output.
 */
export interface TrainingData {
  /** Features, row-major, `network.sizes[0]` per point. */
  readonly x: ArrayLike<number>;
  /** Labels (0 or 1; a class number) or, for regression, the targets, row-major. */
  readonly y: ArrayLike<number>;
}

/**
 * Checks training data against a feature count and an output layer, before any work is
 * done.
 *
 * @param data Features and targets.
 * @param dim Features per point.
 * @param fn The public function to name in messages (default `"train"`).
 * @param output The output layer the targets are for (default `"sigmoid"`: labels 0 or 1).
 * @param outputs Its units: the number of classes for `"softmax"`, the targets per point
 *   for `"linear"` (default 1).
 * @returns The number of points.
 * @throws {TypeError} If the data is not an object of arrays of numbers, is empty or the
 *   lengths do not match.
 * @throws {RangeError} If a label is not 0 or 1 (sigmoid), not a class number from 0 to
 *   `outputs - 1` (softmax), a target is not finite in float32 (linear), or a feature is
 *   not finite in float32.
 *
 * @example
 * ```ts
 * import { checkTrainingData } from "./train.ts";
 * console.assert(checkTrainingData({ x: [0, 0, 1, 1], y: [0, 1] }, 2) === 2);
 * console.assert(checkTrainingData({ x: [0, 0, 1, 1], y: [2, 0] }, 2, "train", "softmax", 3) === 2);
 * ```
 */
export function checkTrainingData(
  data: TrainingData,
  dim: number,
  fn = "train",
  output: OutputKind = "sigmoid",
  outputs = 1,
): number {
  const label = (name: string) => argument(fn, name);
  const kind = output === "sigmoid"
    ? "0/1 labels"
    : output === "softmax"
    ? "class numbers"
    : "targets";
  checkObject(data, label("data"), "{ x, y }: features and labels");
  checkArrayLike(data.y, label("data.y"), `an array of ${kind}`);
  checkArrayLike(data.x, label("data.x"), "an array of features");
  if (!data.y.length) throw new TypeError("Empty data: expected at least one labelled point");
  const per = output === "linear" ? outputs : 1;
  if (data.y.length % per !== 0) {
    throw new TypeError(
      `Mismatched lengths: ${data.y.length} targets are not ${per} per point`,
    );
  }
  const n = data.y.length / per;
  if (data.x.length !== n * dim) {
    throw new TypeError(
      `Mismatched lengths: ${n} ${per === 1 ? "labels" : "points' targets"} need ${
        n * dim
      } features (${dim} per point), got ${data.x.length}`,
    );
  }
  for (let i = 0; i < data.y.length; i++) {
    const v = data.y[i];
    if (output === "linear") {
      checkFloat32(v, `Invalid target of point ${Math.floor(i / per)} (${label(`data.y[${i}]`)})`);
    } else if (output === "softmax") {
      if (!(Number.isInteger(v) && v >= 0 && v < outputs)) {
        if (typeof v !== "number") throw typeError(label(`data.y[${i}]`), "a class number", v);
        throw new RangeError(
          `Invalid label ${v} of point ${i}: expected a class number from 0 to ${outputs - 1}`,
        );
      }
    } else if (v !== 0 && v !== 1) {
      if (typeof v !== "number") throw typeError(label(`data.y[${i}]`), "a label 0 or 1", v);
      throw new RangeError(`Invalid label ${v} of point ${i}: expected 0 or 1`);
    }
  }
  checkPoints(data.x, dim, label("data.x"));
  return n;
}
