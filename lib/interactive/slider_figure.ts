/**
 * Interactive function / derivative pairs with a slider and a number box per parameter
 * (the original's "Alpha" sliders for Leaky ReLU and ELU, for every parameter of every
 * activation), for JupyterLab (trusted `text/html` output) and for standalone HTML pages
 * opened from disk. No CDN, no network, no widgets, nothing precomputed per value.
 *
 * How the browser draws, and why it cannot drift from the library: the page carries the
 * activation's fused program — the WebAssembly module `activation()` itself runs, traced
 * from the registry's tfjs function and tfjs autodiff, with the parameters as inputs —
 * and runs it at the same float32 sample positions with the same driver. So every curve
 * the page draws, at any parameter value, is what `activation(name, x, params)` returns,
 * bit for bit. The page draws with the library's own clipping, simplification, ticks and
 * number formats (their source ships with it), on the scales the static figure hands it.
 * The first picture is the static {@linkcode pairFigure} at the default values.
 *
 * @module
 */
import { ACTIVATIONS, getActivation } from "../activations/activations.ts";
import type { ActivationSpec } from "../activations/activation_spec.ts";
import { Activation, resolveActivation } from "../activations/resolve_activation.ts";
import { fusedProgram } from "../kernel/fused_kernel.ts";
import { kinkProbe } from "../figures/kink_markers.ts";
import type { Kink } from "../figures/curves_figure.ts";
import { base64 } from "../figures/markup.ts";
import { pairFigure } from "../figures/pair_figure.ts";
import { save, type SaveOptions } from "../figures/saving.ts";
import { type ChartScales, MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "../figures/figure.ts";
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
import { InteractiveFigure } from "./interactive_figure.ts";
import { linearSamples, type LiveActivation, type LiveConfig } from "./live_config.ts";

/** Most sample positions across a slider figure's windows (`samples`): 20,000. */
export const MAX_SLIDER_SAMPLES = 20_000;

/** Options of {@linkcode sliderFigure}. */
export interface SliderFigureOptions {
  /**
   * Sample positions across the narrower of the two x windows: an integer from 100 to
   * {@linkcode MAX_SLIDER_SAMPLES}; default 2,000 (the original's). The page recomputes
   * them all at every slider move.
   */
  readonly samples?: number;
  /** Panel width in px, from 100 to 10,000 (`MIN_PANEL_SIZE`, `MAX_PANEL_SIZE`); default 420. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 360. */
  readonly height?: number;
  /** Curve thickness in px, from 0 to 50; default 4. */
  readonly strokeWidth?: number;
}

let figureCounter = 0;

/**
 * The original's interactive figure for an activation with parameters: the function /
 * derivative pair (its label, colour and view windows) with a slider (the registry's
 * slider range) and a number box (any value of the parameter's domain) per parameter,
 * every parameter at once. The page computes the curves with the activation's compiled
 * program.
 *
 * @param activation A registered activation's name, e.g. "leaky_relu", an activation
 *   declared like the registry's entries (an `ActivationSpec` of your own), or an
 *   {@linkcode Activation} (`resolveActivation()`), whose parameters the sliders start at.
 * @param options Samples and panel sizes.
 * @returns The interactive figure.
 * @throws {Error} If the name is unknown.
 * @throws {TypeError} If `activation` is neither a string, an activation declaration nor
 *   an Activation, an option has the wrong type, or the activation takes two inputs.
 * @throws {UnsupportedOperationError} If the fused compiler does not know one of the
 *   activation's operations: the page runs its compiled program (`activationFigure()`
 *   draws such an activation, through tfjs).
 * @throws {RangeError} If the activation has no parameters, or a size option is outside
 *   the range its documentation gives (checked before anything is computed).
 *
 * @example Leaky ReLU's Alpha slider
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveActivation } from "../activations/resolve_activation.ts";
 * import { sliderFigure } from "./slider_figure.ts";
 * const fig = sliderFigure("leaky_relu");
 * assert.deepEqual(fig.config.activations[0].params.map((p) => p.name), ["alpha"]);
 * assert.ok(fig.html().includes('class="asf-params"')); // the page builds the sliders
 * assert.ok(fig.sizes.page < 200_000);
 * const elu = sliderFigure(resolveActivation("elu", { alpha: 0.5 })); // starts at 0.5
 * assert.equal(elu.config.activations[0].params[0].default, 0.5);
 * ```
 */
export function sliderFigure(
  activation: string | ActivationSpec | Activation,
  options?: SliderFigureOptions,
): InteractiveFigure {
  const a = activationOf(activation, argument("sliderFigure", "activation"));
  if (a.spec.params.length === 0) {
    throw new RangeError(
      `Activation "${a.name}" has no parameters: an interactive figure needs at least one ` +
        `(use activationFigure for a static one, or explorerFigure)`,
    );
  }
  return liveFigure([a], 0, checkSliderOptions(options, "sliderFigure"));
}

/** Options of {@linkcode explorerFigure}: a {@linkcode SliderFigureOptions} and the start. */
export interface ExplorerOptions extends SliderFigureOptions {
  /** The activation shown first (default: the first). */
  readonly start?: string;
}

/**
 * Every one-input activation in one live figure: a menu picks the activation, and its
 * function / derivative pair appears with a slider and a number box per parameter. The
 * page carries every activation's compiled program (a few kilobytes each) and computes
 * the curves itself, so it shows the library's values for any activation at any setting;
 * one figure instead of dozens keeps a gallery light.
 *
 * @param activations Registered names, declarations or {@linkcode Activation}s (default:
 *   every one-input activation of the registry).
 * @param options `start` (the first shown) and the sizes of {@linkcode sliderFigure}.
 * @returns The interactive figure.
 * @throws {TypeError} If an activation is unknown in kind, takes two inputs, or an option
 *   has the wrong type.
 * @throws {RangeError} If the list is empty, `start` is not one of them, or a size is
 *   outside its range.
 *
 * @example
 * ```ts
 * import { explorerFigure } from "./slider_figure.ts";
 * const fig = explorerFigure(["relu", "elu", "gelu"], { start: "elu" });
 * console.assert(fig.config.activations.length === 3 && fig.config.start === 1);
 * console.assert(fig.html().includes('<select class="asf-choice"'));
 * ```
 */
export function explorerFigure(
  activations?: readonly (string | ActivationSpec | Activation)[],
  options?: ExplorerOptions,
): InteractiveFigure {
  const label = (name: string) => argument("explorerFigure", name);
  const list = activations ?? ACTIVATIONS.filter((a) => a.inputs === 1);
  checkArrayLike(list, label("activations"), "an array of activation names or declarations");
  if (list.length === 0) throw new RangeError(`${label("activations")}: no activations`);
  const handles = list.map((a, k) => activationOf(a, label(`activations[${k}]`)));
  const o = checkSliderOptions(options, "explorerFigure") as ExplorerOptions;
  const start = o.start === undefined ? 0 : handles.findIndex((a) => a.name === o.start);
  if (start < 0) {
    throw new RangeError(
      `Invalid option start: "${o.start}" is not one of ${
        handles.map((a) => `"${a.name}"`).join(", ")
      }`,
    );
  }
  return liveFigure(handles, start, o);
}

// A registered activation by name, a declaration like the registry's or a handle, as a
// handle (resolved once: its program compiled, its parameters the sliders' start); one input.
function activationOf(
  activation: string | ActivationSpec | Activation,
  what: string,
): Activation {
  let spec: ActivationSpec;
  if (activation instanceof Activation) spec = activation.spec;
  else if (typeof activation === "string") spec = getActivation(activation);
  else {
    checkObject(activation, what, "an activation name or declaration");
    if (typeof activation.fn !== "function" || !Array.isArray(activation.params)) {
      throw typeError(what, "an activation name or declaration", activation);
    }
    checkString(activation.name, `${what}.name`);
    spec = activation;
  }
  if (spec.inputs !== 1) {
    throw new TypeError(
      `Activation "${spec.name}" takes two inputs: sliders need a one-input activation`,
    );
  }
  return activation instanceof Activation ? activation : resolveActivation(spec);
}

// The live figure of some activations: the still pair of the one shown first, and what
// the page needs for each (program, parameters, samples, windows, kinks).
function liveFigure(
  handles: readonly Activation[],
  start: number,
  options: SliderFigureOptions,
): InteractiveFigure {
  const { samples = 2_000, width, height, strokeWidth } = options;
  const activations = handles.map((a) => liveActivation(a, samples));
  const first = handles[start], live = activations[start];
  const { y, dy, kinks, xs } = sampled(first, live);
  const { x: xw, y: yw, dx: dxw, dy: dyw } = first.spec.view;
  const still = pairFigure({ x: Float64Array.from(xs), y, dy }, {
    label: first.label,
    color: first.spec.view.color,
    x: xw,
    y: yw,
    dx: dxw,
    dy: dyw,
    kinks,
    width,
    height,
    strokeWidth,
    hoverPoints: 0, // the page reads out at the pointer, computed there
  });
  if (still.charts.length !== 2 || still.charts.some((c) => c === null)) {
    throw new Error("sliderFigure(): the pair figure has no linear scales to draw on");
  }
  const names = handles.length > 1 ? "explorer" : first.name.replace(/[^\w-]/g, "_");
  const config: LiveConfig = {
    id: `asf-${names}-${++figureCounter}`,
    activations,
    start,
    scales: still.charts as ChartScales[],
    panels: [
      { chart: 0, output: 0, label: "f(x)", title: "{label}", window: "function", kinks: false },
      {
        chart: 1,
        output: 1,
        label: "f'(x)",
        title: "{label} (Derivative)",
        window: "derivative",
        kinks: true,
      },
    ],
  };
  const title = handles.length > 1 ? "Activation explorer" : first.label;
  const kinkSources = handles.map((a) => a.spec.kinks.toString());
  return new InteractiveFigure(still, config, kinkSources, title);
}

// What the page needs of one activation: its program (compiled once per activation; an
// activation the compiler cannot take has none, and fusedProgram() says which operation
// is missing) and its parameters, starting at the handle's values.
function liveActivation(a: Activation, samples: number): LiveActivation {
  const { spec, params: defaults } = a;
  const program = a.program ?? fusedProgram(spec);
  const { x: xw, y: yw, dx: dxw, dy: dyw } = spec.view;
  // one set of samples over both windows, `samples` of them across the narrower one
  const from = Math.min(xw[0], dxw[0]), to = Math.max(xw[1], dxw[1]);
  const narrow = Math.min(xw[1] - xw[0], dxw[1] - dxw[0]);
  const count = Math.min(MAX_SLIDER_SAMPLES, Math.ceil((samples - 1) * (to - from) / narrow) + 1);
  return {
    name: spec.name,
    label: spec.label,
    color: spec.view.color,
    wasm: base64(program.wasm.bytes),
    outputs: program.outputs,
    params: spec.params.map((p) => ({
      name: p.name,
      label: p.label,
      default: defaults[p.name],
      min: p.min,
      max: p.max,
      step: p.step,
      domain: {
        ...p.domain,
        min: p.domain.min === -Infinity ? null : p.domain.min,
        max: p.domain.max === Infinity ? null : p.domain.max,
      },
    })),
    samples: { from, to, count },
    windows: { x: xw, y: yw, dx: dxw, dy: dyw },
  };
}

// The curves and kinks at the defaults, at the page's samples, by the same program.
function sampled(a: Activation, live: LiveActivation) {
  const { spec } = a;
  const program = a.program ?? fusedProgram(spec);
  const uniforms = live.params.map((p) => p.default);
  const { from, to, count } = live.samples;
  const xs = linearSamples(from, to, count);
  const y = new Float32Array(count), dy = new Float32Array(count);
  program.run([xs], [y, dy], count, uniforms);
  const defaults = Object.fromEntries(live.params.map((p) => [p.name, p.default]));
  const kinks: Kink[] = spec.kinks(defaults).map((k) => {
    const out = [new Float32Array(3), new Float32Array(3)];
    program.run([Float32Array.from(kinkProbe(k))], out, 3, uniforms);
    return { x: k, left: out[1][0], at: out[1][1], right: out[1][2] };
  });
  return { xs, y, dy, kinks };
}

/**
 * Saves an interactive figure as the standalone page `<name>.html` in the figures folder,
 * atomically (the original's `Leaky ReLU.html` and `ELU.html`): `save(figure, name,
 * options).html`, kept for the notebooks that call it (`save()` takes every kind of figure).
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
  return save(figure, name, options).html;
}

// The options both builders take, checked before anything is computed.
function checkSliderOptions(
  options: SliderFigureOptions | undefined,
  fn: string,
): SliderFigureOptions {
  const o = checkOptions(options, argument(fn, "options"));
  if (o.samples !== undefined) checkInteger(o.samples, option("samples"), 100, MAX_SLIDER_SAMPLES);
  checkPixels(o.width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(o.height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(o.strokeWidth, option("strokeWidth"), 0, 50);
  return o;
}
