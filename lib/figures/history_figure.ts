/**
 * Training-history figures: loss and accuracy per epoch, one curve per named run, side
 * by side, with hover read-outs on every epoch.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Figure } from "./figure.ts";
import { column, panel, row } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { swatches } from "./swatches.ts";
import type { History } from "../training/train.ts";
import { MAX_PANEL_SIZE } from "./figure.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  checkPixels,
  option,
  typeError,
} from "../guards.ts";

/** Options of {@linkcode historyFigure}. */
export interface HistoryOptions {
  /** Title prefix: panels are "<title>: Loss" and "<title>: Accuracy" (default "Training"). */
  readonly title?: string;
  /** Colours of the runs, in order (default a categorical scheme). */
  readonly colors?: readonly string[];
  /** Panel width in px, legend included, from 250 to 10,000 (`MAX_PANEL_SIZE`); default 420. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 300. */
  readonly height?: number;
  /**
   * `"row"` (default): the accuracy panel beside the loss panel; `"column"`: below it, for
   * a figure that sits beside another.
   */
  readonly layout?: "row" | "column";
  /**
   * Epochs per run with a hover read-out, evenly spaced, the last included: an integer
   * from 1 to 10,000; default 120 (every epoch of a long run would weigh more than the
   * rest of the figure).
   */
  readonly readouts?: number;
}

const HISTORY_LAYOUTS: readonly ("row" | "column")[] = ["row", "column"];

/**
 * The runs' colours, in order, unless `colors` says otherwise: a run of training points
 * and one of test points are purple and orange.
 */
export const HISTORY_COLORS: readonly string[] = [
  "#9c33ff",
  "#f59042",
  "#42d1f5",
  "#ff33a7",
  "#7ef542",
  "#000000",
];

/**
 * Loss (and accuracy, when recorded) per epoch. Pass one {@linkcode History} (what
 * `train()` returns; accuracy may be left out), or several named runs as
 * `{ Linear: h1, ELU: h2 }` to compare them.
 *
 * @param history One `{ loss, accuracy? }` or a record of named ones.
 * @param options Title, colours, sizes, layout, read-outs.
 * @returns The figure: a loss panel, beside (or above) an accuracy panel if any run has
 *   accuracy.
 * @throws {TypeError} If no run is given, a run has no epochs, a value is not a number,
 *   accuracy and loss lengths differ, or an option has the wrong type.
 * @throws {RangeError} If a size or `readouts` is outside the range its documentation
 *   gives, or `layout` is not `"row"` or `"column"`.
 *
 * @example Two runs
 * ```ts
 * import { historyFigure } from "./history_figure.ts";
 * const fig = historyFigure({
 *   Linear: { loss: [0.7, 0.69, 0.69], accuracy: [0.5, 0.5, 0.5] },
 *   ELU: { loss: [0.7, 0.4, 0.1], accuracy: [0.5, 0.8, 1] },
 * });
 * console.assert(fig.titles.join() === "Training: Loss,Training: Accuracy");
 * ```
 */
export function historyFigure(
  history:
    | (Pick<History, "loss"> & Partial<History>)
    | Readonly<Record<string, Pick<History, "loss"> & Partial<History>>>,
  options?: HistoryOptions,
): Figure {
  const {
    title = "Training",
    colors = HISTORY_COLORS,
    width = 420,
    height = 300,
    layout = "row",
    readouts = 120,
  } = checkOptions(options, argument("historyFigure", "options"));
  checkInteger(readouts, option("readouts"), 1, 10_000);
  if (!HISTORY_LAYOUTS.includes(layout)) {
    throw new RangeError(
      `${option("layout")}: unknown "${layout}": expected one of ${
        HISTORY_LAYOUTS.map((l) => `"${l}"`).join(", ")
      }`,
    );
  }
  checkPixels(width, option("width"), 250, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), 100, MAX_PANEL_SIZE);
  checkArrayLike(colors, option("colors"), "an array of colours");
  checkObject(history, argument("historyFigure", "history"), "a History or a record of them");
  const runs: [string, Pick<History, "loss"> & Partial<History>][] = isHistory(history)
    ? [["run", history]]
    : Object.entries(history);
  if (runs.length === 0) throw new TypeError("historyFigure() expects at least one run");
  for (const [name, h] of runs) {
    if (!h?.loss?.length) throw new TypeError(`Invalid history "${name}": no loss values`);
    for (const key of ["loss", "accuracy"] as const) {
      const values = h[key] ?? [];
      checkArrayLike(values, `Invalid history "${name}"`, `${key} as an array of numbers`);
      for (let k = 0; k < values.length; k++) {
        if (typeof values[k] !== "number") {
          throw typeError(`Invalid history "${name}"`, `${key}[${k}] to be a number`, values[k]);
        }
      }
    }
    // an empty accuracy is none recorded (a regression network's history)
    if (h.accuracy?.length && h.accuracy.length !== h.loss.length) {
      throw new TypeError(
        `Invalid history "${name}": ${h.accuracy.length} accuracy values for ${h.loss.length} epochs`,
      );
    }
  }
  const named = runs.length > 1 || !isHistory(history);
  const runLength = new Map(runs.map(([run, h]) => [run, h.loss.length]));
  const metric = (key: "loss" | "accuracy", label: string) => {
    const rows = runs.flatMap(([run, h]) =>
      Array.from(h[key] ?? [], (v, k) => ({ run, epoch: k + 1, value: v }))
    );
    const domain = runs.map(([run]) => run);
    const range = domain.map((_, k) => colors[k % colors.length]);
    const legend = named
      ? swatches(domain.map((run, k) => ({ label: run, color: range[k] })))
      : undefined;
    // the legend takes what it needs of the panel's width (the chart keeps at least 200 px)
    const legendWidth = legend ? Number(legend.getAttribute("width")) : 0;
    const chart = Plot.plot({
      document: plotDocument(),
      width: Math.max(200, width - legendWidth),
      height,
      marginLeft: 62,
      marginBottom: 48,
      marginTop: 12,
      marginRight: 26, // room for the last epoch label ("2,000")
      style: { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" },
      x: { label: "epoch", labelAnchor: "center", labelArrow: "none", labelOffset: 40 },
      y: {
        label,
        labelAnchor: "center",
        labelArrow: "none",
        labelOffset: 50,
        grid: true,
        zero: key === "loss",
        domain: key === "accuracy" ? [0, 1] : undefined,
      },
      color: { domain, range },
      marks: [
        Plot.frame({ stroke: "#999" }),
        Plot.line(rows, { x: "epoch", y: "value", stroke: "run", strokeWidth: 3 }),
        // read-outs at about `readouts` epochs per run (every epoch of a long run would weigh
        // more than the rest of the figure)
        Plot.dot(rows.filter((d) => hovered(d.epoch, runLength.get(d.run) ?? 0, readouts)), {
          x: "epoch",
          y: "value",
          r: 4,
          fill: "run",
          fillOpacity: 0,
          pointerEvents: "all",
          title: (d: { run: string; epoch: number; value: number }) =>
            `${named ? `${d.run}: ` : ""}epoch ${d.epoch}, ${label} = ${+d.value.toFixed(4)}`,
          ariaDescription: "hover",
        }),
      ],
    }) as unknown as Element;
    return panel(chart, {
      title: `${title}: ${label === "loss" ? "Loss" : "Accuracy"}`,
      legend,
      description: `${title}: ${label} per epoch for ${domain.join(", ")}`,
    });
  };
  const loss = metric("loss", "loss");
  if (!runs.some(([, h]) => h.accuracy?.length)) return loss;
  const accuracy = metric("accuracy", "accuracy");
  return layout === "row" ? row(loss, accuracy) : column(loss, accuracy);
}

// Whether an epoch of a run of n epochs gets a hover read-out: every epoch up to `most`,
// else evenly spaced ones and the last.
function hovered(epoch: number, n: number, most: number): boolean {
  const stride = Math.ceil(n / most);
  return (epoch - 1) % stride === 0 || epoch === n;
}

function isHistory(h: unknown): h is Pick<History, "loss"> & Partial<History> {
  return typeof h === "object" && h !== null && "loss" in h &&
    typeof (h as { loss: unknown }).loss === "object";
}
