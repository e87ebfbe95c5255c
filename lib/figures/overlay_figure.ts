/**
 * Several activations overlaid: functions in one panel, derivatives in the other, each in
 * its registry colour.
 *
 * @module
 */
import { activation } from "../activations/autodiff.ts";
import { Activation, checkActivation, toActivation } from "../activations/resolve_activation.ts";
import { linspace } from "../grid.ts";
import { curvesFigure } from "./curves_figure.ts";
import type { Interval } from "./interval.ts";
import { Figure } from "./figure.ts";
import { column, row } from "./layout.ts";
import { serializeSvg } from "./dom.ts";
import { swatches } from "./swatches.ts";
import { checkWindow } from "./interval.ts";
import { argument, checkArrayLike, checkObject, checkOptions, option } from "../guards.ts";

/** Spacing of the samples of each curve, in x units. */
const SPACING = 0.005;

/**
 * Most samples per curve: 1,000,000, an x window up to 5,000 wide at the 0.005 spacing
 * (the default window [-4, 4] has 1,601).
 */
export const MAX_OVERLAY_SAMPLES = 1_000_000;

/** Options of {@linkcode overlayFigure}. */
export interface OverlayOptions {
  /** Title prefix: panels "<title>" and "<title> (Derivatives)" (default "Activations"). */
  readonly title?: string;
  /**
   * x window of both panels (default [-4, 4]), sampled every 0.005: at most 5,000 wide
   * ({@linkcode MAX_OVERLAY_SAMPLES} samples).
   */
  readonly x?: Interval;
  /** y window of the function panel (default [-1.5, 3]). */
  readonly y?: Interval;
  /** y window of the derivative panel (default [-0.25, 1.25]). */
  readonly dy?: Interval;
  /**
   * Parameter values per activation name, e.g. `{ elu: { alpha: 0.5 } }` (for a handle:
   * values that override its own).
   */
  readonly params?: Readonly<Record<string, Record<string, number>>>;
  /** Colours overriding the registry's, in the order of `names`. */
  readonly colors?: readonly string[];
}

/**
 * Overlays one-input activations and their derivatives for comparison: the functions in
 * one panel, the derivatives beside them, and one legend under both. A curve that would
 * hide an earlier one (within its stroke width everywhere in a panel, as GELU's tanh
 * approximation does GELU) is drawn dashed over it, in both panels and in the legend.
 *
 * @param names Activations to draw: registry names, e.g. `["relu", "gelu", "silu"]`, or
 *   {@linkcode Activation}s (`resolveActivation()`), or both.
 * @param options Title, windows, parameters and colours.
 * @returns Two panels side by side, with their legend below.
 * @throws {Error} If a name is unknown (the message lists the names).
 * @throws {TypeError} If `names` is not a non-empty array of names and handles or holds a
 *   two-input activation, or an option has the wrong type.
 * @throws {RangeError} If a window is not an increasing pair of finite numbers, or the x
 *   window needs more than {@linkcode MAX_OVERLAY_SAMPLES} samples.
 *
 * @example
 * ```ts
 * import { overlayFigure } from "./overlay_figure.ts";
 * const fig = overlayFigure(["gelu", "gelu_tanh"], { title: "GELU" });
 * console.assert(fig.titles.join() === "GELU,GELU (Derivatives)");
 * ```
 */
export function overlayFigure(
  names: readonly (string | Activation)[],
  options?: OverlayOptions,
): Figure {
  options = checkOptions(options, argument("overlayFigure", "options"));
  const { title = "Activations", x: xw = [-4, 4], y = [-1.5, 3], dy = [-0.25, 1.25] } = options;
  checkArrayLike(names, argument("overlayFigure", "names"), "an array of activation names");
  if (names.length === 0) {
    throw new TypeError("overlayFigure() expects at least one activation name");
  }
  names.forEach((name, k) => checkActivation(name, argument("overlayFigure", `names[${k}]`)));
  if (options.params !== undefined) checkObject(options.params, option("params"));
  if (options.colors !== undefined) {
    checkArrayLike(options.colors, option("colors"), "an array of colours");
  }
  checkWindow(xw, "x");
  const samples = Math.round((xw[1] - xw[0]) / SPACING) + 1;
  if (samples > MAX_OVERLAY_SAMPLES) {
    throw new RangeError(
      `${
        option("x")
      }: [${xw}] needs ${samples} samples at spacing ${SPACING}, above the maximum ${MAX_OVERLAY_SAMPLES}`,
    );
  }
  const x = linspace(xw[0], xw[1], samples);
  const curves = names.map((name, i) => {
    const a = toActivation(name, options.params?.[name instanceof Activation ? name.name : name]);
    if (a.spec.inputs !== 1) {
      throw new TypeError(`Cannot overlay "${a.name}": it takes ${a.spec.inputs} inputs`);
    }
    const values = activation(a, x);
    const color = options.colors?.[i] ?? a.spec.view.color;
    return { label: a.label, color, values };
  });
  // A curve that lies within its own stroke width of an earlier one all across a panel
  // (GELU and its tanh approximation) would hide it: it is drawn dashed, so the earlier
  // one shows through the gaps, in both panels and in the legend.
  const windows = { y, dy };
  const dashed = curves.map((c, i) =>
    (["y", "dy"] as const).some((key) =>
      curves.slice(0, i).some((earlier) =>
        hides(x, c.values[key], earlier.values[key], windows[key], PANEL_FRAME_HEIGHT)
      )
    )
  );
  const panel = (key: "y" | "dy", window: Interval, suffix: string, yLabel: string) =>
    curvesFigure(
      curves.map((c, i) => ({
        x,
        y: c.values[key],
        color: c.color,
        label: c.label,
        dash: dashed[i] ? DASH : undefined,
      })),
      { title: `${title}${suffix}`, x: xw, y: window, yLabel, legend: false, strokeWidth: 3 },
    );
  const panels = row(panel("y", y, "", "f(x)"), panel("dy", dy, " (Derivatives)", "f'(x)"));
  // one legend for both panels, under them, so long labels never widen the figure
  const key = swatches(
    curves.map((c, i) => ({ label: c.label, color: c.color, dash: dashed[i] ? DASH : undefined })),
    { maxWidth: panels.width, indent: LEGEND_INDENT },
  );
  return column(panels, legendFigure(key), {
    gap: 0,
    description: `${panels.description}; legend: ${
      curves.map((c, i) => dashed[i] ? `${c.label} (dashed)` : c.label).join(", ")
    }`,
  });
}

// The dash pattern of a curve drawn over one it would hide.
const DASH = "7 5";
// The legend starts under the panels' frames (curvesFigure's left margin).
const LEGEND_INDENT = 62;
// The height of curvesFigure's frame at its default height (360 - 14 - 50 px).
const PANEL_FRAME_HEIGHT = 296;

// Whether curve `a` stays within 3 px (its stroke width) of curve `b` at every sample,
// both clamped to the panel's y window of `height` px.
function hides(
  x: Float32Array,
  a: Float32Array,
  b: Float32Array,
  [lo, hi]: Interval,
  height: number,
): boolean {
  const px = height / (hi - lo);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  for (let i = 0; i < x.length; i++) {
    if (!(Math.abs(clamp(a[i]) - clamp(b[i])) * px < 3)) return false;
  }
  return true;
}

function legendFigure(key: Element): Figure {
  const width = Number(key.getAttribute("width")), height = Number(key.getAttribute("height"));
  return new Figure(serializeSvg(key), width, height, { description: "legend" });
}
