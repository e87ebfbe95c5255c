/**
 * A grid of values as pixels, one per cell, coloured by a scheme in 256 steps (rows
 * flipped, so that row 0 is at the bottom; NaN transparent): the PNG data URL a heatmap
 * and its colour bar draw, the WebP of an epoch slider's frame, and the `<image>` that
 * carries a picture under a chart's axes. heatmap_figure.ts re-exports `rasterWebp()`.
 *
 * @module
 */
import { createCanvas } from "canvas";
import { checkGridSize } from "../grid.ts";
import { interpolateBmy } from "./palette.ts";
import { base64 } from "./markup.ts";
import { plotDocument } from "./dom.ts";

// Colours of 256 equal bins of the scheme, as RGB bytes (a lookup table: one scheme call
// per bin instead of one per cell).
function lookupTable(scheme: (t: number) => string | undefined): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = scheme((k + 0.5) / 256) ?? "#000000";
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
    const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(c);
    if (!hex && !rgb) {
      throw new TypeError(`Invalid scheme color "${c}": expected "#rrggbb" or "rgb(r, g, b)"`);
    }
    for (let i = 0; i < 3; i++) {
      table[3 * k + i] = hex ? parseInt(hex[i + 1], 16) : Number(rgb![i + 1]);
    }
  }
  return table;
}

/**
 * @internal The values as a PNG data URL, one pixel per cell, row 0 (lowest x2) at the
 * bottom; NaN cells are transparent.
 *
 * @param values Row-major values, `values[j * nx + i]` at column i and row j (upwards).
 * @param nx Columns.
 * @param ny Rows.
 * @param domain The values at the two ends of the colour scheme.
 * @param scheme Colour of `t` in `[0, 1]`.
 * @returns `data:image/png;base64,...`
 *
 * @example
 * ```ts
 * import { rasterDataUrl } from "./heatmap_raster.ts";
 * import { interpolateBmy } from "./palette.ts";
 * const url = rasterDataUrl([0, 1, NaN, 0.5], 2, 2, [0, 1], interpolateBmy);
 * console.assert(url.startsWith("data:image/png;base64,"));
 * ```
 */
export function rasterDataUrl(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  domain: readonly [number, number],
  scheme: (t: number) => string | undefined,
): string {
  const canvas = plotDocument().createElement("canvas");
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext("2d")!;
  ctx.putImageData(rasterPixels(values, nx, ny, domain, scheme, ctx.createImageData(nx, ny)), 0, 0);
  return canvas.toDataURL("image/png");
}

/**
 * A grid of values as a small WebP picture (a data URL), one pixel per cell, coloured as
 * {@linkcode heatmapFigure} colours them: the compact frames of an epoch slider.
 *
 * @param values Row-major values, `values[j * nx + i]` at column i and row j (upwards).
 * @param nx Columns.
 * @param ny Rows.
 * @param domain The values at the two ends of the colour scheme.
 * @param scheme Colour scheme (default bmy).
 * @returns `data:image/webp;base64,...`
 * @example
 * ```ts
 * import { rasterWebp } from "./heatmap_figure.ts";
 * const url = rasterWebp(new Float32Array([0, 0.5, 0.5, 1]), 2, 2, [0, 1]);
 * console.assert(url.startsWith("data:image/webp;base64,"));
 * ```
 */
export function rasterWebp(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  domain: readonly [number, number],
  scheme: (t: number) => string | undefined = interpolateBmy,
): string {
  checkGridSize(nx, ny);
  const canvas = createCanvas(nx, ny);
  const ctx = canvas.getContext("2d");
  const image = rasterPixels(values, nx, ny, domain, scheme, ctx.createImageData(nx, ny));
  ctx.putImageData(image, 0, 0);
  return `data:image/webp;base64,${base64(canvas.encodeSync("webp", 85))}`;
}

// The cells' colours: the scheme in 256 steps over the domain, rows flipped (row 0 at the
// bottom), NaN transparent.
function rasterPixels<T extends { data: Uint8ClampedArray }>(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  [lo, hi]: readonly [number, number],
  scheme: (t: number) => string | undefined,
  image: T,
): T {
  const table = lookupTable(scheme);
  const data = image.data;
  const span = hi - lo;
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const v = values[j * nx + i];
      const o = 4 * (row + i);
      if (v !== v) continue;
      const k = Math.min(255, Math.max(0, Math.floor((v - lo) / span * 256)));
      data[o] = table[3 * k];
      data[o + 1] = table[3 * k + 1];
      data[o + 2] = table[3 * k + 2];
      data[o + 3] = 255;
    }
  }
  return image;
}

/**
 * @internal Adds an `<image>` as the chart's first drawn layer (under axes, hover cells
 * and marks), in a `<g>` carrying its description.
 *
 * @param chart The chart's `<svg>`.
 * @param href The picture's URL.
 * @param box Where it goes, in the chart's px, and its `aria-description`.
 *
 * @example
 * ```ts
 * import { insertImage } from "./heatmap_raster.ts";
 * import { plotDocument } from "./dom.ts";
 * const svg = plotDocument().createElementNS("http://www.w3.org/2000/svg", "svg");
 * insertImage(svg, "data:,", { x: 0, y: 0, width: 10, height: 10, description: "picture" });
 * console.assert(svg.querySelector("image")?.getAttribute("width") === "10");
 * ```
 */
export function insertImage(
  chart: Element,
  href: string,
  box: { x: number; y: number; width: number; height: number; description: string },
): void {
  const doc = chart.ownerDocument;
  const g = doc.createElementNS("http://www.w3.org/2000/svg", "g");
  g.setAttribute("aria-description", box.description);
  const image = doc.createElementNS("http://www.w3.org/2000/svg", "image");
  for (const key of ["x", "y", "width", "height"] as const) {
    image.setAttribute(key, String(box[key]));
  }
  image.setAttribute("preserveAspectRatio", "none");
  // one flat colour per cell, as Bokeh draws images (and far smaller PNGs than smoothing)
  image.setAttribute("image-rendering", "optimizeSpeed");
  image.setAttribute("href", href);
  g.appendChild(image);
  const first = Array.from(chart.children).find((c) => c.localName !== "style");
  chart.insertBefore(g, first ?? null);
}
