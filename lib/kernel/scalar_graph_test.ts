import assert from "node:assert/strict";
import { SCALAR_OPS, ScalarGraph } from "./scalar_graph.ts";

function run(g: ScalarGraph, inputs: number[][], outputs: number[]): number[][] {
  const n = inputs[0]?.length ?? 1;
  const outs = outputs.map(() => new Float32Array(n));
  g.compile(inputs.length, outputs).run(inputs.map((x) => Float32Array.from(x)), outs, n);
  return outs.map((o) => [...o]);
}

Deno.test("ScalarGraph.apply() folds constants and simple identities", async (t) => {
  await t.step("constants fold to a constant", () => {
    const g = new ScalarGraph();
    const v = g.apply("add", g.constant(2), g.apply("mul", g.constant(3), g.constant(4)));
    assert.equal(g.constantValue(v), 14);
    assert.equal(g.constantValue(g.apply("expm1", g.constant(0))), 0);
    assert.equal(g.constantValue(g.apply("step", g.constant(0), g.constant(-1))), -1);
  });
  await t.step("x·1, 1·x, x+0, x−0, x/1, −(−x), |−x| and |(|x|)|", () => {
    const g = new ScalarGraph();
    const x = g.input(0);
    const one = g.constant(1), zero = g.constant(0);
    for (const y of [g.apply("mul", x, one), g.apply("mul", one, x), g.apply("add", x, zero)]) {
      assert.equal(y, x);
    }
    assert.equal(g.apply("sub", x, zero), x);
    assert.equal(g.apply("div", x, one), x);
    assert.equal(g.apply("neg", g.apply("neg", x)), x);
    const abs = g.apply("abs", x);
    assert.equal(g.apply("abs", g.apply("neg", x)), abs);
    assert.equal(g.apply("abs", abs), abs);
  });
  await t.step("x·0 is not folded (∞·0 is NaN)", () => {
    const g = new ScalarGraph();
    const x = g.input(0);
    assert.notEqual(g.constantValue(g.apply("mul", x, g.constant(0))), 0);
    const [[y]] = run(g, [[Infinity]], [g.apply("mul", x, g.constant(0))]);
    assert.ok(Number.isNaN(y));
  });
  await t.step("equal expressions are one node", () => {
    const g = new ScalarGraph();
    const x = g.input(0);
    assert.equal(g.apply("exp", x), g.apply("exp", x));
    assert.notEqual(g.apply("exp", x), g.apply("exp", g.input(1)));
  });
  await t.step("unknown operations name the valid ones", () => {
    const g = new ScalarGraph();
    assert.throws(() => g.apply("erf", g.input(0)), /Unknown scalar operation "erf".*exp/);
    assert.ok(SCALAR_OPS.includes("select"));
  });
});

Deno.test("ScalarGraph.apply() shares one exp between a function and its gradient", () => {
  const g = new ScalarGraph();
  const x = g.input(0);
  // ELU's pieces: expm1(x) and tfjs's Expm1 gradient e^x; softplus(x) and its sigmoid(x)
  const outs = [
    g.apply("expm1", x),
    g.apply("exp", x),
    g.apply("softplus", x),
    g.apply("sigmoid", x),
  ];
  const { source } = g.compile(1, outs);
  assert.equal(source.match(/\bexp\(/g)?.length, 2, source); // e^x and e^-|x|
  const xs = [-30, -0.05, 0, 0.05, 3];
  const [em1, e, sp, sg] = run(g, [xs], outs);
  xs.forEach((v, i) => {
    assert.ok(Math.abs(em1[i] - Math.expm1(v)) <= 1e-7 * Math.abs(Math.expm1(v)), `expm1(${v})`);
    assert.ok(Math.abs(e[i] - Math.exp(v)) <= 1e-7 * Math.exp(v), `exp(${v})`);
    const spRef = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    assert.ok(Math.abs(sp[i] - spRef) <= 1e-7 * spRef, `softplus(${v})`);
    const sgRef = 1 / (1 + Math.exp(-v));
    assert.ok(Math.abs(sg[i] - sgRef) <= 1e-7 * sgRef, `sigmoid(${v})`);
  });
});

Deno.test("ScalarGraph.compile() loops over several inputs and outputs", () => {
  const g = new ScalarGraph();
  const [a, b] = [g.input(0), g.input(1)];
  const outs = [
    g.apply("add", a, b),
    g.apply("select", g.apply("ge", a, b), a, b),
    g.constant(-0),
    b,
  ];
  const [sum, max, negZero, copy] = run(g, [[1, 5, -2], [2, 3, -2]], outs);
  assert.deepEqual(sum, [3, 8, -4]);
  assert.deepEqual(max, [2, 5, -2]);
  assert.ok(negZero.every((v) => Object.is(v, -0)));
  assert.deepEqual(copy, [2, 3, -2]);
});
