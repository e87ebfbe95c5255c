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
export { activationNames, ACTIVATIONS, getActivation } from "./activations/activations.ts";
export {
  type ActivationSpec,
  type ParamSpec,
  type ViewHints,
} from "./activations/activation_spec.ts";
export { resolveParams } from "./activations/resolve_params.ts";
export {
  activation,
  activation2d,
  type Activation2dValues,
  activationInto,
  activationProgram,
  type ActivationValues,
} from "./activations/autodiff.ts";
export { tfjsActivation, tfjsActivation2d } from "./activations/tfjs_autodiff.ts";
export { show } from "./notebook/show.ts";
export { table, type TableOptions } from "./notebook/table.ts";
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
export { base64, escapeXml, htmlPage, type HtmlPageOptions } from "./figures/markup.ts";
export {
  checkFigureName,
  figuresDir,
  save,
  saveHtml,
  type SaveOptions,
  writeAtomic,
} from "./figures/saving.ts";
export { column, type LayoutOptions, panel, type PanelOptions, row } from "./figures/layout.ts";
export { Figure, type FigureOptions, type PngOptions } from "./figures/figure.ts";
export { JUPYTER_DISPLAY } from "./notebook/display.ts";
export { plotDocument, serializeSvg } from "./figures/dom.ts";
export { swatches } from "./figures/swatches.ts";
export { checkGrid, type Grid, linspace, type Mesh, meshgrid } from "./grid.ts";
export { BMY, interpolateBmy } from "./figures/palette.ts";
export { clipPolyline } from "./figures/polyline.ts";
export {
  type Curve,
  curvesFigure,
  type CurvesOptions,
  type Kink,
} from "./figures/curves_figure.ts";
export { type Interval } from "./figures/interval.ts";
export { type PairData, pairFigure, type PairOptions } from "./figures/pair_figure.ts";
export { colourBar, heatmapFigure, type HeatmapOptions } from "./figures/heatmap_figure.ts";
export {
  boundaryFigure,
  type BoundaryOptions,
  CLASS_COLORS,
  type LabelledPoints,
} from "./figures/boundary_figure.ts";
export { historyFigure, type HistoryOptions } from "./figures/history_figure.ts";
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
  type History,
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
export { InteractiveFigure, type InteractiveSizes } from "./interactive/interactive_figure.ts";
export { type PairValues, type ParametricSource } from "./interactive/parametric_source.ts";
export {
  parametricPairFigure,
  saveInteractive,
  sliderFigure,
  type SliderFigureOptions,
} from "./interactive/slider_figure.ts";
export { paramGrid, type ParamPlan, planParams } from "./interactive/param_plan.ts";
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
