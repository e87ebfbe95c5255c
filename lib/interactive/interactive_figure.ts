/**
 * The {@linkcode InteractiveFigure}: a function / derivative pair with sliders, as an HTML
 * fragment for Jupyter and as a standalone page. It carries the precomputed curves and the
 * page runtime (`slider_runtime.ts`) that draws them.
 *
 * @module
 */
import { escapeXml, htmlPage } from "../figures/markup.ts";
import type { Figure } from "../figures/figure.ts";
import type { Interval } from "../figures/interval.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import type { ParamPlan } from "./param_plan.ts";
import { SLIDER_RUNTIME } from "./slider_runtime.ts";

/** Sizes of an {@linkcode InteractiveFigure}'s parts, in bytes (characters). */
export interface InteractiveSizes {
  /** Embedded curve data (base64). */
  readonly data: number;
  /** The standalone page ({@linkcode InteractiveFigure.html}). */
  readonly page: number;
}

/** One panel of a slider page: its samples, pixel mapping and read-outs. */
export interface PanelConfig {
  /** first sample index of the panel in the shared x array */
  i0: number;
  /** number of samples of the panel */
  n: number;
  /** pixel mapping px = ax x + bx, py = ay y + by (chart coordinates) */
  ax: number;
  bx: number;
  ay: number;
  by: number;
  xw: Interval;
  yw: Interval;
  /** hover read-outs: [x, sample index] */
  hover: [number, number][];
  digits: number;
  yLabel: string;
  /** whether the panel marks kinks and breaks its line there */
  kinks: boolean;
}

/** What a slider page embeds: labels, sliders, curves (base64), kinks and panels. */
export interface SliderConfig {
  id: string;
  label: string;
  color: string;
  mode: "product" | "lines";
  params: {
    name: string;
    label: string;
    grid: number[];
    step: number;
    default: number;
    digits: number;
  }[];
  x: string;
  y: string;
  dy: string;
  kinks: [number, number, number, number][][];
  panels: PanelConfig[];
}

/**
 * An interactive function / derivative pair: the static pair at the default parameter
 * values plus sliders. Shows itself in Jupyter (`text/html` with the live figure and its
 * script; for untrusted notebooks a still picture and a note; and `text/plain`)
 * and exports as a standalone page with {@linkcode InteractiveFigure.html}.
 */
export class InteractiveFigure {
  /** The static pair at the default parameter values (also the untrusted fallback). */
  readonly still: Figure;
  /** What the figure shows, in words. */
  readonly description: string;
  /** Unique element id of the figure's root (`asf-...`). */
  readonly id: string;
  /** The parameters and how the sliders map to the embedded curves. */
  readonly plan: ParamPlan;
  /** The x samples the curves were computed at (shared by both panels). */
  readonly x: Float64Array;
  readonly #config: SliderConfig;
  readonly #title: string;

  /** @internal Use {@linkcode sliderFigure} or {@linkcode parametricPairFigure}. */
  constructor(
    still: Figure,
    config: SliderConfig,
    plan: ParamPlan,
    x: Float64Array,
    title: string,
  ) {
    this.still = still;
    this.#config = config;
    this.plan = plan;
    this.x = x;
    this.id = config.id;
    this.#title = title;
    const names = config.params.map((p) => `${p.label} ${p.grid[0]} to ${p.grid.at(-1)}`);
    this.description = `${still.description}; interactive: ${names.join(", ")}`;
  }

  /**
   * The embedded curves of one parameter record, decoded from the page data (what the
   * browser draws): f on the function panel's samples and f' on the derivative panel's.
   *
   * @param index Index into `plan.records`.
   * @returns `{ x, y }` for the function panel and `{ dx, dy }` for the derivative panel.
   * @throws {RangeError} If the index is out of range.
   */
  embedded(
    index: number,
  ): { x: Float64Array; y: Float32Array; dx: Float64Array; dy: Float32Array } {
    const n = this.plan.records.length;
    if (!(Number.isInteger(index) && index >= 0 && index < n)) {
      throw new RangeError(`Invalid record index ${index}: expected an integer in [0, ${n - 1}]`);
    }
    const [pf, pd] = this.#config.panels;
    const ys = fromBase64(this.#config.y), dys = fromBase64(this.#config.dy);
    return {
      x: this.x.slice(pf.i0, pf.i0 + pf.n),
      y: ys.slice(index * pf.n, (index + 1) * pf.n),
      dx: this.x.slice(pd.i0, pd.i0 + pd.n),
      dy: dys.slice(index * pd.n, (index + 1) * pd.n),
    };
  }

  /** Sizes of the embedded data and of the standalone page. */
  get sizes(): InteractiveSizes {
    const c = this.#config;
    return { data: c.y.length + c.dy.length + c.x.length, page: this.html().length };
  }

  /**
   * The live figure as an HTML fragment: the SVG, the sliders, the data and the script.
   *
   * @param options `fallback`: also include the still picture and a note for untrusted
   *   Jupyter outputs (default false).
   * @returns HTML markup.
   */
  fragment(options: { readonly fallback?: boolean } = {}): string {
    const c = this.#config;
    const picture = options.fallback
      ? this.still.notebookHtml()
      : `<div class="asf-svg">${this.still.svg()}</div>`;
    // data-lm-suppress-shortcuts: JupyterLab's command-mode shortcuts otherwise swallow
    // the arrow keys pressed on a focused slider (checked in JupyterLab 4)
    const sliders = c.params.map((p, i) => {
      const value = p.grid[p.default];
      return `<label class="asf-param">${escapeXml(p.label)} ` +
        `<input type="range" data-asf-param="${i}" data-lm-suppress-shortcuts="true" min="${
          p.grid[0]
        }" max="${p.grid.at(-1)}" ` +
        `step="${p.step}" value="${value}" ` +
        `aria-label="${escapeXml(p.label)}"> <output>${value.toFixed(p.digits)}</output></label>`;
    }).join("");
    const note = options.fallback
      ? `<p class="asf-note">${
        escapeXml(c.params.map((p) => `${p.label} = ${p.grid[p.default]}`).join(", "))
      } (run the cell to use the sliders)</p>`
      : "";
    // the sliders show only once the script has run (no dead slider without scripts)
    const json = JSON.stringify(c).replace(/</g, "\\u003c");
    return `<div class="asf" id="${c.id}" data-asf-values="">` +
      `<style>.asf[data-asf-ready]>.asf-controls{display:flex!important}.asf:has(>style)>.asf-note{display:none!important}` +
      `.asf-controls{gap:24px;align-items:center;flex-wrap:wrap;margin:6px 0 0 62px;font:14px system-ui,sans-serif}` +
      `.asf-controls input{width:300px;vertical-align:middle}.asf-controls output{display:inline-block;min-width:3.5em;font-variant-numeric:tabular-nums}</style>` +
      picture +
      `<div class="asf-controls" data-lm-suppress-shortcuts="true" hidden style="display:none">${sliders}</div>${note}` +
      `<script type="application/json" class="asf-data">${json}</script>` +
      `<script>${SLIDER_RUNTIME}(${JSON.stringify(c.id)});</script></div>`;
  }

  /**
   * A standalone, self-contained HTML page (inline SVG, sliders, data and script; no
   * remote resource).
   *
   * @param title The page title (default: the activation's label).
   * @returns HTML markup.
   */
  html(title?: string): string {
    return htmlPage(this.fragment(), { title: title ?? this.#title });
  }

  /**
   * The HTML Jupyter shows: the live figure when trusted; the still picture and a note
   * when untrusted (the sanitizer removes `<style>`, `<svg>` and `<script>`).
   *
   * @returns HTML markup.
   */
  notebookHtml(): string {
    return this.fragment({ fallback: true });
  }

  /** The description. */
  toString(): string {
    return this.description;
  }

  /**
   * The Jupyter mime bundle: `text/html` ({@linkcode InteractiveFigure.notebookHtml}: the
   * live figure when trusted, the still picture when untrusted) and `text/plain`. Like
   * the static figures' bundle, no separate `image/png` (it would only add size: the
   * HTML already carries the picture).
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

function fromBase64(text: string): Float32Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}
