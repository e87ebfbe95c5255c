/**
 * The parts the registry's declarations share: the plot windows (the original's, and the
 * ReLU-like, bell-shaped, grid and pair ones), the parameter domains, `param()` and the
 * original's Alpha slider, and `none`, the kinks of a smooth activation.
 *
 * @internal
 * @module
 */
import type { ActivationParam, ParamDomain, ViewHints } from "../activation_spec.ts";

/**
 * @internal The original's windows: default x [-5, 5], y [-1.25, 1.25]; derivative dx
 * [-5, 5], dy [-0.25, 1.25].
 *
 * @param color The plot colour.
 * @param over Windows that differ from the original's.
 * @returns The view hints.
 *
 * @example
 * ```ts
 * import { view } from "./spec_parts.ts";
 * console.assert(view("#000000", { x: [-3, 3] }).dx[1] === 5);
 * ```
 */
export function view(color: string, over: Partial<ViewHints> = {}): ViewHints {
  return { color, x: [-5, 5], y: [-1.25, 1.25], dx: [-5, 5], dy: [-0.25, 1.25], ...over };
}

/** @internal The window of ReLU-like activations. */
export const RELU_WINDOW = { x: [-3, 3], y: [-2, 4] } as Partial<ViewHints>;
/** @internal The window of bell-bottomed ones (GELU, SiLU, Mish, Softplus). */
export const BELL_WINDOW = { x: [-4, 4], y: [-1, 4] } as Partial<ViewHints>;
/** @internal The original's grid of two inputs, [0, 10]². */
export const GRID_WINDOW = { x: [0, 10], y: [0, 10], dx: [0, 10], dy: [0, 10] } as Partial<
  ViewHints
>;
/** @internal The window of the other activations of two inputs, [-4, 4]². */
export const PAIR_WINDOW = { x: [-4, 4], y: [-4, 4], dx: [-4, 4], dy: [-4, 4] } as Partial<
  ViewHints
>;

// Domains: any real number, x >= 0, x > 0.
/** @internal Any real number. */
export const REAL: ParamDomain = { min: -Infinity, max: Infinity };
/** @internal x >= 0. */
export const NON_NEGATIVE: ParamDomain = { min: 0, max: Infinity };
/** @internal x > 0. */
export const POSITIVE: ParamDomain = { min: 0, max: Infinity, minOpen: true };

/**
 * @internal A parameter: name, label, default, domain, then its slider [min, max] and
 * step.
 *
 * @param name Its name in `ParamValues`.
 * @param label Its slider's label.
 * @param value Its default.
 * @param domain What the library accepts.
 * @param slider What a figure offers: `[min, max, step]`.
 * @returns The parameter.
 *
 * @example
 * ```ts
 * import { param, POSITIVE } from "./spec_parts.ts";
 * console.assert(param("beta", "Beta", 1, POSITIVE, [0.1, 5, 0.1]).max === 5);
 * ```
 */
export function param(
  name: string,
  label: string,
  value: number,
  domain: ParamDomain,
  [min, max, step]: [number, number, number],
): ActivationParam {
  return { name, label, default: value, domain, min, max, step };
}

/**
 * @internal The original's Alpha slider, 0.01 to 1; the domain is wider.
 *
 * @param value Its default.
 * @param domain What the library accepts (default x >= 0).
 * @returns The parameter.
 *
 * @example
 * ```ts
 * import { alphaParam } from "./spec_parts.ts";
 * console.assert(alphaParam(0.3).default === 0.3 && alphaParam(0.3).min === 0.01);
 * ```
 */
export function alphaParam(value: number, domain = NON_NEGATIVE): ActivationParam {
  return param("alpha", "Alpha", value, domain, [0.01, 1, 0.01]);
}

/** @internal The kinks of an activation without any. */
export const none = (): never[] => [];
