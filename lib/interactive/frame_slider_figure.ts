/**
 * A slider through precomputed frames of one figure: any sequence of figures that differ
 * only in their raster images and hover read-outs (the decision boundary over the epochs
 * has a compact figure of its own, `epoch_slider.ts`). The page carries every frame the
 * kernel rendered and its script only swaps them in.
 *
 * @module
 */
import { EpochSliderFigure, MAX_FRAMES } from "./epoch_slider.ts";
import { escapeXml } from "../figures/markup.ts";
import { Figure } from "../figures/figure.ts";
import { PageFigure } from "./page_figure.ts";
import { save, type SaveOptions } from "../figures/saving.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkOptions,
  checkString,
  option,
  typeError,
} from "../guards.ts";

export { MAX_FRAMES };

/** Options of {@linkcode frameSliderFigure}. */
export interface FrameSliderOptions {
  /** The slider's label, e.g. "Epoch" (default "Frame"). */
  readonly label?: string;
  /** Caption shown beside the slider for each frame (default the frame number). */
  readonly captions?: readonly string[];
  /** The frame shown first (default the last). */
  readonly start?: number;
  /** Page title of the standalone HTML (default the first frame's first title). */
  readonly title?: string;
}

interface FrameData {
  readonly images: string[][];
  /** Indices of the `<title>` elements whose text differs between frames. */
  readonly changing: number[];
  readonly titles: string[][];
  readonly captions: string[];
}

let counter = 0;

/** A figure with a slider through its frames; displays in Jupyter and saves as HTML. */
export class FrameSliderFigure extends PageFigure {
  readonly #data: FrameData;
  readonly #label: string;
  readonly #start: number;

  /** @internal Use {@linkcode frameSliderFigure}. */
  constructor(still: Figure, data: FrameData, label: string, start: number, title: string) {
    super(
      still,
      `fsf-${hash(JSON.stringify(data))}-${++counter}`,
      `${still.description}; slider "${label}" through ${data.captions.length} frames`,
      title,
    );
    this.#data = data;
    this.#label = label;
    this.#start = start;
  }

  /** Number of frames. */
  get frames(): number {
    return this.#data.captions.length;
  }

  /** The caption of each frame, in order. */
  get captions(): readonly string[] {
    return this.#data.captions;
  }

  /**
   * The live figure as an HTML fragment: SVG, slider, frame data and script.
   *
   * @param options `fallback`: include a still picture for untrusted Jupyter outputs.
   * @returns HTML markup.
   */
  fragment(options: { readonly fallback?: boolean } = {}): string {
    const n = this.frames, k = this.#start;
    const picture = this.picture(options.fallback);
    const json = JSON.stringify(this.#data).replace(/</g, "\\u003c");
    // untrusted notebooks drop the style and the script: the still picture and this note
    const note = options.fallback
      ? `<p class="fsf-note">${escapeXml(this.#data.captions[k])} (run the cell to use the ${
        escapeXml(this.#label)
      } slider)</p>`
      : "";
    return `<div class="fsf" id="${this.id}">` +
      `<style>.fsf:has(>style)>.fsf-controls{display:flex!important}` +
      `.fsf:has(>style)>.fsf-note{display:none!important}</style>` + picture + note +
      `<div class="fsf-controls" hidden style="display:none;gap:12px;align-items:center;margin:6px 0 0 62px;font:14px system-ui,sans-serif">` +
      `<label>${
        escapeXml(this.#label)
      } <input type="range" data-lm-suppress-shortcuts="true" min="0" max="${n - 1}" step="1" ` +
      `value="${k}" aria-label="${
        escapeXml(this.#label)
      }" style="width:300px;vertical-align:middle"></label>` +
      `<output style="font-variant-numeric:tabular-nums">${
        escapeXml(this.#data.captions[k])
      }</output></div>` +
      `<script type="application/json" class="fsf-data">${json}</script>` +
      `<script>(${runtime.toString()})(${JSON.stringify(this.id)});</script></div>`;
  }
}

// The page's script: swaps each frame's images and changing hover read-outs in.
// It runs in the browser, so it only uses what the page holds.
function runtime(id: string): void {
  const root = document.getElementById(id);
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  const data = JSON.parse(root.querySelector("script.fsf-data")!.textContent!);
  const svg = root.querySelector("svg")!;
  const images = svg.querySelectorAll("image");
  const titles = svg.querySelectorAll("title");
  const input = root.querySelector("input")!;
  const output = root.querySelector("output")!;
  const last = data.captions.length - 1;
  function show(value: string): void {
    let k = Math.round(Number(value));
    if (!Number.isFinite(k)) k = last;
    k = Math.max(0, Math.min(last, k));
    input.value = String(k);
    data.images[k].forEach((href: string, i: number) => images[i]?.setAttribute("href", href));
    data.changing.forEach((t: number, j: number) => {
      if (titles[t]) titles[t].textContent = data.titles[k][j];
    });
    output.textContent = data.captions[k];
    root!.dataset.frame = String(k);
  }
  input.addEventListener("input", () => show(input.value));
  show(input.value);
}

// FNV-1a, for ids that are unique per content and stable from run to run.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const IMAGE_HREF = /<image\b[^>]*?\shref="([^"]*)"/g;
const TITLE_TEXT = /<title>([^<]*)<\/title>/g;

/**
 * A slider through frames of one figure. The frames must have the same structure (same
 * number of `<image>` and `<title>` elements), as figures from one builder with different
 * values do; the page swaps images and read-outs, everything else is the start frame's.
 *
 * @param frames The figures, in slider order: at least one, at most {@linkcode MAX_FRAMES}.
 * @param options Slider label, captions, start frame, page title.
 * @returns The interactive figure.
 * @throws {TypeError} If there are no frames, a frame is not a Figure, the frames differ
 *   in structure, the number of captions does not match, or an option has the wrong type.
 * @throws {RangeError} If there are more than {@linkcode MAX_FRAMES} frames or `start` is
 *   not a frame index.
 *
 * @example
 * ```ts
 * import { frameSliderFigure } from "./frame_slider_figure.ts";
 * import { heatmapFigure } from "../figures/heatmap_figure.ts";
 * import { linspace } from "../grid.ts";
 * const x1 = linspace(0, 1, 4), x2 = linspace(0, 1, 4);
 * const frames = [1, 2].map((k) =>
 *   heatmapFigure({ x1, x2, values: new Float32Array(16).map((_, i) => (i % k) / 3) }, { title: "f" })
 * );
 * const fig = frameSliderFigure(frames, { label: "k", captions: ["k = 1", "k = 2"] });
 * console.assert(fig.frames === 2 && fig.html().includes('type="range"'));
 * ```
 */
export function frameSliderFigure(
  frames: readonly Figure[],
  options?: FrameSliderOptions,
): FrameSliderFigure {
  const label0 = (name: string) => argument("frameSliderFigure", name);
  checkArrayLike(frames, label0("frames"), "an array of figures");
  if (frames.length === 0) {
    throw new TypeError("frameSliderFigure() expects at least one frame");
  }
  if (frames.length > MAX_FRAMES) {
    throw new RangeError(
      `${label0("frames")}: ${frames.length} frames is above the maximum ${MAX_FRAMES}`,
    );
  }
  frames.forEach((f, k) => {
    if (!(f instanceof Figure)) throw typeError(label0(`frames[${k}]`), "a Figure", f);
  });
  options = checkOptions(options, label0("options"));
  const { label = "Frame", captions = frames.map((_, k) => `${k + 1} / ${frames.length}`) } =
    options;
  checkString(label, option("label"), true);
  checkArrayLike(captions, option("captions"), "an array of strings");
  if (captions.length !== frames.length) {
    throw new TypeError(`Expected ${frames.length} captions, got ${captions.length}`);
  }
  captions.forEach((c, k) => checkString(c, option(`captions[${k}]`), true));
  if (options.title !== undefined) checkString(options.title, option("title"), true);
  const start = checkInteger(
    options.start ?? frames.length - 1,
    option("start"),
    0,
    frames.length - 1,
  );
  const parsed = frames.map((f) => {
    const svg = f.svg();
    return {
      images: [...svg.matchAll(IMAGE_HREF)].map((m) => m[1]),
      titles: [...svg.matchAll(TITLE_TEXT)].map((m) => m[1]),
    };
  });
  const [first] = parsed;
  parsed.forEach((p, k) => {
    if (p.images.length !== first.images.length || p.titles.length !== first.titles.length) {
      throw new TypeError(
        `Frame ${k} differs in structure from frame 0: ${p.images.length} images and ` +
          `${p.titles.length} titles, expected ${first.images.length} and ${first.titles.length}`,
      );
    }
  });
  const changing = first.titles.map((_, t) => t).filter((t) =>
    parsed.some((p) => p.titles[t] !== first.titles[t])
  );
  // titles hold escaped text; the page sets textContent, so unescape once here
  const text = (s: string) =>
    s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const data: FrameData = {
    images: parsed.map((p) => p.images.map((h) => h.replace(/&amp;/g, "&"))),
    changing,
    titles: parsed.map((p) => changing.map((t) => text(p.titles[t]))),
    captions: [...captions],
  };
  const title = options.title ?? frames[start].titles[0] ?? label;
  return new FrameSliderFigure(frames[start], data, label, start, title);
}

/**
 * Writes a frame slider's standalone page as `<name>.html` in the figures folder,
 * atomically: `save(figure, name, options).html`, kept for the notebooks that call it
 * (`save()` takes every kind of figure).
 *
 * @param figure The frame slider (a {@linkcode FrameSliderFigure} or an `EpochSliderFigure`).
 * @param name File name without extension.
 * @param options `dir` (default: the figures folder).
 * @returns The path written.
 * @throws {TypeError} If `figure` is not a {@linkcode FrameSliderFigure} or an
 *   `EpochSliderFigure`, the name is invalid, or `dir` is not a non-empty string.
 * @throws {Error} If the folder cannot be written.
 *
 * @example
 * ```ts
 * import { Figure } from "../figures/figure.ts";
 * import { frameSliderFigure, saveFrameSlider } from "./frame_slider_figure.ts";
 * const frames = [1, 2].map((r) => new Figure(`<circle cx="5" cy="5" r="${r}"/>`, 10, 10));
 * const dir = Deno.makeTempDirSync();
 * const path = saveFrameSlider(frameSliderFigure(frames), "Circles", { dir });
 * console.assert(path.endsWith("/Circles.html"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveFrameSlider(
  figure: FrameSliderFigure | EpochSliderFigure,
  name: string,
  options?: SaveOptions,
): string {
  if (!(figure instanceof FrameSliderFigure || figure instanceof EpochSliderFigure)) {
    throw typeError(argument("saveFrameSlider", "figure"), "a FrameSliderFigure", figure);
  }
  return save(figure, name, options).html;
}
