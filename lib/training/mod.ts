/**
 * Why non-linearity matters, as a training pipeline: seeded data sets and random streams
 * (the original's, TensorFlow Playground's, your own CSV files), small dense networks whose
 * hidden activation comes from the registry (Playground's input features, sigmoid,
 * softmax or linear outputs), training with Adam or SGD and L1/L2, the playground's
 * settings and presets, dead units, networks saved as JSON and loaded back,
 * predictions over a grid, the hidden layers' view of the data, decision boundaries over
 * the epochs, and every activation trained on the same task. Why depth needs the right
 * activation: initialisations, signal propagation through deep networks at
 * initialisation, and trainability by depth.
 *
 * @example A non-linear network learns XOR
 * ```ts
 * import { createNetwork, makeDataset, NONLINEAR_NETWORK, train } from "./mod.ts";
 * const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
 * const history = await train(net, makeDataset("xor"), { epochs: 2 });
 * console.assert(history.loss.length === 2);
 * net.dispose();
 * ```
 *
 * @module
 */
export {
  type Dataset,
  type DatasetName,
  type DatasetOptions,
  datasetRows,
  DATASETS,
  makeDataset,
  MAX_DATASET_SIZE,
  MAX_NOISE,
  XOR_CLUSTERS,
} from "./datasets.ts";
export { checkSeed, createRandom, deriveSeed, permutation, type Random } from "./random.ts";
export {
  MAX_CLASSES,
  PLAYGROUND_DATASETS,
  playgroundData,
  type PlaygroundDataOptions,
  type PlaygroundDatasetInfo,
  type PlaygroundDatasetName,
  type SplitData,
  splitData,
  type SplitOptions,
  type Task,
  type TaskData,
} from "./playground_data.ts";
export {
  type CsvOptions,
  loadCsvData,
  MAX_CSV_BYTES,
  MAX_CSV_CLASSES,
  parseCsvData,
} from "./csv_data.ts";
export {
  checkFeatures,
  expandFeatures,
  type Feature,
  FEATURE_NAMES,
  featureLabel,
  type FeatureName,
  FEATURES,
} from "./features.ts";
export {
  checkInitializer,
  drawWeights,
  INITIALIZER_LABELS,
  type InitializerName,
  INITIALIZERS,
  type WeightDistribution,
  weightDistribution,
} from "./initializers.ts";
export {
  type HiddenActivation,
  hiddenActivation,
  hiddenActivationNames,
  type TrainingValues,
} from "./hidden_activation.ts";
export {
  checkNetwork,
  checkPoints,
  createNetwork,
  type LayerWeights,
  LINEAR_NETWORK,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_WIDTH,
  MAX_PARAMETERS,
  type Network,
  networkLabel,
  type NetworkOptions,
  type NetworkSpec,
  NONLINEAR_NETWORK,
  OUTPUT_KINDS,
  type OutputKind,
} from "./network.ts";
export {
  checkTrainingData,
  type EpochLog,
  type History,
  MAX_BATCH_SIZE,
  MAX_BATCH_VALUES,
  MAX_EPOCHS,
  MAX_REGULARIZATION_RATE,
  type OptimizerName,
  OPTIMIZERS,
  type RegularizationName,
  REGULARIZATIONS,
  train,
  type TrainingData,
  type TrainOptions,
} from "./train.ts";
export {
  cellCentres,
  type GridAxes,
  gridAxes,
  type GridOutputs,
  gridOutputs,
  hiddenOutputs,
  MAX_RESOLUTION,
  type Points,
  predict,
  predictGrid,
} from "./predict.ts";
export {
  extentOf,
  fitSubnetwork,
  MAX_PADDING,
  SUBNETWORK,
  type SubnetworkFit,
  type SubnetworkOptions,
} from "./subnetwork.ts";
export { deadUnits, type DeadUnitsRow } from "./dead_units.ts";
export {
  type LoadedNetwork,
  loadNetwork,
  MAX_NETWORK_FILE_BYTES,
  NETWORK_FORMAT,
  NETWORK_FORMAT_VERSION,
  type NetworkFile,
  networkFromJson,
  networkToJson,
  saveNetwork,
  type SaveNetworkOptions,
} from "./network_export.ts";
export {
  comparePlayground,
  CSV_PRESET,
  type MetricRow,
  metricRows,
  outputFor,
  type PlaygroundComparisonOptions,
  type PlaygroundComparisonRow,
  type PlaygroundData,
  playgroundDataset,
  playgroundNetwork,
  type PlaygroundRun,
  type PlaygroundSettings,
  playgroundSettings,
  type PlaygroundTrainOptions,
  playgroundTrainOptions,
  type Preset,
  presetOf,
  type PresetOptions,
  type PresetRow,
  presetRows,
  PRESETS,
  type RunMetrics,
  runMetrics,
  SETTING_NAMES,
  type SettingName,
  type SettingOverrides,
  type SettingRow,
  settingsRows,
  trainPlayground,
  trainPresets,
} from "./playground.ts";
export {
  type BoundarySnapshot,
  type BoundarySnapshots,
  MAX_SNAPSHOT_VALUES,
  type SnapshotOptions,
  trainWithSnapshots,
} from "./boundary_snapshots.ts";
export {
  type ActivationResult,
  compareActivations,
  type ComparisonOptions,
} from "./activation_comparison.ts";
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
} from "./signal_propagation.ts";
export {
  type Trainability,
  trainability,
  TRAINABILITY_ACTIVATIONS,
  type TrainabilityOptions,
  type TrainabilityRow,
  type TrainabilityRun,
  USUAL_INITIALIZERS,
} from "./trainability.ts";
export {
  type DisplayFunction,
  type MimeBundle,
  progressBundle,
  type ProgressOptions,
  trainingProgress,
} from "./training_progress.ts";
export type { Grid } from "../grid.ts";
