/**
 * Kernels with the gradients tfjs 4.22 lacks, so that the registry's functions can be
 * differentiated twice: a building block of `numerics.ts`, which re-exports it.
 *
 * Second derivatives are tfjs autodiff of the gradient, and tfjs 4.22 cannot differentiate
 * a gradient that reads a kernel's saved output (Exp, Sigmoid, Tanh: the saved copy is
 * recorded before the kernel, so the second pass treats it as a constant). So `exp`,
 * `sigmoid` and `softplus` here are tfjs's kernels with gradients written from their input
 * (`tf.customGrad`, themselves differentiable again), and the comparison kernels, whose
 * gradient is 0, get that gradient registered (tfjs registers it for GreaterEqual only).
 *
 * @module
 */
import { tf } from "../tf.ts";

// ---- zero gradients of the comparisons ----

// Comparisons are piecewise constant: their gradient is 0. tfjs 4.22 registers it for
// GreaterEqual only, and the gradients of Minimum, Relu6, Select... go through the others,
// so a second derivative would stop there with "gradient function not found".
for (const kernelName of ["Greater", "Less", "LessEqual", "Equal", "NotEqual", "LogicalAnd"]) {
  if (tf.getGradient(kernelName) === undefined) {
    tf.registerGradient({
      kernelName,
      inputsToSave: ["a", "b"],
      gradFunc: (_dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => ({
        a: () => tf.cast(tf.zerosLike(saved[0]), "float32"),
        b: () => tf.cast(tf.zerosLike(saved[1]), "float32"),
      }),
    });
  }
}
if (tf.getGradient("LogicalNot") === undefined) {
  tf.registerGradient({
    kernelName: "LogicalNot",
    inputsToSave: ["x"],
    gradFunc: (_dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => ({
      x: () => tf.cast(tf.zerosLike(saved[0]), "float32"),
    }),
  });
}

/**
 * tf.customGrad with its types spelled once: f(x) = value, f'(x) dy = grad(x, dy). x is
 * handed to the gradient through `save` (kept, and recorded on the tape), not through the
 * closure: an input made inside another gradient is disposed before a second pass.
 *
 * @internal
 * @param value f(x).
 * @param grad f'(x)·dy, from x.
 * @returns f, differentiable through `grad` (and `grad` itself differentiable again).
 *
 * @example
 * ```ts
 * import { tf } from "../tf.ts";
 * import { unaryWithGradient } from "./custom_gradients.ts";
 * const cube = unaryWithGradient((x) => tf.pow(x, 3), (x, dy) => tf.mul(dy, tf.mul(tf.square(x), 3)));
 * console.assert(tf.grad(cube)(tf.tensor1d([2])).dataSync()[0] === 12);
 * ```
 */
export function unaryWithGradient(
  value: (x: tf.Tensor) => tf.Tensor,
  grad: (x: tf.Tensor, dy: tf.Tensor) => tf.Tensor,
): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad(
    ((x: tf.Tensor, save: tf.GradSaveFunc) => {
      save([x]);
      return {
        value: value(x),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => grad(saved[0], dy),
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0],
  ) as (x: tf.Tensor) => tf.Tensor;
}

/**
 * e^x: tfjs's Exp kernel, with the gradient e^x computed from x again (so that it can be
 * differentiated once more).
 *
 * @param x The input.
 * @returns e^x.
 */
export const exp: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.exp(x),
  (x, dy) => tf.mul(dy, exp(x)),
);

/**
 * The logistic sigmoid σ(x): tfjs's Sigmoid kernel, with the gradient σ(x)·σ(−x), which
 * keeps its relative accuracy in both tails (tfjs's own y·(1 − y) rounds to 0 once σ(x)
 * rounds to 1, x > 17) and can be differentiated again.
 *
 * @param x The input.
 * @returns σ(x).
 */
export const sigmoid: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.sigmoid(x),
  (x, dy) => tf.mul(dy, tf.mul(sigmoid(x), sigmoid(tf.neg(x)))),
);

/**
 * softplus(x) = log(1 + e^x): tfjs's Softplus kernel (stable in value), gradient σ(x)
 * by {@linkcode sigmoid}.
 *
 * @param x The input.
 * @returns softplus(x).
 */
export const softplus: (x: tf.Tensor) => tf.Tensor = unaryWithGradient(
  (x) => tf.softplus(x),
  (x, dy) => tf.mul(dy, sigmoid(x)),
);
