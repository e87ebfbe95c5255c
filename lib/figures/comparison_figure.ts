/**
 * The every-activation comparison as a chart: final accuracy, and how soon each
 * activation first reached 99% accuracy.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ActivationResult } from "../training/activation_comparison.ts";
import { getActivation } from "../activations/activations.ts";
import type { Figure } from "./figure.ts";
import { panel, row } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { textWidth } from "./text_width.ts";
import { MAX_PANEL_SIZE } from "./figure.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  checkPixels,
  option,
} from "../guards.ts";

// The labels' font size, and the narrowest the bars get beside long labels, in px.
const FONT_SIZE = 12, MIN_BARS_WIDTH = 150;

/** Options of {@linkcode comparisonFigure}. */
export interface ComparisonFigureOptions {
  /** Number of epochs trained (the x domain of the second panel): an integer >= 1. */
  readonly epochs?: number;
  /**
   * Panel width in px, from 250 to 10,000 (`MAX_PANEL_SIZE`); default 380. The labels'
   * margin fits the longest label, and a panel widens to keep its bars at least 150 px.
   */
  readonly width?: number;
}

/**
 * Two bar charts of the rows {@linkcode compareActivations} returns: final training
 * accuracy, and the first epoch with accuracy >= 99% ("never" when it was not reached).
 * Bars use each activation's registry colour and carry hover read-outs.
 *
 * @param rows One row per activation.
 * @param options Epochs and width.
 * @returns Two panels side by side.
 * @throws {TypeError} If `rows` is not a non-empty array of result rows, or an option has
 *   the wrong type.
 * @throws {RangeError} If `width` or `epochs` is outside its range.
 *
 * @example
 * ```ts
 * import { comparisonFigure } from "./comparison_figure.ts";
 * const fig = comparisonFigure([
 *   { name: "relu", label: "ReLU", finalLoss: 0.01, finalAccuracy: 1, firstEpochAt99: 12 },
 *   { name: "identity", label: "Identity", finalLoss: 0.69, finalAccuracy: 0.5, firstEpochAt99: null },
 * ]);
 * console.assert(fig.svg().includes("never"));
 * ```
 */
export function comparisonFigure(
  rows: readonly ActivationResult[],
  options?: ComparisonFigureOptions,
): Figure {
  checkArrayLike(rows, argument("comparisonFigure", "rows"), "an array of result rows");
  if (rows.length === 0) {
    throw new TypeError("comparisonFigure() expects at least one result row");
  }
  rows.forEach((r, k) =>
    checkObject(r, argument("comparisonFigure", `rows[${k}]`), "a result row")
  );
  options = checkOptions(options, argument("comparisonFigure", "options"));
  const { width = 380 } = options;
  checkPixels(width, option("width"), 250, MAX_PANEL_SIZE);
  if (options.epochs !== undefined) checkInteger(options.epochs, option("epochs"), 1);
  const epochs = options.epochs ?? Math.max(1, ...rows.map((r) => r.firstEpochAt99 ?? 1));
  const color = (r: ActivationResult) => getActivation(r.name).view.color;
  const height = 40 + 22 * rows.length;
  const document = plotDocument();
  // room for the longest label left of the bars: its width, the tick (6 px) and padding
  const marginLeft = Math.ceil(Math.max(...rows.map((r) => textWidth(r.label, FONT_SIZE)))) + 16;
  const marginRight = 24;
  const common = {
    document,
    width: Math.max(width, marginLeft + marginRight + MIN_BARS_WIDTH),
    height,
    marginLeft,
    marginRight,
    y: { domain: rows.map((r) => r.label), label: null },
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "DejaVu Sans, system-ui, sans-serif" },
  };
  const accuracy = Plot.plot({
    ...common,
    x: { domain: [0, 1], label: "final training accuracy", grid: true },
    marks: [
      Plot.barX(rows, {
        y: "label",
        x: "finalAccuracy",
        fill: color,
        title: (r: ActivationResult) =>
          `${r.label}: accuracy ${r.finalAccuracy.toFixed(3)}, loss ${r.finalLoss.toFixed(4)}`,
      }),
      Plot.ruleX([0.99], { stroke: "#888", strokeDasharray: "4 3" }),
    ],
  }) as unknown as Element;
  const speed = Plot.plot({
    ...common,
    x: { domain: [0, epochs], label: "first epoch at ≥ 99% accuracy", grid: true },
    marks: [
      Plot.barX(rows.filter((r) => r.firstEpochAt99 !== null), {
        y: "label",
        x: "firstEpochAt99",
        fill: color,
        title: (r: ActivationResult) => `${r.label}: 99% at epoch ${r.firstEpochAt99}`,
      }),
      Plot.text(rows.filter((r) => r.firstEpochAt99 === null), {
        y: "label",
        x: 0,
        text: () => "never",
        textAnchor: "start",
        dx: 4,
        fill: "#666",
      }),
    ],
  }) as unknown as Element;
  return row(
    panel(accuracy, { title: "Final accuracy" }),
    panel(speed, { title: "Epochs to 99%" }),
  );
}
