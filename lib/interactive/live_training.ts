/**
 * Training you can watch: while a network trains in JupyterLab, one output shows its
 * decision boundary and its loss curve, updated in place several times a second (a
 * Jupyter display updated by its `display_id`); when training ends, the same output
 * becomes the epoch slider, so you can go back through what you watched.
 *
 * The updates are cheap so that watching costs little: the boundary is predicted on a
 * coarse grid at the snapshot epochs only (the frames the slider keeps), each update is
 * plain SVG built from strings (no Plot, no script; the axes' ticks and labels come from
 * the figures' own helpers), and updates are sent at most every `interval` milliseconds. Outside a notebook nothing is shown and training runs as
 * `trainWithSnapshots()` does.
 *
 * @module
 */
import { CLASS_COLORS } from "../figures/boundary_figure.ts";
import { rasterWebp } from "../figures/heatmap_figure.ts";
import { escapeXml } from "../figures/markup.ts";
import { labelledPoints } from "../figures/network_figures.ts";
import { formatTick, niceTicks } from "../figures/ticks.ts";
import {
  type BoundarySnapshot,
  type BoundarySnapshots,
  type SnapshotOptions,
  trainWithSnapshots,
} from "../training/boundary_snapshots.ts";
import { checkNetwork, type Network } from "../training/network.ts";
import { gridAxes } from "../training/predict.ts";
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
} from "../guards.ts";
import { type EpochSliderFigure, epochSliderFigure } from "./epoch_slider.ts";

/** Options of {@linkcode trainLive}: training and snapshot options, and the view's. */
export interface LiveTrainingOptions extends SnapshotOptions {
  /** Title of the boundary panel (default "Decision Boundary"). */
  readonly title?: string;
  /**
   * Least time between two updates of the view, in ms: an integer from 20 to 10,000;
   * default 150 (six updates a second when epochs are quick enough).
   */
  readonly interval?: number;
  /** Where to display; default `Deno.jupyter.display` in a Deno kernel, else nothing. */
  readonly display?: DisplayFunction;
}

/** What {@linkcode trainLive} returns: the snapshots and history, and the epoch slider. */
export interface LiveTrainingRun extends BoundarySnapshots {
  /** The epoch slider the view ended as. */
  readonly figure: EpochSliderFigure;
  /** How many times the view was updated (the last update shows the slider). */
  readonly updates: number;
  /** Milliseconds the training took, live updates included (not the final slider). */
  readonly trainingMs: number;
}

let counter = 0;

/**
 * Trains `network` (as `trainWithSnapshots()` does) while one notebook output shows the
 * decision boundary at the latest snapshot and the loss so far, updated in place at most
 * every `interval` ms; at the end that output becomes the epoch slider
 * ({@linkcode epochSliderFigure}), which is also returned.
 *
 * @param network A network with two inputs; it is trained in place.
 * @param data Training points and labels.
 * @param options Training options, `every` (snapshot epochs; default epochs / 20, at
 *   least 1), `axes` (default 50 x 50 over the data's extent), `title`, `interval`,
 *   `display`.
 * @returns The snapshots, the history, the slider and the number of updates.
 * @throws {TypeError} As `trainWithSnapshots()`, or if an option has the wrong type.
 * @throws {RangeError} As `trainWithSnapshots()`, or if `interval` is outside [20, 10000].
 *
 * @example Outside a notebook: training with snapshots, and the slider
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
 * import { makeDataset } from "../training/datasets.ts";
 * import { trainLive } from "./live_training.ts";
 * const run = await trainLive(createNetwork(NONLINEAR_NETWORK), makeDataset("xor"), { epochs: 4 });
 * console.assert(run.snapshots.length === 5 && run.figure.frames === 5);
 * ```
 */
export async function trainLive(
  network: Network,
  data: TrainingData & { readonly extent?: readonly (readonly [number, number])[] },
  options?: LiveTrainingOptions,
): Promise<LiveTrainingRun> {
  const label = (name: string) => argument("trainLive", name);
  checkNetwork(network, label("network"));
  checkTrainingData(data, network.sizes[0], "trainLive");
  const {
    title = "Decision Boundary",
    interval = 150,
    display = jupyterDisplay(),
    ...rest
  } = checkOptions(options, label("options"));
  checkString(title, option("title"), true);
  checkInteger(interval, option("interval"), 20, 10_000);
  if (display !== undefined) checkFunction(display, option("display"));
  const epochs = rest.epochs ?? 100;
  checkNumber(epochs, option("epochs"));
  const every = rest.every ?? Math.max(1, Math.round(epochs / 20));
  const axes = rest.axes ?? gridAxes(data.extent ?? [[0, 10], [0, 10]], 50);
  const points = labelledPoints(data);
  const displayId = `live-training-${++counter}-${Date.now()}`;
  let updates = 0, last = -Infinity;
  let frame: string | undefined;
  let view: ((frame: string, losses: readonly number[], log?: EpochLog) => string) | undefined;
  const losses: number[] = [];
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
  const onSnapshot = (s: BoundarySnapshot) => {
    if (!display) return;
    if (!view) view = liveView(axes, points, title, epochs);
    frame = rasterWebp(s.values, axes.x1.length, axes.x2.length, [0, 1]);
  };
  const onEpoch = async (log: EpochLog) => {
    losses.push(log.loss);
    if (rest.onEpoch) await rest.onEpoch(log);
    if (!display || !view || !frame) return;
    if (performance.now() - last < interval && log.epoch !== epochs) return;
    const html = view(frame, losses, log);
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
  const figure = epochSliderFigure(run, data, { title });
  if (display) {
    const bundle = figure.notebookHtml();
    await send({ "text/html": bundle, "text/plain": figure.description });
  }
  return { ...run, figure, updates, trainingMs: training };
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
      escapeXml(log ? progressText(log) : "starting")
    }</p></div></div>`;
}

// A small loss chart as SVG: the losses so far over the planned epochs.
function lossChart(losses: readonly number[], epochs: number): string {
  const W = 360, H = 260, left = 62, right = 16, top = 30, bottom = 48;
  const w = W - left - right, h = H - top - bottom;
  const finite = losses.filter(Number.isFinite);
  const hi = Math.max(1e-9, ...finite);
  const yTicks = niceTicks(0, hi, 5), xTicks = niceTicks(1, epochs, 5);
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
  const path = losses.map((v, k) => `${k ? "L" : "M"}${px(k + 1).toFixed(2)},${py(v).toFixed(2)}`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="DejaVu Sans, system-ui, sans-serif" font-size="13" role="img" aria-label="training loss">` +
    `<text x="${
      left + w / 2
    }" y="20" text-anchor="middle" font-size="16" font-weight="bold">Loss</text>` +
    grid + `<rect x="${left}" y="${top}" width="${w}" height="${h}" fill="none" stroke="#999"/>` +
    `<path d="${path}" fill="none" stroke="#4269d0" stroke-width="3" stroke-linejoin="round"/>` +
    `<text x="${left + w / 2}" y="${H - 8}" text-anchor="middle">epoch</text></svg>`;
}

function progressText(log: EpochLog): string {
  return `epoch ${log.epoch}/${log.epochs}: loss ${log.loss.toFixed(4)}, accuracy ${
    (100 * log.accuracy).toFixed(1)
  }%`;
}
