/**
 * A legend of coloured line swatches that SVG and PNG export can hold.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotDocument } from "./dom.ts";
import { MAX_PANEL_SIZE } from "./figure.ts";
import { argument, checkArrayLike, checkOptions, checkPixels, option } from "../guards.ts";

/**
 * A vertical key of coloured line swatches with labels, as an `<svg>` element to pass as
 * a {@linkcode panel}'s `legend` (Plot's own swatch legend is HTML, which SVG and PNG
 * export cannot hold).
 *
 * @param items Labels and colours, in order.
 * @param options `width` in px, from 20 to 10,000 (default 120).
 * @returns An `<svg>` element.
 * @throws {TypeError} If `items` is not a non-empty array.
 * @throws {RangeError} If `width` is outside [20, 10000].
 *
 * @example
 * ```ts
 * import { swatches } from "./swatches.ts";
 * const key = swatches([{ label: "ReLU", color: "#42d1f5" }, { label: "ELU", color: "#ff33a7" }]);
 * console.assert(key.textContent!.includes("ELU"));
 * ```
 */
export function swatches(
  items: readonly { readonly label: string; readonly color: string }[],
  options?: { readonly width?: number },
): Element {
  const { width = 120 } = checkOptions(options, argument("swatches", "options"));
  checkPixels(width, option("width"), 20, MAX_PANEL_SIZE);
  checkArrayLike(items, argument("swatches", "items"), "an array of { label, color }");
  if (!items.length) throw new TypeError("swatches() expects at least one item");
  const rows = items.map((item, k) => ({ ...item, k }));
  return Plot.plot({
    document: plotDocument(),
    width,
    height: 24 * rows.length + 20,
    margin: 0,
    marginTop: 14,
    marginBottom: 6,
    x: { domain: [0, 1], axis: null },
    y: { domain: rows.map((r) => r.k), axis: null, type: "band" },
    style: { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    marks: [
      Plot.ruleY(rows, { y: "k", x1: 0.06, x2: 0.26, stroke: (d) => d.color, strokeWidth: 4 }),
      Plot.text(rows, { y: "k", x: 0.32, text: "label", textAnchor: "start" }),
    ],
  }) as unknown as Element;
}
