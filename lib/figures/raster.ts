/**
 * SVG to pixels: resvg draws a figure's SVG on white with the system's DejaVu fonts, as
 * PNG (for saved figures) or WebP (the compact still picture inside notebooks).
 *
 * @module
 */
import { createCanvas } from "canvas";
import { renderAsync, Resvg } from "@resvg/resvg-js";
import { option } from "../guards.ts";

/**
 * Most pixels of one raster image (a PNG, a notebook's still picture): 50,000,000, about
 * 200 MB of RGBA while it is drawn (a 400 x 300 figure at scale 2 has 480,000).
 */
export const MAX_RASTER_PIXELS = 50_000_000;

/**
 * Checks the size of the image {@linkcode renderPng} would draw, before it is drawn.
 *
 * @param width Figure width in CSS pixels.
 * @param height Figure height in CSS pixels.
 * @param scale Zoom factor.
 * @throws {RangeError} If the image would have less than one pixel per side or more than
 *   {@linkcode MAX_RASTER_PIXELS} pixels, naming the `scale` option.
 *
 * @example
 * ```ts
 * import { checkRasterSize } from "./raster.ts";
 * checkRasterSize(400, 300, 2);
 * ```
 */
export function checkRasterSize(width: number, height: number, scale: number): void {
  // resvg rounds the zoomed size to whole pixels
  const w = Math.round(width * scale), h = Math.round(height * scale);
  if (!(w >= 1 && h >= 1)) {
    throw new RangeError(
      `${
        option("scale")
      }: ${scale} makes a ${width} x ${height} figure less than one pixel wide or high`,
    );
  }
  if (w * h > MAX_RASTER_PIXELS) {
    throw new RangeError(
      `${option("scale")}: ${scale} makes a ${w} x ${h} pixel image (${
        w * h
      } pixels) of a ${width} x ${height} figure, above the maximum ${MAX_RASTER_PIXELS} pixels`,
    );
  }
}

/**
 * The SVG as PNG bytes, drawn by resvg on white with the system's fonts.
 *
 * @param svg A standalone SVG document.
 * @param scale Zoom factor (2 draws a 400 px wide figure 800 px wide).
 * @returns PNG bytes.
 */
export function renderPng(svg: string, scale: number): Uint8Array {
  return rasterize(svg, scale).render().asPng();
}

/**
 * The SVG as WebP bytes: the compact raster of the untrusted-notebook fallback. WebP at 2x
 * stays sharp and is about a tenth of the PNG's size for heatmaps (smooth gradients
 * compress badly in PNG).
 *
 * @param svg A standalone SVG document.
 * @param scale Zoom factor.
 * @param quality WebP quality, 0 to 100.
 * @returns WebP bytes.
 */
export function renderWebp(svg: string, scale: number, quality: number): Uint8Array {
  return encodeWebp(rasterize(svg, scale).render(), quality);
}

/**
 * {@linkcode renderWebp} on other threads: resvg draws and the canvas encodes in their
 * thread pools while JavaScript goes on (a figure's still picture is drawn so while its
 * PNG is saved). The same bytes as `renderWebp`.
 *
 * @param svg A standalone SVG document.
 * @param scale Zoom factor.
 * @param quality WebP quality, 0 to 100.
 * @returns WebP bytes.
 *
 * @example
 * ```ts
 * import { renderWebp, renderWebpAsync } from "./raster.ts";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="3"/></svg>';
 * const bytes = await renderWebpAsync(svg, 2, 70);
 * console.assert(bytes.join() === renderWebp(svg, 2, 70).join());
 * ```
 */
export async function renderWebpAsync(
  svg: string,
  scale: number,
  quality: number,
): Promise<Uint8Array> {
  const image = await renderAsync(svg, rasterOptions(scale));
  return new Uint8Array(await canvasOf(image).encode("webp", quality));
}

type RenderedPixels = ReturnType<Resvg["render"]>;

function encodeWebp(image: RenderedPixels, quality: number): Uint8Array {
  return canvasOf(image).encodeSync("webp", quality);
}

function canvasOf(image: RenderedPixels) {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.pixels);
  ctx.putImageData(data, 0, 0);
  return canvas;
}

function rasterize(svg: string, scale: number): Resvg {
  return new Resvg(svg, rasterOptions(scale));
}

function rasterOptions(scale: number) {
  return {
    fitTo: { mode: "zoom" as const, value: scale },
    background: "white",
    font: fontOptions(),
  };
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
