import assert from "node:assert/strict";
import { getActivation } from "./activations.ts";
import { resolveParams } from "./resolve_params.ts";

Deno.test("resolveParams() fills defaults and validates", async (t) => {
  const elu = getActivation("elu");
  await t.step("defaults", () => assert.deepEqual(resolveParams(elu), { alpha: 1 }));
  await t.step(
    "override",
    () => assert.deepEqual(resolveParams(elu, { alpha: 0.5 }), { alpha: 0.5 }),
  );
  await t.step("range ends are inclusive", () => {
    assert.deepEqual(resolveParams(elu, { alpha: 0.01 }), { alpha: 0.01 });
    assert.deepEqual(resolveParams(elu, { alpha: 1 }), { alpha: 1 });
  });
  await t.step("out of range, NaN, Infinity", () => {
    for (const v of [0, 1.01, NaN, Infinity, -Infinity]) {
      assert.throws(
        () => resolveParams(elu, { alpha: v }),
        (e: Error) =>
          e instanceof RangeError &&
          e.message ===
            `Parameter "alpha" of "elu" must be a finite number in [0.01, 1], got ${v}`,
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
    // deno-lint-ignore no-explicit-any
    assert.throws(() => resolveParams(elu, 3 as any), TypeError);
  });
});
