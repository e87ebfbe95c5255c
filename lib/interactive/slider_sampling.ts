/**
 * Where an interactive pair samples its curves: positions on a step that contains every
 * hover read-out and kink, and how far the drawn chords stray from the curve.
 *
 * @module
 */
import { plotDocument } from "../figures/dom.ts";
import type { Kink } from "../figures/curves_figure.ts";
import type { Interval } from "../figures/interval.ts";
import { defaultRecord, type ParamPlan } from "./param_plan.ts";
import type { ParametricSource } from "./parametric_source.ts";

/** The sample positions of both panels of an interactive pair. */
export interface Sampling {
  /** spacing */
  s: number;
  /** ascending positions: multiples of s over both windows, plus the kinks */
  x: Float64Array;
  /** function panel samples x[i0 .. i0 + n - 1] (one at or beyond each edge) */
  rf: { i0: number; n: number };
  /** derivative panel samples */
  rd: { i0: number; n: number };
}

/**
 * Positions at multiples of `s` over both windows, plus the kinks.
 *
 * @param source The windows.
 * @param s The spacing.
 * @param kinkXs Kink positions to sample exactly.
 * @returns The positions and each panel's range of them.
 */
export function sampling(
  source: ParametricSource,
  s: number,
  kinkXs: readonly number[],
): Sampling {
  const lo = Math.min(source.x[0], source.dx[0]), hi = Math.max(source.x[1], source.dx[1]);
  const k0 = Math.floor(lo / s + 1e-9), k1 = Math.ceil(hi / s - 1e-9);
  const xs = Array.from({ length: k1 - k0 + 1 }, (_, k) => +((k0 + k) * s).toPrecision(12));
  for (const kx of kinkXs) {
    if (kx > lo && kx < hi && !xs.some((v) => Math.abs(v - kx) < s * 1e-6)) xs.push(kx);
  }
  const x = Float64Array.from(xs.sort((a, b) => a - b));
  const range = (w: Interval) => {
    let i0 = 0, i1 = x.length - 1;
    while (i0 + 1 < x.length && x[i0 + 1] <= w[0] + s * 1e-6) i0++;
    while (i1 - 1 >= 0 && x[i1 - 1] >= w[1] - s * 1e-6) i1--;
    return { i0, n: i1 - i0 + 1 };
  };
  return { s, x, rf: range(source.x), rd: range(source.dx) };
}

/**
 * Largest gap between the drawn straight segments and the curve, as a fraction of the
 * panel's y window: the library's value at each segment's midpoint against the chord,
 * for the first, default and last parameter records, skipping segments at kinks.
 *
 * @param source The curves.
 * @param sampled The sample positions.
 * @param plan The parameter records.
 * @param kinksOf The kinks of a record.
 * @returns The largest gap, 0 to 1 of the y window.
 */
export function interpolationError(
  source: ParametricSource,
  sampled: Sampling,
  plan: ParamPlan,
  kinksOf: (p: Readonly<Record<string, number>>) => readonly Kink[],
): number {
  const { x } = sampled;
  const mid = x.slice(1).map((v, i) => (x[i] + v) / 2);
  const probes = new Set([0, defaultRecord(plan), plan.records.length - 1]);
  let worst = 0;
  for (const r of probes) {
    const p = plan.records[r];
    const kinks = kinksOf(p).map((k) => k.x);
    const at = source.values(x, p), half = source.values(mid, p);
    for (
      const [w, yw, a, m] of [
        [source.x, source.y, at.y, half.y],
        [source.dx, source.dy, at.dy, half.dy],
      ] as const
    ) {
      for (let i = 0; i + 1 < x.length; i++) {
        if (mid[i] < w[0] || mid[i] > w[1] || kinks.some((k) => k >= x[i] && k <= x[i + 1])) {
          continue;
        }
        const chord = (a[i] + a[i + 1]) / 2, v = m[i];
        const visible = (chord >= yw[0] && chord <= yw[1]) || (v >= yw[0] && v <= yw[1]);
        if (visible && Number.isFinite(chord) && Number.isFinite(v)) {
          worst = Math.max(worst, Math.abs(v - chord) / (yw[1] - yw[0]));
        }
      }
    }
  }
  return worst;
}

/**
 * How many multiples of `s` cover the window, one at or beyond each edge.
 *
 * @param w The window.
 * @param s The spacing.
 * @returns The count.
 */
export function countSamples(w: Interval, s: number): number {
  return Math.ceil(w[1] / s - 1e-9) - Math.floor(w[0] / s + 1e-9) + 1;
}

/**
 * The frames of the two Plot charts of a pair figure (function, derivative): the frame
 * rectangle is the range of the chart's x and y scales, whose domains are the view
 * windows.
 *
 * @param svg The pair figure's SVG.
 * @returns The two frames, in chart coordinates.
 * @throws {Error} If the SVG does not hold two chart frames.
 */
export function chartFrames(
  svg: string,
): { x: number; y: number; width: number; height: number }[] {
  const view = plotDocument().defaultView as unknown as { DOMParser: typeof DOMParser };
  const doc = new view.DOMParser().parseFromString(svg, "image/svg+xml");
  const frames = Array.from(doc.querySelectorAll('svg svg [aria-label="frame"]'), (rect) => {
    const get = (a: string) => Number(rect.getAttribute(a));
    return { x: get("x"), y: get("y"), width: get("width"), height: get("height") };
  });
  if (frames.length !== 2 || !frames.every((f) => f.width > 0 && f.height > 0)) {
    throw new Error(`Expected the two chart frames of a pair figure, found ${frames.length}`);
  }
  return frames;
}
