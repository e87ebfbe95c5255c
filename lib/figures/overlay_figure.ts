/**
 * Several activations overlaid: functions in one panel, derivatives in the other, each in
 * its registry colour.
 *
 * @module
 */
import { getActivation } from "../activations/activations.ts";
import { activation } from "../activations/autodiff.ts";
import { linspace } from "../grid.ts";
import { curvesFigure } from "./curves_figure.ts";
import type { Interval } from "./interval.ts";
import type { Figure } from "./figure.ts";
import { row } from "./layout.ts";

/** Options of {@linkcode overlayFigure}. */
export interface OverlayOptions {
  /** Title prefix: panels "<title>" and "<title> (Derivatives)" (default "Activations"). */
  readonly title?: string;
  /** x window of both panels (default [-4, 4]). */
  readonly x?: Interval;
  /** y window of the function panel (default [-1.5, 3]). */
  readonly y?: Interval;
  /** y window of the derivative panel (default [-0.25, 1.25]). */
  readonly dy?: Interval;
  /** Parameter values per activation, e.g. `{ elu: { alpha: 0.5 } }`. */
  readonly params?: Readonly<Record<string, Record<string, number>>>;
  /** Colours overriding the registry's, in the order of `names`. */
  readonly colors?: readonly string[];
}

/**
 * Overlays one-input activations and their derivatives for comparison.
 *
 * @param names Activations to draw, e.g. `["relu", "gelu", "silu"]`.
 * @param options Title, windows, parameters and colours.
 * @returns Two panels side by side.
 * @throws {Error} If a name is unknown (the message lists the names).
 * @throws {TypeError} If `names` is empty or names a two-input activation.
 *
 * @example
 * ```ts
 * import { overlayFigure } from "./overlay_figure.ts";
 * const fig = overlayFigure(["gelu", "gelu_tanh"], { title: "GELU" });
 * console.assert(fig.titles.join() === "GELU,GELU (Derivatives)");
 * ```
 */
export function overlayFigure(names: readonly string[], options: OverlayOptions = {}): Figure {
  const { title = "Activations", x: xw = [-4, 4], y = [-1.5, 3], dy = [-0.25, 1.25] } = options;
  if (!Array.isArray(names) || names.length === 0) {
    throw new TypeError("overlayFigure() expects at least one activation name");
  }
  const x = linspace(xw[0], xw[1], Math.round((xw[1] - xw[0]) / 0.005) + 1);
  const curves = names.map((name, i) => {
    const spec = getActivation(name);
    if (spec.inputs !== 1) {
      throw new TypeError(`Cannot overlay "${name}": it takes ${spec.inputs} inputs`);
    }
    const values = activation(name, x, options.params?.[name] ?? {});
    const color = options.colors?.[i] ?? spec.view.color;
    return { label: spec.label, color, values };
  });
  const panel = (key: "y" | "dy", window: Interval, suffix: string, yLabel: string) =>
    curvesFigure(
      curves.map((c) => ({ x, y: c.values[key], color: c.color, label: c.label })),
      { title: `${title}${suffix}`, x: xw, y: window, yLabel, legend: true, strokeWidth: 3 },
    );
  return row(panel("y", y, "", "f(x)"), panel("dy", dy, " (Derivatives)", "f'(x)"));
}
