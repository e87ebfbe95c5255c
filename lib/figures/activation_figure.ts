/**
 * The original's activation figures straight from the registry: {@linkcode activationFigure}
 * composes the declaration (label, colour, view windows, kinks), the autodiff values
 * (`activation()` / `activation2d()`) and the figure builders. One-input functions give
 * the function / derivative pair; two-input ones (Softmax, Maxout) the original's heatmaps.
 *
 * @module
 */
import * as autodiff from "../activations/autodiff.ts";
import {
  type Activation,
  checkActivation,
  toActivation,
} from "../activations/resolve_activation.ts";
import { curvesFigure } from "./curves_figure.ts";
import { kinkMarkers } from "./kink_markers.ts";
import { linspace } from "../grid.ts";
import { heatmapFigure } from "./heatmap_figure.ts";
import { pairFigure } from "./pair_figure.ts";
import type { Figure } from "./figure.ts";
import { row } from "./layout.ts";
import { MAX_PANEL_SIZE, MIN_PANEL_SIZE } from "./figure.ts";
import {
  argument,
  checkInteger,
  checkObject,
  checkOptions,
  checkPixels,
  option,
  typeError,
} from "../guards.ts";

/**
 * Most grid points per axis of a two-input activation's heatmaps (`gridPoints`): 1,000,
 * a million points per heatmap (default 200, the original's grid).
 */
export const MAX_GRID_POINTS_PER_AXIS = 1_000;

/** Options of {@linkcode activationFigure}. */
export interface ActivationFigureOptions {
  /**
   * Parameter values, e.g. `{ alpha: 0.5 }` (default: the registry's defaults; with a
   * handle, its own values).
   */
  readonly params?: Record<string, number>;
  /**
   * Grid points per axis for two-input functions: an integer from 1 to
   * {@linkcode MAX_GRID_POINTS_PER_AXIS}; default 200, the original's grid.
   */
  readonly gridPoints?: number;
  /** Panel width in px, from 100 to 10,000 (`MIN_PANEL_SIZE`, `MAX_PANEL_SIZE`). */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000. */
  readonly height?: number;
  /**
   * One-input functions: add a third panel, "<Label> (Second Derivative)", f'' by autodiff
   * of the gradient over the derivative's x window (default false).
   */
  readonly secondDerivative?: boolean;
}

/**
 * The figure the original draws for an activation. One input: "<Label>" and
 * "<Label> (Derivative)" in the registry's colour and windows, sampled every 0.0025 (or
 * finer) across both windows so the drawn curve is exact at screen resolution, with the
 * kinks marked (one-sided limits as open dots, the library's value as a filled dot).
 * Softmax: its first output and that output's derivatives with respect to x1 and x2;
 * Maxout: the function and its derivative with respect to x1 (the original labels a panel
 * "Derivative of x1" but draws the one with respect to x2; we draw what the title says).
 * With `secondDerivative`, one-input functions get a third panel for f'' (where f' jumps,
 * f'' is drawn as the derivative of each case, without the impulse).
 *
 * @param activation A registry name, e.g. "leaky_relu", or an {@linkcode Activation}
 *   (`resolveActivation()`: a registry entry or an activation declared like one).
 * @param options Parameter values, grid size, panel size.
 * @returns The figure.
 * @throws {Error} If the activation is unknown (the message lists the names).
 * @throws {TypeError} If `activation` is neither a name nor a handle, or an option has the
 *   wrong type.
 * @throws {RangeError} If a parameter is unknown or out of its range, or a size option is
 *   outside the range its documentation gives (checked before anything is computed).
 *
 * @example Leaky ReLU with alpha 0.5
 * ```ts
 * import { resolveActivation } from "../activations/resolve_activation.ts";
 * import { activationFigure } from "./activation_figure.ts";
 * const fig = activationFigure("leaky_relu", { params: { alpha: 0.5 } });
 * console.assert(fig.titles.join() === "Leaky ReLU,Leaky ReLU (Derivative)");
 * const three = activationFigure("gelu", { secondDerivative: true });
 * console.assert(three.titles[2] === "GELU (Second Derivative)");
 * const elu = resolveActivation("elu", { alpha: 2 }); // resolved once, drawn twice
 * const ids = (fig: { body: string }) => fig.body.replace(/plot-clip-\d+/g, "clip");
 * console.assert(ids(activationFigure(elu)) === ids(activationFigure("elu", { params: { alpha: 2 } })));
 * ```
 */
export function activationFigure(
  activation: string | Activation,
  options?: ActivationFigureOptions,
): Figure {
  checkActivation(activation, argument("activationFigure", "activation"));
  options = checkOptions(options, argument("activationFigure", "options"));
  if (options.params !== undefined) checkObject(options.params, option("params"));
  if (options.gridPoints !== undefined) {
    checkInteger(options.gridPoints, option("gridPoints"), 1, MAX_GRID_POINTS_PER_AXIS);
  }
  const { width, height } = options;
  checkPixels(width, option("width"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  checkPixels(height, option("height"), MIN_PANEL_SIZE, MAX_PANEL_SIZE);
  const a = toActivation(activation, options.params);
  const { spec, params: p } = a;
  if (spec.inputs === 2) return twoInputFigure(a, options);
  const v = spec.view;
  const lo = Math.min(v.x[0], v.dx[0]), hi = Math.max(v.x[1], v.dx[1]);
  // a sample on every multiple of the spacing, so hover positions (multiples of 0.05 or
  // 0.1) and kinks on such positions are sampled exactly
  const spacing = 0.0025;
  const kinks = spec.kinks(p).filter((k) => k >= lo && k <= hi);
  const grid = Array.from(linspace(lo, hi, Math.round((hi - lo) / spacing) + 1), Number);
  const x = Float64Array.from(new Set([...grid, ...kinks])).sort();
  const second = options.secondDerivative;
  if (second !== undefined && typeof second !== "boolean") {
    throw typeError(option("secondDerivative"), "a boolean", second);
  }
  const { y, dy } = autodiff.activation(a, x);
  const pair = pairFigure({ x, y, dy }, {
    label: spec.label,
    color: v.color,
    x: v.x,
    y: v.y,
    dx: v.dx,
    dy: v.dy,
    kinks: kinkMarkers(a).filter((k) => k.x >= lo && k.x <= hi),
    width,
    height,
  });
  if (second !== true) return pair;
  const { d2y } = autodiff.secondDerivative(a, x);
  const inside = d2y.filter((_, i) => x[i] >= v.dx[0] && x[i] <= v.dx[1]);
  const third = curvesFigure([{ x, y: d2y, color: v.color, label: spec.label }], {
    title: `${spec.label} (Second Derivative)`,
    x: v.dx,
    y: v.d2y ?? window(inside),
    yLabel: "f''(x)",
    legend: false,
    width,
    height,
  });
  return row(pair, third, {
    description: `${spec.label}: f, f' and f'', x in [${v.x.join(", ")}]`,
  });
}

// a y window for f'': its finite values with 0, padded by a tenth on each side
function window(values: Float32Array): [number, number] {
  let lo = 0, hi = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (hi - lo === 0) return [-1, 1];
  const pad = (hi - lo) / 10;
  return [lo - pad, hi + pad];
}

function twoInputFigure(a: Activation, options: ActivationFigureOptions): Figure {
  const { spec, label } = a;
  const { gridPoints = 200, width, height } = options;
  const axis = {
    x1: linspace(spec.view.x[0], spec.view.x[1], gridPoints),
    x2: linspace(spec.view.y[0], spec.view.y[1], gridPoints),
  };
  const { outputs, jacobian } = autodiff.activation2d(a, axis);
  const size = { width, height };
  const [d1, d2] = jacobian[0];
  const shared = extent([d1.values, d2.values]);
  if (spec.outputs === 2) {
    return row(
      heatmapFigure(outputs[0], { title: `${label} (1st)`, label: "f(x)", ...size }),
      heatmapFigure(d1, {
        title: `${label} (Derivative of x1)`,
        label: "∂f/∂x1",
        domain: shared,
        ...size,
      }),
      heatmapFigure(d2, {
        title: `${label} (Derivative of x2)`,
        label: "∂f/∂x2",
        domain: shared,
        ...size,
      }),
    );
  }
  return row(
    heatmapFigure(outputs[0], { title: label, label: "f(x)", ...size }),
    heatmapFigure(d1, { title: `${label} (Derivative of x1)`, label: "∂f/∂x1", ...size }),
  );
}

function extent(arrays: Float32Array[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) {
    for (const v of a) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}
