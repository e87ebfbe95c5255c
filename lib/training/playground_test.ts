import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import {
  comparePlayground,
  CSV_PRESET,
  playgroundDataset,
  playgroundSettings,
  PRESETS,
  runMetrics,
  settingsRows,
  trainPlayground,
  trainPresets,
} from "./playground.ts";
import { PLAYGROUND_DATASETS, type PlaygroundDatasetName } from "./playground_data.ts";
import { predict } from "./predict.ts";

// What the presets promise: test accuracy (R² for regression) of at least 0.95.
const TARGET = 0.95;
// The plane's test MSE stays below this (its targets span [-1.2, 1.2], variance about 0.24).
const PLANE_MSE = 0.005;

Deno.test("every preset reaches 95% on its test points for seeds 1, 2 and 3", async (t) => {
  const base = tf.memory().numTensors;
  const seen: string[] = [];
  for (const { name } of PLAYGROUND_DATASETS) {
    await t.step(name, async () => {
      for (const seed of [1, 2, 3]) {
        const run = await trainPlayground(playgroundSettings(name, { seed }));
        const m = runMetrics(run);
        seen.push(`${name}/${seed}: ${m.score.toFixed(3)}`);
        assert.ok(m.score >= TARGET, `${name}, seed ${seed}: ${m.score} on the test points`);
        if (name === "plane") assert.ok(m.testLoss < PLANE_MSE, `plane MSE ${m.testLoss}`);
        if (name === "blobs") assert.equal(run.all.classes, 3);
        run.network.dispose();
      }
    });
  }
  console.log(`test scores: ${seen.join(", ")}`);
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("a softmax network reaches 95% on 3, 4 and 5 blobs", async () => {
  for (const classes of [3, 4, 5]) {
    const run = await trainPlayground(playgroundSettings("blobs", { classes, seed: 1 }));
    assert.equal(run.network.sizes.at(-1), classes);
    assert.ok(runMetrics(run).testAccuracy >= TARGET, `${classes} blobs`);
    // what the history says is what the network predicts
    const p = predict(run.network, run.test.x);
    let correct = 0;
    for (let i = 0; i < run.test.y.length; i++) {
      const row = Array.from(p.subarray(i * classes, (i + 1) * classes));
      if (row.indexOf(Math.max(...row)) === run.test.y[i]) correct++;
    }
    assert.equal(correct / run.test.y.length, runMetrics(run).testAccuracy);
  }
});

Deno.test("playgroundSettings() behaviour", async (t) => {
  await t.step("a preset, with overrides; null keeps the preset's value", () => {
    const s = playgroundSettings("spiral", { activation: "gelu", hidden: null, seed: 4 });
    assert.equal(s.activation, "gelu");
    assert.deepEqual(s.hidden, PRESETS.spiral.hidden);
    assert.equal(s.seed, 4);
    const rows = settingsRows(s);
    assert.equal(rows.find((r) => r.setting === "activation")!.from, "set");
    assert.equal(rows.find((r) => r.setting === "hidden")!.from, "preset");
    assert.equal(rows.find((r) => r.setting === "features")!.value, "x1, x2, sin(x1), sin(x2)");
    assert.equal(rows.some((r) => r.setting === "classes"), false);
    assert.equal(settingsRows(playgroundSettings("arms"))[1].setting, "classes");
  });
  await t.step("a CSV file takes the CSV preset", () => {
    assert.equal(playgroundSettings("points.csv").epochs, CSV_PRESET.epochs);
  });
  await t.step("bad names and values are refused, naming the choices", () => {
    assert.throws(
      () => playgroundSettings("spirals"),
      /Unknown data set "spirals": expected one of "circle", "xor", "gauss", "spiral".*\.csv file/,
    );
    assert.throws(
      () => playgroundSettings("xor", { epoch: 3 } as never),
      /Unknown setting "epoch": expected one of classes, noise, trainRatio/,
    );
    assert.throws(
      () => playgroundSettings("xor", { activation: "gelus" }),
      /Unknown activation "gelus"/,
    );
    assert.throws(() => playgroundSettings("xor", { activation: "softmax" }), TypeError);
    assert.throws(
      () => playgroundSettings("xor", { epochs: 0 }),
      /Invalid setting epochs: 0 is below the minimum 1/,
    );
    assert.throws(
      () => playgroundSettings("xor", { classes: 4 }),
      /only "blobs" and "arms" take a number of classes/,
    );
    assert.throws(() => playgroundSettings("blobs", { classes: 6 }), /6 is above the maximum 5/);
    assert.throws(() => playgroundSettings("xor", { trainRatio: 1 }), /leaves no test points/);
    assert.throws(
      () => playgroundSettings("xor", { features: ["x1", "x3" as "x1"] }),
      /Unknown feature "x3"/,
    );
    assert.throws(
      () => playgroundSettings("xor", { optimizer: "rmsprop" as "sgd" }),
      /unknown "rmsprop": expected one of "adam", "sgd"/,
    );
    assert.throws(() => playgroundSettings("xor", { hidden: [0] }), /below the minimum 1/);
    assert.throws(
      () => playgroundSettings("xor", { epochs: "10" as unknown as number }),
      TypeError,
    );
  });
});

Deno.test("playground runs are seeded and split their data", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("the same settings give the same history; the split is disjoint", async () => {
    const settings = playgroundSettings("xor", { epochs: 5, seed: 7 });
    const a = await trainPlayground(settings), b = await trainPlayground(settings);
    assert.deepEqual(a.history, b.history);
    assert.equal(a.train.y.length + a.test.y.length, a.all.y.length);
    const key = (x: Float32Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const train = new Set(Array.from({ length: a.train.y.length }, (_, i) => key(a.train.x, i)));
    for (let i = 0; i < a.test.y.length; i++) assert.ok(!train.has(key(a.test.x, i)));
  });
  await t.step("comparePlayground() trains each activation on the same split", async () => {
    const settings = playgroundSettings("gauss", { epochs: 3, seed: 2 });
    const data = playgroundDataset(settings);
    const rows = await comparePlayground(settings, { names: ["relu", "tanh"], data });
    const single = await trainPlayground(settings, { data });
    assert.equal(rows[1].testAccuracy, runMetrics(single).testAccuracy);
    await assert.rejects(
      () => comparePlayground(settings, { names: ["relu", "nope"] }),
      /Unknown activation "nope"/,
    );
  });
  await t.step("trainPresets() trains the presets with overrides", async () => {
    const runs = await trainPresets({
      datasets: ["gauss", "blobs"] as PlaygroundDatasetName[],
      seed: 1,
      overrides: { epochs: 2 },
    });
    assert.deepEqual(runs.map((r) => r.history.loss.length), [2, 2]);
    assert.equal(runs[1].network.output, "softmax");
  });
  assert.equal(tf.memory().numTensors, base);
});
