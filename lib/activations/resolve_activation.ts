/**
 * An activation resolved once: {@linkcode resolveActivation} looks the name up, checks the
 * parameters against their domains and compiles the fused program, and returns a frozen
 * {@linkcode Activation}. Every function that takes an activation's name also takes the
 * handle (`activation(elu, x)`, `activationFigure(elu)`, `hiddenActivation(elu)`), and
 * then skips the look-up, the checks and the compile: what a slider, a training loop or a
 * figure that calls `activation()` many times hands down.
 *
 * The fused compiler is a speed-up, not a requirement: an activation using an operation it
 * does not know (a tfjs kernel without a scalar form, such as `tf.atan`) gets no program,
 * a one-time note on the console naming the operation, and its values and derivatives
 * from TensorFlow.js kernel by kernel (`tfjs_autodiff.ts`), the same autodiff.
 *
 * @module
 */
import type { ActivationSpec } from "./activation_spec.ts";
import { getActivation } from "./activations.ts";
import { resolveParams } from "./resolve_params.ts";
import { type FusedProgram, fusedProgram } from "../kernel/fused_kernel.ts";
import { UnsupportedOperationError } from "../kernel/unsupported_operation.ts";
import { typeError } from "../guards.ts";

// set by Activation's static block: uniformsOf() reads the private uniforms through it
let readUniforms: (a: Activation) => readonly number[];

/**
 * An activation resolved once ({@linkcode resolveActivation}): its declaration, every
 * parameter checked against its domain, and its compiled program. Frozen. Pass it wherever
 * the library takes an activation's name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveActivation } from "./resolve_activation.ts";
 * const elu = resolveActivation("elu", { alpha: 0.5 });
 * assert.equal(elu.name, "elu");
 * assert.deepEqual(elu.params, { alpha: 0.5 });
 * assert.ok(Object.isFrozen(elu) && Object.isFrozen(elu.params));
 * assert.deepEqual(elu.uniforms, [0.5]); // a copy
 * ```
 */
export class Activation {
  /** The declaration: a registry entry, or one of your own declared like them. */
  readonly spec: ActivationSpec;
  /** Every parameter, the declared defaults overridden by the values given (frozen). */
  readonly params: Readonly<Record<string, number>>;
  /**
   * The fused program (f and f', or the Jacobian of a two-input function), shared by every
   * parameter value; `undefined` when the compiler does not know one of the activation's
   * operations, and values come from TensorFlow.js kernel by kernel.
   */
  readonly program: FusedProgram | undefined;
  // the parameter values in the program's uniform order (`spec.params`'s), unfrozen:
  // freezing an array costs more than the rest of the handle, and nothing outside reads it
  readonly #uniforms: number[];

  /**
   * @internal Use {@linkcode resolveActivation}, which checks the parameters.
   *
   * @param spec The declaration.
   * @param params Every parameter, checked.
   */
  constructor(spec: ActivationSpec, params: Record<string, number>) {
    this.spec = spec;
    this.params = Object.freeze(params);
    this.program = compiledProgram(spec, 1);
    this.#uniforms = spec.params.map((p) => params[p.name]);
    Object.freeze(this);
  }

  static {
    readUniforms = (a) => a.#uniforms;
  }

  /** The parameter values in the program's uniform order (the order of `spec.params`). */
  get uniforms(): readonly number[] {
    return [...this.#uniforms];
  }

  /** The activation's name, e.g. `"elu"`. */
  get name(): string {
    return this.spec.name;
  }

  /** The display label, e.g. `"ELU"`. */
  get label(): string {
    return this.spec.label;
  }

  /**
   * The label with the parameters, e.g. `ELU (alpha = 0.5)`.
   *
   * @returns The words.
   */
  toString(): string {
    const values = Object.entries(this.params).map(([k, v]) => `${k} = ${v}`);
    return values.length === 0 ? this.label : `${this.label} (${values.join(", ")})`;
  }
}

/**
 * A handle's parameter values in its program's uniform order, without a copy: what the
 * library passes to `program.run()` at every call.
 *
 * @internal
 * @param a The handle.
 * @returns Its uniforms (do not modify them).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveActivation, uniformsOf } from "./resolve_activation.ts";
 * assert.deepEqual(uniformsOf(resolveActivation("hard_tanh")), [-1, 1]);
 * ```
 */
export function uniformsOf(a: Activation): readonly number[] {
  return readUniforms(a);
}

/**
 * Resolves an activation once: the declaration (a registry name, a declaration of your
 * own, or another handle), its parameters (the defaults overridden by `params`, each checked
 * against its domain) and its compiled program (traced and compiled on first use of the
 * declaration, then shared). Pass the result wherever the library takes a name.
 *
 * @param activation A registry name, e.g. `"elu"`; an activation declared like the
 *   registry's entries (an `ActivationSpec` of your own); or an {@linkcode Activation},
 *   whose parameters `params` then override.
 * @param params Parameter values, e.g. `{ alpha: 0.5 }`; missing ones take the defaults.
 * @returns The frozen handle.
 * @throws {Error} If the name is unknown (the message lists the valid names).
 * @throws {TypeError} If `activation` is none of the three, or a parameter is not a number.
 * @throws {RangeError} If a parameter is unknown or outside its domain.
 * @example Resolve once, evaluate many times
 * ```ts
 * import assert from "node:assert/strict";
 * import { activation, resolveActivation } from "./mod.ts";
 * const leaky = resolveActivation("leaky_relu", { alpha: 0.1 });
 * for (const x of [[-2, 3], [-1]]) {
 *   const { y } = activation(leaky, x); // no look-up, no checks, no compile
 *   assert.ok(Math.abs(y[0] - 0.1 * x[0]) < 1e-7);
 * }
 * assert.equal(resolveActivation(leaky, { alpha: 0.3 }).params.alpha, 0.3);
 * assert.throws(() => resolveActivation("elu", { alpha: -1 }), RangeError);
 * ```
 */
export function resolveActivation(
  activation: string | ActivationSpec | Activation,
  params: Readonly<Record<string, number>> = {},
): Activation {
  if (activation instanceof Activation) {
    // (anything but an object of values goes to resolveParams as it is, which says why)
    const object = params !== null && typeof params === "object" && !Array.isArray(params);
    const merged = object ? { ...activation.params, ...params } : params;
    return new Activation(activation.spec, resolveParams(activation.spec, merged));
  }
  const spec = typeof activation === "string" ? getActivation(activation) : checkSpec(activation);
  if (!isEmpty(params)) return new Activation(spec, resolveParams(spec, params));
  // at its defaults, one handle per declaration: `activation("elu", x)` checks nothing twice
  let handle = defaults.get(spec);
  if (handle === undefined) defaults.set(spec, handle = new Activation(spec, resolveParams(spec)));
  return handle;
}

const defaults = new WeakMap<ActivationSpec, Activation>();

/**
 * The handle a function was given, or the one it resolves from a name and its options:
 * a handle with no options is used as it is (no look-up, no checks); options given with a
 * handle override its parameters. Checks the number of inputs.
 *
 * @internal
 * @param activation A registry name or a handle.
 * @param options The call's parameter values (undefined or empty: none).
 * @param inputs The inputs the calling function handles (1: `activation()`, 2:
 *   `activation2d()`; default: either).
 * @returns The handle.
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If `activation` is neither, or takes another number of inputs.
 * @throws {RangeError} If an option is unknown or outside its domain.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveActivation, toActivation } from "./resolve_activation.ts";
 * const elu = resolveActivation("elu");
 * assert.equal(toActivation(elu, {}, 1), elu);
 * assert.equal(toActivation(elu, { alpha: 2 }, 1).params.alpha, 2);
 * assert.throws(() => toActivation("softmax", undefined, 1), /use activation2d\(\)/);
 * ```
 */
export function toActivation(
  activation: string | Activation,
  options: Readonly<Record<string, number>> | undefined,
  inputs?: 1 | 2,
): Activation {
  const a = activation instanceof Activation && isEmpty(options)
    ? activation
    : resolveActivation(checkActivation(activation), options);
  if (inputs !== undefined && a.spec.inputs !== inputs) {
    const use = a.spec.inputs === 2 ? "activation2d()" : "activation()";
    throw new TypeError(
      `Activation "${a.name}" takes ${a.spec.inputs} input${a.spec.inputs === 1 ? "" : "s"}: ` +
        `use ${use}`,
    );
  }
  return a;
}

/**
 * The fused program of an activation and order, or `undefined` when the compiler does
 * not know one of its operations: then a note on the console, once per activation and
 * operation, names it, and the caller computes with TensorFlow.js kernel by kernel.
 *
 * @internal
 * @param spec The declaration.
 * @param order 1: f and f'; 2: f, f' and f''.
 * @returns The program, or undefined.
 * @example
 * ```ts
 * import { getActivation } from "./activations.ts";
 * import { compiledProgram } from "./resolve_activation.ts";
 * console.assert(compiledProgram(getActivation("elu"), 2)?.outputs === 3);
 * ```
 */
export function compiledProgram(spec: ActivationSpec, order: 1 | 2): FusedProgram | undefined {
  try {
    return fusedProgram(spec, order);
  } catch (error) {
    if (!(error instanceof UnsupportedOperationError)) throw error;
    const noted = notes.get(spec) ?? new Set<string>();
    if (!noted.has(error.operation)) {
      noted.add(error.operation);
      notes.set(spec, noted);
      console.warn(
        `Activation "${spec.name}" runs on TensorFlow.js kernel by kernel (the same ` +
          `autodiff, more slowly): ${error.message}`,
      );
    }
    return undefined;
  }
}

// the operations already noted, per declaration
const notes = new WeakMap<ActivationSpec, Set<string>>();

function isEmpty(options: Readonly<Record<string, number>> | undefined): boolean {
  if (options === undefined) return true;
  if (options === null || typeof options !== "object") return false; // resolveParams says why
  for (const _ in options) return false;
  return true;
}

/**
 * Checks that a value names an activation: a string (looked up later) or a handle.
 *
 * @internal
 * @param activation The value.
 * @param label What it is in messages, e.g. `activationFigure(activation)`.
 * @returns The value.
 * @throws {TypeError} If it is neither.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkActivation } from "./resolve_activation.ts";
 * assert.equal(checkActivation("elu"), "elu");
 * assert.throws(() => checkActivation(null, "f(activation)"), /^TypeError: f\(activation\): expected/);
 * ```
 */
export function checkActivation(
  activation: unknown,
  label = "Invalid activation",
): string | Activation {
  if (typeof activation === "string" || activation instanceof Activation) return activation;
  throw typeError(label, "a registry name or an Activation (see resolveActivation())", activation);
}

// A declaration of one's own, checked as far as the library relies on its shape.
function checkSpec(spec: unknown): ActivationSpec {
  const expected = "a registry name, an Activation or an activation declaration";
  if (spec === null || typeof spec !== "object") {
    throw typeError("Invalid activation", expected, spec);
  }
  const s = spec as Partial<ActivationSpec>;
  const problem = typeof s.name !== "string" || s.name === ""
    ? "a name (a non-empty string)"
    : typeof s.label !== "string"
    ? "a label (a string)"
    : typeof s.fn !== "function"
    ? "fn (a function of a tensor and the parameters)"
    : !Array.isArray(s.params)
    ? "params (an array)"
    : s.inputs !== 1 && s.inputs !== 2
    ? "inputs (1 or 2)"
    : s.outputs !== 1 && s.outputs !== 2
    ? "outputs (1 or 2)"
    : typeof s.kinks !== "function"
    ? "kinks (a function of the parameters)"
    : s.view === null || typeof s.view !== "object"
    ? "view (plot hints)"
    : undefined;
  if (problem !== undefined) {
    throw new TypeError(`Invalid activation declaration: expected ${problem}`);
  }
  return s as ActivationSpec;
}
