/**
 * The one error that says "the fused compiler cannot take this activation", as opposed to
 * a bug: an operation the symbolic backend or the WebAssembly lowering does not know. The
 * library catches it (and only it) to fall back to TensorFlow.js kernel by kernel.
 *
 * @module
 */

/**
 * An activation uses an operation the fused compiler does not know: a tfjs kernel the
 * symbolic backend has no scalar form of (`Atan`, `Erf`, a matrix product…), reading a
 * traced tensor's values, or a scalar operation without a WebAssembly lowering.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UnsupportedOperationError } from "./unsupported_operation.ts";
 * const error = new UnsupportedOperationError("Atan", 'the tfjs kernel "Atan"');
 * assert.equal(error.operation, "Atan");
 * assert.match(error.message, /^The fused compiler does not know the tfjs kernel "Atan"/);
 * ```
 */
export class UnsupportedOperationError extends Error {
  /** The operation's name: a tfjs kernel name (`"Atan"`) or a scalar operation. */
  readonly operation: string;

  /**
   * An error naming the operation.
   *
   * @param operation The operation's name, e.g. `"Atan"`.
   * @param what The operation in words, e.g. `the tfjs kernel "Atan"`.
   */
  constructor(operation: string, what: string) {
    super(`The fused compiler does not know ${what}`);
    this.name = "UnsupportedOperationError";
    this.operation = operation;
  }
}
