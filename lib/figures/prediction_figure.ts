/**
 * What a trained network predicts over the plane, for any task, with the data on top: the
 * region of each class tinted with its colour (deeper where the network is surer), or a
 * regression's value on TensorFlow Playground's orange-white-blue scale. Training points
 * are filled, test points hollow, as in Playground; `discretize` shows only the predicted
 * class (or the sign of a regression), Playground's "Discretize output".
 *
 * Its key, hover cells and sample of points are prediction_marks.ts; the window is
 * extent.ts, whose `checkExtent()` this module re-exports.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { checkNetwork, type Network, type OutputKind } from "../training/network.ts";
import { cellCentres, gridOutputs, MAX_RESOLUTION } from "../training/predict.ts";
import { checkTrainingData } from "../training/train.ts";
import { type Figure, MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "./figure.ts";
import { panel } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import { colorBar } from "./heatmap_figure.ts";
import { boundsOf, checkExtent } from "./extent.ts";
import { classKey, fmt, hoverCells, sample } from "./prediction_marks.ts";
import {
  gridImage,
  hex,
  mostProbable,
  PLAYGROUND_CLASS_COLORS,
  predictionRgb,
  predictionScale,
  signedRgb,
} from "./playground_colors.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  checkPixels,
  checkString,
  option,
  typeError,
} from "../guards.ts";

// the window's check, where callers look
export { checkExtent } from "./extent.ts";

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

/**
 * A network's outputs over the `resolution` x `resolution` cells of a window (their
 * centres, as `cellCentres(extent, resolution)` gives them): what
 * {@linkcode predictionGridFigure} draws, e.g. a snapshot taken while training.
 */
export interface GridPrediction {
  /** `outputs` values per cell, cells row by row from the bottom left (`gridOutputs()`'s order). */
  readonly values: ArrayLike<number>;
  /** Cells per axis: an integer from 2 to `MAX_RESOLUTION`. */
  readonly resolution: number;
  /** The output layer that gave the values. */
  readonly output: OutputKind;
  /** Values per cell: a softmax's classes, else 1. */
  readonly outputs: number;
}

/**
 * The network's prediction over the data's window with the training (and test) points.
 * Two classes or more: each cell takes the colour of its most probable class, mixed with
 * white by how sure the network is (white where classes tie). Regression: the predicted
 * value on Playground's orange (negative), white, blue (positive) scale, symmetric around
 * 0 and as wide as the largest target; points take their target's colour. The cells are
 * coloured by `predictionRgb()`, as the live view of training and the epoch slider's
 * frames are.
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
  const { resolution = 100 } = checkOptions(options, label("options"));
  const o = prepare(
    "predictionFigure",
    data,
    options,
    network.output,
    network.sizes.at(-1)!,
    resolution,
  );
  const values = gridOutputs(network, cellCentres(o.extent, resolution)).values;
  return draw(
    { values, resolution, output: network.output, outputs: network.sizes.at(-1)! },
    data,
    o,
  );
}

/**
 * {@linkcode predictionFigure} of outputs already computed over the window's cells (a
 * snapshot taken while training, say): the same picture, pixel for pixel, as
 * `predictionFigure()` of the network that gave them at the same `resolution`.
 *
 * @param prediction The outputs over the cells ({@linkcode GridPrediction}).
 * @param data Training points with their labels (or targets) and `extent`, the window the
 *   cells tile.
 * @param options As {@linkcode predictionFigure}'s, but `resolution` is the prediction's.
 * @returns The figure.
 * @throws {TypeError} If `prediction` is not a grid prediction (its values not
 *   `resolution² x outputs` numbers), the points are not `{ x, y }` of matching lengths,
 *   or an option has the wrong type.
 * @throws {RangeError} If the output layer is unknown (the message lists them), a label
 *   does not fit it, or a size, `resolution` or `maxPoints` is out of range.
 *
 * @example A regression's values over 2 x 2 cells
 * ```ts
 * import { predictionGridFigure } from "./prediction_figure.ts";
 * const fig = predictionGridFigure(
 *   { values: [-1, 0, 0.5, 1], resolution: 2, output: "linear", outputs: 1 },
 *   { x: [-1, -1, 1, 1], y: [-1, 1], extent: [[-2, 2], [-2, 2]] },
 * );
 * console.assert(fig.description.includes("from -1 (orange) to 1 (blue)"));
 * ```
 */
export function predictionGridFigure(
  prediction: GridPrediction,
  data: PredictionPoints,
  options?: Omit<PredictionOptions, "resolution">,
): Figure {
  const label = (name: string) => argument("predictionGridFigure", name);
  checkObject(prediction, label("prediction"), "{ values, resolution, output, outputs }");
  const { values, resolution, output, outputs } = prediction;
  checkArrayLike(values, label("prediction.values"));
  checkInteger(resolution, label("prediction.resolution"), 2, MAX_RESOLUTION);
  // the output layer and its outputs, as the colours take them
  predictionScale(output, outputs);
  if (values.length !== resolution * resolution * outputs) {
    throw new TypeError(
      `${
        label("prediction.values")
      }: ${values.length} values, expected ${resolution} x ${resolution} cells x ${outputs} outputs = ${
        resolution * resolution * outputs
      }`,
    );
  }
  checkObject(data, label("data"), "points { x, y, extent }");
  const o = prepare("predictionGridFigure", data, options, output, outputs, resolution);
  return draw(prediction, data, o);
}

interface Prepared {
  readonly test?: PredictionPoints;
  readonly discretize: boolean;
  readonly title?: string;
  readonly width: number;
  readonly height: number;
  readonly legend: boolean;
  readonly maxPoints: number;
  readonly hover: boolean;
  readonly extent: readonly (readonly [number, number])[];
}

// The options and points of a prediction figure, checked.
function prepare(
  name: string,
  data: PredictionPoints,
  options: PredictionOptions | undefined,
  kind: OutputKind,
  units: number,
  resolution: number,
): Prepared {
  const {
    test,
    discretize = false,
    title,
    width = 380,
    height = 360,
    legend = true,
    maxPoints = 1_000_000,
    hover = true,
  } = checkOptions(options, argument(name, "options"));
  checkPixels(width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkInteger(resolution, option("resolution"), 2, MAX_RESOLUTION);
  checkInteger(maxPoints, option("maxPoints"), 0, 1_000_000);
  if (title !== undefined) checkString(title, option("title"), true);
  for (const [flag, value] of Object.entries({ discretize, legend, hover })) {
    if (typeof value !== "boolean") throw typeError(option(flag), "true or false", value);
  }
  checkTrainingData(data, 2, name, kind, units);
  if (test !== undefined) {
    checkObject(test, option("test"), "points { x, y }");
    if (test.y.length) checkTrainingData(test, 2, `${name}(options.test)`, kind, units);
  }
  const extent = checkExtent(data.extent ?? boundsOf(data.x), option("data.extent"));
  return { test, discretize, title, width, height, legend, maxPoints, hover, extent };
}

// The figure: the cells coloured by predictionRgb(), the points, the key.
function draw(prediction: GridPrediction, data: PredictionPoints, o: Prepared): Figure {
  const { values, resolution: n, output: kind, outputs: units } = prediction;
  const { test, discretize, title, width, height, legend, maxPoints, hover, extent } = o;
  const [[a1, b1], [a2, b2]] = extent;
  const scale = predictionScale(kind, units, {
    targets: [data.y, test?.y ?? []],
    discretize,
  });
  const classes = kind === "softmax" ? units : 2;
  const regression = kind === "linear";
  const range = scale.range;
  const rgb = predictionRgb(values, scale);
  const readout = (k: number) => {
    if (regression) return `prediction ${fmt(values[k * units])}`;
    const [best, p] = mostProbable(values, k, scale);
    return `class ${best} (p = ${fmt(p)})`;
  };
  const pointColor = (v: number) =>
    regression ? hex(signedRgb(v / range)) : PLAYGROUND_CLASS_COLORS[v];
  const marks: Plot.Markish[] = hover ? [hoverCells(readout, n, extent)] : [];
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
            // short (a regression set has 1,200 points): "training (-4.04, -1.77): y = -0.633"
            title: (d: { x1: number; x2: number; v: number }) =>
              `${hollow ? "test" : "training"} (${fmt(d.x1)}, ${fmt(d.x2)}): ${
                regression ? `y = ${fmt(d.v)}` : `class ${d.v}`
              }`,
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
