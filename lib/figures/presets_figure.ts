/**
 * Every preset at a glance: small multiples of what each data set's trained preset
 * predicts over the plane, with a sample of its points and its test score in the title, wrapped into lines that fit a notebook.
 *
 * @module
 */
import type { PlaygroundRun } from "../training/playground.ts";
import { runMetrics } from "../training/playground.ts";
import type { Figure } from "./figure.ts";
import { row } from "./layout.ts";
import { predictionFigure } from "./prediction_figure.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  option,
} from "../guards.ts";

/** Options of {@linkcode presetsFigure}. */
export interface PresetsFigureOptions {
  /** Each panel's chart side in px: an integer from 120 to 1,000; default 190. */
  readonly size?: number;
  /**
   * Points drawn per panel, half training (filled), half test (hollow), an even sample of
   * each: an integer from 0 to 10,000; default 120.
   */
  readonly points?: number;
  /** The widest a line of panels gets, in px (at least 1); default 1,000. */
  readonly maxWidth?: number;
}

/**
 * Small multiples of trained runs (what {@linkcode trainPresets} returns): each run's
 * prediction over its window, a sample of its training (filled) and test points (hollow),
 * and a title with the
 * data set and its test score (accuracy, or R² for regression).
 *
 * @param runs Trained runs, e.g. `await trainPresets({ seed })`.
 * @param options `size`, `points`, `maxWidth` ({@linkcode PresetsFigureOptions}).
 * @returns One figure, panels in lines of at most `maxWidth` px.
 * @throws {TypeError} If `runs` is not a non-empty array of runs, or an option has the
 *   wrong type.
 * @throws {RangeError} If an option is out of range.
 *
 * @example
 * ```ts
 * import { playgroundSettings, trainPlayground } from "../training/playground.ts";
 * import { presetsFigure } from "./presets_figure.ts";
 * const run = await trainPlayground(playgroundSettings("gauss", { epochs: 5 }));
 * const fig = presetsFigure([run]);
 * console.assert(fig.titles[0].startsWith("gauss: "));
 * ```
 */
export function presetsFigure(
  runs: readonly PlaygroundRun[],
  options?: PresetsFigureOptions,
): Figure {
  checkArrayLike(runs, argument("presetsFigure", "runs"), "an array of playground runs");
  if (runs.length === 0) throw new TypeError("presetsFigure() expects at least one run");
  runs.forEach((run, k) => checkObject(run, argument("presetsFigure", `runs[${k}]`), "a run"));
  const { size = 190, points = 120, maxWidth = 1_000 } = checkOptions(
    options,
    argument("presetsFigure", "options"),
  );
  checkInteger(size, option("size"), 120, 1_000);
  checkInteger(points, option("points"), 0, 10_000);
  const panels = runs.map((run) => {
    const m = runMetrics(run);
    const score = m.task === "regression"
      ? `R² ${m.testR2.toFixed(3)}`
      : `${(100 * m.testAccuracy).toFixed(1)}%`;
    return predictionFigure(run.network, { ...run.train, extent: run.all.extent }, {
      test: run.test,
      title: `${run.all.name}: ${score}`,
      width: size,
      height: size,
      resolution: 60,
      legend: false,
      maxPoints: Math.ceil(points / 2),
      hover: false,
    });
  });
  return row(...panels, {
    maxWidth,
    gap: 12,
    description: `Every preset: ${panels.map((p) => p.titles[0]).join("; ")} (test scores)`,
  });
}
