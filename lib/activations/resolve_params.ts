/**
 * An activation's parameters resolved once: the declared defaults overridden by the
 * caller's options, each checked against its domain.
 *
 * @module
 */
import type { ActivationSpec } from "./activation_spec.ts";

/**
 * The full parameter record for an activation: defaults overridden by `options`.
 *
 * @param spec the activation
 * @param options parameter values, e.g. `{ alpha: 0.1 }`
 * @returns a new record with every parameter of `spec`
 * @throws {RangeError} If an option key is not a parameter of `spec` (the message names
 *   the valid parameters), or a value is not a finite number in [min, max] (the message
 *   names the parameter, the value and the range).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "./activations.ts";
 * import { resolveParams } from "./resolve_params.ts";
 * const p = resolveParams(getActivation("leaky_relu"), { alpha: 0.1 });
 * assert.ok(p.alpha === 0.1);
 * assert.ok(resolveParams(getActivation("elu")).alpha === 1);
 * ```
 */
export function resolveParams(
  spec: ActivationSpec,
  options: Record<string, number> = {},
): Record<string, number> {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`Options of "${spec.name}" must be an object, got ${String(options)}`);
  }
  const names = spec.params.map((p) => p.name);
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) {
      const valid = names.length === 0
        ? "it takes no parameters"
        : `expected ${names.map((n) => `"${n}"`).join(", ")}`;
      throw new RangeError(`Unknown parameter "${key}" for "${spec.name}": ${valid}`);
    }
  }
  const out: Record<string, number> = {};
  for (const p of spec.params) {
    const value = options[p.name] ?? p.default;
    if (typeof value !== "number" || !Number.isFinite(value) || value < p.min || value > p.max) {
      throw new RangeError(
        `Parameter "${p.name}" of "${spec.name}" must be a finite number in ` +
          `[${p.min}, ${p.max}], got ${String(value)}`,
      );
    }
    out[p.name] = value;
  }
  return out;
}
