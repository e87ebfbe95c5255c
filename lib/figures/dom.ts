/**
 * The one module that owns the DOM: a jsdom document with a working canvas for
 * Observable Plot, and the serialisation of what Plot draws on it as SVG markup.
 *
 * @module
 */
import { JSDOM } from "jsdom";
import { createCanvas } from "canvas";
import { escapeXml } from "./markup.ts";

/** The SVG namespace, declared on every standalone SVG document. */
export const SVG_NS = "http://www.w3.org/2000/svg";

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
 * import { plotDocument } from "./dom.ts";
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
 * import { plotDocument, serializeSvg } from "./dom.ts";
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
