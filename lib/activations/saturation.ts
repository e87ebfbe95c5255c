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
  /**
   * |f'(x)| < threshold for every scanned x <= left, located between grid points to float32
   * precision (ReLU6: 0); `null` if not even at the range's start.
   */
  readonly left: number | null;
  /**
   * |f'(x)| < threshold for every scanned x >= right, located between grid points to float32
   * precision (ReLU6: 6, the first float32 above it); `null` if not even at the range's end.
   */
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
 * Finds where an activation's derivative vanishes, scanning a range on a fine grid, then
 * locating each edge between two grid points by bisection.
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
  let iLeft = -1, iRight = x.length, maxSlope = 0;
  while (iLeft + 1 < x.length && Math.abs(dy[iLeft + 1]) < threshold) iLeft++;
  while (iRight - 1 >= 0 && Math.abs(dy[iRight - 1]) < threshold) iRight--;
  for (const v of dy) maxSlope = Math.max(maxSlope, Math.abs(v));
  // Between the last grid point where it vanishes and the next, the edge itself: both sides
  // then read alike (ReLU6's right edge is 6, not the grid's 6.01, as its left edge is 0).
  const vanishes = (v: number) => Math.abs(activation(name, [v], params).dy[0]) < threshold;
  const left = iLeft < 0
    ? null
    : iLeft + 1 < x.length
    ? edge(x[iLeft], x[iLeft + 1], vanishes)
    : x[iLeft];
  const right = iRight >= x.length
    ? null
    : iRight > 0
    ? edge(x[iRight], x[iRight - 1], vanishes)
    : x[iRight];
  return { name, label: spec.label, left, right, maxSlope };
}

// Bisects between `inside` (where the derivative vanishes) and `outside` (where it does not)
// down to adjacent float32 numbers, the inputs' precision; returns the last one inside.
function edge(inside: number, outside: number, vanishes: (v: number) => boolean): number {
  for (let k = 0; k < 64; k++) {
    const mid = Math.fround((inside + outside) / 2);
    if (mid === inside || mid === outside) break;
    if (vanishes(mid)) inside = mid;
    else outside = mid;
  }
  return inside;
}
