import assert from "node:assert/strict";
import { ACTIVATIONS, getActivation } from "../activations/activations.ts";
import type { ActivationSpec } from "../activations/activation_spec.ts";
import { resolveParams } from "../activations/resolve_params.ts";
import { tfjsActivation } from "../activations/tfjs_autodiff.ts";
import { fusedKernel, fusedProgramsCompiled } from "./fused_kernel.ts";
import { tf } from "../tf.ts";
import { dense } from "../../tests/_helpers/numeric.ts";

const XS = Float32Array.from([...dense(-12, 12, 961), ...dense(-100, 100, 41), 0, -0, 1e-7]);

function runFused(name: string, options: Record<string, number> = {}) {
  const spec = getActivation(name);
  const y = new Float32Array(XS.length), dy = new Float32Array(XS.length);
  fusedKernel(spec, resolveParams(spec, options)).run([XS], [y, dy], XS.length);
  return { y, dy };
}

Deno.test("fusedKernel() compiles every one-input activation to tfjs's own autodiff", async (t) => {
  for (const spec of ACTIVATIONS.filter((s) => s.inputs === 1)) {
    await t.step(spec.name, () => {
      // the same kernels run one by one on wasm in float32: agreement within 2e-5 relative
      // plus 8 float32 steps of x (|f''| <= 1.5 here), for the cancellation next to
      // zeros of f' (GELU'(-0.75)); the closed-form tests in autodiff_test.ts bound both
      const fused = runFused(spec.name);
      const ref = tfjsActivation(spec.name, XS);
      for (let i = 0; i < XS.length; i++) {
        const slack = 8 * 1.5 * Math.max(Math.abs(XS[i]), 1e-30) * 2 ** -23;
        for (const [a, b, what] of [[fused.y, ref.y, "f"], [fused.dy, ref.dy, "f'"]] as const) {
          assert.ok(
            Object.is(a[i], b[i]) || Math.abs(a[i] - b[i]) <= 2e-5 * Math.abs(b[i]) + slack,
            `${spec.name} ${what}(${XS[i]}): fused ${a[i]}, tfjs ${b[i]}`,
          );
        }
      }
    });
  }
});

Deno.test("fusedKernel(): the WebAssembly loop (float32) agrees with the JavaScript loop (float64)", async (t) => {
  for (const spec of ACTIVATIONS) {
    await t.step(spec.name, () => {
      const kernel = fusedKernel(spec, resolveParams(spec, {}));
      // x2 off the grid's kinks (|x1 - x2| = 1 for sparsemax, x1 = x2 for maxout), where
      // float32 and float64 may round to different sides
      const inputs = spec.inputs === 1 ? [XS] : [XS, XS.map((v) => v * 0.75 - 1.0371)];
      const run = (loop: typeof kernel.run) => {
        const outs = Array.from({ length: kernel.outputs }, () => new Float32Array(XS.length));
        loop(inputs, outs, XS.length);
        return outs;
      };
      const [wasm, js] = [run(kernel.run), run(kernel.runJs)];
      wasm.forEach((w, j) => {
        for (let i = 0; i < XS.length; i++) {
          // float32 arithmetic against float64, same tolerance as against tfjs above
          const slack = 8 * 1.5 * Math.max(Math.abs(XS[i]), 1e-30) * 2 ** -23;
          assert.ok(
            Object.is(w[i], js[j][i]) ||
              Math.abs(w[i] - js[j][i]) <= 2e-5 * Math.abs(js[j][i]) + slack,
            `${spec.name} output ${j} at ${XS[i]}: wasm ${w[i]}, js ${js[j][i]}`,
          );
        }
      });
    });
  }
});

Deno.test("fusedKernel() leaves tfjs as it found it", async (t) => {
  await t.step("backend and tensor count unchanged; one program for every parameter", () => {
    const before = tf.memory().numTensors;
    const backend = tf.getBackend();
    const spec = getActivation("leaky_relu");
    const compiled = fusedProgramsCompiled();
    const a = fusedKernel(spec, { alpha: 0.1 });
    const traced = fusedProgramsCompiled() - compiled; // 1, or 0 if an earlier test traced it
    for (let k = 0; k <= 100; k++) {
      assert.equal(fusedKernel(spec, { alpha: k / 100 }).program, a.program);
    }
    assert.equal(fusedProgramsCompiled() - compiled, traced);
    assert.ok(traced <= 1);
    assert.equal(tf.getBackend(), backend);
    assert.equal(tf.memory().numTensors, before);
    assert.equal(runFused("leaky_relu", { alpha: 0.2 }).y[0], Math.fround(-12 * 0.2));
  });
  await t.step("a kernel the symbolic backend lacks: its name, nothing left behind", () => {
    const before = tf.memory().numTensors;
    const backend = tf.getBackend();
    const spec: ActivationSpec = {
      ...getActivation("tanh"),
      name: "erf_test",
      fn: (x) => tf.erf(x),
    };
    assert.throws(() => fusedKernel(spec, {}), /Erf/);
    assert.equal(tf.getBackend(), backend);
    assert.equal(tf.memory().numTensors, before);
  });
  await t.step("the generated loop is readable and minimal", () => {
    const { source } = fusedKernel(getActivation("relu"), {});
    assert.match(source, /for \(let i = 0; i < n; i\+\+\)/);
    assert.doesNotMatch(source, /exp\(/);
    const elu = fusedKernel(getActivation("elu"), { alpha: 1 }).source;
    assert.equal(elu.match(/\bexp\(/g)?.length, 1, elu); // expm1 and its gradient share e^x
  });
});
