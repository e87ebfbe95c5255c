/**
 * What a live activation page receives and offers: its configuration (the activations'
 * programs, parameters, samples and windows, the still's scales, the panels), the handle
 * scripts and tests use (`root.liveFigure`), and the small pure functions both sides run:
 * the sample positions and the parameters' domains. Self-contained functions: the page
 * ships their source (`live_runtime.ts`'s `liveScript`).
 *
 * @module
 */
import type { ChartScales } from "../figures/figure.ts";
import type { ParamSpec } from "../activations/activation_spec.ts";

/**
 * A parameter as the page offers it: its slider (name, label, default, range and step,
 * as the registry declares them; any value in the range is allowed, the step is for the
 * arrow keys and the shown precision) and the domain its number box accepts.
 */
export interface LiveParam extends ParamSpec {
  /**
   * The domain: ends are numbers, other parameters' names, or `null` for none (JSON has
   * no Infinity); open ends are excluded.
   */
  readonly domain: {
    readonly min: number | string | null;
    readonly max: number | string | null;
    readonly minOpen?: boolean;
    readonly maxOpen?: boolean;
  };
}

/** One activation of a live figure: its program, parameters, samples and windows. */
export interface LiveActivation {
  /** Registry name. */
  readonly name: string;
  /** Label, used in the panel titles. */
  readonly label: string;
  /** Curve colour. */
  readonly color: string;
  /** The compiled program: a WebAssembly module (base64), one input, `outputs` outputs. */
  readonly wasm: string;
  /** Number of program outputs. */
  readonly outputs: number;
  /** The parameters, in the program's uniform order. */
  readonly params: readonly LiveParam[];
  /** Sample positions: `count` points from `from` to `to` (both panels' windows). */
  readonly samples: { readonly from: number; readonly to: number; readonly count: number };
  /** View windows: x and y of the function panel, dx and dy of the derivative panel. */
  readonly windows: {
    readonly x: readonly [number, number];
    readonly y: readonly [number, number];
    readonly dx: readonly [number, number];
    readonly dy: readonly [number, number];
  };
}

/** One panel: which output it draws on which chart, in which window. */
export interface LivePanel {
  /** Index of the chart (`<svg data-chart>`, in document order) and of its scales. */
  readonly chart: number;
  /** The program output drawn: 0 f, 1 f'. */
  readonly output: number;
  /** Name of the value in read-outs, e.g. "f(x)". */
  readonly label: string;
  /** Its title, with `{label}` for the activation's label. */
  readonly title: string;
  /** Which of the activation's windows it shows. */
  readonly window: "function" | "derivative";
  /** Whether the panel marks the kinks (and breaks its line there). */
  readonly kinks: boolean;
}

/** Everything the page needs, as JSON in the page. */
export interface LiveConfig {
  /** The figure's element id. */
  readonly id: string;
  /** The activations the figure offers (one for a slider figure). */
  readonly activations: readonly LiveActivation[];
  /** The one shown first (the still picture's). */
  readonly start: number;
  /** The still's charts' scales, in document order of `<svg data-chart>`. */
  readonly scales: readonly ChartScales[];
  /** The panels. */
  readonly panels: readonly LivePanel[];
}

/** What a live figure offers to scripts (and tests): `root.liveFigure`. */
export interface LiveHandle {
  /** The activation shown. */
  readonly activation: () => string;
  /** Shows another of the figure's activations (by name); resolves when drawn. */
  readonly select: (name: string) => Promise<boolean>;
  /** Current parameter values. */
  readonly values: () => Record<string, number>;
  /** Sets parameters (any subset) and redraws; out-of-domain values are refused. */
  readonly set: (values: Record<string, number>) => boolean;
  /** The program's outputs at `x` for the current (or given) parameters. */
  readonly evaluate: (x: readonly number[], values?: Record<string, number>) => Float32Array[];
  /** Milliseconds the last redraw took. */
  readonly lastRedraw: () => number;
}

/**
 * `count` evenly spaced positions from `from` to `to`, in float32: where a live figure
 * samples its curves, in the kernel and in the page alike. Self-contained: pages ship its
 * source.
 *
 * @param from The first position.
 * @param to The last position.
 * @param count How many (at least 2).
 * @returns The positions.
 *
 * @example
 * ```ts
 * import { linearSamples } from "./live_config.ts";
 * console.assert(linearSamples(-1, 1, 5).join() === "-1,-0.5,0,0.5,1");
 * ```
 */
export function linearSamples(from: number, to: number, count: number): Float32Array {
  const xs = new Float32Array(count);
  for (let i = 0; i < count; i++) xs[i] = from + (to - from) * i / (count - 1);
  return xs;
}

/**
 * Whether `v` is in parameter `q`'s domain, given the other parameters' values `p`
 * (an end may be another parameter, as Hard Tanh's min_val < max_val). Self-contained:
 * pages ship its source.
 *
 * @param q The parameter.
 * @param v The value.
 * @param p Every parameter's value.
 * @returns Whether the value is allowed (finite and within the domain's ends).
 *
 * @example
 * ```ts
 * import { inDomain } from "./live_config.ts";
 * const alpha = { name: "alpha", label: "Alpha", default: 1, min: 0, max: 2, step: 0.01,
 *   domain: { min: 0, max: null } };
 * console.assert(inDomain(alpha, 5, {}) && !inDomain(alpha, -1, {}) && !inDomain(alpha, NaN, {}));
 * ```
 */
export function inDomain(q: LiveParam, v: number, p: Record<string, number>): boolean {
  // an end: a number, another parameter's value, or none
  const bound = (end: number | string | null, none: number) =>
    end === null ? none : typeof end === "number" ? end : p[end];
  const lo = bound(q.domain.min, -Infinity), hi = bound(q.domain.max, Infinity);
  return Number.isFinite(v) && (q.domain.minOpen ? v > lo : v >= lo) &&
    (q.domain.maxOpen ? v < hi : v <= hi);
}

/**
 * Parameter `q`'s domain in interval notation, an end that is another parameter shown
 * with its value, for the page's messages.
 *
 * @param q The parameter.
 * @param p Every parameter's value.
 * @returns E.g. "[0, ∞)" or "(−∞, max_val = 1)".
 *
 * @example
 * ```ts
 * import { domainText } from "./live_config.ts";
 * const lo = { name: "min_val", label: "Min", default: -1, min: -3, max: 0, step: 0.1,
 *   domain: { min: null, max: "max_val", maxOpen: true } };
 * console.assert(domainText(lo, { max_val: 1 }) === "(−∞, max_val = 1)");
 * ```
 */
export function domainText(q: LiveParam, p: Record<string, number>): string {
  const end = (e: number | string | null, none: string) =>
    e === null ? none : typeof e === "string" ? `${e} = ${p[e]}` : String(e);
  const open = q.domain.minOpen || q.domain.min === null;
  const close = q.domain.maxOpen || q.domain.max === null;
  return `${open ? "(" : "["}${end(q.domain.min, "−∞")}, ${end(q.domain.max, "∞")}${
    close ? ")" : "]"
  }`;
}
