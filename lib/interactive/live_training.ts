/**
 * Training you can watch: while a network trains in JupyterLab, one output shows its
 * decision boundary and its loss curve, updated in place several times a second (a
 * Jupyter display updated by its `display_id`); when training ends, the same output
 * becomes the epoch slider, so you can go back through what you watched. Any task: the
 * original's boundary view for a sigmoid network, or the playground's prediction view
 * (two classes or more, regression) with test points and test curves.
 *
 * The updates are cheap so that watching costs little: the boundary is predicted on a
 * coarse grid at the snapshot epochs only (the frames the slider keeps), each update is
 * plain SVG built from strings (no Plot, no script; the axes' ticks and labels come from
 * the figures' own helpers; the prediction view's panel is drawn once and only its
 * picture changes), and updates are sent at most every `interval` milliseconds. Outside
 * a notebook nothing is shown and training runs as `trainWithSnapshots()` does. The
 * view's HTML is live_views.ts.
 *
 * @module
 */
import { rasterWebp } from "../figures/heatmap_figure.ts";
import { labelledPoints } from "../figures/network_figures.ts";
import { gridDataUrl, predictionRgb, predictionScale } from "../figures/playground_colors.ts";
import {
  type BoundarySnapshot,
  type BoundarySnapshots,
  type SnapshotOptions,
  trainWithSnapshots,
} from "../training/boundary_snapshots.ts";
import { checkNetwork, type Network } from "../training/network.ts";
import { cellCentres, gridAxes } from "../training/predict.ts";
import { checkTrainingData, type EpochLog, type TrainingData } from "../training/train.ts";
import {
  type DisplayFunction,
  jupyterDisplay,
  type MimeBundle,
} from "../training/training_progress.ts";
import {
  argument,
  checkFunction,
  checkInteger,
  checkNumber,
  checkOptions,
  checkString,
  option,
  typeError,
} from "../guards.ts";
import {
  checkView,
  type EpochSliderFigure,
  epochSliderFigure,
  type SnapshotView,
} from "./epoch_slider.ts";
import {
  beforeTraining,
  type Curves,
  liveView,
  predictionView,
  progressText,
} from "./live_views.ts";

/** Options of {@linkcode trainLive}: training and snapshot options, and the view's. */
export interface LiveTrainingOptions extends SnapshotOptions {
  /**
   * How snapshots are drawn (epoch_slider.ts's `SnapshotView`): `"boundary"`, the
   * original's P(class 1) (sigmoid networks only), or `"prediction"`, the playground's
   * colours for any task with test points hollow and test curves (`testData`). Default
   * `"boundary"` for a sigmoid network, `"prediction"` for the others.
   */
  readonly view?: SnapshotView;
  /** The prediction view shows only the predicted class (or the sign); default false. */
  readonly discretize?: boolean;
  /** Title of the boundary panel (default "Decision Boundary", or "Prediction"). */
  readonly title?: string;
  /** Title of the slider's training curves (default "Training"). */
  readonly historyTitle?: string;
  /**
   * Least time between two updates of the view, in ms: an integer from 20 to 10,000;
   * default 150 (six updates a second when epochs are quick enough).
   */
  readonly interval?: number;
  /**
   * Show every snapshot, each for at least `interval` ms: training waits when it is
   * faster than that, so that a quick run can still be watched frame by frame (the
   * frames the slider keeps). Default false: training never waits for the view.
   */
  readonly pace?: boolean;
  /** Where to display; default `Deno.jupyter.display` in a Deno kernel, else nothing. */
  readonly display?: DisplayFunction;
}

/** What {@linkcode trainLive} returns: the snapshots and history, and the epoch slider. */
export interface LiveTrainingRun extends BoundarySnapshots {
  /** The epoch slider the view ended as. */
  readonly figure: EpochSliderFigure;
  /** How many times the view was updated (the last update shows the slider). */
  readonly updates: number;
  /**
   * Milliseconds the training took, live updates (and with `pace`, the waits) included,
   * not the final slider.
   */
  readonly trainingMs: number;
}

let counter = 0;

/**
 * Trains `network` (as `trainWithSnapshots()` does) while one notebook output shows the
 * decision boundary at the latest snapshot and the loss so far, updated in place at most
 * every `interval` ms; at the end that output becomes the epoch slider
 * ({@linkcode epochSliderFigure}), which is also returned.
 *
 * The prediction view (any output layer) draws what `predictionFigure()` draws, coloured
 * by the same `predictionRgb()`: training points filled, `testData`'s hollow, and the
 * training and test loss (and accuracy, for classes) so far.
 *
 * @param network A network with two inputs; it is trained in place.
 * @param data Training points and labels (or targets), and the window `extent`.
 * @param options Training options (`testData` too), `every` (snapshot epochs; default
 *   epochs / 20, at least 1), `axes` (default 50 x 50 over the data's extent: the cells'
 *   centres, `cellCentres()`, for the prediction view), `view`, `discretize`, `title`,
 *   `historyTitle`, `interval`, `pace`, `display`.
 * @returns The snapshots, the history, the slider and the number of updates.
 * @throws {TypeError} As `trainWithSnapshots()`, or if an option has the wrong type or
 *   the prediction view's axes are not n x n.
 * @throws {RangeError} As `trainWithSnapshots()`, if `interval` is outside [20, 10000], or
 *   `view` is unknown or `"boundary"` for a network without a sigmoid output (the message
 *   names the value and the choices).
 *
 * @example Outside a notebook: training with snapshots, and the slider
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
 * import { makeDataset } from "../training/datasets.ts";
 * import { trainLive } from "./live_training.ts";
 * const run = await trainLive(createNetwork(NONLINEAR_NETWORK), makeDataset("xor"), { epochs: 4 });
 * console.assert(run.snapshots.length === 5 && run.figure.frames === 5);
 * ```
 *
 * @example Regression: the prediction view, with test points
 * ```ts
 * import { createNetwork } from "../training/network.ts";
 * import { playgroundData, splitData } from "../training/playground_data.ts";
 * import { trainLive } from "./live_training.ts";
 * const { train, test } = splitData(playgroundData("plane", { size: 40 }), { trainRatio: 0.5 });
 * const net = createNetwork({ hidden: [2], activation: "tanh" }, { output: "linear" });
 * const run = await trainLive(net, train, { epochs: 4, testData: test });
 * console.assert(run.figure.config.testLosses!.length === 5);
 * ```
 */
export async function trainLive(
  network: Network,
  data: TrainingData & { readonly extent?: readonly (readonly [number, number])[] },
  options?: LiveTrainingOptions,
): Promise<LiveTrainingRun> {
  const label = (name: string) => argument("trainLive", name);
  checkNetwork(network, label("network"));
  const outputs = network.sizes.at(-1)!;
  checkTrainingData(data, network.sizes[0], "trainLive", network.output, outputs);
  const {
    title: givenTitle,
    historyTitle = "Training",
    interval = 150,
    pace = false,
    display = jupyterDisplay(),
    view: givenView,
    discretize = false,
    ...rest
  } = checkOptions(options, label("options"));
  const view = checkView(
    givenView ?? (network.output === "sigmoid" ? "boundary" : "prediction"),
    network.output,
  );
  const title = givenTitle ?? (view === "boundary" ? "Decision Boundary" : "Prediction");
  checkString(title, option("title"), true);
  checkString(historyTitle, option("historyTitle"), true);
  checkInteger(interval, option("interval"), 20, 10_000);
  if (display !== undefined) checkFunction(display, option("display"));
  for (const [name, flag] of Object.entries({ discretize, pace })) {
    if (typeof flag !== "boolean") throw typeError(option(name), "true or false", flag);
  }
  const epochs = rest.epochs ?? 100;
  checkNumber(epochs, option("epochs"));
  const every = rest.every ?? Math.max(1, Math.round(epochs / 20));
  const extent = data.extent ?? [[0, 10], [0, 10]];
  const axes = rest.axes ??
    (view === "boundary" ? gridAxes(extent, 50) : cellCentres(extent, 50));
  if (view === "prediction" && axes.x1?.length !== axes.x2?.length) {
    throw new TypeError(
      `${
        option("axes")
      }: the prediction view needs n x n cells, got ${axes.x1?.length} x ${axes.x2?.length}`,
    );
  }
  const test = rest.testData;
  const displayId = `live-training-${++counter}-${Date.now()}`;
  let updates = 0, last = -Infinity;
  let frame: string | undefined, shown: string | undefined;
  let draw: ((frame: string, log?: EpochLog) => string) | undefined;
  let colorFrame: ((s: BoundarySnapshot) => string) | undefined;
  const curves: Curves = { loss: [], accuracy: [], testLoss: [], testAccuracy: [] };
  const send = async (bundle: MimeBundle) => {
    await display!(bundle, {
      raw: true,
      display_id: displayId,
      ...(updates ? { update: true } : {}),
    });
    updates++;
    last = performance.now();
  };
  let training = 0;
  const started = performance.now();
  const onSnapshot = async (s: BoundarySnapshot) => {
    if (!display) return;
    if (!draw) {
      if (view === "boundary") {
        const boundary = liveView(axes, labelledPoints(data), title, epochs);
        draw = (frame, log) => boundary(frame, curves.loss, log);
        colorFrame = (s) => rasterWebp(s.values, axes.x1.length, axes.x2.length, [0, 1]);
      } else {
        const scale = predictionScale(network.output, outputs, {
          targets: [data.y, test?.y ?? []],
          discretize,
        });
        const n = axes.x1.length;
        colorFrame = (s) => gridDataUrl(predictionRgb(s.values, scale), n, n);
        draw = predictionView(s, n, colorFrame(s), scale, { ...data, extent }, {
          test,
          discretize,
          title,
          historyTitle,
          epochs,
          curves,
        });
      }
    }
    frame = colorFrame!(s);
    // paced, the view opens on the untrained network, before the first epoch
    if (pace && s.epoch === 0) {
      shown = frame;
      await send({ "text/html": draw(frame), "text/plain": beforeTraining(epochs) });
    }
  };
  const onEpoch = async (log: EpochLog) => {
    curves.loss.push(log.loss);
    curves.accuracy.push(log.accuracy);
    if (log.testLoss !== undefined) curves.testLoss.push(log.testLoss);
    if (log.testAccuracy !== undefined) curves.testAccuracy.push(log.testAccuracy);
    if (rest.onEpoch) await rest.onEpoch(log);
    if (!display || !draw || !frame) return;
    const wait = last + interval - performance.now();
    if (pace && frame !== shown) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    } else if (wait > 0 && log.epoch !== epochs) return;
    const html = draw(frame, log);
    shown = frame;
    await send({ "text/html": html, "text/plain": progressText(log) });
  };
  const run = await trainWithSnapshots(network, data, {
    ...rest,
    every,
    axes,
    onSnapshot,
    onEpoch,
  });
  training = performance.now() - started;
  const figure = view === "boundary"
    ? epochSliderFigure(run, data, { title })
    : epochSliderFigure(run, { ...data, extent }, {
      view,
      title,
      historyTitle,
      discretize,
      ...(test ? { test } : {}),
    });
  if (display) {
    const bundle = figure.notebookHtml();
    await send({ "text/html": bundle, "text/plain": figure.description });
  }
  return { ...run, figure, updates, trainingMs: training };
}
