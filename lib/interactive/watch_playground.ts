/**
 * A playground run you can watch: what `trainPlayground()` does, while one notebook
 * output shows the prediction over the plane and the training and test curves updating
 * in place, as on playground.tensorflow.org; when training ends, the same output becomes
 * the epoch slider. Every task: two classes, three or more, regression.
 *
 * @module
 */
import { networkLabel } from "../training/network.ts";
import {
  type PlaygroundData,
  playgroundDataset,
  playgroundNetwork,
  type PlaygroundRun,
  type PlaygroundSettings,
  playgroundTrainOptions,
} from "../training/playground.ts";
import { cellCentres, MAX_RESOLUTION } from "../training/predict.ts";
import type { EpochLog } from "../training/train.ts";
import type { DisplayFunction } from "../training/training_progress.ts";
import {
  argument,
  checkFunction,
  checkInteger,
  checkObject,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";
import { type LiveTrainingRun, trainLive } from "./live_training.ts";

/** Options of {@linkcode watchPlayground}. */
export interface WatchPlaygroundOptions {
  /** The data, if already made by `playgroundDataset()` (default: made here). */
  readonly data?: PlaygroundData;
  /** Title of the prediction panel; default `"Prediction (<activation>)"`. */
  readonly title?: string;
  /** Title of the training curves; default `"Training and test"`. */
  readonly historyTitle?: string;
  /** Show only the predicted class (or the sign), Playground's "Discretize output"; default false. */
  readonly discretize?: boolean;
  /**
   * Cells per axis of the watched prediction and of the slider's frames: an integer from
   * 2 to `MAX_RESOLUTION`; default 50.
   */
  readonly resolution?: number;
  /**
   * Keep a frame every this many epochs (and the first and last): an integer from 1;
   * default epochs / 20, about 21 frames.
   */
  readonly every?: number;
  /** Least time between two updates of the view, in ms: 20 to 10,000; default 150. */
  readonly interval?: number;
  /**
   * Show every frame the slider keeps while training, each for at least `interval` ms:
   * a quick run waits for the view (21 frames take at least about 3 s), so that you can
   * watch it; default true. False: training never waits (the view shows what it can).
   */
  readonly pace?: boolean;
  /** Where to display; default `Deno.jupyter.display` in a Deno kernel, else nothing. */
  readonly display?: DisplayFunction;
  /** Called after every epoch. */
  readonly onEpoch?: (log: EpochLog) => void | Promise<void>;
}

/**
 * What {@linkcode watchPlayground} returns: the run, as `trainPlayground()` returns it,
 * with the snapshots and the epoch slider the view ended as.
 */
export interface PlaygroundWatch extends PlaygroundRun, LiveTrainingRun {}

/**
 * Trains a playground run as `trainPlayground()` does (the same network, options and
 * results, so `runMetrics()` and the figures take it), while one notebook output shows
 * the prediction over the plane (coloured as `predictionFigure()` colours it: each
 * class's region, deeper where surer, or a regression's value; training points filled,
 * test points hollow) and the training and test loss (and accuracy, for classes) so
 * far, updated in place about eight times a second; every frame is shown, so a quick run
 * waits for the view and takes at least about 3 s (`pace`). When training ends, the same
 * output becomes the epoch slider: about 21 frames you can step through, the curves with
 * a marker at the frame's epoch. Outside a notebook nothing is shown (and nothing waits).
 *
 * @param settings From `playgroundSettings()`.
 * @param options `data`, titles, `discretize`, `resolution`, `every`, `interval`, `pace`,
 *   `display`, `onEpoch` ({@linkcode WatchPlaygroundOptions}).
 * @returns The run with its snapshots, slider (`figure`), updates and training time.
 * @throws {TypeError} If `settings` is not playground settings, or an option has the
 *   wrong type.
 * @throws {RangeError} If `resolution`, `every` or `interval` is out of range, the data
 *   cannot be made, or training diverges (see `train()`).
 *
 * @example Three blobs, watched (outside a notebook: the run and its slider)
 * ```ts
 * import { playgroundSettings } from "../training/playground.ts";
 * import { watchPlayground } from "./watch_playground.ts";
 * const run = await watchPlayground(playgroundSettings("blobs", { epochs: 6 }), { every: 3 });
 * console.assert(run.network.output === "softmax" && run.figure.frames === 3);
 * console.assert(run.history.test!.loss.length === 6);
 * ```
 */
export async function watchPlayground(
  settings: PlaygroundSettings,
  options?: WatchPlaygroundOptions,
): Promise<PlaygroundWatch> {
  const label = (name: string) => argument("watchPlayground", name);
  checkObject(settings, label("settings"), "playground settings");
  const {
    data = playgroundDataset(settings),
    title,
    historyTitle = "Training and test",
    discretize = false,
    resolution = 50,
    every,
    interval,
    pace = true,
    display,
    onEpoch,
  } = checkOptions(options, label("options"));
  checkInteger(resolution, option("resolution"), 2, MAX_RESOLUTION);
  if (title !== undefined) checkString(title, option("title"), true);
  if (onEpoch !== undefined) checkFunction(onEpoch, option("onEpoch"));
  const network = playgroundNetwork(settings, data);
  const run = await trainLive(network, data.train, {
    ...playgroundTrainOptions(settings, data),
    view: "prediction",
    axes: cellCentres(data.train.extent, resolution),
    title: title ?? `Prediction (${networkLabel(network)})`,
    historyTitle,
    discretize,
    pace,
    ...(every !== undefined ? { every } : {}),
    ...(interval !== undefined ? { interval } : {}),
    ...(display !== undefined ? { display } : {}),
    ...(onEpoch ? { onEpoch } : {}),
  });
  return { ...data, settings, network, ...run };
}
