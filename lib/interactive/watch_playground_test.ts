import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import {
  playgroundDataset,
  playgroundSettings,
  runMetrics,
  trainPlayground,
} from "../training/playground.ts";
import type { MimeBundle } from "../training/training_progress.ts";
import { watchPlayground } from "./watch_playground.ts";

Deno.test("watchPlayground() is trainPlayground() you can watch, for every task", async (t) => {
  const before = tf.memory().numTensors;
  const runs = [
    ["spiral", {}], // two classes, sin features
    ["arms", { classes: 3 }], // softmax
    ["multi-gauss", {}], // regression
  ] as const;
  for (const [dataset, overrides] of runs) {
    await t.step(dataset, async () => {
      const settings = playgroundSettings(dataset, { ...overrides, epochs: 30, seed: 2 });
      const data = playgroundDataset(settings);
      const bundles: MimeBundle[] = [];
      const seen: number[] = [];
      const run = await watchPlayground(settings, {
        data,
        interval: 20,
        display: (bundle) => void bundles.push(bundle),
        onEpoch: (log) => void seen.push(log.epoch),
      });
      const plain = await trainPlayground(settings, { data });
      // the same run: network, history, metrics
      assert.deepEqual(run.history, plain.history);
      assert.deepEqual(runMetrics(run), runMetrics(plain));
      assert.deepEqual(run.network.weights(), plain.network.weights());
      assert.equal(seen.length, 30);
      // about 20 frames of the data's 50 x 50 cells, and the view ended as the slider
      assert.equal(run.figure.frames, 16); // epochs 0, 2, ..., 30
      assert.equal(run.x1.length, 50);
      assert.equal(run.updates, bundles.length);
      assert.match(bundles[0]["text/html"], /class="live-training"/);
      assert.match(bundles.at(-1)!["text/html"], /class="esf"/);
      assert.equal(run.figure.still.titles[0], "Prediction (Hyperbolic Tangent)");
      assert.ok(run.figure.still.titles.includes("Training and test: Loss"));
      assert.equal(
        run.figure.still.titles.includes("Training and test: Accuracy"),
        dataset !== "multi-gauss",
      );
    });
  }
  await t.step("options: resolution, every, discretize, titles; bad ones named", async () => {
    const settings = playgroundSettings("blobs", { epochs: 4, seed: 1 });
    const run = await watchPlayground(settings, {
      resolution: 20,
      every: 4,
      discretize: true,
      title: "Blobs",
      historyTitle: "Blobs run",
    });
    assert.equal(run.x1.length, 20);
    assert.deepEqual(run.snapshots.map((s) => s.epoch), [0, 4]);
    assert.equal(run.figure.still.titles[0], "Blobs");
    assert.match(run.figure.still.description, /most probable of 3 classes over/);
    assert.ok(run.figure.still.titles.includes("Blobs run: Loss"));
    await assert.rejects(
      () => watchPlayground(settings, { resolution: 1 }),
      /Invalid option resolution: 1 is below the minimum 2/,
    );
    await assert.rejects(
      () => watchPlayground(settings, { every: 0 }),
      /Invalid option every: 0 is below the minimum 1/,
    );
    await assert.rejects(
      () => watchPlayground(null as never),
      /^TypeError: watchPlayground\(settings\): expected playground settings, got null$/,
    );
  });
  assert.equal(tf.memory().numTensors, before);
});
