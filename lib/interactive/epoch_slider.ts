/**
 * The decision boundary over the epochs, with a slider: the boundary figure of the last
 * snapshot beside the loss and accuracy curves, and each snapshot as a small WebP frame
 * (one pixel per grid cell, the boundary figure's colours) that the page swaps in, while a
 * marker on the curves follows the epoch. A page of a few dozen kilobytes; it works from
 * `file://` with the network off, and as a still picture in untrusted notebooks.
 *
 * @module
 */
import { boundaryFigure } from "../figures/boundary_figure.ts";
import { historyFigure } from "../figures/history_figure.ts";
import { rasterWebp } from "../figures/heatmap_figure.ts";
import { labelledPoints } from "../figures/network_figures.ts";
import { row } from "../figures/layout.ts";
import { escapeXml } from "../figures/markup.ts";
import type { ChartScales, Figure } from "../figures/figure.ts";
import { PageFigure } from "./page_figure.ts";
import type { BoundarySnapshots } from "../training/boundary_snapshots.ts";
import {
  argument,
  checkArrayLike,
  checkObject,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/**
 * Most frames of a slider: 1,000 (the playground's epoch slider has 21). Every frame's
 * picture is embedded in the page.
 */
export const MAX_FRAMES = 1_000;

/** Options of {@linkcode epochSliderFigure}. */
export interface EpochSliderOptions {
  /** Title of the boundary panel (default "Decision Boundary"). */
  readonly title?: string;
  /** Title of the training curves (default "Training"). */
  readonly historyTitle?: string;
}

/** What the page receives. */
export interface EpochSliderConfig {
  /** The figure's element id. */
  readonly id: string;
  /** One WebP data URL per snapshot. */
  readonly frames: readonly string[];
  /** Epoch of each snapshot. */
  readonly epochs: readonly number[];
  /** Loss after each snapshot's epoch (NaN, as null, before training). */
  readonly losses: readonly (number | null)[];
  /** Accuracy after each snapshot's epoch. */
  readonly accuracies: readonly (number | null)[];
  /** The frame shown first. */
  readonly start: number;
  /** Scales of the training curves' charts, where the page marks the epoch. */
  readonly curves: readonly ChartScales[];
  /** Index of the first training-curve chart among the figure's `<svg data-chart>`. */
  readonly firstCurve: number;
}

let counter = 0;

/** A decision boundary with an epoch slider; displays in Jupyter and saves as HTML. */
export class EpochSliderFigure extends PageFigure {
  /** What the page receives. */
  readonly config: EpochSliderConfig;

  /** @internal Use {@linkcode epochSliderFigure}. */
  constructor(still: Figure, config: EpochSliderConfig, title: string) {
    super(
      still,
      config.id,
      `${still.description}; slider over ${config.frames.length} epochs from ${
        config.epochs[0]
      } to ${config.epochs.at(-1)}`,
      title,
    );
    this.config = config;
  }

  /** Number of frames. */
  get frames(): number {
    return this.config.frames.length;
  }

  /**
   * The live figure as an HTML fragment: picture, slider, caption, data and script.
   *
   * @param options `fallback`: a still picture for untrusted Jupyter outputs.
   * @returns HTML markup.
   */
  fragment(options: { readonly fallback?: boolean } = {}): string {
    const c = this.config, n = c.frames.length;
    const picture = this.picture(options.fallback);
    const json = JSON.stringify(c).replace(/</g, "\\u003c");
    return `<div class="esf" id="${c.id}">` +
      `<style>.esf:has(>style)>.esf-controls{display:flex!important}</style>` + picture +
      `<div class="esf-controls" hidden style="display:none;gap:12px;align-items:center;margin:6px 0 0 62px;font:14px system-ui,sans-serif">` +
      `<label>Epoch <input type="range" data-lm-suppress-shortcuts="true" min="0" max="${
        n - 1
      }" step="1" value="${c.start}" aria-label="Epoch" style="width:300px;vertical-align:middle"></label>` +
      `<output style="font-variant-numeric:tabular-nums">${
        escapeXml(caption(c, c.start))
      }</output></div>` +
      `<script type="application/json" class="esf-data">${json}</script>` +
      `<script>(${epochRuntime.toString()})(${
        JSON.stringify(c.id)
      }, document.currentScript, ${caption.toString()});</script></div>`;
  }
}

/**
 * The caption of frame `k`: "epoch 40: loss 0.3812, accuracy 87.5%". Self-contained: the
 * page receives its source.
 *
 * @param c The page's data.
 * @param k The frame.
 * @returns The caption.
 */
export function caption(
  c: Pick<EpochSliderConfig, "epochs" | "losses" | "accuracies">,
  k: number,
): string {
  const loss = c.losses[k], accuracy = c.accuracies[k];
  if (loss === null || accuracy === null) return `epoch ${c.epochs[k]} (before training)`;
  return `epoch ${c.epochs[k]}: loss ${loss.toFixed(4)}, accuracy ${(100 * accuracy).toFixed(1)}%`;
}

/**
 * The page's script: the slider swaps the boundary's picture for the frame's and moves a
 * marker along the training curves. Typed here, shipped as source.
 *
 * @param id The figure's element id.
 * @param script The running `<script>`.
 * @param captionOf {@linkcode caption}.
 */
export function epochRuntime(
  id: string,
  script: Element | null,
  captionOf: typeof caption,
): void {
  let root = script?.closest?.(".esf") as HTMLElement | null;
  if (!root || root.id !== id) root = document.getElementById(id);
  if (!root || root.getAttribute("data-esf-ready")) return;
  const figure = root;
  figure.setAttribute("data-esf-ready", "1");
  const c = JSON.parse(
    figure.querySelector("script.esf-data")?.textContent ?? "{}",
  ) as EpochSliderConfig;
  const charts = [...figure.querySelectorAll("svg[data-chart]")] as SVGSVGElement[];
  const image = charts[0]?.querySelector('g[aria-description="heatmap"] image');
  const input = figure.querySelector('input[type="range"]') as HTMLInputElement;
  const output = figure.querySelector("output") as HTMLOutputElement;
  const NS = "http://www.w3.org/2000/svg";
  const markers = c.curves.map((s, k) => {
    const chart = charts[c.firstCurve + k];
    const line = document.createElementNS(NS, "line");
    line.setAttribute("y1", String(s.y.range[0]));
    line.setAttribute("y2", String(s.y.range[1]));
    line.setAttribute("stroke", "#555");
    line.setAttribute("stroke-dasharray", "4 3");
    line.setAttribute("data-esf", "epoch");
    chart?.appendChild(line);
    return { line, s };
  });
  function show(k: number): void {
    k = Math.max(0, Math.min(c.frames.length - 1, Math.round(k)));
    if (Number(input.value) !== k) input.value = String(k);
    image?.setAttribute("href", c.frames[k]);
    image?.setAttribute("image-rendering", "auto");
    output.textContent = captionOf(c, k);
    for (const { line, s } of markers) {
      const [d0, d1] = s.x.domain, [r0, r1] = s.x.range;
      const epoch = Math.min(d1, Math.max(d0, c.epochs[k]));
      const x = String(r0 + (epoch - d0) * (r1 - r0) / (d1 - d0));
      line.setAttribute("x1", x);
      line.setAttribute("x2", x);
    }
    figure.setAttribute("data-esf-frame", String(k));
  }
  input.addEventListener("input", () => show(Number(input.value)));
  const controls = figure.querySelector(".esf-controls") as HTMLElement;
  controls.hidden = false;
  controls.style.display = "flex";
  show(Number(input.value));
}

/**
 * The decision boundary through training, with an epoch slider: what
 * `trainWithSnapshots()` (or `trainLive()`) recorded.
 *
 * @param run The snapshots and history.
 * @param data The training points and labels (`{ x, y }`), drawn on the boundary.
 * @param options Titles.
 * @returns The figure.
 * @throws {TypeError} If `run` is not what `trainWithSnapshots()` returns, `data` not
 *   points and labels, or an option has the wrong type.
 * @throws {RangeError} If there are more than `MAX_FRAMES` snapshots.
 *
 * @example
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
 * import { makeDataset } from "../training/datasets.ts";
 * import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
 * import { epochSliderFigure } from "./epoch_slider.ts";
 * const data = makeDataset("xor");
 * const run = await trainWithSnapshots(createNetwork(NONLINEAR_NETWORK), data, { epochs: 4, every: 2 });
 * const fig = epochSliderFigure(run, data);
 * console.assert(fig.frames === 3 && fig.html().includes('type="range"'));
 * ```
 */
export function epochSliderFigure(
  run: BoundarySnapshots,
  data: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> },
  options?: EpochSliderOptions,
): EpochSliderFigure {
  const label = (name: string) => argument("epochSliderFigure", name);
  checkObject(run, label("run"), "what trainWithSnapshots() returned");
  checkArrayLike(run.snapshots, label("run.snapshots"), "an array of snapshots");
  checkArrayLike(run.x1, label("run.x1"));
  checkArrayLike(run.x2, label("run.x2"));
  if (run.snapshots.length === 0) throw new TypeError(`${label("run")}: no snapshots`);
  if (run.snapshots.length > MAX_FRAMES) {
    throw new RangeError(
      `${
        label("run")
      }: ${run.snapshots.length} snapshots is above the maximum ${MAX_FRAMES} frames`,
    );
  }
  const { title = "Decision Boundary", historyTitle = "Training" } = checkOptions(
    options,
    label("options"),
  );
  checkString(title, option("title"), true);
  checkString(historyTitle, option("historyTitle"), true);
  checkObject(data, label("data"), "{ x, y }: points and labels");
  const points = labelledPoints(data);
  const { x1, x2, snapshots } = run;
  const last = snapshots.length - 1;
  const boundary = boundaryFigure({ x1, x2, values: snapshots[last].values }, { points, title });
  const curves = historyFigure(run.history, { title: historyTitle });
  const still = row(boundary, curves);
  const scales = still.charts;
  const firstCurve = boundary.charts.length;
  const config: EpochSliderConfig = {
    id: `esf-${++counter}-${snapshots.length}`,
    frames: snapshots.map((s) => rasterWebp(s.values, x1.length, x2.length, [0, 1])),
    epochs: snapshots.map((s) => s.epoch),
    losses: snapshots.map((s) => (Number.isFinite(s.loss) ? s.loss : null)),
    accuracies: snapshots.map((s) => (Number.isFinite(s.accuracy) ? s.accuracy : null)),
    start: last,
    curves: scales.slice(firstCurve).filter((s): s is ChartScales => s !== null),
    firstCurve,
  };
  return new EpochSliderFigure(still, config, `${title} over epochs`);
}
