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
