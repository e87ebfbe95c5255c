/**
 * What an activation is like, computed from its declaration and its values, never typed by
 * hand: monotonic, smoothness, bounds and range, zero-centred, saturation, and the gain
 * that keeps the second moment of a layer's output at 1 for standard normal inputs (the
 * number an initialization scheme multiplies its weights by), beside PyTorch's
 * `torch.nn.init.calculate_gain` where it has one.
 *
 * How: f, f' and f'' by autodiff on a fine grid over [-30, 30] and at ±∞ (the exact
 * limits), their one-sided values just left and right of where the formula's cases meet
 * (`pieces`, default the kinks), and expectations over z ~ N(0, 1) by Gauss–Legendre
 * quadrature on panels that end at those points.
 *
 * @module
 */
import type { ActivationSpec } from "./activation_spec.ts";
import { ACTIVATIONS, getActivation } from "./activations.ts";
import { activation, secondDerivative } from "./autodiff.ts";
import { resolveParams } from "./resolve_params.ts";
import { type Activation, resolveActivation, toActivation } from "./resolve_activation.ts";
import type { ReadyDisplayable } from "../notebook/display.ts";
import { table } from "../notebook/table.ts";

/** The properties of one activation at given parameters. */
export interface ActivationProperties {
  /** Registry name, e.g. "tanh". */
  readonly name: string;
  /** Display label, e.g. "Hyperbolic Tangent". */
  readonly label: string;
  /** f never decreases, or never increases (jumps included). */
  readonly monotonic: boolean;
  /**
   * "discontinuous" (f jumps), "C⁰" (f' jumps: a kink), "C¹" (f'' jumps) or "C∞" (no jump
   * in f, f' or f'' where the formula's cases meet, and each case is analytic).
   */
  readonly smoothness: "discontinuous" | "C⁰" | "C¹" | "C∞";
  /** inf f > −∞ */
  readonly boundedBelow: boolean;
  /** sup f < ∞ */
  readonly boundedAbove: boolean;
  /** The range of f, e.g. "(0, 1)", "[−0.1700, ∞)": an end is closed when f attains it. */
  readonly range: string;
  /** E[f(z)] for z ~ N(0, 1) (0 when below 1e-7 of sqrt(E[f(z)²]): float32 noise). */
  readonly mean: number;
  /** |E[f(z)]| below 1% of sqrt(E[f(z)²]): outputs centred on 0 for standard normal inputs. */
  readonly zeroCentred: boolean;
  /** f'(x) → 0 as x → −∞. */
  readonly saturatesLeft: boolean;
  /** f'(x) → 0 as x → ∞. */
  readonly saturatesRight: boolean;
  /** 1 / sqrt(E[f(z)²]) for z ~ N(0, 1): see {@linkcode gain}. */
  readonly gain: number;
  /** `torch.nn.init.calculate_gain` for this activation, or null where PyTorch has none. */
  readonly torchGain: number | null;
}

// PyTorch's calculate_gain (torch/nn/init.py), by our names: its constants, not ours.
const TORCH_GAIN: Readonly<Record<string, (p: Record<string, number>) => number>> = {
  identity: () => 1, // "linear"
  sigmoid: () => 1,
  tanh: () => 5 / 3,
  relu: () => Math.SQRT2,
  leaky_relu: (p) => Math.sqrt(2 / (1 + p.alpha ** 2)),
  selu: () => 3 / 4,
};

// 8-point Gauss–Legendre nodes and weights on [-1, 1]
const GL_X = [
  -0.9602898564975363,
  -0.7966664774136267,
  -0.525532409916329,
  -0.1834346424956498,
  0.1834346424956498,
  0.525532409916329,
  0.7966664774136267,
  0.9602898564975363,
];
const GL_W = [
  0.1012285362903763,
  0.2223810344533745,
  0.3137066458778873,
  0.362683783378362,
  0.362683783378362,
  0.3137066458778873,
  0.2223810344533745,
  0.1012285362903763,
];

/**
 * E[f(z)] and E[f(z)²] for z ~ N(0, 1): 8-point Gauss–Legendre on panels of width at most
 * 1/16 over [-12, 12] (beyond, the normal density is below 1e-31), ending at the pieces.
 */
function moments(spec: ActivationSpec, p: Record<string, number>): [number, number] {
  const cuts = breaks(spec, p).filter((k) => k > -12 && k < 12);
  const ends = [-12, ...cuts, 12];
  const z: number[] = [], w: number[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const n = Math.max(1, Math.ceil((ends[i + 1] - ends[i]) * 16));
    const h = (ends[i + 1] - ends[i]) / n;
    for (let k = 0; k < n; k++) {
      const mid = ends[i] + (k + 0.5) * h;
      GL_X.forEach((t, j) => {
        const x = mid + t * h / 2;
        z.push(x);
        w.push(GL_W[j] * h / 2 * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI));
      });
    }
  }
  const { y } = activation(resolveActivation(spec, p), z);
  let m1 = 0, m2 = 0;
  y.forEach((v, i) => {
    m1 += w[i] * v;
    m2 += w[i] * v * v;
  });
  return [m1, m2];
}

function breaks(spec: ActivationSpec, p: Record<string, number>): number[] {
  const at = [...spec.kinks(p), ...(spec.pieces?.(p) ?? [])];
  return [...new Set(at)].sort((a, b) => a - b);
}

/**
 * The gain of an activation: 1 / sqrt(E[f(z)²]) for z ~ N(0, 1), the factor by which
 * weights drawn with variance 1/fan_in must be scaled so that a layer's pre-activations
 * keep a second moment of 1 through f (He et al. 2015 for ReLU: √2). By quadrature of the
 * library's own values (see the module doc); within 1e-6 relative.
 *
 * @param activation A one-input activation: a registry name, e.g. "relu", or an
 *   {@linkcode Activation}.
 * @param params Parameter values (default: the registry's; with a handle, values that
 *   override its own).
 * @returns The gain.
 * @throws {Error} If the activation is unknown (the message lists the names).
 * @throws {TypeError} If it takes two inputs, or a parameter is not a number.
 * @throws {RangeError} If a parameter is unknown or outside its domain.
 *
 * @example ReLU: √2, as in PyTorch's calculate_gain("relu")
 * ```ts
 * import assert from "node:assert/strict";
 * import { gain } from "./properties.ts";
 * assert.ok(Math.abs(gain("relu") - Math.SQRT2) < 1e-6);
 * assert.ok(Math.abs(gain("selu") - 1) < 1e-6); // self-normalizing
 * ```
 */
export function gain(
  activation: string | Activation,
  params?: Readonly<Record<string, number>>,
): number {
  const a = toActivation(activation, params);
  oneInput(a.spec);
  return 1 / Math.sqrt(moments(a.spec, a.params)[1]);
}

/**
 * The properties of an activation at given parameters, computed from the registry (see the
 * module doc for how).
 *
 * @param name A one-input activation, e.g. "elu".
 * @param params Parameter values (default: the registry's).
 * @returns The {@linkcode ActivationProperties}.
 * @throws {Error} If the activation is unknown (the message lists the names).
 * @throws {TypeError} If it takes two inputs, or a parameter is not a number.
 * @throws {RangeError} If a parameter is unknown or outside its domain.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activationProperties } from "./properties.ts";
 * const tanh = activationProperties("tanh");
 * assert.equal(tanh.range, "(−1, 1)");
 * assert.ok(tanh.monotonic && tanh.zeroCentred && tanh.saturatesLeft);
 * assert.equal(activationProperties("relu").smoothness, "C⁰");
 * assert.equal(activationProperties("elu").smoothness, "C¹"); // f'' jumps at 0
 * ```
 */
export function activationProperties(
  name: string,
  params: Record<string, number> = {},
): ActivationProperties {
  const spec = oneInput(name);
  const p = resolveParams(spec, params);
  // the grid, the pieces with their neighbours, and ±∞
  const cuts = breaks(spec, p);
  const grid = Array.from({ length: 60001 }, (_, i) => -30 + i / 1000);
  const around = cuts.flatMap((k) => {
    const h = Math.max(Math.abs(k), 1) * 2 ** -20;
    return [k - h, k, k + h];
  });
  const x = [...grid, ...around].sort((a, b) => a - b);
  const { y, dy } = activation(name, x, p);
  const ends = activation(name, [-Infinity, Infinity], p);
  const side = secondDerivative(name, around, p);

  // smoothness and jumps, from the one-sided values at each piece
  let smoothness: ActivationProperties["smoothness"] = "C∞";
  let jumpsUp = true, jumpsDown = true;
  const rank = { "C∞": 3, "C¹": 2, "C⁰": 1, "discontinuous": 0 } as const;
  const worse = (s: ActivationProperties["smoothness"]) => {
    if (rank[s] < rank[smoothness]) smoothness = s;
  };
  const differ = (a: number, b: number, tol: number) =>
    Math.abs(a - b) > tol * (1 + Math.abs(a) + Math.abs(b));
  for (let k = 0; k < cuts.length; k++) {
    const l = 3 * k, r = 3 * k + 2;
    if (differ(side.y[l], side.y[r], 1e-4)) worse("discontinuous");
    else if (differ(side.dy[l], side.dy[r], 1e-3)) worse("C⁰");
    else if (differ(side.d2y[l], side.d2y[r], 1e-2)) worse("C¹");
    if (side.y[r] < side.y[l]) jumpsUp = false;
    if (side.y[r] > side.y[l]) jumpsDown = false;
  }
  let maxSlope = 0;
  for (const v of dy) maxSlope = Math.max(maxSlope, Math.abs(v));
  const tol = 1e-6 * maxSlope;
  const monotonic = (jumpsUp && dy.every((v) => v >= -tol)) ||
    (jumpsDown && dy.every((v) => v <= tol));

  // range: an end is attained inside the grid (an interior extremum, or a flat piece), or
  // only approached as x → ±∞
  let lo = Infinity, hi = -Infinity;
  for (const v of y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const [left, right] = ends.y;
  const attained = (v: number, limitWins: (limit: number) => boolean) => {
    if ([left, right].some(limitWins)) return false; // the limit lies beyond every value
    if (![left, right].includes(v)) return true; // an interior extremum
    return y.some((w, i) => w === v && dy[i] === 0); // reached on a flat piece
  };
  const inf = Math.min(lo, left, right), sup = Math.max(hi, left, right);
  const lowClosed = Number.isFinite(inf) && attained(lo, (l) => l < lo);
  const highClosed = Number.isFinite(sup) && attained(hi, (r) => r > hi);
  const range = `${lowClosed ? "[" : "("}${number(inf)}, ${number(sup)}${highClosed ? "]" : ")"}`;

  const [raw, second] = moments(spec, p);
  const mean = Math.abs(raw) < 1e-7 * Math.sqrt(second) ? 0 : raw;
  const torch = TORCH_GAIN[name];
  return {
    name,
    label: spec.label,
    monotonic,
    smoothness,
    boundedBelow: Number.isFinite(inf),
    boundedAbove: Number.isFinite(sup),
    range,
    mean,
    zeroCentred: Math.abs(mean) < 0.01 * Math.sqrt(second),
    saturatesLeft: ends.dy[0] === 0,
    saturatesRight: ends.dy[1] === 0,
    gain: 1 / Math.sqrt(second),
    torchGain: torch === undefined ? null : torch(p),
  };
}

/**
 * The properties of several activations as a table (yes / no, the range, E[f(z)], our
 * gain and PyTorch's): what `activationProperties()` computes, one row each.
 *
 * @param names One-input activations, in order (default: all of them, at their defaults).
 * @returns A displayable table (HTML, Markdown and plain text).
 * @throws {Error} If a name is unknown.
 * @throws {TypeError} If a name is a two-input activation.
 *
 * @example
 * ```ts
 * import { propertiesTable } from "./properties.ts";
 * console.assert(String(propertiesTable(["relu", "tanh"])).includes("1.414"));
 * ```
 */
export function propertiesTable(
  names: readonly string[] = ACTIVATIONS.filter((a) => a.inputs === 1).map((a) => a.name),
): ReadyDisplayable & { toString(): string } {
  const yes = (b: boolean) => (b ? "yes" : "no");
  const rows = names.map((name) => {
    const q = activationProperties(name);
    return {
      label: q.label,
      monotonic: yes(q.monotonic),
      smoothness: q.smoothness,
      below: yes(q.boundedBelow),
      above: yes(q.boundedAbove),
      range: q.range,
      zeroCentred: yes(q.zeroCentred),
      left: yes(q.saturatesLeft),
      right: yes(q.saturatesRight),
      mean: q.mean,
      gain: q.gain,
      torch: q.torchGain,
    };
  });
  return table(rows, {
    columns: [
      ["label", "Activation"],
      ["monotonic", "monotonic"],
      ["smoothness", "smoothness"],
      ["below", "bounded below"],
      ["above", "bounded above"],
      ["range", "range"],
      ["zeroCentred", "zero-centred"],
      ["left", "saturates left"],
      ["right", "saturates right"],
      ["mean", "E[f(z)]"],
      ["gain", "gain 1/√E[f(z)²]"],
      ["torch", "PyTorch gain"],
    ],
    digits: 4,
  });
}

function oneInput(activation: string | ActivationSpec): ActivationSpec {
  const spec = typeof activation === "string" ? getActivation(activation) : activation;
  if (spec.inputs !== 1) {
    throw new TypeError(
      `Activation "${spec.name}" takes two inputs: properties are for one-input ones`,
    );
  }
  return spec;
}

// an end of a range: ∞, −∞, or 4 significant digits with a true minus sign
function number(v: number): string {
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  return String(+v.toPrecision(4)).replace("-", "−");
}
