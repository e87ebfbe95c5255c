/**
 * The scalar functions that compiled activation loops call (see `scalar_graph.ts`),
 * in float64: exp, expm1, log1p, tanh, the logistic sigmoid, softplus and
 * round-half-to-even (tfjs's Round).
 *
 * Why not `Math.exp` and friends: V8 calls out to C for them, about 15 ns each here,
 * which alone would cap an activation at ~60 M points/s. These are plain arithmetic
 * that the JIT inlines (~3-5 ns). Accuracy, measured against `Math` in
 * `fast_math_test.ts`: relative error below 2e-11 for exp, expm1 and log1p over
 * their float64 range (float32 results need 6e-8), NaN in gives NaN out.
 *
 * @module
 */

// 2^(j/32), j = 0..31, and 2^m for m = -1080..1024: exp(x) = 2^m · 2^(j/32) · e^r.
const EXP_TABLE = Float64Array.from({ length: 32 }, (_, j) => Math.pow(2, j / 32));
const POW2_BIAS = 1080;
const POW2 = Float64Array.from({ length: POW2_BIAS + 1025 }, (_, i) => Math.pow(2, i - POW2_BIAS));
const ROUND_MAGIC = 6755399441055744; // 1.5 · 2^52: x + M − M rounds x to an integer
const INV_LN2_32 = 32 / Math.LN2;
// ln 2 / 32 split so that n · hi is exact for |n| < 2^21 (fdlibm's ln2_hi / ln2_lo)
const LN2_32_HI = 6.93147180369123816490e-01 / 32;
const LN2_32_LO = 1.90821492927058770002e-10 / 32;

function exp(x: number): number {
  if (!(x > -745.2 && x < 709.7)) return x !== x ? x : x > 0 ? Infinity : 0;
  const n = x * INV_LN2_32 + ROUND_MAGIC - ROUND_MAGIC;
  const r = x - n * LN2_32_HI - n * LN2_32_LO; // |r| <= ln 2 / 64
  const k = n | 0;
  // e^r to degree 4: error r^5/120 < 1.3e-12
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
  return POW2[(k >> 5) + POW2_BIAS] * EXP_TABLE[k & 31] * p;
}

// Near 0 the series to degree 7 (relative error x^7/8! < 2.5e-12); for |x| >= 0.1,
// e^x − 1 amplifies exp's error at most e^x/|e^x − 1| <= 10.5 times.
function expm1(x: number): number {
  return expm1FromExp(x, x > -0.1 && x < 0.1 ? 0 : exp(x));
}

// Bit access for log1p: the exponent and mantissa of a float64 (little-endian words).
const BITS_F64 = new Float64Array(1);
const BITS_U32 = new Uint32Array(BITS_F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function log1p(x: number): number {
  // |x| small: 2 atanh(s), s = x/(2 + x); 1 + x in [0.71, 1.42): no bits needed
  if (x > -0.2929 && x < 0.4142) return log1pSeries(x);
  // 1 + x in [1.41, 2.83): log 2 + log1p((x − 1)/2), (x − 1)/2 in [−0.3, 0.42)
  if (x >= 0.4142 && x < 1.8284) return Math.LN2 + log1pSeries((x - 1) * 0.5);
  if (!(x > -1 && x < Infinity)) return x === -1 ? -Infinity : x === Infinity ? x : NaN;
  const u = 1 + x;
  BITS_F64[0] = u;
  const hi = BITS_U32[HI];
  let e = (hi >>> 20) - 1023;
  BITS_U32[HI] = (hi & 0x000fffff) | 0x3ff00000;
  let m = BITS_F64[0]; // u = m · 2^e, m in [1, 2)
  if (m > Math.SQRT2) {
    m *= 0.5;
    e += 1;
  }
  // u = 1 + x rounded; (u − 1) − x is that rounding error, log(1 + x) ≈ log u − err/u
  return e * Math.LN2 + log1pSeries(m - 1) - ((u - 1) - x) / u;
}

// log(1 + f) = 2 atanh(s), s = f/(2 + f), for f in (−0.3, 0.42): |s| <= 0.172, series to
// s^13, relative error < 2e-13.
function log1pSeries(f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  return 2 * s *
    (1 + z * (1 / 3 + z * (1 / 5 + z * (1 / 7 + z * (1 / 9 + z * (1 / 11 + z / 13))))));
}

// The helpers below take e^a (or expm1) computed elsewhere so that a compiled loop
// shares one exp between a function and its gradient (see ScalarGraph.apply).

// expm1(a) given e = e^a: the series near 0, e − 1 elsewhere.
function expm1FromExp(a: number, e: number): number {
  if (a > -0.1 && a < 0.1) {
    return a *
      (1 + a * (1 / 2 + a * (1 / 6 + a * (1 / 24 + a * (1 / 120 + a * (1 / 720 + a / 5040))))));
  }
  return e - 1;
}

// sigmoid(a) given e = e^-|a| in (0, 1]: no overflow, relative accuracy on both sides.
function sigmoidFromExp(a: number, e: number): number {
  const q = 1 / (1 + e);
  return a >= 0 ? q : e * q;
}

// softplus(a) given e = e^-|a|: max(a, 0) + log1p(e).
function softplusFromExp(a: number, e: number): number {
  return (a > 0 ? a : 0) + log1p(e);
}

// tanh(x) = sign(x) · (−m / (2 + m)), m = expm1(−2|x|): no overflow, exact near 0.
function tanh(x: number): number {
  const m = expm1(-2 * Math.abs(x));
  const t = -m / (2 + m);
  return x < 0 ? -t : t;
}

function sigmoid(x: number): number {
  return sigmoidFromExp(x, exp(-Math.abs(x)));
}

// log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow, full relative accuracy.
function softplus(x: number): number {
  return softplusFromExp(x, exp(-Math.abs(x)));
}

// Round half to even, as tfjs's Round kernel.
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The helpers compiled loops may call, by the name the generated code uses. */
export const FAST_MATH = Object.freeze({
  exp,
  expm1,
  expm1FromExp,
  sigmoidFromExp,
  softplusFromExp,
  log1p,
  tanh,
  sigmoid,
  softplus,
  roundHalfEven,
});
