/**
 * Activation functions you can see and test: every activation declared once as data,
 * values and derivatives by TensorFlow.js autodiff, Observable Plot figures, and the
 * training pipeline behind "why non-linearity matters". Everything returned to callers
 * is a plain array; tensors never leave the library.
 *
 * @module
 */
export { type BackendName, backendName, BACKENDS, useBackend } from "./tf.ts";
export { reportMetric } from "./notebook/report.ts";
export {
  activationNames,
  ACTIVATIONS,
  type ActivationSpec,
  getActivation,
  type ParamSpec,
  resolveParams,
  type ViewHints,
} from "./activations/activations.ts";
export {
  activation,
  activation2d,
  type Activation2dValues,
  activationInto,
  activationProgram,
  type ActivationValues,
  tfjsActivation,
  tfjsActivation2d,
} from "./activations/autodiff.ts";
export { show, table, type TableOptions } from "./notebook/show.ts";
export {
  type ActivationRow,
  activationRows,
  formulaTable,
} from "./activations/activation_table.ts";
export {
  decisionBoundaryFigure,
  type DecisionBoundaryOptions,
  labelledPoints,
  transformationFigure,
} from "./figures/network_figures.ts";
export {
  base64,
  checkFigureName,
  column,
  escapeXml,
  Figure,
  type FigureOptions,
  figuresDir,
  htmlPage,
  type HtmlPageOptions,
  JUPYTER_DISPLAY,
  type LayoutOptions,
  panel,
  type PanelOptions,
  plotDocument,
  type PngOptions,
  row,
  save,
  saveHtml,
  type SaveOptions,
  serializeSvg,
  swatches,
  writeAtomic,
} from "./figures/render.ts";
export { checkGrid, type Grid, linspace, type Mesh, meshgrid } from "./grid.ts";
export { BMY, interpolateBmy } from "./figures/palette.ts";
export {
  clipPolyline,
  type Curve,
  curvesFigure,
  type CurvesOptions,
  type Interval,
  type Kink,
  type PairData,
  pairFigure,
  type PairOptions,
} from "./figures/pair_figure.ts";
export { colourBar, heatmapFigure, type HeatmapOptions } from "./figures/heatmap_figure.ts";
export {
  boundaryFigure,
  type BoundaryOptions,
  CLASS_COLORS,
  type LabelledPoints,
} from "./figures/boundary_figure.ts";
export { type History, historyFigure, type HistoryOptions } from "./figures/history_figure.ts";
export { activationFigure, type ActivationFigureOptions } from "./figures/activation_figure.ts";
export { type Saturation, saturation, type SaturationOptions } from "./activations/saturation.ts";
export { createRandom, deriveSeed, permutation, type Random } from "./training/random.ts";
export {
  type Dataset,
  type DatasetName,
  type DatasetOptions,
  datasetRows,
  DATASETS,
  makeDataset,
  XOR_CLUSTERS,
} from "./training/datasets.ts";
export {
  type HiddenActivation,
  hiddenActivation,
  hiddenActivationNames,
} from "./training/hidden_activation.ts";
export {
  checkPoints,
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
  checkTrainingData,
  type EpochLog,
  type History as TrainingHistory,
  train,
  type TrainingData,
  type TrainOptions,
} from "./training/train.ts";
export {
  type GridAxes,
  gridAxes,
  hiddenOutputs,
  type Points,
  predict,
  predictGrid,
} from "./training/predict.ts";
export {
  extentOf,
  fitSubnetwork,
  SUBNETWORK,
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
  progressBundle,
  type ProgressOptions,
  trainingProgress,
} from "./training/training_progress.ts";
export {
  InteractiveFigure,
  type InteractiveSizes,
  type PairValues,
  parametricPairFigure,
  type ParametricSource,
  paramGrid,
  type ParamPlan,
  planParams,
  saveInteractive,
  sliderFigure,
  type SliderFigureOptions,
} from "./interactive/slider_figure.ts";
export { overlayFigure, type OverlayOptions } from "./figures/overlay_figure.ts";
export { comparisonFigure, type ComparisonFigureOptions } from "./figures/comparison_figure.ts";
export {
  epochSliderFigure,
  FrameSliderFigure,
  frameSliderFigure,
  type FrameSliderOptions,
  saveFrameSlider,
} from "./interactive/frame_slider_figure.ts";
export { kinkMarkers } from "./figures/kink_markers.ts";
