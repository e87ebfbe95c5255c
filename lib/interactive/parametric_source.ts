/**
 * What an interactive function / derivative pair is drawn from: labels, view windows,
 * parameters, and the callbacks that give the curves and kinks for one parameter record.
 *
 * @module
 */
import type { ParamSpec } from "../activations/activation_spec.ts";
import type { Kink } from "../figures/curves_figure.ts";
import type { Interval } from "../figures/interval.ts";

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
 * wrapper `sliderFigure()` fills it from the activation registry and `activation()`.
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
