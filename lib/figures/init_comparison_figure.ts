/**
 * Every activation under every initialisation at one depth: a dot chart with one row per
 * activation and one dot per initialisation, placed (log scale) at a statistic of one
 * layer, e.g. the pre-activations' standard deviation at layer 50. With each activation's
 * gain, the dots line up at 1.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import {
  SIGNAL_STATS,
  type SignalResult,
  type SignalStat,
} from "../training/signal_propagation.ts";
import { INITIALIZER_LABELS, type InitializerName } from "../training/initializers.ts";
import type { Figure } from "./figure.ts";
import { MAX_PANEL_SIZE } from "./figure.ts";
import { panel } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { swatches } from "./swatches.ts";
import { textWidth } from "./text_width.ts";
import { logAxis, selectSignals, STAT_LABELS } from "./signal_figure.ts";
import {
  argument,
  checkInteger,
  checkOptions,
  checkPixels,
  checkString,
  option,
} from "../guards.ts";

// label type size and row height in px
const FONT_SIZE = 13, ROW = 21;

/** Dot colours of the initialisations. */
const INIT_COLORS: Readonly<Record<InitializerName, string>> = {
  glorot_uniform: "#1f77b4",
  he_normal: "#d62728",
  lecun_normal: "#2ca02c",
  gain: "#000000",
};

/** Options of {@linkcode initComparisonFigure}. */
export interface InitComparisonOptions {
  /**
   * What to place: a per-layer statistic (`SIGNAL_STATS`, at `layer`), or
   * `"gradientRatio"` (first layer's gradient std over the last's); default
   * `"preActivationStd"`.
   */
  readonly stat?: SignalStat | "gradientRatio";
  /** The layer (1-based) of a per-layer statistic; default the last. */
  readonly layer?: number;
  /** Activations (rows), by registry name; default every one in `results`, in their order. */
  readonly activations?: readonly string[];
  /** Chart width in px, labels included, from 250 to 10,000; default 560. */
  readonly width?: number;
}

/**
 * One row per activation, one dot per initialisation at the chosen statistic (log scale,
 * a dashed line at 1), titled e.g. "Pre-activation std at layer 50", with the
 * initialisations' key. Values a log scale cannot place (0, or NaN after an overflow) are
 * left out; hovering a dot reads out its value.
 *
 * @param results Rows from `signalPropagation()`, several initialisations per activation.
 * @param options Statistic, layer, activations, width.
 * @returns The figure.
 * @throws {TypeError} If `results` is not a non-empty array of results, or an option has
 *   the wrong type.
 * @throws {RangeError} If the statistic is unknown, `layer` is not a layer of the results,
 *   an activation has no result, or `width` is outside its range.
 *
 * @example
 * ```ts
 * import { signalPropagation } from "../training/signal_propagation.ts";
 * import { initComparisonFigure } from "./init_comparison_figure.ts";
 * const results = signalPropagation({ activations: ["tanh", "relu"], depth: 10, width: 16, inputs: 16 });
 * const fig = initComparisonFigure(results);
 * console.assert(fig.titles[0] === "Pre-activation std at layer 10");
 * ```
 */
export function initComparisonFigure(
  results: readonly SignalResult[],
  options?: InitComparisonOptions,
): Figure {
  const fn = "initComparisonFigure";
  const { stat = "preActivationStd", layer, activations, width = 560 } = checkOptions(
    options,
    argument(fn, "options"),
  );
  checkPixels(width, option("width"), 250, MAX_PANEL_SIZE);
  checkString(stat, option("stat"));
  if (stat !== "gradientRatio" && !(SIGNAL_STATS as readonly string[]).includes(stat)) {
    throw new RangeError(
      `${option("stat")}: unknown statistic "${stat}": expected one of ${
        [...SIGNAL_STATS, "gradientRatio"].map((s) => `"${s}"`).join(", ")
      }`,
    );
  }
  const [first, firstRows] = selectSignals(results, fn, { activations });
  const depth = firstRows[0].gradientStd.length;
  const at = layer ?? depth;
  checkInteger(at, option("layer"), 1, depth);
  const inits = [...new Set(results.map((r) => r.init))];
  const names = firstRows.map((r) => r.name);
  const rows = inits.flatMap((init) =>
    init === first ? firstRows : selectSignals(results, fn, { init, activations: names })[1]
  );
  const value = (r: SignalResult) => (stat === "gradientRatio" ? r.gradientRatio : r[stat][at - 1]);
  const statTitle = stat === "gradientRatio" ? "Gradient ratio" : STAT_LABELS[stat].title;
  const axis = stat === "gradientRatio"
    ? `std of ∂J/∂z, layer 1 over layer ${depth} (log)`
    : `${STAT_LABELS[stat].axis.replace(" (log)", "")} at layer ${at} (log)`;
  const points = rows
    .map((r) => ({ label: r.label, init: r.init, value: value(r) }))
    .filter((p) => p.value > 0 && Number.isFinite(p.value));
  const labels = firstRows.map((r) => r.label);
  const marginLeft = Math.ceil(Math.max(...labels.map((l) => textWidth(l, FONT_SIZE)))) + 14;
  const chart = Plot.plot({
    document: plotDocument(),
    width: Math.max(width, marginLeft + 200),
    height: 56 + ROW * labels.length,
    marginLeft,
    marginRight: 22,
    marginTop: 8,
    marginBottom: 48,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: {
      type: "log",
      label: axis,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 38,
      grid: true,
      ...logAxis(points.map((p) => p.value)),
    },
    y: { domain: labels, label: null, tickSize: 0 },
    color: { domain: inits, range: inits.map((i) => INIT_COLORS[i]) },
    marks: [
      Plot.frame({ stroke: "#999" }),
      Plot.ruleX([1], { stroke: "#888", strokeDasharray: "4 3" }),
      // side by side within a row: Glorot and LeCun coincide for square layers
      ...inits.map((init, k) =>
        Plot.dot(points.filter((p) => p.init === init), {
          x: "value",
          y: "label",
          dy: 4 * (k - (inits.length - 1) / 2),
          stroke: "init",
          fill: "init",
          fillOpacity: 0.35,
          r: 5,
          strokeWidth: 1.5,
          title: (p: { label: string; init: InitializerName; value: number }) =>
            `${p.label}, ${INITIALIZER_LABELS[p.init]}: ${+p.value.toPrecision(3)}`,
          ariaDescription: "hover",
        })
      ),
    ],
  }) as unknown as Element;
  const title = stat === "gradientRatio" ? statTitle : `${statTitle} at layer ${at}`;
  return panel(chart, {
    title,
    legend: swatches(inits.map((i) => ({ label: INITIALIZER_LABELS[i], color: INIT_COLORS[i] }))),
    description: `${title} for ${labels.join(", ")} under ${
      inits.map((i) => INITIALIZER_LABELS[i]).join(", ")
    }`,
  });
}
