/**
 * Smoke test of the benchmark against the original (its runners (bench/original/) on tiny inputs. The Python
 * step needs the reference environment .bench-venv (created by `deno task bench:original`)
 * and is skipped without it.
 */
import assert from "node:assert/strict";
import { compare, FLT_MIN, relDiff } from "../bench/original/parity.ts";
import { formatRatio, median } from "../bench/original/stats.ts";
import {
  actRows,
  dec,
  ORIGINAL_ACTIVATIONS,
  parity,
  predictRows,
  trainRows,
} from "../bench/original/ours.ts";
import { PROJECT_ROOT } from "../lib/project_root.ts";
import { tf } from "../lib/tf.ts";

const PY = `${PROJECT_ROOT}/.bench-venv/bin/python`;
const hasVenv = (() => {
  try {
    return Deno.statSync(PY).isFile;
  } catch {
    return false;
  }
})();

Deno.test("median() and formatRatio() behaviour", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(formatRatio(0.42, 1), "0.42x");
  assert.equal(formatRatio(3, 1.5), "2.00x");
  assert.equal(formatRatio(0.05, 1), "0.050x");
  assert.equal(formatRatio(1, 0), "–");
});

Deno.test("relDiff() behaviour", async (t) => {
  await t.step("equal values and NaN pairs differ by 0", () => {
    assert.equal(relDiff(1.5, 1.5), 0);
    assert.equal(relDiff(NaN, NaN), 0);
    assert.equal(relDiff(Infinity, Infinity), 0);
  });
  await t.step("relative to the second argument", () => {
    assert.ok(Math.abs(relDiff(1.00001, 1) - 1e-5) < 1e-12);
    assert.ok(Math.abs(relDiff(-2, -1) - 1) < 1e-15);
  });
  await t.step("differences within float32's subnormal range count as 0", () => {
    assert.equal(relDiff(0, 3.7e-44), 0);
    assert.equal(relDiff(FLT_MIN, 0), 0);
    assert.equal(relDiff(1e-30, 0), Infinity);
  });
  await t.step("one NaN is an infinite difference", () => {
    assert.equal(relDiff(NaN, 1), Infinity);
    assert.equal(relDiff(1, NaN), Infinity);
  });
});

Deno.test("compare() behaviour", async (t) => {
  const labels = ["a", "b", "c"];
  await t.step("agreement with TF meets the goal", () => {
    const c = compare(dec([1, 2, 3]), dec([1, 2, 3.00001]), dec([1, 2, 3]), labels);
    assert.equal(c.fails, 0);
    assert.ok(c.maxRel > 3e-6 && c.maxRel < 4e-6);
    assert.equal(c.worst?.x, "c");
  });
  await t.step("where TF is off the exact value, ours is held to the exact value", () => {
    const c = compare(dec([1e-8, 2]), dec([0, 2]), dec([1e-8, 2]), ["x0", "x1"]);
    assert.equal(c.tfOff, 1);
    assert.equal(c.fails, 0);
    assert.equal(c.maxRel, Infinity);
    const bad = compare(dec([2e-8, 2]), dec([0, 2]), dec([1e-8, 2]), ["x0", "x1"]);
    assert.equal(bad.fails, 1);
    assert.equal(bad.worstFail?.x, "x0");
  });
  await t.step("within the tolerance of TF's value meets the goal even where TF is off", () => {
    // next to a zero: TF 3e-6 off exact (wrong), ours 1.2e-5 off exact but 8e-6 off TF
    const exact = 1, tf = 1 + 3e-6, ours = 1 + 1.2e-5, far = 1 + 2e-5;
    const c = compare(dec([ours, 2]), dec([tf, 2]), dec([exact, 2]), ["x0", "x1"]);
    assert.equal(c.tfOff, 1);
    assert.equal(c.fails, 0);
    assert.equal(c.farFromExact, 1);
    assert.equal(c.worstFarFromExact?.x, "x0");
    assert.ok(Math.abs((c.worstFarFromExact?.rel ?? 0) - 1.2e-5) < 1e-12);
    const bad = compare(dec([far, 2]), dec([tf, 2]), dec([exact, 2]), ["x0", "x1"]);
    assert.equal(bad.fails, 1);
    assert.equal(bad.farFromExact, 0);
  });
  await t.step("a plain miss is counted", () => {
    const c = compare(dec([1, 2.1]), dec([1, 2]), dec([1, 2]), ["x0", "x1"]);
    assert.equal(c.fails, 1);
    assert.equal(c.worstFail?.x, "x1");
  });
  await t.step("kinks are left out and listed", () => {
    const c = compare(dec([0.3, 1]), dec([1, 1]), dec([0.3, 1]), ["0", "1"], (i) => i === 0);
    assert.equal(c.fails, 0);
    assert.deepEqual(c.kinks, [{ x: "0", ours: 0.3, tf: 1 }]);
  });
});

Deno.test("ours.ts runner behaviour on tiny inputs", async (t) => {
  const before = tf.memory().numTensors;
  await t.step(
    "activation rows name every activation of the original and time every call",
    async () => {
      const rows = await actRows(20, 4, 2);
      assert.deepEqual(
        rows.map((r) => r.row),
        ORIGINAL_ACTIVATIONS.map((n) => `act:${n}:${n === "softmax" || n === "maxout" ? 16 : 20}`),
      );
      for (const r of rows) {
        assert.equal(r.times.length, 2);
        assert.ok(r.first !== null && r.first >= 0 && r.times.every((s) => s >= 0 && s < 10));
      }
    },
  );
  await t.step("training and grid rows", async () => {
    const train = await trainRows(0, 1);
    assert.deepEqual(train.map((r) => r.row), ["train:linear", "train:nonlinear"]);
    const [grid] = await predictRows(1, 1, 5);
    assert.equal(grid.row, "predict:grid:25");
    assert.equal(grid.times.length, 1);
  });
  await t.step("parity values on given inputs", () => {
    const out = parity({
      inputs: {
        original_grid: [-1, 0, 1],
        extremes: [-1e4, "NaN"],
        axis_original_grid: [0, 1],
        axis_extremes: [0, 1],
      },
      one: { sigmoid: {} },
      two: { softmax: {} },
    });
    const grid = out.one.sigmoid.original_grid;
    assert.equal(grid.y[1], 0.5);
    assert.equal(grid.dy[1], 0.25);
    assert.ok(Math.abs((grid.y[2] as number) - 1 / (1 + Math.exp(-1))) < 1e-7);
    assert.equal(out.one.sigmoid.extremes.y[1], "NaN");
    // softmax at (x1, x2) = (0, 0): both outputs 1/2, d f1 / d x1 = 1/4
    assert.equal(out.two.softmax.original_grid.y[0][0], 0.5);
    assert.equal(out.two.softmax.original_grid.jac[0][0][0], 0.25);
  });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test({
  name: "reference.py behaviour on tiny inputs",
  ignore: !hasVenv,
  async fn() {
    const out = await Deno.makeTempFile({ suffix: ".json" });
    try {
      const r = await new Deno.Command(PY, {
        args: [
          `${PROJECT_ROOT}/bench/original/reference.py`,
          "act-original",
          "--tiny",
          "--reps",
          "1",
          "--out",
          out,
        ],
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
      const payload = JSON.parse(Deno.readTextFileSync(out));
      // the same row names as ours.ts, so the report can pair them
      const ours = (await actRows(50, 10, 0)).map((row) => row.row);
      assert.deepEqual(payload.result.map((row: { row: string }) => row.row), ours);
    } finally {
      Deno.removeSync(out);
    }
  },
});
