/**
 * The Jupyter display protocol of the Deno kernel: an object shows itself in a notebook
 * by answering {@linkcode JUPYTER_DISPLAY} with a mime bundle. Figures, interactive
 * figures and tables all implement {@linkcode Displayable}; figures and pages, which also
 * save to files, implement {@linkcode DisplayableFigure}.
 *
 * @module
 */

/**
 * The symbol by which the Deno Jupyter kernel asks an object for its mime bundle
 * (`Symbol.for("Jupyter.display")`).
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * Something with a Jupyter mime bundle, as the Deno kernel understands it (the kernel
 * awaits a bundle given as a promise).
 */
export interface Displayable {
  /** The mime bundle, e.g. `{ "text/html": ..., "text/plain": ... }`, or a promise of it. */
  [JUPYTER_DISPLAY](): Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** A {@linkcode Displayable} whose bundle is ready at once (tables, not figures). */
export interface ReadyDisplayable extends Displayable {
  /** The mime bundle. */
  [JUPYTER_DISPLAY](): Record<string, unknown>;
}

/**
 * Whether this code runs in a Jupyter kernel (Deno's `Deno.jupyter` exists), where
 * figures may prepare their pictures ahead of display.
 *
 * @returns `true` inside `deno jupyter`, `false` in scripts and tests.
 *
 * @example
 * ```ts
 * import { inJupyterKernel } from "./display.ts";
 * console.assert(inJupyterKernel() === false); // deno test
 * ```
 */
export function inJupyterKernel(): boolean {
  try {
    // deno-lint-ignore no-explicit-any
    return (globalThis as any).Deno?.jupyter !== undefined; // a getter that throws outside
  } catch {
    return false;
  }
}

/**
 * A figure that shows itself in a notebook and saves to files: a `Figure` (SVG and PNG),
 * an `InteractiveFigure` or a `FrameSliderFigure` (an HTML page). `save()` takes any of
 * them and writes {@linkcode DisplayableFigure.files}; `Files` names their extensions.
 *
 * @example Something of your own that shows and saves
 * ```ts
 * import assert from "node:assert/strict";
 * import { type DisplayableFigure, JUPYTER_DISPLAY } from "./display.ts";
 * const note: DisplayableFigure<"html"> = {
 *   description: "A note",
 *   html: () => "<!doctype html><p>A note</p>",
 *   files() {
 *     return { html: () => this.html() };
 *   },
 *   [JUPYTER_DISPLAY]: () => ({ "text/html": "<p>A note</p>", "text/plain": "A note" }),
 * };
 * assert.deepEqual(Object.keys(note.files()), ["html"]);
 * ```
 */
export interface DisplayableFigure<Files extends string = string> extends Displayable {
  /** What the figure shows, in words (the `text/plain` output, the alt text). */
  readonly description: string;
  /** A standalone, self-contained HTML page showing the figure. */
  html(): string;
  /**
   * What `save()` writes, by file extension, each content made when it is written: a
   * `Figure`'s `{ svg, png }`, a page's `{ html }`.
   */
  files(): Readonly<Record<Files, () => string | Uint8Array>>;
}
