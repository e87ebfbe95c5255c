/**
 * The activation of a network's hidden layers, resolved once (`resolveActivation()`: a
 * registry entry or a declaration of one's own, its parameters checked, its fused program
 * compiled) and then applied at every batch without a look-up or a check. Values
 * come from the registry's tensor function, derivatives from the same function by autodiff
 * (lib/activations/autodiff.ts): no formula is re-implemented here. Activations that
 * behave differently while training (the registry's `training`: PReLU learns α, RReLU
 * draws a slope per element) get their values, slopes and parameter gradients from the
 * same function by autodiff, in `training()`.
 *
 * @module
 */
import { tf, TFJS_CHUNK } from "../tf.ts";
import { argument } from "../guards.ts";
import { ACTIVATIONS } from "../activations/activations.ts";
import * as autodiff from "../activations/autodiff.ts";
import {
  type Activation,
  checkActivation,
  toActivation,
} from "../activations/resolve_activation.ts";
import { tfjsActivation } from "../activations/tfjs_autodiff.ts";
import type { ActivationSpec } from "../activations/activation_spec.ts";

/** A one-input activation applied element-wise to plain arrays. */
export interface HiddenActivation {
  /** The activation's name (its registry name, or that of a declaration of one's own). */
  readonly name: string;
  /** The activation, resolved once (with {@linkcode HiddenActivation.params}). */
  readonly activation: Activation;
  /** Every parameter of the activation (defaults filled in). */
  readonly params: Readonly<Record<string, number>>;
  /** The parameters a network learns, one value per hidden layer (PReLU: `["alpha"]`). */
  readonly learnable: readonly string[];
  /**
   * f(x) element-wise (in chunks of `TFJS_CHUNK` elements on the tfjs backend), with
   * `params` (a layer's learned values) instead of {@linkcode HiddenActivation.params}.
   */
  values(x: Float32Array, params?: Readonly<Record<string, number>>): Float32Array;
  /** f(x) and f'(x) element-wise (autodiff of the registry function). */
  valuesAndSlopes(x: Float32Array): { y: Float32Array; dy: Float32Array };
  /**
   * A training step's f(x), f'(x) and ∂f/∂p for each learnable parameter p, element-wise,
   * at `params`. RReLU draws its slopes from `uniform` (U[0, 1) samples, e.g. a seeded
   * stream); without it, evaluation mode. Other activations: `valuesAndSlopes()`.
   */
  training(
    x: Float32Array,
    params: Readonly<Record<string, number>>,
    uniform?: () => number,
  ): TrainingValues;
}

/** What {@linkcode HiddenActivation.training} returns. */
export interface TrainingValues {
  /** f(x[i]) */
  readonly y: Float32Array;
  /** f'(x[i]) */
  readonly dy: Float32Array;
  /** ∂f/∂p at x[i] for each learnable parameter p */
  readonly dp: Readonly<Record<string, Float32Array>>;
}

/**
 * The registry names usable in hidden layers: every one-input activation.
 *
 * @returns Names in registry order.
 *
 * @example
 * ```ts
 * import { hiddenActivationNames } from "./hidden_activation.ts";
 * console.assert(hiddenActivationNames().includes("elu"));
 * console.assert(!hiddenActivationNames().includes("softmax"));
 * ```
 */
export function hiddenActivationNames(): string[] {
  return ACTIVATIONS.filter((a) => a.inputs === 1).map((a) => a.name);
}

/**
 * A one-input activation for hidden layers, resolved once.
 *
 * @param activation A registry name, e.g. `"elu"`, or an {@linkcode Activation}
 *   (`resolveActivation()`).
 * @param params Parameter values; missing ones take the registry defaults (with a handle:
 *   values that override its own).
 * @returns The activation, ready to apply to `Float32Array`s.
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If `activation` is neither a name nor a handle.
 * @throws {RangeError} If a parameter is unknown or out of range.
 * @throws {TypeError} If the activation takes two inputs (softmax, maxout).
 *
 * @example ELU with alpha 0.5 (tfjs-layers' own ELU layer would refuse alpha != 1)
 * ```ts
 * import { resolveActivation } from "../activations/resolve_activation.ts";
 * import { hiddenActivation } from "./hidden_activation.ts";
 * const elu = hiddenActivation("elu", { alpha: 0.5 });
 * const { y, dy } = elu.valuesAndSlopes(new Float32Array([-1, 2]));
 * console.assert(Math.abs(y[0] - 0.5 * Math.expm1(-1)) < 1e-7 && y[1] === 2 && dy[1] === 1);
 * const shared = resolveActivation("elu", { alpha: 0.5 }); // or hand down a resolved one
 * console.assert(hiddenActivation(shared).activation === shared);
 * const prelu = hiddenActivation("prelu");
 * const { dp } = prelu.training(new Float32Array([-2, 3]), { alpha: 0.25 });
 * console.assert(dp.alpha[0] === -2 && dp.alpha[1] === 0); // ∂f/∂α = min(x, 0)
 * ```
 */
export function hiddenActivation(
  activation: string | Activation,
  params: Readonly<Record<string, number>> = {},
): HiddenActivation {
  checkActivation(activation, argument("hiddenActivation", "activation"));
  const a = toActivation(activation, params);
  const { spec, name, params: resolved } = a;
  if (spec.inputs !== 1) {
    throw new TypeError(
      `Activation "${name}" takes ${spec.inputs} inputs; hidden layers need one of ${
        hiddenActivationNames().map((n) => `"${n}"`).join(", ")
      }`,
    );
  }
  const learnable = spec.training?.learnable ?? [];
  const randomized = spec.training?.randomized;
  const values = (x: Float32Array, p: Readonly<Record<string, number>> = resolved) => {
    const out = new Float32Array(x.length);
    for (let start = 0; start < x.length; start += TFJS_CHUNK) {
      const part = x.subarray(start, start + TFJS_CHUNK);
      const y = tf.tidy(() => spec.fn(tf.tensor1d(part, "float32"), p));
      try {
        out.set(y.dataSync() as Float32Array, start);
      } finally {
        y.dispose();
      }
    }
    return out;
  };
  return {
    name,
    activation: a,
    params: resolved,
    learnable,
    values,
    valuesAndSlopes(x) {
      return autodiff.activation(a, x);
    },
    training(x, params, uniform) {
      if (learnable.length === 0 && (randomized === undefined || uniform === undefined)) {
        const same = spec.params.every((q) => params[q.name] === resolved[q.name]);
        const { y, dy } = same ? autodiff.activation(a, x) : tfjsActivation(a, x, params);
        return { y, dy, dp: {} };
      }
      return trainingValues(spec, x, params, learnable, uniform);
    },
  };
}

// f, f' and ∂f/∂p by tfjs autodiff, in chunks: each learnable parameter enters the
// function as a tensor of x's shape (so its gradient is element-wise), RReLU's `u` as one
// uniform sample per element.
function trainingValues(
  spec: ActivationSpec,
  x: Float32Array,
  params: Readonly<Record<string, number>>,
  learnable: readonly string[],
  uniform: (() => number) | undefined,
): TrainingValues {
  const y = new Float32Array(x.length), dy = new Float32Array(x.length);
  const dp = Object.fromEntries(learnable.map((q) => [q, new Float32Array(x.length)]));
  const randomized = uniform === undefined ? undefined : spec.training?.randomized;
  for (let start = 0; start < x.length; start += TFJS_CHUNK) {
    const part = x.subarray(start, start + TFJS_CHUNK);
    const u = randomized ? Float32Array.from(part, () => uniform!()) : undefined;
    const tensors = tf.tidy(() => {
      const t = tf.tensor1d(part, "float32");
      const noise = u && tf.tensor1d(u, "float32");
      const f = (v: tf.Tensor, ...ps: tf.Tensor[]) => {
        // the learnable parameters as tensors: the registry's fn uses them through tfjs ops
        const p = { ...params };
        learnable.forEach((q, i) => (p[q] = ps[i] as unknown as number));
        return randomized && noise ? randomized(v, p, noise) : spec.fn(v, p);
      };
      const ps = learnable.map((q) => tf.fill(t.shape, params[q]));
      const { value, grads } = tf.valueAndGrads(f)([t, ...ps], tf.onesLike(t));
      return [value, ...grads];
    });
    try {
      const [value, slope, ...rest] = tensors.map((v) => v.dataSync() as Float32Array);
      y.set(value, start);
      dy.set(slope, start);
      learnable.forEach((q, i) => dp[q].set(rest[i], start));
    } finally {
      for (const v of tensors) v.dispose();
    }
  }
  return { y, dy, dp };
}
