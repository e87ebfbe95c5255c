/**
 * SVG to pixels: resvg draws a figure's SVG on white with the system's DejaVu fonts, as
 * PNG (for saved figures) or WebP (the compact still picture inside notebooks).
 *
 * @module
 */
import { createCanvas } from "canvas";
import { Resvg } from "@resvg/resvg-js";

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

type RenderedPixels = ReturnType<Resvg["render"]>;

function encodeWebp(image: RenderedPixels, quality: number): Uint8Array {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.pixels);
  ctx.putImageData(data, 0, 0);
  return canvas.encodeSync("webp", quality);
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
