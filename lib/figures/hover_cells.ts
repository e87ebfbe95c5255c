/**
 * Hover read-outs over a chart's area: invisible rectangles, each with a native SVG
 * `<title>` the browser shows on hover, as heatmaps and the playground's prediction use.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";

/** One hover cell: its extent in data coordinates and its read-out. */
export interface HoverCell {
  /** Left edge. */
  readonly x1: number;
  /** Right edge. */
  readonly x2: number;
  /** Bottom edge. */
  readonly y1: number;
  /** Top edge. */
  readonly y2: number;
  /** What hovering shows. */
  readonly title: string;
}

/**
 * The Plot mark of hover cells: transparent rectangles that catch the pointer, with their
 * read-outs as titles (described as "hover" for screen readers).
 *
 * @internal
 * @param cells The cells.
 * @returns A Plot mark.
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plotDocument } from "./dom.ts";
 * import { hoverCells } from "./hover_cells.ts";
 * const chart = Plot.plot({
 *   document: plotDocument(),
 *   marks: [hoverCells([{ x1: 0, x2: 1, y1: 0, y2: 1, title: "f = 0.5" }])],
 * });
 * console.assert(chart.outerHTML.includes("<title>f = 0.5</title>"));
 * ```
 */
export function hoverCells(cells: readonly HoverCell[]): Plot.Markish {
  return Plot.rect(cells, {
    x1: "x1",
    x2: "x2",
    y1: "y1",
    y2: "y2",
    fill: "white",
    fillOpacity: 0,
    pointerEvents: "all",
    title: "title",
    ariaDescription: "hover",
  });
}
