/// <reference lib="dom" />
/**
 * Interactive function / derivative pairs with one slider per parameter (the seed's
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
import { getActivation, type ParamSpec } from "../activations/activations.ts";
import { activation } from "../activations/autodiff.ts";
import { kinkMarkers } from "../figures/kink_markers.ts";
import { type Interval, type Kink, pairFigure } from "../figures/pair_figure.ts";
import {
  base64,
  escapeXml,
  type Figure,
  htmlPage,
  JUPYTER_DISPLAY,
  plotDocument,
  saveHtml,
  type SaveOptions,
} from "../figures/render.ts";

/** Values and derivatives at the sample positions, for one parameter record. */
export interface PairValues {
  /** f(x[i]) */
  readonly y: ArrayLike<number>;
  /** f'(x[i]) */
  readonly dy: ArrayLike<number>;
}

/**
 * What {@linkcode parametricPairFigure} needs: labels, view, parameters, and the two
 * callbacks that produce the curves and kinks for one parameter record. The registry
 * wrapper {@linkcode sliderFigure} fills it from `activations.ts` and `autodiff.ts`.
 */
export interface ParametricSource {
  /** Display label, e.g. "Leaky ReLU". */
  readonly label: string;
  /** Curve colour (CSS). */
  readonly color: string;
  /** Function panel x window. */
  readonly x: Interval;
  /** Function panel y window. */
  readonly y: Interval;
  /** Derivative panel x window. */
  readonly dx: Interval;
  /** Derivative panel y window. */
  readonly dy: Interval;
  /** The parameters, one slider each (at least one). */
  readonly params: readonly ParamSpec[];
  /** f and f' at the ascending positions `x` for the parameter record `p`. */
  readonly values: (x: Float64Array, p: Readonly<Record<string, number>>) => PairValues;
  /** Kinks of f' for `p` (default: none). */
  readonly kinks?: (p: Readonly<Record<string, number>>) => readonly Kink[];
}

/** Options of {@linkcode sliderFigure} and {@linkcode parametricPairFigure}. */
export interface SliderFigureOptions {
  /**
   * Budget in bytes for the embedded curve data (base64), default 600 000. The x spacing
   * is the coarsest of the hover step, its half or its quarter whose straight segments
   * stay within 0.1% of the y window of the curve (Leaky ReLU, ELU: 0.05), else the
   * finest that fits the budget.
   */
  readonly maxDataBytes?: number;
  /** Panel width in px (default 420). */
  readonly width?: number;
  /** Chart height in px (default 360). */
  readonly height?: number;
  /** Curve thickness in px (default 4). */
  readonly strokeWidth?: number;
}

// ---- parameter grids ----

/**
 * The values a slider can take: `min + k * step` for k = 0, 1, ... while `<= max`
 * (rounded to the step's decimals, so 0.3 is 0.3, not 0.30000000000000004).
 *
 * @param param The parameter declaration.
 * @returns The grid, ascending; it contains `param.default`.
 * @throws {RangeError} If min, max or step is not finite, `min >= max`, `step <= 0`, the
 *   grid would have more than 10 000 values, or the default is outside [min, max] or not
 *   on the grid (the message names the parameter and the values).
 *
 * @example The seed's Alpha slider
 * ```ts
 * import assert from "node:assert/strict";
 * import { paramGrid } from "./slider_figure.ts";
 * const g = paramGrid({ name: "alpha", label: "Alpha", default: 0.3, min: 0.01, max: 1, step: 0.01 });
 * assert.equal(g.length, 100);
 * assert.deepEqual([g[0], g[29], g[99]], [0.01, 0.3, 1]);
 * ```
 */
export function paramGrid(param: ParamSpec): number[] {
  const { name, min, max, step } = param ?? {};
  const where = `Parameter "${String(name)}"`;
  const bad = (what: string): never => {
    throw new RangeError(
      `${where} needs a finite slider range: ${what} (got min ${String(min)}, max ${
        String(max)
      }, step ${String(step)})`,
    );
  };
  if (![min, max, step].every((v) => typeof v === "number" && Number.isFinite(v))) {
    bad("min, max and step must be finite numbers");
  }
  if (!(min < max)) bad("expected min < max");
  if (!(step > 0)) bad("expected step > 0");
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  if (count > 10_000) bad(`${count} slider values, at most 10000 allowed`);
  const digits = Math.min(12, Math.max(decimals(step), decimals(min)));
  const grid = Array.from({ length: count }, (_, k) => +(min + k * step).toFixed(digits));
  const d = param.default;
  if (!(typeof d === "number" && d >= min && d <= max)) {
    throw new RangeError(`${where} has default ${String(d)} outside [${min}, ${max}]`);
  }
  if (nearestIndex(grid, d, min, step) < 0) {
    throw new RangeError(
      `${where} has default ${d}, which is not on its slider grid ${min} + k * ${step}`,
    );
  }
  return grid;
}

function decimals(v: number): number {
  const s = String(v);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

// index of the grid value equal to v (within 1e-9 of a step), or -1
function nearestIndex(grid: readonly number[], v: number, min: number, step: number): number {
  const k = Math.round((v - min) / step);
  return k >= 0 && k < grid.length && Math.abs(grid[k] - v) <= step * 1e-6 ? k : -1;
}

/** The parameter records embedded in a figure and how sliders map to them. */
export interface ParamPlan {
  /** "product": every combination; "lines": one slider at a time, others at defaults. */
  readonly mode: "product" | "lines";
  /** Slider grids, one per parameter. */
  readonly grids: readonly (readonly number[])[];
  /** Default grid index of each parameter. */
  readonly defaults: readonly number[];
  /** The parameter records, in embedding order. */
  readonly records: readonly Readonly<Record<string, number>>[];
}

/**
 * Which parameter records to precompute: the product grid when `maxRecords` allows,
 * else one line per parameter with the others at their defaults.
 *
 * @param params The parameters (at least one).
 * @param maxRecords How many records fit the size budget.
 * @returns The plan.
 * @throws {RangeError} If there are no parameters, a declaration is invalid (see
 *   {@linkcode paramGrid}), or even the lines do not fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { planParams } from "./slider_figure.ts";
 * const a = { name: "a", label: "A", default: 1, min: 0, max: 2, step: 1 };
 * const b = { name: "b", label: "B", default: 0, min: 0, max: 3, step: 1 };
 * assert.equal(planParams([a, b], 12).mode, "product"); // 3 x 4 records
 * assert.equal(planParams([a, b], 11).records.length, 7); // lines: 3 + 4
 * ```
 */
export function planParams(params: readonly ParamSpec[], maxRecords: number): ParamPlan {
  if (!Array.isArray(params) || params.length === 0) {
    throw new RangeError("An interactive figure needs at least one parameter, got none");
  }
  const grids = params.map(paramGrid);
  const defaults = params.map((p, i) => nearestIndex(grids[i], p.default, p.min, p.step));
  const product = grids.reduce((n, g) => n * g.length, 1);
  const record = (idx: readonly number[]) =>
    Object.fromEntries(params.map((p, i) => [p.name, grids[i][idx[i]]]));
  if (product <= maxRecords) {
    const records: Record<string, number>[] = [];
    const idx = params.map(() => 0);
    for (let n = 0; n < product; n++) {
      // mixed radix, the first parameter most significant
      let rest = n;
      for (let i = params.length - 1; i >= 0; i--) {
        idx[i] = rest % grids[i].length;
        rest = Math.floor(rest / grids[i].length);
      }
      records.push(record(idx));
    }
    return { mode: "product", grids, defaults, records };
  }
  const lines = grids.reduce((n, g) => n + g.length, 0);
  if (lines > maxRecords) {
    throw new RangeError(
      `Too many slider values to embed: ${lines} curves, the size budget allows ${maxRecords}; ` +
        `raise maxDataBytes or use a coarser step`,
    );
  }
  const records: Record<string, number>[] = [];
  grids.forEach((g, i) =>
    g.forEach((_, k) => records.push(record(defaults.map((d, j) => (j === i ? k : d)))))
  );
  return { mode: "lines", grids, defaults, records };
}

// ---- the figure ----

/** Sizes of an {@linkcode InteractiveFigure}'s parts, in bytes (characters). */
export interface InteractiveSizes {
  /** Embedded curve data (base64). */
  readonly data: number;
  /** The standalone page ({@linkcode InteractiveFigure.html}). */
  readonly page: number;
}

interface PanelConfig {
  /** first sample index of the panel in the shared x array */
  i0: number;
  /** number of samples of the panel */
  n: number;
  /** pixel mapping px = ax x + bx, py = ay y + by (chart coordinates) */
  ax: number;
  bx: number;
  ay: number;
  by: number;
  xw: Interval;
  yw: Interval;
  /** hover read-outs: [x, sample index] */
  hover: [number, number][];
  digits: number;
  yLabel: string;
  /** whether the panel marks kinks and breaks its line there */
  kinks: boolean;
}

interface Config {
  id: string;
  label: string;
  color: string;
  mode: "product" | "lines";
  params: {
    name: string;
    label: string;
    grid: number[];
    step: number;
    default: number;
    digits: number;
  }[];
  x: string;
  y: string;
  dy: string;
  kinks: [number, number, number, number][][];
  panels: PanelConfig[];
}

let figureCounter = 0;

/**
 * An interactive function / derivative pair: the static pair at the default parameter
 * values plus sliders. Shows itself in Jupyter (`text/html` with the live figure and its
 * script; for untrusted notebooks a still picture and a note; and `text/plain`)
 * and exports as a standalone page with {@linkcode InteractiveFigure.html}.
 */
export class InteractiveFigure {
  /** The static pair at the default parameter values (also the untrusted fallback). */
  readonly still: Figure;
  /** What the figure shows, in words. */
  readonly description: string;
  /** Unique element id of the figure's root (`asf-...`). */
  readonly id: string;
  /** The parameters and how the sliders map to the embedded curves. */
  readonly plan: ParamPlan;
  /** The x samples the curves were computed at (shared by both panels). */
  readonly x: Float64Array;
  readonly #config: Config;
  readonly #title: string;

  /** @internal Use {@linkcode sliderFigure} or {@linkcode parametricPairFigure}. */
  constructor(still: Figure, config: Config, plan: ParamPlan, x: Float64Array, title: string) {
    this.still = still;
    this.#config = config;
    this.plan = plan;
    this.x = x;
    this.id = config.id;
    this.#title = title;
    const names = config.params.map((p) => `${p.label} ${p.grid[0]} to ${p.grid.at(-1)}`);
    this.description = `${still.description}; interactive: ${names.join(", ")}`;
  }

  /**
   * The embedded curves of one parameter record, decoded from the page data (what the
   * browser draws): f on the function panel's samples and f' on the derivative panel's.
   *
   * @param index Index into `plan.records`.
   * @returns `{ x, y }` for the function panel and `{ dx, dy }` for the derivative panel.
   * @throws {RangeError} If the index is out of range.
   */
  embedded(
    index: number,
  ): { x: Float64Array; y: Float32Array; dx: Float64Array; dy: Float32Array } {
    const n = this.plan.records.length;
    if (!(Number.isInteger(index) && index >= 0 && index < n)) {
      throw new RangeError(`Invalid record index ${index}: expected an integer in [0, ${n - 1}]`);
    }
    const [pf, pd] = this.#config.panels;
    const ys = fromBase64(this.#config.y), dys = fromBase64(this.#config.dy);
    return {
      x: this.x.slice(pf.i0, pf.i0 + pf.n),
      y: ys.slice(index * pf.n, (index + 1) * pf.n),
      dx: this.x.slice(pd.i0, pd.i0 + pd.n),
      dy: dys.slice(index * pd.n, (index + 1) * pd.n),
    };
  }

  /** Sizes of the embedded data and of the standalone page. */
  get sizes(): InteractiveSizes {
    const c = this.#config;
    return { data: c.y.length + c.dy.length + c.x.length, page: this.html().length };
  }

  /**
   * The live figure as an HTML fragment: the SVG, the sliders, the data and the script.
   *
   * @param options `fallback`: also include the still picture and a note for untrusted
   *   Jupyter outputs (default false).
   * @returns HTML markup.
   */
  fragment(options: { readonly fallback?: boolean } = {}): string {
    const c = this.#config;
    const picture = options.fallback
      ? this.still.notebookHtml()
      : `<div class="asf-svg">${this.still.svg()}</div>`;
    // data-lm-suppress-shortcuts: JupyterLab's command-mode shortcuts otherwise swallow
    // the arrow keys pressed on a focused slider (checked in JupyterLab 4)
    const sliders = c.params.map((p, i) => {
      const value = p.grid[p.default];
      return `<label class="asf-param">${escapeXml(p.label)} ` +
        `<input type="range" data-asf-param="${i}" data-lm-suppress-shortcuts="true" min="${
          p.grid[0]
        }" max="${p.grid.at(-1)}" ` +
        `step="${p.step}" value="${value}" ` +
        `aria-label="${escapeXml(p.label)}"> <output>${value.toFixed(p.digits)}</output></label>`;
    }).join("");
    const note = options.fallback
      ? `<p class="asf-note">${
        escapeXml(c.params.map((p) => `${p.label} = ${p.grid[p.default]}`).join(", "))
      } (run the cell to use the sliders)</p>`
      : "";
    // the sliders show only once the script has run (no dead slider without scripts)
    const json = JSON.stringify(c).replace(/</g, "\\u003c");
    return `<div class="asf" id="${c.id}" data-asf-values="">` +
      `<style>.asf[data-asf-ready]>.asf-controls{display:flex!important}.asf>.asf-note{display:none!important}` +
      `.asf-controls{gap:24px;align-items:center;flex-wrap:wrap;margin:6px 0 0 62px;font:14px system-ui,sans-serif}` +
      `.asf-controls input{width:300px;vertical-align:middle}.asf-controls output{display:inline-block;min-width:3.5em;font-variant-numeric:tabular-nums}</style>` +
      picture +
      `<div class="asf-controls" data-lm-suppress-shortcuts="true" hidden style="display:none">${sliders}</div>${note}` +
      `<script type="application/json" class="asf-data">${json}</script>` +
      `<script>${RUNTIME}(${JSON.stringify(c.id)});</script></div>`;
  }

  /**
   * A standalone, self-contained HTML page (inline SVG, sliders, data and script; no
   * remote resource).
   *
   * @param title The page title (default: the activation's label).
   * @returns HTML markup.
   */
  html(title?: string): string {
    return htmlPage(this.fragment(), { title: title ?? this.#title });
  }

  /**
   * The HTML Jupyter shows: the live figure when trusted; the still picture and a note
   * when untrusted (the sanitizer removes `<style>`, `<svg>` and `<script>`).
   *
   * @returns HTML markup.
   */
  notebookHtml(): string {
    return this.fragment({ fallback: true });
  }

  /** The description. */
  toString(): string {
    return this.description;
  }

  /**
   * The Jupyter mime bundle: `text/html` ({@linkcode InteractiveFigure.notebookHtml}: the
   * live figure when trusted, the still picture when untrusted) and `text/plain`. Like
   * the static figures' bundle, no separate `image/png` (it would only add size: the
   * HTML already carries the picture).
   *
   * @returns A mime bundle.
   */
  [JUPYTER_DISPLAY](): Record<string, string> {
    return {
      "text/html": this.notebookHtml(),
      "text/plain": this.description,
    };
  }
}

/**
 * The seed's interactive figure for a registered activation with parameters: the
 * function / derivative pair (the registry's label, colour and view windows) with one
 * slider per parameter (range, step and start from the registry). Curves are computed
 * with `activation()` for every slider value and embedded.
 *
 * @param name Activation name, e.g. "leaky_relu" or "elu".
 * @param options Size budget and panel sizes.
 * @returns The interactive figure.
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If the activation takes two inputs.
 * @throws {RangeError} If the activation has no parameters, a parameter declaration has
 *   no finite range or step, or the data does not fit the size budget.
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
export function sliderFigure(name: string, options: SliderFigureOptions = {}): InteractiveFigure {
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
 *   step, a window is invalid, or the data does not fit the budget.
 * @throws {TypeError} If `values` returns arrays of the wrong length.
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
  options: SliderFigureOptions = {},
): InteractiveFigure {
  const { maxDataBytes = 600_000, width, height, strokeWidth } = options;
  const { label, color, params } = source;
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
  const config: Config = {
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
 * atomically (the seed's `Leaky ReLU.html` and `ELU.html`).
 *
 * @param figure The interactive figure.
 * @param name File name without extension, e.g. "Leaky ReLU".
 * @param options `dir` (default: the figures folder).
 * @returns The path written.
 * @throws {TypeError} If `figure` is not an {@linkcode InteractiveFigure} or the name is invalid.
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
    throw new TypeError(
      `Expected an InteractiveFigure to save, got ${Object.prototype.toString.call(figure)}`,
    );
  }
  return saveHtml(figure.html(), name, options);
}

// ---- helpers ----

interface Sampling {
  /** spacing */
  s: number;
  /** ascending positions: multiples of s over both windows, plus the kinks */
  x: Float64Array;
  /** function panel samples x[i0 .. i0 + n - 1] (one at or beyond each edge) */
  rf: { i0: number; n: number };
  /** derivative panel samples */
  rd: { i0: number; n: number };
}

function sampling(source: ParametricSource, s: number, kinkXs: readonly number[]): Sampling {
  const lo = Math.min(source.x[0], source.dx[0]), hi = Math.max(source.x[1], source.dx[1]);
  const k0 = Math.floor(lo / s + 1e-9), k1 = Math.ceil(hi / s - 1e-9);
  const xs = Array.from({ length: k1 - k0 + 1 }, (_, k) => +((k0 + k) * s).toPrecision(12));
  for (const kx of kinkXs) {
    if (kx > lo && kx < hi && !xs.some((v) => Math.abs(v - kx) < s * 1e-6)) xs.push(kx);
  }
  const x = Float64Array.from(xs.sort((a, b) => a - b));
  const range = (w: Interval) => {
    let i0 = 0, i1 = x.length - 1;
    while (i0 + 1 < x.length && x[i0 + 1] <= w[0] + s * 1e-6) i0++;
    while (i1 - 1 >= 0 && x[i1 - 1] >= w[1] - s * 1e-6) i1--;
    return { i0, n: i1 - i0 + 1 };
  };
  return { s, x, rf: range(source.x), rd: range(source.dx) };
}

// Largest gap between the drawn straight segments and the curve, as a fraction of the
// panel's y window: the library's value at each segment's midpoint against the chord,
// for the first, default and last parameter records, skipping segments at kinks.
function interpolationError(
  source: ParametricSource,
  sampled: Sampling,
  plan: ParamPlan,
  kinksOf: (p: Readonly<Record<string, number>>) => readonly Kink[],
): number {
  const { x } = sampled;
  const mid = x.slice(1).map((v, i) => (x[i] + v) / 2);
  const probes = new Set([0, defaultRecord(plan), plan.records.length - 1]);
  let worst = 0;
  for (const r of probes) {
    const p = plan.records[r];
    const kinks = kinksOf(p).map((k) => k.x);
    const at = source.values(x, p), half = source.values(mid, p);
    for (
      const [w, yw, a, m] of [
        [source.x, source.y, at.y, half.y],
        [source.dx, source.dy, at.dy, half.dy],
      ] as const
    ) {
      for (let i = 0; i + 1 < x.length; i++) {
        if (mid[i] < w[0] || mid[i] > w[1] || kinks.some((k) => k >= x[i] && k <= x[i + 1])) {
          continue;
        }
        const chord = (a[i] + a[i + 1]) / 2, v = m[i];
        const visible = (chord >= yw[0] && chord <= yw[1]) || (v >= yw[0] && v <= yw[1]);
        if (visible && Number.isFinite(chord) && Number.isFinite(v)) {
          worst = Math.max(worst, Math.abs(v - chord) / (yw[1] - yw[0]));
        }
      }
    }
  }
  return worst;
}

// The record of the default values: in "lines" mode the first parameter's line holds it.
function defaultRecord(plan: ParamPlan): number {
  const idx = plan.defaults;
  if (plan.mode === "product") return idx.reduce((n, k, i) => n * plan.grids[i].length + k, 0);
  return idx[0];
}

function countSamples(w: Interval, s: number): number {
  return Math.ceil(w[1] / s - 1e-9) - Math.floor(w[0] / s + 1e-9) + 1;
}

// pairFigure's hover spacing (1, 2 or 5 times a power of ten): the read-outs sit at
// multiples of it, so the samples are chosen to contain them.
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

// The frames of the two Plot charts (function, derivative): the frame rectangle is the
// range of the chart's x and y scales, whose domains are the view windows.
function chartFrames(svg: string): { x: number; y: number; width: number; height: number }[] {
  const view = plotDocument().defaultView as unknown as { DOMParser: typeof DOMParser };
  const doc = new view.DOMParser().parseFromString(svg, "image/svg+xml");
  const frames = Array.from(doc.querySelectorAll('svg svg [aria-label="frame"]'), (rect) => {
    const get = (a: string) => Number(rect.getAttribute(a));
    return { x: get("x"), y: get("y"), width: get("width"), height: get("height") };
  });
  if (frames.length !== 2 || !frames.every((f) => f.width > 0 && f.height > 0)) {
    throw new Error(`Expected the two chart frames of a pair figure, found ${frames.length}`);
  }
  return frames;
}

function fromBase64(text: string): Float32Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// The page's script: no formula, only table look-up and the pixel mapping. Plain
// ES2015 without template literals; everything lives inside one function call per figure
// (no globals). It finds its own figure by `document.currentScript` (JupyterLab re-creates
// output scripts in place), else by id.
const RUNTIME = `(function (id) {
  var me = document.currentScript;
  var root = me && me.closest ? me.closest(".asf") : null;
  if (!root || root.id !== id) root = document.getElementById(id);
  if (!root || root.getAttribute("data-asf-ready")) return;
  root.setAttribute("data-asf-ready", "1");
  var cfg = JSON.parse(root.querySelector("script.asf-data").textContent);
  var NS = "http://www.w3.org/2000/svg";

  // little-endian float32 / float64 arrays from base64
  function view(b64) {
    var s = atob(b64), u = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return new DataView(u.buffer);
  }
  function floats(b64, size) {
    var v = view(b64), n = v.byteLength / size, a = new Float64Array(n);
    for (var i = 0; i < n; i++) a[i] = size === 4 ? v.getFloat32(4 * i, true) : v.getFloat64(8 * i, true);
    return a;
  }
  var X = floats(cfg.x, 8), DATA = [floats(cfg.y, 4), floats(cfg.dy, 4)];
  var outer = root.querySelector("svg"), charts = outer ? outer.querySelectorAll("svg") : [];
  if (charts.length < 2) return;

  // the static figure's number format for read-outs
  function fmt(v) {
    if (!isFinite(v)) return String(v);
    var a = Math.abs(v);
    var s = a >= 1e4 || (v !== 0 && a < 1e-3) ? v.toExponential(3) : String(+v.toFixed(4));
    return s === "-0" ? "0" : s;
  }
  function el(name, attrs, title) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (title) {
      var t = document.createElementNS(NS, "title");
      t.textContent = title;
      e.appendChild(t);
    }
    return e;
  }

  var params = cfg.params;
  var idx = params.map(function (p) { return p.default; });
  var inputs = Array.prototype.slice.call(root.querySelectorAll("input[data-asf-param]"));
  var offsets = [], total = 0;
  params.forEach(function (p) { offsets.push(total); total += p.grid.length; });

  // index of the embedded curve for the current slider positions
  function record() {
    var i;
    if (cfg.mode === "product") {
      var r = 0;
      for (i = 0; i < params.length; i++) r = r * params[i].grid.length + idx[i];
      return r;
    }
    for (i = 0; i < params.length; i++) if (idx[i] !== params[i].default) return offsets[i] + idx[i];
    return offsets[0] + idx[0];
  }

  // a kink breaks the derivative's line as in the static figure (pair_figure's clipPolyline)
  function broken(kinks, x0, y0, x1, y1) {
    for (var q = 0; q < kinks.length; q++) {
      var k = kinks[q], jump = Math.abs(k[1] - k[2]);
      if (jump > 1e-9 && ((x0 < k[0] && k[0] < x1) ||
        ((x0 === k[0] || x1 === k[0]) && Math.abs(y1 - y0) > jump / 2))) return true;
    }
    return false;
  }

  function drawPanel(p, chart, data, r, kinks) {
    var o = r * p.n, d = "", open = false, px = NaN, py = NaN;
    for (var i = 0; i < p.n; i++) {
      var x = X[p.i0 + i], y = data[o + i];
      if (!isFinite(y)) { open = false; continue; }
      var join = open && !(p.kinks && broken(kinks, px, py, x, y));
      d += (join ? "L" : "M") + (p.ax * x + p.bx) + "," + (p.ay * y + p.by);
      open = true; px = x; py = y;
    }
    var curve = chart.querySelector('g[aria-description^="curve"]');
    var paths = curve ? curve.querySelectorAll("path") : [];
    if (paths.length) {
      paths[0].setAttribute("d", d);
      for (var m = 1; m < paths.length; m++) paths[m].remove();
    }
    var hover = chart.querySelector('g[aria-description="hover"]');
    if (hover) {
      while (hover.firstChild) hover.removeChild(hover.firstChild);
      p.hover.forEach(function (h) {
        var v = data[o + h[1]];
        if (!(isFinite(v) && v >= p.yw[0] && v <= p.yw[1])) return;
        var title = "x = " + h[0].toFixed(p.digits) + ", " + p.yLabel + " = " + fmt(v);
        hover.appendChild(el("circle", { cx: p.ax * h[0] + p.bx, cy: p.ay * v + p.by, r: 5 }, title));
      });
    }
    if (!p.kinks) return;
    Array.prototype.forEach.call(chart.querySelectorAll('g[aria-description^="kink"]'), function (g) {
      g.remove();
    });
    var limits = el("g", { "aria-label": "dot", "aria-description": "kink limit",
      fill: "white", stroke: cfg.color, "stroke-width": 2.5 });
    var values = el("g", { "aria-label": "dot", "aria-description": "kink value",
      fill: cfg.color, stroke: "white", "stroke-width": 1.5 });
    function inside(v) { return v >= p.yw[0] && v <= p.yw[1]; }
    function dot(g, x, v, title) {
      g.appendChild(el("circle", { cx: p.ax * x + p.bx, cy: p.ay * v + p.by, r: 6 }, title));
    }
    kinks.forEach(function (k) {
      if (!(k[0] >= p.xw[0] && k[0] <= p.xw[1])) return;
      var title = "kink at x = " + k[0] + ": limit from the left " + fmt(k[1]) +
        ", from the right " + fmt(k[2]) + ", value used " + fmt(k[3]);
      if (Math.abs(k[1] - k[2]) > 1e-9) {
        [k[1], k[2]].filter(inside).forEach(function (v) { dot(limits, k[0], v, title); });
      }
      if (inside(k[3])) dot(values, k[0], k[3], title);
    });
    chart.appendChild(limits);
    chart.appendChild(values);
  }

  // redraws both panels and writes the slider state back (also restoring a tampered range)
  function sync() {
    var shown = {};
    params.forEach(function (p, i) {
      var v = p.grid[idx[i]], input = inputs[i];
      shown[p.name] = v;
      if (!input) return;
      input.min = String(p.grid[0]);
      input.max = String(p.grid[p.grid.length - 1]);
      input.step = String(p.step);
      if (Number(input.value) !== v) input.value = String(v);
      var out = input.parentNode.querySelector("output");
      if (out) out.textContent = v.toFixed(p.digits);
    });
    var r = record();
    cfg.panels.forEach(function (p, k) { drawPanel(p, charts[k], DATA[k], r, cfg.kinks[r] || []); });
    root.setAttribute("data-asf-values", JSON.stringify(shown));
    root.setAttribute("data-asf-record", String(r));
  }

  // any input value becomes the nearest grid index, clamped to [0, n - 1]
  function onInput(e) {
    var i = Number(e.target.getAttribute("data-asf-param")), p = params[i];
    if (!p) return;
    var k = Math.round((Number(e.target.value) - p.grid[0]) / p.step);
    if (!isFinite(k)) k = p.default;
    k = Math.max(0, Math.min(p.grid.length - 1, k));
    for (var j = 0; j < params.length; j++) {
      if (j === i) idx[j] = k;
      else if (cfg.mode === "lines") idx[j] = params[j].default;
    }
    sync();
  }
  inputs.forEach(function (input) {
    input.addEventListener("input", onInput);
    input.addEventListener("change", onInput);
  });
  sync();
})`;
