/**
 * The activation of a network's hidden layers, looked up in the activation registry
 * (lib/activations.ts) by name, with its parameters resolved once.
 *
 * @module
 */
import type { tf } from "./tf.ts";
import { ACTIVATIONS, getActivation, resolveParams } from "./activations.ts";

/** A one-input activation ready to apply, with its resolved parameters. */
export interface HiddenActivation {
  /** Every parameter of the activation (defaults filled in). */
  readonly params: Readonly<Record<string, number>>;
  /** The registry's tensor function with those parameters bound. */
  readonly fn: (x: tf.Tensor) => tf.Tensor;
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
 * @returns The resolved parameters and the tensor function.
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {RangeError} If a parameter is unknown or out of range.
 * @throws {TypeError} If the activation takes two inputs (softmax, maxout).
 *
 * @example ELU with alpha 0.5 (tfjs-layers' own ELU layer would refuse alpha != 1)
 * ```ts
 * import { hiddenActivation } from "./hidden_activation.ts";
 * const elu = hiddenActivation("elu", { alpha: 0.5 });
 * console.assert(elu.params.alpha === 0.5);
 * ```
 */
export function hiddenActivation(
  name: string,
  params: Readonly<Record<string, number>> = {},
): HiddenActivation {
  const spec = getActivation(name);
  if (spec.inputs !== 1) {
    throw new TypeError(
      `Activation "${name}" takes ${spec.inputs} inputs; hidden layers need one of ${
        hiddenActivationNames().map((n) => `"${n}"`).join(", ")
      }`,
    );
  }
  const resolved = Object.freeze(resolveParams(spec, { ...params }));
  return { params: resolved, fn: (x) => spec.fn(x, resolved) };
}
