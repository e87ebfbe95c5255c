// The registry's programs stored ahead of time (lib/kernel/precompiled_programs.ts) are
// what a fresh trace compiles now, and are used only for the declaration they came from.
import assert from "node:assert/strict";
import { ACTIVATIONS, getActivation } from "./activations.ts";
import { activation } from "./autodiff.ts";
import {
  fusedProgram,
  fusedProgramsCompiled,
  programFingerprint,
  tracedWasm,
} from "../kernel/fused_kernel.ts";
import { PRECOMPILED_PROGRAMS } from "../kernel/precompiled_programs.ts";
import { UnsupportedOperationError } from "../kernel/unsupported_operation.ts";
import { tf } from "../tf.ts";

const STALE = "stale: run `deno task programs` to compile the registry's programs again";

Deno.test("every stored program is the module a fresh trace compiles, byte for byte", async (t) => {
  const stored = new Set(Object.keys(PRECOMPILED_PROGRAMS));
  for (const spec of ACTIVATIONS) {
    await t.step(spec.name, () => {
      let fresh;
      try {
        fresh = tracedWasm(spec, 1);
      } catch (error) {
        if (!(error instanceof UnsupportedOperationError)) throw error;
        assert.ok(!stored.has(spec.name), `${spec.name} is stored but cannot compile`);
        return;
      }
      const entry = PRECOMPILED_PROGRAMS[spec.name];
      assert.ok(entry, `${spec.name} has no stored program: ${STALE}`);
      assert.equal(entry.fingerprint, programFingerprint(spec, 1), `${spec.name}: ${STALE}`);
      assert.equal(entry.outputs, fresh.outputs);
      const bytes = Uint8Array.from(atob(entry.wasm), (c) => c.charCodeAt(0));
      assert.deepEqual(bytes, fresh.bytes, `${spec.name}: ${STALE}`);
      stored.delete(spec.name);
    });
  }
  assert.deepEqual([...stored], [], "stored programs of no registry activation");
});

Deno.test("a stored program runs without a trace; its JavaScript loop is traced when asked for", () => {
  // a copy of the registry's ELU: same fingerprint, a declaration of its own (not cached)
  const elu = { ...getActivation("elu") };
  const program = fusedProgram(elu);
  assert.deepEqual(program.wasm.bytes, tracedWasm(elu, 1).bytes);
  const x = new Float32Array([-2, -0.5, 0, 1.5]);
  const y = new Float32Array(4), dy = new Float32Array(4);
  const yJs = new Float32Array(4), dyJs = new Float32Array(4);
  program.run([x], [y, dy], 4, [0.7]);
  program.runJs([x], [yJs, dyJs], 4, [0.7]);
  for (let i = 0; i < 4; i++) {
    // the float32 loop against the float64 one: within 2e-6 relative
    assert.ok(Math.abs(y[i] - yJs[i]) <= 2e-6 * Math.abs(yJs[i]), `f(${x[i]}): ${y[i]} ${yJs[i]}`);
    assert.ok(Math.abs(dy[i] - dyJs[i]) <= 2e-6 * Math.abs(dyJs[i]), `f'(${x[i]})`);
  }
  // ELU with alpha = 0.7 by hand: 0.7 (e^-2 - 1), and 0.7 e^-2
  assert.ok(
    Math.abs(y[0] - 0.7 * Math.expm1(-2)) < 1e-7 && Math.abs(dy[0] - 0.7 * Math.exp(-2)) < 1e-7,
  );
  assert.match(program.source, /Math\.exp|exp/);
});

Deno.test("a declaration of your own under a registry name is traced, not given the stored program", () => {
  const own = { ...getActivation("elu"), fn: (x: tf.Tensor) => tf.mul(x, 3) };
  assert.notEqual(programFingerprint(own, 1), PRECOMPILED_PROGRAMS.elu.fingerprint);
  const before = fusedProgramsCompiled();
  const program = fusedProgram(own);
  assert.equal(fusedProgramsCompiled(), before + 1);
  const y = new Float32Array(1), dy = new Float32Array(1);
  program.run([new Float32Array([-2])], [y, dy], 1, [1]);
  assert.deepEqual([y[0], dy[0]], [-6, 3]);
  assert.deepEqual([...activation("elu", [-2]).y], [Math.fround(Math.expm1(-2))]);
});
