import assert from "node:assert/strict";
import { assertHealthy, type Probe, runProbes } from "../../tests/_helpers/health.ts";
import { tf, TFJS_CHUNK } from "../tf.ts";
import { getActivation } from "./activations.ts";
import { saturation } from "./saturation.ts";
import { activation, activation2d } from "./autodiff.ts";
import { tfjsActivation, tfjsActivation2d, tfjsSecondDerivative } from "./tfjs_autodiff.ts";

// deno-lint-ignore no-explicit-any -- probes pass what the types forbid, as a careless caller would
const bad = (v: unknown): any => v;

Deno.test("activation guards: names of the wrong type, and tfjs stays healthy", async (t) => {
  const probes: Probe[] = [
    {
      name: "getActivation(null)",
      call: () => getActivation(bad(null)),
      error: TypeError,
      message: /^Invalid activation name: expected a string, got null$/,
    },
    {
      name: "activation(undefined, x)",
      call: () => activation(bad(undefined), [1]),
      error: TypeError,
      message:
        /^Invalid activation: expected a registry name or an Activation \(see resolveActivation\(\)\), got undefined$/,
    },
    {
      name: "tfjsActivation(42, x)",
      call: () => tfjsActivation(bad(42), [1]),
      error: TypeError,
      message:
        /^Invalid activation: expected a registry name or an Activation \(see resolveActivation\(\)\), got the number 42$/,
    },
    {
      name: "saturation spacing 1e-12 (2e13 samples)",
      call: () => saturation("sigmoid", { spacing: 1e-12 }),
      error: RangeError,
      message:
        /^Invalid option spacing: 1e-12 over \[-20, 20\] needs 40000000000001 samples, above the maximum 1000000$/,
    },
    {
      name: 'saturation("relu", null)',
      call: () => saturation("relu", bad(null)),
      error: TypeError,
      message: /^saturation\(options\): expected an options object, got null$/,
    },
  ];
  await runProbes(t, probes);
});

// One tfjs call over 20M points used to need several GB of the wasm backend's 4 GB heap:
// it failed with "memory access out of bounds" and left the backend broken. Chunks of
// TFJS_CHUNK points keep it small; the values are those of one call.
Deno.test("tfjs autodiff runs large inputs in chunks, with the values of one call", async (t) => {
  const base = tf.memory().numTensors;
  await t.step('tfjsActivation("gelu") on 20M points', () => {
    const n = 20_000_000;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = ((i * 7919) % 20_001) / 1000 - 10; // [-10, 10]
    const { y, dy } = tfjsActivation("gelu", x);
    assert.equal(y.length, n);
    // the wasm heap holds one chunk's tensors (about 300 MB for GELU), not 20M points' worth
    const heap = (tf.backend() as unknown as { wasm?: { HEAPU8: Uint8Array } }).wasm?.HEAPU8;
    assert.ok(heap === undefined || heap.length < 1e9, `wasm heap ${heap?.length} bytes`);
    // a slice computed alone (it starts on a chunk boundary) gives the same values
    const start = 5 * TFJS_CHUNK - 1000, part = x.subarray(start, start + 3000);
    const alone = tfjsActivation("gelu", part);
    assert.ok(alone.y.every((v, i) => Object.is(v, y[start + i])), "f differs across chunks");
    assert.ok(alone.dy.every((v, i) => Object.is(v, dy[start + i])), "f' differs across chunks");
    // and agrees with the fused kernel (same accuracy contract)
    const fused = activation("gelu", x.subarray(n - 5000));
    for (let i = 0; i < 5000; i++) {
      assert.ok(Math.abs(fused.y[i] - y[n - 5000 + i]) <= 1e-6 * (1 + Math.abs(fused.y[i])));
      assert.ok(Math.abs(fused.dy[i] - dy[n - 5000 + i]) <= 1e-5);
    }
  });
  await t.step("tfjsSecondDerivative over more than one chunk", () => {
    const n = TFJS_CHUNK + 1000;
    const x = new Float32Array(n).map((_, i) => ((i * 31) % 4001) / 200 - 10);
    const whole = tfjsSecondDerivative("gelu", x);
    const start = TFJS_CHUNK - 64, alone = tfjsSecondDerivative("gelu", x.subarray(start));
    for (const key of ["y", "dy", "d2y"] as const) {
      assert.ok(alone[key].every((v, i) => Object.is(v, whole[key][start + i])), key);
    }
  });
  await t.step("tfjsActivation2d over more than one chunk of points", () => {
    const axis = Float32Array.from({ length: 800 }, (_, i) => -5 + i / 80);
    const whole = tfjsActivation2d("softmax", axis); // 640,000 points: two chunks
    const rows = axis.subarray(600, 700); // across the chunk boundary (row 655)
    const alone = tfjsActivation2d("softmax", { x1: axis, x2: rows });
    const same = (a: Float32Array, b: Float32Array) =>
      a.every((v, i) => Object.is(v, b[600 * 800 + i]));
    for (let o = 0; o < 2; o++) {
      assert.ok(same(alone.outputs[o].values, whole.outputs[o].values), `output ${o}`);
      for (let j = 0; j < 2; j++) {
        assert.ok(same(alone.jacobian[o][j].values, whole.jacobian[o][j].values), `d${o}/d${j}`);
      }
    }
    const fused = activation2d("softmax", axis);
    const d = fused.jacobian[0][0].values, w = whole.jacobian[0][0].values;
    for (let i = 0; i < d.length; i += 997) assert.ok(Math.abs(d[i] - w[i]) < 1e-6);
  });
  await t.step("tfjs is healthy afterwards", () => assertHealthy(base));
});
