/**
 * The library's argument checks, in one place so that every message reads the same:
 * a `TypeError` when a value has the wrong type or shape (`createNetwork(spec): expected
 * an object, got undefined`), a `RangeError` when a number is outside its domain
 * (`Invalid option resolution: 1700 is above the maximum 1000 (expected an integer from 1
 * to 1000)`). Size-like options are checked with these before anything is allocated;
 * their limits are documented on each option.
 *
 * A check names what it checks with a label: {@linkcode option}`("resolution")` for an
 * option, {@linkcode argument}`("createNetwork", "spec")` for an argument or a part of one.
 *
 * @module
 */

/** Largest finite float32, 3.4028234663852886e38: what float32 work can hold. */
export const FLOAT32_MAX: number = 3.4028234663852886e38;

/**
 * The label of an option in messages: `Invalid option <name>`.
 *
 * @param name The option, e.g. `"resolution"` or `"hidden[0]"`.
 * @returns The label.
 *
 * @example
 * ```ts
 * import { option } from "./guards.ts";
 * console.assert(option("resolution") === "Invalid option resolution");
 * ```
 */
export function option(name: string): string {
  return `Invalid option ${name}`;
}

/**
 * The label of a function's argument (or part of one) in messages: `fn(name)`.
 *
 * @param fn The function, e.g. `"createNetwork"`.
 * @param name The argument, e.g. `"spec"` or `"data.x"`.
 * @returns The label.
 *
 * @example
 * ```ts
 * import { argument } from "./guards.ts";
 * console.assert(argument("createNetwork", "spec") === "createNetwork(spec)");
 * ```
 */
export function argument(fn: string, name: string): string {
  return `${fn}(${name})`;
}

/**
 * A value as a message shows it, with its type where the type is what matters:
 * `undefined`, `null`, `the string "64"`, `the number NaN`, `the bigint 5n`, `an array
 * of length 2`, `a Float32Array of length 3`, `an object`, `a function`.
 *
 * @param value Anything.
 * @returns Words for it.
 *
 * @example
 * ```ts
 * import { describe } from "./guards.ts";
 * console.assert(describe("64") === 'the string "64"');
 * console.assert(describe(undefined) === "undefined");
 * ```
 */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  switch (typeof value) {
    case "string": {
      const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `the string ${JSON.stringify(text)}`;
    }
    case "number":
    case "boolean":
      return `the ${typeof value} ${String(value)}`;
    case "bigint":
      return `the bigint ${value}n`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value) && "length" in value) {
    return `${article(value.constructor.name)} of length ${value.length}`;
  }
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return !name || name === "Object" ? "an object" : article(name);
}

function article(noun: string): string {
  return `${/^[AEIOU]/.test(noun) ? "an" : "a"} ${noun}`;
}

/**
 * The TypeError for a value of the wrong type: `<label>: expected <expected>, got <value>`.
 *
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @param expected What was expected, e.g. `"an object"`.
 * @param value What was given.
 * @returns The error, to throw.
 *
 * @example
 * ```ts
 * import { argument, typeError } from "./guards.ts";
 * const e = typeError(argument("createNetwork", "spec"), "an object", undefined);
 * console.assert(e.message === "createNetwork(spec): expected an object, got undefined");
 * ```
 */
export function typeError(label: string, expected: string, value: unknown): TypeError {
  return new TypeError(`${label}: expected ${expected}, got ${describe(value)}`);
}

/**
 * Checks that a value is a non-null object (not an array unless `array` allows it).
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @param expected What to call it in the message (default `"an object"`).
 * @returns The value.
 * @throws {TypeError} If it is not an object.
 *
 * @example
 * ```ts
 * import { argument, checkObject } from "./guards.ts";
 * checkObject({ hidden: [4] }, argument("createNetwork", "spec"));
 * ```
 */
export function checkObject<T>(value: T, label: string, expected = "an object"): NonNullable<T> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw typeError(label, expected, value);
  }
  return value as NonNullable<T>;
}

/**
 * An options argument: `undefined` stands for `{}`; anything else must be an object.
 *
 * @param options The options as given.
 * @param label E.g. {@linkcode argument}`("train", "options")`.
 * @returns The options, or `{}`.
 * @throws {TypeError} If `options` is not undefined and not an object.
 *
 * @example
 * ```ts
 * import { argument, checkOptions } from "./guards.ts";
 * const { seed = 0 } = checkOptions<{ seed?: number }>(undefined, argument("f", "options"));
 * console.assert(seed === 0);
 * ```
 */
export function checkOptions<T extends object>(options: T | undefined, label: string): T {
  if (options === undefined) return {} as T;
  return checkObject(options, label, "an options object");
}

/**
 * Checks that a value is a string (non-empty unless `allowEmpty`).
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @param allowEmpty Whether `""` is fine (default false).
 * @returns The string.
 * @throws {TypeError} If it is not a string, or is empty when that is not allowed.
 *
 * @example
 * ```ts
 * import { checkString, option } from "./guards.ts";
 * console.assert(checkString("ELU", option("title")) === "ELU");
 * ```
 */
export function checkString(value: unknown, label: string, allowEmpty = false): string {
  if (typeof value !== "string" || (!allowEmpty && value === "")) {
    throw typeError(label, allowEmpty ? "a string" : "a non-empty string", value);
  }
  return value;
}

/**
 * Checks that a value is a function.
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @returns The function.
 * @throws {TypeError} If it is not a function.
 *
 * @example
 * ```ts
 * import { checkFunction, option } from "./guards.ts";
 * checkFunction(() => {}, option("onEpoch"));
 * ```
 */
export function checkFunction<T>(value: T, label: string): T {
  if (typeof value !== "function") throw typeError(label, "a function", value);
  return value;
}

/**
 * Checks that a value is an array or a typed array (not a string), e.g. features.
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @param expected What to call it (default `"an array of numbers"`).
 * @returns The value.
 * @throws {TypeError} If it is neither an array nor a typed array.
 *
 * @example
 * ```ts
 * import { argument, checkArrayLike } from "./guards.ts";
 * checkArrayLike(new Float32Array(2), argument("predict", "x"));
 * ```
 */
export function checkArrayLike<T>(
  value: T,
  label: string,
  expected = "an array of numbers",
): NonNullable<T> {
  const ok = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) throw typeError(label, expected, value);
  return value as NonNullable<T>;
}

/** The domain of a number: bounds and whether it must be an integer. */
export interface NumberDomain {
  /** Smallest value allowed (default: none). */
  readonly min?: number;
  /** Whether `min` itself is excluded (`learningRate > 0`); default false. */
  readonly minExclusive?: boolean;
  /** Largest value allowed (default: none). */
  readonly max?: number;
  /** Whether the value must be an integer; default false. */
  readonly integer?: boolean;
}

/**
 * Checks a number against its domain: a TypeError if it is not a number at all, a
 * RangeError naming the label, the value and the limit it breaks otherwise.
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @param domain Bounds and integrality ({@linkcode NumberDomain}).
 * @returns The number.
 * @throws {TypeError} If `value` is not of type number.
 * @throws {RangeError} If it is NaN or infinite, not an integer when one is required, or
 *   outside the bounds.
 *
 * @example
 * ```ts
 * import { checkNumber, option } from "./guards.ts";
 * try {
 *   checkNumber(1700, option("resolution"), { integer: true, min: 1, max: 1000 });
 * } catch (e) {
 *   console.assert((e as Error).message ===
 *     "Invalid option resolution: 1700 is above the maximum 1000 (expected an integer from 1 to 1000)");
 * }
 * ```
 */
export function checkNumber(value: unknown, label: string, domain: NumberDomain = {}): number {
  const { min, max, minExclusive = false, integer = false } = domain;
  const expected = domainText(domain);
  if (typeof value !== "number") throw typeError(label, expected, value);
  const fail = (problem: string): never => {
    throw new RangeError(`${label}: ${problem} (expected ${expected})`);
  };
  if (!Number.isFinite(value)) fail(`${value} is not a finite number`);
  if (integer && !Number.isInteger(value)) fail(`${value} is not an integer`);
  if (min !== undefined && (minExclusive ? !(value > min) : value < min)) {
    fail(minExclusive ? `${value} is not above ${min}` : `${value} is below the minimum ${min}`);
  }
  if (max !== undefined && value > max) fail(`${value} is above the maximum ${max}`);
  return value;
}

/**
 * {@linkcode checkNumber} for an integer from `min` to `max`.
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @param min Smallest value allowed.
 * @param max Largest value allowed (default: none).
 * @returns The integer.
 * @throws {TypeError} If `value` is not of type number.
 * @throws {RangeError} If it is not an integer from `min` to `max`.
 *
 * @example
 * ```ts
 * import { checkInteger, option } from "./guards.ts";
 * console.assert(checkInteger(200, option("size"), 4, 1_000_000) === 200);
 * ```
 */
export function checkInteger(value: unknown, label: string, min: number, max?: number): number {
  return checkNumber(value, label, { integer: true, min, max });
}

/**
 * Checks a size in CSS pixels (a panel's width or height, a stroke, a gap): a finite
 * number from `min` to `max`.
 *
 * @param value The value (`undefined` passes through: the caller's default applies).
 * @param label From {@linkcode option}.
 * @param min Smallest value allowed.
 * @param max Largest value allowed.
 * @returns The value.
 * @throws {TypeError} If it is defined and not a number.
 * @throws {RangeError} If it is outside `[min, max]` or not finite.
 *
 * @example
 * ```ts
 * import { checkPixels, option } from "./guards.ts";
 * console.assert(checkPixels(undefined, option("width"), 100, 10_000) === undefined);
 * ```
 */
export function checkPixels<T extends number | undefined>(
  value: T,
  label: string,
  min: number,
  max: number,
): T {
  if (value !== undefined) checkNumber(value, label, { min, max });
  return value;
}

/**
 * Checks that a number is finite in float32 (`|v| <= 3.4028234663852886e38`): a float64
 * such as 1e39 is finite but becomes Infinity once stored as float32.
 *
 * @param value The value.
 * @param label From {@linkcode option} or {@linkcode argument}.
 * @returns The value.
 * @throws {TypeError} If it is not a number.
 * @throws {RangeError} If it is NaN, infinite, or infinite in float32.
 *
 * @example
 * ```ts
 * import { argument, checkFloat32 } from "./guards.ts";
 * try {
 *   checkFloat32(1e39, argument("train", "data.x[0]"));
 * } catch (e) {
 *   console.assert(e instanceof RangeError);
 * }
 * ```
 */
export function checkFloat32(value: unknown, label: string): number {
  if (typeof value !== "number") throw typeError(label, "a number", value);
  if (!Number.isFinite(Math.fround(value))) {
    const why = Number.isFinite(value)
      ? `${value} is infinite in float32 (beyond ±${FLOAT32_MAX})`
      : `${value} is not a finite number`;
    throw new RangeError(`${label}: ${why}`);
  }
  return value;
}

function domainText({ min, max, minExclusive, integer }: NumberDomain): string {
  const kind = integer ? "an integer" : "a number";
  if (min !== undefined && max !== undefined) {
    return minExclusive
      ? `${kind} above ${min} and at most ${max}`
      : `${kind} from ${min} to ${max}`;
  }
  if (min !== undefined) return `${kind} ${minExclusive ? "above" : ">="} ${min}`;
  if (max !== undefined) return `${kind} <= ${max}`;
  return integer ? "an integer" : "a finite number";
}
