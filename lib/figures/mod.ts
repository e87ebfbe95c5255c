/**
 * Figures drawn with Observable Plot on a jsdom document: the {@linkcode Figure} type
 * (SVG that Jupyter displays inline and that saves as SVG, PNG or HTML), panels and
 * `row(...)` / `column(...)` layouts, atomic saving into the figures folder, and one
 * builder per figure: function / derivative pairs, overlays, heatmaps, decision
 * boundaries, training histories, the hidden layers' view, comparisons, and the
 * playground's predictions for any task, network diagrams and presets.
 *
 * @example ELU and its derivative, saved as SVG and PNG
 * ```ts
 * import { activationFigure, save } from "./mod.ts";
 * const dir = Deno.makeTempDirSync();
 * const { png } = save(activationFigure("elu"), "ELU", { dir });
 * console.assert(png.endsWith("/ELU.png"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 *
 * @module
 */
export {
  Figure,
  type FigureOptions,
  MAX_FIGURE_SIDE,
  MAX_PANEL_SIZE,
  MIN_PANEL_SIZE,
  type PngOptions,
} from "./figure.ts";
export { MAX_RASTER_PIXELS } from "./raster.ts";
export {
  column,
  DEFAULT_MAX_ROW_WIDTH,
  type LayoutOptions,
  panel,
  type PanelOptions,
  row,
} from "./layout.ts";
export { plotDocument, serializeSvg } from "./dom.ts";
export { base64, escapeXml, htmlPage, type HtmlPageOptions } from "./markup.ts";
export {
  checkFigureName,
  figuresDir,
  MAX_FILE_NAME_BYTES,
  save,
  saveHtml,
  type SaveOptions,
  writeAtomic,
} from "./saving.ts";
export { type Swatch, swatches, type SwatchesOptions } from "./swatches.ts";
export { textWidth, type TextWidthOptions } from "./text_width.ts";
export { BMY, interpolateBmy } from "./palette.ts";
export type { Interval } from "./interval.ts";
export { clipPolyline, type SegmentPoint } from "./polyline.ts";
export {
  type Curve,
  curvesFigure,
  type CurvesOptions,
  type Kink,
  MAX_HOVER_POINTS,
  MAX_STROKE_WIDTH,
} from "./curves_figure.ts";
export { type PairData, pairFigure, type PairOptions } from "./pair_figure.ts";
export { kinkMarkers } from "./kink_markers.ts";
export {
  activationFigure,
  type ActivationFigureOptions,
  MAX_GRID_POINTS_PER_AXIS,
} from "./activation_figure.ts";
export { MAX_OVERLAY_SAMPLES, overlayFigure, type OverlayOptions } from "./overlay_figure.ts";
export { colorBar, heatmapFigure, type HeatmapOptions, MAX_HOVER_CELLS } from "./heatmap_figure.ts";
export {
  boundaryFigure,
  type BoundaryOptions,
  CLASS_COLORS,
  type LabelledPoints,
} from "./boundary_figure.ts";
export {
  decisionBoundaryFigure,
  type DecisionBoundaryOptions,
  labelledPoints,
  transformationFigure,
} from "./network_figures.ts";
export { HISTORY_COLORS, historyFigure, type HistoryOptions } from "./history_figure.ts";
export {
  gridDataUrl,
  gridImage,
  hex,
  mix,
  mostProbable,
  PLAYGROUND_CLASS_COLORS,
  predictionRgb,
  type PredictionScale,
  predictionScale,
  type PredictionScaleOptions,
  SIGNED_COLORS,
  signedRgb,
} from "./playground_colors.ts";
export {
  checkExtent,
  type GridPrediction,
  predictionFigure,
  predictionGridFigure,
  type PredictionOptions,
  type PredictionPoints,
} from "./prediction_figure.ts";
export {
  MAX_DIAGRAM_UNITS,
  networkDiagramFigure,
  type NetworkDiagramOptions,
} from "./network_diagram_figure.ts";
export { presetsFigure, type PresetsFigureOptions } from "./presets_figure.ts";
export { comparisonFigure, type ComparisonFigureOptions } from "./comparison_figure.ts";
export {
  logAxis,
  selectSignals,
  signalFigure,
  type SignalFigureOptions,
  STAT_LABELS,
} from "./signal_figure.ts";
export { gradientHeatmapFigure, type GradientHeatmapOptions } from "./gradient_heatmap_figure.ts";
export { initComparisonFigure, type InitComparisonOptions } from "./init_comparison_figure.ts";
export { trainabilityFigure, type TrainabilityFigureOptions } from "./trainability_figure.ts";
export { JUPYTER_DISPLAY } from "../notebook/display.ts";
export type { Grid } from "../grid.ts";
export type { Dataset, DatasetName } from "../training/datasets.ts";
export type { LayerWeights, Network, NetworkSpec } from "../training/network.ts";
export type { PlaygroundRun } from "../training/playground.ts";
export type { SubnetworkFit } from "../training/subnetwork.ts";
export type { History } from "../training/train.ts";
export type { ActivationResult } from "../training/activation_comparison.ts";
export type { SignalResult, SignalStat } from "../training/signal_propagation.ts";
export type { InitializerName } from "../training/initializers.ts";
export type { Trainability, TrainabilityRow } from "../training/trainability.ts";
