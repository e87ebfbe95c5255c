/**
 * Numbers on axes and in read-outs: round tick positions for a domain, their labels, and
 * the format of a value in a hover read-out. Self-contained functions: interactive pages
 * ship their source, so a figure's static picture and its live page write numbers alike.
 *
 * @module
 */

/**
 * Round tick positions in `[lo, hi]`, about `count` of them, at multiples of 1, 2 or 5
 * times a power of ten (d3's `ticks`).
 *
 * @param lo The domain's lower end.
 * @param hi The domain's upper end (above `lo`).
 * @param count About how many ticks.
 * @returns The ticks, ascending; empty for an empty or non-finite domain.
 *
 * @example
 * ```ts
 * import { niceTicks } from "./ticks.ts";
 * console.assert(niceTicks(-1.25, 1.25, 5).join() === "-1,-0.5,0,0.5,1");
 * ```
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && count > 0)) return [];
  const raw = (hi - lo) / count;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50)
    ? 10
    : error >= Math.sqrt(10)
    ? 5
    : error >= Math.sqrt(2)
    ? 2
    : 1;
  // integers times a step (or over an inverse step) keep the ticks free of rounding noise
  const out: number[] = [];
  if (power >= 0) {
    const step = factor * 10 ** power;
    for (let k = Math.ceil(lo / step); k * step <= hi; k++) out.push(k * step);
  } else {
    const inverse = 10 ** -power / factor;
    for (let k = Math.ceil(lo * inverse); k / inverse <= hi; k++) out.push(k / inverse);
  }
  return out;
}

/**
 * A tick label: as many decimals as the ticks' spacing needs, and a true minus sign (as
 * Observable Plot writes them).
 *
 * @param v The tick's value.
 * @param step The spacing of the ticks.
 * @returns The label, e.g. "−0.5".
 *
 * @example
 * ```ts
 * import { formatTick } from "./ticks.ts";
 * console.assert(formatTick(-0.5, 0.5) === "−0.5" && formatTick(2, 1) === "2");
 * ```
 */
export function formatTick(v: number, step: number): string {
  const decimals = Math.max(0, Math.min(20, -Math.floor(Math.log10(step) + 1e-9)));
  const s = Math.abs(v) < step / 2 ? "0" : v.toFixed(decimals);
  return s.replace("-", "\u2212");
}

/**
 * A value in a hover read-out: up to four decimals, exponent form for very large or
 * very small numbers, "0" for −0.
 *
 * @param v The value.
 * @returns Its text, e.g. "0.7773", "1.000e+5".
 *
 * @example
 * ```ts
 * import { formatValue } from "./ticks.ts";
 * console.assert(formatValue(0.77731) === "0.7773" && formatValue(123456) === "1.235e+5");
 * ```
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3)
    ? v.toExponential(3)
    : String(+v.toFixed(4));
  return s === "-0" ? "0" : s;
}
