/**
 * The playground's runs: one call that makes (or reads) the data, builds the network its
 * task needs and trains it with the settings (playground_settings.ts), the same settings
 * once per activation, and every preset trained. Its numbers as table rows are in
 * playground_rows.ts; this module re-exports both.
 *
 * @module
 */
import {
  PLAYGROUND_DATASETS,
  playgroundData,
  type PlaygroundDatasetName,
  splitData,
  type TaskData,
} from "./playground_data.ts";
import { loadCsvData } from "./csv_data.ts";
import { createNetwork, type Network, type OutputKind } from "./network.ts";
import { hiddenActivationNames } from "./hidden_activation.ts";
import { type EpochLog, type History, train, type TrainOptions } from "./train.ts";
import { getActivation } from "../activations/activations.ts";
import {
  argument,
  checkArrayLike,
  checkFunction,
  checkObject,
  checkOptions,
  checkString,
  typeError,
} from "../guards.ts";
import {
  type PlaygroundSettings,
  playgroundSettings,
  type SettingOverrides,
} from "./playground_settings.ts";

export * from "./playground_settings.ts";
export * from "./playground_rows.ts";

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
