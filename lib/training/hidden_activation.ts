/**
 * The activation of a network's hidden layers, looked up in the activation registry
 * (lib/activations/activations.ts) by name, with its parameters resolved once. Values
 * come from the registry's tensor function, derivatives from the same function by autodiff
 * (lib/activations/autodiff.ts): no formula is re-implemented here.
 *
 * @module
 */
import { tf, TFJS_CHUNK } from "../tf.ts";
import { argument, checkString } from "../guards.ts";
import { ACTIVATIONS, getActivation } from "../activations/activations.ts";
import { resolveParams } from "../activations/resolve_params.ts";
import { activation } from "../activations/autodiff.ts";

/** A one-input activation applied element-wise to plain arrays. */
export interface HiddenActivation {
  /** Registry name. */
  readonly name: string;
  /** Every parameter of the activation (defaults filled in). */
  readonly params: Readonly<Record<string, number>>;
  /** f(x) element-wise (in chunks of `TFJS_CHUNK` elements on the tfjs backend). */
  values(x: Float32Array): Float32Array;
  /** f(x) and f'(x) element-wise (autodiff of the registry function). */
  valuesAndSlopes(x: Float32Array): { y: Float32Array; dy: Float32Array };
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
 * Looks up a one-input activation for hidden layers in the registry.
 *
 * @param name Registry name, e.g. `"elu"`.
 * @param params Parameter values; missing ones take the registry defaults.
 * @returns The activation, ready to apply to `Float32Array`s.
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If `name` is not a string.
 * @throws {RangeError} If a parameter is unknown or out of range.
 * @throws {TypeError} If the activation takes two inputs (softmax, maxout).
 *
 * @example ELU with alpha 0.5 (tfjs-layers' own ELU layer would refuse alpha != 1)
 * ```ts
 * import { hiddenActivation } from "./hidden_activation.ts";
 * const elu = hiddenActivation("elu", { alpha: 0.5 });
 * const { y, dy } = elu.valuesAndSlopes(new Float32Array([-1, 2]));
 * console.assert(Math.abs(y[0] - 0.5 * Math.expm1(-1)) < 1e-7 && y[1] === 2 && dy[1] === 1);
 * ```
 */
export function hiddenActivation(
  name: string,
  params: Readonly<Record<string, number>> = {},
): HiddenActivation {
  checkString(name, argument("hiddenActivation", "name"));
  const spec = getActivation(name);
  if (spec.inputs !== 1) {
    throw new TypeError(
      `Activation "${name}" takes ${spec.inputs} inputs; hidden layers need one of ${
        hiddenActivationNames().map((n) => `"${n}"`).join(", ")
      }`,
    );
  }
  const resolved = Object.freeze(resolveParams(spec, { ...params }));
  return {
    name,
    params: resolved,
    values(x) {
      const out = new Float32Array(x.length);
      for (let start = 0; start < x.length; start += TFJS_CHUNK) {
        const part = x.subarray(start, start + TFJS_CHUNK);
        const y = tf.tidy(() => spec.fn(tf.tensor1d(part, "float32"), resolved));
        try {
          out.set(y.dataSync() as Float32Array, start);
        } finally {
          y.dispose();
        }
      }
      return out;
    },
    valuesAndSlopes(x) {
      return activation(name, x, resolved);
    },
  };
}
