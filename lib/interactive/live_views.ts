/**
 * The live view of `trainLive()`, as HTML built from strings (no Plot, no script: cheap
 * enough to redraw several times a second): the boundary view (the decision boundary's
 * picture with the training points, and the loss curve) and the prediction view (laid out
 * as the epoch slider's still, drawn once, then only its picture and curves redrawn), with
 * the caption of each update.
 *
 * @module
 */
import { CLASS_COLORS } from "../figures/boundary_figure.ts";
import { HISTORY_COLORS } from "../figures/history_figure.ts";
import type { Figure } from "../figures/figure.ts";
import { plotDocument, SVG_NS } from "../figures/dom.ts";
import { column, panel, row } from "../figures/layout.ts";
import { swatches } from "../figures/swatches.ts";
import { escapeXml } from "../figures/markup.ts";
import type { labelledPoints } from "../figures/network_figures.ts";
import type { PredictionScale } from "../figures/playground_colors.ts";
import { predictionGridFigure } from "../figures/prediction_figure.ts";
import { formatTick, niceTicks } from "../figures/ticks.ts";
import type { BoundarySnapshot } from "../training/boundary_snapshots.ts";
import type { EpochLog, TrainingData } from "../training/train.ts";

/**
 * What the live view's curves show so far, epoch by epoch.
 *
 * @internal
 */
export interface Curves {
  readonly loss: number[];
  readonly accuracy: number[];
  readonly testLoss: number[];
  readonly testAccuracy: number[];
}

/**
 * The live view's HTML for a frame and the losses so far: the boundary's picture with the
 * training points, and the loss curve, both plain SVG built here (no Plot: cheap enough to
 * redraw several times a second).
 *
 * @internal
 */
export function liveView(
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

/**
 * The prediction view's HTML for a frame: laid out as the epoch slider's still (the
 * prediction panel beside the loss above the accuracy, with the same titles and keys), so
 * that the view stays in place when it becomes the slider. The panels are drawn once: the
 * prediction by predictionGridFigure() from the first snapshot (no hover read-outs, which
 * would stay the first epoch's); each update swaps its picture for the latest frame (drawn
 * smooth, as the slider draws its frames) and draws the training and test curves so far.
 *
 * @internal
 */
export function predictionView(
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

/**
 * The caption before the first epoch.
 *
 * @internal
 *
 * @example
 * ```ts
 * import { beforeTraining } from "./live_views.ts";
 * console.assert(beforeTraining(100) === "epoch 0/100: before training");
 * ```
 */
export function beforeTraining(epochs: number): string {
  return `epoch 0/${epochs}: before training`;
}

/**
 * "epoch 40/100: loss 0.3812, accuracy 87.5%", then the test points' when measured; no
 * accuracy for regression.
 *
 * @internal
 *
 * @example
 * ```ts
 * import { progressText } from "./live_views.ts";
 * const log = { epoch: 40, epochs: 100, loss: 0.38123, accuracy: 0.875 };
 * console.assert(progressText(log) === "epoch 40/100: loss 0.3812, accuracy 87.5%");
 * ```
 */
export function progressText(log: EpochLog): string {
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
