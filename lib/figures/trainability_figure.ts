/**
 * Trainability by depth as a chart: final training accuracy against the number of hidden
 * layers (mean over the seeds, the bar from the lowest to the highest), and how many
 * epochs the runs that reached the target took, one line per activation in its registry
 * colour.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { getActivation } from "../activations/activations.ts";
import type { Trainability, TrainabilityRow } from "../training/trainability.ts";
import type { Figure } from "./figure.ts";
import { MAX_PANEL_SIZE } from "./figure.ts";
import { panel, row } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { swatches } from "./swatches.ts";
import {
  argument,
  checkArrayLike,
  checkObject,
  checkOptions,
  checkPixels,
  option,
} from "../guards.ts";

/** Options of {@linkcode trainabilityFigure}. */
export interface TrainabilityFigureOptions {
  /** Chart width in px per panel (the legend comes on top), from 250 to 10,000; default 400. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 300. */
  readonly height?: number;
}

const STYLE = { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" };

/**
 * Two panels from {@linkcode trainability}'s result: "Final accuracy by depth" (the mean
 * over the seeds with a bar from the lowest to the highest, the target dashed) and
 * "Epochs to <target> by depth" (the mean over the runs that reached it, "k/n" beside a
 * dot when only k of n did, a cross at the epoch limit when none did). Hovering a dot
 * reads out its numbers.
 *
 * @param study What `trainability()` returns (its `rows`, `target` and `epochs`).
 * @param options Sizes.
 * @returns The figure.
 * @throws {TypeError} If `study` is not a result of `trainability()` with at least one
 *   row, or an option has the wrong type.
 * @throws {RangeError} If a size is outside its range.
 *
 * @example
 * ```ts
 * import { trainabilityFigure } from "./trainability_figure.ts";
 * const row = (depth: number, mean: number, reached: number, epochs: number | null) => ({
 *   name: "relu", label: "ReLU", init: "he_normal" as const, depth, runs: 3,
 *   accuracyMean: mean, accuracySd: 0.01, accuracyMin: mean - 0.01, accuracyMax: mean + 0.01,
 *   reached, epochsMean: epochs, epochsSd: epochs === null ? null : 5, diverged: 0,
 * });
 * const fig = trainabilityFigure({ rows: [row(2, 0.97, 3, 40), row(20, 0.6, 0, null)], target: 0.95, epochs: 100 });
 * console.assert(fig.titles.join() === "Final accuracy by depth,Epochs to 95% by depth");
 * ```
 */
export function trainabilityFigure(
  study: Pick<Trainability, "rows" | "target" | "epochs">,
  options?: TrainabilityFigureOptions,
): Figure {
  const fn = "trainabilityFigure";
  const { width = 400, height = 300 } = checkOptions(options, argument(fn, "options"));
  checkPixels(width, option("width"), 250, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), 100, MAX_PANEL_SIZE);
  checkObject(study, argument(fn, "study"), "a trainability() result");
  checkArrayLike(study.rows, argument(fn, "study.rows"), "an array of rows");
  if (study.rows.length === 0) throw new TypeError(`${fn}() expects at least one row`);
  study.rows.forEach((r, k) => checkObject(r, argument(fn, `study.rows[${k}]`), "a row"));
  const { rows, target, epochs } = study;
  const names = [...new Set(rows.map((r) => r.name))];
  const depths = [...new Set(rows.map((r) => r.depth))].sort((a, b) => a - b);
  const color = {
    domain: names,
    range: names.map((n) => getActivation(n).view.color),
  };
  const percent = `${+(100 * target).toFixed(1)}%`;
  // each activation's dots a little apart, so that bars and crosses do not hide each other
  const shift = (name: string) => 5 * (names.indexOf(name) - (names.length - 1) / 2);
  const x = {
    type: "point" as const,
    domain: depths,
    label: "hidden layers",
    labelAnchor: "center" as const,
    labelArrow: "none" as const,
    labelOffset: 38,
    padding: 0.3,
  };
  const common = {
    document: plotDocument(),
    width,
    height,
    marginLeft: 62,
    marginBottom: 48,
    marginTop: 14,
    marginRight: 20,
    style: STYLE,
    x,
    color,
  };
  const lowest = Math.min(...rows.map((r) => r.accuracyMin).filter((v) => !Number.isNaN(v)));
  const accuracy = Plot.plot({
    ...common,
    y: {
      // a little room around the dots at chance (0.5) and at 1
      domain: [Math.min(0.5, Math.floor(10 * lowest) / 10) - 0.03, 1.015],
      label: "final training accuracy",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 50,
      grid: true,
    },
    marks: [
      Plot.frame({ stroke: "#999" }),
      Plot.ruleY([target], { stroke: "#888", strokeDasharray: "4 3" }),
      ...names.flatMap((name) => {
        const mine = rows.filter((r) => r.name === name && !Number.isNaN(r.accuracyMean));
        const dx = shift(name);
        return [
          Plot.line(mine, { x: "depth", y: "accuracyMean", stroke: "name", strokeWidth: 2, dx }),
          Plot.ruleX(mine, {
            x: "depth",
            y1: "accuracyMin",
            y2: "accuracyMax",
            stroke: "name",
            strokeWidth: 2,
            dx,
          }),
          Plot.dot(mine, {
            x: "depth",
            y: "accuracyMean",
            fill: "name",
            r: 4.5,
            dx,
            title: (r: TrainabilityRow) => readOut(r, percent),
            ariaDescription: "hover",
          }),
        ];
      }),
    ],
  }) as unknown as Element;
  const reached = rows.filter((r) => r.reached > 0);
  const never = rows.filter((r) => r.reached === 0);
  const speed = Plot.plot({
    ...common,
    y: {
      // the crosses at the epoch limit stay clear of the frame
      domain: [0, epochs * 1.06],
      label: `epochs to ${percent} (mean)`,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 50,
      grid: true,
    },
    marks: [
      Plot.frame({ stroke: "#999" }),
      ...names.flatMap((name) => {
        const dx = shift(name);
        const mine = reached.filter((r) => r.name === name);
        return [
          Plot.line(mine, { x: "depth", y: "epochsMean", stroke: "name", strokeWidth: 2, dx }),
          Plot.dot(mine, {
            x: "depth",
            y: "epochsMean",
            fill: "name",
            r: 4.5,
            dx,
            title: (r: TrainabilityRow) => readOut(r, percent),
            ariaDescription: "hover",
          }),
          Plot.text(mine.filter((r) => r.reached < r.runs), {
            x: "depth",
            y: "epochsMean",
            text: (r: TrainabilityRow) => `${r.reached}/${r.runs}`,
            fill: "name",
            dx: dx + 8,
            textAnchor: "start",
          }),
          Plot.dot(never.filter((r) => r.name === name), {
            x: "depth",
            y: epochs,
            stroke: "name",
            symbol: "times",
            r: 5,
            strokeWidth: 2,
            dx,
            title: (r: TrainabilityRow) => readOut(r, percent),
            ariaDescription: "hover",
          }),
        ];
      }),
    ],
  }) as unknown as Element;
  const key = swatches([
    ...names.map((n) => ({
      label: rows.find((r) => r.name === n)!.label,
      color: getActivation(n).view.color,
    })),
  ]);
  const labels = names.map((n) => rows.find((r) => r.name === n)!.label).join(", ");
  return row(
    panel(accuracy, {
      title: "Final accuracy by depth",
      description: `Final training accuracy by depth for ${labels}`,
    }),
    panel(speed, {
      title: `Epochs to ${percent} by depth`,
      legend: key,
      description: `Epochs to ${percent} by depth for ${labels} (× never, at most ${epochs})`,
    }),
  );
}

function readOut(r: TrainabilityRow, percent: string): string {
  const accuracy = Number.isNaN(r.accuracyMean)
    ? "diverged"
    : `accuracy ${r.accuracyMean.toFixed(3)} ± ${r.accuracySd.toFixed(3)} ` +
      `(${r.accuracyMin.toFixed(3)} to ${r.accuracyMax.toFixed(3)})`;
  const epochs = r.epochsMean === null
    ? `none reached ${percent}`
    : `${r.reached} of ${r.runs} reached ${percent}, in ${
      Math.round(r.epochsMean)
    } epochs on average`;
  return `${r.label}, ${r.depth} layers: ${accuracy}; ${epochs}`;
}
