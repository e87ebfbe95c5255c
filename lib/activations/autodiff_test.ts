import assert from "node:assert/strict";
import {
  activation,
  activation2d,
  activationInto,
  activationProgram,
  secondDerivative,
} from "./autodiff.ts";
import { tfjsActivation, tfjsActivation2d, tfjsSecondDerivative } from "./tfjs_autodiff.ts";
import { ACTIVATIONS, getActivation } from "./activations.ts";
import type { Grid } from "../grid.ts";
import { tf, useBackend } from "../tf.ts";
import { assertClose, centralDifference, dense, EXTREMES } from "../../tests/_helpers/numeric.ts";

import { dsig, refs, settings, sig, withDefaults } from "./closed_forms_test.ts";

const ELEMENTWISE = ACTIVATIONS.filter((s) => s.inputs === 1);

// huge finite inputs: beyond every cap and cut-off, up to the largest float32s
const HUGE = [1e9, 1e20, 3.4e38].flatMap((v) => [v, -v]).map(Math.fround);
// dense in [-10, 10], around the float32 overflow/underflow edges of exp, and coarse to ±1e4
const POINTS = [
  ...EXTREMES,
  ...HUGE,
  ...dense(-10, 10, 2001),
  ...dense(-90, -85, 101),
  ...dense(85, 90, 101),
  ...dense(-1e4, 1e4, 201),
];

type Run = typeof activation;

// got[i] against f(xs[i]): equal where the float32 rounding of the exact value is ±∞
// (Exponential beyond 88.72, SELU at 3.4e38), else within the mixed tolerance.
function assertValues(
  got: ArrayLike<number>,
  xs: number[],
  f: (x: number) => number,
  what: string,
  options: Parameters<typeof assertClose>[4] = {},
): void {
  const finite = xs.map((x) => Number.isFinite(Math.fround(f(x))));
  for (let i = 0; i < xs.length; i++) {
    if (!finite[i]) assert.equal(got[i], Math.fround(f(xs[i])), `${what}(${xs[i]})`);
  }
  const keep = xs.flatMap((_, i) => (finite[i] ? [i] : []));
  assertClose(keep.map((i) => got[i]), keep.map((i) => xs[i]), f, what, options);
}

function checkAgainstClosedForms(
  name: string,
  options: Record<string, number>,
  run: Run = activation,
): void {
  const p = withDefaults(name, options);
  const ref = refs(p)[name];
  assert.ok(ref, `no reference for ${name}`);
  const spec = getActivation(name);
  const kinks = new Set([...spec.kinks(p), ...(spec.pieces?.(p) ?? [])].map(Math.fround));
  const { y, dy } = run(name, POINTS, options);
  const tag = `${name}${JSON.stringify(options)}`;
  for (let i = 0; i < POINTS.length; i++) {
    assert.ok(!Number.isNaN(y[i]) && !Number.isNaN(dy[i]), `${tag}: NaN at ${POINTS[i]}`);
  }
  // at a kink the left derivative exactly (no input perturbation across the kink)
  const smooth = POINTS.filter((x) => !kinks.has(x));
  const at = (arr: Float32Array, xs: number[]) => xs.map((x) => arr[POINTS.indexOf(x)]);
  assertValues(y, POINTS, ref.f, `${tag} f`);
  assertValues(at(dy, smooth), smooth, ref.df, `${tag} f'`);
  const kinkXs = [...kinks];
  if (kinkXs.length > 0) {
    const k = run(name, kinkXs, options);
    assertClose(k.dy, kinkXs, ref.df, `${tag} f' at kinks`, { ulps: 0 });
  }
}

// f and f' at ±∞ (and at finite numbers that round to float32 ±∞) are the exact limits
function checkLimits(name: string, options: Record<string, number>, run: Run): void {
  const p = withDefaults(name, options);
  const [fLeft, fRight, dLeft, dRight] = refs(p)[name].limits;
  const { y, dy } = run(name, [-Infinity, -3.5e38, Infinity, 3.5e38], options);
  const tag = `${name}${JSON.stringify(options)}`;
  const want = [fLeft, fLeft, fRight, fRight].map(Math.fround);
  const wantD = [dLeft, dLeft, dRight, dRight].map(Math.fround);
  assert.deepEqual([...y].map((v) => v + 0), want.map((v) => v + 0), `${tag} f(±∞)`);
  assert.deepEqual([...dy].map((v) => v + 0), wantD.map((v) => v + 0), `${tag} f'(±∞)`);
}

Deno.test("activation() (fused kernel) matches float64 closed forms", async (t) => {
  for (const spec of ELEMENTWISE) {
    await t.step(spec.name, () => {
      for (const o of settings(spec.name)) checkAgainstClosedForms(spec.name, o);
    });
  }
});

for (const backend of ["wasm", "cpu"] as const) {
  Deno.test(`tfjsActivation() matches float64 closed forms on ${backend}`, async (t) => {
    await useBackend(backend);
    try {
      for (const spec of ELEMENTWISE) {
        await t.step(spec.name, () => {
          for (const o of settings(spec.name)) {
            checkAgainstClosedForms(spec.name, o, tfjsActivation);
          }
        });
      }
    } finally {
      await useBackend();
    }
  });
}

Deno.test("activation() and tfjsActivation() give the exact limits at ±∞", async (t) => {
  for (const [path, run] of [["fused", activation], ["tfjs", tfjsActivation]] as const) {
    for (const backend of path === "fused" ? ["wasm"] as const : ["wasm", "cpu"] as const) {
      await useBackend(backend);
      try {
        await t.step(`${path} ${backend}`, () => {
          for (const spec of ELEMENTWISE) {
            for (const o of settings(spec.name)) checkLimits(spec.name, o, run);
          }
        });
      } finally {
        await useBackend();
      }
    }
  }
  await t.step("the issue's examples", () => {
    const at = (name: string, x: number, o = {}) => {
      const { y, dy } = activation(name, [x], o);
      return [y[0], dy[0]];
    };
    assert.deepEqual(at("hard_tanh", Infinity), [1, 0]);
    assert.deepEqual(at("softsign", -Infinity), [-1, 0]);
    assert.deepEqual(at("elu", -Infinity, { alpha: 0.5 }), [-0.5, 0]);
    assert.deepEqual(at("gelu", -1e9).map((v) => v + 0), [0, 0]);
    assert.deepEqual(at("mish", 1e9), [1e9, 1]);
    assert.deepEqual(at("gelu", 1e9), [1e9, 1]);
  });
});

// f'' within 1e-5 relative at an input 4 float32 steps away, plus 5e-7 of the largest
// |f''| over [-10, 10] (float32 rounding of the terms of f'' that cancel where it crosses 0)
function checkSecondDerivative(
  name: string,
  options: Record<string, number>,
  run: typeof secondDerivative,
): void {
  const p = withDefaults(name, options);
  const ref = refs(p)[name];
  const spec = getActivation(name);
  const breaks = new Set([...spec.kinks(p), ...(spec.pieces?.(p) ?? [])].map(Math.fround));
  const xs = POINTS.filter((x) => !breaks.has(x));
  const { d2y } = run(name, xs, options);
  const tag = `${name}${JSON.stringify(options)} f''`;
  for (let i = 0; i < xs.length; i++) assert.ok(!Number.isNaN(d2y[i]), `${tag}: NaN at ${xs[i]}`);
  const scale = Math.max(...dense(-10, 10, 2001).map((x) => Math.abs(ref.d2f(x))));
  assertValues(d2y, xs, ref.d2f, tag, { rtol: 1e-5, atol: 5e-7 * scale + 2e-36 });
  // at the breaks: the case holding the point (the left one for kinks)
  const at = [...breaks];
  if (at.length > 0) {
    assertClose(run(name, at, options).d2y, at, ref.d2f, `${tag} at breaks`, {
      ulps: 0,
      rtol: 1e-5,
      atol: 5e-7 * scale,
    });
  }
}

Deno.test("secondDerivative() matches float64 closed forms", async (t) => {
  for (const spec of ELEMENTWISE) {
    await t.step(spec.name, () => {
      for (const o of settings(spec.name)) checkSecondDerivative(spec.name, o, secondDerivative);
    });
  }
});

for (const backend of ["wasm", "cpu"] as const) {
  Deno.test(`tfjsSecondDerivative() matches float64 closed forms on ${backend}`, async (t) => {
    await useBackend(backend);
    try {
      for (const spec of ELEMENTWISE) {
        await t.step(spec.name, () => {
          for (const o of settings(spec.name)) {
            checkSecondDerivative(spec.name, o, tfjsSecondDerivative);
          }
        });
      }
    } finally {
      await useBackend();
    }
  });
}

Deno.test("secondDerivative() returns activation()'s f and f', and limits at ±∞", () => {
  const x = [...POINTS, -Infinity, Infinity, NaN];
  // the same kernels in another program: a division may become a product by a shared
  // reciprocal (wasm_loop.ts), so equal within float32 rounding
  const near = (a: Float32Array, b: Float32Array, what: string) =>
    a.forEach((v, i) =>
      assert.ok(
        Object.is(v, b[i]) || Math.abs(v - b[i]) <= 3e-7 * Math.abs(b[i]),
        `${what}(${x[i]}): ${v} vs ${b[i]}`,
      )
    );
  for (const spec of ELEMENTWISE) {
    for (const [k, o] of settings(spec.name).entries()) {
      const first = activation(spec.name, x, o), second = secondDerivative(spec.name, x, o);
      near(second.y, first.y, `${spec.name} f`);
      near(second.dy, first.dy, `${spec.name} f'`);
      const d2 = second.d2y.subarray(POINTS.length);
      const right = spec.name === "exponential" ? Infinity : 0;
      // at the defaults: below 1e-36 (squareplus with a large b decays slowly, 1/|x|³)
      const tiny = (v: number, want: number) => v === want || Math.abs(v - want) < 1e-36;
      if (k === 0) assert.ok(tiny(d2[0], 0) && tiny(d2[1], right), spec.name);
      assert.ok(Number.isNaN(d2[2]), spec.name);
    }
  }
});

Deno.test("activation() agrees with float64 central differences on smooth regions", async (t) => {
  const xs = dense(-6, 6, 241);
  for (const spec of ELEMENTWISE) {
    await t.step(spec.name, () => {
      const p = withDefaults(spec.name, {});
      const f = refs(p)[spec.name].f;
      const kinks = [...spec.kinks(p), ...(spec.pieces?.(p) ?? [])];
      const smooth = xs.filter((x) => kinks.every((k) => Math.abs(x - k) > 1e-3));
      const { dy } = activation(spec.name, smooth);
      for (let i = 0; i < smooth.length; i++) {
        const fd = centralDifference(f, smooth[i], 1e-6);
        const err = Math.abs(dy[i] - fd);
        assert.ok(
          err <= 1e-6 * Math.abs(fd) + 1e-7,
          `${spec.name}'(${smooth[i]}): autodiff ${dy[i]}, central difference ${fd}`,
        );
      }
    });
  }
});

Deno.test("activation() edge cases", async (t) => {
  await t.step("ELU gradient at -30 flows through exp, not y + 1", () => {
    const { dy } = activation("elu", [-30]);
    assert.ok(Math.abs(dy[0] / Math.exp(-30) - 1) < 1e-6, `got ${dy[0]}`);
  });
  await t.step("the original's tanh overflow: finite at ±100 and ±1e4", () => {
    const { y, dy } = activation("tanh", [-1e4, -100, 100, 1e4]);
    assert.deepEqual([...y], [-1, -1, 1, 1]);
    assert.deepEqual([...dy], [0, 0, 0, 0]);
  });
  await t.step("kinks take the left derivative", () => {
    assert.deepEqual([...activation("relu", [0]).dy], [0]);
    assert.deepEqual([...activation("relu6", [0, 6]).dy], [0, 1]);
    assert.deepEqual([...activation("hard_tanh", [-1, 1]).dy], [0, 1]);
    assert.equal(activation("leaky_relu", [0]).dy[0], Math.fround(0.3));
    assert.equal(activation("elu", [0], { alpha: 0.5 }).dy[0], 0.5);
    assert.deepEqual([...activation("hard_sigmoid", [-3, 3]).dy], [0, Math.fround(1 / 6)]);
    assert.deepEqual([...activation("hard_silu", [-3, 3]).dy], [0, 1.5]);
  });
  await t.step("kinks() lists the jumps of f'", () => {
    assert.deepEqual(getActivation("relu").kinks({}), [0]);
    assert.deepEqual(getActivation("elu").kinks({ alpha: 1 }), []);
    assert.deepEqual(getActivation("elu").kinks({ alpha: 0.5 }), [0]);
    assert.deepEqual(getActivation("relu6").kinks({}), [0, 6]);
    assert.deepEqual(getActivation("sigmoid").kinks({}), []);
  });
  await t.step("NaN in, NaN out", () => {
    for (const spec of ELEMENTWISE) {
      const { y, dy } = activation(spec.name, [NaN, 1]);
      assert.ok(Number.isNaN(y[0]), `${spec.name} f(NaN) = ${y[0]}`);
      assert.ok(Number.isNaN(dy[0]), `${spec.name} f'(NaN) = ${dy[0]}`);
      assert.ok(Number.isFinite(y[1]));
    }
  });
  await t.step("empty in, empty out", () => {
    const { y, dy } = activation("relu", []);
    assert.equal(y.length, 0);
    assert.equal(dy.length, 0);
  });
  await t.step("any array-like; result does not alias the input", () => {
    const x = new Float32Array([1, 2]);
    for (const backend of [x, [1, 2], new Float64Array([1, 2])]) {
      const { y } = activation("identity", backend);
      assert.deepEqual([...y], [1, 2]);
      assert.notEqual(y, x);
    }
  });
  await t.step("parameters outside the tfjs layers' limits (ELU alpha != 1)", () => {
    const { y, dy } = activation("elu", [-1], { alpha: 0.5 });
    assert.ok(Math.abs(y[0] - 0.5 * Math.expm1(-1)) < 1e-7);
    assert.ok(Math.abs(dy[0] - 0.5 * Math.exp(-1)) < 1e-7);
  });
});

Deno.test("activation() rejects bad input", async (t) => {
  await t.step("unknown name lists the valid names", () => {
    assert.throws(
      () => activation("foo", [1]),
      (e: Error) => e.message.includes('"foo"') && e.message.includes('"leaky_relu"'),
    );
  });
  await t.step("parameter outside its domain or not finite", () => {
    for (const bad of [NaN, Infinity, -Infinity, -0.3]) {
      assert.throws(
        () => activation("leaky_relu", [1], { alpha: bad }),
        (e: Error) =>
          e instanceof RangeError && e.message.includes('"alpha"') &&
          e.message.includes(`got the number ${bad}`) && e.message.includes("[0, ∞)"),
      );
    }
    assert.throws(
      // deno-lint-ignore no-explicit-any
      () => activation("elu", [1], { alpha: "1" as any }),
      new TypeError(
        'Parameter "alpha" of "elu" must be a finite number in [0, ∞), got the string "1"',
      ),
    );
  });
  await t.step("the domain, not the slider: ELU alpha = 2 works", () => {
    const { y } = activation("elu", [-1], { alpha: 2 });
    assert.ok(Math.abs(y[0] - 2 * Math.expm1(-1)) < 1e-6);
  });
  await t.step("unknown option key names the valid parameters", () => {
    assert.throws(
      () => activation("elu", [1], { beta: 1 }),
      (e: Error) =>
        e instanceof RangeError && e.message.includes('"beta"') && e.message.includes('"alpha"'),
    );
    assert.throws(() => activation("relu", [1], { alpha: 1 }), /takes no parameters/);
  });
  await t.step("two-input functions need activation2d()", () => {
    assert.throws(() => activation("softmax", [1]), TypeError);
    assert.throws(() => activation2d("relu", [1]), TypeError);
  });
  await t.step("x must be a flat array-like of numbers", () => {
    // deno-lint-ignore no-explicit-any
    assert.throws(() => activation("relu", [[1, 2]] as any), TypeError);
    // deno-lint-ignore no-explicit-any
    assert.throws(() => activation("relu", 3 as any), TypeError);
  });
});

Deno.test("activation2d() values and Jacobian by autodiff", async (t) => {
  const axis = dense(0, 10, 41);
  const n = axis.length;
  await t.step("softmax against the original's hand formula", () => {
    const { outputs, jacobian } = activation2d("softmax", axis);
    assert.equal(outputs.length, 2);
    assert.equal(jacobian.length, 2);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        const x1 = axis[i], x2 = axis[j];
        const s1 = sig(x1 - x2), s2 = sig(x2 - x1);
        const near = (got: number, want: number, what: string) =>
          assert.ok(
            Math.abs(got - want) <= 2e-6 * Math.abs(want) + 1e-38,
            `${what} at (${x1}, ${x2}): ${got} vs ${want}`,
          );
        near(outputs[0].values[k], s1, "s1");
        near(outputs[1].values[k], s2, "s2");
        near(jacobian[0][0].values[k], s1 * (1 - s1), "ds1/dx1"); // the original's formula
        near(jacobian[0][1].values[k], -s1 * s2, "ds1/dx2"); // the original's formula
        near(jacobian[1][0].values[k], -s1 * s2, "ds2/dx1");
        near(jacobian[1][1].values[k], s1 * s2, "ds2/dx2");
      }
    }
    assert.deepEqual([...outputs[0].x1], axis);
    assert.deepEqual([...outputs[0].x2], axis);
  });
  await t.step("softmax far apart: Jacobian stays relative-accurate", () => {
    const { jacobian } = activation2d("softmax", { x1: [0], x2: [40] });
    const want = sig(-40) * sig(40);
    assert.ok(Math.abs(jacobian[0][0].values[0] / want - 1) < 1e-6);
  });
  await t.step("maxout against the indicator, ties to x1", () => {
    const { outputs, jacobian } = activation2d("maxout", axis);
    assert.equal(outputs.length, 1);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        assert.equal(outputs[0].values[k], Math.max(axis[i], axis[j]));
        assert.equal(jacobian[0][0].values[k], axis[i] >= axis[j] ? 1 : 0);
        assert.equal(jacobian[0][1].values[k], axis[i] < axis[j] ? 1 : 0);
      }
    }
  });
  await t.step("GLU, Log Softmax, Softmin and Sparsemax against closed forms", () => {
    const ax = dense(-4, 4, 33);
    const m = ax.length;
    const sp = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    type Closed = (x1: number, x2: number) => { out: number[]; jac: number[][] };
    const closed: Record<string, Closed> = {
      glu: (x1, x2) => ({ out: [x1 * sig(x2)], jac: [[sig(x2), x1 * dsig(x2)]] }),
      log_softmax: (x1, x2) => {
        const s1 = sig(x1 - x2), s2 = sig(x2 - x1);
        return { out: [-sp(x2 - x1), -sp(x1 - x2)], jac: [[1 - s1, -s2], [-s1, 1 - s2]] };
      },
      softmin: (x1, x2) => {
        const s1 = sig(x2 - x1), s2 = sig(x1 - x2), c = s1 * s2;
        return { out: [s1, s2], jac: [[-c, c], [c, -c]] };
      },
      // at |x1 - x2| = 1 the left derivative in d = x1 - x2 for f1, in -d for f2
      sparsemax: (x1, x2) => {
        const d = x1 - x2, p1 = Math.min(Math.max((d + 1) / 2, 0), 1);
        const g1 = d > -1 && d <= 1 ? 0.5 : 0, g2 = d >= -1 && d < 1 ? 0.5 : 0;
        return { out: [p1, 1 - p1], jac: [[g1, -g1], [-g2, g2]] };
      },
    };
    for (const [name, ref] of Object.entries(closed)) {
      for (const run of [activation2d, tfjsActivation2d]) {
        const { outputs, jacobian } = run(name, ax);
        for (let j = 0; j < m; j++) {
          for (let i = 0; i < m; i++) {
            const k = j * m + i, want = ref(ax[i], ax[j]);
            const near = (got: number, w: number, what: string) =>
              assert.ok(
                Math.abs(got - w) <= 2e-6 * Math.abs(w) + 1e-7,
                `${name} ${what} at (${ax[i]}, ${ax[j]}): ${got} vs ${w}`,
              );
            want.out.forEach((w, o) => near(outputs[o].values[k], w, `f${o + 1}`));
            want.jac.forEach((row, o) =>
              row.forEach((w, q) => near(jacobian[o][q].values[k], w, `J${o + 1}${q + 1}`))
            );
          }
        }
      }
    }
  });
  await t.step("separate axes follow the Grid convention", () => {
    const { outputs } = activation2d("maxout", { x1: [0, 1, 2], x2: [5, 6] });
    assert.deepEqual([...outputs[0].values], [5, 5, 5, 6, 6, 6]);
    assert.equal(outputs[0].x1.length, 3);
  });
  await t.step("the fused grids equal tfjs's kernel by kernel on wasm and cpu", async () => {
    for (const name of ["softmax", "maxout", "glu", "log_softmax", "softmin", "sparsemax"]) {
      const fused = activation2d(name, axis);
      for (const backend of ["wasm", "cpu"] as const) {
        await useBackend(backend);
        try {
          const tfjs = tfjsActivation2d(name, axis);
          const pairs: [Grid, Grid, string][] = fused.outputs.map((g, i) => [
            g,
            tfjs.outputs[i],
            `${name} f${i}`,
          ]);
          fused.jacobian.forEach((row, i) =>
            row.forEach((g, j) => pairs.push([g, tfjs.jacobian[i][j], `${name} J${i}${j}`]))
          );
          for (const [a, b, what] of pairs) {
            for (let k = 0; k < a.values.length; k++) {
              const [u, v] = [a.values[k], b.values[k]];
              assert.ok(Math.abs(u - v) <= 4e-6 * Math.abs(u) + 1e-36, `${backend} ${what}[${k}]`);
            }
          }
        } finally {
          await useBackend();
        }
      }
    }
  });
  await t.step("wrong shapes", () => {
    // deno-lint-ignore no-explicit-any
    assert.throws(() => activation2d("softmax", [[0, 1]] as any), TypeError);
    assert.throws(() => activation2d("softmax", []), /at least one/);
    assert.throws(() => activation2d("softmax", [1, 0]), RangeError);
  });
});

Deno.test("activation() and activation2d() leak no tensors", async (t) => {
  const calls: [string, () => unknown][] = [
    ...ELEMENTWISE.map((s) =>
      [s.name, () => activation(s.name, [-1, 0, 1, NaN])] as [
        string,
        () => unknown,
      ]
    ),
    ...ELEMENTWISE.map((s) =>
      [`tfjs ${s.name}`, () => tfjsActivation(s.name, [-1, 0, 1, NaN])] as [
        string,
        () => unknown,
      ]
    ),
    ...ACTIVATIONS.filter((s) => s.inputs === 2).flatMap((s) => [
      [s.name, () => activation2d(s.name, [0, 1, 2])] as [string, () => unknown],
      [`tfjs ${s.name}`, () => tfjsActivation2d(s.name, [0, 1, 2])] as [string, () => unknown],
    ]),
    ...ELEMENTWISE.map((s) =>
      [`second ${s.name}`, () => tfjsSecondDerivative(s.name, [-1, 0, 1, NaN, Infinity])] as [
        string,
        () => unknown,
      ]
    ),
    ["unknown name", () => activation("foo", [1])],
    ["bad parameter", () => activation("elu", [1], { alpha: -9 })],
    ["bad shape", () => activation2d("softmax", [2, 1])],
    ["empty", () => activation("relu", [])],
    [
      "into",
      () => activationInto("elu", [-1, 2], { y: new Float32Array(2), dy: new Float32Array(2) }),
    ],
    [
      "into, bad out",
      () => activationInto("elu", [-1, 2], { y: new Float32Array(1), dy: new Float32Array(2) }),
    ],
  ];
  for (const backend of ["wasm", "cpu"] as const) {
    await useBackend(backend);
    for (const [what, call] of calls) {
      await t.step(`${backend}: ${what}`, () => {
        const before = tf.memory().numTensors;
        try {
          call();
        } catch {
          // expected for the bad calls
        }
        assert.equal(tf.memory().numTensors, before);
      });
    }
  }
  await useBackend();
});

Deno.test("activationInto() writes activation()'s values into the caller's arrays", async (t) => {
  // 3 chunks of the fused loop (2^16 points each) and a ragged end, NaN and extremes inside
  const n = 2 * 65536 + 1003;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = -40 + 80 * i / (n - 1);
  x.set([NaN, 0, -0, 1e-7, -1e4, 1e4, 88.8, -104], 65530);
  const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
  for (const spec of ELEMENTWISE) {
    await t.step(spec.name, () => {
      for (const o of settings(spec.name)) {
        const want = activation(spec.name, x, o);
        const out = { y: new Float32Array(n).fill(7), dy: new Float32Array(n).fill(7) };
        assert.equal(activationInto(spec.name, x, out, o), out);
        assert.deepEqual(bits(out.y), bits(want.y));
        assert.deepEqual(bits(out.dy), bits(want.dy));
        // in place: y over x, then dy over x
        const y = x.slice(), dy = new Float32Array(n);
        activationInto(spec.name, y, { y, dy }, o);
        assert.deepEqual(bits(y), bits(want.y));
        assert.deepEqual(bits(dy), bits(want.dy));
        const d = x.slice(), v = new Float32Array(n);
        activationInto(spec.name, d, { y: v, dy: d }, o);
        assert.deepEqual(bits(d), bits(want.dy));
        // from a plain array, into views of one buffer
        const buffer = new ArrayBuffer(8 * 3);
        const views = { y: new Float32Array(buffer, 0, 3), dy: new Float32Array(buffer, 12, 3) };
        activationInto(spec.name, [x[0], x[65530], x[n - 1]], views, o);
        assert.deepEqual(
          bits(new Float32Array(buffer)),
          bits(
            new Float32Array([
              want.y[0],
              want.y[65530],
              want.y[n - 1],
              want.dy[0],
              want.dy[65530],
              want.dy[n - 1],
            ]),
          ),
        );
      }
    });
  }
  await t.step("empty", () => {
    const out = { y: new Float32Array(0), dy: new Float32Array(0) };
    assert.equal(activationInto("relu", [], out), out);
  });
});

Deno.test("activationInto() rejects unsafe outputs and writes nothing", async (t) => {
  const x = new Float32Array([-1, 0, 2]);
  const shared = new Float32Array(8);
  const cases: [string, unknown, RegExp][] = [
    [
      "no out",
      undefined,
      /Invalid out = undefined: expected \{ y, dy \}: two Float32Arrays of length 3/,
    ],
    [
      "short y",
      { y: new Float32Array(2), dy: new Float32Array(3) },
      /out\.y = Float32Array of length 2/,
    ],
    [
      "float64 dy",
      { y: new Float32Array(3), dy: new Float64Array(3) },
      /out\.dy = Float64Array of length 3/,
    ],
    ["array y", { y: [0, 0, 0], dy: new Float32Array(3) }, /out\.y = Array of length 3/],
    ["missing dy", { y: new Float32Array(3) }, /out\.dy = undefined/],
    ["same array", { y: shared.subarray(0, 3), dy: shared.subarray(0, 3) }, /share memory/],
    ["overlapping", { y: shared.subarray(0, 3), dy: shared.subarray(2, 5) }, /share memory/],
  ];
  for (const [what, out, message] of cases) {
    await t.step(what, () => {
      shared.fill(5);
      // deno-lint-ignore no-explicit-any
      assert.throws(() => activationInto("relu", x, out as any), (e: Error) => {
        assert.ok(e instanceof TypeError, String(e));
        assert.match(e.message, message);
        return true;
      });
      assert.deepEqual([...shared], new Array(8).fill(5));
    });
  }
  await t.step("y overlapping x in part", () => {
    const buf = new Float32Array([-1, 0, 2, 3]);
    const input = buf.subarray(0, 3), y = buf.subarray(1, 4);
    assert.throws(
      () => activationInto("relu", input, { y, dy: new Float32Array(3) }),
      /out\.y: it overlaps x in part/,
    );
    assert.deepEqual([...buf], [-1, 0, 2, 3]);
  });
  await t.step("bad name and parameter, as activation()", () => {
    const out = { y: new Float32Array(3), dy: new Float32Array(3) };
    assert.throws(() => activationInto("foo", x, out), /Unknown activation "foo": expected one of/);
    assert.throws(() => activationInto("elu", x, out, { alpha: -9 }), RangeError);
    assert.throws(() => activationInto("softmax", x, out), /use activation2d\(\)/);
    assert.deepEqual([...out.y, ...out.dy], [0, 0, 0, 0, 0, 0]);
  });
});

Deno.test("activationProgram() shows the fused program, tfjs's gradient included", () => {
  const elu = activationProgram("elu", { alpha: 0.5 });
  // one exp, shared by expm1 and by tfjs's gradient of expm1; alpha an input, read once
  assert.equal(elu.match(/\bexp\(/g)?.length, 1, elu);
  assert.match(elu, /= us\[0\]; \/\/ alpha\n {2}for \(/);
  assert.match(activationProgram("softmax"), /O5\[i\]/); // 2 outputs + 4 Jacobian entries
  assert.throws(() => activationProgram("foo"), /Unknown activation "foo": expected one of/);
  assert.throws(() => activationProgram("elu", { alpha: -9 }), RangeError);
});
