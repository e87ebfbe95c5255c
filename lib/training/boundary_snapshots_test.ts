import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { cellCentres, gridOutputs, predictGrid } from "./predict.ts";
import { playgroundData, splitData } from "./playground_data.ts";
import { train } from "./train.ts";
import { trainWithSnapshots } from "./boundary_snapshots.ts";

Deno.test("trainWithSnapshots() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  const data = makeDataset("xor", { seed: 4 });
  const axes = { x1: [0, 5, 10], x2: [0, 10] };

  await t.step("snapshots equal the boundary of a network stopped at that epoch", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const seen: number[] = [];
    const movie = await trainWithSnapshots(net, data, {
      epochs: 7,
      every: 3,
      axes,
      onEpoch: (log) => void seen.push(log.epoch),
    });
    assert.deepEqual(movie.snapshots.map((s) => s.epoch), [0, 3, 6, 7]);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7]); // the caller's callback still runs
    assert.equal(movie.history.loss.length, 7);
    assert.deepEqual([...movie.x1], axes.x1);
    for (const s of movie.snapshots) {
      const ref = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
      if (s.epoch > 0) {
        const h = await train(ref, data, { epochs: s.epoch });
        assert.equal(s.loss, h.loss.at(-1));
        assert.equal(s.accuracy, h.accuracy.at(-1));
      }
      assert.deepEqual(s.values, predictGrid(ref, axes).values, `epoch ${s.epoch}`);
      ref.dispose();
    }
    net.dispose();
  });

  await t.step("default grid: 100 x 100 over the data's extent, every 10 epochs", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const movie = await trainWithSnapshots(net, data, { epochs: 20 });
    assert.deepEqual(movie.snapshots.map((s) => s.epoch), [0, 10, 20]);
    assert.equal(movie.x1.length, 100);
    assert.equal(movie.x2[99], 10);
    assert.equal(movie.snapshots[1].values.length, 10_000);
    net.dispose();
  });

  await t.step(
    "any output layer: a softmax's classes, a regression's value, features",
    async () => {
      const blobs = playgroundData("blobs", { classes: 4, size: 80, seed: 1 });
      const plane = playgroundData("plane", { size: 80, seed: 1 });
      const axes = cellCentres(blobs.extent, 6);
      const cases = [
        [{ hidden: [5], activation: "tanh" }, { output: "softmax", outputs: 4 }, blobs],
        [{ hidden: [3], activation: "tanh" }, { output: "linear" }, plane],
        [
          { hidden: [4], activation: "relu", features: ["x1", "x2", "x1*x2", "sin(x1)"] },
          { output: "softmax", outputs: 4 },
          blobs,
        ],
      ] as const;
      for (const [spec, options, set] of cases) {
        const net = createNetwork(spec, { ...options, seed: 4 });
        const { train: points, test } = splitData(set, { seed: 1 });
        const movie = await trainWithSnapshots(net, points, {
          epochs: 5,
          every: 2,
          axes,
          testData: test,
        });
        const outputs = net.sizes.at(-1)!;
        assert.equal(movie.output, options.output);
        assert.equal(movie.outputs, outputs);
        assert.deepEqual(movie.snapshots.map((s) => s.epoch), [0, 2, 4, 5]);
        assert.equal(movie.history.test!.loss.length, 5);
        for (const s of movie.snapshots) assert.equal(s.values.length, 36 * outputs);
        // the last snapshot is the trained network's outputs over the grid
        assert.deepEqual(movie.snapshots.at(-1)!.values, gridOutputs(net, axes).values);
        if (options.output === "linear") assert.ok(Number.isNaN(movie.snapshots[1].accuracy));
        net.dispose();
      }
    },
  );

  await t.step("the value budget counts every output", async () => {
    const net = createNetwork({ hidden: [3], activation: "tanh" }, {
      output: "softmax",
      outputs: 5,
    });
    const blobs = playgroundData("blobs", { classes: 5, size: 20 });
    await assert.rejects(
      trainWithSnapshots(net, blobs, {
        epochs: 1000,
        every: 1,
        axes: cellCentres(blobs.extent, 100),
      }),
      /1001 snapshots of 10000 grid points x 5 outputs hold 50050000 values, above the maximum 33554432/,
    );
    net.dispose();
  });

  await t.step("bad intervals throw RangeError before training", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const w = net.weights();
    await assert.rejects(
      trainWithSnapshots(net, data, { every: 0 }),
      /Invalid option every: 0 is below the minimum 1/,
    );
    await assert.rejects(trainWithSnapshots(net, data, { epochs: 0 }), /Invalid option epochs: 0/);
    assert.deepEqual(net.weights(), w);
    net.dispose();
  });

  assert.equal(tf.memory().numTensors, base);
});
