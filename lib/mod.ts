/**
 * Activation functions you can see and test: every activation declared once as data,
 * values and derivatives by TensorFlow.js autodiff, Observable Plot figures, and the
 * training pipeline behind "why non-linearity matters". Everything returned to callers
 * is a plain array; tensors never leave the library.
 *
 * This barrel holds what the notebooks use. The rest of the library is in its subpath
 * modules, one concept each: `activations/mod.ts` (the registry, autodiff, properties),
 * `kernel/mod.ts` (the fused compiler), `training/mod.ts` (data, networks, training),
 * `figures/mod.ts` (every figure, layouts, saving), `interactive/mod.ts` (sliders) and
 * `notebook/mod.ts` (showing, tables, metrics).
 *
 * @example ELU and its derivative, in a notebook cell
 * ```ts
 * import { activationFigure } from "./figures/activation_figure.ts";
 * import { show } from "./notebook/show.ts";
 * await show(activationFigure("elu"));
 * ```
 *
 * @module
 */
export { activationNames, ACTIVATIONS, getActivation } from "./activations/activations.ts";
export type {
  ActivationParam,
  ActivationSpec,
  ParamDomain,
  ParamSpec,
  TrainingBehaviour,
  ViewHints,
} from "./activations/activation_spec.ts";
export {
  activation,
  activationProgram,
  type ActivationValues,
  secondDerivative,
  type SecondDerivativeValues,
} from "./activations/autodiff.ts";
export { Activation, resolveActivation } from "./activations/resolve_activation.ts";
export {
  type ActivationRow,
  activationRows,
  formulaTable,
} from "./activations/activation_table.ts";
export { type Saturation, saturation, type SaturationOptions } from "./activations/saturation.ts";
export {
  type ActivationProperties,
  activationProperties,
  gain,
  propertiesTable,
} from "./activations/properties.ts";
export { linspace } from "./grid.ts";
export { backendName } from "./tf.ts";

export {
  type Dataset,
  type DatasetName,
  type DatasetOptions,
  makeDataset,
} from "./training/datasets.ts";
export {
  createNetwork,
  type LayerWeights,
  LINEAR_NETWORK,
  type Network,
  networkLabel,
  type NetworkOptions,
  type NetworkSpec,
  NONLINEAR_NETWORK,
} from "./training/network.ts";
export {
  type EpochLog,
  type History,
  train,
  type TrainingData,
  type TrainOptions,
} from "./training/train.ts";
export { hiddenOutputs, predict } from "./training/predict.ts";
export { FEATURE_NAMES, type FeatureName } from "./training/features.ts";
export {
  PLAYGROUND_DATASETS,
  playgroundData,
  type PlaygroundDatasetName,
  splitData,
  type Task,
  type TaskData,
} from "./training/playground_data.ts";
export { loadCsvData, parseCsvData } from "./training/csv_data.ts";
export { deadUnits, type DeadUnitsRow } from "./training/dead_units.ts";
export { type LoadedNetwork, loadNetwork, saveNetwork } from "./training/network_export.ts";
export {
  comparePlayground,
  metricRows,
  type PlaygroundComparisonRow,
  type PlaygroundData,
  playgroundDataset,
  playgroundNetwork,
  type PlaygroundRun,
  type PlaygroundSettings,
  playgroundSettings,
  playgroundTrainOptions,
  presetRows,
  PRESETS,
  runMetrics,
  type SettingOverrides,
  settingsRows,
  trainPlayground,
  trainPresets,
} from "./training/playground.ts";
export {
  fitSubnetwork,
  type SubnetworkFit,
  type SubnetworkOptions,
} from "./training/subnetwork.ts";
export {
  type BoundarySnapshot,
  type BoundarySnapshots,
  type SnapshotOptions,
  trainWithSnapshots,
} from "./training/boundary_snapshots.ts";
export {
  type ActivationResult,
  compareActivations,
  type ComparisonOptions,
} from "./training/activation_comparison.ts";
export {
  type DisplayFunction,
  type MimeBundle,
  type ProgressOptions,
  trainingProgress,
} from "./training/training_progress.ts";
export { INITIALIZER_LABELS, type InitializerName, INITIALIZERS } from "./training/initializers.ts";
export {
  type LayerSignal,
  networkSignal,
  type NetworkSignalOptions,
  SIGNAL_STATS,
  type SignalOptions,
  signalPropagation,
  type SignalResult,
  signalRows,
  type SignalRowsOptions,
  type SignalStat,
} from "./training/signal_propagation.ts";
export {
  type Trainability,
  trainability,
  TRAINABILITY_ACTIVATIONS,
  type TrainabilityOptions,
  type TrainabilityRow,
  type TrainabilityRun,
  USUAL_INITIALIZERS,
} from "./training/trainability.ts";

export { Figure, type FigureOptions, type PngOptions } from "./figures/figure.ts";
export { type LayoutOptions, row } from "./figures/layout.ts";
export { save, type SaveOptions } from "./figures/saving.ts";
export { activationFigure, type ActivationFigureOptions } from "./figures/activation_figure.ts";
export { overlayFigure, type OverlayOptions } from "./figures/overlay_figure.ts";
export { CLASS_COLORS } from "./figures/boundary_figure.ts";
export {
  decisionBoundaryFigure,
  type DecisionBoundaryOptions,
  transformationFigure,
} from "./figures/network_figures.ts";
export { historyFigure, type HistoryOptions } from "./figures/history_figure.ts";
export {
  type GridPrediction,
  predictionFigure,
  predictionGridFigure,
  type PredictionOptions,
} from "./figures/prediction_figure.ts";
export {
  networkDiagramFigure,
  type NetworkDiagramOptions,
} from "./figures/network_diagram_figure.ts";
export { presetsFigure, type PresetsFigureOptions } from "./figures/presets_figure.ts";
export { comparisonFigure, type ComparisonFigureOptions } from "./figures/comparison_figure.ts";
export { signalFigure, type SignalFigureOptions } from "./figures/signal_figure.ts";
export {
  gradientHeatmapFigure,
  type GradientHeatmapOptions,
} from "./figures/gradient_heatmap_figure.ts";
export {
  initComparisonFigure,
  type InitComparisonOptions,
} from "./figures/init_comparison_figure.ts";
export {
  trainabilityFigure,
  type TrainabilityFigureOptions,
} from "./figures/trainability_figure.ts";

export { InteractiveFigure, type InteractiveSizes } from "./interactive/interactive_figure.ts";
export { PageFigure } from "./interactive/page_figure.ts";
export {
  explorerFigure,
  saveInteractive,
  sliderFigure,
  type SliderFigureOptions,
} from "./interactive/slider_figure.ts";
export { FrameSliderFigure, saveFrameSlider } from "./interactive/frame_slider_figure.ts";
export { EpochSliderFigure, epochSliderFigure } from "./interactive/epoch_slider.ts";
export { trainLive } from "./interactive/live_training.ts";
export {
  type PlaygroundWatch,
  watchPlayground,
  type WatchPlaygroundOptions,
} from "./interactive/watch_playground.ts";

export { show } from "./notebook/show.ts";
export { table, type TableOptions } from "./notebook/table.ts";
export { reportMetric } from "./notebook/report.ts";
export {
  type Displayable,
  type DisplayableFigure,
  JUPYTER_DISPLAY,
  type ReadyDisplayable,
} from "./notebook/display.ts";

// types the signatures above refer to
export type { GridAxes, Points } from "./training/predict.ts";
export type { Grid } from "./grid.ts";
export type { Interval } from "./figures/interval.ts";
