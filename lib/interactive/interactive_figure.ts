/**
 * The {@linkcode InteractiveFigure}: a function / derivative pair with a slider and a
 * number box per parameter, as an HTML fragment for Jupyter and as a standalone page. It
 * carries the activation's compiled program (a few kilobytes of WebAssembly) and the page
 * script (`live_runtime.ts`) that computes and draws every curve in the browser.
 *
 * @module
 */
import { escapeXml } from "../figures/markup.ts";
import type { Figure } from "../figures/figure.ts";
import type { LiveConfig } from "./live_config.ts";
import { liveScript } from "./live_runtime.ts";
import { PageFigure } from "./page_figure.ts";

/** Sizes of an {@linkcode InteractiveFigure}'s parts, in bytes (characters). */
export interface InteractiveSizes {
  /** The compiled program (base64). */
  readonly program: number;
  /** The standalone page ({@linkcode InteractiveFigure.html}). */
  readonly page: number;
  /** The notebook output ({@linkcode InteractiveFigure.notebookHtml}). */
  readonly notebook: number;
}

/**
 * An interactive function / derivative pair: the static pair at the default parameter
 * values, sliders and number boxes, and the compiled program the page runs. Shows itself
 * in Jupyter (`text/html` with the live figure and its script; for untrusted notebooks a
 * still picture and a note; and `text/plain`) and exports as a standalone page with
 * {@linkcode InteractiveFigure.html}.
 */
export class InteractiveFigure extends PageFigure {
  /** What the page receives: program, parameters, samples, scales and panels. */
  readonly config: LiveConfig;
  readonly #kinks: readonly string[];

  /** @internal Use {@linkcode sliderFigure} or {@linkcode explorerFigure}. */
  constructor(still: Figure, config: LiveConfig, kinks: readonly string[], title: string) {
    const first = config.activations[config.start];
    const names = first.params.map((p) => `${p.label} ${p.min} to ${p.max}`);
    super(
      still,
      config.id,
      config.activations.length > 1
        ? `${still.description}; interactive: ${config.activations.length} activations to pick from`
        : `${still.description}; interactive: ${names.join(", ")}`,
      title,
    );
    this.config = config;
    this.#kinks = kinks;
  }

  /** Sizes of the parts, in bytes. */
  get sizes(): InteractiveSizes {
    return {
      program: this.config.activations.reduce((n, a) => n + a.wasm.length, 0),
      page: this.html().length,
      notebook: this.notebookHtml().length,
    };
  }

  /**
   * The live figure as an HTML fragment: picture, controls, data and script.
   *
   * @param options `fallback`: a still picture and a note for untrusted Jupyter outputs.
   * @returns HTML markup.
   */
  fragment(options: { readonly fallback?: boolean } = {}): string {
    const c = this.config;
    const first = c.activations[c.start];
    const picture = this.picture(options.fallback);
    // the page builds the sliders and number boxes of the activation it shows
    const menu = c.activations.length > 1
      ? `<label class="asf-pick">Activation <select class="asf-choice" aria-label="Activation">${
        c.activations.map((a, k) =>
          `<option value="${k}"${k === c.start ? " selected" : ""}>${escapeXml(a.label)}</option>`
        ).join("")
      }</select></label>`
      : "";
    const controls = `${menu}<span class="asf-params" style="display:contents"></span>`;
    const note = options.fallback
      ? `<p class="asf-note">${
        escapeXml(
          [
            ...(c.activations.length > 1 ? [first.label] : []),
            ...first.params.map((p) => `${p.label} = ${p.default}`),
          ].join(", "),
        )
      } (run the cell to use the ${c.activations.length > 1 ? "menu and " : ""}sliders)</p>`
      : "";
    const json = JSON.stringify(c).replace(/</g, "\\u003c");
    const script = liveScript(c.id, this.#kinks).replace(/<\/script/gi, "<\\/script");
    return `<div class="asf" id="${c.id}" data-asf-values="">` +
      `<style>.asf[data-asf-ready]>.asf-controls{display:flex!important}` +
      `.asf:has(>style)>.asf-note{display:none!important}` +
      `.asf-controls{gap:6px 24px;align-items:center;flex-wrap:wrap;margin:6px 0 0 62px;font:14px system-ui,sans-serif}` +
      `.asf-param input[type=range]{width:220px;vertical-align:middle}` +
      `.asf-param input[type=number]{width:6em;margin-left:6px;font:inherit}` +
      `.asf-param input[aria-invalid=true]{outline:2px solid #d33}` +
      `.asf-message{color:#b00}.asf-readout{min-height:1.3em;margin:4px 0 0 62px;font:13px system-ui,sans-serif;color:#333}</style>` +
      picture +
      `<div class="asf-controls" data-lm-suppress-shortcuts="true" hidden style="display:none">${controls}` +
      `<button type="button" class="asf-fit" hidden aria-pressed="false">Fit view</button>` +
      `<span class="asf-message" role="status"></span></div>` +
      `<div class="asf-readout" aria-live="polite"></div>${note}` +
      `<script type="application/json" class="asf-data">${json}</script>` +
      `<script>${script}</script></div>`;
  }
}
