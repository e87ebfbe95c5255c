/**
 * Training you can watch: while a network trains in JupyterLab, one output shows its
 * decision boundary and its loss curve, updated in place several times a second (a
 * Jupyter display updated by its `display_id`); when training ends, the same output
 * becomes the epoch slider, so you can go back through what you watched. Any task: the
 * original's boundary view for a sigmoid network, or the playground's prediction view
 * (two classes or more, regression) with test points and test curves.
 *
 * The updates are cheap so that watching costs little: the boundary is predicted on a
 * coarse grid at the snapshot epochs only (the frames the slider keeps), each update is
 * plain SVG built from strings (no Plot, no script; the axes' ticks and labels come from
 * the figures' own helpers; the prediction view's panel is drawn once and only its
 * picture changes), and updates are sent at most every `interval` milliseconds. Outside
 * a notebook nothing is shown and training runs as `trainWithSnapshots()` does.
 *
 * @module
 */
import { CLASS_COLORS } from "../figures/boundary_figure.ts";
import { rasterWebp } from "../figures/heatmap_figure.ts";
import { HISTORY_COLORS } from "../figures/history_figure.ts";
import type { Figure } from "../figures/figure.ts";
import { plotDocument, SVG_NS } from "../figures/dom.ts";
import { column, panel, row } from "../figures/layout.ts";
import { swatches } from "../figures/swatches.ts";
import { escapeXml } from "../figures/markup.ts";
import { labelledPoints } from "../figures/network_figures.ts";
import {
  gridDataUrl,
  predictionRgb,
  type PredictionScale,
  predictionScale,
} from "../figures/playground_colors.ts";
import { predictionGridFigure } from "../figures/prediction_figure.ts";
import { formatTick, niceTicks } from "../figures/ticks.ts";
import {
  type BoundarySnapshot,
  type BoundarySnapshots,
  type SnapshotOptions,
  trainWithSnapshots,
} from "../training/boundary_snapshots.ts";
import { checkNetwork, type Network } from "../training/network.ts";
import { cellCentres, gridAxes } from "../training/predict.ts";
import { checkTrainingData, type EpochLog, type TrainingData } from "../training/train.ts";
import {
  type DisplayFunction,
  jupyterDisplay,
  type MimeBundle,
} from "../training/training_progress.ts";
import {
  argument,
  checkFunction,
  checkInteger,
  checkNumber,
  checkOptions,
  checkString,
  option,
  typeError,
} from "../guards.ts";
import {
  checkView,
  type EpochSliderFigure,
  epochSliderFigure,
  type SnapshotView,
} from "./epoch_slider.ts";

/** Options of {@linkcode trainLive}: training and snapshot options, and the view's. */
export interface LiveTrainingOptions extends SnapshotOptions {
  /**
   * How snapshots are drawn (epoch_slider.ts's `SnapshotView`): `"boundary"`, the
   * original's P(class 1) (sigmoid networks only), or `"prediction"`, the playground's
   * colours for any task with test points hollow and test curves (`testData`). Default
   * `"boundary"` for a sigmoid network, `"prediction"` for the others.
   */
  readonly view?: SnapshotView;
  /** The prediction view shows only the predicted class (or the sign); default false. */
  readonly discretize?: boolean;
  /** Title of the boundary panel (default "Decision Boundary", or "Prediction"). */
  readonly title?: string;
  /** Title of the slider's training curves (default "Training"). */
  readonly historyTitle?: string;
  /**
   * Least time between two updates of the view, in ms: an integer from 20 to 10,000;
   * default 150 (six updates a second when epochs are quick enough).
   */
  readonly interval?: number;
  /**
   * Show every snapshot, each for at least `interval` ms: training waits when it is
   * faster than that, so that a quick run can still be watched frame by frame (the
   * frames the slider keeps). Default false: training never waits for the view.
   */
  readonly pace?: boolean;
  /** Where to display; default `Deno.jupyter.display` in a Deno kernel, else nothing. */
  readonly display?: DisplayFunction;
}

/** What {@linkcode trainLive} returns: the snapshots and history, and the epoch slider. */
export interface LiveTrainingRun extends BoundarySnapshots {
  /** The epoch slider the view ended as. */
  readonly figure: EpochSliderFigure;
  /** How many times the view was updated (the last update shows the slider). */
  readonly updates: number;
  /**
   * Milliseconds the training took, live updates (and with `pace`, the waits) included,
   * not the final slider.
   */
  readonly trainingMs: number;
}

let counter = 0;

/**
 * Trains `network` (as `trainWithSnapshots()` does) while one notebook output shows the
 * decision boundary at the latest snapshot and the loss so far, updated in place at most
 * every `interval` ms; at the end that output becomes the epoch slider
 * ({@linkcode epochSliderFigure}), which is also returned.
 *
 * The prediction view (any output layer) draws what `predictionFigure()` draws, coloured
 * by the same `predictionRgb()`: training points filled, `testData`'s hollow, and the
 * training and test loss (and accuracy, for classes) so far.
 *
 * @param network A network with two inputs; it is trained in place.
 * @param data Training points and labels (or targets), and the window `extent`.
 * @param options Training options (`testData` too), `every` (snapshot epochs; default
 *   epochs / 20, at least 1), `axes` (default 50 x 50 over the data's extent: the cells'
 *   centres, `cellCentres()`, for the prediction view), `view`, `discretize`, `title`,
 *   `historyTitle`, `interval`, `pace`, `display`.
 * @returns The snapshots, the history, the slider and the number of updates.
 * @throws {TypeError} As `trainWithSnapshots()`, or if an option has the wrong type or
 *   the prediction view's axes are not n x n.
 * @throws {RangeError} As `trainWithSnapshots()`, if `interval` is outside [20, 10000], or
 *   `view` is unknown or `"boundary"` for a network without a sigmoid output (the message
 *   names the value and the choices).
 *
 * @example Outside a notebook: training with snapshots, and the slider
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
 * import { makeDataset } from "../training/datasets.ts";
 * import { trainLive } from "./live_training.ts";
 * const run = await trainLive(createNetwork(NONLINEAR_NETWORK), makeDataset("xor"), { epochs: 4 });
 * console.assert(run.snapshots.length === 5 && run.figure.frames === 5);
 * ```
 *
 * @example Regression: the prediction view, with test points
 * ```ts
 * import { createNetwork } from "../training/network.ts";
 * import { playgroundData, splitData } from "../training/playground_data.ts";
 * import { trainLive } from "./live_training.ts";
 * const { train, test } = splitData(playgroundData("plane", { size: 40 }), { trainRatio: 0.5 });
 * const net = createNetwork({ hidden: [2], activation: "tanh" }, { output: "linear" });
 * const run = await trainLive(net, train, { epochs: 4, testData: test });
 * console.assert(run.figure.config.testLosses!.length === 5);
 * ```
 */
export async function trainLive(
  network: Network,
  data: TrainingData & { readonly extent?: readonly (readonly [number, number])[] },
  options?: LiveTrainingOptions,
): Promise<LiveTrainingRun> {
  const label = (name: string) => argument("trainLive", name);
  checkNetwork(network, label("network"));
  const outputs = network.sizes.at(-1)!;
  checkTrainingData(data, network.sizes[0], "trainLive", network.output, outputs);
  const {
    title: givenTitle,
    historyTitle = "Training",
    interval = 150,
    pace = false,
    display = jupyterDisplay(),
    view: givenView,
    discretize = false,
    ...rest
  } = checkOptions(options, label("options"));
  const view = checkView(
    givenView ?? (network.output === "sigmoid" ? "boundary" : "prediction"),
    network.output,
  );
  const title = givenTitle ?? (view === "boundary" ? "Decision Boundary" : "Prediction");
  checkString(title, option("title"), true);
  checkString(historyTitle, option("historyTitle"), true);
  checkInteger(interval, option("interval"), 20, 10_000);
  if (display !== undefined) checkFunction(display, option("display"));
  for (const [name, flag] of Object.entries({ discretize, pace })) {
    if (typeof flag !== "boolean") throw typeError(option(name), "true or false", flag);
  }
  const epochs = rest.epochs ?? 100;
  checkNumber(epochs, option("epochs"));
  const every = rest.every ?? Math.max(1, Math.round(epochs / 20));
  const extent = data.extent ?? [[0, 10], [0, 10]];
  const axes = rest.axes ??
    (view === "boundary" ? gridAxes(extent, 50) : cellCentres(extent, 50));
  if (view === "prediction" && axes.x1?.length !== axes.x2?.length) {
    throw new TypeError(
      `${
        option("axes")
      }: the prediction view needs n x n cells, got ${axes.x1?.length} x ${axes.x2?.length}`,
    );
  }
  const test = rest.testData;
  const displayId = `live-training-${++counter}-${Date.now()}`;
  let updates = 0, last = -Infinity;
  let frame: string | undefined, shown: string | undefined;
  let draw: ((frame: string, log?: EpochLog) => string) | undefined;
  let colorFrame: ((s: BoundarySnapshot) => string) | undefined;
  const curves: Curves = { loss: [], accuracy: [], testLoss: [], testAccuracy: [] };
  const send = async (bundle: MimeBundle) => {
    await display!(bundle, {
      raw: true,
      display_id: displayId,
      ...(updates ? { update: true } : {}),
    });
    updates++;
    last = performance.now();
  };
  let training = 0;
  const started = performance.now();
  const onSnapshot = async (s: BoundarySnapshot) => {
    if (!display) return;
    if (!draw) {
      if (view === "boundary") {
        const boundary = liveView(axes, labelledPoints(data), title, epochs);
        draw = (frame, log) => boundary(frame, curves.loss, log);
        colorFrame = (s) => rasterWebp(s.values, axes.x1.length, axes.x2.length, [0, 1]);
      } else {
        const scale = predictionScale(network.output, outputs, {
          targets: [data.y, test?.y ?? []],
          discretize,
        });
        const n = axes.x1.length;
        colorFrame = (s) => gridDataUrl(predictionRgb(s.values, scale), n, n);
        draw = predictionView(s, n, colorFrame(s), scale, { ...data, extent }, {
          test,
          discretize,
          title,
          historyTitle,
          epochs,
          curves,
        });
      }
    }
    frame = colorFrame!(s);
    // paced, the view opens on the untrained network, before the first epoch
    if (pace && s.epoch === 0) {
      shown = frame;
      await send({ "text/html": draw(frame), "text/plain": beforeTraining(epochs) });
    }
  };
  const onEpoch = async (log: EpochLog) => {
    curves.loss.push(log.loss);
    curves.accuracy.push(log.accuracy);
    if (log.testLoss !== undefined) curves.testLoss.push(log.testLoss);
    if (log.testAccuracy !== undefined) curves.testAccuracy.push(log.testAccuracy);
    if (rest.onEpoch) await rest.onEpoch(log);
    if (!display || !draw || !frame) return;
    const wait = last + interval - performance.now();
    if (pace && frame !== shown) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    } else if (wait > 0 && log.epoch !== epochs) return;
    const html = draw(frame, log);
    shown = frame;
    await send({ "text/html": html, "text/plain": progressText(log) });
  };
  const run = await trainWithSnapshots(network, data, {
    ...rest,
    every,
    axes,
    onSnapshot,
    onEpoch,
  });
  training = performance.now() - started;
  const figure = view === "boundary"
    ? epochSliderFigure(run, data, { title })
    : epochSliderFigure(run, { ...data, extent }, {
      view,
      title,
      historyTitle,
      discretize,
      ...(test ? { test } : {}),
    });
  if (display) {
    const bundle = figure.notebookHtml();
    await send({ "text/html": bundle, "text/plain": figure.description });
  }
  return { ...run, figure, updates, trainingMs: training };
}

// What the live view's curves show so far, epoch by epoch.
interface Curves {
  readonly loss: number[];
  readonly accuracy: number[];
  readonly testLoss: number[];
  readonly testAccuracy: number[];
}

// The live view's HTML for a frame and the losses so far: the boundary's picture with the
// training points, and the loss curve, both plain SVG built here (no Plot: cheap enough to
// redraw several times a second).
function liveView(
  axes: { readonly x1: ArrayLike<number>; readonly x2: ArrayLike<number> },
  points: ReturnType<typeof labelledPoints>,
  title: string,
  epochs: number,
): (frame: string, losses: readonly number[], log?: EpochLog) => string {
  const W = 380, H = 380, left = 56, right = 12, top = 30, bottom = 48;
  const w = W - left - right, h = H - top - bottom;
  const nx = axes.x1.length, ny = axes.x2.length;
  // cells are centred on the grid samples, as in the boundary figure
  const hx = nx > 1 ? (axes.x1[nx - 1] - axes.x1[0]) / (nx - 1) / 2 : 0.5;
  const hy = ny > 1 ? (axes.x2[ny - 1] - axes.x2[0]) / (ny - 1) / 2 : 0.5;
  const [x0, x1] = [axes.x1[0] - hx, axes.x1[nx - 1] + hx];
  const [y0, y1] = [axes.x2[0] - hy, axes.x2[ny - 1] + hy];
  const px = (v: number) => left + (v - x0) / (x1 - x0) * w;
  const py = (v: number) => top + h - (v - y0) / (y1 - y0) * h;
  const xt = niceTicks(x0, x1, 5), yt = niceTicks(y0, y1, 5);
  const step = (t: number[]) => (t.length > 1 ? t[1] - t[0] : 1);
  const ticks =
    xt.map((t) =>
      `<text x="${px(t)}" y="${top + h + 18}" text-anchor="middle">${
        formatTick(t, step(xt))
      }</text>`
    ).join("") + yt.map((t) =>
      `<text x="${left - 9}" y="${py(t)}" dy="0.32em" text-anchor="end">${
        formatTick(t, step(yt))
      }</text>`
    ).join("");
  const dots = Array.from(
    points.label,
    (c, k) =>
      `<circle cx="${px(points.x1[k]).toFixed(1)}" cy="${
        py(points.x2[k]).toFixed(1)
      }" r="4.5" fill="${CLASS_COLORS[c]}"/>`,
  ).join("");
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="DejaVu Sans, system-ui, sans-serif" font-size="13" role="img" aria-label="${
      escapeXml(title)
    }: decision boundary while training">` +
    `<text x="${left + w / 2}" y="20" text-anchor="middle" font-size="16" font-weight="bold">${
      escapeXml(title)
    }</text>` +
    `<image x="${left}" y="${top}" width="${w}" height="${h}" preserveAspectRatio="none" href="`;
  const tail = `"/><g stroke="black" stroke-opacity="0.8">${dots}</g>` +
    `<rect x="${left}" y="${top}" width="${w}" height="${h}" fill="none" stroke="#999"/>${ticks}` +
    `<text x="${left + w / 2}" y="${H - 8}" text-anchor="middle">x1</text>` +
    `<text transform="translate(14,${
      top + h / 2
    }) rotate(-90)" text-anchor="middle">x2</text></svg>`;
  return (frame, losses, log) =>
    `<div class="live-training" style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">` +
    `<div>${head}${frame}${tail}</div>` +
    `<div>${
      lossChart(losses, epochs)
    }<p style="font:14px system-ui,sans-serif;margin:4px 0 0 62px">${
      escapeXml(log ? progressText(log) : beforeTraining(epochs))
    }</p></div></div>`;
}

// A small loss chart as SVG: the losses so far over the planned epochs.
function lossChart(losses: readonly number[], epochs: number): string {
  const W = 360, H = 260, left = 62, right = 16, top = 30, bottom = 48;
  const w = W - left - right, h = H - top - bottom;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="DejaVu Sans, system-ui, sans-serif" font-size="13" role="img" aria-label="training loss">` +
    `<text x="${
      left + w / 2
    }" y="20" text-anchor="middle" font-size="16" font-weight="bold">Loss</text>` +
    plotArea([{ values: losses, color: "#4269d0" }], epochs, { left, top, w, h }) +
    `<text x="${left + w / 2}" y="${H - 8}" text-anchor="middle">epoch</text></svg>`;
}

// A chart's plot area as SVG: horizontal grid lines with the values' ticks, the epochs'
// ticks (about `xTicks`, default 5), a frame, and each curve so far over the planned
// epochs, from 0 to the largest value (or to `max`).
function plotArea(
  series: readonly { values: readonly number[]; color: string }[],
  epochs: number,
  o: { left: number; top: number; w: number; h: number; max?: number; xTicks?: number },
): string {
  const { left, top, w, h } = o;
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const hi = o.max ?? Math.max(1e-9, ...finite);
  const yTicks = niceTicks(0, hi, 5), xTicks = niceTicks(1, epochs, o.xTicks ?? 5);
  const top0 = Math.max(hi, yTicks.at(-1) ?? hi);
  const px = (e: number) => left + (epochs > 1 ? (e - 1) / (epochs - 1) : 0) * w;
  const py = (v: number) => top + h - v / top0 * h;
  const step = (t: number[]) => (t.length > 1 ? t[1] - t[0] : 1);
  const grid =
    yTicks.map((t) =>
      `<line x1="${left}" x2="${left + w}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>` +
      `<text x="${left - 9}" y="${py(t)}" dy="0.32em" text-anchor="end">${
        formatTick(t, step(yTicks))
      }</text>`
    ).join("") + xTicks.map((t) =>
      `<text x="${px(t)}" y="${top + h + 18}" text-anchor="middle">${
        formatTick(t, step(xTicks))
      }</text>`
    ).join("");
  const paths = series.map(({ values, color }) => {
    const d = values.map((v, k) => `${k ? "L" : "M"}${px(k + 1).toFixed(2)},${py(v).toFixed(2)}`)
      .join("");
    return `<path d="${d}" fill="none" stroke="${color}" stroke-width="3" stroke-linejoin="round"/>`;
  }).join("");
  return grid +
    `<rect x="${left}" y="${top}" width="${w}" height="${h}" fill="none" stroke="#999"/>` +
    paths;
}

// A curves panel of the prediction view, laid out as historyFigure() lays out its panels
// (the same panel(), title and swatches() key; the chart as wide as the key leaves, 190 px
// high): drawn once, with an empty `<g data-live="marker">` inside the chart where each
// update's curves go, drawn by `inside` with historyFigure()'s margins and axis labels.
function curvesPanel(
  title: string,
  label: string,
  runs: readonly { name: string; color: string }[],
  epochs: number,
  marker: string,
): {
  figure: Figure;
  inside: (series: readonly { values: readonly number[]; color: string }[], max?: number) => string;
} {
  const doc = plotDocument();
  const legend = swatches(runs.map((r) => ({ label: r.name, color: r.color })));
  const w = 400 - Number(legend.getAttribute("width")), h = 190;
  const chart = doc.createElementNS(SVG_NS, "svg");
  const attributes = {
    width: w,
    height: h,
    viewBox: `0 0 ${w} ${h}`,
    "font-family": "DejaVu Sans, system-ui, sans-serif",
    "font-size": 13,
  };
  for (const [key, value] of Object.entries(attributes)) chart.setAttribute(key, String(value));
  const place = doc.createElementNS(SVG_NS, "g");
  place.setAttribute("data-live", marker);
  chart.append(place);
  const left = 62, right = 26, top = 12, bottom = 48;
  const box = { left, top, w: w - left - right, h: h - top - bottom };
  const labels = `<text x="${left + box.w / 2}" y="${h - 8}" text-anchor="middle">epoch</text>` +
    `<text transform="translate(${left - 50},${top + box.h / 2}) rotate(-90)" ` +
    `text-anchor="middle">${escapeXml(label)}</text>`;
  return {
    figure: panel(chart, { title, legend, description: `${title} so far` }),
    // about as many epoch ticks as Plot draws on a chart this wide
    inside: (series, max) => plotArea(series, epochs, { ...box, max, xTicks: 3 }) + labels,
  };
}

// The prediction view's HTML for a frame: laid out as the epoch slider's still (the
// prediction panel beside the loss above the accuracy, with the same titles and keys), so
// that the view stays in place when it becomes the slider. The panels are drawn once: the
// prediction by predictionGridFigure() from the first snapshot (no hover read-outs, which
// would stay the first epoch's); each update swaps its picture for the latest frame (drawn
// smooth, as the slider draws its frames) and draws the training and test curves so far.
function predictionView(
  first: BoundarySnapshot,
  n: number,
  firstFrame: string,
  scale: PredictionScale,
  data: TrainingData & { readonly extent: readonly (readonly [number, number])[] },
  o: {
    readonly test?: TrainingData;
    readonly discretize: boolean;
    readonly title: string;
    readonly historyTitle: string;
    readonly epochs: number;
    readonly curves: Curves;
  },
): (frame: string, log?: EpochLog) => string {
  const prediction = predictionGridFigure(
    { values: first.values, resolution: n, output: scale.output, outputs: scale.outputs },
    data,
    { test: o.test, discretize: o.discretize, title: o.title, hover: false },
  );
  const { curves, epochs, historyTitle } = o;
  const [trainColor, testColor] = HISTORY_COLORS;
  const runs = [
    { name: "training", color: trainColor },
    ...(o.test ? [{ name: "test", color: testColor }] : []),
  ];
  const loss = curvesPanel(`${historyTitle}: Loss`, "loss", runs, epochs, "loss");
  const accuracy = scale.output === "linear"
    ? undefined
    : curvesPanel(`${historyTitle}: Accuracy`, "accuracy", runs, epochs, "accuracy");
  const svg = row(prediction, accuracy ? column(loss.figure, accuracy.figure) : loss.figure).svg();
  const [before, after] = cut(svg, firstFrame);
  const head = before.replace(/ image-rendering="optimizeSpeed"(?= href="$)/, "");
  const [middle, rest] = cut(after, /<g data-live="loss"(\/>|><\/g>)/);
  const [between, tail] = accuracy ? cut(rest, /<g data-live="accuracy"(\/>|><\/g>)/) : [rest, ""];
  const series = (train: number[], test: number[]) => [
    { values: train, color: trainColor },
    ...(o.test ? [{ values: test, color: testColor }] : []),
  ];
  return (frame, log) =>
    `<div class="live-training">${head}${frame}${middle}${
      loss.inside(series(curves.loss, curves.testLoss))
    }${between}${
      accuracy ? accuracy.inside(series(curves.accuracy, curves.testAccuracy), 1) + tail : ""
    }<p style="font:14px system-ui,sans-serif;margin:4px 0 0 62px">${
      escapeXml(log ? progressText(log) : beforeTraining(epochs))
    }</p></div>`;
}

// `text` split at the first `marker`: what comes before it and after it.
function cut(text: string, marker: string | RegExp): [string, string] {
  const match = typeof marker === "string"
    ? { index: text.indexOf(marker), 0: marker }
    : marker.exec(text) ?? { index: -1, 0: "" };
  if (match.index < 0) throw new Error(`The live view lost its place: ${marker} not found`);
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

// The caption before the first epoch.
function beforeTraining(epochs: number): string {
  return `epoch 0/${epochs}: before training`;
}

// "epoch 40/100: loss 0.3812, accuracy 87.5%", then the test points' when measured; no
// accuracy for regression.
function progressText(log: EpochLog): string {
  const part = (loss: number, accuracy: number | undefined) =>
    `loss ${loss.toFixed(4)}${
      accuracy === undefined || Number.isNaN(accuracy)
        ? ""
        : `, accuracy ${(100 * accuracy).toFixed(1)}%`
    }`;
  return `epoch ${log.epoch}/${log.epochs}: ${part(log.loss, log.accuracy)}${
    log.testLoss === undefined ? "" : `; test ${part(log.testLoss, log.testAccuracy)}`
  }`;
}
