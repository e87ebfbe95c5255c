import assert from "node:assert/strict";
import { ACTIVATIONS, getActivation } from "./activations.ts";
import { formatDomain, resolveParams } from "./resolve_params.ts";

Deno.test("resolveParams() fills defaults and checks domains, not slider ranges", async (t) => {
  const elu = getActivation("elu");
  await t.step("defaults", () => assert.deepEqual(resolveParams(elu), { alpha: 1 }));
  await t.step(
    "override",
    () => assert.deepEqual(resolveParams(elu, { alpha: 0.5 }), { alpha: 0.5 }),
  );
  await t.step("beyond the slider, inside the domain", () => {
    assert.deepEqual(resolveParams(elu, { alpha: 2 }), { alpha: 2 });
    assert.deepEqual(resolveParams(elu, { alpha: 0 }), { alpha: 0 });
    assert.deepEqual(resolveParams(getActivation("prelu"), { alpha: -3 }), { alpha: -3 });
    const threshold = getActivation("threshold");
    assert.deepEqual(resolveParams(threshold, { threshold: -1e6, value: 1e6 }), {
      threshold: -1e6,
      value: 1e6,
    });
  });
  await t.step("outside the domain, NaN, ±Infinity: RangeError naming the domain", () => {
    for (const v of [-0.01, NaN, Infinity, -Infinity]) {
      assert.throws(
        () => resolveParams(elu, { alpha: v }),
        new RangeError(
          `Parameter "alpha" of "elu" must be a finite number in [0, ∞), got the number ${v}`,
        ),
      );
    }
    assert.throws(
      () => resolveParams(getActivation("softplus"), { beta: 0 }),
      new RangeError(
        'Parameter "beta" of "softplus" must be a finite number in (0, ∞), got the number 0',
      ),
    );
    assert.throws(
      () => resolveParams(getActivation("threshold"), { value: NaN }),
      new RangeError(
        'Parameter "value" of "threshold" must be a finite number in (−∞, ∞), got the number NaN',
      ),
    );
  });
  await t.step("domains that depend on another parameter", () => {
    const hardTanh = getActivation("hard_tanh");
    assert.deepEqual(resolveParams(hardTanh, { min_val: -5, max_val: -4 }), {
      min_val: -5,
      max_val: -4,
    });
    assert.throws(
      () => resolveParams(hardTanh, { max_val: -2 }),
      new RangeError(
        'Parameter "min_val" of "hard_tanh" must be a finite number in ' +
          "(−∞, max_val = -2), got the number -1",
      ),
    );
    assert.throws(
      () => resolveParams(hardTanh, { min_val: 1 }),
      /must be a finite number in \(−∞, max_val = 1\), got the number 1$/,
    );
    const rrelu = getActivation("rrelu");
    assert.deepEqual(resolveParams(rrelu, { lower: 0.2, upper: 0.2 }), { lower: 0.2, upper: 0.2 });
    assert.throws(
      () => resolveParams(rrelu, { lower: 0.5, upper: 0.4 }),
      new RangeError(
        'Parameter "lower" of "rrelu" must be a finite number in [0, upper = 0.4], got the number 0.5',
      ),
    );
  });
  await t.step("the wrong type: TypeError with the value's type", () => {
    const cases: [unknown, string][] = [
      ["0.5", 'the string "0.5"'],
      [true, "the boolean true"],
      [null, "null"],
      [[1], "an array of length 1"],
      [{ value: 1 }, "an object"],
      [1n, "the bigint 1n"],
    ];
    for (const [v, got] of cases) {
      assert.throws(
        // deno-lint-ignore no-explicit-any
        () => resolveParams(elu, { alpha: v as any }),
        new TypeError(`Parameter "alpha" of "elu" must be a finite number in [0, ∞), got ${got}`),
      );
    }
  });
  await t.step("unknown key", () => {
    assert.throws(
      () => resolveParams(elu, { alpah: 0.5 }),
      (e: Error) =>
        e instanceof RangeError &&
        e.message === 'Unknown parameter "alpah" for "elu": expected "alpha"',
    );
  });
  await t.step("not an object", () => {
    for (const bad of [3, "alpha", [0.5], null]) {
      // deno-lint-ignore no-explicit-any
      assert.throws(() => resolveParams(elu, bad as any), TypeError);
    }
  });
});

Deno.test("formatDomain() writes every declared domain in interval notation", () => {
  const seen = new Set<string>();
  for (const spec of ACTIVATIONS) {
    for (const p of spec.params) {
      const text = formatDomain(p);
      assert.match(text, /^[[(].+, .+[)\]]$/, `${spec.name}.${p.name}`);
      seen.add(text);
    }
  }
  for (const d of ["[0, ∞)", "(0, ∞)", "(−∞, ∞)", "(−∞, max_val)", "(min_val, ∞)"]) {
    assert.ok(seen.has(d), d);
  }
});
