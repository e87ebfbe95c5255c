/**
 * The playground's colours and pictures: a colour per class (the original's orange and
 * purple first), TensorFlow Playground's orange-white-blue scale for signed values, and
 * colour arrays turned into `<image>` elements (one pixel per grid cell).
 *
 * @module
 */
import { CLASS_COLORS } from "./boundary_figure.ts";
import { plotDocument, SVG_NS } from "./dom.ts";

/**
 * A colour per class: the original's orange and purple for classes 0 and 1, then eight
 * more that stay apart from them and from each other (up to ten classes, as CSV data may
 * have).
 */
export const PLAYGROUND_CLASS_COLORS: readonly string[] = [
  CLASS_COLORS[0],
  CLASS_COLORS[1],
  "#1b9e77",
  "#d62728",
  "#1f77b4",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** TensorFlow Playground's colours for negative and positive values: orange and blue. */
export const SIGNED_COLORS: readonly [string, string] = ["#f59322", "#0877bd"];

/**
 * A signed value's colour on Playground's scale: orange at -1, white at 0, blue at 1
 * (clamped beyond).
 *
 * @param t A value, usually in [-1, 1].
 * @returns `[r, g, b]`, each 0 to 255.
 *
 * @example
 * ```ts
 * import { signedRgb } from "./playground_colors.ts";
 * console.assert(signedRgb(0).join() === "255,255,255" && signedRgb(1).join() === "8,119,189");
 * ```
 */
export function signedRgb(t: number): [number, number, number] {
  const c = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return mix(c < 0 ? SIGNED_COLORS[0] : SIGNED_COLORS[1], Math.abs(c));
}

/**
 * `color` mixed into white: `amount` 0 is white, 1 the colour itself.
 *
 * @param color A `#rrggbb` colour.
 * @param amount From 0 to 1.
 * @returns `[r, g, b]`, each 0 to 255.
 *
 * @example
 * ```ts
 * import { mix } from "./playground_colors.ts";
 * console.assert(mix("#000000", 0.5).join() === "128,128,128");
 * ```
 */
export function mix(color: string, amount: number): [number, number, number] {
  const v = parseInt(color.slice(1), 16);
  const channels = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  const [r, g, b] = channels.map((c) => Math.round(255 + (c - 255) * amount));
  return [r, g, b];
}

/**
 * `[r, g, b]` as a `#rrggbb` string.
 *
 * @param rgb The channels, 0 to 255.
 * @returns E.g. `"#0877bd"`.
 *
 * @example
 * ```ts
 * import { hex } from "./playground_colors.ts";
 * console.assert(hex([8, 119, 189]) === "#0877bd");
 * ```
 */
export function hex(rgb: readonly [number, number, number]): string {
  return "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("");
}

/**
 * An `<image>` of a grid of colours, one pixel per cell, row 0 (the lowest x2) at the
 * bottom, drawn unsmoothed into a box.
 *
 * @param rgb `nx * ny * 3` channels, row-major by x2 then x1 (as a `Grid`'s values).
 * @param nx Cells per row.
 * @param ny Rows.
 * @param box Where to draw it, in the chart's pixels.
 * @returns The `<image>` element.
 *
 * @example
 * ```ts
 * import { gridImage } from "./playground_colors.ts";
 * const image = gridImage(new Uint8ClampedArray(2 * 2 * 3).fill(200), 2, 2, { x: 0, y: 0, width: 10, height: 10 });
 * console.assert(image.getAttribute("href")!.startsWith("data:image/png;base64,"));
 * ```
 */
export function gridImage(
  rgb: ArrayLike<number>,
  nx: number,
  ny: number,
  box: { x: number; y: number; width: number; height: number },
): Element {
  const doc = plotDocument();
  const canvas = doc.createElement("canvas");
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext("2d")!;
  const image = ctx.createImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const from = 3 * (j * nx + i), to = 4 * (row + i);
      image.data[to] = rgb[from];
      image.data[to + 1] = rgb[from + 1];
      image.data[to + 2] = rgb[from + 2];
      image.data[to + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  const element = doc.createElementNS(SVG_NS, "image");
  for (const key of ["x", "y", "width", "height"] as const) {
    element.setAttribute(key, String(+box[key].toFixed(2)));
  }
  element.setAttribute("preserveAspectRatio", "none");
  element.setAttribute("image-rendering", "optimizeSpeed");
  element.setAttribute("href", canvas.toDataURL("image/png"));
  return element;
}
