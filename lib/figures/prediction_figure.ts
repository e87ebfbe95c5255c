/**
 * What a trained network predicts over the plane, for any task, with the data on top: the
 * region of each class tinted with its colour (deeper where the network is surer), or a
 * regression's value on TensorFlow Playground's orange-white-blue scale. Training points
 * are filled, test points hollow, as in Playground; `discretize` shows only the predicted
 * class (or the sign of a regression), Playground's "Discretize output".
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { checkNetwork, type Network } from "../training/network.ts";
import { predict } from "../training/predict.ts";
import { checkTrainingData } from "../training/train.ts";
import { MAX_RESOLUTION } from "../training/predict.ts";
import { type Figure, MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "./figure.ts";
import { panel } from "./layout.ts";
import { plotDocument, SVG_NS } from "./dom.ts";
import { colorBar } from "./heatmap_figure.ts";
import { textWidth } from "./text_width.ts";
import { gridImage, hex, mix, PLAYGROUND_CLASS_COLORS, signedRgb } from "./playground_colors.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  checkPixels,
  checkString,
  option,
  typeError,
} from "../guards.ts";

/** Points to draw: 2-D positions, labels or targets, and the window (a `TaskData` fits). */
export interface PredictionPoints {
  /** Row-major 2-D points. */
  readonly x: ArrayLike<number>;
  /** Class numbers, or regression targets. */
  readonly y: ArrayLike<number>;
  /** The window `[[x1min, x1max], [x2min, x2max]]` (only the main points' is used). */
  readonly extent?: readonly (readonly [number, number])[];
}

/** Options of {@linkcode predictionFigure}. */
export interface PredictionOptions {
  /** Test points, drawn hollow over the training points. */
  readonly test?: PredictionPoints;
  /**
   * Show only the predicted class (the sign, for regression), not how sure the network
   * is: Playground's "Discretize output". Default false.
   */
  readonly discretize?: boolean;
  /** Title above the panel. */
  readonly title?: string;
  /** Chart width in px, from 100 to 10,000; default 380. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 360. */
  readonly height?: number;
  /** Grid cells per axis: an integer from 2 to `MAX_RESOLUTION`; default 100 (Playground's). */
  readonly resolution?: number;
  /** Draw the legend (class colours, or the colour bar) beside the chart; default true. */
  readonly legend?: boolean;
  /**
   * Draw at most this many points of each set (an even sample), for small multiples: an
   * integer from 0 to 1,000,000; default all.
   */
  readonly maxPoints?: number;
  /** Give each point and a 12 x 12 grid of cells a hover read-out; default true. */
  readonly hover?: boolean;
}

// a regression's colour scale reaches at least this far from 0
const MIN_RANGE = 1e-6;

/**
 * The network's prediction over the data's window with the training (and test) points.
 * Two classes or more: each cell takes the colour of its most probable class, mixed with
 * white by how sure the network is (white where classes tie). Regression: the predicted
 * value on Playground's orange (negative), white, blue (positive) scale, symmetric around
 * 0 and as wide as the largest target; points take their target's colour.
 *
 * @param network A network with two inputs.
 * @param data Training points with their labels (or targets) and `extent`.
 * @param options Test points, discretize, title, sizes, resolution, legend
 *   ({@linkcode PredictionOptions}).
 * @returns The figure.
 * @throws {TypeError} If `network` is not a network of two inputs, the points are not
 *   `{ x, y }` of matching lengths, or an option has the wrong type.
 * @throws {RangeError} If a label does not fit the network's output layer, or a size,
 *   `resolution` or `maxPoints` is out of range.
 *
 * @example Three blobs, discretized
 * ```ts
 * import { createNetwork } from "../training/network.ts";
 * import { playgroundData } from "../training/playground_data.ts";
 * import { predictionFigure } from "./prediction_figure.ts";
 * const net = createNetwork({ hidden: [4], activation: "tanh" }, { output: "softmax", outputs: 3 });
 * const fig = predictionFigure(net, playgroundData("blobs", { size: 30 }), {
 *   discretize: true,
 *   title: "Blobs",
 * });
 * console.assert(fig.titles[0] === "Blobs" && fig.svg().includes("class 2"));
 * net.dispose();
 * ```
 */
export function predictionFigure(
  network: Network,
  data: PredictionPoints,
  options?: PredictionOptions,
): Figure {
  const label = (name: string) => argument("predictionFigure", name);
  checkNetwork(network, label("network"));
  if (network.sizes[0] !== 2) {
    throw new TypeError(
      `${label("network")}: expected a network of 2 inputs, got ${network.sizes[0]}`,
    );
  }
  checkObject(data, label("data"), "points { x, y, extent }");
  const {
    test,
    discretize = false,
    title,
    width = 380,
    height = 360,
    resolution = 100,
    legend = true,
    maxPoints = 1_000_000,
    hover = true,
  } = checkOptions(options, label("options"));
  checkPixels(width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkInteger(resolution, option("resolution"), 2, MAX_RESOLUTION);
  checkInteger(maxPoints, option("maxPoints"), 0, 1_000_000);
  if (title !== undefined) checkString(title, option("title"), true);
  for (const [name, flag] of Object.entries({ discretize, legend, hover })) {
    if (typeof flag !== "boolean") throw typeError(option(name), "true or false", flag);
  }
  const kind = network.output, units = network.sizes.at(-1)!;
  checkTrainingData(data, 2, "predictionFigure", kind, units);
  if (test !== undefined) {
    checkObject(test, option("test"), "points { x, y }");
    if (test.y.length) checkTrainingData(test, 2, "predictionFigure(options.test)", kind, units);
  }
  const extent = checkExtent(data.extent ?? boundsOf(data.x), option("data.extent"));
  const [[a1, b1], [a2, b2]] = extent;
  // cell centres; the image spans the window exactly
  const n = resolution, grid = new Float32Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      grid[2 * (j * n + i)] = a1 + ((i + 0.5) * (b1 - a1)) / n;
      grid[2 * (j * n + i) + 1] = a2 + ((j + 0.5) * (b2 - a2)) / n;
    }
  }
  const p = predict(network, grid);
  const classes = kind === "softmax" ? units : 2;
  const regression = kind === "linear";
  let range = MIN_RANGE;
  if (regression) {
    for (const set of [data, test]) {
      for (const v of Array.from(set?.y ?? [])) range = Math.max(range, Math.abs(v));
    }
  }
  const rgb = new Uint8ClampedArray(3 * n * n);
  const probabilities = new Float64Array(classes);
  const readouts: string[] = [];
  for (let k = 0; k < n * n; k++) {
    let color: [number, number, number];
    if (regression) {
      const v = p[k];
      color = signedRgb(discretize ? Math.sign(v) : v / range);
      readouts.push(`prediction ${fmt(v)}`);
    } else {
      if (kind === "sigmoid") {
        probabilities[0] = 1 - p[k];
        probabilities[1] = p[k];
      } else {
        for (let c = 0; c < classes; c++) probabilities[c] = p[k * classes + c];
      }
      let best = 0;
      for (let c = 1; c < classes; c++) if (probabilities[c] > probabilities[best]) best = c;
      const sure = (probabilities[best] - 1 / classes) / (1 - 1 / classes);
      color = mix(PLAYGROUND_CLASS_COLORS[best], discretize ? 0.55 : 0.08 + 0.72 * sure);
      readouts.push(`class ${best} (p = ${fmt(probabilities[best])})`);
    }
    rgb.set(color, 3 * k);
  }
  const pointColor = (v: number) =>
    regression ? hex(signedRgb(v / range)) : PLAYGROUND_CLASS_COLORS[v];
  const marks: Plot.Markish[] = hover ? [hoverCells(readouts, n, extent)] : [];
  for (const [set, hollow] of [[data, false], [test, true]] as const) {
    if (!set?.y.length) continue;
    const rows = sample(set, maxPoints).map(([x1, x2, v]) => ({ x1, x2, v }));
    marks.push(
      Plot.dot(rows, {
        x: "x1",
        y: "x2",
        r: hollow ? 3.5 : 3,
        fill: hollow ? "white" : (d: { v: number }) => pointColor(d.v),
        stroke: hollow ? (d: { v: number }) => pointColor(d.v) : "black",
        strokeWidth: hollow ? 1.8 : 0.6,
        clip: true,
        ...(hover
          ? {
            title: (d: { x1: number; x2: number; v: number }) =>
              `${regression ? `y = ${fmt(d.v)}` : `class ${d.v}`}, ${
                hollow ? "test" : "training"
              } point at x1 = ${fmt(d.x1)}, x2 = ${fmt(d.x2)}`,
          }
          : {}),
        ariaDescription: `${hollow ? "test" : "training"} points`,
      }),
    );
  }
  const margins = { marginLeft: 50, marginBottom: 42, marginTop: 10, marginRight: 12 };
  const chart = Plot.plot({
    document: plotDocument(),
    width,
    height,
    ...margins,
    style: { fontSize: "13px", fontFamily: "DejaVu Sans, system-ui, sans-serif" },
    x: {
      domain: [a1, b1],
      label: "x1",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 36,
    },
    y: {
      domain: [a2, b2],
      label: "x2",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 38,
    },
    marks: [...marks, Plot.frame({ stroke: "#999" })],
  }) as unknown as Element & Plot.Plot;
  const xs = chart.scale("x")!, ys = chart.scale("y")!;
  const image = gridImage(rgb, n, n, {
    x: xs.apply(a1),
    y: ys.apply(b2),
    width: xs.apply(b1) - xs.apply(a1),
    height: ys.apply(a2) - ys.apply(b2),
  });
  const first = Array.from(chart.children).find((c) => c.localName !== "style");
  chart.insertBefore(image, first ?? null);
  const key = !legend ? undefined : regression
    ? colorBar(
      [-range, range],
      (t) => hex(signedRgb(2 * t - 1)),
      height,
      margins.marginTop,
      margins.marginBottom,
    )
    : classKey(classes);
  const what = regression
    ? `the predicted value from ${fmt(-range)} (orange) to ${fmt(range)} (blue)`
    : `the most probable of ${classes} classes${discretize ? "" : ", deeper where surer"}`;
  return panel(chart, {
    title,
    legend: key,
    description: `${title ?? "Prediction"}: ${what} over x1 in [${fmt(a1)}, ${fmt(b1)}] and ` +
      `x2 in [${fmt(a2)}, ${fmt(b2)}]; training points filled${
        test?.y.length ? ", test points hollow" : ""
      }`,
  });
}

// A key of the class colours, and what filled and hollow points are.
function classKey(classes: number): Element {
  const doc = plotDocument(), font = 13, row = 22;
  const entries = [
    ...Array.from({ length: classes }, (_, c) => ({ text: `class ${c}`, c, hollow: false })),
    { text: "training", c: -1, hollow: false },
    { text: "test", c: -1, hollow: true },
  ];
  const width = Math.ceil(28 + Math.max(...entries.map((e) => textWidth(e.text, font))) + 8);
  const svg = doc.createElementNS(SVG_NS, "svg");
  const height = 12 + entries.length * row;
  for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}` })) {
    svg.setAttribute(k, String(v));
  }
  svg.setAttribute("font-family", "DejaVu Sans, system-ui, sans-serif");
  svg.setAttribute("font-size", String(font));
  entries.forEach((e, k) => {
    const y = 10 + k * row + row / 2;
    const dot = doc.createElementNS(SVG_NS, "circle");
    const color = e.c >= 0 ? PLAYGROUND_CLASS_COLORS[e.c] : "#666";
    for (
      const [name, value] of Object.entries({
        cx: 14,
        cy: y,
        r: e.c >= 0 ? 6 : 4,
        fill: e.hollow ? "white" : color,
        stroke: e.hollow ? color : "black",
        "stroke-width": e.hollow ? 1.8 : 0.6,
      })
    ) dot.setAttribute(name, String(value));
    const text = doc.createElementNS(SVG_NS, "text");
    text.setAttribute("x", "26");
    text.setAttribute("y", String(y));
    text.setAttribute("dy", "0.35em");
    text.textContent = e.text;
    svg.append(dot, text);
  });
  return svg;
}

// An invisible 12 x 12 grid of cells, each with the read-out at its centre.
function hoverCells(
  readouts: readonly string[],
  n: number,
  [[a1, b1], [a2, b2]]: readonly (readonly [number, number])[],
): Plot.Markish {
  const k = Math.min(12, n), cells = [];
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) {
      const ci = Math.min(n - 1, Math.floor(((i + 0.5) * n) / k));
      const cj = Math.min(n - 1, Math.floor(((j + 0.5) * n) / k));
      const x = a1 + ((ci + 0.5) * (b1 - a1)) / n, y = a2 + ((cj + 0.5) * (b2 - a2)) / n;
      cells.push({
        x1: a1 + (i * (b1 - a1)) / k,
        x2: a1 + ((i + 1) * (b1 - a1)) / k,
        y1: a2 + (j * (b2 - a2)) / k,
        y2: a2 + ((j + 1) * (b2 - a2)) / k,
        title: `x1 = ${fmt(x)}, x2 = ${fmt(y)}: ${readouts[cj * n + ci]}`,
      });
    }
  }
  return Plot.rect(cells, {
    x1: "x1",
    x2: "x2",
    y1: "y1",
    y2: "y2",
    fill: "white",
    fillOpacity: 0,
    pointerEvents: "all",
    title: "title",
    ariaDescription: "hover",
  });
}

// at most `max` points of a set, evenly spread over it: [x1, x2, label]
function sample(set: PredictionPoints, max: number): [number, number, number][] {
  const n = set.y.length, count = Math.min(n, max), out: [number, number, number][] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor((k * n) / count);
    out.push([set.x[2 * i], set.x[2 * i + 1], set.y[i]]);
  }
  return out;
}

/**
 * Checks a window: `[[x1min, x1max], [x2min, x2max]]` with finite bounds, each min below
 * its max.
 *
 * @param extent The window.
 * @param label What to name in messages, e.g. `Invalid option extent`.
 * @returns The window.
 * @throws {TypeError} If it is not two pairs of numbers.
 * @throws {RangeError} If a bound is not finite, or a min is not below its max.
 *
 * @example
 * ```ts
 * import { checkExtent } from "./prediction_figure.ts";
 * console.assert(checkExtent([[-6, 6], [-6, 6]], "extent")[1][1] === 6);
 * ```
 */
export function checkExtent(
  extent: readonly (readonly [number, number])[],
  label: string,
): readonly (readonly [number, number])[] {
  checkArrayLike(extent, label, "[[x1min, x1max], [x2min, x2max]]");
  if (extent.length !== 2) throw typeError(label, "[[x1min, x1max], [x2min, x2max]]", extent);
  extent.forEach((pair, k) => {
    checkArrayLike(pair, `${label}[${k}]`, "a [min, max] pair of numbers");
    const [lo, hi] = pair;
    checkNumber(lo, `${label}[${k}][0]`);
    checkNumber(hi, `${label}[${k}][1]`);
    if (!(lo < hi)) throw new RangeError(`${label}[${k}]: ${lo} is not below ${hi}`);
  });
  return extent;
}

function boundsOf(x: ArrayLike<number>): [[number, number], [number, number]] {
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (let k = 0; k < x.length; k++) {
    lo[k % 2] = Math.min(lo[k % 2], x[k]);
    hi[k % 2] = Math.max(hi[k % 2], x[k]);
  }
  const pad = (d: number) => (hi[d] > lo[d] ? 0.1 * (hi[d] - lo[d]) : 0.5);
  return [[lo[0] - pad(0), hi[0] + pad(0)], [lo[1] - pad(1), hi[1] + pad(1)]];
}

function fmt(v: number): string {
  return String(+v.toPrecision(3));
}
