/**
 * The Jupyter display protocol of the Deno kernel: an object shows itself in a notebook
 * by answering {@linkcode JUPYTER_DISPLAY} with a mime bundle. Figures, interactive
 * figures and tables all implement {@linkcode Displayable}.
 *
 * @module
 */

/**
 * The symbol by which the Deno Jupyter kernel asks an object for its mime bundle
 * (`Symbol.for("Jupyter.display")`).
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** Something with a Jupyter mime bundle, as the Deno kernel understands it. */
export interface Displayable {
  /** The mime bundle, e.g. `{ "text/html": ..., "text/plain": ... }`. */
  [JUPYTER_DISPLAY](): Record<string, unknown>;
}
