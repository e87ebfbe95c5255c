import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, LINEAR_NETWORK, NONLINEAR_NETWORK } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { hiddenOutputs } from "./predict.ts";
import { train } from "./train.ts";
import { extentOf, fitSubnetwork } from "./subnetwork.ts";

Deno.test("fitSubnetwork() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  const data = makeDataset("xor", { seed: 2 });
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 2 });
  await train(net, data);
  const before = net.weights();
  const fit = await fitSubnetwork(net, data);

  await t.step("the points are the network's real last-hidden-layer outputs", () => {
    assert.deepEqual(fit.points.x, hiddenOutputs(net, data.x).x);
    assert.deepEqual([...fit.points.y], [...data.y]);
    // ELU outputs are >= -1 and here some are negative: a ReLU view would have none
    assert.ok(fit.points.x.every((v) => v >= -1));
    assert.ok(fit.points.x.some((v) => v < 0));
    assert.deepEqual(net.weights(), before); // the trained network is unchanged
  });

  await t.step("the grid covers exactly the extent, which contains every point", () => {
    const [[a, b], [c, d]] = fit.extent;
    assert.equal(fit.grid.x1[0], Math.fround(a));
    assert.equal(fit.grid.x1[199], Math.fround(b));
    assert.equal(fit.grid.x2[0], Math.fround(c));
    assert.equal(fit.grid.x2[199], Math.fround(d));
    assert.equal(fit.grid.values.length, 200 * 200);
    for (let i = 0; i < fit.points.y.length; i++) {
      const p = [fit.points.x[2 * i], fit.points.x[2 * i + 1]];
      assert.ok(p[0] > a && p[0] < b && p[1] > c && p[1] < d);
    }
    assert.deepEqual(fit.points.extent, fit.extent);
  });

  await t.step("the transformed points are separable: the subnetwork gets >= 97%", () => {
    assert.equal(fit.history.loss.length, 100);
    assert.ok(fit.history.accuracy.at(-1)! >= 0.97, `${fit.history.accuracy.at(-1)}`);
  });

  await t.step("deterministic", async () => {
    const again = await fitSubnetwork(net, data, { epochs: 5, resolution: 10 });
    const again2 = await fitSubnetwork(net, data, { epochs: 5, resolution: 10 });
    assert.deepEqual(again, again2);
  });

  await t.step("bad input throws before training", async () => {
    const linear = createNetwork(LINEAR_NETWORK);
    await assert.rejects(fitSubnetwork(linear, data), /last hidden layer has 64 units, expected 2/);
    linear.dispose();
    await assert.rejects(
      fitSubnetwork(net, data, { resolution: 1 }),
      /Invalid option resolution: 1 is below the minimum 2/,
    );
    await assert.rejects(
      fitSubnetwork(net, data, { padding: -1 }),
      /Invalid option padding: -1 is below the minimum 0/,
    );
    await assert.rejects(fitSubnetwork(net, { x: data.x, y: [] }), /Empty data/);
    await assert.rejects(fitSubnetwork(net, data, { epochs: 0 }), /Invalid option epochs: 0/);
  });

  net.dispose();
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("extentOf() behaviour", async (t) => {
  await t.step("pads each axis by a fraction of its range", () => {
    assert.deepEqual(extentOf([1, 5, 3, -5], 0.5), [[0, 4], [-10, 10]]);
  });
  await t.step("a single value per axis still gives a window", () => {
    assert.deepEqual(extentOf([2, 3], 0.1), [[1.9, 2.1], [2.9, 3.1]]);
    assert.deepEqual(extentOf([2, 3], 0), [[1.5, 2.5], [2.5, 3.5]]);
  });
});
