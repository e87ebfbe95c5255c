/**
 * TensorFlow Playground's input features: each point (x1, x2) can enter a network as any of
 * x1, x2, x1², x2², x1·x2, sin(x1) and sin(x2). A network built with `features` computes
 * them itself (network.ts), so it still takes plain 2-D points: data sets, grids and
 * boundaries stay in the plane.
 *
 * @module
 */
import { argument, checkArrayLike, checkString, typeError } from "../guards.ts";

/** A feature name {@linkcode expandFeatures} accepts. */
export type FeatureName = "x1" | "x2" | "x1^2" | "x2^2" | "x1*x2" | "sin(x1)" | "sin(x2)";

/** One input feature: its name, how figures label it, and its formula. */
export interface Feature {
  /** Name, e.g. `"x1^2"`. */
  readonly name: FeatureName;
  /** Label for figures, e.g. `"x₁²"`. */
  readonly label: string;
  /** The feature of a point. */
  readonly f: (x1: number, x2: number) => number;
}

/** Playground's seven features, in its order. */
export const FEATURES: readonly Feature[] = [
  { name: "x1", label: "x₁", f: (x1) => x1 },
  { name: "x2", label: "x₂", f: (_, x2) => x2 },
  { name: "x1^2", label: "x₁²", f: (x1) => x1 * x1 },
  { name: "x2^2", label: "x₂²", f: (_, x2) => x2 * x2 },
  { name: "x1*x2", label: "x₁x₂", f: (x1, x2) => x1 * x2 },
  { name: "sin(x1)", label: "sin(x₁)", f: (x1) => Math.sin(x1) },
  { name: "sin(x2)", label: "sin(x₂)", f: (_, x2) => Math.sin(x2) },
];

/** The feature names, in Playground's order. */
export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f.name);

/**
 * Checks a list of features: an array of distinct names from {@linkcode FEATURE_NAMES}, at
 * least one.
 *
 * @param features The list.
 * @param label What to name in messages, e.g. `Invalid option features`.
 * @returns The list, as a fresh array.
 * @throws {TypeError} If it is not an array of strings, or is empty.
 * @throws {RangeError} If a name is unknown (the message lists them) or repeated.
 *
 * @example
 * ```ts
 * import { checkFeatures } from "./features.ts";
 * console.assert(checkFeatures(["x1", "x2", "x1*x2"], "features").length === 3);
 * ```
 */
export function checkFeatures(features: readonly string[], label: string): FeatureName[] {
  if (!Array.isArray(features)) throw typeError(label, "an array of feature names", features);
  if (features.length === 0) {
    throw new TypeError(`${label}: expected at least one feature of ${names()}`);
  }
  features.forEach((name, k) => {
    checkString(name, `${label}[${k}]`);
    if (!(FEATURE_NAMES as readonly string[]).includes(name)) {
      throw new RangeError(`Unknown feature "${name}" in ${label}: expected one of ${names()}`);
    }
    if (features.indexOf(name) !== k) {
      throw new RangeError(`${label}: feature "${name}" is listed twice`);
    }
  });
  return [...features] as FeatureName[];
}

/**
 * The features of 2-D points: `features.length` values per point, computed in float64 and
 * stored as float32 (what the network's first layer reads).
 *
 * @param x Row-major 2-D points, `(x[2i], x[2i + 1])`.
 * @param features Feature names (see {@linkcode FEATURE_NAMES}).
 * @returns Row-major features, `features.length` per point.
 * @throws {TypeError} If `x` is not an array of numbers of even length, or `features` is
 *   not a list of names.
 * @throws {RangeError} If a feature name is unknown or repeated.
 *
 * @example
 * ```ts
 * import { expandFeatures } from "./features.ts";
 * const f = expandFeatures([2, 3], ["x1", "x1^2", "x1*x2"]);
 * console.assert(f.join() === "2,4,6");
 * ```
 */
export function expandFeatures(
  x: ArrayLike<number>,
  features: readonly FeatureName[],
): Float32Array {
  checkArrayLike(x, argument("expandFeatures", "x"));
  const list = checkFeatures(features, argument("expandFeatures", "features"));
  if (x.length % 2 !== 0) {
    throw new TypeError(
      `${argument("expandFeatures", "x")}: expected 2-D points, got ${x.length} values`,
    );
  }
  const fs = list.map((name) => FEATURES.find((f) => f.name === name)!.f);
  const n = x.length / 2, m = fs.length;
  const out = new Float32Array(n * m);
  for (let i = 0; i < n; i++) {
    const x1 = x[2 * i], x2 = x[2 * i + 1];
    for (let j = 0; j < m; j++) out[i * m + j] = fs[j](x1, x2);
  }
  return out;
}

/**
 * How figures label a feature.
 *
 * @param name A feature name.
 * @returns E.g. `"x₁²"` for `"x1^2"`.
 * @throws {RangeError} If the name is unknown.
 *
 * @example
 * ```ts
 * import { featureLabel } from "./features.ts";
 * console.assert(featureLabel("sin(x2)") === "sin(x₂)");
 * ```
 */
export function featureLabel(name: FeatureName): string {
  const found = FEATURES.find((f) => f.name === name);
  if (!found) throw new RangeError(`Unknown feature "${name}": expected one of ${names()}`);
  return found.label;
}

function names(): string {
  return FEATURE_NAMES.map((n) => `"${n}"`).join(", ");
}
