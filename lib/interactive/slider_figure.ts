/**
 * Interactive function / derivative pairs with one slider per parameter (the original's
 * "Alpha" sliders for Leaky ReLU and ELU), for JupyterLab (trusted `text/html` output)
 * and for standalone HTML pages opened from disk. No CDN, no network, no widgets.
 *
 * How the browser draws, and why it cannot drift from the library: nothing in the page
 * knows a formula. In the kernel, {@linkcode sliderFigure} evaluates the activation with
 * the library's `activation()` (TensorFlow.js autodiff) for EVERY value on the slider's
 * grid (min, min + step, ..., max) at the x samples of both panels, and embeds the float32
 * results (base64) together with the kinks of each value and the pixel mapping of each
 * panel (read from the Plot chart's frame, i.e. the range of its x and y scales). A
 * slider only selects one of these precomputed curves; the page's script maps the stored
 * numbers to pixels (`px = ax * x + bx`, full double precision), so the drawn polyline's
 * vertices are the library's float32 values exactly. The first picture is the static
 * {@linkcode pairFigure} at the default values (same look; the script then redraws it at
 * full resolution).
 *
 * Slider values can only be grid values: the script rounds to the nearest step and clamps
 * to [min, max] (also if the input's attributes are tampered with).
 *
 * Multi-parameter activations (none in the registry today): the product grid of all
 * sliders is embedded when it fits the size budget; otherwise each slider's line is
 * embedded with the other parameters at their defaults, and moving one slider resets the
 * others to their defaults (the page never shows a combination it has no data for).
 *
 * @module
 */
import { getActivation } from "../activations/activations.ts";
import { activation } from "../activations/autodiff.ts";
import { niceStep } from "../figures/curves_figure.ts";
import type { Interval } from "../figures/interval.ts";
import { kinkMarkers } from "../figures/kink_markers.ts";
import { base64 } from "../figures/markup.ts";
import { pairFigure } from "../figures/pair_figure.ts";
import { saveHtml, type SaveOptions } from "../figures/saving.ts";
import { MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "../figures/figure.ts";
import {
  argument,
  checkFunction,
  checkNumber,
  checkObject,
  checkOptions,
  checkPixels,
  checkString,
  option,
  typeError,
} from "../guards.ts";
import { InteractiveFigure, type PanelConfig, type SliderConfig } from "./interactive_figure.ts";
import { decimals, defaultRecord, paramGrid, type ParamPlan, planParams } from "./param_plan.ts";
import type { PairValues, ParametricSource } from "./parametric_source.ts";
import {
  chartFrames,
  countSamples,
  interpolationError,
  type Sampling,
  sampling,
} from "./slider_sampling.ts";

let figureCounter = 0;

/**
 * Largest budget for the embedded curve data (`maxDataBytes`): 20,000,000 bytes, a 20 MB
 * page (default 600,000).
 */
export const MAX_SLIDER_DATA_BYTES = 20_000_000;

/** Options of {@linkcode sliderFigure} and {@linkcode parametricPairFigure}. */
export interface SliderFigureOptions {
  /**
   * Budget in bytes for the embedded curve data (base64), from 1 to
   * {@linkcode MAX_SLIDER_DATA_BYTES}; default 600 000. The x spacing is the coarsest of
   * the hover step, its half or its quarter whose straight segments stay within 0.1% of
   * the y window of the curve (Leaky ReLU, ELU: 0.05), else the finest that fits the
   * budget.
   */
  readonly maxDataBytes?: number;
  /** Panel width in px, from 100 to 10,000 (`MIN_PANEL_SIZE`, `MAX_PANEL_SIZE`); default 420. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 360. */
  readonly height?: number;
  /** Curve thickness in px, from 0 to 50; default 4. */
  readonly strokeWidth?: number;
}

/**
 * The original's interactive figure for a registered activation with parameters: the
 * function / derivative pair (the registry's label, colour and view windows) with one
 * slider per parameter (range, step and start from the registry). Curves are computed
 * with `activation()` for every slider value and embedded.
 *
 * @param name Activation name, e.g. "leaky_relu" or "elu".
 * @param options Size budget and panel sizes.
 * @returns The interactive figure.
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If `name` is not a string, an option has the wrong type, or the
 *   activation takes two inputs.
 * @throws {RangeError} If the activation has no parameters, a parameter declaration has
 *   no finite range or step, the data does not fit the size budget, or a size option is
 *   outside the range its documentation gives (checked before anything is computed).
 *
 * @example Leaky ReLU's Alpha slider
 * ```ts
 * import assert from "node:assert/strict";
 * import { sliderFigure } from "./slider_figure.ts";
 * const fig = sliderFigure("leaky_relu");
 * assert.equal(fig.plan.records.length, 100);
 * assert.ok(fig.html().includes('type="range"'));
 * assert.ok(fig.sizes.page < 1_000_000);
 * ```
 */
export function sliderFigure(name: string, options?: SliderFigureOptions): InteractiveFigure {
  checkString(name, argument("sliderFigure", "name"));
  options = checkSliderOptions(options, "sliderFigure");
  const spec = getActivation(name);
  if (spec.inputs !== 1) {
    throw new TypeError(
      `Activation "${name}" takes two inputs: sliders need a one-input activation`,
    );
  }
  if (spec.params.length === 0) {
    throw new RangeError(
      `Activation "${name}" has no parameters: an interactive figure needs at least one ` +
        `(use pairFigure for a static one)`,
    );
  }
  return parametricPairFigure({
    label: spec.label,
    color: spec.view.color,
    x: spec.view.x,
    y: spec.view.y,
    dx: spec.view.dx,
    dy: spec.view.dy,
    params: spec.params,
    values: (x, p) => activation(name, x, p),
    kinks: (p) => kinkMarkers(name, p),
  }, options);
}

/**
 * An interactive function / derivative pair from any {@linkcode ParametricSource} (the
 * registry-free core of {@linkcode sliderFigure}; use it for activations of your own).
 *
 * @param source Labels, windows, parameters, and the curve and kink callbacks.
 * @param options Size budget and panel sizes.
 * @returns The interactive figure.
 * @throws {RangeError} If there are no parameters, a declaration has no finite range or
 *   step, a window is invalid, the data does not fit the budget, or a size option is
 *   outside its range.
 * @throws {TypeError} If `source` is not an object with a label, colour and `values`
 *   function, an option has the wrong type, or `values` returns arrays of the wrong length.
 *
 * @example A line with slope and offset sliders
 * ```ts
 * import assert from "node:assert/strict";
 * import { parametricPairFigure } from "./slider_figure.ts";
 * const fig = parametricPairFigure({
 *   label: "Line", color: "#000000", x: [-1, 1], y: [-3, 3], dx: [-1, 1], dy: [-3, 3],
 *   params: [
 *     { name: "a", label: "Slope", default: 1, min: -2, max: 2, step: 0.5 },
 *     { name: "b", label: "Offset", default: 0, min: -1, max: 1, step: 0.5 },
 *   ],
 *   values: (x, p) => ({ y: x.map((v) => p.a * v + p.b), dy: x.map(() => p.a) }),
 * });
 * assert.equal(fig.plan.mode, "product");
 * assert.equal(fig.plan.records.length, 45);
 * ```
 */
export function parametricPairFigure(
  source: ParametricSource,
  options?: SliderFigureOptions,
): InteractiveFigure {
  const label0 = (name: string) => argument("parametricPairFigure", name);
  checkObject(source, label0("source"), "a ParametricSource");
  const { maxDataBytes = 600_000, width, height, strokeWidth } = checkSliderOptions(
    options,
    "parametricPairFigure",
  );
  const { label, color, params } = source;
  checkString(label, label0("source.label"), true);
  checkString(color, label0("source.color"));
  checkFunction(source.values, label0("source.values"));
  if (source.kinks !== undefined) checkFunction(source.kinks, label0("source.kinks"));
  if (!Array.isArray(params) || params.length === 0) {
    throw new RangeError(
      `"${label}" has no parameters: an interactive figure needs at least one`,
    );
  }
  params.forEach(paramGrid); // declaration errors first, naming the parameter
  for (
    const [w, what] of [[source.x, "x"], [source.y, "y"], [source.dx, "dx"], [
      source.dy,
      "dy",
    ]] as const
  ) {
    if (!(Array.isArray(w) && w.length === 2 && w.every(Number.isFinite) && w[0] < w[1])) {
      throw new RangeError(
        `Invalid ${what} window ${JSON.stringify(w)}: expected [min, max], min < max`,
      );
    }
  }
  const hoverPoints = 120; // pairFigure's default read-out density
  const steps = [
    niceStep((source.x[1] - source.x[0]) / hoverPoints),
    niceStep((source.dx[1] - source.dx[0]) / hoverPoints),
  ];
  // x spacing: the finer hover step, or a half or a quarter of it (so every hover
  // position is a sample); the coarsest whose straight segments stay within 1/1000 of
  // the y window (about 0.3 px) of the curve, else the finest that fits the budget
  const kinksOf = source.kinks ?? (() => []);
  let chosen: { sampling: Sampling; plan: ParamPlan } | undefined;
  let kinkXs: number[] = [];
  for (const div of [1, 2, 4]) {
    const s = Math.min(...steps) / div;
    const perRecord = countSamples(source.x, s) + countSamples(source.dx, s);
    const maxRecords = Math.floor(maxDataBytes / (perRecord * 4 * 4 / 3));
    let plan: ParamPlan;
    try {
      plan = planParams(params, maxRecords);
    } catch (error) {
      if (!chosen) throw error;
      break;
    }
    if (chosen && plan.mode !== chosen.plan.mode) break; // keep every combination
    if (!chosen) kinkXs = [...new Set(plan.records.flatMap((p) => kinksOf(p).map((k) => k.x)))];
    chosen = { sampling: sampling(source, s, kinkXs), plan };
    if (interpolationError(source, chosen.sampling, plan, kinksOf) <= 1e-3) break;
  }
  const { sampling: { x, rf, rd }, plan } = chosen!;
  const allKinks = plan.records.map((p) => kinksOf(p).map((k) => ({ ...k })));
  const ys = new Float32Array(plan.records.length * rf.n);
  const dys = new Float32Array(plan.records.length * rd.n);
  let defaultValues: PairValues | undefined;
  const defaultIndex = defaultRecord(plan);
  plan.records.forEach((p, r) => {
    const v = source.values(x, p);
    if (v?.y?.length !== x.length || v?.dy?.length !== x.length) {
      throw new TypeError(
        `values() of "${label}" returned ${v?.y?.length} and ${v?.dy?.length} values for ${x.length} positions`,
      );
    }
    for (let i = 0; i < rf.n; i++) ys[r * rf.n + i] = v.y[rf.i0 + i];
    for (let i = 0; i < rd.n; i++) dys[r * rd.n + i] = v.dy[rd.i0 + i];
    if (r === defaultIndex) defaultValues = v;
  });
  const still = pairFigure({ x, y: defaultValues!.y, dy: defaultValues!.dy }, {
    label,
    color,
    x: source.x,
    y: source.y,
    dx: source.dx,
    dy: source.dy,
    kinks: allKinks[defaultIndex],
    width,
    height,
    strokeWidth,
  });
  const frames = chartFrames(still.svg());
  const panel = (
    w: Interval,
    yw: Interval,
    r: { i0: number; n: number },
    k: number,
  ): PanelConfig => {
    const f = frames[k];
    const ax = f.width / (w[1] - w[0]), ay = -f.height / (yw[1] - yw[0]);
    const step = steps[k];
    const hover: [number, number][] = [];
    const first = Math.ceil(w[0] / step - 1e-9), last = Math.floor(w[1] / step + 1e-9);
    for (let j = first; j <= last; j++) {
      const xv = +(j * step).toPrecision(12);
      const idx = x.findIndex((v) => Math.abs(v - xv) <= step * 1e-3);
      if (idx >= r.i0 && idx < r.i0 + r.n) hover.push([xv, idx - r.i0]);
    }
    return {
      ...r,
      ax,
      bx: f.x - w[0] * ax,
      ay,
      by: f.y + f.height - yw[0] * ay,
      xw: w,
      yw,
      hover,
      digits: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)),
      yLabel: k === 0 ? "f(x)" : "f'(x)",
      kinks: k === 1,
    };
  };
  const config: SliderConfig = {
    id: "",
    label,
    color,
    mode: plan.mode,
    params: params.map((p, i) => ({
      name: p.name,
      label: p.label,
      grid: [...plan.grids[i]],
      step: p.step,
      default: plan.defaults[i],
      digits: Math.min(12, decimals(p.step)),
    })),
    x: base64(new Uint8Array(x.buffer)),
    y: base64(new Uint8Array(ys.buffer)),
    dy: base64(new Uint8Array(dys.buffer)),
    kinks: allKinks.map((ks) => ks.map((k) => [k.x, k.left, k.right, k.at])),
    panels: [panel(source.x, source.y, rf, 0), panel(source.dx, source.dy, rd, 1)],
  };
  config.id = `asf-${fnv1a(config.y + config.dy + label).toString(16)}-${++figureCounter}`;
  return new InteractiveFigure(still, config, plan, x, label);
}

/**
 * Saves an interactive figure as the standalone page `<name>.html` in the figures folder,
 * atomically (the original's `Leaky ReLU.html` and `ELU.html`).
 *
 * @param figure The interactive figure.
 * @param name File name without extension, e.g. "Leaky ReLU".
 * @param options `dir` (default: the figures folder).
 * @returns The path written.
 * @throws {TypeError} If `figure` is not an {@linkcode InteractiveFigure}, the name is
 *   invalid, or `dir` is not a non-empty string.
 * @throws {Error} If the folder cannot be written.
 *
 * @example
 * ```ts
 * import { saveInteractive, sliderFigure } from "./slider_figure.ts";
 * const dir = Deno.makeTempDirSync();
 * const path = saveInteractive(sliderFigure("elu"), "ELU", { dir });
 * console.assert(path.endsWith("/ELU.html"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveInteractive(
  figure: InteractiveFigure,
  name: string,
  options: SaveOptions = {},
): string {
  if (!(figure instanceof InteractiveFigure)) {
    throw typeError(argument("saveInteractive", "figure"), "an InteractiveFigure", figure);
  }
  return saveHtml(figure.html(), name, options);
}

// The options both slider builders take, checked before any curve is computed.
function checkSliderOptions(
  options: SliderFigureOptions | undefined,
  fn: string,
): SliderFigureOptions {
  const o = checkOptions(options, argument(fn, "options"));
  if (o.maxDataBytes !== undefined) {
    checkNumber(o.maxDataBytes, option("maxDataBytes"), { min: 1, max: MAX_SLIDER_DATA_BYTES });
  }
  checkPixels(o.width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(o.height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(o.strokeWidth, option("strokeWidth"), 0, 50);
  return o;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
