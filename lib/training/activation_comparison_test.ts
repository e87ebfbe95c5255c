import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { type History, train } from "./train.ts";
import { compareActivations } from "./activation_comparison.ts";
import { hiddenActivationNames } from "./hidden_activation.ts";

Deno.test("compareActivations() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  const data = makeDataset("xor", { seed: 1 });

  await t.step("identity vs ELU on the original's task", async () => {
    const histories: History[] = [];
    const rows = await compareActivations(data, {
      names: ["identity", "elu"],
      seed: 1,
      onResult: (_row, h) => void histories.push(h),
    });
    assert.deepEqual(rows.map((r) => [r.name, r.label]), [["identity", "Identity"], [
      "elu",
      "ELU",
    ]]);
    const [identity, elu] = rows;
    assert.ok(identity.finalAccuracy <= 0.8 && identity.firstEpochAt99 === null);
    assert.ok(elu.finalAccuracy >= 0.97 && elu.firstEpochAt99 !== null);
    // firstEpochAt99 is the first epoch (1-based) with accuracy >= 0.99
    assert.ok(histories[1].accuracy[elu.firstEpochAt99! - 1] >= 0.99);
    assert.ok(histories[1].accuracy.slice(0, elu.firstEpochAt99! - 1).every((a) => a < 0.99));
    assert.equal(elu.finalLoss, histories[1].loss.at(-1));
  });

  await t.step("same seed and settings as a plain train() of that network", async () => {
    const [row] = await compareActivations(data, { names: ["elu"], seed: 1, epochs: 5 });
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
    const h = await train(net, data, { epochs: 5 });
    net.dispose();
    assert.equal(row.finalLoss, h.loss.at(-1));
    assert.equal(row.finalAccuracy, h.accuracy.at(-1));
  });

  await t.step("every one-input activation by default", async () => {
    const rows = await compareActivations(makeDataset("xor", { size: 8 }), { epochs: 1 });
    assert.deepEqual(rows.map((r) => r.name), hiddenActivationNames());
    assert.ok(!rows.some((r) => r.name === "softmax" || r.name === "maxout"));
    assert.ok(rows.every((r) => Number.isFinite(r.finalLoss)));
  });

  await t.step("bad names fail before any training", async () => {
    let called = 0;
    const onResult = () => void called++;
    await assert.rejects(
      compareActivations(data, { names: ["elu", "nope"], onResult }),
      /Unknown activation "nope"/,
    );
    await assert.rejects(
      compareActivations(data, { names: ["elu", "maxout"], onResult }),
      TypeError,
    );
    assert.equal(called, 0);
  });

  assert.equal(tf.memory().numTensors, base);
});
