/**
 * Seeded pseudo-random numbers, so that data sets, initial weights and batch order are
 * the same on every run. Nothing in the library uses `Math.random`.
 *
 * The generator is mulberry32 (32-bit state, period 2^32), normals come from the
 * Box-Muller transform, and {@linkcode deriveSeed} splits one run seed into independent
 * streams (data, weights, shuffling).
 *
 * @module
 */

import { checkInteger, option } from "../guards.ts";

/** A seeded source of random numbers. */
export interface Random {
  /** A uniform number in `[0, 1)`. */
  uniform(): number;
  /** A normal number with the given mean (default 0) and standard deviation (default 1). */
  normal(mean?: number, sd?: number): number;
}

/**
 * Creates a seeded generator (mulberry32; normals by Box-Muller).
 *
 * @param seed Any safe integer; the same seed gives the same sequence.
 * @returns A {@linkcode Random}.
 * @throws {TypeError} If `seed` is not a number.
 * @throws {RangeError} If `seed` is not a safe integer.
 *
 * @example The same seed gives the same numbers
 * ```ts
 * import { createRandom } from "./random.ts";
 * const a = createRandom(42), b = createRandom(42);
 * console.assert(a.uniform() === b.uniform() && a.normal() === b.normal());
 * ```
 */
export function createRandom(seed: number): Random {
  checkSeed(seed);
  let state = mix(seed);
  let spare: number | undefined;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, sd = 1): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return mean + sd * z;
    }
    const u = 1 - uniform(); // in (0, 1]: log(u) is finite
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}

/**
 * Derives an independent seed for a named stream from a run seed, so that, for
 * example, changing the number of data points does not change the initial weights.
 *
 * @param seed The run seed (a safe integer).
 * @param stream A stream name such as `"data"`, `"weights"` or `"shuffle"`.
 * @returns A seed in `[0, 2^32)`.
 * @throws {TypeError} If `seed` is not a number.
 * @throws {RangeError} If `seed` is not a safe integer.
 *
 * @example
 * ```ts
 * import { deriveSeed } from "./random.ts";
 * console.assert(deriveSeed(1, "data") === deriveSeed(1, "data"));
 * console.assert(deriveSeed(1, "data") !== deriveSeed(1, "weights"));
 * ```
 */
export function deriveSeed(seed: number, stream: string): number {
  checkSeed(seed);
  let h = mix(seed);
  for (let k = 0; k < stream.length; k++) h = mix(h ^ stream.charCodeAt(k));
  return mix(h ^ stream.length) >>> 0;
}

/**
 * A uniformly random permutation of `0 .. n - 1` (Fisher-Yates).
 *
 * @param n How many indices (an integer >= 0).
 * @param random The generator to draw from.
 * @returns A `Uint32Array` holding each of `0 .. n - 1` once.
 * @throws {RangeError} If `n` is not an integer >= 0.
 *
 * @example
 * ```ts
 * import { createRandom, permutation } from "./random.ts";
 * const p = permutation(5, createRandom(1));
 * console.assert([...p].sort().join() === "0,1,2,3,4");
 * ```
 */
export function permutation(n: number, random: Random): Uint32Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Invalid permutation size ${n}: expected an integer >= 0`);
  }
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/**
 * Checks a seed: a safe integer, so that every seed maps to its own well-defined state.
 *
 * @param seed The seed.
 * @param label What to name in the message (default `Invalid option seed`).
 * @returns The seed.
 * @throws {TypeError} If `seed` is not a number.
 * @throws {RangeError} If `seed` is not a safe integer.
 *
 * @example
 * ```ts
 * import { checkSeed } from "./random.ts";
 * console.assert(checkSeed(42) === 42);
 * ```
 */
export function checkSeed(seed: number, label: string = option("seed")): number {
  return checkInteger(seed, label, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

// A 32-bit avalanche hash (murmur3's finalizer) over both halves of a safe integer.
function mix(x: number): number {
  let h = (x | 0) ^ Math.imul(Math.floor(x / 4294967296) | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
