/**
 * The pieces a prediction figure draws besides its cells: the key of class colours, the
 * invisible hover cells with their read-outs, and the even sample of points it plots.
 * prediction_figure.ts draws with them.
 *
 * @internal
 * @module
 */
import type * as Plot from "@observablehq/plot";
import { hoverCells as hoverMark } from "./hover_cells.ts";
import { plotDocument, SVG_NS } from "./dom.ts";
import { textWidth } from "./text_width.ts";
import { PLAYGROUND_CLASS_COLORS } from "./playground_colors.ts";
import type { PredictionPoints } from "./prediction_figure.ts";

/**
 * @internal A key of the class colours, and what filled and hollow points are.
 *
 * @param classes The number of classes.
 * @returns The key, an SVG element.
 *
 * @example
 * ```ts
 * import { classKey } from "./prediction_marks.ts";
 * console.assert(classKey(3).querySelectorAll("text").length === 5);
 * ```
 */
export function classKey(classes: number): Element {
  const doc = plotDocument(), font = 13, row = 22;
  const entries = [
    ...Array.from({ length: classes }, (_, c) => ({ text: `class ${c}`, c, hollow: false })),
    { text: "training", c: -1, hollow: false },
    { text: "test", c: -1, hollow: true },
  ];
  const width = Math.ceil(28 + Math.max(...entries.map((e) => textWidth(e.text, font))) + 8);
  const svg = doc.createElementNS(SVG_NS, "svg");
  const height = 12 + entries.length * row;
  for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}` })) {
    svg.setAttribute(k, String(v));
  }
  svg.setAttribute("font-family", "DejaVu Sans, system-ui, sans-serif");
  svg.setAttribute("font-size", String(font));
  entries.forEach((e, k) => {
    const y = 10 + k * row + row / 2;
    const dot = doc.createElementNS(SVG_NS, "circle");
    const color = e.c >= 0 ? PLAYGROUND_CLASS_COLORS[e.c] : "#666";
    for (
      const [name, value] of Object.entries({
        cx: 14,
        cy: y,
        r: e.c >= 0 ? 6 : 4,
        fill: e.hollow ? "white" : color,
        stroke: e.hollow ? color : "black",
        "stroke-width": e.hollow ? 1.8 : 0.6,
      })
    ) dot.setAttribute(name, String(value));
    const text = doc.createElementNS(SVG_NS, "text");
    text.setAttribute("x", "26");
    text.setAttribute("y", String(y));
    text.setAttribute("dy", "0.35em");
    text.textContent = e.text;
    svg.append(dot, text);
  });
  return svg;
}

/**
 * @internal An invisible 12 x 12 grid of cells, each with the read-out at its centre.
 *
 * @param readout The read-out of a cell of the prediction's grid, by index.
 * @param n The prediction's cells per axis.
 * @param extent The window `[[x1min, x1max], [x2min, x2max]]`.
 * @returns The mark.
 *
 * @example
 * ```ts
 * import { hoverCells } from "./prediction_marks.ts";
 * const mark = hoverCells((k) => `cell ${k}`, 100, [[-1, 1], [-1, 1]]);
 * console.assert(mark !== undefined);
 * ```
 */
export function hoverCells(
  readout: (k: number) => string,
  n: number,
  [[a1, b1], [a2, b2]]: readonly (readonly [number, number])[],
): Plot.Markish {
  const k = Math.min(12, n), cells = [];
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) {
      const ci = Math.min(n - 1, Math.floor(((i + 0.5) * n) / k));
      const cj = Math.min(n - 1, Math.floor(((j + 0.5) * n) / k));
      const x = a1 + ((ci + 0.5) * (b1 - a1)) / n, y = a2 + ((cj + 0.5) * (b2 - a2)) / n;
      cells.push({
        x1: a1 + (i * (b1 - a1)) / k,
        x2: a1 + ((i + 1) * (b1 - a1)) / k,
        y1: a2 + (j * (b2 - a2)) / k,
        y2: a2 + ((j + 1) * (b2 - a2)) / k,
        title: `x1 = ${fmt(x)}, x2 = ${fmt(y)}: ${readout(cj * n + ci)}`,
      });
    }
  }
  return hoverMark(cells);
}

/**
 * @internal At most `max` points of a set, evenly spread over it: `[x1, x2, label]`.
 *
 * @param set The points.
 * @param max The most to keep.
 * @returns The points kept, in order.
 *
 * @example
 * ```ts
 * import { sample } from "./prediction_marks.ts";
 * const kept = sample({ x: [0, 0, 1, 1, 2, 2, 3, 3], y: [0, 1, 0, 1] }, 2);
 * console.assert(kept.length === 2 && kept[1][0] === 2);
 * ```
 */
export function sample(set: PredictionPoints, max: number): [number, number, number][] {
  const n = set.y.length, count = Math.min(n, max), out: [number, number, number][] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor((k * n) / count);
    out.push([set.x[2 * i], set.x[2 * i + 1], set.y[i]]);
  }
  return out;
}

/**
 * @internal A number to 3 significant digits, for read-outs and descriptions.
 *
 * @param v The number.
 * @returns Its text.
 *
 * @example
 * ```ts
 * import { fmt } from "./prediction_marks.ts";
 * console.assert(fmt(-4.0371) === "-4.04");
 * ```
 */
export function fmt(v: number): string {
  return String(+v.toPrecision(3));
}
