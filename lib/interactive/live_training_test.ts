import assert from "node:assert/strict";
import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
import { makeDataset } from "../training/datasets.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
import { gridAxes } from "../training/predict.ts";
import type { MimeBundle } from "../training/training_progress.ts";
import { tf } from "../tf.ts";
import { trainLive } from "./live_training.ts";

Deno.test("trainLive() updates one output while training, then leaves the epoch slider there", async (t) => {
  const before = tf.memory().numTensors;
  const data = makeDataset("xor", { seed: 5 });
  const calls: { bundle: MimeBundle; options: Record<string, unknown> }[] = [];
  const display = (bundle: MimeBundle, options: Record<string, unknown>) => {
    calls.push({ bundle, options });
  };
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 5 });
  const run = await trainLive(net, data, { epochs: 60, seed: 5, interval: 20, display });
  net.dispose();
  await t.step("one display, updated in place", () => {
    assert.ok(calls.length >= 2, `${calls.length} updates`);
    assert.equal(run.updates, calls.length);
    const ids = new Set(calls.map((c) => c.options.display_id));
    assert.equal(ids.size, 1);
    assert.equal(calls[0].options.update, undefined);
    assert.ok(calls.slice(1).every((c) => c.options.update === true));
  });
  await t.step("while training: the boundary's latest frame, the loss so far, the epoch", () => {
    for (const { bundle } of calls.slice(0, -1)) {
      assert.match(bundle["text/html"], /class="live-training"/);
      assert.match(bundle["text/html"], /href="data:image\/webp;base64,/);
      assert.match(bundle["text/html"], /aria-label="training loss"/);
      assert.match(bundle["text/plain"], /^epoch \d+\/60: loss \d\.\d{4}, accuracy/);
    }
  });
  await t.step("at the end: the epoch slider", () => {
    const last = calls.at(-1)!.bundle;
    assert.match(last["text/html"], /class="esf"/);
    assert.equal(last["text/plain"], run.figure.description);
    assert.equal(run.figure.frames, run.snapshots.length);
  });
  await t.step("the same snapshots and history as trainWithSnapshots()", async () => {
    const again = createNetwork(NONLINEAR_NETWORK, { seed: 5 });
    const plain = await trainWithSnapshots(again, data, {
      epochs: 60,
      seed: 5,
      every: 3,
      axes: gridAxes([[0, 10], [0, 10]], 50),
    });
    again.dispose();
    assert.deepEqual(run.snapshots.map((s) => s.epoch), plain.snapshots.map((s) => s.epoch));
    assert.deepEqual(run.snapshots.at(-1)!.values, plain.snapshots.at(-1)!.values);
    assert.deepEqual(run.history.loss, plain.history.loss);
  });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("trainLive() checks its options", async () => {
  const data = makeDataset("xor", { size: 8 });
  const net = createNetwork(NONLINEAR_NETWORK);
  try {
    await assert.rejects(
      () => trainLive(net, data, { interval: 5 }),
      /interval: 5 is below the minimum 20/,
    );
  } finally {
    net.dispose();
  }
});
