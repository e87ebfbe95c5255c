/**
 * The axes a live page draws itself when a panel's window differs from its still's
 * (another activation, or a fitted view): grid lines, ticks and tick labels as Plot draws
 * them, with the figures' own tick positions and labels. Self-contained: pages ship its
 * source (`live_runtime.ts`'s `liveScript`).
 *
 * @module
 */
import type { formatTick, niceTicks } from "../figures/ticks.ts";

/** One scale of a chart: data domain and pixel range. */
export interface AxisScale {
  /** Data values at the two ends. */
  readonly domain: readonly [number, number];
  /** Pixel positions of the two ends. */
  readonly range: readonly [number, number];
}

/**
 * Draws an x axis, a y axis or both into `g`: a light grid line and a tick at each nice
 * tick value, its label, and a darker line at zero when zero is in view (about one tick
 * per 80 px across, per 40 px up).
 *
 * @param g The (empty) group to draw into; `g.ownerDocument` makes the elements.
 * @param x The chart's x scale.
 * @param y The chart's y scale.
 * @param own Which axes to draw.
 * @param ticks The figures' tick helpers.
 *
 * @example
 * ```ts
 * import { JSDOM } from "jsdom";
 * import { liveAxes } from "./live_axes.ts";
 * import { formatTick, niceTicks } from "../figures/ticks.ts";
 * const doc = new JSDOM("<svg></svg>").window.document;
 * const g = doc.createElementNS("http://www.w3.org/2000/svg", "g");
 * const x = { domain: [-2, 2], range: [0, 400] } as const, y = { domain: [0, 1], range: [200, 0] } as const;
 * liveAxes(g, x, y, { x: true, y: false }, { niceTicks, formatTick });
 * console.assert([...g.querySelectorAll("text")].map((t) => t.textContent).join() === "−2,−1,0,1,2");
 * ```
 */
export function liveAxes(
  g: SVGGElement,
  x: AxisScale,
  y: AxisScale,
  own: { readonly x: boolean; readonly y: boolean },
  ticks: { readonly niceTicks: typeof niceTicks; readonly formatTick: typeof formatTick },
): void {
  const doc = g.ownerDocument;
  const scale = ({ domain: [d0, d1], range: [r0, r1] }: AxisScale) => (v: number) =>
    r0 + (v - d0) * (r1 - r0) / (d1 - d0);
  const px = scale(x), py = scale(y);
  const [left, right] = x.range, [bottom, top] = y.range;
  const add = (name: string, attributes: Record<string, string | number>) => {
    const e = doc.createElementNS("http://www.w3.org/2000/svg", name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    return g.appendChild(e);
  };
  const line = (x1: number, x2: number, y1: number, y2: number, stroke: string) =>
    add("line", { x1, x2, y1, y2, stroke });
  const text = (x: number, y: number, anchor: string, dy: string, value: string) => {
    add("text", { x, y, dy, "text-anchor": anchor, "font-size": 13, fill: "currentColor" })
      .textContent = value;
  };
  if (own.x) {
    const [d0, d1] = x.domain;
    const at = ticks.niceTicks(d0, d1, Math.max(2, Math.round(Math.abs(right - left) / 80)));
    const step = at.length > 1 ? at[1] - at[0] : Math.abs(d1 - d0);
    for (const t of at) {
      const p = px(t);
      line(p, p, bottom, top, "#ddd");
      line(p, p, bottom, bottom + 6, "currentColor");
      text(p, bottom + 9, "middle", "0.71em", ticks.formatTick(t, step));
    }
    if (d0 <= 0 && 0 <= d1) line(px(0), px(0), bottom, top, "#999");
  }
  if (own.y) {
    const [d0, d1] = y.domain;
    const at = ticks.niceTicks(d0, d1, Math.max(2, Math.round(Math.abs(bottom - top) / 40)));
    const step = at.length > 1 ? at[1] - at[0] : Math.abs(d1 - d0);
    for (const t of at) {
      const p = py(t);
      line(left, right, p, p, "#ddd");
      line(left - 6, left, p, p, "currentColor");
      text(left - 9, p, "end", "0.32em", ticks.formatTick(t, step));
    }
    if (d0 <= 0 && 0 <= d1) line(left, right, py(0), py(0), "#999");
  }
}
