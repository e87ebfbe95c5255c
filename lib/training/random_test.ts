import assert from "node:assert/strict";
import { createRandom, deriveSeed, permutation } from "./random.ts";

Deno.test("createRandom() behaviour", async (t) => {
  await t.step("the same seed repeats the sequence, another seed does not", () => {
    const a = createRandom(7), b = createRandom(7), c = createRandom(8);
    const sa = Array.from({ length: 100 }, () => a.uniform());
    const sb = Array.from({ length: 100 }, () => b.uniform());
    const sc = Array.from({ length: 100 }, () => c.uniform());
    assert.deepEqual(sa, sb);
    assert.notDeepEqual(sa, sc);
  });
  await t.step("uniform() stays in [0, 1) with mean 1/2 and variance 1/12", () => {
    const r = createRandom(1), n = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      s += u;
      s2 += u * u;
    }
    const mean = s / n, variance = s2 / n - mean * mean;
    // standard error of the mean is sqrt(1/12/n) ~ 0.0009: allow 5 of them
    assert.ok(Math.abs(mean - 0.5) < 0.0046, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1 / 12) < 0.002, `variance ${variance}`);
  });
  await t.step("normal(mean, sd) has that mean and sd", () => {
    const r = createRandom(2), n = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal(3, 0.5);
      assert.ok(Number.isFinite(z));
      s += z;
      s2 += z * z;
    }
    const mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
    assert.ok(Math.abs(mean - 3) < 0.008, `mean ${mean}`); // 5 standard errors
    assert.ok(Math.abs(sd - 0.5) < 0.006, `sd ${sd}`);
  });
  await t.step("bad seeds throw RangeError", () => {
    for (const bad of [NaN, Infinity, 1.5, 2 ** 60]) {
      assert.throws(() => createRandom(bad), RangeError);
    }
  });
  await t.step("negative and large safe seeds work and differ", () => {
    const values = [-1, 0, 1, 2 ** 40, -(2 ** 40)].map((s) => createRandom(s).uniform());
    assert.equal(new Set(values).size, values.length);
  });
});

Deno.test("deriveSeed() behaviour", async (t) => {
  await t.step("stable per (seed, stream), different across streams and seeds", () => {
    assert.equal(deriveSeed(3, "data"), deriveSeed(3, "data"));
    const all = [0, 1, 2].flatMap((s) =>
      ["data", "weights", "shuffle"].map((n) => deriveSeed(s, n))
    );
    assert.equal(new Set(all).size, all.length);
    for (const v of all) assert.ok(Number.isInteger(v) && v >= 0 && v < 2 ** 32);
  });
  await t.step("bad seeds throw RangeError", () => {
    assert.throws(() => deriveSeed(0.5, "data"), RangeError);
  });
});

Deno.test("permutation() behaviour", async (t) => {
  await t.step("holds every index once and depends on the generator", () => {
    const p = permutation(200, createRandom(5));
    assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 200 }, (_, i) => i));
    assert.deepEqual(p, permutation(200, createRandom(5)));
    assert.notDeepEqual(p, permutation(200, createRandom(6)));
  });
  await t.step("every position is uniform over small n", () => {
    const r = createRandom(9), counts = new Array(9).fill(0), trials = 9000;
    for (let k = 0; k < trials; k++) {
      const p = permutation(3, r);
      counts[p[0] * 3 + p[1]]++;
    }
    // 6 permutations, 1500 expected each; the impossible cells (p0 === p1) stay empty
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        if (a === b) assert.equal(counts[a * 3 + b], 0);
        else assert.ok(Math.abs(counts[a * 3 + b] - 1500) < 200, `${a},${b}: ${counts[a * 3 + b]}`);
      }
    }
  });
  await t.step("n = 0 and n = 1", () => {
    assert.equal(permutation(0, createRandom(1)).length, 0);
    assert.deepEqual([...permutation(1, createRandom(1))], [0]);
  });
  await t.step("bad sizes throw RangeError", () => {
    for (const bad of [-1, 1.5, NaN]) {
      assert.throws(() => permutation(bad, createRandom(1)), RangeError);
    }
  });
});
