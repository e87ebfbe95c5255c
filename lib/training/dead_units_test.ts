import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, packedWeights } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { train } from "./train.ts";
import { deadUnits } from "./dead_units.ts";

Deno.test("deadUnits() counts units with a zero derivative at every point", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("units pushed below zero are dead; the rest are not", () => {
    const net = createNetwork({ hidden: [3], activation: "relu" }, { seed: 1 });
    const w = packedWeights(net);
    // layer 1: kernel 2 x 3 then 3 biases; unit 1 gets a bias of -100
    w[6 + 1] = -100;
    const [row] = deadUnits(net, [0, 0, 1, 1, -1, 2]);
    assert.deepEqual(row.which, [1]);
    assert.equal(row.dead, 1);
    assert.equal(row.fraction, 1 / 3);
    assert.equal(row.note, "");
    net.dispose();
  });
  await t.step(
    "ReLU stalls at 0.5 on the old playground's circle: its 2-unit layer dies",
    async () => {
      // the playground's old defaults: circle in [0, 10]², noise 0.2, 16-2, Adam 0.01, seed 3
      const data = makeDataset("circle", { seed: 3, noise: 0.2 });
      const stalled: Record<string, number> = {};
      for (const activation of ["relu", "relu6", "leaky_relu", "tanh"]) {
        const net = createNetwork({ hidden: [16, 2], activation }, { seed: 3 });
        const history = await train(net, data, { epochs: 200, learningRate: 0.01 });
        const rows = deadUnits(net, data.x);
        stalled[activation] = history.accuracy.at(-1)!;
        if (activation.startsWith("relu")) {
          assert.equal(history.accuracy.at(-1), 0.5);
          assert.equal(rows[1].dead, 2);
          assert.match(
            rows[1].note,
            /All 2 units of layer 2 are dead.*accuracy about 0.5.*Leaky ReLU/,
          );
        } else {
          assert.ok(rows.every((r) => r.dead === 0), activation);
          assert.ok(history.accuracy.at(-1)! > 0.9, activation);
        }
        net.dispose();
      }
      console.log(`final accuracy on the old circle: ${JSON.stringify(stalled)}`);
    },
  );
  await t.step("networks with features and softmax outputs; bad input refused", () => {
    const net = createNetwork(
      { hidden: [4, 4], activation: "gelu", features: ["x1", "x2", "x1*x2"] },
      { output: "softmax", outputs: 3 },
    );
    assert.deepEqual(deadUnits(net, [1, 2]).map((r) => r.dead), [0, 0]);
    assert.throws(() => deadUnits(net, [1, 2, 3]), /not a multiple of 2/);
    net.dispose();
  });
  assert.equal(tf.memory().numTensors, base);
});
