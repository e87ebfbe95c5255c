import assert from "node:assert/strict";
import { tf, useBackend } from "../tf.ts";
import { ACTIVATIONS } from "./activations.ts";
import type { ActivationSpec } from "./activation_spec.ts";
import {
  activation,
  activation2d,
  activationInto,
  activationProgram,
  secondDerivative,
} from "./autodiff.ts";
import { Activation, resolveActivation } from "./resolve_activation.ts";
import { tfjsActivation } from "./tfjs_autodiff.ts";
import { fusedProgram, fusedProgramsCompiled } from "../kernel/fused_kernel.ts";
import { UnsupportedOperationError } from "../kernel/unsupported_operation.ts";

// Every bit of two float32 arrays, NaN and the sign of 0 included.
function sameBits(a: Float32Array, b: Float32Array, what: string): void {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) assert.fail(`${what}[${i}]: ${a[i]} vs ${b[i]}`);
  }
}

const X = Float32Array.from([
  NaN,
  -Infinity,
  Infinity,
  -0,
  0,
  -3.4e38,
  3.4e38,
  -1e4,
  1e4,
  ...Array.from({ length: 401 }, (_, i) => (i - 200) / 25),
]);

Deno.test("resolveActivation() resolves a name, a declaration or a handle once", async (t) => {
  await t.step("a frozen handle with every parameter checked", () => {
    const elu = resolveActivation("elu", { alpha: 2 });
    assert.ok(elu instanceof Activation);
    assert.ok(Object.isFrozen(elu) && Object.isFrozen(elu.params));
    (elu.uniforms as number[])[0] = 7; // a copy
    assert.deepEqual(elu.uniforms, [2]);
    assert.equal(elu.spec, ACTIVATIONS.find((s) => s.name === "elu"));
    assert.deepEqual(elu.params, { alpha: 2 });
    assert.equal(elu.program, fusedProgram(elu.spec));
    assert.equal(String(elu), "ELU (alpha = 2)");
    assert.equal(String(resolveActivation("relu")), "ReLU");
    assert.deepEqual(resolveActivation("hard_tanh").uniforms, [-1, 1]);
  });
  await t.step("a handle's parameters overridden, and checked again", () => {
    const tanh = resolveActivation("hard_tanh", { min_val: -2 });
    const moved = resolveActivation(tanh, { max_val: 3 });
    assert.deepEqual(moved.params, { min_val: -2, max_val: 3 });
    assert.deepEqual(tanh.params, { min_val: -2, max_val: 1 }); // unchanged
    assert.throws(() => resolveActivation(tanh, { max_val: -3 }), /must be a finite number in/);
    assert.throws(() => resolveActivation(tanh, null as never), /must be an object/);
  });
  await t.step("errors name what is wrong", () => {
    assert.throws(() => resolveActivation("nope"), /^Error: Unknown activation "nope"/);
    assert.throws(
      () => resolveActivation("elu", { alpha: -1 }),
      (e) => e instanceof RangeError && /\[0, ∞\), got the number -1/.test(e.message),
    );
    assert.throws(
      () => resolveActivation(42 as never),
      /^TypeError: Invalid activation: expected a registry name, an Activation or an activation declaration, got the number 42$/,
    );
    assert.throws(
      () => resolveActivation({ name: "mine", label: "Mine" } as never),
      /^TypeError: Invalid activation declaration: expected fn \(a function/,
    );
  });
  await t.step("one trace and compile per declaration, whatever the parameters", () => {
    resolveActivation("leaky_relu");
    const before = fusedProgramsCompiled();
    for (const alpha of [0.1, 0.2, 0.3]) resolveActivation("leaky_relu", { alpha });
    assert.equal(fusedProgramsCompiled(), before);
  });
});

Deno.test("a handle gives the bits its name gives", async (t) => {
  for (const spec of ACTIVATIONS) {
    await t.step(spec.name, () => {
      // the slider's upper ends: away from the defaults, inside every domain
      const params = Object.fromEntries(spec.params.map((p) => [p.name, p.max]));
      if (spec.name === "hard_tanh") params.min_val = -0.5;
      const handle = resolveActivation(spec.name, params);
      if (spec.inputs === 2) {
        const axis = [-3, -0.5, 0, 0.5, 2];
        const byName = activation2d(spec.name, axis, params), byHandle = activation2d(handle, axis);
        byName.outputs.forEach((g, i) => sameBits(g.values, byHandle.outputs[i].values, "out"));
        byName.jacobian.flat().forEach((g, i) =>
          sameBits(g.values, byHandle.jacobian.flat()[i].values, "jacobian")
        );
        return;
      }
      const byName = secondDerivative(spec.name, X, params);
      const byHandle = secondDerivative(handle, X);
      for (const key of ["y", "dy", "d2y"] as const) sameBits(byName[key], byHandle[key], key);
      const first = activation(handle, X);
      sameBits(first.y, activation(spec.name, X, params).y, "y");
      sameBits(first.dy, activation(spec.name, X, params).dy, "dy");
      const out = { y: new Float32Array(X.length), dy: new Float32Array(X.length) };
      activationInto(handle, X, out);
      sameBits(out.y, first.y, "into y");
      sameBits(out.dy, first.dy, "into dy");
    });
  }
});

// arctan: tf.atan is a kernel the symbolic backend has no scalar form of
const ARCTAN: ActivationSpec = {
  name: "arctan",
  label: "Arctan",
  formula: "f(x) = \\arctan(x)",
  derivative: "f'(x) = \\frac{1}{1 + x^2}",
  inputs: 1,
  outputs: 1,
  params: [{
    name: "scale",
    label: "Scale",
    default: 1,
    domain: { min: -Infinity, max: Infinity },
    min: 0,
    max: 2,
    step: 0.1,
  }],
  kinks: () => [],
  view: { color: "#123456", x: [-5, 5], y: [-2, 2], dx: [-5, 5], dy: [0, 1.25] },
  fn: (x, p) => tf.mul(tf.atan(x), p.scale),
};

// atan(x1 + x2): a two-input activation on the same kernel
const ARCTAN_SUM: ActivationSpec = {
  ...ARCTAN,
  name: "arctan_sum",
  label: "Arctan of the sum",
  inputs: 2,
  params: [],
  fn: (x) => tf.atan(tf.sum(x, -1, true)),
};

// within `tol` relative of the float64 value, or of 0 by 1e-30
function near(got: number, want: number, tol: number, what: string): void {
  const ok = Math.abs(got - want) <= tol * Math.abs(want) + 1e-30;
  assert.ok(ok, `${what}: ${got} vs ${want}`);
}

Deno.test("an activation the compiler cannot take runs on tfjs kernel by kernel", async (t) => {
  const notes: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => notes.push(args.join(" "));
  try {
    const handle = resolveActivation(ARCTAN, { scale: 2 });
    await t.step("no program, and one note naming the operation", () => {
      assert.equal(handle.program, undefined);
      resolveActivation(ARCTAN);
      activation(handle, [1]);
      secondDerivative(handle, [1]);
      assert.deepEqual(notes, [
        'Activation "arctan" runs on TensorFlow.js kernel by kernel (the same autodiff, more ' +
        'slowly): The fused compiler does not know the tfjs kernel "Atan"',
      ]);
      assert.throws(() => fusedProgram(ARCTAN), UnsupportedOperationError);
      assert.throws(() => activationProgram(handle), /does not know the tfjs kernel "Atan"/);
    });
    for (const backend of ["wasm", "cpu"] as const) {
      await t.step(`values and derivatives match the closed form (${backend})`, async () => {
        await useBackend(backend);
        try {
          const { y, dy, d2y } = secondDerivative(handle, X);
          const out = { y: new Float32Array(X.length), dy: new Float32Array(X.length) };
          activationInto(handle, X, out);
          for (let i = 0; i < X.length; i++) {
            const x = X[i];
            if (Number.isNaN(x)) {
              assert.ok([y[i], dy[i], d2y[i], out.y[i], out.dy[i]].every(Number.isNaN));
              continue;
            }
            const s = 1 + x * x;
            near(y[i], 2 * Math.atan(x), 1e-6, `f(${x})`);
            near(dy[i], 2 / s, 1e-6, `f'(${x})`);
            if (Math.abs(x) <= 1e4) near(d2y[i], (-4 * x) / (s * s), 1e-5, `f''(${x})`);
            assert.ok(Object.is(out.y[i], y[i]) && Object.is(out.dy[i], dy[i]), `into ${x}`);
          }
          const alone = tfjsActivation(handle, X);
          sameBits(activation(handle, X).y, alone.y, "activation() is tfjsActivation()");
        } finally {
          await useBackend();
        }
      });
    }
    await t.step("a two-input activation too", () => {
      const axis = [-2, 0, 0.5, 3];
      const { outputs, jacobian } = activation2d(resolveActivation(ARCTAN_SUM), axis);
      for (let r = 0, k = 0; r < axis.length; r++) {
        for (let c = 0; c < axis.length; c++, k++) {
          const s = axis[c] + axis[r];
          near(outputs[0].values[k], Math.atan(s), 1e-6, `f(${axis[c]}, ${axis[r]})`);
          for (const d of jacobian[0]) near(d.values[k], 1 / (1 + s * s), 1e-6, "∂f");
        }
      }
      assert.equal(notes.length, 2);
      assert.match(notes[1], /^Activation "arctan_sum" runs on TensorFlow\.js kernel by kernel/);
    });
  } finally {
    console.warn = warn;
  }
});
