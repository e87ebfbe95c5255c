import assert from "node:assert/strict";
import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
import { makeDataset } from "../training/datasets.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
import { gridAxes } from "../training/predict.ts";
import type { MimeBundle } from "../training/training_progress.ts";
import { tf } from "../tf.ts";
import { trainLive } from "./live_training.ts";
import { playgroundData, splitData } from "../training/playground_data.ts";
import { cellCentres } from "../training/predict.ts";
import { gridDataUrl, predictionRgb, predictionScale } from "../figures/playground_colors.ts";

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
  const blobs = playgroundData("blobs", { size: 12 });
  const soft = createNetwork({ hidden: [3], activation: "tanh" }, {
    output: "softmax",
    outputs: 3,
  });
  try {
    await assert.rejects(
      () => trainLive(net, data, { interval: 5 }),
      /interval: 5 is below the minimum 20/,
    );
    await assert.rejects(
      () => trainLive(net, data, { view: "heatmap" as never }),
      /^RangeError: Invalid option view: unknown "heatmap": expected one of "boundary", "prediction"$/,
    );
    await assert.rejects(
      () => trainLive(soft, blobs, { view: "boundary" }),
      /view: "boundary" draws P\(class 1\) of a sigmoid output, not a softmax one: expected "prediction"/,
    );
    await assert.rejects(
      () => trainLive(soft, blobs, { discretize: "no" as never }),
      /discretize: expected true or false, got the string "no"/,
    );
    await assert.rejects(
      () => trainLive(soft, blobs, { axes: { x1: [0, 1], x2: [0, 1, 2] } }),
      /axes: the prediction view needs n x n cells, got 2 x 3/,
    );
    await assert.rejects(
      () => trainLive(net, playgroundData("blobs", { size: 12 })),
      /Invalid label 2 of point \d+: expected 0 or 1/,
    );
  } finally {
    net.dispose();
    soft.dispose();
  }
});

Deno.test("trainLive() prediction view: any task, test points and test curves, updated in place", async (t) => {
  const before = tf.memory().numTensors;
  const cases = [
    ["arms", { hidden: [8], activation: "tanh" }, { output: "softmax", outputs: 3 }],
    ["plane", { hidden: [3], activation: "tanh", features: ["x1", "sin(x2)"] }, {
      output: "linear",
    }],
  ] as const;
  for (const [name, spec, options] of cases) {
    await t.step(name, async () => {
      const { train, test } = splitData(playgroundData(name, { size: 160, seed: 2 }), {
        seed: 2,
      });
      const calls: { bundle: MimeBundle; options: Record<string, unknown> }[] = [];
      const net = createNetwork(spec, { ...options, seed: 2 });
      const run = await trainLive(net, train, {
        epochs: 40,
        seed: 2,
        testData: test,
        interval: 20,
        display: (bundle, options) => void calls.push({ bundle, options }),
      });
      // one output, updated in place, ending as the slider
      assert.ok(calls.length >= 3, `${calls.length} updates`);
      assert.equal(new Set(calls.map((c) => c.options.display_id)).size, 1);
      assert.ok(calls.slice(1).every((c) => c.options.update === true));
      assert.match(calls.at(-1)!.bundle["text/html"], /class="esf"/);
      // 21 snapshots on the data's 50 x 50 cells, every other epoch
      assert.equal(run.snapshots.length, 21);
      assert.deepEqual(run.x1, cellCentres(train.extent, 50).x1);
      // while training: the latest frame, coloured by predictionRgb(); both sets of points;
      // the training and test curves; the epoch's numbers
      const scale = predictionScale(net.output, net.sizes.at(-1)!, {
        targets: [train.y, test.y],
      });
      const frames = new Set(
        run.snapshots.map((s) => gridDataUrl(predictionRgb(s.values, scale), 50, 50)),
      );
      for (const { bundle } of calls.slice(0, -1)) {
        const html = bundle["text/html"];
        assert.match(html, /^<div class="live-training">/);
        const frame = html.match(/href="(data:image\/png;base64,[^"]+)"/)![1];
        assert.ok(frames.has(frame), "a snapshot's frame");
        assert.match(html, /aria-description="training points"/);
        assert.match(html, /aria-description="test points"/);
        // the slider's titles and keys, so that the view stays in place when it becomes the slider
        assert.match(html, />Training: Loss<\/text>/);
        assert.equal(/>Training: Accuracy<\/text>/.test(html), name === "arms");
        assert.match(html, />training<\/text>.*>test<\/text>/s);
        assert.match(
          bundle["text/plain"],
          name === "arms"
            ? /^epoch \d+\/40: loss \d\.\d{4}, accuracy \d+\.\d%; test loss \d\.\d{4}, accuracy/
            : /^epoch \d+\/40: loss \d\.\d{4}; test loss \d\.\d{4}$/,
        );
      }
      // the slider: the same frames, the test curves
      assert.deepEqual(new Set(run.figure.config.frames), frames);
      assert.equal(run.figure.config.testLosses!.at(-1), run.history.test!.loss[39]);
      net.dispose();
    });
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("trainLive() with pace shows every snapshot, each for at least `interval` ms", async () => {
  const data = playgroundData("blobs", { size: 40, seed: 1 });
  const frames = (calls: MimeBundle[]) =>
    new Set(
      calls.slice(0, -1).map((b) => b["text/html"].match(/href="(data:image\/png[^"]+)"/)![1]),
    );
  const watch = async (pace: boolean) => {
    const calls: MimeBundle[] = [];
    const net = createNetwork({ hidden: [3], activation: "tanh" }, {
      output: "softmax",
      outputs: 3,
      seed: 1,
    });
    const run = await trainLive(net, data, {
      epochs: 10,
      every: 1,
      axes: cellCentres(data.extent, 8),
      interval: 60,
      pace,
      display: (bundle) => void calls.push(bundle),
    });
    net.dispose();
    return { run, calls };
  };
  const paced = await watch(true);
  // 11 snapshots, all different, each shown: 11 updates and the slider, in at least 10 waits
  assert.equal(new Set(paced.run.figure.config.frames).size, 11);
  assert.equal(frames(paced.calls).size, 11);
  assert.equal(paced.calls.length, 12);
  assert.ok(paced.run.trainingMs >= 10 * 60 - 5, `${paced.run.trainingMs} ms`);
  // without pace, a run this quick shows its first and last frames only
  const quick = await watch(false);
  assert.ok(frames(quick.calls).size < 11);
  assert.deepEqual(quick.run.history, paced.run.history);
  await assert.rejects(
    () =>
      trainLive(createNetwork({ hidden: [2], activation: "tanh" }), makeDataset("xor"), {
        pace: 1 as never,
      }),
    /Invalid option pace: expected true or false, got the number 1/,
  );
});
