/// <reference lib="dom" />
/**
 * The one module that owns the DOM: a jsdom document with a working canvas for
 * Observable Plot, SVG serialisation, PNG export (resvg, 2x, white background, the
 * system's DejaVu fonts), the {@linkcode Figure} type that Jupyter displays inline,
 * the seed's `row(...)` / `column(...)` layouts, and atomic `save()` into the figures
 * folder.
 *
 * How a figure shows in JupyterLab. For an output, JupyterLab renders the mime type of
 * highest rank among those it has a renderer for; for an untrusted output (a saved
 * notebook opened later) it only considers renderers marked safe. `text/html` (rank 50,
 * safe because untrusted HTML is sanitized) therefore wins over `image/png` (rank 90) in
 * both cases, and `image/svg+xml` (marked unsafe) is never used for untrusted outputs.
 * So the `text/html` output carries both pictures: the inline SVG (native SVG `<title>`
 * hover read-outs work) inside a `<div hidden>`, and an `<img>` of the same picture (2x
 * WebP, small). A `<style>` in the output shows the SVG and hides the `<img>`. The
 * sanitizer of untrusted HTML drops `<style>` and `<svg>` (keeping the SVG's text, which
 * stays inside the hidden `<div>`) but keeps `hidden` and `<img src="data:...">`: the
 * picture shows. `image/png` (1x) and `text/plain` are there for other front ends.
 *
 * @module
 */
import { JSDOM } from "jsdom";
import { createCanvas } from "canvas";
import { Resvg } from "@resvg/resvg-js";
import * as Plot from "@observablehq/plot";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The symbol by which the Deno Jupyter kernel asks an object for its mime bundle
 * (`Symbol.for("Jupyter.display")`).
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

let shared: { window: Window & typeof globalThis; document: Document } | undefined;

/**
 * The shared jsdom document that every figure is drawn on; pass it to Plot as its
 * `document` option. It has a working `<canvas>` (Plot's raster mark and continuous
 * legends need one) backed by `@napi-rs/canvas`, installed under the name `canvas`.
 *
 * @returns The document (created on first use).
 *
 * @example
 * ```ts
 * import { plotDocument } from "./render.ts";
 * const canvas = plotDocument().createElement("canvas");
 * console.assert(canvas.getContext("2d") !== null);
 * ```
 */
export function plotDocument(): Document {
  if (shared === undefined) {
    patchCanvasContext();
    const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", {
      pretendToBeVisual: false,
    });
    shared = {
      window: dom.window as unknown as Window & typeof globalThis,
      document: dom.window.document,
    };
  }
  return shared.document;
}

// jsdom assigns `context.canvas = wrapper`, but @napi-rs/canvas defines `canvas` as a
// getter only; give it a setter so jsdom's assignment works instead of throwing.
function patchCanvasContext(): void {
  const proto = Object.getPrototypeOf(createCanvas(1, 1).getContext("2d"));
  const desc = Object.getOwnPropertyDescriptor(proto, "canvas");
  if (!desc?.get || desc.set) return;
  const own = Symbol("jsdomCanvas");
  Object.defineProperty(proto, "canvas", {
    configurable: true,
    enumerable: desc.enumerable,
    get(this: Record<symbol, unknown>) {
      return this[own] ?? desc.get!.call(this);
    },
    set(this: Record<symbol, unknown>, value: unknown) {
      this[own] = value;
    },
  });
}

/**
 * Serialises an element of the {@linkcode plotDocument} (for example what `Plot.plot`
 * returns) as XML, with the SVG namespace declared, Plot's scoped `<style>` and class
 * names removed (they would restyle nested panels), and nothing else changed.
 *
 * @param element An SVG element.
 * @returns Its markup.
 * @throws {TypeError} If `element` is not an `<svg>` element (for example a Plot
 *   `<figure>` made by the `title` or `legend` options: draw those with
 *   {@linkcode panel} instead).
 *
 * @example
 * ```ts
 * import { plotDocument, serializeSvg } from "./render.ts";
 * const svg = plotDocument().createElementNS("http://www.w3.org/2000/svg", "svg");
 * console.assert(serializeSvg(svg).startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
 * ```
 */
export function serializeSvg(element: Element): string {
  if (element?.namespaceURI !== SVG_NS || element.localName !== "svg") {
    throw new TypeError(
      `Expected an <svg> element, got <${element?.localName ?? String(element)}>`,
    );
  }
  return roundCoordinates(serializeNode(element, true));
}

// A plain XML serializer for Plot's output (about 7x faster than jsdom's XMLSerializer,
// which tracks namespaces): elements, attributes and text, minus Plot's <style> and the
// root's class. SVG elements need no namespace prefixes; the root declares the namespace.
function serializeNode(node: Node, root = false): string {
  if (node.nodeType === 3) return escapeText(node.nodeValue ?? "");
  if (node.nodeType !== 1) return "";
  const el = node as Element;
  const name = el.localName;
  if (name === "style") return "";
  let out = "<" + name;
  if (root) out += ` xmlns="${SVG_NS}"`;
  for (const attr of Array.from(el.attributes)) {
    if ((root && attr.name === "class") || attr.name === "xmlns") continue;
    out += ` ${attr.name}="${escapeXml(attr.value)}"`;
  }
  if (!el.firstChild) return out + "/>";
  out += ">";
  for (let c: ChildNode | null = el.firstChild; c; c = c.nextSibling) out += serializeNode(c);
  return out + `</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

// Numbers inside tags (coordinates, path data) to 2 decimals: 0.01 px is invisible and
// Plot writes up to 17 digits. Text content (labels, hover read-outs) is left alone.
function roundCoordinates(markup: string): string {
  return markup.replace(
    /<[^>]*>/g,
    (tag) => tag.replace(/(\d+\.\d\d)\d+/g, (_, kept: string) => kept.replace(/\.?0+$/, "")),
  );
}

/** Options of {@linkcode Figure}. */
export interface FigureOptions {
  /** What the figure shows, in words: the `text/plain` output and the image's alt text. */
  readonly description?: string;
  /** Titles of the panels, in reading order (for tests and descriptions). */
  readonly titles?: readonly string[];
}

/** Options of {@linkcode Figure.png}. */
export interface PngOptions {
  /** Zoom factor: 2 (default) draws a 400 px wide figure 800 px wide. */
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
 * import { Figure, panel, plotDocument } from "./render.ts";
 * const chart = Plot.plot({ document: plotDocument(), marks: [Plot.lineY([1, 3, 2])] });
 * const fig = panel(chart, { title: "Three points" });
 * console.assert(fig instanceof Figure && fig.svg().includes("Three points"));
 * ```
 */
export class Figure {
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
  #png = new Map<number, Uint8Array>();
  #webp?: Uint8Array;

  /**
   * @param body SVG markup (no outer `<svg>` needed) drawn in the box `[0, width] x [0, height]`.
   * @param width Width in CSS pixels (positive).
   * @param height Height in CSS pixels (positive).
   * @param options Description and titles.
   * @throws {RangeError} If a size is not a positive finite number.
   */
  constructor(body: string, width: number, height: number, options: FigureOptions = {}) {
    for (const [name, v] of [["width", width], ["height", height]] as const) {
      if (!(Number.isFinite(v) && v > 0)) {
        throw new RangeError(`Invalid figure ${name} ${v}: expected a positive number`);
      }
    }
    this.body = body;
    this.width = width;
    this.height = height;
    this.titles = options.titles ?? [];
    this.description = options.description ??
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
   * @throws {RangeError} If `scale` is not a positive number.
   */
  png(options: PngOptions = {}): Uint8Array {
    const { scale = 2 } = options;
    if (!(Number.isFinite(scale) && scale > 0)) {
      throw new RangeError(`Invalid PNG scale ${scale}: expected a positive number`);
    }
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
   * The HTML fragment Jupyter shows: inline SVG for trusted outputs, and a 2x WebP
   * picture for untrusted ones (see the module documentation).
   *
   * @returns HTML markup.
   */
  notebookHtml(): string {
    this.#webp ??= encodeWebp(rasterize(this.svg(), 2).render(), 80);
    const still = base64(this.#webp);
    return `<div class="afig"><style>.afig>.afig-live{display:block!important}.afig>.afig-still{display:none!important}</style>` +
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
  [JUPYTER_DISPLAY](): Record<string, string> {
    return {
      "text/html": this.notebookHtml(),
      "text/plain": this.description,
    };
  }
}

// A compact raster for the untrusted-notebook fallback: WebP at 2x stays sharp and is
// about a tenth of the PNG's size for heatmaps (smooth gradients compress badly in PNG).
type RenderedPixels = ReturnType<Resvg["render"]>;

function encodeWebp(image: RenderedPixels, quality: number): Uint8Array {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.pixels);
  ctx.putImageData(data, 0, 0);
  return canvas.encodeSync("webp", quality);
}

function renderPng(svg: string, scale: number): Uint8Array {
  return rasterize(svg, scale).render().asPng();
}

function rasterize(svg: string, scale: number): Resvg {
  return new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: fontOptions(),
  });
}

const DEJAVU = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) =>
  `/usr/share/fonts/truetype/dejavu/${f}`
);
let fonts: ResvgFontOptions | undefined;

type ResvgFontOptions = NonNullable<ConstructorParameters<typeof Resvg>[1]>["font"];

// DejaVu Sans straight from its files when installed (Debian's fonts-dejavu-core): no
// scan of every system font per figure; otherwise the system's fonts.
function fontOptions(): ResvgFontOptions {
  if (fonts) return fonts;
  const have = DEJAVU.every((path) => {
    try {
      return Deno.statSync(path).isFile;
    } catch {
      return false;
    }
  });
  const family = { defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" };
  return fonts = have
    ? { loadSystemFonts: false, fontFiles: DEJAVU, ...family }
    : { loadSystemFonts: true, ...family };
}

/**
 * Base64 of bytes (for data URIs and Jupyter mime bundles).
 *
 * @param bytes The bytes.
 * @returns Their base64 encoding.
 *
 * @example
 * ```ts
 * import { base64 } from "./render.ts";
 * console.assert(base64(new Uint8Array([104, 105])) === "aGk=");
 * ```
 */
export function base64(bytes: Uint8Array): string {
  let s = "";
  for (let k = 0; k < bytes.length; k += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  }
  return btoa(s);
}

/**
 * Escapes text for XML/HTML text and double-quoted attribute values.
 *
 * @param text Any text.
 * @returns The text with `&`, `<`, `>` and `"` escaped.
 *
 * @example
 * ```ts
 * import { escapeXml } from "./render.ts";
 * console.assert(escapeXml('a < "b"') === "a &lt; &quot;b&quot;");
 * ```
 */
export function escapeXml(text: string): string {
  return String(text).replace(
    /[&<>"]/g,
    (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Options of {@linkcode htmlPage}. */
export interface HtmlPageOptions {
  /** The page's `<title>`. */
  readonly title?: string;
  /** Extra markup for `<head>` (inline `<style>` or `<script>` only: no remote resources). */
  readonly head?: string;
}

/**
 * Wraps body markup in a minimal standalone HTML page (UTF-8, white background, system
 * fonts, no remote resources).
 *
 * @param body Markup for `<body>`.
 * @param options `title` and extra `head` markup.
 * @returns The page.
 *
 * @example
 * ```ts
 * import { htmlPage } from "./render.ts";
 * const page = htmlPage("<p>hi</p>", { title: "Leaky ReLU" });
 * console.assert(page.startsWith("<!DOCTYPE html>") && page.includes("<title>Leaky ReLU</title>"));
 * ```
 */
export function htmlPage(body: string, options: HtmlPageOptions = {}): string {
  const { title = "Figure", head = "" } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>body{margin:16px;background:white;color:black;font-family:system-ui,sans-serif}svg{max-width:100%;height:auto}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/** Options of {@linkcode panel}. */
export interface PanelOptions {
  /** Title drawn centred above the chart (the seed's centred 16pt titles). */
  readonly title?: string;
  /** A colour bar or legend (an `<svg>` element) drawn to the right of the chart. */
  readonly legend?: Element;
  /** Title font size in px (default 18). */
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
 * @throws {TypeError} If `chart` or `legend` is not an `<svg>` element.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { panel, plotDocument } from "./render.ts";
 * const fig = panel(Plot.plot({ document: plotDocument(), marks: [Plot.dot([[0, 0]])] }), { title: "Dot" });
 * console.assert(fig.titles[0] === "Dot" && fig.height > 0);
 * ```
 */
export function panel(chart: Element, options: PanelOptions = {}): Figure {
  const { title, legend, titleSize = 18 } = options;
  const chartSvg = serializeSvg(chart);
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
  body = `<g transform="translate(0,${top})">${chartSvg}</g>` + body;
  if (title) {
    body =
      `<text x="${width / 2}" y="${
        Math.round(titleSize * 1.3)
      }" text-anchor="middle" font-size="${titleSize}" font-weight="bold" fill="black">${
        escapeXml(title)
      }</text>` + body;
  }
  return new Figure(body, width, height, {
    titles: title ? [title] : [],
    description: options.description ?? title,
  });
}

function sizeOf(element: Element, name: "width" | "height"): number {
  const v = Number(element.getAttribute(name));
  if (!(v > 0)) throw new TypeError(`The <svg> element has no numeric ${name} attribute`);
  return v;
}

/** Options of {@linkcode row} and {@linkcode column} (pass as the last argument). */
export interface LayoutOptions {
  /** Space between figures in px (default 16). */
  readonly gap?: number;
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
  if (figs.length === 0 || !figs.every((f) => f instanceof Figure)) {
    throw new TypeError(`${direction}() expects one or more figures, then optionally options`);
  }
  const { gap = 16 } = options;
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
    description: options.description ?? (figs as Figure[]).map((f) => f.description).join(" | "),
  });
}

/**
 * Figures side by side, top-aligned (Bokeh's `row(p1, p2)`).
 *
 * @param figures One or more figures, optionally followed by {@linkcode LayoutOptions}.
 * @returns The composed figure.
 * @throws {TypeError} If no figure is given or an argument is not a figure.
 *
 * @example
 * ```ts
 * import { Figure, row } from "./render.ts";
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
 *
 * @example
 * ```ts
 * import { column, Figure } from "./render.ts";
 * const c = column(new Figure("", 100, 50), new Figure("", 200, 80), { gap: 0 });
 * console.assert(c.width === 200 && c.height === 130);
 * ```
 */
export function column(...figures: (Figure | LayoutOptions)[]): Figure {
  return layout("column", figures);
}

/**
 * The folder figures are saved to: the `FIGURES_DIR` environment variable when set
 * (the main job sets it to its staging folder), else the project's `out/figures/`, so a
 * notebook run by hand in JupyterLab saves where `deno task run` does and never litters
 * `notebooks/`.
 *
 * @returns A folder path (it may not exist yet; {@linkcode save} creates it).
 *
 * @example
 * ```ts
 * import { figuresDir } from "./render.ts";
 * console.assert(figuresDir().length > 0);
 * ```
 */
export function figuresDir(): string {
  const env = Deno.env.get("FIGURES_DIR");
  return env ? env : decodeURIComponent(new URL("../../out/figures", import.meta.url).pathname);
}

/**
 * Checks a figure name used as a file name: non-empty, at most 200 characters, no `/`,
 * `\`, `..`, control characters, leading/trailing spaces, or a leading dot. Spaces are
 * fine ("Leaky ReLU", "Linear vs Nonlinear").
 *
 * @param name The name without extension.
 * @returns The name.
 * @throws {TypeError} If the name is not a string or is not a valid file name.
 *
 * @example
 * ```ts
 * import { checkFigureName } from "./render.ts";
 * console.assert(checkFigureName("Leaky ReLU") === "Leaky ReLU");
 * ```
 */
export function checkFigureName(name: string): string {
  if (typeof name !== "string") {
    throw new TypeError(`Invalid figure name ${String(name)}: expected a string`);
  }
  // deno-lint-ignore no-control-regex
  const bad = name === "" || name.length > 200 || /[\/\\\u0000-\u001f\u007f]/.test(name) ||
    name.includes("..") || name.trim() !== name || name.startsWith(".");
  if (bad) {
    throw new TypeError(
      `Invalid figure name ${
        JSON.stringify(name)
      }: expected 1 to 200 characters without "/", "\\", "..", control characters, a leading dot or surrounding spaces`,
    );
  }
  return name;
}

/** Options of {@linkcode save} and {@linkcode saveHtml}. */
export interface SaveOptions {
  /** Target folder (default {@linkcode figuresDir}()); created if missing. */
  readonly dir?: string;
}

let tempCounter = 0;

/**
 * Writes `text` or bytes to `<dir>/<file>` atomically: a temporary file in the same
 * folder, then a rename, so readers never see half a file.
 *
 * @param dir The folder (created if missing).
 * @param file The file name.
 * @param data The content.
 * @returns The path written.
 * @throws {Error} If the folder cannot be created or written, naming the folder.
 *
 * @example
 * ```ts
 * import { writeAtomic } from "./render.ts";
 * const dir = Deno.makeTempDirSync();
 * const path = writeAtomic(dir, "a b.txt", "hello");
 * console.assert(Deno.readTextFileSync(path) === "hello");
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function writeAtomic(dir: string, file: string, data: string | Uint8Array): string {
  const path = `${dir.replace(/\/+$/, "") || "/"}/${file}`;
  const temp = `${dir}/.${file}.${Deno.pid}.${++tempCounter}.tmp`;
  try {
    Deno.mkdirSync(dir, { recursive: true });
    if (typeof data === "string") Deno.writeTextFileSync(temp, data);
    else Deno.writeFileSync(temp, data);
    Deno.renameSync(temp, path);
  } catch (error) {
    try {
      Deno.removeSync(temp);
    } catch { /* the temporary file was never written */ }
    throw new Error(
      `Cannot write "${file}" to the figures folder "${dir}": ${(error as Error).message}`,
      { cause: error },
    );
  }
  return path;
}

/**
 * Saves a figure as `<name>.svg` and `<name>.png` (2x) into the figures folder,
 * atomically (each file appears complete or not at all).
 *
 * @param figure The figure.
 * @param name File name without extension, e.g. "Leaky ReLU" (see {@linkcode checkFigureName}).
 * @param options `dir` (default {@linkcode figuresDir}()).
 * @returns The paths written.
 * @throws {TypeError} If `figure` is not a {@linkcode Figure} or the name is invalid.
 * @throws {Error} If the folder cannot be written (the message names the folder).
 *
 * @example
 * ```ts
 * import { Figure, save } from "./render.ts";
 * const dir = Deno.makeTempDirSync();
 * const { svg, png } = save(new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10), "Leaky ReLU", { dir });
 * console.assert(svg.endsWith("Leaky ReLU.svg") && png.endsWith("Leaky ReLU.png"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function save(
  figure: Figure,
  name: string,
  options: SaveOptions = {},
): { svg: string; png: string } {
  if (!(figure instanceof Figure)) {
    throw new TypeError(`Expected a Figure to save, got ${Object.prototype.toString.call(figure)}`);
  }
  checkFigureName(name);
  const dir = options.dir ?? figuresDir();
  const png = figure.png();
  return {
    svg: writeAtomic(dir, `${name}.svg`, figure.svg()),
    png: writeAtomic(dir, `${name}.png`, png),
  };
}

/**
 * Saves a standalone HTML page as `<name>.html` into the figures folder, atomically
 * (for interactive figures; a {@linkcode Figure}'s own page is `figure.html()`).
 *
 * @param html The page markup.
 * @param name File name without extension (see {@linkcode checkFigureName}).
 * @param options `dir` (default {@linkcode figuresDir}()).
 * @returns The path written.
 * @throws {TypeError} If the name is invalid or `html` is not a string.
 * @throws {Error} If the folder cannot be written (the message names the folder).
 *
 * @example
 * ```ts
 * import { htmlPage, saveHtml } from "./render.ts";
 * const dir = Deno.makeTempDirSync();
 * const path = saveHtml(htmlPage("<p>ELU</p>"), "ELU", { dir });
 * console.assert(path.endsWith("/ELU.html"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveHtml(html: string, name: string, options: SaveOptions = {}): string {
  if (typeof html !== "string") {
    throw new TypeError(`Expected HTML markup as a string, got ${typeof html}`);
  }
  checkFigureName(name);
  return writeAtomic(options.dir ?? figuresDir(), `${name}.html`, html);
}

/**
 * A vertical key of coloured line swatches with labels, as an `<svg>` element to pass as
 * a {@linkcode panel}'s `legend` (Plot's own swatch legend is HTML, which SVG and PNG
 * export cannot hold).
 *
 * @param items Labels and colours, in order.
 * @param options `width` in px (default 120).
 * @returns An `<svg>` element.
 * @throws {TypeError} If `items` is empty.
 *
 * @example
 * ```ts
 * import { swatches } from "./render.ts";
 * const key = swatches([{ label: "ReLU", color: "#42d1f5" }, { label: "ELU", color: "#ff33a7" }]);
 * console.assert(key.textContent!.includes("ELU"));
 * ```
 */
export function swatches(
  items: readonly { readonly label: string; readonly color: string }[],
  options: { readonly width?: number } = {},
): Element {
  const { width = 120 } = options;
  if (!items?.length) throw new TypeError("swatches() expects at least one item");
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
