// Float64 closed forms of every one-input activation: f, f', f'' and the limits at ±∞,
// written independently of activations.ts (the only place the library's formulas are
// written out again, for the tests). Imported by the accuracy tests; its own test checks
// the closed forms against each other by central differences.
import assert from "node:assert/strict";
import { ACTIVATIONS, getActivation } from "./activations.ts";
import { centralDifference, dense } from "../../tests/_helpers/numeric.ts";

type F = (x: number) => number;

/** One activation's closed forms. */
export interface Ref {
  f: F;
  df: F;
  d2f: F;
  /** [f(−∞), f(∞), f'(−∞), f'(∞)] */
  limits: [number, number, number, number];
}

export const sig: F = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
export const dsig: F = (x) => sig(x) * sig(-x);
// σ'' = σ'(1 − 2σ) = −σ' tanh(x/2)
const d2sig: F = (x) => -dsig(x) * Math.tanh(x / 2);
const softplus: F = (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
// sech²(x) = 4 e^{-2|x|} / (1 + e^{-2|x|})², exact where tanh(x) rounds to ±1
const sech2: F = (x) => {
  const e = Math.exp(-2 * Math.abs(x));
  return 4 * e / ((1 + e) * (1 + e));
};
// erfc by its Taylor series (small z) or continued fraction (large z), float64
function erfc(z: number): number {
  if (z < 0) return 2 - erfc(-z);
  if (z < 2.5) {
    let sum = 0, term = z;
    for (let n = 0; n < 200 && Math.abs(term) > 1e-19; n++) {
      sum += term / (2 * n + 1);
      term *= -z * z / (n + 1);
    }
    return 1 - 2 / Math.sqrt(Math.PI) * sum;
  }
  let frac = 0;
  for (let k = 300; k >= 1; k--) frac = (k / 2) / (z + frac);
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + frac);
}
const Phi: F = (x) => 0.5 * erfc(-x / Math.SQRT2);
const phi: F = (x) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
const SELU_A = 1.6732632423543772, SELU_S = 1.0507009873554805;
const C = Math.sqrt(2 / Math.PI), K = 0.044715;
const I = Infinity;
const zero: F = () => 0;
const linearLimits = (a: number): [number, number, number, number] => [
  a > 0 ? -I : a < 0 ? I : 0,
  I,
  a,
  1,
];
// x ≤ 0: slope a; x > 0: 1
function leaky(a: number): Ref {
  return {
    f: (x) => (x > 0 ? x : a * x),
    df: (x) => (x > 0 ? 1 : a),
    d2f: zero,
    limits: linearLimits(a),
  };
}
// tanhshrink: x − tanh x by its series near 0, where the difference cancels
const tanhshrink: F = (x) => {
  if (Math.abs(x) > 0.1) return x - Math.tanh(x);
  const s = x * x; // x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835
  return x * s * (1 / 3 - s * (2 / 15 - s * (17 / 315 - s * 62 / 2835)));
};

/**
 * The closed forms for the parameter record `p` (every parameter of every activation).
 *
 * @param p parameter values
 * @returns one entry per one-input activation
 */
export function refs(p: Record<string, number>): Record<string, Ref> {
  const a = p.alpha ?? NaN, beta = p.beta ?? NaN, lambd = p.lambd ?? NaN, b = p.b ?? NaN;
  const twoU: F = (x) => 2 * C * (x + K * x * x * x);
  const hs: F = (x) => (x <= -3 ? 0 : x > 3 ? 1 : (x + 3) / 6);
  const sp: F = (x) => softplus(x);
  const s: F = (x) => Math.hypot(x, Math.sqrt(b));
  const mid = ((p.lower ?? NaN) + (p.upper ?? NaN)) / 2;
  const lo = p.min_val ?? NaN, hi = p.max_val ?? NaN;
  const t = p.threshold ?? NaN, v = p.value ?? NaN;
  const bellLimits: [number, number, number, number] = [0, I, 0, 1];
  return {
    identity: { f: (x) => x, df: () => 1, d2f: zero, limits: [-I, I, 1, 1] },
    sigmoid: { f: sig, df: dsig, d2f: d2sig, limits: [0, 1, 0, 0] },
    tanh: {
      f: Math.tanh,
      df: sech2,
      d2f: (x) => -2 * Math.tanh(x) * sech2(x),
      limits: [-1, 1, 0, 0],
    },
    relu: { ...leaky(0), limits: [0, I, 0, 1] },
    leaky_relu: leaky(a),
    prelu: leaky(a),
    rrelu: leaky(mid),
    elu: {
      f: (x) => (x > 0 ? x : a * Math.expm1(x)),
      df: (x) => (x > 0 ? 1 : a * Math.exp(x)),
      d2f: (x) => (x > 0 ? 0 : a * Math.exp(x)),
      limits: [-a, I, 0, 1],
    },
    gelu: {
      f: (x) => x * Phi(x),
      df: (x) => Phi(x) + x * phi(x),
      d2f: (x) => phi(x) * (2 - x * x),
      limits: bellLimits,
    },
    gelu_tanh: {
      f: (x) => x * sig(twoU(x)),
      df: (x) => sig(twoU(x)) + x * dsig(twoU(x)) * 2 * C * (1 + 3 * K * x * x),
      d2f: (x) => {
        const u = twoU(x), du = 2 * C * (1 + 3 * K * x * x), d2u = 2 * C * 6 * K * x;
        return 2 * dsig(u) * du + x * (d2sig(u) * du * du + dsig(u) * d2u);
      },
      limits: bellLimits,
    },
    silu: {
      f: (x) => x * sig(x),
      df: (x) => sig(x) * (1 + x * sig(-x)),
      d2f: (x) => 2 * dsig(x) + x * d2sig(x),
      limits: bellLimits,
    },
    swish: {
      f: (x) => x * sig(beta * x),
      df: (x) => sig(beta * x) + beta * x * dsig(beta * x),
      d2f: (x) => 2 * beta * dsig(beta * x) + beta * beta * x * d2sig(beta * x),
      limits: beta === 0 ? [-I, I, 0.5, 0.5] : bellLimits,
    },
    softplus: {
      f: (x) => softplus(beta * x) / beta,
      df: (x) => sig(beta * x),
      d2f: (x) => beta * dsig(beta * x),
      limits: bellLimits,
    },
    selu: {
      f: (x) => SELU_S * (x > 0 ? x : SELU_A * Math.expm1(x)),
      df: (x) => SELU_S * (x > 0 ? 1 : SELU_A * Math.exp(x)),
      d2f: (x) => (x > 0 ? 0 : SELU_S * SELU_A * Math.exp(x)),
      limits: [-SELU_S * SELU_A, I, 0, SELU_S],
    },
    mish: {
      f: (x) => x * Math.tanh(sp(x)),
      df: (x) => Math.tanh(sp(x)) + x * sig(x) * sech2(sp(x)),
      d2f: (x) => {
        const th = Math.tanh(sp(x)), s2 = sech2(sp(x));
        const dt = s2 * sig(x), d2t = -2 * th * s2 * sig(x) * sig(x) + s2 * dsig(x);
        return 2 * dt + x * d2t;
      },
      limits: bellLimits,
    },
    softsign: {
      f: (x) => x / (1 + Math.abs(x)),
      df: (x) => 1 / (1 + Math.abs(x)) ** 2,
      d2f: (x) => (x <= 0 ? 2 / (1 - x) ** 3 : -2 / (1 + x) ** 3),
      limits: [-1, 1, 0, 0],
    },
    hard_sigmoid: {
      f: hs,
      df: (x) => (x > -3 && x <= 3 ? 1 / 6 : 0),
      d2f: zero,
      limits: [0, 1, 0, 0],
    },
    hard_silu: {
      f: (x) => x * hs(x),
      df: (x) => (x <= -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6),
      d2f: (x) => (x > -3 && x <= 3 ? 1 / 3 : 0),
      limits: bellLimits,
    },
    relu6: {
      f: (x) => Math.min(Math.max(x, 0), 6),
      df: (x) => (x > 0 && x <= 6 ? 1 : 0),
      d2f: zero,
      limits: [0, 6, 0, 0],
    },
    celu: {
      f: (x) => (x > 0 ? x : a * Math.expm1(x / a)),
      df: (x) => (x > 0 ? 1 : Math.exp(x / a)),
      d2f: (x) => (x > 0 ? 0 : Math.exp(x / a) / a),
      limits: [-a, I, 0, 1],
    },
    log_sigmoid: {
      f: (x) => -softplus(-x),
      df: (x) => sig(-x),
      d2f: (x) => -dsig(x),
      limits: [-I, 0, 1, 0],
    },
    hard_tanh: {
      f: (x) => Math.min(Math.max(x, lo), hi),
      df: (x) => (x > lo && x <= hi ? 1 : 0),
      d2f: zero,
      limits: [lo, hi, 0, 0],
    },
    hardshrink: {
      f: (x) => (Math.abs(x) > lambd ? x : 0),
      df: (x) => (Math.abs(x) > lambd ? 1 : 0),
      d2f: zero,
      limits: [-I, I, 1, 1],
    },
    softshrink: {
      f: (x) => (x > lambd ? x - lambd : x < -lambd ? x + lambd : 0),
      df: (x) => (x > -lambd && x <= lambd ? 0 : 1),
      d2f: zero,
      limits: [-I, I, 1, 1],
    },
    tanhshrink: {
      f: tanhshrink,
      df: (x) => Math.tanh(x) ** 2,
      d2f: (x) => 2 * Math.tanh(x) * sech2(x),
      limits: [-I, I, 1, 1],
    },
    threshold: {
      f: (x) => (x > t ? x : v),
      df: (x) => (x > t ? 1 : 0),
      d2f: zero,
      limits: [v, I, 0, 1],
    },
    squareplus: b === 0 ? { ...leaky(0), limits: [0, I, 0, 1] } : {
      // x < 0: (x + s)/2 = b / (2(s − x)) without the cancellation
      f: (x) => (x >= 0 ? (x + s(x)) / 2 : b / (2 * (s(x) - x))),
      df: (x) => (x >= 0 ? (1 + x / s(x)) / 2 : b / (2 * s(x) * (s(x) - x))),
      d2f: (x) => b / (2 * s(x) ** 3),
      limits: bellLimits,
    },
    exponential: { f: Math.exp, df: Math.exp, d2f: Math.exp, limits: [0, I, 0, I] },
    sparse_plus: {
      f: (x) => (x <= -1 ? 0 : x >= 1 ? x : (x + 1) ** 2 / 4),
      df: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2),
      d2f: (x) => (x > -1 && x <= 1 ? 0.5 : 0),
      limits: bellLimits,
    },
    sparse_sigmoid: {
      f: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2),
      df: (x) => (x > -1 && x <= 1 ? 0.5 : 0),
      d2f: zero,
      limits: [0, 1, 0, 0],
    },
  };
}

/**
 * Every parameter of `name` at its default, with `o` on top.
 *
 * @param name an activation
 * @param o some parameter values
 * @returns the full record
 */
export function withDefaults(name: string, o: Record<string, number>): Record<string, number> {
  const spec = getActivation(name);
  return Object.fromEntries(spec.params.map((p) => [p.name, o[p.name] ?? p.default]));
}

// Values in the domain beyond the sliders, per activation.
const BEYOND_SLIDERS: Record<string, Record<string, number>[]> = {
  leaky_relu: [{ alpha: 0 }, { alpha: 3 }],
  elu: [{ alpha: 0 }, { alpha: 2 }, { alpha: 7.5 }],
  softplus: [{ beta: 0.01 }, { beta: 40 }],
  celu: [{ alpha: 0.02 }, { alpha: 10 }],
  hard_tanh: [{ min_val: -5, max_val: -4 }, { min_val: 0.5, max_val: 10 }],
  hardshrink: [{ lambd: 0 }, { lambd: 5 }],
  softshrink: [{ lambd: 0 }, { lambd: 5 }],
  threshold: [{ threshold: -5, value: 7 }, { threshold: 300, value: -1 }],
  squareplus: [{ b: 1e-6 }, { b: 400 }],
  swish: [{ beta: 20 }],
  prelu: [{ alpha: -2 }, { alpha: 0 }, { alpha: 3 }],
  rrelu: [{ lower: 0, upper: 0 }, { lower: 0.5, upper: 2 }],
};

/**
 * Parameter settings checked per activation: defaults, both ends of each slider, and
 * values of the domain beyond the sliders.
 *
 * @param name an activation
 * @returns the settings
 */
export function settings(name: string): Record<string, number>[] {
  const spec = getActivation(name);
  const out: Record<string, number>[] = [{}];
  for (const p of spec.params) out.push({ [p.name]: p.min }, { [p.name]: p.max });
  return [...out, ...(BEYOND_SLIDERS[name] ?? [])];
}

Deno.test("the closed forms agree with each other (central differences)", async (t) => {
  const xs = dense(-6, 6, 241);
  for (const spec of ACTIVATIONS.filter((s) => s.inputs === 1)) {
    await t.step(spec.name, () => {
      for (const o of settings(spec.name)) {
        const p = withDefaults(spec.name, o);
        const ref = refs(p)[spec.name];
        const breaks = [...spec.kinks(p), ...(spec.pieces?.(p) ?? [])];
        for (const x of xs.filter((x) => breaks.every((k) => Math.abs(x - k) > 1e-3))) {
          for (const [g, dg, what] of [[ref.f, ref.df, "f'"], [ref.df, ref.d2f, "f''"]] as const) {
            const fd = centralDifference(g, x, 1e-6), want = dg(x);
            assert.ok(
              Math.abs(fd - want) <= 1e-6 * Math.abs(want) + 2e-7 * (1 + Math.abs(fd)),
              `${spec.name}${JSON.stringify(o)} ${what}(${x}): ${want}, difference ${fd}`,
            );
          }
        }
      }
    });
  }
});
