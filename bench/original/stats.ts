/**
 * Timing statistics and how the report writes them.
 *
 * @module
 */

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Seconds for humans: "0.42 ms", "12.3 ms", "1.23 s". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "–";
  if (s < 1e-3) return `${(s * 1e3).toFixed(3)} ms`;
  if (s < 1e-2) return `${(s * 1e3).toFixed(2)} ms`;
  if (s < 1) return `${(s * 1e3).toFixed(1)} ms`;
  if (s < 100) return `${s.toFixed(2)} s`;
  return `${s.toFixed(1)} s`;
}

/** The ratio ours / theirs, written like `0.42x`. */
export function formatRatio(ours: number, theirs: number): string {
  const r = ours / theirs;
  if (!Number.isFinite(r)) return "–";
  return r >= 0.1 ? `${r.toFixed(2)}x` : r >= 0.01 ? `${r.toFixed(3)}x` : `${r.toPrecision(2)}x`;
}

/** Median and range of some timings: "1.23 ms [1.20 ms–1.31 ms]". */
export function summary(times: readonly number[]): string {
  if (times.length === 0) return "–";
  const lo = Math.min(...times), hi = Math.max(...times);
  return `${formatSeconds(median(times))} [${formatSeconds(lo)}–${formatSeconds(hi)}]`;
}
