/**
 * {@linkcode PageFigure}: what every figure with a live page shares (the slider figures,
 * the frame sliders, the epoch slider): a still picture, an HTML fragment with its script,
 * the standalone page, what Jupyter shows and what `save()` writes.
 *
 * @module
 */
import { htmlPage } from "../figures/markup.ts";
import type { Figure } from "../figures/figure.ts";
import { type DisplayableFigure, JUPYTER_DISPLAY } from "../notebook/display.ts";

/**
 * A figure whose page runs a script: in Jupyter the live figure when the notebook is
 * trusted and the still picture when it is not (the sanitizer removes `<style>`, `<svg>`
 * and `<script>`); saved as a standalone page that works from `file://` with the network
 * off. Subclasses write {@linkcode PageFigure.fragment}.
 */
export abstract class PageFigure implements DisplayableFigure<"html"> {
  /** The static figure: what untrusted notebooks show, and what the page starts from. */
  readonly still: Figure;
  /** Unique element id of the figure's root. */
  readonly id: string;
  /** What the figure shows, in words. */
  readonly description: string;
  readonly #title: string;

  /**
   * A page figure: the subclass makes `still` and the rest of what its page needs.
   *
   * @param still The static figure.
   * @param id The root element's id.
   * @param description What the figure shows, in words.
   * @param title The standalone page's default title.
   */
  constructor(still: Figure, id: string, description: string, title: string) {
    this.still = still;
    this.id = id;
    this.description = description;
    this.#title = title;
  }

  /**
   * The live figure as an HTML fragment: picture, controls, data and script.
   *
   * @param options `fallback`: the still picture for untrusted Jupyter outputs.
   * @returns HTML markup.
   */
  abstract fragment(options?: { readonly fallback?: boolean }): string;

  /**
   * The fragment's picture: the still as inline SVG, or for Jupyter (`fallback`) as the
   * still's notebook markup, which untrusted notebooks show as a picture.
   *
   * @param fallback Whether the fragment is for Jupyter.
   * @returns HTML markup.
   */
  protected picture(fallback = false): string {
    return fallback ? this.still.notebookHtml() : `<div>${this.still.svg()}</div>`;
  }

  /**
   * A standalone, self-contained HTML page (no remote resource).
   *
   * @param title The page title (default: the figure's title).
   * @returns HTML markup.
   */
  html(title?: string): string {
    return htmlPage(this.fragment(), { title: title ?? this.#title });
  }

  /**
   * The HTML Jupyter shows: the live figure when trusted, the still picture when not.
   *
   * @returns HTML markup.
   */
  notebookHtml(): string {
    return this.fragment({ fallback: true });
  }

  /**
   * What `save()` writes: the standalone page.
   *
   * @returns `{ html }`.
   */
  files(): { readonly html: () => string } {
    return { html: () => this.html() };
  }

  /**
   * The description.
   *
   * @returns What the figure shows, in words.
   */
  toString(): string {
    return this.description;
  }

  /**
   * The Jupyter mime bundle.
   *
   * @returns `text/html` (the live figure, with the still for untrusted notebooks) and
   *   `text/plain` (the description).
   */
  [JUPYTER_DISPLAY](): Record<string, string> {
    return { "text/html": this.notebookHtml(), "text/plain": this.description };
  }
}
