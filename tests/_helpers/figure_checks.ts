/**
 * Helpers for testing figures by content: parse SVG markup, read a PNG's size, measure
 * whether a PNG is blank, and read path coordinates. Used by the figure tests in
 * lib/ and by tests/sliders_test.ts.
 *
 * @module
 */
/// <reference lib="dom" />
import * as Plot from "@observablehq/plot";
import { loadImage } from "canvas";
import { createCanvas } from "canvas";
import { plotDocument } from "../../lib/figures/dom.ts";
import { textWidth } from "../../lib/figures/text_width.ts";

/** Parses SVG markup into a document (throws on malformed XML). */
export function parseSvg(markup: string): Document {
  const view = plotDocument().defaultView as unknown as { DOMParser: typeof DOMParser };
  const doc = new view.DOMParser().parseFromString(markup, "image/svg+xml");
  const error = doc.querySelector("parsererror");
  if (error) throw new Error(`Malformed SVG: ${error.textContent}`);
  return doc;
}

/** Width and height from a PNG's IHDR chunk, after checking the PNG signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, k) => bytes[k] === b)) throw new Error("Not a PNG signature");
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (ihdr !== "IHDR") throw new Error(`Expected IHDR, got ${ihdr}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Decodes an image (PNG, WebP) and returns its RGBA pixels. */
export async function decodePixels(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

/** Variance of the grey level over all pixels (0 for a blank image). */
export async function pixelVariance(bytes: Uint8Array): Promise<number> {
  const { data } = await decodePixels(bytes);
  let sum = 0, sum2 = 0, n = 0;
  for (let k = 0; k < data.length; k += 4) {
    const g = (data[k] + data[k + 1] + data[k + 2]) / 3;
    sum += g;
    sum2 += g * g;
    n++;
  }
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

/** All coordinate pairs of an SVG path's `d` made of M/L commands. */
export function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of d.matchAll(/[ML]\s*(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)/g)) {
    out.push([Number(m[1]), Number(m[2])]);
  }
  return out;
}

/** The frame rectangle of a Plot chart (its `aria-label="frame"` rect). */
export function frameOf(chart: Element): { x: number; y: number; width: number; height: number } {
  const rect = chart.querySelector('[aria-label="frame"]');
  if (!rect) throw new Error("No frame in chart");
  const get = (a: string) => Number(rect.getAttribute(a));
  return { x: get("x"), y: get("y"), width: get("width"), height: get("height") };
}

/** Text content of every `<text>` element (tick labels, axis labels, titles). */
export function texts(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll("text"), (t) => (t.textContent ?? "").trim());
}

/** A small Plot chart (300 x 200, one thick pink line) to build panels and figures from. */
export function chart(): Element {
  return Plot.plot({
    document: plotDocument(),
    width: 300,
    height: 200,
    marks: [Plot.lineY([1, 3, 2], { stroke: "#ff33a7", strokeWidth: 4 })],
  }) as unknown as Element;
}

/** Where a `<text>` is drawn, by the width estimate the figures lay out with. */
export interface TextBox {
  /** Its text. */
  readonly text: string;
  /** Font size in px. */
  readonly fontSize: number;
  /** Its box in the figure's coordinates (px). */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A text drawn (partly) outside a box that clips it: its `<svg>`, or the figure's. */
export interface ClippedText extends TextBox {
  /** The box it leaves, in the figure's coordinates. */
  readonly clip: { left: number; right: number; top: number; bottom: number };
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

// An SVG transform list (translate, rotate, scale, matrix) as one matrix.
function parseTransform(text: string | null): Matrix {
  let m = IDENTITY;
  for (const [, op, args] of (text ?? "").matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const v = args.split(/[\s,]+/).filter(Boolean).map(Number);
    if (op === "translate") m = multiply(m, [1, 0, 0, 1, v[0], v[1] ?? 0]);
    else if (op === "scale") m = multiply(m, [v[0], 0, 0, v[1] ?? v[0], 0, 0]);
    else if (op === "matrix") m = multiply(m, v as Matrix);
    else if (op === "rotate") {
      const a = v[0] * Math.PI / 180, [cx, cy] = [v[1] ?? 0, v[2] ?? 0];
      m = multiply(m, [1, 0, 0, 1, cx, cy]);
      m = multiply(m, [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]);
      m = multiply(m, [1, 0, 0, 1, -cx, -cy]);
    } else throw new Error(`transform ${op}() not understood`);
  }
  return m;
}

// A box's bounding box after a matrix.
function mapBox(m: Matrix, l: number, t: number, r: number, b: number) {
  const xs: number[] = [], ys: number[] = [];
  for (const [x, y] of [[l, t], [r, t], [l, b], [r, b]]) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
  };
}

// The matrix from an element's coordinates to the figure's: its and its ancestors'
// transforms, and nested <svg>s' x and y.
function toFigure(el: Element): Matrix {
  const chain: Matrix[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    chain.unshift(parseTransform(e.getAttribute("transform")));
    if (e.localName === "svg" && e.parentElement) {
      chain.unshift([
        1,
        0,
        0,
        1,
        Number(e.getAttribute("x") ?? 0),
        Number(e.getAttribute("y") ?? 0),
      ]);
    }
  }
  return chain.reduce(multiply, IDENTITY);
}

// An inherited presentation property: a style declaration wins over an attribute.
function inherited(el: Element, name: string): string | undefined {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const style = e.getAttribute("style")?.match(new RegExp(`(?:^|;)\\s*${name}:\\s*([^;]+)`));
    if (style) return style[1].trim();
    const attribute = e.getAttribute(name);
    if (attribute !== null) return attribute;
  }
  return undefined;
}

function length(value: string | null, fontSize: number): number {
  if (!value) return 0;
  const first = value.trim().split(/[\s,]+/)[0];
  return first.endsWith("em") ? parseFloat(first) * fontSize : parseFloat(first) || 0;
}

/**
 * Every `<text>` of an SVG document with the box it is drawn in, estimated as the figures
 * lay text out: widths by `textWidth()` (DejaVu Sans advances), a line from 0.8 em above
 * its baseline to 0.24 em below, placed by its `x`, `y`, `dx`, `dy`, `text-anchor` and
 * every transform above it.
 */
export function textBoxes(markup: string): TextBox[] {
  const doc = parseSvg(markup);
  const out: TextBox[] = [];
  for (const text of Array.from(doc.querySelectorAll("text"))) {
    const content = text.textContent ?? "";
    if (!content.trim()) continue;
    out.push(textBox(text, content));
  }
  return out;
}

function textBox(text: Element, content: string): TextBox {
  const fontSize = parseFloat(inherited(text, "font-size") ?? "16");
  const bold = /bold|[6-9]00/.test(inherited(text, "font-weight") ?? "");
  const anchor = inherited(text, "text-anchor") ?? "start";
  const width = textWidth(content, fontSize, { bold });
  const x = length(text.getAttribute("x"), fontSize) + length(text.getAttribute("dx"), fontSize);
  const y = length(text.getAttribute("y"), fontSize) + length(text.getAttribute("dy"), fontSize);
  const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  const box = mapBox(toFigure(text), left, y - 0.8 * fontSize, left + width, y + 0.24 * fontSize);
  return { text: content, fontSize, ...box };
}

/**
 * The texts of a figure that are cut: drawn, by the figures' own width estimate, partly
 * outside the `<svg>` that holds them (a nested chart clips what leaves its box) or the
 * figure itself. Empty when every label, tick and legend entry shows whole.
 *
 * @param figure Anything with `svg()`: a Figure.
 * @param tolerance How far past a box a text may reach, in px (default 0.5).
 */
export function clippedTexts(figure: { svg(): string }, tolerance = 0.5): ClippedText[] {
  const doc = parseSvg(figure.svg());
  const out: ClippedText[] = [];
  for (const text of Array.from(doc.querySelectorAll("text"))) {
    const content = text.textContent ?? "";
    if (!content.trim()) continue;
    const box = textBox(text, content);
    for (let e = text.parentElement; e; e = e.parentElement) {
      if (e.localName !== "svg") continue;
      const w = Number(e.getAttribute("width")), h = Number(e.getAttribute("height"));
      // the svg's own box, in the figure's coordinates (its transform chain minus its viewBox)
      const clip = mapBox(toFigure(e), 0, 0, w, h);
      if (
        box.left < clip.left - tolerance || box.right > clip.right + tolerance ||
        box.top < clip.top - tolerance || box.bottom > clip.bottom + tolerance
      ) {
        out.push({ ...box, clip });
        break;
      }
    }
  }
  return out;
}
