/**
 * The {@linkcode Figure} type: SVG markup of a known size that Jupyter displays inline
 * and that exports as SVG, PNG (resvg, 2x, white background, the system's DejaVu fonts)
 * or a standalone HTML page.
 *
 * How a figure shows in JupyterLab. For an output, JupyterLab renders the mime type of
 * highest rank among those it has a renderer for; for an untrusted output (a saved
 * notebook opened later) it only considers renderers marked safe. `text/html` (rank 50,
 * safe because untrusted HTML is sanitized) therefore wins over `image/png` (rank 90) in
 * both cases, and `image/svg+xml` (marked unsafe) is never used for untrusted outputs.
 * So the `text/html` output carries both pictures: the inline SVG (native SVG `<title>`
 * hover read-outs work) inside a `<div hidden>`, and an `<img>` of the same picture (1.25x
 * WebP, small). A `<style>` in the output shows the SVG and hides the `<img>`. The
 * sanitizer of untrusted HTML drops `<style>` and `<svg>` (keeping the SVG's text, which
 * stays inside the hidden `<div>`) but keeps `hidden` and `<img src="data:...">`: the
 * picture shows. A style applies to the whole page, so its rules match only outputs that
 * still hold a `<style>` (`.afig:has(>style)`): a trusted notebook's rules never reach an
 * untrusted notebook open beside it. `text/plain` is there for other front ends.
 *
 * @module
 */
import { type DisplayableFigure, inJupyterKernel, JUPYTER_DISPLAY } from "../notebook/display.ts";
import { SVG_NS } from "./dom.ts";
import { base64, escapeXml, htmlPage } from "./markup.ts";
import {
  checkRasterSize,
  MAX_RASTER_PIXELS,
  renderPng,
  renderWebp,
  renderWebpAsync,
} from "./raster.ts";
import {
  argument,
  checkArrayLike,
  checkNumber,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/**
 * Largest width or height of a {@linkcode Figure}, in CSS pixels: 32,768 (a row of 30
 * panels; the original's widest figure is 1,332 px).
 */
export const MAX_FIGURE_SIDE = 32_768;

/**
 * Smallest `width` and `height` options of the figure builders (a panel's chart area
 * keeps its margins and axes): 100 px.
 */
export const MIN_PANEL_SIZE = 100;

/**
 * Largest `width` and `height` options of the figure builders, per panel: 10,000 px (the
 * defaults are about 400; a 4K screen is 3,840 px wide).
 */
export const MAX_PANEL_SIZE = 10_000;

// the WebP format's largest side, in pixels
const MAX_WEBP_SIDE = 16_383;
/** A position scale of a chart: data values in `domain` map linearly onto pixels in `range`. */
export interface LinearScale {
  /** The data interval, e.g. [-5, 5]. */
  readonly domain: readonly [number, number];
  /** The pixels it maps to, in the chart's own coordinates (y runs downwards). */
  readonly range: readonly [number, number];
}

/**
 * The position scales of one chart of a figure, in its own `<svg data-chart>` element:
 * what an interactive page needs to draw on it (it never reads them back from the SVG).
 */
export interface ChartScales {
  /** The horizontal scale. */
  readonly x: LinearScale;
  /** The vertical scale. */
  readonly y: LinearScale;
}

/** Options of {@linkcode Figure}. */
export interface FigureOptions {
  /** What the figure shows, in words: the `text/plain` output and the image's alt text. */
  readonly description?: string;
  /** Titles of the panels, in reading order (for tests and descriptions). */
  readonly titles?: readonly string[];
  /**
   * Scales of the charts with linear x and y scales, in document order of their
   * `<svg data-chart>` elements (`null` for a chart without them).
   */
  readonly charts?: readonly (ChartScales | null)[];
}

/** Options of {@linkcode Figure.png}. */
export interface PngOptions {
  /**
   * Zoom factor: 2 (default) draws a 400 px wide figure 800 px wide. A positive number
   * such that the image has at least one pixel per side and at most `MAX_RASTER_PIXELS`
   * (50,000,000) pixels in all; checked before anything is drawn.
   */
  readonly scale?: number;
}

/**
 * A finished figure: SVG markup of a known size that displays itself in Jupyter and
 * exports as SVG, PNG or a standalone HTML page. Build one with a figure builder, with
 * {@linkcode panel}, or compose several with {@linkcode row} and {@linkcode column}.
 *
 * @example A figure from a Plot chart
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { Figure } from "./figure.ts";
 * import { panel } from "./layout.ts";
 * import { plotDocument } from "./dom.ts";
 * const chart = Plot.plot({ document: plotDocument(), marks: [Plot.lineY([1, 3, 2])] });
 * const fig = panel(chart, { title: "Three points" });
 * console.assert(fig instanceof Figure && fig.svg().includes("Three points"));
 * ```
 */
export class Figure implements DisplayableFigure<"svg" | "png"> {
  /** Width in CSS pixels. */
  readonly width: number;
  /** Height in CSS pixels. */
  readonly height: number;
  /** What the figure shows, in words. */
  readonly description: string;
  /** Panel titles in reading order. */
  readonly titles: readonly string[];
  /** Inner SVG markup, drawn in a `width` x `height` box at the origin. */
  readonly body: string;
  /** Scales of its charts, in document order (see {@linkcode FigureOptions.charts}). */
  readonly charts: readonly (ChartScales | null)[];
  #png = new Map<number, Uint8Array>();
  #webp?: Uint8Array;
  #still?: Promise<unknown>;

  /**
   * A figure from SVG markup of a known size.
   *
   * @param body SVG markup (no outer `<svg>` needed) drawn in the box `[0, width] x [0, height]`.
   * @param width Width in CSS pixels: above 0, at most {@linkcode MAX_FIGURE_SIDE}.
   * @param height Height in CSS pixels: above 0, at most {@linkcode MAX_FIGURE_SIDE}.
   * @param options Description and titles.
   * @throws {TypeError} If `body` is not a string, or an option has the wrong type.
   * @throws {RangeError} If a size is not a number above 0 and at most
   *   {@linkcode MAX_FIGURE_SIDE}.
   */
  constructor(body: string, width: number, height: number, options?: FigureOptions) {
    const label = (name: string) => argument("Figure", name);
    checkString(body, label("body"), true);
    for (const [name, v] of [["width", width], ["height", height]] as const) {
      checkNumber(v, label(name), { min: 0, minExclusive: true, max: MAX_FIGURE_SIDE });
    }
    const { titles = [], description, charts = [] } = checkOptions(options, label("options"));
    checkArrayLike(titles, option("titles"), "an array of strings");
    titles.forEach((t, k) => checkString(t, option(`titles[${k}]`), true));
    if (description !== undefined) checkString(description, option("description"), true);
    this.body = body;
    this.width = width;
    this.height = height;
    this.titles = titles;
    this.charts = charts;
    this.description = description ??
      (this.titles.length ? `Figure: ${this.titles.join("; ")}` : "Figure");
  }

  /**
   * The figure as a standalone SVG document (namespaces declared, white background).
   *
   * @returns SVG markup.
   */
  svg(): string {
    const { width: w, height: h } = this;
    return `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" color="black" font-family="DejaVu Sans, system-ui, sans-serif" role="img" aria-label="${
      escapeXml(this.description)
    }"><rect width="${w}" height="${h}" fill="white"/>${this.body}</svg>`;
  }

  /**
   * The figure as PNG bytes, drawn by resvg with the system's fonts on white.
   *
   * @param options `scale` (default 2).
   * @returns PNG bytes, `scale * width` by `scale * height` pixels.
   * @throws {TypeError} If `options` is not an object or `scale` not a number.
   * @throws {RangeError} If `scale` is not a positive number, or the image would have
   *   less than one pixel per side or more than `MAX_RASTER_PIXELS` pixels.
   */
  png(options?: PngOptions): Uint8Array {
    const { scale = 2 } = checkOptions(options, argument("png", "options"));
    checkNumber(scale, option("scale"), { min: 0, minExclusive: true });
    checkRasterSize(this.width, this.height, scale);
    const cached = this.#png.get(scale);
    if (cached) return cached;
    const png = renderPng(this.svg(), scale);
    this.#png.set(scale, png);
    return png;
  }

  /**
   * A standalone, self-contained HTML page showing the figure (inline SVG with its hover
   * read-outs; no script, no remote resource).
   *
   * @param title The page title (default: the first panel title).
   * @returns HTML markup.
   */
  html(title?: string): string {
    return htmlPage(this.svg(), { title: title ?? this.titles[0] ?? "Figure" });
  }

  /**
   * What `save()` writes: the SVG document and the PNG at scale 2 (by
   * {@linkcode Figure.svg} and {@linkcode Figure.png}, called when written).
   *
   * @returns `{ svg, png }`.
   */
  files(): { readonly svg: () => string; readonly png: () => Uint8Array } {
    // in a notebook a saved figure is about to be shown: its still picture is drawn on
    // other threads while save() draws the PNG
    if (inJupyterKernel()) this.prepareStill();
    return { svg: () => this.svg(), png: () => this.png() };
  }

  /**
   * Starts drawing the still picture of {@linkcode Figure.notebookHtml} on other threads
   * (resvg's and the canvas's thread pools), so that it is ready, or nearly, when the
   * figure is displayed; until it is, the figure's mime bundle is a promise (the kernel
   * awaits it). In a notebook `save()` calls it (through `files()`) before drawing the
   * PNG. Does nothing once the picture is drawn or started.
   *
   * @returns Nothing.
   *
   * @example
   * ```ts
   * import { Figure } from "./figure.ts";
   * import { JUPYTER_DISPLAY } from "../notebook/display.ts";
   * const fig = new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10);
   * fig.prepareStill();
   * const bundle = await fig[JUPYTER_DISPLAY]();
   * console.assert(bundle["text/html"].includes("data:image/webp;base64,"));
   * ```
   */
  prepareStill(): void {
    if (this.#webp !== undefined || this.#still !== undefined) return;
    this.#still = renderWebpAsync(this.svg(), this.#stillZoom(), STILL_QUALITY).then(
      (bytes) => void (this.#webp ??= bytes),
      () => {}, // drawn again, synchronously, when displayed (and failing there, if at all)
    );
  }

  /**
   * The HTML fragment Jupyter shows: inline SVG for trusted outputs, and a WebP picture
   * for untrusted ones (see the module documentation) at 1.25x, quality 70: sharp enough
   * on a high-density screen (compared side by side with 1.5x at 2 device pixels per px)
   * at about a quarter of a 2x picture's weight, which keeps an executed notebook of a
   * dozen figures under a megabyte (1.5x weighs about 20% more: the original's port came
   * within 2% of a megabyte). Figures too large for 1.25x get
   * the largest zoom that fits WebP's 16,383 px sides and the raster budget.
   *
   * @returns HTML markup.
   */
  notebookHtml(): string {
    this.#webp ??= renderWebp(this.svg(), this.#stillZoom(), STILL_QUALITY);
    const still = base64(this.#webp);
    return `<div class="afig"><style>.afig:has(>style)>.afig-live{display:block!important}.afig:has(>style)>.afig-still{display:none!important}</style>` +
      `<div class="afig-live" hidden style="display:none">${this.svg()}</div>` +
      `<img class="afig-still" alt="${
        escapeXml(this.description)
      }" width="${this.width}" height="${this.height}" src="data:image/webp;base64,${still}"></div>`;
  }

  /** The description. */
  toString(): string {
    return this.description;
  }

  /**
   * The Jupyter mime bundle: `text/html` (see {@linkcode Figure.notebookHtml}: the live
   * SVG, and a picture that survives the sanitizer of untrusted notebooks) and
   * `text/plain`. No separate `image/png`: the HTML already carries a picture, and a PNG
   * copy of every figure pushed executed notebooks past 3 MB.
   *
   * @returns A mime bundle.
   */
  [JUPYTER_DISPLAY](): Record<string, string> | Promise<Record<string, string>> {
    const bundle = () => ({ "text/html": this.notebookHtml(), "text/plain": this.description });
    return this.#webp === undefined && this.#still !== undefined
      ? this.#still.then(bundle)
      : bundle();
  }

  // 1.25x, or the largest zoom that fits WebP's sides and the raster budget
  #stillZoom(): number {
    const { width: w, height: h } = this;
    return Math.min(
      1.25,
      MAX_WEBP_SIDE / w,
      MAX_WEBP_SIDE / h,
      Math.sqrt(MAX_RASTER_PIXELS / (w * h)) * 0.999,
    );
  }
}

// WebP quality of the still picture
const STILL_QUALITY = 70;
