/**
 * A legend of coloured line swatches that SVG and PNG export can hold.
 *
 * @module
 */
import { plotDocument, SVG_NS } from "./dom.ts";
import { MAX_PANEL_SIZE } from "./figure.ts";
import { textWidth } from "./text_width.ts";
import {
  argument,
  checkArrayLike,
  checkOptions,
  checkPixels,
  checkString,
  option,
} from "../guards.ts";

/** One entry of a {@linkcode swatches} legend. */
export interface Swatch {
  /** The text, e.g. "ReLU". */
  readonly label: string;
  /** The line's colour. */
  readonly color: string;
  /** The line's SVG dash pattern, e.g. `"7 5"`, for a curve drawn dashed (default solid). */
  readonly dash?: string;
}

/** Options of {@linkcode swatches}. */
export interface SwatchesOptions {
  /**
   * Width in px, from 20 to 10,000. Default: a key wide enough for its longest label
   * (measured with `textWidth`), or `maxWidth` for a flowing one.
   */
  readonly width?: number;
  /**
   * Lay the entries out in lines of at most this many px, left to right (a legend under
   * a figure), instead of one entry per line (beside it): from 20 to 10,000.
   */
  readonly maxWidth?: number;
  /** Space left of the first entry in px, from 0 to 10,000 (default 0). */
  readonly indent?: number;
}

// The geometry of one entry, in px: a 24 px line swatch, then its label in 13 px type.
const FONT_SIZE = 13, LINE = 24, LABEL_AT = 30, ROW = 24, PAD = 6, ENTRY_GAP = 18;

/**
 * A key of coloured line swatches with labels, as an `<svg>` element to pass as a
 * {@linkcode panel}'s `legend` (Plot's own swatch legend is HTML, which SVG and PNG
 * export cannot hold). One entry per line by default; with `maxWidth`, entries flow left
 * to right in lines no wider than that, for a legend under a figure. The width fits the
 * longest label, so no label is ever cut.
 *
 * @param items Labels, colours and dash patterns, in order.
 * @param options `width`, `maxWidth`, `indent`.
 * @returns An `<svg>` element.
 * @throws {TypeError} If `items` is not a non-empty array of `{ label, color }`.
 * @throws {RangeError} If a size option is outside its range.
 *
 * @example
 * ```ts
 * import { swatches } from "./swatches.ts";
 * const key = swatches([{ label: "ReLU", color: "#42d1f5" }, { label: "ELU", color: "#ff33a7" }]);
 * console.assert(key.textContent!.includes("ELU"));
 * ```
 */
export function swatches(items: readonly Swatch[], options?: SwatchesOptions): Element {
  const { width, maxWidth, indent = 0 } = checkOptions(options, argument("swatches", "options"));
  if (width !== undefined) checkPixels(width, option("width"), 20, MAX_PANEL_SIZE);
  if (maxWidth !== undefined) checkPixels(maxWidth, option("maxWidth"), 20, MAX_PANEL_SIZE);
  checkPixels(indent, option("indent"), 0, MAX_PANEL_SIZE);
  checkArrayLike(items, argument("swatches", "items"), "an array of { label, color }");
  if (!items.length) throw new TypeError("swatches() expects at least one item");
  items.forEach((item, k) => {
    checkString(item?.label, argument("swatches", `items[${k}].label`), true);
    checkString(item?.color, argument("swatches", `items[${k}].color`));
  });
  const entryWidth = (item: Swatch) => LABEL_AT + textWidth(item.label, FONT_SIZE);
  // each entry's top-left corner
  const at: [number, number][] = [];
  let right = 0, x = indent, line = 0;
  for (const item of items) {
    const w = entryWidth(item);
    if (maxWidth === undefined) {
      if (at.length) line++;
    } else if (x > indent && x + w > maxWidth - PAD) {
      line++;
      x = indent;
    }
    at.push([PAD + x, PAD + line * ROW]);
    right = Math.max(right, PAD + x + w + PAD);
    if (maxWidth !== undefined) x += w + ENTRY_GAP;
  }
  const svgWidth = width ?? (maxWidth === undefined ? Math.ceil(right) : maxWidth);
  const svgHeight = PAD * 2 + (line + 1) * ROW;
  const doc = plotDocument();
  const element = (name: string, attributes: Record<string, string | number>) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, String(value));
    return e;
  };
  const svg = element("svg", {
    width: svgWidth,
    height: svgHeight,
    viewBox: `0 0 ${svgWidth} ${svgHeight}`,
    "font-family": "DejaVu Sans, system-ui, sans-serif",
    "font-size": FONT_SIZE,
    "aria-label": "legend",
  });
  items.forEach((item, k) => {
    const [left, top] = at[k], middle = top + ROW / 2;
    const g = element("g", { "aria-label": item.label });
    g.appendChild(element("line", {
      x1: left + 2,
      x2: left + LINE - 2,
      y1: middle,
      y2: middle,
      stroke: item.color,
      "stroke-width": 4,
      ...(item.dash ? { "stroke-dasharray": item.dash } : {}),
    }));
    const text = element("text", { x: left + LABEL_AT, y: middle, dy: "0.32em", fill: "black" });
    text.textContent = item.label;
    g.appendChild(text);
    svg.appendChild(g);
  });
  return svg;
}
