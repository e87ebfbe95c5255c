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
    // a few float32 steps away: the one-sided limit up to f'' * 1e-6
    const h = k === 0 ? 1e-30 : Math.abs(k) * 2 ** -21;
    const { dy } = activation(name, [k - h, k, k + h], params);
    return { x: k, left: dy[0], at: dy[1], right: dy[2] };
  });
}
