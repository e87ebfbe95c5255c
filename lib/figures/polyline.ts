/**
 * Polylines fitted to a view window: cut exactly at the window's edges (so no point is
 * drawn outside the frame), broken at jumps and gaps, then simplified to what a pixel can
 * show.
 *
 * @module
 */
import { argument, checkArrayLike, checkOptions } from "../guards.ts";
import type { Interval } from "./interval.ts";

/** A point of a clipped polyline; `z` numbers the connected pieces. */
export interface SegmentPoint {
  /** Position. */
  readonly x: number;
  /** Value. */
  readonly y: number;
  /** The connected piece it belongs to, from 1. */
  readonly z: number;
}

/**
 * Cuts the polyline through `(x[k], y[k])` at the edges of a window (Liang-Barsky per
 * segment), so every returned point lies inside the window and the drawn curve leaves
 * the frame exactly where the true polyline does. Non-finite samples break the line, and
 * so does every `breaks` position `x` that falls strictly between two samples or on a
 * sample whose segment changes by more than half the `jump` (a jump of the derivative is
 * not drawn as a steep line).
 *
 * @param x Positions.
 * @param y Values (same length).
 * @param xw x window.
 * @param yw y window.
 * @param options `breaks`: `{ x, jump }` positions where the line must not be joined.
 * @returns Points of the visible pieces; `z` numbers the pieces.
 * @throws {TypeError} If `x` or `y` is not an array of numbers.
 *
 * @example A line leaving the window at y = 1
 * ```ts
 * import { clipPolyline } from "./polyline.ts";
 * const pts = clipPolyline([0, 2], [0, 2], [0, 2], [0, 1]);
 * console.assert(pts.length === 2 && pts[1].x === 1 && pts[1].y === 1);
 * ```
 */
export function clipPolyline(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xw: Interval,
  yw: Interval,
  options?: { readonly breaks?: readonly { readonly x: number; readonly jump: number }[] },
): SegmentPoint[] {
  checkArrayLike(x, argument("clipPolyline", "x"));
  checkArrayLike(y, argument("clipPolyline", "y"));
  const { breaks = [] } = checkOptions(options, argument("clipPolyline", "options"));
  return clipPoints(x, y, xw, yw, breaks);
}

/**
 * {@linkcode clipPolyline} without the argument checks. Self-contained (it uses nothing
 * outside its body), so that interactive pages ship its source and cut their curves
 * exactly as the static figures do.
 *
 * @param x Positions.
 * @param y Values (same length).
 * @param xw x window.
 * @param yw y window.
 * @param breaks `{ x, jump }` positions where the line must not be joined.
 * @returns Points of the visible pieces; `z` numbers the pieces.
 *
 * @example
 * ```ts
 * import { clipPoints } from "./polyline.ts";
 * // a step at x = 1: the segment across it is left out, two pieces remain
 * const pts = clipPoints([0, 0.5, 1.5, 2], [0, 0, 1, 1], [0, 2], [0, 2], [{ x: 1, jump: 1 }]);
 * console.assert(pts.length === 4 && pts[1].z === 1 && pts[2].z === 2);
 * ```
 */
export function clipPoints(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xw: readonly [number, number],
  yw: readonly [number, number],
  breaks: readonly { readonly x: number; readonly jump: number }[],
): SegmentPoint[] {
  // Liang-Barsky: the part [t0, t1] of the segment inside the window, if any
  function clipSegment(x0: number, y0: number, x1: number, y1: number): [number, number] | null {
    let t0 = 0, t1 = 1;
    const dx = x1 - x0, dy = y1 - y0;
    const edges: [number, number][] = [
      [-dx, x0 - xw[0]],
      [dx, xw[1] - x0],
      [-dy, y0 - yw[0]],
      [dy, yw[1] - y0],
    ];
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < 0) return null;
      } else {
        const r = q / p;
        if (p < 0) {
          if (r > t1) return null;
          if (r > t0) t0 = r;
        } else {
          if (r < t0) return null;
          if (r < t1) t1 = r;
        }
      }
    }
    return [t0, t1];
  }
  const out: SegmentPoint[] = [];
  let z = 0, open = false;
  let last: SegmentPoint | undefined;
  for (let k = 0; k + 1 < x.length; k++) {
    const x0 = x[k], y0 = y[k], x1 = x[k + 1], y1 = y[k + 1];
    const broken = breaks.some((b) =>
      (x0 < b.x && b.x < x1) ||
      ((x0 === b.x || x1 === b.x) && Math.abs(y1 - y0) > b.jump / 2)
    );
    if (![x0, y0, x1, y1].every(Number.isFinite) || broken) {
      open = false;
      continue;
    }
    const t = clipSegment(x0, y0, x1, y1);
    if (!t || t[0] >= t[1]) {
      open = false;
      continue;
    }
    const a = { x: x0 + t[0] * (x1 - x0), y: y0 + t[0] * (y1 - y0) };
    const b = { x: x0 + t[1] * (x1 - x0), y: y0 + t[1] * (y1 - y0) };
    if (!open || t[0] > 0 || !last) {
      z++;
      out.push(last = { ...a, z });
    }
    out.push(last = { ...b, z });
    open = t[1] === 1;
  }
  if (x.length === 1 && Number.isFinite(x[0]) && Number.isFinite(y[0])) {
    if (x[0] >= xw[0] && x[0] <= xw[1] && y[0] >= yw[0] && y[0] <= yw[1]) {
      out.push({ x: x[0], y: y[0], z: 1 });
    }
  }
  return out;
}

/**
 * Ramer-Douglas-Peucker per connected piece, with the tolerance in pixels: keeps the
 * drawn curve within 0.05 px of the samples while dropping points on straight runs.
 * Self-contained, like {@linkcode clipPoints}: pages ship its source.
 *
 * @param points What {@linkcode clipPolyline} returned.
 * @param px Data units per pixel along x.
 * @param py Data units per pixel along y.
 * @returns The points kept, in order.
 */
export function simplify(points: SegmentPoint[], px: number, py: number): SegmentPoint[] {
  const out: SegmentPoint[] = [];
  let start = 0;
  for (let k = 1; k <= points.length; k++) {
    if (k === points.length || points[k].z !== points[start].z) {
      const piece = points.slice(start, k);
      const keep = new Uint8Array(piece.length);
      keep[0] = keep[piece.length - 1] = 1;
      const stack: [number, number][] = [[0, piece.length - 1]];
      while (stack.length) {
        const [a, b] = stack.pop()!;
        const ax = piece[a].x / px, ay = piece[a].y / py;
        const bx = piece[b].x / px, by = piece[b].y / py;
        const len = Math.hypot(bx - ax, by - ay);
        let worst = -1, far = 0;
        for (let i = a + 1; i < b; i++) {
          const cx = piece[i].x / px, cy = piece[i].y / py;
          const d = len === 0
            ? Math.hypot(cx - ax, cy - ay)
            : Math.abs((bx - ax) * (ay - cy) - (ax - cx) * (by - ay)) / len;
          if (d > far) [far, worst] = [d, i];
        }
        if (worst >= 0 && far > 0.05) {
          keep[worst] = 1;
          stack.push([a, worst], [worst, b]);
        }
      }
      piece.forEach((p, i) => keep[i] && out.push(p));
      start = k;
    }
  }
  return out;
}
