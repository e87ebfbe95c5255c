/**
 * Kinks of an activation's derivative as markers for figures: the one-sided limits of f'
 * and the value the library uses at the kink (its subgradient convention).
 *
 * @module
 */
import * as autodiff from "../activations/autodiff.ts";
import {
  type Activation,
  checkActivation,
  toActivation,
} from "../activations/resolve_activation.ts";
import type { Kink } from "./curves_figure.ts";
import { argument, checkObject } from "../guards.ts";

/**
 * The kinks of an activation's derivative for the given parameters, as
 * {@linkcode Kink} markers: the one-sided limits (the library's f' just left and right
 * of the kink) and the value the library uses at the kink.
 *
 * @param activation A registry name, e.g. "leaky_relu", or an {@linkcode Activation}.
 * @param params Parameter values (defaults for missing ones; with a handle, values that
 *   override its own).
 * @returns One marker per kink listed by the declaration.
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If `activation` is neither a name nor a handle, or `params` not an
 *   object.
 * @throws {RangeError} If a parameter is unknown or outside its domain.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveActivation } from "../activations/resolve_activation.ts";
 * import { kinkMarkers } from "./kink_markers.ts";
 * const [k] = kinkMarkers("leaky_relu", { alpha: 0.5 });
 * assert.equal(k.x, 0);
 * assert.ok(k.left === 0.5 && k.right === 1 && k.at === 0.5);
 * const [low, high] = kinkMarkers(resolveActivation("hard_tanh", { max_val: 2 }));
 * assert.ok(low.x === -1 && high.x === 2 && high.at === 1 && high.right === 0);
 * ```
 */
export function kinkMarkers(
  activation: string | Activation,
  params: Readonly<Record<string, number>> = {},
): Kink[] {
  checkActivation(activation, argument("kinkMarkers", "activation"));
  checkObject(params, argument("kinkMarkers", "params"));
  const a = toActivation(activation, params);
  return a.spec.kinks(a.params).map((k) => {
    const { dy } = autodiff.activation(a, kinkProbe(k));
    return { x: k, left: dy[0], at: dy[1], right: dy[2] };
  });
}

/**
 * Where the one-sided limits of f' at a kink are read: a few float32 steps left of it,
 * the kink itself, a few steps right (the limits up to f'' · 1e-6). Self-contained:
 * interactive pages ship its source and mark kinks as the static figures do.
 *
 * @param k The kink's position.
 * @returns `[left, k, right]`.
 *
 * @example
 * ```ts
 * import { kinkProbe } from "./kink_markers.ts";
 * const [left, at, right] = kinkProbe(1);
 * console.assert(left < at && at === 1 && right > at && right - left < 1e-5);
 * ```
 */
export function kinkProbe(k: number): [number, number, number] {
  const h = k === 0 ? 1e-30 : Math.abs(k) * 2 ** -21;
  return [k - h, k, k + h];
}
