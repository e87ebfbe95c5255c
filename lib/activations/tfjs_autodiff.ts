/**
 * The same autodiff as `autodiff.ts`, kernel by kernel: the activation's tfjs function
 * and `tf.valueAndGrad` / `tf.grad` on the tfjs backend in use (wasm or cpu, float32),
 * without the fused kernel. Slower on large inputs; same accuracy tests.
 *
 * @module
 */
import type { Activation2dValues, ActivationValues, SecondDerivativeValues } from "./autodiff.ts";
import { type Activation, toActivation } from "./resolve_activation.ts";
import { float32Input, gridAxes } from "./inputs.ts";
import { MAX_FLOAT32, SECOND_DERIVATIVE_LIMIT } from "../kernel/fused_kernel.ts";
import { unstackLast } from "./numerics.ts";
import { type Grid, meshgrid } from "../grid.ts";
import { tf, TFJS_CHUNK } from "../tf.ts";

/**
 * {@linkcode activation} computed kernel by kernel on the tfjs backend in use (`wasm`
 * or `cpu`, in float32) with `tf.valueAndGrad`; same accuracy guarantee, slower on large
 * inputs.
 *
 * @param activation a registry name, e.g. "elu", or an {@linkcode Activation}
 * @param x input points (any array-like of numbers; converted to float32)
 * @param options the activation's parameters, e.g. `{ alpha: 0.5 }` (with a handle:
 *   values that override its own)
 * @returns `{ y, dy }`, each a Float32Array of the same length as `x`
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If the activation takes two inputs, or `x` is not an array-like of numbers.
 * @throws {RangeError} If an option is not a parameter of the activation or is outside
 *   its domain.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activation } from "./autodiff.ts";
 * import { tfjsActivation } from "./tfjs_autodiff.ts";
 * const fused = activation("tanh", [0.5]), tfjs = tfjsActivation("tanh", [0.5]);
 * assert.ok(Math.abs(fused.dy[0] - tfjs.dy[0]) < 1e-7);
 * ```
 */
export function tfjsActivation(
  activation: string | Activation,
  x: ArrayLike<number>,
  options?: Readonly<Record<string, number>>,
): ActivationValues {
  const { spec, params: p } = toActivation(activation, options, 1);
  const input = float32Input(x, "x");
  const [y, dy] = chunked(finite(input), 2, (t) => {
    // dy = onesLike (a kernel) rather than valueAndGrad's default tf.ones (filled in JS):
    // saves ~6 ms per 1M points on wasm
    const { value, grad } = tf.valueAndGrad((u: tf.Tensor) => spec.fn(u, p))(t, tf.onesLike(t));
    return [value, grad];
  });
  limits(input, [y, dy]);
  return { y, dy };
}

// An element-wise computation over `input` in chunks of TFJS_CHUNK elements, so the wasm
// backend's heap stays small whatever the input's length (one call over 20M points
// exhausts it and leaves it broken); the results are those of one call.
function chunked(
  input: Float32Array,
  outputs: number,
  run: (t: tf.Tensor) => tf.Tensor[],
): Float32Array[] {
  const out = Array.from({ length: outputs }, () => new Float32Array(input.length));
  for (let start = 0; start < input.length; start += TFJS_CHUNK) {
    const part = input.subarray(start, start + TFJS_CHUNK);
    const tensors = tf.tidy(() => run(tf.tensor1d(part, "float32")));
    try {
      tensors.forEach((t, i) => out[i].set(t.dataSync() as Float32Array, start));
    } finally {
      for (const t of tensors) t.dispose();
    }
  }
  return out;
}

/**
 * {@linkcode secondDerivative} computed kernel by kernel on the tfjs backend in use
 * (`wasm` or `cpu`, in float32): `tf.grad` of `tf.grad` of the activation's function.
 *
 * @param activation a registry name, e.g. "gelu", or an {@linkcode Activation}
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
 * import { tfjsSecondDerivative } from "./tfjs_autodiff.ts";
 * const fused = secondDerivative("gelu", [0.5]), tfjs = tfjsSecondDerivative("gelu", [0.5]);
 * assert.ok(Math.abs(fused.d2y[0] - tfjs.d2y[0]) < 1e-6);
 * ```
 */
export function tfjsSecondDerivative(
  activation: string | Activation,
  x: ArrayLike<number>,
  options?: Readonly<Record<string, number>>,
): SecondDerivativeValues {
  const { spec, params: p } = toActivation(activation, options, 1);
  const input = float32Input(x, "x");
  const arrays = chunked(finite(input), 3, (t) => {
    const f = (u: tf.Tensor) => spec.fn(u, p);
    const { value, grad } = tf.valueAndGrad(f)(t, tf.onesLike(t));
    // + 0·u: a gradient that does not depend on x (the identity's) still has one
    const slope = (u: tf.Tensor) => tf.add(tf.grad(f)(u, tf.onesLike(u)), tf.mul(u, 0));
    const near = tf.clipByValue(t, -SECOND_DERIVATIVE_LIMIT, SECOND_DERIVATIVE_LIMIT);
    return [value, grad, tf.grad(slope)(near, tf.onesLike(near))];
  });
  const [y, dy, d2y] = limits(input, arrays);
  return { y, dy, d2y };
}

// ±∞ evaluated at ±MAX_FLOAT32 (see autodiff.ts): a copy of the input when it has any.
function finite(input: Float32Array): Float32Array {
  if (!infinite(input)) return input;
  return input.map((v) => (v === Infinity ? MAX_FLOAT32 : v === -Infinity ? -MAX_FLOAT32 : v));
}

// includes() is a native scan: much faster than a callback per element
function infinite(input: Float32Array): boolean {
  return input.includes(Infinity) || input.includes(-Infinity);
}

// f(±∞) = ±∞·sign(f') where f'(±MAX) != 0; NaN in, NaN out: masks (ReLU, where) would
// otherwise give f'(NaN) = 0 or 1.
function limits(input: Float32Array, [y, dy, ...rest]: Float32Array[]): Float32Array[] {
  if (!input.includes(NaN) && !infinite(input)) return [y, dy, ...rest];
  for (let i = 0; i < input.length; i++) {
    const v = input[i];
    if (v !== v) {
      y[i] = dy[i] = NaN;
      for (const r of rest) r[i] = NaN;
    } else if ((v === Infinity || v === -Infinity) && dy[i] !== 0) {
      y[i] = v * Math.sign(dy[i]);
    }
  }
  return [y, dy, ...rest];
}

/**
 * {@linkcode activation2d} computed kernel by kernel on the tfjs backend in use (`wasm`
 * or `cpu`, in float32): one `tf.grad` per output over the [n, 2] tensor of grid points.
 *
 * @param activation "softmax", "maxout" (or another two-input activation), or its
 *   {@linkcode Activation}
 * @param axis ascending sample positions used for both x1 and x2, or `{ x1, x2 }`
 * @param options the activation's parameters (none for softmax and maxout)
 * @returns `{ outputs, jacobian }` as {@linkcode activation2d}
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If the activation takes one input, or an axis is not a non-empty
 *   array-like of numbers.
 * @throws {RangeError} If an axis is not finite and strictly ascending, or an option is invalid.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tfjsActivation2d } from "./tfjs_autodiff.ts";
 * const max = tfjsActivation2d("maxout", [0, 1]);
 * assert.ok(max.jacobian[0][1].values.join() === "0,0,1,0");
 * ```
 */
export function tfjsActivation2d(
  activation: string | Activation,
  axis: ArrayLike<number> | { x1: ArrayLike<number>; x2: ArrayLike<number> },
  options?: Readonly<Record<string, number>>,
): Activation2dValues {
  const { spec, params: p } = toActivation(activation, options, 2);
  const { x1, x2 } = gridAxes(axis);
  const mesh = meshgrid(x1, x2);
  const n = mesh.x1.length;
  const pairs = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    pairs[2 * k] = mesh.x1[k];
    pairs[2 * k + 1] = mesh.x2[k];
  }
  const grid = (values: Float32Array): Grid => ({ x1, x2, values });
  const k = spec.outputs;
  const outputs: Grid[] = [];
  const jacobian: Grid[][] = [];
  // in chunks of whole points (TFJS_CHUNK values per tensor), as tfjsActivation() does
  const v = new Float32Array(n * k), gs = Array.from({ length: k }, () => new Float32Array(2 * n));
  for (let start = 0, per = TFJS_CHUNK / 2; start < n; start += per) {
    const m = Math.min(per, n - start);
    const [value, ...grads] = tf.tidy(() => {
      const input = tf.tensor2d(pairs.subarray(2 * start, 2 * (start + m)), [m, 2], "float32");
      const value = spec.fn(input, p);
      const grads = Array.from(
        { length: k },
        // unstack, not gather: gather's gradient needs UnsortedSegmentSum, missing on wasm
        (_, i) =>
          tf.grad((t: tf.Tensor) => {
            const out = spec.fn(t, p);
            return tf.sum(k === 1 ? out : unstackLast(out)[i]);
          })(input),
      );
      return [value, ...grads];
    });
    try {
      v.set(value.dataSync() as Float32Array, start * k);
      grads.forEach((g, i) => gs[i].set(g.dataSync() as Float32Array, 2 * start));
    } finally {
      value.dispose();
      for (const g of grads) g.dispose();
    }
  }
  for (let i = 0; i < k; i++) {
    outputs.push(grid(column(v, k, i)));
    jacobian.push([grid(column(gs[i], 2, 0)), grid(column(gs[i], 2, 1))]);
  }
  return { outputs, jacobian };
}

function column(data: Float32Array, width: number, c: number): Float32Array {
  const out = new Float32Array(data.length / width);
  for (let r = 0; r < out.length; r++) out[r] = data[r * width + c];
  return out;
}
