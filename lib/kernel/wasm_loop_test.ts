import assert from "node:assert/strict";
import { linspace as grid } from "../grid.ts";
import { SCALAR_OPS, ScalarGraph } from "./scalar_graph.ts";
import { compileWasmLoop } from "./wasm_loop.ts";
import { WASM_OPS } from "./wasm_ops.ts";
import { UnsupportedOperationError } from "./unsupported_operation.ts";

// `op` applied to the inputs (then constant operands), run on xs by the WebAssembly loop
// and by the JavaScript loop of the same graph.
function runBoth(op: string, xs: Float32Array[], extra: number[] = []) {
  const g = new ScalarGraph();
  const out = g.apply(op, ...xs.map((_, k) => g.input(k)), ...extra.map((v) => g.constant(v)));
  const [wasm, js] = [new Float32Array(xs[0].length), new Float32Array(xs[0].length)];
  compileWasmLoop(g.program([out]), xs.length, [out])(xs, [wasm], wasm.length);
  g.compile(xs.length, [out]).run(xs, [js], js.length);
  return { wasm, js };
}

function runOp(op: string, xs: Float32Array[]): Float32Array {
  return runBoth(op, xs).wasm;
}

// Worst error in units of the last place of the float32 result.
function worstUlps(y: Float32Array, xs: Float32Array, ref: (x: number) => number): number {
  let worst = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = ref(xs[i]);
    if (r === 0 || !Number.isFinite(r) || Math.abs(r) < 1.2e-38) continue;
    const ulp = 2 ** (Math.floor(Math.log2(Math.abs(r))) - 23);
    worst = Math.max(worst, Math.abs(y[i] - r) / ulp);
  }
  return worst;
}

Deno.test("compileWasmLoop() elementary functions are within a few float32 ulps", async (t) => {
  const sig = (x: number) => 1 / (1 + Math.exp(-x));
  const sp = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  // stated bounds (measured: exp 1.24, expm1 1.72, log1p 0.82, tanh 3.67, sigmoid 2.98,
  // softplus 2.52)
  const cases: [string, (x: number) => number, number, number, number][] = [
    ["exp", Math.exp, -87, 88, 1.5],
    ["expm1", Math.expm1, -10, 10, 2],
    ["expm1", Math.expm1, -1e-3, 1e-3, 2],
    ["log1p", Math.log1p, -0.99, 100, 1],
    ["log1p", Math.log1p, -1e-4, 1e-4, 1],
    ["tanh", Math.tanh, -10, 10, 4],
    ["sigmoid", sig, -30, 30, 3.5],
    ["softplus", sp, -30, 30, 2.75],
  ];
  for (const [op, ref, lo, hi, bound] of cases) {
    await t.step(`${op} on [${lo}, ${hi}] within ${bound} ulps`, () => {
      const xs = grid(lo, hi, 100_001);
      const w = worstUlps(runOp(op, [xs]), xs, ref);
      assert.ok(w <= bound, `${op}: ${w.toFixed(2)} ulps`);
    });
  }
});

Deno.test("compileWasmLoop() agrees with the scalar operations' definitions", async (t) => {
  const xs = Float32Array.from([-7.5, -3, -2.5, -1, -0.5, 0, 0.5, 1, 2.5, 3, 6, 7.5]);
  const ys = Float32Array.from([1, -3, 2, -1, 0.5, 0, -0.5, 1, 2.5, 4, 6, -7.5]);
  for (const op of SCALAR_OPS) {
    await t.step(op, () => {
      const binary = ["add", "sub", "mul", "div", "max", "min", "ge", "gt", "le", "lt", "eq"];
      const paired = ["expm1e", "sigmoide", "softpluse"];
      const inputs = op === "select" ? [ys, xs, ys] : binary.includes(op) ? [xs, ys] : [xs];
      const extra = op === "step" ? [-0.25] : [];
      const args: Float32Array[] = paired.includes(op)
        ? [xs, Float32Array.from(xs, (v) => op === "expm1e" ? Math.exp(v) : Math.exp(-Math.abs(v)))]
        : inputs;
      // the JavaScript loop of the same graph is the float64 reference
      const { wasm: y, js: ref } = runBoth(op, args, extra);
      for (let i = 0; i < xs.length; i++) {
        const tol = 4 * 2 ** -23 * Math.abs(ref[i]) + 1e-30;
        assert.ok(
          Object.is(y[i], ref[i]) || Math.abs(y[i] - ref[i]) <= tol,
          `${op}(${args.map((a) => a[i]).join(", ")}): wasm ${y[i]}, js ${ref[i]}`,
        );
      }
    });
  }
  assert.deepEqual([...WASM_OPS].sort(), [...SCALAR_OPS].sort());
});

Deno.test("compileWasmLoop() handles lengths, chunks, NaN and bad programs", async (t) => {
  await t.step("every length from 0 to 17 and across a chunk boundary", () => {
    for (const n of [...Array(18).keys(), (1 << 18) + 3]) {
      const xs = Float32Array.from({ length: n }, (_, i) => i % 7 - 3);
      const y = runOp("abs", [xs]);
      assert.equal(y.length, n);
      for (let i = 0; i < n; i++) assert.equal(y[i], Math.abs(xs[i]), `n = ${n}, i = ${i}`);
    }
  });
  await t.step("a NaN input gives NaN in every output, other points unaffected", () => {
    const g = new ScalarGraph();
    const [a, b] = [g.input(0), g.input(1)];
    const outs = [g.apply("step", a, g.constant(0)), g.constant(2), g.apply("add", a, b)];
    const x1 = Float32Array.from([NaN, 1, -1, 2]), x2 = Float32Array.from([0, NaN, 1, 1]);
    const ys = outs.map(() => new Float32Array(4));
    compileWasmLoop(g.program(outs), 2, outs)([x1, x2], ys, 4);
    assert.deepEqual(ys.map((y) => [...y]), [[NaN, NaN, 0, 1], [NaN, NaN, 2, 2], [NaN, NaN, 0, 3]]);
  });
  await t.step("divisions by one denominator share its reciprocal, within 1 ulp", () => {
    const g = new ScalarGraph();
    const [a, b] = [g.input(0), g.input(1)];
    const outs = [g.apply("div", a, b), g.apply("div", g.apply("neg", a), b)];
    const x1 = grid(-5, 5, 1001), x2 = grid(0.5, 7, 1001);
    const ys = outs.map(() => new Float32Array(x1.length));
    compileWasmLoop(g.program(outs), 2, outs)([x1, x2], ys, x1.length);
    for (let i = 0; i < x1.length; i++) {
      const q = x1[i] / x2[i];
      assert.ok(Math.abs(ys[0][i] - q) <= 2 ** -23 * Math.abs(q), `${x1[i]} / ${x2[i]}`);
      assert.equal(ys[1][i], -ys[0][i]);
    }
  });
  await t.step("an operation without a lowering is named", () => {
    const program = [{ id: 0, op: "input", args: [], value: 0 }, { id: 1, op: "erf", args: [0] }];
    assert.throws(
      () => compileWasmLoop(program, 1, [1]),
      (e) =>
        e instanceof UnsupportedOperationError && e.operation === "erf" &&
        /a WebAssembly lowering for the operation "erf"/.test(e.message),
    );
  });
});
