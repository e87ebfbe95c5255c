/**
 * The playground's colours and pictures: a colour per class (the original's orange and
 * purple first), TensorFlow Playground's orange-white-blue scale for signed values, a
 * network's prediction coloured cell by cell ({@linkcode predictionRgb}: what the
 * prediction figure, the live view of training and the epoch slider's frames all draw),
 * and colour arrays turned into pictures (one pixel per grid cell).
 *
 * @module
 */
import { CLASS_COLORS } from "./boundary_figure.ts";
import { plotDocument, SVG_NS } from "./dom.ts";
import { OUTPUT_KINDS, type OutputKind } from "../training/network.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  option,
  typeError,
} from "../guards.ts";

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
  const out: [number, number, number] = [0, 0, 0];
  mixInto(out, 0, ...signedMix(t));
  return out;
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
  const out: [number, number, number] = [0, 0, 0];
  mixInto(out, 0, channels(color), amount);
  return out;
}

// A colour's channels, parsed once.
const parsed = new Map<string, readonly number[]>();
function channels(color: string): readonly number[] {
  let rgb = parsed.get(color);
  if (!rgb) {
    const v = parseInt(color.slice(1), 16);
    rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
    parsed.set(color, rgb);
  }
  return rgb;
}

// Channels mixed into white by `amount`, written to out[at], out[at + 1], out[at + 2].
function mixInto(
  out: { [k: number]: number },
  at: number,
  rgb: readonly number[],
  amount: number,
): void {
  for (let c = 0; c < 3; c++) out[at + c] = Math.round(255 + (rgb[c] - 255) * amount);
}

// Playground's colour of a signed value: orange or blue, and how much of it (|t|, at most 1).
function signedMix(t: number): [readonly number[], number] {
  const c = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return [channels(c < 0 ? SIGNED_COLORS[0] : SIGNED_COLORS[1]), Math.abs(c)];
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
 * A grid of colours as a PNG data URL, one pixel per cell, row 0 (the lowest x2) at the
 * bottom: lossless, so a picture shows exactly the colours computed.
 *
 * @param rgb `nx * ny * 3` channels, row-major by x2 then x1 (as a `Grid`'s values).
 * @param nx Cells per row.
 * @param ny Rows.
 * @returns `data:image/png;base64,...`
 *
 * @example
 * ```ts
 * import { gridDataUrl } from "./playground_colors.ts";
 * const url = gridDataUrl(new Uint8ClampedArray(2 * 2 * 3).fill(200), 2, 2);
 * console.assert(url.startsWith("data:image/png;base64,"));
 * ```
 */
export function gridDataUrl(rgb: ArrayLike<number>, nx: number, ny: number): string {
  const canvas = plotDocument().createElement("canvas");
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
  return canvas.toDataURL("image/png");
}

/**
 * An `<image>` of a grid of colours, one pixel per cell, row 0 (the lowest x2) at the
 * bottom, drawn unsmoothed into a box.
 *
 * @param rgb `nx * ny * 3` channels, row-major by x2 then x1 (as a `Grid`'s values).
 * @param nx Cells per row.
 * @param ny Rows.
 * @param box Where to draw it, in the chart's pixels.
 * @returns The `<image>` element; its `href` is {@linkcode gridDataUrl}'s.
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
  const element = plotDocument().createElementNS(SVG_NS, "image");
  for (const key of ["x", "y", "width", "height"] as const) {
    element.setAttribute(key, String(+box[key].toFixed(2)));
  }
  element.setAttribute("preserveAspectRatio", "none");
  element.setAttribute("image-rendering", "optimizeSpeed");
  element.setAttribute("href", gridDataUrl(rgb, nx, ny));
  return element;
}

/**
 * How a network's outputs become colours: what its output layer gives, and for
 * regression how far the colour scale reaches. Made by {@linkcode predictionScale}.
 */
export interface PredictionScale {
  /** The output layer: a sigmoid's probability of class 1, a softmax's per class, a value. */
  readonly output: OutputKind;
  /** Values per point: the classes of a softmax output, else 1 (a regression's first is drawn). */
  readonly outputs: number;
  /** Regression: the value drawn full blue, its negative full orange (unused for classes). */
  readonly range: number;
  /** Only the predicted class, or the sign of a regression: Playground's "Discretize output". */
  readonly discretize: boolean;
}

/** Options of {@linkcode predictionScale}. */
export interface PredictionScaleOptions {
  /**
   * Regression targets (the training and test points'): the scale reaches the largest
   * |target|, at least 1e-6. Default none: 1e-6.
   */
  readonly targets?: readonly ArrayLike<number>[];
  /** Show only the predicted class (or the sign); default false. */
  readonly discretize?: boolean;
}

// a regression's colour scale reaches at least this far from 0
const MIN_RANGE = 1e-6;

/**
 * The colour scale of a network's predictions: its output layer and, for regression, a
 * range symmetric around 0 as wide as the largest target.
 *
 * @param output The output layer, one of `OUTPUT_KINDS` (`network.output`).
 * @param outputs Values per point (`network.sizes.at(-1)`): 1 for a sigmoid, at least 2
 *   for a softmax.
 * @param options `targets`, `discretize` ({@linkcode PredictionScaleOptions}).
 * @returns The {@linkcode PredictionScale}.
 * @throws {RangeError} If `output` is not an output layer (the message lists them), or
 *   `outputs` does not fit it.
 * @throws {TypeError} If an option has the wrong type.
 *
 * @example A regression's scale reaches its largest target
 * ```ts
 * import { predictionScale } from "./playground_colors.ts";
 * const s = predictionScale("linear", 1, { targets: [[0.2, -1.5], [0.9]] });
 * console.assert(s.range === 1.5 && !s.discretize);
 * ```
 */
export function predictionScale(
  output: OutputKind,
  outputs: number,
  options?: PredictionScaleOptions,
): PredictionScale {
  const label = (name: string) => argument("predictionScale", name);
  if (!OUTPUT_KINDS.includes(output)) {
    throw new RangeError(
      `${label("output")}: unknown "${output}": expected one of ${
        OUTPUT_KINDS.map((k) => `"${k}"`).join(", ")
      }`,
    );
  }
  checkInteger(
    outputs,
    label("outputs"),
    output === "softmax" ? 2 : 1,
    output === "sigmoid" ? 1 : undefined,
  );
  const { targets = [], discretize = false } = checkOptions(options, label("options"));
  checkArrayLike(targets, option("targets"), "an array of target arrays");
  if (typeof discretize !== "boolean") {
    throw typeError(option("discretize"), "true or false", discretize);
  }
  let range = MIN_RANGE;
  if (output === "linear") {
    targets.forEach((set, k) => {
      checkArrayLike(set, option(`targets[${k}]`));
      for (let i = 0; i < set.length; i++) range = Math.max(range, Math.abs(set[i]));
    });
  }
  return { output, outputs, range, discretize };
}

/**
 * The most probable class at point `k` and its probability (a sigmoid's two classes are
 * 1 - p and p). Ties go to the lower class.
 *
 * @param values The network's outputs, `scale.outputs` per point.
 * @param k The point.
 * @param scale From {@linkcode predictionScale}; not for regression.
 * @returns `[class, probability]`.
 *
 * @example
 * ```ts
 * import { mostProbable, predictionScale } from "./playground_colors.ts";
 * const [c, p] = mostProbable([0.2, 0.7, 0.1], 0, predictionScale("softmax", 3));
 * console.assert(c === 1 && Math.abs(p - 0.7) < 1e-9);
 * ```
 */
export function mostProbable(
  values: ArrayLike<number>,
  k: number,
  scale: PredictionScale,
): [number, number] {
  if (scale.output === "sigmoid") {
    const p = values[k];
    return p > 1 - p ? [1, p] : [0, 1 - p];
  }
  const start = k * scale.outputs;
  let best = 0;
  for (let c = 1; c < scale.outputs; c++) {
    if (values[start + c] > values[start + best]) best = c;
  }
  return [best, values[start + best]];
}

/**
 * A network's prediction coloured cell by cell, as TensorFlow Playground colours it: the
 * most probable class in its colour ({@linkcode PLAYGROUND_CLASS_COLORS}), mixed with
 * white by how sure the network is (from 0.08 where classes tie to 0.8 where it is
 * certain; 0.55 everywhere when discretized), or a regression's value on the signed
 * orange-white-blue scale (value / range; its sign when discretized). The prediction
 * figure, the live view of training and the epoch slider's frames all colour with this.
 *
 * @param values The network's outputs, `scale.outputs` per cell (as `gridOutputs()`
 *   gives them).
 * @param scale From {@linkcode predictionScale}.
 * @returns `[r, g, b]` per cell, `3 * cells` channels (for {@linkcode gridDataUrl}).
 * @throws {TypeError} If `values` is not an array of numbers, its length not a multiple of
 *   `scale.outputs`, or `scale` not a scale.
 *
 * @example Two cells of a sigmoid network: a tie is nearly white, a sure class 1 deep purple
 * ```ts
 * import { predictionRgb, predictionScale } from "./playground_colors.ts";
 * const rgb = predictionRgb([0.5, 1], predictionScale("sigmoid", 1));
 * console.assert(rgb.join() === "254,245,240,164,104,247");
 * ```
 */
export function predictionRgb(
  values: ArrayLike<number>,
  scale: PredictionScale,
): Uint8ClampedArray {
  const label = (name: string) => argument("predictionRgb", name);
  checkArrayLike(values, label("values"));
  checkObject(scale, label("scale"), "what predictionScale() returns");
  const { output, outputs, range, discretize } = scale;
  if (values.length % outputs !== 0) {
    throw new TypeError(
      `${label("values")}: ${values.length} values is not a multiple of ${outputs} outputs`,
    );
  }
  const cells = values.length / outputs;
  const rgb = new Uint8ClampedArray(3 * cells);
  const classes = output === "softmax" ? outputs : 2;
  if (output === "linear") {
    for (let k = 0; k < cells; k++) {
      const v = values[k * outputs];
      mixInto(rgb, 3 * k, ...signedMix(discretize ? Math.sign(v) : v / range));
    }
    return rgb;
  }
  const palette = PLAYGROUND_CLASS_COLORS.slice(0, classes).map(channels);
  for (let k = 0; k < cells; k++) {
    const [best, p] = mostProbable(values, k, scale);
    const sure = (p - 1 / classes) / (1 - 1 / classes);
    mixInto(rgb, 3 * k, palette[best], discretize ? 0.55 : 0.08 + 0.72 * sure);
  }
  return rgb;
}
