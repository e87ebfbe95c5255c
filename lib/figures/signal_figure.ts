/**
 * Signal propagation at initialisation as line charts: a per-layer statistic (standard
 * deviation of the activations, of the back-propagated gradients, dead units, ...) against
 * the layer, one line per activation in its registry colour, one panel per statistic, for
 * one initialisation. Standard deviations use a log scale, so that a signal shrinking by
 * a constant factor per layer is a straight line.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { getActivation } from "../activations/activations.ts";
import {
  SIGNAL_STATS,
  type SignalResult,
  type SignalStat,
} from "../training/signal_propagation.ts";
import {
  checkInitializer,
  INITIALIZER_LABELS,
  type InitializerName,
} from "../training/initializers.ts";
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
  checkString,
  option,
} from "../guards.ts";

/** What each statistic is called: in a panel's title, and on its y axis. */
export const STAT_LABELS: Readonly<Record<SignalStat, { title: string; axis: string }>> = {
  preActivationStd: { title: "Pre-activation std", axis: "std of z (log)" },
  activationMean: { title: "Activation mean", axis: "mean of f(z)" },
  activationStd: { title: "Activation std", axis: "std of f(z) (log)" },
  gradientStd: { title: "Gradient std", axis: "std of ∂J/∂z (log)" },
  deadFraction: { title: "Dead units", axis: "fraction of units" },
};

/** Options of {@linkcode signalFigure}. */
export interface SignalFigureOptions {
  /** The initialisation to draw; default the first result's. */
  readonly init?: InitializerName;
  /** Activations to draw, by registry name; default every one in `results`. */
  readonly activations?: readonly string[];
  /** Statistics, one panel each; default `["activationStd", "gradientStd"]`. */
  readonly stats?: readonly SignalStat[];
  /** Chart width in px per panel (the legend comes on top), from 250 to 10,000; default 400. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 300. */
  readonly height?: number;
}

/**
 * Per-layer statistics of {@linkcode signalPropagation}'s results for one
 * initialisation: one panel per statistic, titled "<Statistic> (<initialisation>)", one
 * line per activation, hover read-outs on every layer, and the activations' key beside the
 * last panel. Values a log scale cannot show (0, or NaN after an overflow) are gaps.
 *
 * @param results Rows from `signalPropagation()`.
 * @param options Initialisation, activations, statistics, sizes.
 * @returns The figure.
 * @throws {TypeError} If `results` is not a non-empty array of results, or an option has
 *   the wrong type.
 * @throws {RangeError} If a statistic or initialisation is unknown, no result matches,
 *   or a size is outside its range.
 *
 * @example Sigmoid's and ReLU's gradients through 10 layers
 * ```ts
 * import { signalPropagation } from "../training/signal_propagation.ts";
 * import { signalFigure } from "./signal_figure.ts";
 * const results = signalPropagation({
 *   activations: ["sigmoid", "relu"], inits: ["he_normal"], depth: 10, width: 32, inputs: 32,
 * });
 * const fig = signalFigure(results, { stats: ["gradientStd"] });
 * console.assert(fig.titles[0] === "Gradient std (He normal)");
 * ```
 */
export function signalFigure(
  results: readonly SignalResult[],
  options?: SignalFigureOptions,
): Figure {
  const fn = "signalFigure";
  const {
    stats = ["activationStd", "gradientStd"],
    width = 400,
    height = 300,
    ...pick
  } = checkOptions(options, argument(fn, "options"));
  checkPixels(width, option("width"), 250, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), 100, MAX_PANEL_SIZE);
  checkStats(stats);
  const [init, chosen] = selectSignals(results, fn, pick);
  const key = swatches(chosen.map((r) => ({ label: r.label, color: colorOf(r.name) })));
  const panels = stats.map((stat, k) =>
    statPanel(chosen, stat, init, {
      width,
      height,
      legend: k === stats.length - 1 ? key : undefined,
    })
  );
  return panels.length === 1 ? panels[0] : row(...panels);
}

/**
 * Checks `results` and picks the rows of one initialisation (default the first row's) and
 * of the given activations (default all, in the results' order). Shared by the figures of
 * signal propagation.
 *
 * @param results Rows from `signalPropagation()`.
 * @param fn The figure builder to name in messages.
 * @param pick `init` and `activations`.
 * @returns The initialisation and its rows, in the order of `activations`.
 * @throws {TypeError} If `results` is not a non-empty array of results or a choice has the
 *   wrong type.
 * @throws {RangeError} If the initialisation is unknown, or an activation has no row.
 *
 * @example
 * ```ts
 * import { signalPropagation } from "../training/signal_propagation.ts";
 * import { selectSignals } from "./signal_figure.ts";
 * const results = signalPropagation({ activations: ["tanh"], depth: 2, width: 4, inputs: 4 });
 * const [init, rows] = selectSignals(results, "example", { init: "gain" });
 * console.assert(init === "gain" && rows.length === 1);
 * ```
 */
export function selectSignals(
  results: readonly SignalResult[],
  fn: string,
  pick: { readonly init?: InitializerName; readonly activations?: readonly string[] },
): [InitializerName, SignalResult[]] {
  checkResults(results, fn);
  const init = pick.init ?? results[0].init;
  checkInitializer(init, option("init"));
  const ofInit = results.filter((r) => r.init === init);
  if (ofInit.length === 0) {
    throw new RangeError(
      `${option("init")}: no result for "${init}"; the results have ${
        [...new Set(results.map((r) => `"${r.init}"`))].join(", ")
      }`,
    );
  }
  if (pick.activations === undefined) return [init, ofInit];
  checkArrayLike(pick.activations, option("activations"), "an array of activation names");
  if (pick.activations.length === 0) {
    throw new RangeError(`${option("activations")}: expected at least one, got an empty array`);
  }
  return [
    init,
    pick.activations.map((name, k) => {
      checkString(name, option(`activations[${k}]`));
      const found = ofInit.find((r) => r.name === name);
      if (!found) {
        throw new RangeError(
          `${option(`activations[${k}]`)}: no result for "${name}" with "${init}"; ` +
            `the results have ${ofInit.map((r) => `"${r.name}"`).join(", ")}`,
        );
      }
      return found;
    }),
  ];
}

function checkResults(results: readonly SignalResult[], fn: string): void {
  checkArrayLike(results, argument(fn, "results"), "an array of signalPropagation() results");
  if (results.length === 0) throw new TypeError(`${fn}() expects at least one result`);
  results.forEach((r, k) => {
    checkObject(r, argument(fn, `results[${k}]`), "a signalPropagation() result");
    for (const stat of SIGNAL_STATS) {
      checkArrayLike(r[stat], argument(fn, `results[${k}].${stat}`), "an array of numbers");
    }
  });
}

function checkStats(stats: readonly SignalStat[]): void {
  checkArrayLike(stats, option("stats"), "an array of statistic names");
  if (stats.length === 0) {
    throw new RangeError(`${option("stats")}: expected at least one, got an empty array`);
  }
  stats.forEach((stat, k) => {
    checkString(stat, option(`stats[${k}]`));
    if (!(SIGNAL_STATS as readonly string[]).includes(stat)) {
      throw new RangeError(
        `${option(`stats[${k}]`)}: unknown statistic "${stat}": expected one of ${
          SIGNAL_STATS.map((s) => `"${s}"`).join(", ")
        }`,
      );
    }
  });
}

function colorOf(name: string): string {
  return getActivation(name).view.color;
}

// a positive number as a read-out shows it: 3 significant digits
function fmt(v: number): string {
  return Number.isNaN(v) ? "NaN (overflow)" : String(+v.toPrecision(3));
}

function statPanel(
  rows: readonly SignalResult[],
  stat: SignalStat,
  init: InitializerName,
  sizes: { width: number; height: number; legend?: Element },
): Figure {
  const log = stat.endsWith("Std");
  const { title, axis } = STAT_LABELS[stat];
  const points = rows.flatMap((r) =>
    r[stat].map((v, k) => ({
      name: r.name,
      label: r.label,
      layer: k + 1,
      value: v,
      // a log scale cannot place 0, and NaN (overflow) is a gap
      y: log && !(v > 0) ? NaN : v,
    }))
  );
  const depth = Math.max(1, ...rows.map((r) => r[stat].length));
  const readoutStep = Math.max(1, Math.ceil(depth / 12));
  const chart = Plot.plot({
    document: plotDocument(),
    width: sizes.width,
    height: sizes.height,
    marginLeft: 66,
    marginBottom: 48,
    marginTop: 12,
    marginRight: 16,
    style: { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: {
      domain: [1, Math.max(2, depth)],
      label: "layer",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 38,
    },
    y: {
      type: log ? "log" : "linear",
      domain: stat === "deadFraction" ? [0, 1] : undefined,
      label: axis,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 56,
      grid: true,
      // the dashed reference at 1 always in view
      ...(log ? logAxis([1, ...points.map((p) => p.y)]) : {}),
    },
    color: { domain: rows.map((r) => r.name), range: rows.map((r) => colorOf(r.name)) },
    marks: [
      Plot.frame({ stroke: "#999" }),
      ...(log ? [Plot.ruleY([1], { stroke: "#888", strokeDasharray: "4 3" })] : []),
      ...(stat === "activationMean" ? [Plot.ruleY([0], { stroke: "#888" })] : []),
      Plot.line(points, { x: "layer", y: "y", z: "name", stroke: "name", strokeWidth: 2.5 }),
      // read-outs at about a dozen layers per line (every layer of every activation would
      // outweigh the rest of the figure)
      Plot.dot(points.filter((p) => (p.layer - 1) % readoutStep === 0 || p.layer === depth), {
        x: "layer",
        y: "y",
        r: 4,
        fill: "name",
        fillOpacity: 0,
        pointerEvents: "all",
        title: (d: { label: string; layer: number; value: number }) =>
          `${d.label}: layer ${d.layer}, ${title.toLowerCase()} = ${fmt(d.value)}`,
        ariaDescription: "hover",
      }),
    ],
  }) as unknown as Element;
  const full = `${title} (${INITIALIZER_LABELS[init]})`;
  return panel(chart, {
    title: full,
    legend: sizes.legend,
    description: `${full} per layer for ${rows.map((r) => r.label).join(", ")}`,
  });
}

/**
 * A log axis spanning the values: ticks at powers of ten labelled 10⁻⁶, 10⁰, 10³ (at most
 * 8 of them: every second, fifth, ... power over a wide span) and a domain from tick to
 * tick, or, over two decades or less, ticks at 1, 2 and 5 times the powers of ten
 * labelled as plain numbers and the values' own domain.
 *
 * @param values The values (non-positive and NaN ones are ignored).
 * @returns The domain, the ticks (ascending) and their format.
 *
 * @example
 * ```ts
 * import { logAxis } from "./signal_figure.ts";
 * const wide = logAxis([1e-30, 1]);
 * console.assert(wide.ticks.length <= 8 && wide.tickFormat(1e-30) === "10⁻³⁰");
 * const narrow = logAxis([0.05, 1]);
 * console.assert(narrow.ticks.join() === "0.05,0.1,0.2,0.5,1" && narrow.tickFormat(0.2) === "0.2");
 * ```
 */
export function logAxis(
  values: readonly number[],
): { domain: [number, number]; ticks: number[]; tickFormat: (v: number) => string } {
  const valid = values.filter((v) => v > 0 && Number.isFinite(v));
  if (valid.length === 0) return { domain: [0.1, 10], ticks: [0.1, 1, 10], tickFormat: String };
  const min = Math.min(...valid), max = Math.max(...valid);
  const lo = Math.floor(Math.log10(min)), hi = Math.ceil(Math.log10(max));
  if (hi - lo <= 2) {
    const [from, to] = min === max ? [min / 2, max * 2] : [min, max];
    const ticks: number[] = [];
    for (let e = lo - 1; e <= hi; e++) {
      for (const m of [1, 2, 5]) {
        const v = +`${m}e${e}`;
        if (v >= from / 1.0001 && v <= to * 1.0001) ticks.push(v);
      }
    }
    return { domain: [from, to], ticks, tickFormat: (v) => String(+v.toPrecision(3)) };
  }
  const step = Math.max(1, Math.ceil((hi - lo) / 7));
  const ticks: number[] = [];
  for (let e = hi; e >= lo - step + 1; e -= step) ticks.unshift(+`1e${e}`);
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks, tickFormat: powerOfTen };
}

// 10⁻⁶, 10⁰, 10³
function powerOfTen(v: number): string {
  const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  const exponent = String(Math.round(Math.log10(v))).replace("-", "⁻")
    .replace(/\d/g, (d) => digits[+d]);
  return `10${exponent}`;
}
