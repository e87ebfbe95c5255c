/**
 * A playground run's numbers for tables and summaries: its final metrics (losses,
 * accuracies, R² for regression), and the settings, metrics and presets as table rows.
 *
 * @module
 */
import type { PlaygroundRun } from "./playground.ts";
import type { Task } from "./playground_data.ts";
import { type PlaygroundSettings, presetOf, SETTING_NAMES } from "./playground_settings.ts";
import { argument, checkArrayLike, checkObject } from "../guards.ts";

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
