import assert from "node:assert/strict";
import { FAST_MATH } from "./fast_math.ts";

const { exp, expm1, log1p, tanh, sigmoid, softplus, roundHalfEven } = FAST_MATH;

// Worst relative error of f against a float64 reference over n + 1 evenly spaced points.
function worst(f: (x: number) => number, ref: (x: number) => number, lo: number, hi: number) {
  const n = 200_000;
  let w = 0;
  for (let i = 0; i <= n; i++) {
    const x = lo + (hi - lo) * i / n;
    const r = ref(x);
    const e = r === 0 ? Math.abs(f(x)) : Math.abs(f(x) / r - 1);
    if (!(e <= w)) w = e;
  }
  return w;
}

// Stated accuracy: 2e-11 relative (float32 results need 6e-8), checked against Math.*.
const TOL = 2e-11;

Deno.test("FAST_MATH functions match Math within 2e-11 relative", async (t) => {
  const cases: [string, (x: number) => number, (x: number) => number, number, number][] = [
    ["exp", exp, Math.exp, -708, 709],
    ["exp near 0", exp, Math.exp, -1, 1],
    ["expm1", expm1, Math.expm1, -50, 50],
    ["expm1 near 0", expm1, Math.expm1, -0.2, 0.2],
    ["expm1 tiny", expm1, Math.expm1, -1e-8, 1e-8],
    ["log1p", log1p, Math.log1p, -0.999999, 10],
    ["log1p tiny", log1p, Math.log1p, -1e-9, 1e-9],
    ["log1p large", log1p, Math.log1p, 10, 1e30],
    ["tanh", tanh, Math.tanh, -20, 20],
    ["tanh tiny", tanh, Math.tanh, -1e-6, 1e-6],
    ["sigmoid", sigmoid, (x) => 1 / (1 + Math.exp(-x)), -700, 700],
    ["softplus", softplus, (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), -700, 700],
  ];
  for (const [name, f, ref, lo, hi] of cases) {
    await t.step(`${name} on [${lo}, ${hi}]`, () => {
      const w = worst(f, ref, lo, hi);
      assert.ok(w < TOL, `${name}: worst relative error ${w}`);
    });
  }
});

Deno.test("FAST_MATH edge cases", async (t) => {
  await t.step("NaN in, NaN out", () => {
    for (const [name, f] of Object.entries(FAST_MATH)) {
      assert.ok(Number.isNaN((f as (a: number, b: number) => number)(NaN, NaN)), name);
    }
  });
  await t.step("infinities and the ends of the range", () => {
    assert.equal(exp(Infinity), Infinity);
    assert.equal(exp(-Infinity), 0);
    assert.equal(exp(800), Infinity);
    assert.equal(exp(-800), 0);
    assert.equal(expm1(-800), -1);
    assert.equal(log1p(-1), -Infinity);
    assert.ok(Number.isNaN(log1p(-2)));
    assert.equal(log1p(Infinity), Infinity);
    assert.equal(log1p(1e-300), 1e-300);
    assert.equal(sigmoid(-800), 0);
    assert.equal(sigmoid(800), 1);
    assert.equal(softplus(1e4), 1e4);
  });
  await t.step("roundHalfEven rounds halves to even, as tfjs's Round", () => {
    const xs = [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 2.4, -2.6];
    assert.deepEqual(xs.map(roundHalfEven), [-4, -2, -2, -0, 0, 2, 2, 4, 2, -3]);
  });
});
