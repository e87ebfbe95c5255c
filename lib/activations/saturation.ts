/**
 * Where an activation saturates: beyond which x its derivative stays below a threshold,
 * so that gradient descent gets (almost) no signal through it.
 *
 * @module
 */
import { getActivation } from "./activations.ts";
import { activation } from "./autodiff.ts";
import { linspace } from "../grid.ts";
import { argument, checkOptions, option } from "../guards.ts";

/** Most points one scan evaluates: 1,000,000 (the default scan has 4,001). */
export const MAX_SCAN_SAMPLES = 1_000_000;

/** Where one activation's gradient vanishes, within the scanned range. */
export interface Saturation {
  /** Registry name, e.g. "sigmoid". */
  readonly name: string;
  /** Display label, e.g. "Sigmoid". */
  readonly label: string;
  /** |f'(x)| < threshold for every scanned x <= left; `null` if not even at the range's start. */
  readonly left: number | null;
  /** |f'(x)| < threshold for every scanned x >= right; `null` if not even at the range's end. */
  readonly right: number | null;
  /** The largest |f'(x)| over the range. */
  readonly maxSlope: number;
}

/** Options of {@linkcode saturation}. */
export interface SaturationOptions {
  /** |f'| below this counts as vanished (default 1e-3). */
  readonly threshold?: number;
  /** Scanned x range (default [-20, 20]). */
  readonly range?: readonly [number, number];
  /** Scan spacing (default 0.01); at most {@linkcode MAX_SCAN_SAMPLES} points per scan. */
  readonly spacing?: number;
  /** Parameter values (default: the registry's). */
  readonly params?: Record<string, number>;
}

/**
 * Finds where an activation's derivative vanishes, scanning a range on a fine grid.
 *
 * @param name A one-input activation.
 * @param options Threshold, range, spacing and parameters.
 * @returns The {@linkcode Saturation}.
 * @throws {Error} If the activation is unknown (the message lists the names).
 * @throws {RangeError} If the threshold, range or spacing is not positive and finite, or
 *   the scan needs more than {@linkcode MAX_SCAN_SAMPLES} points.
 * @throws {TypeError} If `options` is not an object.
 *
 * @example The sigmoid's gradient is below 1e-3 beyond |x| of about 6.9
 * ```ts
 * import { saturation } from "./saturation.ts";
 * const s = saturation("sigmoid");
 * console.assert(Math.abs(s.right! - 6.91) < 0.01 && Math.abs(s.left! + 6.91) < 0.01);
 * ```
 */
export function saturation(name: string, options?: SaturationOptions): Saturation {
  const { threshold = 1e-3, range = [-20, 20], spacing = 0.01, params = {} } = checkOptions(
    options,
    argument("saturation", "options"),
  );
  for (const [what, v] of [["threshold", threshold], ["spacing", spacing]] as const) {
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(`Invalid ${what} ${v}: expected a positive finite number`);
    }
  }
  const [lo, hi] = range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new RangeError(`Invalid range [${lo}, ${hi}]: expected finite numbers, low < high`);
  }
  const spec = getActivation(name);
  const samples = Math.round((hi - lo) / spacing) + 1;
  if (!(samples <= MAX_SCAN_SAMPLES)) {
    throw new RangeError(
      `${
        option("spacing")
      }: ${spacing} over [${lo}, ${hi}] needs ${samples} samples, above the maximum ${MAX_SCAN_SAMPLES}`,
    );
  }
  const x = linspace(lo, hi, samples);
  const { dy } = activation(name, x, params);
  let left: number | null = null, right: number | null = null, maxSlope = 0;
  for (let i = 0; i < x.length && Math.abs(dy[i]) < threshold; i++) left = x[i];
  for (let i = x.length - 1; i >= 0 && Math.abs(dy[i]) < threshold; i--) right = x[i];
  for (const v of dy) maxSlope = Math.max(maxSlope, Math.abs(v));
  return { name, label: spec.label, left, right, maxSlope };
}
