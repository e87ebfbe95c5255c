/**
 * Laying figures out: one Plot chart as a titled {@linkcode panel} with an optional
 * legend, and several figures side by side or stacked with the original's
 * `row(...)` / `column(...)`.
 *
 * @module
 */
import { serializeSvg } from "./dom.ts";
import { type ChartScales, Figure, type LinearScale } from "./figure.ts";
import { escapeXml } from "./markup.ts";
import { textWidth } from "./text_width.ts";
import { argument, checkNumber, checkOptions, checkString, option, typeError } from "../guards.ts";

// Titles are set no smaller than this (px) to fit their panel, with this margin each side.
const MIN_TITLE_SIZE = 14, TITLE_PAD = 4;

/**
 * Rows wider than this wrap (px, {@linkcode row}'s default `maxWidth`): JupyterLab shows a
 * notebook's outputs about 828 px wide in a 1280-px window with its file browser open, and
 * shrinks wider figures to fit; a figure of 1,000 px keeps the axes' 13 px type at 10.8 px
 * (tests/lab_test.ts measures every figure's text at 10 px or more).
 */
export const DEFAULT_MAX_ROW_WIDTH = 1_000;

/** Options of {@linkcode panel}. */
export interface PanelOptions {
  /**
   * Title drawn centred above the chart (the original's centred 16pt titles). One wider
   * than the panel is set smaller (down to 14 px), then widens the panel: never cut.
   */
  readonly title?: string;
  /** A colour bar or legend (an `<svg>` element) drawn to the right of the chart. */
  readonly legend?: Element;
  /** Title font size in px: from 1 to 200 (default 18). */
  readonly titleSize?: number;
  /** What the panel shows, in words (default: its title). */
  readonly description?: string;
}

/**
 * One panel: a Plot chart (an `<svg>` element) with an optional centred title above it
 * and an optional legend or colour bar to its right.
 *
 * @param chart The chart, e.g. the result of `Plot.plot({ document: plotDocument(), ... })`.
 * @param options Title, legend, description.
 * @returns The panel as a {@linkcode Figure}.
 * @throws {TypeError} If `chart` or `legend` is not an `<svg>` element with a positive
 *   width and height, or an option has the wrong type.
 * @throws {RangeError} If `titleSize` is outside [1, 200], or the panel is larger than
 *   `MAX_FIGURE_SIDE`.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { panel } from "./layout.ts";
 * import { plotDocument } from "./dom.ts";
 * const fig = panel(Plot.plot({ document: plotDocument(), marks: [Plot.dot([[0, 0]])] }), { title: "Dot" });
 * console.assert(fig.titles[0] === "Dot" && fig.height > 0);
 * ```
 */
export function panel(chart: Element, options?: PanelOptions): Figure {
  const o = checkOptions(options, argument("panel", "options"));
  const { title, legend, titleSize = 18 } = o;
  if (title !== undefined) checkString(title, option("title"), true);
  if (o.description !== undefined) checkString(o.description, option("description"), true);
  checkNumber(titleSize, option("titleSize"), { min: 1, max: 200 });
  const element = typeof chart?.setAttribute === "function";
  const scales = element ? chartScales(chart) : null;
  if (element) chart.setAttribute("data-chart", ""); // what an interactive page draws on
  const chartSvg = serializeSvg(chart); // names a chart that is not an <svg> element
  const cw = sizeOf(chart, "width"), ch = sizeOf(chart, "height");
  const top = title ? Math.round(titleSize * 1.9) : 0;
  let body = "";
  let width = cw;
  let height = top + ch;
  if (legend) {
    const legendSvg = serializeSvg(legend);
    const lw = sizeOf(legend, "width"), lh = sizeOf(legend, "height");
    body += `<g transform="translate(${cw},${top})">${legendSvg}</g>`;
    width += lw;
    height = Math.max(height, top + lh);
  }
  // A title wider than the panel is set smaller, down to MIN_TITLE_SIZE; one still too
  // wide widens the panel, which keeps its chart centred under it.
  let size = titleSize, shift = 0;
  if (title) {
    const wide = textWidth(title, titleSize, { bold: true }) + 2 * TITLE_PAD;
    if (wide > width) {
      size = Math.max(Math.min(titleSize, MIN_TITLE_SIZE), Math.floor(titleSize * width / wide));
      const needed = Math.ceil(textWidth(title, size, { bold: true }) + 2 * TITLE_PAD);
      if (needed > width) {
        shift = Math.round((needed - width) / 2);
        width = needed;
      }
    }
  }
  body = `<g transform="translate(0,${top})">${chartSvg}</g>` + body;
  if (shift) body = `<g transform="translate(${shift},0)">${body}</g>`;
  if (title) {
    body =
      `<text x="${width / 2}" y="${
        Math.round(titleSize * 1.3)
      }" text-anchor="middle" font-size="${size}" font-weight="bold" fill="black" data-title="">${
        escapeXml(title)
      }</text>` + body;
  }
  return new Figure(body, width, height, {
    titles: title ? [title] : [],
    description: o.description ?? title,
    charts: [scales],
  });
}

// A Plot chart's x and y scales when both are linear (Plot's chart.scale(name)).
function chartScales(chart: Element): ChartScales | null {
  const scale = (chart as Element & { scale?: (name: string) => unknown }).scale;
  if (typeof scale !== "function") return null;
  const linear = (name: string): LinearScale | null => {
    const s = scale.call(chart, name) as
      | { type?: string; domain?: number[]; range?: number[] }
      | undefined;
    if (s?.type !== "linear" || s.domain?.length !== 2 || s.range?.length !== 2) return null;
    return { domain: [s.domain[0], s.domain[1]], range: [s.range[0], s.range[1]] };
  };
  const x = linear("x"), y = linear("y");
  return x && y ? { x, y } : null;
}

function sizeOf(element: Element, name: "width" | "height"): number {
  const attribute = element.getAttribute(name);
  const v = Number(attribute);
  if (!(v > 0)) {
    throw new TypeError(
      `panel(chart): expected an <svg> element with a positive ${name}, got ${name}=${
        JSON.stringify(attribute)
      }`,
    );
  }
  return v;
}

/** Options of {@linkcode row} and {@linkcode column} (pass as the last argument). */
export interface LayoutOptions {
  /** Space between figures in px: from 0 to 1,000 (default 16). */
  readonly gap?: number;
  /**
   * {@linkcode row} only: the widest a line of figures gets, in px (at least 1; default
   * {@linkcode DEFAULT_MAX_ROW_WIDTH}, 1,000). Figures that would make the row wider
   * continue on a new line below, so a notebook shows them without shrinking their type
   * below 10 px. `Infinity` keeps every figure on one line.
   */
  readonly maxWidth?: number;
  /** Description of the composed figure (default: the parts' descriptions joined). */
  readonly description?: string;
}

function layout(
  direction: "row" | "column",
  args: readonly (Figure | LayoutOptions)[],
): Figure {
  const last = args[args.length - 1];
  const hasOptions = args.length > 0 && !(last instanceof Figure) && typeof last === "object" &&
    last !== null && Object.getPrototypeOf(last) === Object.prototype;
  const options: LayoutOptions = hasOptions ? last as LayoutOptions : {};
  const figs = hasOptions ? args.slice(0, -1) : args;
  if (figs.length === 0) {
    throw new TypeError(`${direction}() expects one or more figures, then optionally options`);
  }
  figs.forEach((f, k) => {
    if (!(f instanceof Figure)) {
      throw typeError(argument(direction, `figures[${k}]`), "a Figure", f);
    }
  });
  const { gap = 16, maxWidth = DEFAULT_MAX_ROW_WIDTH } = options;
  checkNumber(gap, option("gap"), { min: 0, max: 1_000 });
  if (typeof maxWidth !== "number") throw typeError(option("maxWidth"), "a number", maxWidth);
  if (!(maxWidth >= 1)) {
    throw new RangeError(`${option("maxWidth")}: ${maxWidth} is below the minimum 1`);
  }
  if (options.description !== undefined) {
    checkString(options.description, option("description"), true);
  }
  if (direction === "row") {
    const lines = wrap(figs as Figure[], gap, maxWidth);
    if (lines.length > 1) {
      return layout("column", [
        ...lines.map((line) => layout("row", [...line, { gap, maxWidth: Infinity }])),
        {
          gap,
          description: options.description ??
            (figs as Figure[]).map((f) => f.description).join(" | "),
        },
      ]);
    }
  }
  let offset = 0, cross = 0, body = "";
  for (const [k, f] of (figs as Figure[]).entries()) {
    if (k > 0) offset += gap;
    const [x, y] = direction === "row" ? [offset, 0] : [0, offset];
    body += `<g transform="translate(${x},${y})">${f.body}</g>`;
    offset += direction === "row" ? f.width : f.height;
    cross = Math.max(cross, direction === "row" ? f.height : f.width);
  }
  const [w, h] = direction === "row" ? [offset, cross] : [cross, offset];
  return new Figure(body, w, h, {
    titles: (figs as Figure[]).flatMap((f) => f.titles),
    charts: (figs as Figure[]).flatMap((f) => f.charts),
    description: options.description ?? (figs as Figure[]).map((f) => f.description).join(" | "),
  });
}

// Figures in lines no wider than maxWidth, in order; a figure wider than that alone.
function wrap(figs: Figure[], gap: number, maxWidth: number): Figure[][] {
  const lines: Figure[][] = [];
  let width = 0;
  for (const f of figs) {
    const line = lines.at(-1);
    if (line && width + gap + f.width <= maxWidth) {
      line.push(f);
      width += gap + f.width;
    } else {
      lines.push([f]);
      width = f.width;
    }
  }
  return lines;
}

/**
 * Figures side by side, top-aligned (Bokeh's `row(p1, p2)`). A row that would be wider
 * than `maxWidth` (default 1,000 px) wraps: the figures that do not fit continue on lines
 * below, left-aligned, so that a notebook never has to shrink it to illegible type.
 *
 * @param figures One or more figures, optionally followed by {@linkcode LayoutOptions}.
 * @returns The composed figure.
 * @throws {TypeError} If no figure is given or an argument is not a figure.
 * @throws {TypeError} If `maxWidth` is not a number.
 * @throws {RangeError} If `gap` is outside [0, 1000], `maxWidth` below 1, or the row is wider than
 *   `MAX_FIGURE_SIDE`.
 *
 * @example
 * ```ts
 * import { type ChartScales, Figure, type LinearScale } from "./figure.ts";
 * import { row } from "./layout.ts";
 * const a = new Figure("", 100, 50), b = new Figure("", 200, 80);
 * const r = row(a, b, { gap: 10 });
 * console.assert(r.width === 310 && r.height === 80);
 * ```
 */
export function row(...figures: (Figure | LayoutOptions)[]): Figure {
  return layout("row", figures);
}

/**
 * Figures stacked top to bottom, left-aligned (Bokeh's `column(p1, p2)`).
 *
 * @param figures One or more figures, optionally followed by {@linkcode LayoutOptions}.
 * @returns The composed figure.
 * @throws {TypeError} If no figure is given or an argument is not a figure.
 * @throws {RangeError} If `gap` is outside [0, 1000], or the column is higher than
 *   `MAX_FIGURE_SIDE`.
 *
 * @example
 * ```ts
 * import { column } from "./layout.ts";
 * import { type ChartScales, Figure, type LinearScale } from "./figure.ts";
 * const c = column(new Figure("", 100, 50), new Figure("", 200, 80), { gap: 0 });
 * console.assert(c.width === 200 && c.height === 130);
 * ```
 */
export function column(...figures: (Figure | LayoutOptions)[]): Figure {
  return layout("column", figures);
}
