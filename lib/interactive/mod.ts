/**
 * Interactive figures for JupyterLab and for standalone pages opened from disk, with no
 * CDN, no network and no widgets: a function / derivative pair with a slider and a
 * number box per parameter (the page runs the activation's compiled program: any value,
 * every parameter at once), a slider through precomputed frames (the decision
 * boundary over the epochs), and training you can watch (`trainLive()`,
 * `watchPlayground()`: the prediction updating in place, then the epoch slider).
 *
 * @example Leaky ReLU's Alpha slider as a standalone page
 * ```ts
 * import { saveInteractive, sliderFigure } from "./mod.ts";
 * const dir = Deno.makeTempDirSync();
 * const path = saveInteractive(sliderFigure("leaky_relu"), "Leaky ReLU", { dir });
 * console.assert(Deno.readTextFileSync(path).includes('class="asf-params"'));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 *
 * @module
 */
export { InteractiveFigure, type InteractiveSizes } from "./interactive_figure.ts";
export { PageFigure } from "./page_figure.ts";
export {
  domainText,
  inDomain,
  linearSamples,
  type LiveActivation,
  type LiveConfig,
  type LiveHandle,
  type LivePanel,
  type LiveParam,
} from "./live_config.ts";
export { type LiveTrainingOptions, type LiveTrainingRun, trainLive } from "./live_training.ts";
export {
  type PlaygroundWatch,
  watchPlayground,
  type WatchPlaygroundOptions,
} from "./watch_playground.ts";
export {
  explorerFigure,
  type ExplorerOptions,
  MAX_SLIDER_SAMPLES,
  saveInteractive,
  sliderFigure,
  type SliderFigureOptions,
} from "./slider_figure.ts";
export {
  FrameSliderFigure,
  frameSliderFigure,
  type FrameSliderOptions,
  saveFrameSlider,
} from "./frame_slider_figure.ts";
export {
  caption,
  checkView,
  type EpochSliderConfig,
  EpochSliderFigure,
  epochSliderFigure,
  type EpochSliderOptions,
  MAX_FRAMES,
  SNAPSHOT_VIEWS,
  type SnapshotView,
} from "./epoch_slider.ts";
export type {
  ChartScales,
  Figure,
  FigureOptions,
  LinearScale,
  PngOptions,
} from "../figures/figure.ts";
export type { Interval } from "../figures/interval.ts";
export type { Kink } from "../figures/curves_figure.ts";
export type { SaveOptions } from "../figures/saving.ts";
export type {
  ActivationParam,
  ActivationSpec,
  ParamDomain,
  ParamSpec,
  ParamValues,
  TrainingBehaviour,
  ViewHints,
} from "../activations/activation_spec.ts";
export type { BoundarySnapshot, BoundarySnapshots } from "../training/boundary_snapshots.ts";
export type { Dataset, DatasetName } from "../training/datasets.ts";
export type { History } from "../training/train.ts";
