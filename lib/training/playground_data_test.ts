import assert from "node:assert/strict";
import { MAX_CLASSES, PLAYGROUND_DATASETS, playgroundData, splitData } from "./playground_data.ts";

Deno.test("playgroundData() makes Playground's data sets", async (t) => {
  await t.step("sizes, tasks and labels of every data set", () => {
    for (const { name, task } of PLAYGROUND_DATASETS) {
      const d = playgroundData(name, { seed: 1 });
      assert.equal(d.task, task);
      assert.equal(d.y.length, task === "regression" ? 1200 : 500, name);
      assert.equal(d.x.length, 2 * d.y.length);
      assert.deepEqual(d.extent, [[-6, 6], [-6, 6]]);
      if (task === "regression") {
        assert.ok(d.y instanceof Float32Array && d.y.every((v) => Math.abs(v) <= 1.2), name);
      } else {
        assert.ok(d.y instanceof Uint8Array);
        const counts = Array.from(
          { length: d.classes },
          (_, c) => d.y.filter((v) => v === c).length,
        );
        assert.ok(counts.every((c) => c > 0), `${name}: ${counts}`);
      }
      for (const v of d.x) assert.ok(Math.abs(v) <= 6.5, `${name}: ${v}`);
    }
  });
  await t.step("seeded: the same seed gives the same points", () => {
    assert.deepEqual(playgroundData("spiral", { seed: 3 }), playgroundData("spiral", { seed: 3 }));
    assert.notDeepEqual(playgroundData("xor", { seed: 3 }).x, playgroundData("xor", { seed: 4 }).x);
  });
  await t.step("circle, xor, plane: noise moves the labels, not the points", () => {
    for (const name of ["circle", "xor", "plane", "multi-gauss"] as const) {
      const clean = playgroundData(name, { seed: 2 }),
        noisy = playgroundData(name, { seed: 2, noise: 0.3 });
      assert.deepEqual(clean.x, noisy.x, name);
      assert.notDeepEqual(clean.y, noisy.y, name);
    }
    // at noise 0 the labels are exact: inside radius 2.5 is class 1; x1·x2 >= 0 is class 1
    const circle = playgroundData("circle", { seed: 5 });
    for (let i = 0; i < 500; i++) {
      assert.equal(circle.y[i], Math.hypot(circle.x[2 * i], circle.x[2 * i + 1]) < 2.5 ? 1 : 0);
    }
    const xor = playgroundData("xor", { seed: 5 });
    for (let i = 0; i < 500; i++) {
      assert.equal(xor.y[i], xor.x[2 * i] * xor.x[2 * i + 1] >= 0 ? 1 : 0);
      assert.ok(Math.abs(xor.x[2 * i]) >= 0.3 - 1e-6);
    }
    const plane = playgroundData("plane", { seed: 5 });
    assert.ok(Math.abs(plane.y[7] - (plane.x[14] + plane.x[15]) / 10) < 1e-6);
  });
  await t.step("gauss and blobs: the variance goes from 0.5 to 4 as noise goes to 0.5", () => {
    for (const [noise, variance] of [[0, 0.5], [0.5, 4]]) {
      const d = playgroundData("gauss", { seed: 1, noise, size: 20_000 });
      let s = 0, s2 = 0;
      for (let i = 0; i < 10_000; i++) { // class 1 around (2, 2)
        s += d.x[2 * i];
        s2 += d.x[2 * i] ** 2;
      }
      const v = s2 / 10_000 - (s / 10_000) ** 2;
      assert.ok(Math.abs(v / variance - 1) < 0.05, `noise ${noise}: variance ${v}`);
    }
  });
  await t.step("spiral and arms: noise moves each point by at most noise per axis", () => {
    const clean = playgroundData("arms", { seed: 1, classes: 4 });
    const noisy = playgroundData("arms", { seed: 1, classes: 4, noise: 0.2 });
    assert.equal(clean.classes, 4);
    for (let k = 0; k < clean.x.length; k++) {
      assert.ok(Math.abs(clean.x[k] - noisy.x[k]) <= 0.2 + 1e-6);
    }
  });
  await t.step("bad names and options are refused", () => {
    assert.throws(
      () => playgroundData("moons" as "xor"),
      /Unknown data set "moons": expected one of "circle"/,
    );
    assert.throws(
      () => playgroundData("blobs", { classes: MAX_CLASSES + 1 }),
      /above the maximum 5/,
    );
    assert.throws(() => playgroundData("blobs", { classes: 2 }), /below the minimum 3/);
    assert.throws(() => playgroundData("circle", { classes: 3 }), /"circle" has 2 classes/);
    assert.throws(() => playgroundData("plane", { noise: -1 }), /below the minimum 0/);
    assert.throws(() => playgroundData("xor", { size: 3 }), /below the minimum 4/);
  });
});

Deno.test("splitData() shuffles and splits as Playground does", () => {
  const data = playgroundData("circle", { seed: 1 });
  const { train, test } = splitData(data, { trainRatio: 0.7, seed: 2 });
  assert.equal(train.y.length, 350);
  assert.equal(test.y.length, 150);
  assert.equal(train.task, "binary");
  const all = (d: typeof data) =>
    Array.from({ length: d.y.length }, (_, i) => `${d.x[2 * i]},${d.x[2 * i + 1]},${d.y[i]}`);
  assert.deepEqual([...all(train), ...all(test)].sort(), all(data).sort());
  assert.deepEqual(splitData(data, { trainRatio: 0.7, seed: 2 }), { train, test });
  // tiny sets keep one point on each side
  const tiny = { ...data, x: data.x.slice(0, 4), y: data.y.slice(0, 2) };
  assert.equal(splitData(tiny, { trainRatio: 0.9 }).test.y.length, 1);
  assert.equal(splitData(tiny, { trainRatio: 1 }).test.y.length, 0);
  assert.throws(() => splitData(data, { trainRatio: 0 }), /not above 0/);
});
