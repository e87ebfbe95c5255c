/**
 * The playground's settings and runs: every knob TensorFlow Playground has (data set,
 * noise, train/test ratio, input features, hidden layers, activation, epochs, batch size,
 * optimiser, learning rate, L1/L2 regularisation and its rate) plus the original's
 * (Adam, initialisation, seed), a preset per data set that reaches at least 95% on its
 * test points, and one call that makes the data, builds the network and trains it.
 *
 * @module
 */
import {
  MAX_CLASSES,
  PLAYGROUND_DATASETS,
  playgroundData,
  type PlaygroundDatasetName,
  splitData,
  type Task,
  type TaskData,
} from "./playground_data.ts";
import { loadCsvData } from "./csv_data.ts";
import { checkFeatures, type FeatureName } from "./features.ts";
import { createNetwork, type Network, type OutputKind } from "./network.ts";
import { checkInitializer, type InitializerName } from "./initializers.ts";
import { hiddenActivationNames } from "./hidden_activation.ts";
import { checkSeed } from "./random.ts";
import { MAX_NOISE } from "./datasets.ts";
import {
  type EpochLog,
  type History,
  MAX_BATCH_SIZE,
  MAX_EPOCHS,
  MAX_REGULARIZATION_RATE,
  type OptimizerName,
  OPTIMIZERS,
  type RegularizationName,
  REGULARIZATIONS,
  train,
  type TrainOptions,
} from "./train.ts";
import { getActivation } from "../activations/activations.ts";
import {
  argument,
  checkArrayLike,
  checkFunction,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
  FLOAT32_MAX,
  typeError,
} from "../guards.ts";

/** Everything one playground run depends on. */
export interface PlaygroundSettings {
  /** A name from `PLAYGROUND_DATASETS`, or the path of a CSV file (ending in `.csv`). */
  readonly dataset: string;
  /** Classes of `"blobs"` and `"arms"`: 3 to `MAX_CLASSES` (unused by the others). */
  readonly classes: number;
  /** Noise as Playground means it for the data set (playground_data.ts): 0 to `MAX_NOISE`. */
  readonly noise: number;
  /** The fraction of points to train on, the rest to test: above 0 and below 1. */
  readonly trainRatio: number;
  /** The network's input features (features.ts), e.g. `["x1", "x2"]`. */
  readonly features: readonly FeatureName[];
  /** Hidden layer widths, input side first. */
  readonly hidden: readonly number[];
  /** The hidden layers' activation (a one-input activation of the registry). */
  readonly activation: string;
  /** The hidden layers' initialisation (initializers.ts). */
  readonly init: InitializerName;
  /** Passes over the training points: 1 to `MAX_EPOCHS`. */
  readonly epochs: number;
  /** Points per gradient step: 1 to `MAX_BATCH_SIZE`. */
  readonly batchSize: number;
  /** `"sgd"` (Playground's) or `"adam"` (the original's). */
  readonly optimizer: OptimizerName;
  /** The optimiser's step size: above 0. */
  readonly learningRate: number;
  /** `"none"`, `"l1"` or `"l2"`. */
  readonly regularization: RegularizationName;
  /** The penalty's rate: 0 to `MAX_REGULARIZATION_RATE`. */
  readonly regularizationRate: number;
  /** The seed of the data, the split, the initial weights and the batch order. */
  readonly seed: number;
}

/** A setting's name. */
export type SettingName = keyof PlaygroundSettings;

/** The settings in display order. */
export const SETTING_NAMES: readonly SettingName[] = [
  "dataset",
  "classes",
  "noise",
  "trainRatio",
  "features",
  "hidden",
  "activation",
  "init",
  "epochs",
  "batchSize",
  "optimizer",
  "learningRate",
  "regularization",
  "regularizationRate",
  "seed",
];

/** A data set's preset: every setting but the data set and the seed, and why it is so. */
export type Preset = Omit<PlaygroundSettings, "dataset" | "seed"> & {
  /** Why these settings: what makes the data set easy or hard. */
  readonly why: string;
};

// Playground's own defaults, where a preset does not need more
const BASE = {
  classes: 3,
  noise: 0,
  trainRatio: 0.5,
  features: ["x1", "x2"],
  init: "glorot_uniform",
  batchSize: 10,
  regularization: "none",
  regularizationRate: 0,
} as const;

const SIN_FEATURES: readonly FeatureName[] = ["x1", "x2", "sin(x1)", "sin(x2)"];

/**
 * A preset per data set, each reaching at least 95% accuracy on its test points (R² of
 * 0.95 for regression) for seeds 1, 2 and 3 (tested), at noise 0.
 */
export const PRESETS: Readonly<Record<PlaygroundDatasetName, Preset>> = {
  circle: {
    ...BASE,
    hidden: [4, 2],
    activation: "tanh",
    epochs: 100,
    optimizer: "sgd",
    learningRate: 0.03,
    why: "A closed boundary: at least three units in the first layer, each cutting the " +
      "plane along a line, close a region around the disc.",
  },
  xor: {
    ...BASE,
    hidden: [8, 4],
    activation: "tanh",
    epochs: 200,
    optimizer: "sgd",
    learningRate: 0.03,
    why: "Two lines are needed, and their combination is itself non-linear: a second layer " +
      "combines the first layer's half-planes (or add the feature x1·x2 and one unit does).",
  },
  gauss: {
    ...BASE,
    hidden: [2],
    activation: "tanh",
    epochs: 50,
    optimizer: "sgd",
    learningRate: 0.03,
    why: "Linearly separable: any network, even a linear one, draws the straight boundary.",
  },
  spiral: {
    ...BASE,
    features: SIN_FEATURES,
    hidden: [16, 16],
    activation: "tanh",
    epochs: 300,
    optimizer: "adam",
    learningRate: 0.01,
    why: "The hard one: each arm winds 1.75 turns, so the boundary turns again and again " +
      "and every piece of it costs units. sin(x1) and sin(x2) already oscillate across the " +
      "arms, two layers of 16 combine them, and Adam with 300 epochs gets there.",
  },
  blobs: {
    ...BASE,
    hidden: [4],
    activation: "tanh",
    epochs: 50,
    optimizer: "sgd",
    learningRate: 0.03,
    why: "Separated clusters: one small layer and a softmax output split the plane into " +
      "one region per class.",
  },
  arms: {
    ...BASE,
    trainRatio: 0.8,
    features: SIN_FEATURES,
    hidden: [16, 16],
    activation: "tanh",
    epochs: 300,
    optimizer: "adam",
    learningRate: 0.01,
    why: "The spiral with three arms: narrower gaps between the classes, so also more " +
      "training points (80%) to pin the boundaries down.",
  },
  plane: {
    ...BASE,
    hidden: [2],
    activation: "tanh",
    epochs: 50,
    optimizer: "sgd",
    learningRate: 0.01,
    why: "A linear target: the linear output does it, the hidden units stay in tanh's " +
      "straight middle.",
  },
  "multi-gauss": {
    ...BASE,
    features: SIN_FEATURES,
    hidden: [16, 16],
    activation: "tanh",
    epochs: 300,
    optimizer: "adam",
    learningRate: 0.01,
    why: "Six bumps of either sign, each a small peak: many local shapes to fit, which the " +
      "periodic sin features and two layers of 16 provide.",
  },
};

/** The settings of a CSV file's data, which has no preset of its own. */
export const CSV_PRESET: Preset = {
  ...BASE,
  trainRatio: 0.8,
  hidden: [8, 8],
  activation: "tanh",
  epochs: 200,
  optimizer: "adam",
  learningRate: 0.01,
  why: "Your own data: two layers of 8 and Adam, a reasonable start for most 2-D sets.",
};

/** Settings to change from the preset: `null` or a missing one keeps the preset's value. */
export type SettingOverrides = {
  readonly [K in Exclude<SettingName, "dataset">]?: PlaygroundSettings[K] | null;
};

/**
 * The full settings for a data set: its preset ({@linkcode PRESETS}, or
 * {@linkcode CSV_PRESET} for a CSV file) with the given overrides, every value checked.
 *
 * @param dataset A name from `PLAYGROUND_DATASETS`, or a path ending in `.csv`.
 * @param overrides Settings to change; `null` keeps the preset's (default none).
 * @returns The {@linkcode PlaygroundSettings}.
 * @throws {TypeError} If a value has the wrong type, or `overrides` is not an object.
 * @throws {RangeError} If the data set is unknown, an override's name is not a setting
 *   (the messages list the choices), or a value is outside its domain (see
 *   {@linkcode PlaygroundSettings}).
 * @throws {Error} If the activation is unknown (the message lists the names).
 *
 * @example The spiral's preset, with GELU
 * ```ts
 * import { playgroundSettings } from "./playground.ts";
 * const s = playgroundSettings("spiral", { activation: "gelu", epochs: null });
 * console.assert(s.activation === "gelu" && s.epochs === 300 && s.hidden.join() === "16,16");
 * ```
 */
export function playgroundSettings(
  dataset: string,
  overrides?: SettingOverrides,
): PlaygroundSettings {
  checkString(dataset, setting("dataset"));
  const preset = presetOf(dataset);
  const given = checkOptions(overrides, argument("playgroundSettings", "overrides"));
  for (const key of Object.keys(given)) {
    if (!(SETTING_NAMES as readonly string[]).includes(key) || key === "dataset") {
      throw new RangeError(
        `Unknown setting "${key}": expected one of ${
          SETTING_NAMES.filter((n) => n !== "dataset").join(", ")
        }`,
      );
    }
  }
  const pick = <K extends Exclude<SettingName, "dataset">>(
    key: K,
    fallback: PlaygroundSettings[K],
  ) => (given[key] ?? fallback) as PlaygroundSettings[K];
  const { why: _, ...base } = preset;
  const s: PlaygroundSettings = {
    dataset,
    ...Object.fromEntries(
      SETTING_NAMES.filter((k) => k !== "dataset" && k !== "seed").map((k) => [
        k,
        pick(k as Exclude<SettingName, "dataset">, base[k as keyof typeof base] as never),
      ]),
    ) as Omit<PlaygroundSettings, "dataset" | "seed">,
    seed: pick("seed", 0),
  };
  return checkSettings(s, given);
}

// Every value against its domain, before anything is built.
function checkSettings(s: PlaygroundSettings, given: SettingOverrides): PlaygroundSettings {
  const multiclass = s.dataset === "blobs" || s.dataset === "arms";
  if (given.classes !== undefined && given.classes !== null && !multiclass) {
    throw new RangeError(
      `${setting("classes")}: only "blobs" and "arms" take a number of classes, not "${s.dataset}"`,
    );
  }
  checkInteger(s.classes, setting("classes"), 3, MAX_CLASSES);
  checkNumber(s.noise, setting("noise"), { min: 0, max: MAX_NOISE });
  checkNumber(s.trainRatio, setting("trainRatio"), { min: 0, minExclusive: true, max: 1 });
  if (s.trainRatio === 1) {
    throw new RangeError(`${setting("trainRatio")}: 1 leaves no test points (expected below 1)`);
  }
  checkArrayLike(s.features, setting("features"), "an array of feature names");
  checkFeatures(s.features, setting("features"));
  checkArrayLike(s.hidden, setting("hidden"), "an array of layer widths");
  checkString(s.activation, setting("activation"));
  if (!hiddenActivationNames().includes(s.activation)) {
    // the registry's message lists every name; a two-input one is refused by createNetwork
    getActivation(s.activation);
  }
  checkInitializer(s.init, setting("init"));
  // widths, the activation and the parameter budget, as createNetwork checks them
  createNetwork({ hidden: s.hidden, activation: s.activation, features: s.features }).dispose();
  checkInteger(s.epochs, setting("epochs"), 1, MAX_EPOCHS);
  checkInteger(s.batchSize, setting("batchSize"), 1, MAX_BATCH_SIZE);
  checkName(s.optimizer, setting("optimizer"), OPTIMIZERS);
  checkNumber(s.learningRate, setting("learningRate"), {
    min: 0,
    minExclusive: true,
    max: FLOAT32_MAX,
  });
  checkName(s.regularization, setting("regularization"), REGULARIZATIONS);
  checkNumber(s.regularizationRate, setting("regularizationRate"), {
    min: 0,
    max: MAX_REGULARIZATION_RATE,
  });
  checkSeed(s.seed, setting("seed"));
  return { ...s, features: [...s.features], hidden: [...s.hidden] };
}

/**
 * The preset of a data set.
 *
 * @param dataset A name from `PLAYGROUND_DATASETS`, or a path ending in `.csv`.
 * @returns Its {@linkcode Preset} ({@linkcode CSV_PRESET} for a CSV file).
 * @throws {RangeError} If the data set is unknown (the message lists the names).
 *
 * @example
 * ```ts
 * import { presetOf } from "./playground.ts";
 * console.assert(presetOf("circle").hidden.join() === "4,2");
 * console.assert(presetOf("my points.csv").epochs === 200);
 * ```
 */
export function presetOf(dataset: string): Preset {
  checkString(dataset, setting("dataset"));
  if (dataset.toLowerCase().endsWith(".csv")) return CSV_PRESET;
  const preset = (PRESETS as Record<string, Preset>)[dataset];
  if (!Object.hasOwn(PRESETS, dataset) || !preset) {
    throw new RangeError(
      `Unknown data set "${dataset}": expected one of ${
        PLAYGROUND_DATASETS.map((d) => `"${d.name}"`).join(", ")
      }, or the path of a .csv file`,
    );
  }
  return preset;
}

/** The data of a run: every point, and the training and test points. */
export interface PlaygroundData {
  /** Every point. */
  readonly all: TaskData;
  /** The points trained on. */
  readonly train: TaskData;
  /** The points held out. */
  readonly test: TaskData;
}

/**
 * Makes (or reads, for a CSV file) the settings' data set and splits it into training
 * and test points (seeded by the settings' seed).
 *
 * @param settings From {@linkcode playgroundSettings}.
 * @returns `{ all, train, test }` ({@linkcode PlaygroundData}).
 * @throws {RangeError} As `playgroundData()`, `loadCsvData()` and `splitData()` do.
 * @throws {Error} If a CSV file cannot be read.
 *
 * @example
 * ```ts
 * import { playgroundDataset, playgroundSettings } from "./playground.ts";
 * const data = playgroundDataset(playgroundSettings("circle", { seed: 1 }));
 * console.assert(data.train.y.length === 250 && data.test.y.length === 250);
 * ```
 */
export function playgroundDataset(settings: PlaygroundSettings): PlaygroundData {
  checkObject(settings, argument("playgroundDataset", "settings"), "playground settings");
  const { dataset, seed, noise, classes, trainRatio } = settings;
  const all = dataset.toLowerCase().endsWith(".csv")
    ? loadCsvData(dataset)
    : playgroundData(dataset as PlaygroundDatasetName, {
      seed,
      noise,
      ...(dataset === "blobs" || dataset === "arms" ? { classes } : {}),
    });
  return { all, ...splitData(all, { trainRatio, seed }) };
}

/** What {@linkcode trainPlayground} returns. */
export interface PlaygroundRun extends PlaygroundData {
  /** The settings trained with. */
  readonly settings: PlaygroundSettings;
  /** The trained network (it holds no tensors; nothing to dispose). */
  readonly network: Network;
  /** Loss and accuracy per epoch, on the training points and in `history.test` on the test points. */
  readonly history: History;
}

/** Options of {@linkcode trainPlayground}. */
export interface PlaygroundTrainOptions {
  /** The data, if already made by {@linkcode playgroundDataset} (default: made here). */
  readonly data?: PlaygroundData;
  /** Called after every epoch (e.g. `trainingProgress()`). */
  readonly onEpoch?: (log: EpochLog) => void | Promise<void>;
}

/**
 * One playground run: the data (unless given), a network for its task (a sigmoid output
 * for two classes, softmax for more, linear for regression) reading the settings'
 * features, trained with the settings, evaluated on the test points after every epoch.
 *
 * @param settings From {@linkcode playgroundSettings}.
 * @param options `data` and `onEpoch` ({@linkcode PlaygroundTrainOptions}).
 * @returns The {@linkcode PlaygroundRun}.
 * @throws {RangeError} On data that cannot be made or read, or when training diverges
 *   (see `train()`).
 *
 * @example Gauss, in a few epochs
 * ```ts
 * import { playgroundSettings, trainPlayground } from "./playground.ts";
 * const run = await trainPlayground(playgroundSettings("gauss", { epochs: 5, seed: 1 }));
 * console.assert(run.history.test!.accuracy.length === 5 && run.network.output === "sigmoid");
 * ```
 */
export async function trainPlayground(
  settings: PlaygroundSettings,
  options?: PlaygroundTrainOptions,
): Promise<PlaygroundRun> {
  checkObject(settings, argument("trainPlayground", "settings"), "playground settings");
  const { data = playgroundDataset(settings), onEpoch } = checkOptions(
    options,
    argument("trainPlayground", "options"),
  );
  if (onEpoch !== undefined) checkFunction(onEpoch, argument("trainPlayground", "onEpoch"));
  const network = playgroundNetwork(settings, data);
  const history = await train(network, data.train, {
    ...playgroundTrainOptions(settings, data),
    ...(onEpoch ? { onEpoch } : {}),
  });
  return { ...data, settings, network, history };
}

/**
 * The untrained network of a run: the settings' hidden layers, activation,
 * initialisation, seed and features, and the output layer the data's task needs
 * ({@linkcode outputFor}). What {@linkcode trainPlayground} trains.
 *
 * @param settings From {@linkcode playgroundSettings}.
 * @param data From {@linkcode playgroundDataset} (its task picks the output layer).
 * @returns The network (it holds no tensors).
 * @throws {TypeError} If `settings` or `data` is not what those functions return.
 *
 * @example Three arms: a softmax output of three units
 * ```ts
 * import { playgroundDataset, playgroundNetwork, playgroundSettings } from "./playground.ts";
 * const s = playgroundSettings("arms", { classes: 3 });
 * const net = playgroundNetwork(s, playgroundDataset(s));
 * console.assert(net.output === "softmax" && net.sizes.join() === "2,16,16,3");
 * ```
 */
export function playgroundNetwork(settings: PlaygroundSettings, data: PlaygroundData): Network {
  checkObject(settings, argument("playgroundNetwork", "settings"), "playground settings");
  checkObject(data, argument("playgroundNetwork", "data"), "{ all, train, test }");
  checkObject(data.all, argument("playgroundNetwork", "data.all"), "a data set with a task");
  return buildNetwork(settings, data.all, settings.activation);
}

/**
 * The training options of a run: the settings' epochs, batch size, optimiser, learning
 * rate, regularisation and seed, and the data's test points to measure after every
 * epoch. What {@linkcode trainPlayground} passes to `train()`.
 *
 * @param settings From {@linkcode playgroundSettings}.
 * @param data From {@linkcode playgroundDataset}.
 * @returns `train()`'s options.
 * @throws {TypeError} If `settings` or `data` is not what those functions return.
 *
 * @example
 * ```ts
 * import { playgroundDataset, playgroundSettings, playgroundTrainOptions } from "./playground.ts";
 * const s = playgroundSettings("spiral");
 * const o = playgroundTrainOptions(s, playgroundDataset(s));
 * console.assert(o.epochs === 300 && o.optimizer === "adam" && o.testData!.y.length === 250);
 * ```
 */
export function playgroundTrainOptions(
  settings: PlaygroundSettings,
  data: PlaygroundData,
): TrainOptions {
  checkObject(settings, argument("playgroundTrainOptions", "settings"), "playground settings");
  checkObject(data, argument("playgroundTrainOptions", "data"), "{ all, train, test }");
  return {
    ...trainOptions(settings),
    ...(data.test?.y.length ? { testData: data.test } : {}),
  };
}

/** How well a run did, on its training and test points. */
export interface RunMetrics {
  /** The task. */
  readonly task: Task;
  /** Final loss on the training points. */
  readonly trainLoss: number;
  /** Final loss on the test points. */
  readonly testLoss: number;
  /** Final accuracy on the training points (NaN for regression). */
  readonly trainAccuracy: number;
  /** Final accuracy on the test points (NaN for regression). */
  readonly testAccuracy: number;
  /** Regression: 1 - MSE / variance of the test targets (NaN for classification). */
  readonly testR2: number;
  /** What the presets promise: test accuracy, or R² for regression. */
  readonly score: number;
}

/**
 * The final metrics of a run: losses, accuracies, R² for regression.
 *
 * @param run From {@linkcode trainPlayground}.
 * @returns The {@linkcode RunMetrics}.
 * @throws {TypeError} If `run` is not a run.
 *
 * @example
 * ```ts
 * import { playgroundSettings, runMetrics, trainPlayground } from "./playground.ts";
 * const m = runMetrics(await trainPlayground(playgroundSettings("plane", { epochs: 3 })));
 * console.assert(m.task === "regression" && Number.isNaN(m.testAccuracy) && m.score === m.testR2);
 * ```
 */
export function runMetrics(run: PlaygroundRun): RunMetrics {
  checkObject(run, argument("runMetrics", "run"), "a playground run");
  const { history, test } = run;
  const task = run.all.task;
  const last = (a: readonly number[] | undefined) => a?.at(-1) ?? NaN;
  const testLoss = last(history.test?.loss);
  let testR2 = NaN;
  if (task === "regression" && test.y.length) {
    let mean = 0, variance = 0;
    for (const v of test.y) mean += v / test.y.length;
    for (const v of test.y) variance += (v - mean) ** 2 / test.y.length;
    testR2 = 1 - testLoss / variance;
  }
  const testAccuracy = last(history.test?.accuracy);
  return {
    task,
    trainLoss: last(history.loss),
    testLoss,
    trainAccuracy: last(history.accuracy),
    testAccuracy,
    testR2,
    score: task === "regression" ? testR2 : testAccuracy,
  };
}

/** One row of {@linkcode metricRows}. */
export interface MetricRow {
  /** What is measured, e.g. `"accuracy"`. */
  readonly metric: string;
  /** On the training points (`null` where not measured). */
  readonly training: number | null;
  /** On the test points (`null` where not measured). */
  readonly test: number | null;
}

/**
 * A run's final numbers as table rows: loss and accuracy on the training and test points,
 * or, for regression, the mean squared error and R² (on the test points).
 *
 * @param run From {@linkcode trainPlayground}.
 * @returns Two {@linkcode MetricRow}s.
 * @throws {TypeError} If `run` is not a run.
 *
 * @example
 * ```ts
 * import { metricRows, playgroundSettings, trainPlayground } from "./playground.ts";
 * const rows = metricRows(await trainPlayground(playgroundSettings("gauss", { epochs: 3 })));
 * console.assert(rows.map((r) => r.metric).join() === "loss,accuracy");
 * ```
 */
export function metricRows(run: PlaygroundRun): MetricRow[] {
  const m = runMetrics(run);
  const value = (v: number) => (Number.isNaN(v) ? null : v);
  return m.task === "regression"
    ? [
      { metric: "mean squared error", training: value(m.trainLoss), test: value(m.testLoss) },
      { metric: "R²", training: null, test: value(m.testR2) },
    ]
    : [
      { metric: "loss", training: value(m.trainLoss), test: value(m.testLoss) },
      { metric: "accuracy", training: value(m.trainAccuracy), test: value(m.testAccuracy) },
    ];
}

/** One row of {@linkcode presetRows}. */
export interface PresetRow {
  /** The data set. */
  readonly dataset: string;
  /** The network: features, hidden widths and activation, output layer. */
  readonly network: string;
  /** How it was trained: optimiser, learning rate, epochs, training fraction. */
  readonly training: string;
  /** The test score: accuracy, or R² for regression. */
  readonly test: string;
  /** Why the preset is what it is. */
  readonly why: string;
}

/**
 * Trained presets as table rows: the network, how it was trained, its test score, and
 * why the preset is what it is.
 *
 * @param runs Trained runs, e.g. `await trainPresets({ seed })`.
 * @returns One {@linkcode PresetRow} per run.
 * @throws {TypeError} If `runs` is not an array of runs.
 *
 * @example
 * ```ts
 * import { presetRows, trainPresets } from "./playground.ts";
 * const [row] = presetRows(await trainPresets({ datasets: ["gauss"], seed: 1 }));
 * console.assert(row.network === "x1, x2 → 2 tanh → sigmoid" && row.test === "100.0%");
 * ```
 */
export function presetRows(runs: readonly PlaygroundRun[]): PresetRow[] {
  checkArrayLike(runs, argument("presetRows", "runs"), "an array of playground runs");
  return runs.map((run) => {
    const s = run.settings, m = runMetrics(run);
    const preset = presetOf(s.dataset);
    return {
      dataset: run.all.name,
      network: `${s.features.join(", ")} → ${
        s.hidden.join("-")
      } ${s.activation} → ${run.network.output}`,
      training: `${s.optimizer} ${s.learningRate}, ${s.epochs} epochs, ${
        Math.round(100 * s.trainRatio)
      }% trained on`,
      test: m.task === "regression"
        ? `R² ${m.testR2.toFixed(3)}`
        : `${(100 * m.testAccuracy).toFixed(1)}%`,
      why: preset.why,
    };
  });
}

/** One row of {@linkcode settingsRows}. */
export interface SettingRow {
  /** The setting's name. */
  readonly setting: string;
  /** Its value, as text. */
  readonly value: string;
  /** Where it comes from: `"preset"`, or `"set"` when it differs from the preset. */
  readonly from: string;
}

/**
 * The settings as table rows, saying which differ from the data set's preset.
 *
 * @param settings From {@linkcode playgroundSettings}.
 * @returns One {@linkcode SettingRow} per setting, in {@linkcode SETTING_NAMES} order.
 * @throws {RangeError} If the data set is unknown.
 *
 * @example
 * ```ts
 * import { playgroundSettings, settingsRows } from "./playground.ts";
 * const rows = settingsRows(playgroundSettings("xor", { activation: "relu" }));
 * console.assert(rows.find((r) => r.setting === "activation")!.from === "set");
 * ```
 */
export function settingsRows(settings: PlaygroundSettings): SettingRow[] {
  checkObject(settings, argument("settingsRows", "settings"), "playground settings");
  const preset = presetOf(settings.dataset) as unknown as Record<string, unknown>;
  const multiclass = settings.dataset === "blobs" || settings.dataset === "arms";
  return SETTING_NAMES.filter((k) => k !== "classes" || multiclass).map((k) => {
    const value = settings[k];
    const text = Array.isArray(value) ? value.join(", ") : String(value);
    const fromPreset = k === "dataset" || k === "seed"
      ? "-"
      : JSON.stringify(preset[k]) === JSON.stringify(value)
      ? "preset"
      : "set";
    return { setting: k, value: text, from: fromPreset };
  });
}

/** One row of {@linkcode comparePlayground}. */
export interface PlaygroundComparisonRow {
  /** Registry name. */
  readonly name: string;
  /** Display label. */
  readonly label: string;
  /** Final accuracy on the training points (NaN for regression or after divergence). */
  readonly trainAccuracy: number;
  /** Final accuracy on the test points (NaN for regression or after divergence). */
  readonly testAccuracy: number;
  /** Final loss on the test points (NaN after divergence). */
  readonly testLoss: number;
  /** The epoch in which training diverged, or `null`. */
  readonly divergedAt: number | null;
}

/** Options of {@linkcode comparePlayground}. */
export interface PlaygroundComparisonOptions {
  /** Activation names; default every one-input activation in the registry. */
  readonly names?: readonly string[];
  /** The data, if already made (default: made from the settings). */
  readonly data?: PlaygroundData;
}

/**
 * The settings' run once per activation (same data, split, seed and everything else),
 * one row each: training and test accuracy, test loss. An activation whose training
 * diverges gets a row saying when.
 *
 * @param settings From {@linkcode playgroundSettings}.
 * @param options `names` and `data` ({@linkcode PlaygroundComparisonOptions}).
 * @returns One {@linkcode PlaygroundComparisonRow} per name, in order.
 * @throws {Error} If a name is unknown (before any training).
 * @throws {TypeError} If `names` is not an array of strings or holds a two-input activation.
 *
 * @example
 * ```ts
 * import { comparePlayground, playgroundSettings } from "./playground.ts";
 * const rows = await comparePlayground(playgroundSettings("gauss", { epochs: 2 }), {
 *   names: ["relu", "gelu"],
 * });
 * console.assert(rows.map((r) => r.label).join() === "ReLU,GELU");
 * ```
 */
export async function comparePlayground(
  settings: PlaygroundSettings,
  options?: PlaygroundComparisonOptions,
): Promise<PlaygroundComparisonRow[]> {
  checkObject(settings, argument("comparePlayground", "settings"), "playground settings");
  const { names = hiddenActivationNames(), data = playgroundDataset(settings) } = checkOptions(
    options,
    argument("comparePlayground", "options"),
  );
  checkArrayLike(names, argument("comparePlayground", "names"), "an array of activation names");
  names.forEach((name, k) => checkString(name, argument("comparePlayground", `names[${k}]`)));
  // build (and drop) every network first, so a bad name fails before any training
  for (const name of names) buildNetwork(settings, data.all, name).dispose();
  const rows: PlaygroundComparisonRow[] = [];
  for (const name of names) {
    const network = buildNetwork(settings, data.all, name);
    const label = getActivation(name).label;
    try {
      const history = await train(network, data.train, playgroundTrainOptions(settings, data));
      rows.push({
        name,
        label,
        trainAccuracy: history.accuracy.at(-1) ?? NaN,
        testAccuracy: history.test?.accuracy.at(-1) ?? NaN,
        testLoss: history.test?.loss.at(-1) ?? NaN,
        divergedAt: null,
      });
    } catch (error) {
      // train()'s own message: "Training diverged at epoch <n>: ..."
      const at = error instanceof RangeError &&
        /^Training diverged at epoch (\d+)/.exec(error.message);
      if (!at) throw error;
      rows.push({
        name,
        label,
        trainAccuracy: NaN,
        testAccuracy: NaN,
        testLoss: NaN,
        divergedAt: Number(at[1]),
      });
    } finally {
      network.dispose();
    }
  }
  return rows;
}

/** Options of {@linkcode trainPresets}. */
export interface PresetOptions {
  /** The data sets; default every one of `PLAYGROUND_DATASETS`. */
  readonly datasets?: readonly PlaygroundDatasetName[];
  /** Seed of every run; default 0. */
  readonly seed?: number;
  /** Settings to change in every preset (e.g. `{ activation: "gelu" }`); default none. */
  readonly overrides?: SettingOverrides;
}

/**
 * Trains each data set's preset once: what the presets promise, shown.
 *
 * @param options `datasets`, `seed`, `overrides` ({@linkcode PresetOptions}).
 * @returns One {@linkcode PlaygroundRun} per data set, in order.
 * @throws {RangeError} On an unknown data set or a bad override, before any training.
 *
 * @example
 * ```ts
 * import { runMetrics, trainPresets } from "./playground.ts";
 * const [run] = await trainPresets({ datasets: ["gauss"], seed: 1 });
 * console.assert(runMetrics(run).score >= 0.95);
 * ```
 */
export async function trainPresets(options?: PresetOptions): Promise<PlaygroundRun[]> {
  const {
    datasets = PLAYGROUND_DATASETS.map((d) => d.name),
    seed = 0,
    overrides = {},
  } = checkOptions(options, argument("trainPresets", "options"));
  checkArrayLike(datasets, argument("trainPresets", "datasets"), "an array of data set names");
  const all = datasets.map((d) =>
    playgroundSettings(d, {
      ...overrides,
      seed,
      ...(d === "blobs" || d === "arms" ? {} : { classes: null }),
    })
  );
  const runs: PlaygroundRun[] = [];
  for (const settings of all) runs.push(await trainPlayground(settings));
  return runs;
}

/**
 * The output layer a task needs: a sigmoid unit for two classes, softmax units for more,
 * a linear unit for regression.
 *
 * @param data The data set.
 * @returns `{ output, outputs }` for `createNetwork`'s options.
 * @throws {TypeError} If `data` is not a data set with a task.
 *
 * @example
 * ```ts
 * import { outputFor } from "./playground.ts";
 * console.assert(outputFor({ task: "multiclass", classes: 4 }).outputs === 4);
 * ```
 */
export function outputFor(
  data: Pick<TaskData, "task" | "classes">,
): { output: OutputKind; outputs: number } {
  checkObject(data, argument("outputFor", "data"), "a data set with a task");
  switch (data.task) {
    case "binary":
      return { output: "sigmoid", outputs: 1 };
    case "multiclass":
      return { output: "softmax", outputs: data.classes };
    case "regression":
      return { output: "linear", outputs: 1 };
  }
  throw typeError(argument("outputFor", "data.task"), "a task", data.task);
}

function buildNetwork(settings: PlaygroundSettings, data: TaskData, activation: string): Network {
  return createNetwork(
    { hidden: settings.hidden, activation, features: settings.features },
    { seed: settings.seed, init: settings.init, ...outputFor(data) },
  );
}

function trainOptions(s: PlaygroundSettings) {
  return {
    epochs: s.epochs,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    optimizer: s.optimizer,
    regularization: s.regularization,
    regularizationRate: s.regularizationRate,
    seed: s.seed,
  };
}

function setting(name: string): string {
  return `Invalid setting ${name}`;
}

function checkName(value: unknown, label: string, names: readonly string[]): void {
  checkString(value, label);
  if (!names.includes(value as string)) {
    throw new RangeError(
      `${label}: unknown "${value}": expected one of ${names.map((n) => `"${n}"`).join(", ")}`,
    );
  }
}
