/**
 * How a layer's initial weights are drawn: Glorot / Xavier uniform (Keras's default),
 * He / Kaiming normal, LeCun normal, and the activation's own gain (`gain(name)` =
 * 1/sqrt(E[f(z)²]) for z ~ N(0, 1), from lib/activations/properties.ts), as a
 * distribution that draws from a seeded stream. Biases start at zero.
 *
 * | name             | distribution | variance                    |
 * | ---------------- | ------------ | --------------------------- |
 * | `glorot_uniform` | uniform      | 2 / (fan_in + fan_out)      |
 * | `he_normal`      | normal       | 2 / fan_in                  |
 * | `lecun_normal`   | normal       | 1 / fan_in                  |
 * | `gain`           | normal       | gain(activation)² / fan_in  |
 *
 * The normal ones are plain normals, as PyTorch's `kaiming_normal_` draws them (Keras
 * truncates at two standard deviations and widens to keep the same variance); the
 * variance, which is what signal propagation depends on, is the same. With `gain`, a
 * layer whose inputs have a second moment of 1 gives pre-activations with a second moment
 * of 1 after the activation: He for ReLU (gain √2), LeCun for SELU (gain 1).
 *
 * @module
 */
import type { Random } from "./random.ts";
import { argument, checkString } from "../guards.ts";

/** The initialisations, in display order. */
export const INITIALIZERS = ["glorot_uniform", "he_normal", "lecun_normal", "gain"] as const;

/** An initialisation {@linkcode weightDistribution} knows. */
export type InitializerName = typeof INITIALIZERS[number];

/** Display names of the initialisations, for titles and legends. */
export const INITIALIZER_LABELS: Readonly<Record<InitializerName, string>> = {
  glorot_uniform: "Glorot uniform",
  he_normal: "He normal",
  lecun_normal: "LeCun normal",
  gain: "gain",
};

/** A layer's weight distribution: U(-scale, scale) or N(0, scale²). */
export interface WeightDistribution {
  /** `"uniform"` draws from U(-scale, scale), `"normal"` from N(0, scale²). */
  readonly kind: "uniform" | "normal";
  /** The uniform's half-width, or the normal's standard deviation. */
  readonly scale: number;
  /** Standard deviation of a weight: `scale` for a normal, `scale / √3` for a uniform. */
  readonly std: number;
}

/**
 * Checks an initialisation name.
 *
 * @param value The value.
 * @param label What to name in the message, e.g. `Invalid option init`.
 * @returns The name.
 * @throws {TypeError} If it is not a string.
 * @throws {RangeError} If it is not one of {@linkcode INITIALIZERS} (the message lists them).
 *
 * @example
 * ```ts
 * import { checkInitializer } from "./initializers.ts";
 * console.assert(checkInitializer("he_normal", "Invalid option init") === "he_normal");
 * ```
 */
export function checkInitializer(value: unknown, label: string): InitializerName {
  checkString(value, label);
  if (!(INITIALIZERS as readonly unknown[]).includes(value)) {
    throw new RangeError(
      `${label}: unknown initialisation ${JSON.stringify(value)}: expected one of ${
        INITIALIZERS.map((n) => `"${n}"`).join(", ")
      }`,
    );
  }
  return value as InitializerName;
}

/**
 * The distribution of a dense layer's initial weights.
 *
 * @param init One of {@linkcode INITIALIZERS}.
 * @param fanIn Inputs of the layer.
 * @param fanOut Units of the layer.
 * @param gain The activation's gain, used by `"gain"` only (default 1, i.e. LeCun).
 * @returns The {@linkcode WeightDistribution}.
 * @throws {RangeError} If `init` is unknown.
 *
 * @example He normal for a 128 x 128 layer: standard deviation √(2/128) = 0.125
 * ```ts
 * import { weightDistribution } from "./initializers.ts";
 * console.assert(weightDistribution("he_normal", 128, 128).std === 0.125);
 * const glorot = weightDistribution("glorot_uniform", 2, 64);
 * console.assert(glorot.kind === "uniform" && glorot.scale === Math.sqrt(6 / 66));
 * ```
 */
export function weightDistribution(
  init: InitializerName,
  fanIn: number,
  fanOut: number,
  gain = 1,
): WeightDistribution {
  switch (checkInitializer(init, argument("weightDistribution", "init"))) {
    case "glorot_uniform": {
      const scale = Math.sqrt(6 / (fanIn + fanOut));
      return { kind: "uniform", scale, std: scale / Math.sqrt(3) };
    }
    case "he_normal":
      return normal(Math.sqrt(2 / fanIn));
    case "lecun_normal":
      return normal(Math.sqrt(1 / fanIn));
    case "gain":
      return normal(gain / Math.sqrt(fanIn));
  }
}

function normal(std: number): WeightDistribution {
  return { kind: "normal", scale: std, std };
}

/**
 * Fills `out` with draws from a distribution, in order.
 *
 * @param distribution What to draw from ({@linkcode weightDistribution}).
 * @param random The seeded stream.
 * @param out Where to write; every element is overwritten.
 * @returns `out`.
 *
 * @example
 * ```ts
 * import { drawWeights, weightDistribution } from "./initializers.ts";
 * import { createRandom } from "./random.ts";
 * const w = drawWeights(weightDistribution("glorot_uniform", 2, 4), createRandom(1), new Float32Array(8));
 * console.assert(w.every((v) => Math.abs(v) <= Math.sqrt(1)));
 * ```
 */
export function drawWeights(
  distribution: WeightDistribution,
  random: Random,
  out: Float32Array,
): Float32Array {
  const { kind, scale } = distribution;
  if (kind === "uniform") {
    for (let i = 0; i < out.length; i++) out[i] = (2 * random.uniform() - 1) * scale;
  } else {
    for (let i = 0; i < out.length; i++) out[i] = random.normal() * scale;
  }
  return out;
}
