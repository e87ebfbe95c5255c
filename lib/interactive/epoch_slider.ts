/**
 * The decision boundary over the epochs, with a slider: the boundary figure of the last
 * snapshot beside the loss and accuracy curves, and each snapshot as a small frame (one
 * pixel per grid cell) that the page swaps in, while a marker on the curves follows the
 * epoch. Two views: the original's boundary (P(class 1) on the boundary figure's scale,
 * WebP frames), or the playground's prediction for any task (`predictionFigure()`'s
 * colours, lossless frames, training points filled and test points hollow, training and
 * test curves). A page of a few dozen kilobytes; it works from `file://` with the network
 * off, and as a still picture in untrusted notebooks.
 *
 * The page's code, the caption and the script, is epoch_runtime.ts; this module re-exports
 * both.
 *
 * @module
 */
import { boundaryFigure } from "../figures/boundary_figure.ts";
import { historyFigure } from "../figures/history_figure.ts";
import { rasterWebp } from "../figures/heatmap_figure.ts";
import { labelledPoints } from "../figures/network_figures.ts";
import { row } from "../figures/layout.ts";
import { escapeXml } from "../figures/markup.ts";
import type { ChartScales, Figure } from "../figures/figure.ts";
import { gridDataUrl, predictionRgb, predictionScale } from "../figures/playground_colors.ts";
import { predictionGridFigure, type PredictionPoints } from "../figures/prediction_figure.ts";
import { PageFigure } from "./page_figure.ts";
import { caption, epochRuntime } from "./epoch_runtime.ts";
import type { BoundarySnapshots } from "../training/boundary_snapshots.ts";
import {
  argument,
  checkArrayLike,
  checkObject,
  checkOptions,
  checkString,
  option,
  typeError,
} from "../guards.ts";

// the page's code, where callers look
export { caption, epochRuntime } from "./epoch_runtime.ts";

/**
 * Most frames of a slider: 1,000 (the playground's epoch slider has 21). Every frame's
 * picture is embedded in the page.
 */
export const MAX_FRAMES = 1_000;

/**
 * How an epoch slider (and `trainLive()`'s view) draws a snapshot: `"boundary"`, the
 * original's decision boundary, P(class 1) from 0 to 1 on the boundary figure's scale
 * (sigmoid networks only); `"prediction"`, the playground's `predictionFigure()` for any
 * output layer (the most probable class in its colour, or a regression's value), with
 * test points hollow and the test curves beside the training ones.
 */
export type SnapshotView = "boundary" | "prediction";

/** The views, in the order error messages list them. */
export const SNAPSHOT_VIEWS: readonly SnapshotView[] = ["boundary", "prediction"];

/** Options of {@linkcode epochSliderFigure}. */
export interface EpochSliderOptions {
  /** Title of the boundary panel (default "Decision Boundary", or "Prediction"). */
  readonly title?: string;
  /** Title of the training curves (default "Training"). */
  readonly historyTitle?: string;
  /**
   * How snapshots are drawn ({@linkcode SnapshotView}); default `"boundary"` for a
   * sigmoid network's run, `"prediction"` for any other.
   */
  readonly view?: SnapshotView;
  /** The prediction view's test points, drawn hollow (their curves come from `run.history.test`). */
  readonly test?: PredictionPoints;
  /** The prediction view shows only the predicted class (or the sign); default false. */
  readonly discretize?: boolean;
}

/** What the page receives. */
export interface EpochSliderConfig {
  /** The figure's element id. */
  readonly id: string;
  /** One WebP data URL per snapshot. */
  readonly frames: readonly string[];
  /** Epoch of each snapshot. */
  readonly epochs: readonly number[];
  /** Loss after each snapshot's epoch (NaN, as null, before training). */
  readonly losses: readonly (number | null)[];
  /** Accuracy after each snapshot's epoch (null for regression). */
  readonly accuracies: readonly (number | null)[];
  /** Loss on the test points after each snapshot's epoch, when training measured them. */
  readonly testLosses?: readonly (number | null)[];
  /** Accuracy on the test points after each snapshot's epoch, when measured. */
  readonly testAccuracies?: readonly (number | null)[];
  /** The frame shown first. */
  readonly start: number;
  /** Scales of the training curves' charts, where the page marks the epoch. */
  readonly curves: readonly ChartScales[];
  /** Index of the first training-curve chart among the figure's `<svg data-chart>`. */
  readonly firstCurve: number;
}

let counter = 0;

/** A decision boundary with an epoch slider; displays in Jupyter and saves as HTML. */
export class EpochSliderFigure extends PageFigure {
  /** What the page receives. */
  readonly config: EpochSliderConfig;

  /** @internal Use {@linkcode epochSliderFigure}. */
  constructor(still: Figure, config: EpochSliderConfig, title: string) {
    super(
      still,
      config.id,
      `${still.description}; slider over ${config.frames.length} epochs from ${
        config.epochs[0]
      } to ${config.epochs.at(-1)}`,
      title,
    );
    this.config = config;
  }

  /** Number of frames. */
  get frames(): number {
    return this.config.frames.length;
  }

  /**
   * The live figure as an HTML fragment: picture, slider, caption, data and script.
   *
   * @param options `fallback`: a still picture for untrusted Jupyter outputs.
   * @returns HTML markup.
   */
  fragment(options: { readonly fallback?: boolean } = {}): string {
    const c = this.config, n = c.frames.length;
    const picture = this.picture(options.fallback);
    const json = JSON.stringify(c).replace(/</g, "\\u003c");
    // untrusted notebooks drop the style and the script: the still picture and this note
    const note = options.fallback
      ? `<p class="esf-note">${
        escapeXml(caption(c, c.start))
      } (run the cell to use the epoch slider)</p>`
      : "";
    return `<div class="esf" id="${c.id}">` +
      `<style>.esf:has(>style)>.esf-controls{display:flex!important}` +
      `.esf:has(>style)>.esf-note{display:none!important}</style>` + picture + note +
      `<div class="esf-controls" hidden style="display:none;gap:12px;align-items:center;margin:6px 0 0 62px;font:14px system-ui,sans-serif">` +
      `<label>Epoch <input type="range" data-lm-suppress-shortcuts="true" min="0" max="${
        n - 1
      }" step="1" value="${c.start}" aria-label="Epoch" style="width:300px;vertical-align:middle"></label>` +
      `<output style="font-variant-numeric:tabular-nums">${
        escapeXml(caption(c, c.start))
      }</output></div>` +
      `<script type="application/json" class="esf-data">${json}</script>` +
      `<script>(${epochRuntime.toString()})(${
        JSON.stringify(c.id)
      }, document.currentScript, ${caption.toString()});</script></div>`;
  }
}

/**
 * The decision boundary through training, with an epoch slider: what
 * `trainWithSnapshots()` (or `trainLive()`) recorded. The boundary view draws the last
 * snapshot with `boundaryFigure()` and the frames on its P(class 1) scale; the prediction
 * view draws it with `predictionGridFigure()`, and each frame is coloured by the same
 * `predictionRgb()`, so the last frame is the still's picture, pixel for pixel.
 *
 * @param run The snapshots and history.
 * @param data The training points and labels (`{ x, y }`, and the prediction view's
 *   window `extent`: the one its grid's cells tile), drawn on the boundary.
 * @param options Titles, `view`, `test`, `discretize` ({@linkcode EpochSliderOptions}).
 * @returns The figure.
 * @throws {TypeError} If `run` is not what `trainWithSnapshots()` returns, `data` not
 *   points and labels, the prediction view's grid not square, or an option has the wrong
 *   type.
 * @throws {RangeError} If there are more than `MAX_FRAMES` snapshots, `view` is not one
 *   of {@linkcode SNAPSHOT_VIEWS}, or is `"boundary"` for a run whose network is not a
 *   sigmoid one (the messages name the value and the choices).
 *
 * @example
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
 * import { makeDataset } from "../training/datasets.ts";
 * import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
 * import { epochSliderFigure } from "./epoch_slider.ts";
 * const data = makeDataset("xor");
 * const run = await trainWithSnapshots(createNetwork(NONLINEAR_NETWORK), data, { epochs: 4, every: 2 });
 * const fig = epochSliderFigure(run, data);
 * console.assert(fig.frames === 3 && fig.html().includes('type="range"'));
 * ```
 *
 * @example Three classes: the prediction view
 * ```ts
 * import { createNetwork } from "../training/network.ts";
 * import { playgroundData } from "../training/playground_data.ts";
 * import { cellCentres } from "../training/predict.ts";
 * import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
 * import { epochSliderFigure } from "./epoch_slider.ts";
 * const data = playgroundData("blobs", { size: 60 });
 * const net = createNetwork({ hidden: [4], activation: "tanh" }, { output: "softmax", outputs: 3 });
 * const run = await trainWithSnapshots(net, data, { epochs: 4, every: 2, axes: cellCentres(data.extent, 20) });
 * const fig = epochSliderFigure(run, data);
 * console.assert(fig.frames === 3 && fig.still.svg().includes("class 2"));
 * net.dispose();
 * ```
 */
export function epochSliderFigure(
  run: BoundarySnapshots,
  data: {
    readonly x: ArrayLike<number>;
    readonly y: ArrayLike<number>;
    readonly extent?: readonly (readonly [number, number])[];
  },
  options?: EpochSliderOptions,
): EpochSliderFigure {
  const label = (name: string) => argument("epochSliderFigure", name);
  checkObject(run, label("run"), "what trainWithSnapshots() returned");
  checkArrayLike(run.snapshots, label("run.snapshots"), "an array of snapshots");
  checkArrayLike(run.x1, label("run.x1"));
  checkArrayLike(run.x2, label("run.x2"));
  if (run.snapshots.length === 0) throw new TypeError(`${label("run")}: no snapshots`);
  if (run.snapshots.length > MAX_FRAMES) {
    throw new RangeError(
      `${
        label("run")
      }: ${run.snapshots.length} snapshots is above the maximum ${MAX_FRAMES} frames`,
    );
  }
  const o = checkOptions(options, label("options"));
  const output = run.output ?? "sigmoid";
  const view = checkView(o.view ?? (output === "sigmoid" ? "boundary" : "prediction"), output);
  const { title = view === "boundary" ? "Decision Boundary" : "Prediction" } = o;
  const { historyTitle = "Training" } = o;
  checkString(title, option("title"), true);
  checkString(historyTitle, option("historyTitle"), true);
  checkObject(data, label("data"), "{ x, y }: points and labels");
  if (view === "prediction") return predictionSlider(run, data, { ...o, title, historyTitle });
  const points = labelledPoints(data);
  const { x1, x2, snapshots } = run;
  const last = snapshots.length - 1;
  const boundary = boundaryFigure({ x1, x2, values: snapshots[last].values }, { points, title });
  const curves = historyFigure(run.history, { title: historyTitle });
  const frames = snapshots.map((s) => rasterWebp(s.values, x1.length, x2.length, [0, 1]));
  return slider(run, row(boundary, curves), boundary.charts.length, frames, title);
}

/**
 * Checks a snapshot view against the network's output layer.
 *
 * @param view The view asked for.
 * @param output The network's output layer.
 * @returns The view.
 * @throws {RangeError} If `view` is not one of {@linkcode SNAPSHOT_VIEWS}, or is
 *   `"boundary"` for an output layer other than a sigmoid.
 *
 * @example
 * ```ts
 * import { checkView } from "./epoch_slider.ts";
 * console.assert(checkView("prediction", "softmax") === "prediction");
 * ```
 */
export function checkView(view: unknown, output: string): SnapshotView {
  if (typeof view !== "string") throw typeError(option("view"), "a view name", view);
  if (!(SNAPSHOT_VIEWS as readonly string[]).includes(view)) {
    throw new RangeError(
      `${option("view")}: unknown "${view}": expected one of ${
        SNAPSHOT_VIEWS.map((v) => `"${v}"`).join(", ")
      }`,
    );
  }
  if (view === "boundary" && output !== "sigmoid") {
    throw new RangeError(
      `${option("view")}: "boundary" draws P(class 1) of a sigmoid output, not a ${output} ` +
        `one: expected "prediction"`,
    );
  }
  return view as SnapshotView;
}

// The prediction view: predictionGridFigure() of the last snapshot beside the training
// and test curves (stacked, so that the figure fits a notebook's width); each frame is
// predictionRgb() of its snapshot, as the still's picture is of the last one.
function predictionSlider(
  run: BoundarySnapshots,
  data: PredictionPoints,
  o: EpochSliderOptions & { readonly title: string; readonly historyTitle: string },
): EpochSliderFigure {
  const { x1, x2, snapshots, history } = run;
  const n = x1.length;
  if (x2.length !== n) {
    throw new TypeError(
      `${
        argument("epochSliderFigure", "run")
      }: the prediction view needs n x n cells, got ${n} x ${x2.length}`,
    );
  }
  const output = run.output ?? "sigmoid", outputs = run.outputs ?? 1;
  const { test, discretize = false, title, historyTitle } = o;
  const prediction = predictionGridFigure(
    { values: snapshots.at(-1)!.values, resolution: n, output, outputs },
    data,
    { test, discretize, title, hover: false },
  );
  const scale = predictionScale(output, outputs, {
    targets: [data.y, test?.y ?? []],
    discretize,
  });
  const curves = historyFigure(
    history.test
      ? { training: { loss: history.loss, accuracy: history.accuracy }, test: history.test }
      : history,
    { title: historyTitle, layout: "column", width: 400, height: 190, readouts: 30 },
  );
  const frames = snapshots.map((s) => gridDataUrl(predictionRgb(s.values, scale), n, n));
  return slider(run, row(prediction, curves), prediction.charts.length, frames, title);
}

// The figure: the still, and what the page receives.
function slider(
  run: BoundarySnapshots,
  still: Figure,
  firstCurve: number,
  frames: string[],
  title: string,
): EpochSliderFigure {
  const { snapshots, history } = run;
  const scales = still.charts;
  const finite = (v: number | undefined) => (Number.isFinite(v) ? v! : null);
  const test = history.test;
  const config: EpochSliderConfig = {
    id: `esf-${++counter}-${snapshots.length}`,
    frames,
    epochs: snapshots.map((s) => s.epoch),
    losses: snapshots.map((s) => finite(s.loss)),
    accuracies: snapshots.map((s) => finite(s.accuracy)),
    ...(test
      ? {
        testLosses: snapshots.map((s) => finite(test.loss[s.epoch - 1])),
        testAccuracies: snapshots.map((s) => finite(test.accuracy[s.epoch - 1])),
      }
      : {}),
    start: snapshots.length - 1,
    curves: scales.slice(firstCurve).filter((s): s is ChartScales => s !== null),
    firstCurve,
  };
  return new EpochSliderFigure(still, config, `${title} over epochs`);
}
