/**
 * Values and derivatives of the registered activations by TensorFlow.js autodiff —
 * the one place where derivatives are computed (the port of the original's
 * `activation_functions(x, method)` with `tf.GradientTape`). Inputs and outputs are
 * plain typed arrays; tensors never leave this module.
 *
 * Two ways to run the same autodiff: `activation()` / `activation2d()` run the fused
 * kernel (`kernel/fused_kernel.ts`: tfjs's forward and gradient kernels traced once and
 * compiled into one WebAssembly SIMD loop in float32, 2-10x faster on large inputs;
 * `activationInto()` writes its results into the caller's arrays; training's hidden layers
 * use `activation()` too), and `tfjsActivation()` / `tfjsActivation2d()`
 * (`tfjs_autodiff.ts`) run them kernel by kernel on the tfjs backend in use (wasm or cpu,
 * float32). Both meet the same accuracy tests against float64 closed forms.
 * `secondDerivative()` / `tfjsSecondDerivative()` add f'' by autodiff of the gradient.
 * The fused kernel is a speed-up only: an activation using an operation the compiler does
 * not know runs kernel by kernel instead, after a one-time note naming the operation.
 *
 * Each function takes an activation's registry name with its parameters, checked at every
 * call, or an {@linkcode Activation} resolved once (`resolveActivation()`: declaration,
 * checked parameters and compiled program), for callers that evaluate it many times.
 *
 * Infinite inputs: f(±∞) and f'(±∞) are the exact limits (ELU(−∞) = −α with f' = 0,
 * Softsign(−∞) = −1, ReLU(∞) = ∞ with f' = 1). Both paths evaluate f at ±3.4028235e38,
 * the largest float32, where every activation has reached its limit in float32, and
 * return ±∞ (with the sign of f'·x) where f' is not 0 there. A finite number too large
 * for float32 (±3.5e38) becomes ±∞ when converted, and is treated as such.
 *
 * @module
 */
import {
  Activation,
  compiledProgram,
  resolveActivation,
  toActivation,
  uniformsOf,
} from "./resolve_activation.ts";
import { float32Input, gridAxes } from "./inputs.ts";
import { tfjsActivation, tfjsActivation2d, tfjsSecondDerivative } from "./tfjs_autodiff.ts";
import { type Grid, meshgrid } from "../grid.ts";
import { fusedProgram } from "../kernel/fused_kernel.ts";

/** Values and derivatives of an element-wise activation at the input points. */
export interface ActivationValues {
  /** f(x[i]) */
  readonly y: Float32Array;
  /** f'(x[i]) */
  readonly dy: Float32Array;
}

/** Values, first and second derivatives of an element-wise activation. */
export interface SecondDerivativeValues extends ActivationValues {
  /** f''(x[i]) */
  readonly d2y: Float32Array;
}

/** Values and Jacobian of a two-input activation over a grid. */
export interface Activation2dValues {
  /** one grid per output: softmax 2 (f1, f2), maxout 1 */
  readonly outputs: Grid[];
  /** jacobian[i][j] holds d out_i / d x_j over the grid (j = 0 for x1, 1 for x2) */
  readonly jacobian: Grid[][];
}

/**
 * Values and derivatives of an element-wise activation, by autodiff: tfjs's forward
 * and gradient kernels for the activation, fused into one compiled loop
 * (`kernel/fused_kernel.ts`; {@linkcode tfjsActivation} runs them one by one on the backend).
 *
 * Accuracy: within 1e-6 relative of the exact f(x), f'(x) at an input at most 4
 * float32 rounding steps from x, plus 2e-36 absolute (finite x in [-1e4, 1e4]; see
 * tests/_helpers/numeric.ts); exact for every finite float32 beyond, except where the
 * exact value exceeds float32 (Exponential beyond x = 88.72 is ∞). At ±∞ the exact limits
 * (see the module doc). At kinks f' is the left derivative (ReLU'(0) = 0). NaN in gives
 * NaN out.
 *
 * @param activation a registry name, e.g. "elu", or an {@linkcode Activation} resolved
 *   once ({@linkcode resolveActivation})
 * @param x input points (any array-like of numbers; converted to float32)
 * @param options the activation's parameters, e.g. `{ alpha: 0.5 }` (with a handle:
 *   values that override its own)
 * @returns `{ y, dy }`, each a Float32Array of the same length as `x`
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If the activation takes two inputs, `x` is not an array-like of
 *   numbers, or a parameter is not a number.
 * @throws {RangeError} If an option is not a parameter of the activation or is outside
 *   its domain.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activation } from "./autodiff.ts";
 * const { y, dy } = activation("elu", [-30, 0, 2]);
 * assert.ok(Math.abs(dy[0] / Math.exp(-30) - 1) < 1e-6); // not 0
 * assert.ok(y[2] === 2 && dy[2] === 1);
 * const leaky = activation("leaky_relu", [-1], { alpha: 0.1 });
 * assert.ok(Math.abs(leaky.y[0] + 0.1) < 1e-7);
 * const limits = activation("elu", [-Infinity, Infinity]);
 * assert.deepEqual([...limits.y, ...limits.dy], [-1, Infinity, 0, 1]);
 * ```
 */
export function activation(
  activation: string | Activation,
  x: ArrayLike<number>,
  options?: Readonly<Record<string, number>>,
): ActivationValues {
  const a = toActivation(activation, options, 1);
  const input = float32Input(x, "x");
  if (a.program === undefined) return tfjsActivation(a, input);
  const y = new Float32Array(input.length), dy = new Float32Array(input.length);
  // the fused loop passes a NaN input through to f and f'
  if (input.length > 0) a.program.run([input], [y, dy], input.length, uniformsOf(a));
  return { y, dy };
}

/**
 * {@linkcode activation} writing into arrays the caller owns, as `TextEncoder.encodeInto`
 * does for `encode`: for repeated evaluation at the same size (a slider, an animation,
 * a benchmark), where allocating fresh `y` and `dy` costs more than computing cheap
 * activations (1M points: 8 MB per call, and the garbage collections that follow).
 * Same values, accuracy and conventions as {@linkcode activation}. `out.y` or `out.dy`
 * may be `x` itself (in place); nothing is written if an argument is invalid.
 *
 * @param activation a registry name, e.g. "elu", or an {@linkcode Activation} resolved
 *   once ({@linkcode resolveActivation})
 * @param x input points (any array-like of numbers; converted to float32)
 * @param out where to write: `y` gets f(x), `dy` gets f'(x); two Float32Arrays of
 *   `x.length` that do not share memory with each other (nor overlap `x` in part)
 * @param options the activation's parameters, e.g. `{ alpha: 0.5 }` (with a handle:
 *   values that override its own)
 * @returns `out`
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If the activation takes two inputs, `x` is not an array-like of
 *   numbers, or `out` is not two Float32Arrays of `x.length` that can be written safely.
 * @throws {RangeError} If an option is not a parameter of the activation or is outside
 *   its domain.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activationInto } from "./autodiff.ts";
 * import { resolveActivation } from "./resolve_activation.ts";
 * const x = new Float32Array([-2, 0, 3]);
 * const out = { y: new Float32Array(3), dy: new Float32Array(3) };
 * for (const alpha of [0.1, 0.3]) {
 *   const leaky = resolveActivation("leaky_relu", { alpha }); // checked once
 *   activationInto(leaky, x, out); // no allocation, no look-up per call
 *   assert.ok(Math.abs(out.y[0] + 2 * alpha) < 1e-6 && out.dy[2] === 1);
 * }
 * ```
 */
export function activationInto<T extends ActivationValues>(
  activation: string | Activation,
  x: ArrayLike<number>,
  out: T,
  options?: Readonly<Record<string, number>>,
): T {
  const a = toActivation(activation, options, 1);
  const input = float32Input(x, "x");
  checkOut(out, input);
  if (a.program === undefined) {
    const { y, dy } = tfjsActivation(a, input); // reads all of x before out is written
    out.y.set(y);
    out.dy.set(dy);
  } else if (input.length > 0) {
    a.program.run([input], [out.y, out.dy], input.length, uniformsOf(a));
  }
  return out;
}

/**
 * f, f' and f'' of an element-wise activation by autodiff: f'' is tfjs's gradient of
 * tfjs's backward pass (the gradient of the gradient), fused with f and f' into one
 * compiled loop ({@linkcode tfjsSecondDerivative} runs the kernels one by one).
 *
 * Accuracy: f and f' as {@linkcode activation}; f'' within 1e-5 relative of the exact
 * value at an input at most 4 float32 rounding steps from x, plus 5e-7 of the largest
 * |f''| over [-10, 10] (finite x in [-1e4, 1e4]; near zeros of f'' that floor dominates).
 * Where f' jumps (a kink, or where f itself jumps), f'' is the derivative of the case that
 * holds x, not the Dirac impulse. Beyond ±2^50 (1.1e15), f'' is its value at ±2^50: at the
 * default parameters below 1e-36 in magnitude for every activation but Exponential (∞).
 *
 * @param activation a registry name, e.g. "gelu", or an {@linkcode Activation} resolved
 *   once ({@linkcode resolveActivation})
 * @param x input points (any array-like of numbers; converted to float32)
 * @param options the activation's parameters, e.g. `{ alpha: 0.5 }` (with a handle:
 *   values that override its own)
 * @returns `{ y, dy, d2y }`, each a Float32Array of the same length as `x`
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If the activation takes two inputs, `x` is not an array-like of
 *   numbers, or a parameter is not a number.
 * @throws {RangeError} If an option is not a parameter of the activation or is outside
 *   its domain.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { secondDerivative } from "./autodiff.ts";
 * const { d2y } = secondDerivative("tanh", [0.5]);
 * const t = Math.tanh(0.5);
 * assert.ok(Math.abs(d2y[0] / (-2 * t * (1 - t * t)) - 1) < 1e-5); // -2 tanh sech²
 * assert.equal(secondDerivative("relu", [1]).d2y[0], 0);
 * ```
 */
export function secondDerivative(
  activation: string | Activation,
  x: ArrayLike<number>,
  options?: Readonly<Record<string, number>>,
): SecondDerivativeValues {
  const a = toActivation(activation, options, 1);
  const input = float32Input(x, "x");
  const program = compiledProgram(a.spec, 2);
  if (program === undefined) return tfjsSecondDerivative(a, input);
  const n = input.length;
  const y = new Float32Array(n), dy = new Float32Array(n), d2y = new Float32Array(n);
  if (n > 0) program.run([input], [y, dy, d2y], n, uniformsOf(a));
  return { y, dy, d2y };
}

// out.y and out.dy: Float32Arrays of x's length, neither sharing memory with the other,
// each either x itself or apart from it (the loop reads a chunk of x before writing the
// same chunk of y and dy, so only a partial overlap would read overwritten inputs).
function checkOut(out: ActivationValues, x: Float32Array): void {
  const expected = `expected { y, dy }: two Float32Arrays of length ${x.length} (x.length)`;
  if (out === null || typeof out !== "object") {
    throw new TypeError(`Invalid out = ${String(out)}: ${expected}`);
  }
  for (const key of ["y", "dy"] as const) {
    const a: unknown = out[key];
    if (!(a instanceof Float32Array) || a.length !== x.length) {
      const got = a instanceof Object && "length" in a
        ? `${a.constructor.name} of length ${String(a.length)}`
        : String(a);
      throw new TypeError(`Invalid out.${key} = ${got}: ${expected}`);
    }
    const same = a.buffer === x.buffer && a.byteOffset === x.byteOffset;
    if (!same && overlaps(a, x)) {
      throw new TypeError(
        `Invalid out.${key}: it overlaps x in part (shares its buffer at another offset); ` +
          `expected x itself or a separate array`,
      );
    }
  }
  if (x.length > 0 && overlaps(out.y, out.dy)) {
    throw new TypeError(
      "Invalid out: out.y and out.dy share memory; expected two separate Float32Arrays",
    );
  }
}

function overlaps(a: Float32Array, b: Float32Array): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength &&
    b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * The straight-line program {@linkcode activation} (or {@linkcode activation2d}) runs for
 * an activation, as JavaScript: tfjs's forward kernels, then the gradient kernels tfjs's
 * autodiff chose, one scalar operation per line (`activation()` runs the same program
 * as WebAssembly SIMD).
 *
 * @param activation a registry name, e.g. "elu", or an {@linkcode Activation} resolved
 *   once ({@linkcode resolveActivation})
 * @param options the activation's parameters, e.g. `{ alpha: 0.5 }` (with a handle:
 *   values that override its own)
 * @returns the JavaScript source of the loop
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {RangeError} If an option is not a parameter of the activation or is outside
 *   its domain.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activationProgram } from "./autodiff.ts";
 * const relu = activationProgram("relu");
 * assert.match(relu, /> 0 \? 1 : 0/); // tfjs's ReLU gradient: step(x)
 * ```
 */
export function activationProgram(
  activation: string | Activation,
  options?: Readonly<Record<string, number>>,
): string {
  const a = activation instanceof Activation && options === undefined
    ? activation
    : resolveActivation(activation, options);
  return fusedProgram(a.spec).source;
}

/**
 * Values and full Jacobian of a two-input activation (softmax, maxout) over the
 * meshgrid of `axis` with itself, as the original does (x1 along columns, x2 along rows),
 * by autodiff: one `tf.grad` per output, fused with the forward pass into one compiled
 * loop ({@linkcode tfjsActivation2d} runs the kernels one by one on the backend).
 *
 * @param activation "softmax", "maxout" (or another two-input activation), or its
 *   {@linkcode Activation}
 * @param axis ascending sample positions used for both x1 and x2, or `{ x1, x2 }`
 * @param options the activation's parameters (none for softmax and maxout)
 * @returns `{ outputs, jacobian }` where `outputs[i]` is the grid of out_i and
 *   `jacobian[i][j]` the grid of d out_i / d x_j (softmax: 2 outputs, maxout: 1)
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If the activation takes one input, or an axis is not a non-empty
 *   array-like of numbers.
 * @throws {RangeError} If an axis is not finite and strictly ascending, or an option is invalid.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activation2d } from "./autodiff.ts";
 * const { outputs, jacobian } = activation2d("softmax", [0, 10]);
 * // at x1 = 10, x2 = 0: s1 = 1/(1 + e^-10), d s1/d x1 = s1 (1 - s1) = s1 s2
 * const s2 = 1 / (1 + Math.exp(10));
 * assert.ok(Math.abs(outputs[1].values[1] / s2 - 1) < 1e-6);
 * assert.ok(Math.abs(jacobian[0][0].values[1] / (s2 * (1 - s2)) - 1) < 1e-6);
 * const max = activation2d("maxout", [0, 1]);
 * assert.ok(max.jacobian[0][1].values.join() === "0,0,1,0");
 * ```
 */
export function activation2d(
  activation: string | Activation,
  axis: ArrayLike<number> | { x1: ArrayLike<number>; x2: ArrayLike<number> },
  options?: Readonly<Record<string, number>>,
): Activation2dValues {
  const a = toActivation(activation, options, 2);
  const { x1, x2 } = gridAxes(axis);
  if (a.program === undefined) return tfjsActivation2d(a, { x1, x2 });
  const mesh = meshgrid(x1, x2);
  const n = mesh.x1.length;
  const k = a.spec.outputs;
  const arrays = Array.from({ length: 3 * k }, () => new Float32Array(n));
  a.program.run([mesh.x1, mesh.x2], arrays, n, uniformsOf(a));
  const grid = (values: Float32Array): Grid => ({ x1, x2, values });
  return {
    outputs: arrays.slice(0, k).map(grid),
    jacobian: Array.from({ length: k }, (_, i) => [
      grid(arrays[k + 2 * i]),
      grid(arrays[k + 2 * i + 1]),
    ]),
  };
}
