import assert from "node:assert/strict";
import { checkGrid, linspace, meshgrid } from "./grid.ts";

Deno.test("linspace() matches NumPy's evenly spaced values", async (t) => {
  await t.step("the original's 2000 points over [-30, 30]", () => {
    const x = linspace(-30, 30, 2000);
    assert.equal(x.length, 2000);
    assert.equal(x[0], -30);
    assert.equal(x[1999], 30);
    for (const k of [1, 500, 999, 1000, 1998]) {
      const ref = -30 + k * (60 / 1999); // float64 reference
      assert.ok(Math.abs(x[k] - ref) <= 4e-6, `x[${k}] = ${x[k]}, expected ${ref}`);
    }
  });
  await t.step("the original's 200 points over [0, 10]", () => {
    const x = linspace(0, 10, 200);
    assert.ok(Math.abs(x[100] - 100 * 10 / 199) < 1e-6);
    for (let k = 1; k < 200; k++) assert.ok(x[k] > x[k - 1]);
  });
  await t.step("one point and descending ranges", () => {
    assert.deepEqual(Array.from(linspace(3, 7, 1)), [3]);
    assert.deepEqual(Array.from(linspace(1, -1, 3)), [1, 0, -1]);
  });
  await t.step("bad input", () => {
    assert.throws(() => linspace(0, 1, 0), RangeError);
    assert.throws(() => linspace(0, 1, 2.5), RangeError);
    assert.throws(() => linspace(NaN, 1, 2), RangeError);
    assert.throws(() => linspace(0, Infinity, 2), RangeError);
  });
});

Deno.test("meshgrid() flattens in Grid order, x1 fastest", async (t) => {
  await t.step("2 x 3", () => {
    const m = meshgrid([0, 1], [10, 20, 30]);
    assert.deepEqual(Array.from(m.x1), [0, 1, 0, 1, 0, 1]);
    assert.deepEqual(Array.from(m.x2), [10, 10, 20, 20, 30, 30]);
  });
  await t.step("index j * nx + i holds (x1[i], x2[j])", () => {
    const x1 = linspace(0, 10, 7), x2 = linspace(-1, 1, 5);
    const m = meshgrid(x1, x2);
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 7; i++) {
        assert.equal(m.x1[j * 7 + i], x1[i]);
        assert.equal(m.x2[j * 7 + i], x2[j]);
      }
    }
  });
  await t.step("bad input", () => {
    assert.throws(() => meshgrid([], [1]), TypeError);
    assert.throws(() => meshgrid([0, NaN], [1]), RangeError);
  });
});

Deno.test("checkGrid() accepts the convention and rejects the rest", async (t) => {
  const x1 = linspace(0, 1, 3), x2 = linspace(0, 1, 2);
  await t.step("valid", () => {
    const g = { x1, x2, values: new Float32Array(6) };
    assert.equal(checkGrid(g), g);
  });
  await t.step("wrong length", () => {
    assert.throws(() => checkGrid({ x1, x2, values: new Float32Array(5) }), TypeError);
  });
  await t.step("descending axis", () => {
    assert.throws(
      () => checkGrid({ x1: Float32Array.of(1, 0, 2), x2, values: new Float32Array(6) }),
      RangeError,
    );
  });
  await t.step("missing arrays", () => {
    assert.throws(() => checkGrid({} as never), TypeError);
  });
});
