/**
 * Live training progress in a notebook: one output that updates in place (epoch, loss,
 * accuracy) through `Deno.jupyter.display`. Outside Jupyter it prints nothing.
 *
 * @module
 */
import type { EpochLog } from "./train.ts";
import {
  argument,
  checkFunction,
  checkInteger,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/** A Jupyter mime bundle as `Deno.jupyter.display(bundle, { raw: true })` takes it. */
export type MimeBundle = Record<string, string>;

/** The display function: `Deno.jupyter.display`'s shape. */
export type DisplayFunction = (
  bundle: MimeBundle,
  options: { raw: true; display_id: string; update?: boolean },
) => Promise<void> | void;

/** Options of {@linkcode trainingProgress}. */
export interface ProgressOptions {
  /** Shown before the numbers, e.g. `"ELU network"`; default `"Training"`. */
  label?: string;
  /** Update every this many epochs (the last epoch always shows); default epochs / 20. */
  every?: number;
  /** Where to display; default `Deno.jupyter.display` in a Deno kernel, else nothing. */
  display?: DisplayFunction;
}

let counter = 0;

/**
 * Makes an `onEpoch` callback for {@linkcode train} that shows progress in one
 * updating notebook output.
 *
 * @param options `label`, `every`, `display` ({@linkcode ProgressOptions}).
 * @returns A callback; pass it as `onEpoch`.
 * @throws {TypeError} If `options` is not an object, `label` not a string or `display`
 *   not a function.
 * @throws {RangeError} If `every` is given and is not an integer >= 1.
 *
 * @example Outside Jupyter nothing is shown
 * ```ts
 * import { trainingProgress } from "./training_progress.ts";
 * const onEpoch = trainingProgress({ label: "ELU network" });
 * await onEpoch({ epoch: 1, epochs: 100, loss: 0.69, accuracy: 0.5 });
 * ```
 */
export function trainingProgress(
  options?: ProgressOptions,
): (log: EpochLog) => Promise<void> {
  const { label = "Training", every, display = jupyterDisplay() } = checkOptions(
    options,
    argument("trainingProgress", "options"),
  );
  checkString(label, option("label"), true);
  if (every !== undefined) checkInteger(every, option("every"), 1);
  if (display !== undefined) checkFunction(display, option("display"));
  const displayId = `training-progress-${++counter}-${Date.now()}`;
  let shown = false;
  return async (log) => {
    if (!display) return;
    const step = every ?? Math.max(1, Math.round(log.epochs / 20));
    if (log.epoch !== 1 && log.epoch % step !== 0 && log.epoch !== log.epochs) return;
    await display(progressBundle(label, log), {
      raw: true,
      display_id: displayId,
      ...(shown ? { update: true } : {}),
    });
    shown = true;
  };
}

/**
 * The mime bundle of one progress line: a `<progress>` bar in HTML and plain text.
 *
 * @param label What is training.
 * @param log The epoch's numbers.
 * @returns `{ "text/plain", "text/html" }`.
 *
 * @example
 * ```ts
 * import { progressBundle } from "./training_progress.ts";
 * const b = progressBundle("ELU", { epoch: 5, epochs: 100, loss: 0.5, accuracy: 0.75 });
 * console.assert(b["text/plain"] === "ELU: epoch 5/100, loss 0.5000, accuracy 75.0%");
 * const r = progressBundle("plane", { epoch: 9, epochs: 9, loss: 0.01, accuracy: NaN, testLoss: 0.02, testAccuracy: NaN });
 * console.assert(r["text/plain"] === "plane: epoch 9/9, loss 0.0100; test loss 0.0200");
 * ```
 */
export function progressBundle(label: string, log: EpochLog): MimeBundle {
  // regression has no accuracy (NaN): its loss alone, the mean squared error
  const accuracy = (a: number) => Number.isNaN(a) ? "" : `, accuracy ${(100 * a).toFixed(1)}%`;
  const test = log.testLoss === undefined
    ? ""
    : `; test loss ${log.testLoss.toFixed(4)}${accuracy(log.testAccuracy ?? NaN)}`;
  const text = `${label}: epoch ${log.epoch}/${log.epochs}, loss ${log.loss.toFixed(4)}` +
    `${accuracy(log.accuracy)}${test}`;
  const html =
    `<div style="font-family: monospace"><progress value="${log.epoch}" max="${log.epochs}"></progress> ${
      escapeHtml(text)
    }</div>`;
  return { "text/plain": text, "text/html": html };
}

/**
 * `Deno.jupyter.display` inside a Deno Jupyter kernel, `undefined` elsewhere (where its
 * getter throws).
 *
 * @returns The display function, or `undefined` outside a notebook.
 *
 * @example
 * ```ts
 * import { jupyterDisplay } from "./training_progress.ts";
 * console.assert(jupyterDisplay() === undefined); // not in a notebook
 * ```
 */
export function jupyterDisplay(): DisplayFunction | undefined {
  // deno-lint-ignore no-explicit-any
  let jupyter: any;
  try {
    // deno-lint-ignore no-explicit-any
    jupyter = typeof Deno !== "undefined" ? (Deno as any).jupyter : undefined;
  } catch {
    return undefined;
  }
  return jupyter?.display
    ? (bundle, options) => jupyter.display(bundle, options) as Promise<void>
    : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
