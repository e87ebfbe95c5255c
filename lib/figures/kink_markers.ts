/**
 * Kinks of an activation's derivative as markers for figures: the one-sided limits of f'
 * and the value the library uses at the kink (its subgradient convention).
 *
 * @module
 */
import { getActivation } from "../activations/activations.ts";
import { activation } from "../activations/autodiff.ts";
import type { Kink } from "./curves_figure.ts";
import { argument, checkObject } from "../guards.ts";

/**
 * The kinks of a registered activation's derivative for the given parameters, as
 * {@linkcode Kink} markers: the one-sided limits (the library's f' just left and right
 * of the kink) and the value the library uses at the kink.
 *
 * @param name Activation name.
 * @param params Parameter values (defaults for missing ones).
 * @returns One marker per kink listed by the registry.
 * @throws {Error} If the name is unknown, or the parameters are invalid.
 * @throws {TypeError} If `name` is not a string or `params` not an object.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kinkMarkers } from "./kink_markers.ts";
 * const [k] = kinkMarkers("leaky_relu", { alpha: 0.5 });
 * assert.equal(k.x, 0);
 * assert.ok(k.left === 0.5 && k.right === 1 && k.at === 0.5);
 * ```
 */
export function kinkMarkers(name: string, params: Record<string, number> = {}): Kink[] {
  checkObject(params, argument("kinkMarkers", "params"));
  const spec = getActivation(name);
  const p = { ...Object.fromEntries(spec.params.map((q) => [q.name, q.default])), ...params };
  return spec.kinks(p).map((k) => {
    const { dy } = activation(name, kinkProbe(k), params);
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
