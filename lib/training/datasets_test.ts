import assert from "node:assert/strict";
import { datasetRows, DATASETS, makeDataset, XOR_CLUSTERS } from "./datasets.ts";

function clusterStats(x: Float32Array, from: number, to: number) {
  const n = to - from;
  const m = [0, 0], s2 = [0, 0];
  for (let i = from; i < to; i++) for (const d of [0, 1]) m[d] += x[2 * i + d] / n;
  for (let i = from; i < to; i++) for (const d of [0, 1]) s2[d] += (x[2 * i + d] - m[d]) ** 2;
  return { mean: m, sd: s2.map((v) => Math.sqrt(v / (n - 1))) };
}

Deno.test("makeDataset() behaviour", async (t) => {
  await t.step("xor: the original's four clusters, 50 points each, sd 0.25", () => {
    const data = makeDataset("xor", { seed: 3 });
    assert.equal(data.dim, 2);
    assert.equal(data.y.length, 200);
    XOR_CLUSTERS.forEach((c, k) => {
      const { mean, sd } = clusterStats(data.x, 50 * k, 50 * (k + 1));
      // standard error of a 50-point mean is 0.25 / sqrt(50) = 0.035: allow 4 of them
      assert.ok(Math.abs(mean[0] - c.x1) < 0.15 && Math.abs(mean[1] - c.x2) < 0.15, `${mean}`);
      for (const s of sd) assert.ok(Math.abs(s - 0.25) < 0.1, `sd ${s}`);
      for (let i = 50 * k; i < 50 * (k + 1); i++) assert.equal(data.y[i], c.label);
    });
  });
  await t.step("xor labels follow XOR: the same class on each diagonal", () => {
    const label = (a: number, b: number) =>
      XOR_CLUSTERS.find((c) => c.x1 === a && c.x2 === b)!.label;
    assert.equal(label(2, 2), label(8, 8));
    assert.equal(label(2, 8), label(8, 2));
    assert.notEqual(label(2, 2), label(2, 8));
  });
  await t.step("same seed gives identical data, another seed other data", () => {
    for (const name of DATASETS) {
      const a = makeDataset(name, { seed: 11 }), b = makeDataset(name, { seed: 11 });
      assert.deepEqual(a.x, b.x);
      assert.deepEqual(a.y, b.y);
      assert.notDeepEqual(makeDataset(name, { seed: 12 }).x, a.x, name);
    }
  });
  await t.step("every data set has both labels, finite points and the [0, 10]^2 extent", () => {
    for (const name of DATASETS) {
      const d = makeDataset(name, { size: 101 });
      assert.equal(d.x.length, 202);
      assert.ok(d.x.every(Number.isFinite));
      assert.ok(d.y.includes(0) && d.y.includes(1) && d.y.every((v) => v === 0 || v === 1));
      assert.deepEqual(d.extent, [[0, 10], [0, 10]]);
    }
  });
  await t.step("circle without noise: label 1 within radius 2, label 0 between 2.8 and 4", () => {
    const d = makeDataset("circle", { noise: 0, seed: 4 });
    for (let i = 0; i < d.y.length; i++) {
      const r = Math.hypot(d.x[2 * i] - 5, d.x[2 * i + 1] - 5);
      if (d.y[i] === 1) assert.ok(r <= 2 + 1e-5, `${r}`);
      else assert.ok(r >= 2.8 - 1e-5 && r <= 4 + 1e-5, `${r}`);
    }
  });
  await t.step("spiral without noise: radius grows with the angle", () => {
    const d = makeDataset("spiral", { noise: 0 });
    const r = (i: number) => Math.hypot(d.x[2 * i] - 5, d.x[2 * i + 1] - 5);
    for (let i = 1; i < 100; i++) assert.ok(r(i) > r(i - 1));
    assert.ok(Math.abs(r(99) - 4.5 * 99 / 100) < 1e-5);
  });
  await t.step("gaussians: means (3, 3) and (7, 7), sd = noise", () => {
    const d = makeDataset("gaussians", { size: 2000, noise: 0.5 });
    const a = clusterStats(d.x, 0, 1000), b = clusterStats(d.x, 1000, 2000);
    for (const v of a.mean) assert.ok(Math.abs(v - 3) < 0.08);
    for (const v of b.mean) assert.ok(Math.abs(v - 7) < 0.08);
    for (const s of [...a.sd, ...b.sd]) assert.ok(Math.abs(s - 0.5) < 0.05);
  });
  await t.step("bad options throw RangeError naming the value", () => {
    assert.throws(
      () => makeDataset("moons" as "xor"),
      /Unknown data set "moons": expected one of "xor"/,
    );
    assert.throws(() => makeDataset("xor", { size: 3 }), RangeError);
    assert.throws(() => makeDataset("xor", { size: 10.5 }), RangeError);
    assert.throws(() => makeDataset("xor", { noise: -1 }), /Invalid option noise: -1 is below/);
    assert.throws(() => makeDataset("xor", { noise: NaN }), RangeError);
    assert.throws(
      () => makeDataset("xor", { seed: 0.5 }),
      /Invalid option seed: 0.5 is not an integer/,
    );
  });
});

Deno.test("datasetRows() behaviour", () => {
  const d = makeDataset("xor", { size: 8 });
  const rows = datasetRows(d);
  assert.equal(rows.length, 8);
  rows.forEach((r, i) =>
    assert.deepEqual(r, { x1: d.x[2 * i], x2: d.x[2 * i + 1], label: d.y[i] })
  );
});
