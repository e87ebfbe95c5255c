/**
 * An activation's parameters resolved once: the declared defaults overridden by the
 * caller's options, each checked against its domain (not against its slider range).
 *
 * @module
 */
import type { ActivationParam, ActivationSpec } from "./activation_spec.ts";
import { describe } from "../guards.ts";

/**
 * The full parameter record for an activation: defaults overridden by `options`.
 *
 * @param spec the activation
 * @param options parameter values, e.g. `{ alpha: 0.1 }`
 * @returns a new record with every parameter of `spec`
 * @throws {TypeError} If `options` is not an object, or a value is not a number (the
 *   message names the parameter, the value with its type, and the domain).
 * @throws {RangeError} If an option key is not a parameter of `spec` (the message names
 *   the valid parameters), or a value is NaN, ±Infinity or outside the parameter's domain
 *   (the message names the parameter, the value and the domain).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "./activations.ts";
 * import { resolveParams } from "./resolve_params.ts";
 * const p = resolveParams(getActivation("leaky_relu"), { alpha: 0.1 });
 * assert.ok(p.alpha === 0.1);
 * assert.ok(resolveParams(getActivation("elu"), { alpha: 2 }).alpha === 2); // beyond the slider
 * const elu = getActivation("elu");
 * assert.throws(() => resolveParams(elu, { alpha: -1 }), /\[0, ∞\), got the number -1/);
 * ```
 */
export function resolveParams(
  spec: ActivationSpec,
  options: Record<string, number> = {},
): Record<string, number> {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(
      `Options of "${spec.name}" must be an object of parameter values, got ${describe(options)}`,
    );
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
    const given: unknown = options[p.name];
    const value = given === undefined ? p.default : given;
    if (typeof value !== "number") {
      throw new TypeError(`${must(spec, p)}, got ${describe(value)}`);
    }
    out[p.name] = value;
  }
  // domains may refer to other parameters: check once all values are known
  for (const p of spec.params) {
    const value = out[p.name];
    if (!Number.isFinite(value) || !inDomain(value, p, out)) {
      throw new RangeError(`${must(spec, p, out)}, got ${describe(value)}`);
    }
  }
  return out;
}

function must(spec: ActivationSpec, p: ActivationParam, values?: Record<string, number>): string {
  return `Parameter "${p.name}" of "${spec.name}" must be a finite number in ` +
    formatDomain(p, values);
}

function bound(end: number | string, values: Record<string, number>): number {
  return typeof end === "number" ? end : values[end];
}

function inDomain(v: number, p: ActivationParam, values: Record<string, number>): boolean {
  const { minOpen = false, maxOpen = false } = p.domain;
  const lo = bound(p.domain.min, values), hi = bound(p.domain.max, values);
  return (minOpen ? v > lo : v >= lo) && (maxOpen ? v < hi : v <= hi);
}

/**
 * A parameter's domain in interval notation: `[0, ∞)`, `(0, ∞)`, `(−∞, ∞)`; an end
 * that is another parameter is named, with its value when `values` are given
 * (`(min_val = -1, ∞)`).
 *
 * @param p the parameter
 * @param values the activation's parameter values, to show the ends that refer to them
 * @returns the interval, e.g. `"[0, ∞)"`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "./activations.ts";
 * import { formatDomain } from "./resolve_params.ts";
 * assert.equal(formatDomain(getActivation("elu").params[0]), "[0, ∞)");
 * const [, max] = getActivation("hard_tanh").params;
 * assert.equal(formatDomain(max, { min_val: -1, max_val: 1 }), "(min_val = -1, ∞)");
 * ```
 */
export function formatDomain(
  p: ActivationParam,
  values?: Readonly<Record<string, number>>,
): string {
  const end = (e: number | string) =>
    typeof e === "string"
      ? (values?.[e] === undefined ? e : `${e} = ${values[e]}`)
      : e === Infinity
      ? "∞"
      : e === -Infinity
      ? "−∞"
      : String(e);
  const { min, max, minOpen = false, maxOpen = false } = p.domain;
  const open = minOpen || min === -Infinity, close = maxOpen || max === Infinity;
  return `${open ? "(" : "["}${end(min)}, ${end(max)}${close ? ")" : "]"}`;
}
