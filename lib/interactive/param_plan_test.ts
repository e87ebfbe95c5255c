import assert from "node:assert/strict";
import { paramGrid, planParams } from "./param_plan.ts";

const ALPHA = { name: "alpha", label: "Alpha", default: 0.3, min: 0.01, max: 1, step: 0.01 };

Deno.test("paramGrid() behaviour", async (t) => {
  await t.step("the original's grid", () => {
    const g = paramGrid(ALPHA);
    assert.equal(g.length, 100);
    assert.ok(g.every((v, k) => Math.abs(v - (0.01 + 0.01 * k)) < 1e-12));
    assert.ok(g.every((v) => v >= 0.01 && v <= 1));
    assert.equal(g[29], 0.3);
  });
  await t.step("a max off the grid is not exceeded", () => {
    const g = paramGrid({ ...ALPHA, default: 0, min: 0, max: 1, step: 0.3 });
    assert.deepEqual(g, [0, 0.3, 0.6, 0.9]);
  });
  const cases: [string, Partial<typeof ALPHA>, RegExp][] = [
    ["NaN min", { min: NaN }, /"alpha".*finite.*min NaN/],
    ["infinite max", { max: Infinity }, /"alpha".*max Infinity/],
    ["min >= max", { min: 1, max: 1, default: 1 }, /"alpha".*min < max.*min 1, max 1/],
    ["zero step", { step: 0 }, /"alpha".*step > 0.*step 0/],
    ["negative step", { step: -0.01 }, /"alpha".*step > 0/],
    ["missing step", { step: undefined }, /"alpha".*step undefined/],
    ["huge grid", { step: 1e-9 }, /"alpha".*at most 10000/],
    ["default outside", { default: 2 }, /"alpha" has default 2 outside \[0.01, 1\]/],
    ["default off the grid", { default: 0.305 }, /"alpha" has default 0.305, which is not/],
  ];
  for (const [what, change, message] of cases) {
    await t.step(what, () => {
      assert.throws(
        () => paramGrid({ ...ALPHA, ...change } as typeof ALPHA),
        (e: Error) => e instanceof RangeError && message.test(e.message),
      );
    });
  }
});

const A = { name: "a", label: "Slope", default: 1, min: -2, max: 2, step: 0.5 };
const B = { name: "b", label: "Offset", default: 0, min: -1, max: 1, step: 0.5 };

Deno.test("planParams() behaviour", async (t) => {
  await t.step("product grid, first parameter most significant", () => {
    const plan = planParams([A, B], 100);
    assert.equal(plan.mode, "product");
    assert.equal(plan.records.length, 45);
    assert.deepEqual(plan.records[0], { a: -2, b: -1 });
    assert.deepEqual(plan.records[1], { a: -2, b: -0.5 });
    assert.deepEqual(plan.records[44], { a: 2, b: 1 });
    assert.deepEqual(plan.defaults, [6, 2]);
  });
  await t.step("lines at the defaults when the product does not fit", () => {
    const plan = planParams([A, B], 44);
    assert.equal(plan.mode, "lines");
    assert.equal(plan.records.length, 14);
    assert.deepEqual(plan.records[0], { a: -2, b: 0 });
    assert.deepEqual(plan.records[9], { a: 1, b: -1 });
  });
  await t.step("no parameters", () => {
    assert.throws(() => planParams([], 10), RangeError);
  });
  await t.step("bad declaration", () => {
    assert.throws(() => planParams([A, { ...B, max: NaN }], 10), /"b" needs a finite/);
  });
});
