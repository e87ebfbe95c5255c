/**
 * Every scalar operation of `scalar_graph.ts` on four float32 lanes, with exp, expm1 and
 * log1p expanded inline (Cephes-style range reduction and polynomials, within 2 float32
 * ulps; tested in `wasm_loop_test.ts`).
 *
 * WebAssembly SIMD has no exp, log or tanh, and calling out to JavaScript per lane would
 * cost more than the whole loop; so the transcendental functions are polynomials here,
 * in float32 like tfjs's own kernels. Selections use bitselect on comparison masks
 * (all-ones or all-zeros lanes) rather than branches: the four lanes of a vector may
 * take different sides.
 *
 * @module
 */
import {
  add,
  asNumber,
  bind,
  bitselect,
  div,
  type Expr,
  f32s,
  i32s,
  mul,
  ONE,
  op,
  poly,
  shift,
  SIMD,
  sub,
  ZERO,
} from "./wasm_code.ts";

// 2^k for integer-valued k in [-126, 127]: k + 1.5·2^23 holds k in its low bits; shifted
// into the exponent field and added to the bits of 1.0 it gives 2^k.
function pow2(k: Expr): Expr {
  return op(SIMD.i32Add, shift(SIMD.i32Shl, add(k, f32s(12582912)), 23), i32s(0x3f800000));
}

// e^x (Cephes expf): n = round(x / ln 2), r = x − n ln 2 in two parts (|r| <= 0.347),
// e^r = 1 + r + r² P(r) with P of degree 5, 2^n as 2^⌊n/2⌋ · 2^(n−⌊n/2⌋) so that both
// factors are normal. x is clamped to [-104, 89] (e^x is 0 or ∞ in float32 beyond).
function exp(x: Expr): Expr {
  return bind(
    op(SIMD.pmin, op(SIMD.pmax, x, f32s(-104)), f32s(89)),
    (xc) =>
      bind(
        op(SIMD.nearest, mul(xc, f32s(Math.LOG2E))),
        (n) =>
          bind(sub(sub(xc, mul(n, f32s(0.693359375))), mul(n, f32s(-2.12194440e-4))), (r) =>
            bind(op(SIMD.floor, mul(n, f32s(0.5))), (h) => {
              const p = add(
                add(ONE, r),
                mul(
                  mul(r, r),
                  poly(r, [
                    5.0000001201e-1,
                    1.6666665459e-1,
                    4.1665795894e-2,
                    8.3334519073e-3,
                    1.3981999507e-3,
                    1.9875691500e-4,
                  ]),
                ),
              );
              return mul(mul(p, pow2(h)), pow2(sub(n, h)));
            })),
      ),
  );
}

// expm1(a) given e = e^a: a + a² Q(a), Q the Taylor series to a^8 (error < 3e-8 of the
// result), for |a| < 1, where e − 1 would cancel; e − 1 elsewhere (at most 1.6x e's error).
const EXPM1_Q = Array.from({ length: 9 }, (_, k) => {
  let f = 1;
  for (let j = 2; j <= k + 2; j++) f *= j;
  return 1 / f;
});
function expm1FromExp(a: Expr, e: Expr): Expr {
  return bind(a, (av) =>
    bitselect(
      add(av, mul(mul(av, av), poly(av, EXPM1_Q))),
      sub(e, ONE),
      op(SIMD.lt, op(SIMD.abs, av), ONE),
    ));
}

// ln 2 in two parts: e · LN2_HI is exact for |e| < 2^9
const LN2_HI = 0.693359375, LN2_LO = -2.12194440e-4;

// log1p(x) for x > −1 (fdlibm's log1pf): u = 1 + x = m · 2^e with m in [√½, √2),
// f = m − 1, s = f/(2 + f), log m = f − (f²/2 − s (f²/2 + R(s²))), so that the leading
// f is exact; then the rounding error of 1 + x corrected: − ((u − 1) − x)/u.
function log1p(x: Expr): Expr {
  return bind(x, (xv) =>
    bind(add(ONE, xv), (u) =>
      bind(
        op(SIMD.or, op(SIMD.and, u, i32s(0x007fffff)), i32s(0x3f800000)), // m0 in [1, 2)
        (m0) =>
          bind(op(SIMD.gt, m0, f32s(Math.SQRT2)), (big) =>
            bind(
              add(
                op(SIMD.convertI32, sub32(shift(SIMD.i32ShrU, u, 23), 127)),
                asNumber(big),
              ),
              (e) =>
                bind(sub(bitselect(mul(m0, f32s(0.5)), m0, big), ONE), (f) =>
                  bind(mul(mul(f32s(0.5), f), f), (hfsq) =>
                    bind(div(f, add(f32s(2), f)), (s) =>
                      bind(mul(s, s), (z) => {
                        const r = mul(z, poly(z, [2 / 3, 2 / 5, 2 / 7, 2 / 9]));
                        const correction = div(sub(sub(u, ONE), xv), u);
                        const tail = add(
                          mul(s, add(hfsq, r)),
                          sub(mul(e, f32s(LN2_LO)), correction),
                        );
                        const value = add(mul(e, f32s(LN2_HI)), sub(f, sub(hfsq, tail)));
                        // the edges: log1p(−1) = −∞, log1p(∞) = ∞, NaN below −1
                        return bitselect(
                          f32s(NaN),
                          bitselect(
                            f32s(-Infinity),
                            bitselect(xv, value, op(SIMD.eq, xv, f32s(Infinity))),
                            op(SIMD.eq, u, ZERO),
                          ),
                          op(SIMD.lt, xv, f32s(-1)),
                        );
                      })))),
            )),
      )));
}

function sub32(a: Expr, k: number): Expr {
  return op(SIMD.i32Add, a, i32s(-k));
}

// e^-|a| and the functions of it, as ScalarGraph's expansions
const expNegAbs = (a: Expr) => exp(op(SIMD.neg, op(SIMD.abs, a)));
const sigmoidFromExp = (a: Expr, e: Expr): Expr =>
  bind(
    e,
    (ev) => bind(div(ONE, add(ONE, ev)), (q) => bitselect(q, mul(ev, q), op(SIMD.ge, a, ZERO))),
  );
const relu = (a: Expr): Expr => bind(a, (v) => bitselect(v, ZERO, op(SIMD.gt, v, ZERO)));
// softplus(a) = relu(a) + log1p(e) with e = e^-|a| in [0, 1]: there log1p(e) = 2 atanh(s),
// s = e/(2 + e) in [0, 1/3], by its series 2s + 2s·s²(1/3 + s²/5 + … + s¹⁰/13) (truncation
// < 2e-8 relative): no range reduction, no correction for the rounding of 1 + e, and the
// leading 2s exact given s.
const LOG1P_TAIL = Array.from({ length: 6 }, (_, k) => 2 / (2 * k + 3));
const softplusFromExp = (a: Expr, e: Expr): Expr =>
  add(
    relu(a),
    bind(e, (ev) =>
      bind(div(ev, add(f32s(2), ev)), (sv) =>
        bind(mul(sv, sv), (z) =>
          add(add(sv, sv), mul(mul(sv, z), poly(z, LOG1P_TAIL)))))),
  );
const expm1 = (a: Expr): Expr => bind(a, (v) => expm1FromExp(v, exp(v)));
const tanh = (a: Expr): Expr =>
  bind(
    a,
    (v) =>
      bind(expm1(mul(op(SIMD.abs, v), f32s(-2))), (m) =>
        bind(div(op(SIMD.neg, m), add(f32s(2), m)), (t) =>
          bitselect(op(SIMD.neg, t), t, op(SIMD.lt, v, ZERO)))),
  );

/**
 * Every scalar operation of scalar_graph.ts, on four float32 lanes. Ties and edge cases
 * follow the JavaScript forms there (max and min keep the first operand on a tie, step
 * gives alpha at 0), so both loops of one program take the same side.
 */
export const LOWER: Readonly<Record<string, (...a: Expr[]) => Expr>> = {
  add,
  sub,
  mul,
  div,
  neg: (a) => op(SIMD.neg, a),
  abs: (a) => op(SIMD.abs, a),
  square: (a) => bind(a, (v) => mul(v, v)),
  reciprocal: (a) => div(ONE, a),
  sqrt: (a) => op(SIMD.sqrt, a),
  exp,
  expm1,
  log: (a) => log1p(sub(a, ONE)),
  log1p,
  tanh,
  sigmoid: (a) => bind(a, (v) => sigmoidFromExp(v, expNegAbs(v))),
  softplus: (a) => bind(a, (v) => softplusFromExp(v, expNegAbs(v))),
  expm1e: expm1FromExp,
  sigmoide: sigmoidFromExp,
  softpluse: softplusFromExp,
  relu,
  relu6: (a) => bind(relu(a), (r) => bitselect(r, f32s(6), op(SIMD.lt, r, f32s(6)))),
  step: (a, alpha) => bitselect(ONE, alpha, op(SIMD.gt, a, ZERO)),
  round: (a) => op(SIMD.nearest, a),
  sign: (a) => bind(a, (v) => sub(asNumber(op(SIMD.gt, v, ZERO)), asNumber(op(SIMD.lt, v, ZERO)))),
  trunc: (a) => op(SIMD.trunc, a),
  bool: (a) => asNumber(op(SIMD.ne, a, ZERO)),
  not: (a) => asNumber(op(SIMD.eq, a, ZERO)),
  // not f32x4.max, which propagates NaN and orders −0 below +0: the JavaScript form's tie
  max: (a, b) => bind(a, (u) => bind(b, (v) => bitselect(u, v, op(SIMD.ge, u, v)))),
  min: (a, b) => bind(a, (u) => bind(b, (v) => bitselect(u, v, op(SIMD.le, u, v)))),
  ge: (a, b) => asNumber(op(SIMD.ge, a, b)),
  gt: (a, b) => asNumber(op(SIMD.gt, a, b)),
  le: (a, b) => asNumber(op(SIMD.le, a, b)),
  lt: (a, b) => asNumber(op(SIMD.lt, a, b)),
  eq: (a, b) => asNumber(op(SIMD.eq, a, b)),
  select: (c, a, b) => bitselect(a, b, op(SIMD.ne, c, ZERO)),
};

/** The operations {@linkcode compileWasmLoop} can lower (every scalar-graph operation). */
export const WASM_OPS: readonly string[] = Object.keys(LOWER);
