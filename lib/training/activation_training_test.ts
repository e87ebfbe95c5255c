import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createRandom } from "./random.ts";
import { createNetwork } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { hiddenActivation } from "./hidden_activation.ts";
import { lossGradient, train } from "./train.ts";
import { compareActivations } from "./activation_comparison.ts";

Deno.test("PReLU: each hidden layer learns its own alpha", async (t) => {
  await t.step(
    "lossGradient() matches tfjs autodiff through tf.prelu layers, alpha included",
    () => {
      const data = makeDataset("xor", { seed: 8, size: 40 });
      const net = createNetwork({ hidden: [5, 3], activation: "prelu", params: { alpha: 0.3 } }, {
        seed: 8,
      });
      const layers = net.weights();
      const expected = tf.tidy(() => {
        const params = [
          ...layers.flatMap((
            l,
          ) => [tf.tensor2d(l.kernel, [l.inputs, l.units]), tf.tensor1d(l.bias)]),
          tf.scalar(0.3),
          tf.scalar(0.3),
        ];
        const loss = (...p: tf.Tensor[]) => {
          let h: tf.Tensor = tf.tensor2d(data.x, [40, 2]);
          for (let k = 0; k < 3; k++) {
            h = tf.add(tf.matMul(h as tf.Tensor2D, p[2 * k] as tf.Tensor2D), p[2 * k + 1]);
            if (k < 2) h = tf.prelu(h, p[6 + k]);
          }
          return tf.losses.sigmoidCrossEntropy(tf.tensor2d(data.y, [40, 1]), h);
        };
        return tf.grads(loss)(params).flatMap((g) => [...g.dataSync()]);
      });
      const got = lossGradient(net, data.x, Float32Array.from(data.y));
      assert.equal(got.length, expected.length); // the weights, then one alpha per hidden layer
      const scale = Math.max(...expected.map(Math.abs));
      got.forEach((g, k) =>
        assert.ok(Math.abs(g - expected[k]) <= 1e-4 * scale, `${k}: ${g} vs ${expected[k]}`)
      );
      net.dispose();
    },
  );
  await t.step("train() updates and records alpha per layer, deterministically", async () => {
    const data = makeDataset("circle", { seed: 2 });
    const run = async () => {
      const net = createNetwork({ hidden: [8, 2], activation: "prelu" }, { seed: 2 });
      const history = await train(net, data, { epochs: 5, learningRate: 0.01 });
      const last = net.activationParams();
      net.dispose();
      return { history, last };
    };
    const a = await run(), b = await run();
    assert.deepEqual(a, b);
    assert.equal(a.history.params?.length, 5);
    assert.deepEqual(a.history.params?.at(-1), a.last);
    assert.equal(a.last.length, 2);
    for (const p of a.last) {
      assert.ok(p.alpha !== 0.25 && Math.abs(p.alpha - 0.25) < 0.5, `${p.alpha}`);
    }
    assert.notEqual(a.last[0].alpha, a.last[1].alpha);
  });
  await t.step("other activations: no params in the history, their weights unchanged", async () => {
    const net = createNetwork({ hidden: [4], activation: "elu" }, { seed: 1 });
    const history = await train(net, makeDataset("xor", { seed: 1 }), { epochs: 2 });
    assert.equal(history.params, undefined);
    assert.deepEqual(net.activationParams(), [{ alpha: 1 }]);
    net.dispose();
  });
});

Deno.test("RReLU: random slopes from the seeded stream in training, their mean otherwise", () => {
  const before = tf.memory().numTensors;
  const rrelu = hiddenActivation("rrelu", { lower: 0.1, upper: 0.3 });
  const x = Float32Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1 : -1) * (1 + i / 100));
  const draw = (seed: number) => {
    const random = createRandom(seed);
    return rrelu.training(x, rrelu.params, () => random.uniform());
  };
  const a = draw(7), b = draw(7), c = draw(8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.dy, c.dy);
  const slopes = new Set<number>();
  x.forEach((v, i) => {
    if (v > 0) return assert.ok(a.y[i] === v && a.dy[i] === 1);
    assert.ok(a.dy[i] >= Math.fround(0.1) && a.dy[i] <= Math.fround(0.3), `${a.dy[i]}`);
    assert.ok(Math.abs(a.y[i] - a.dy[i] * v) <= 1e-6 * Math.abs(v));
    slopes.add(a.dy[i]);
  });
  assert.ok(slopes.size > 400);
  const evaluation = rrelu.training(x, rrelu.params);
  assert.equal(evaluation.dy[0], Math.fround(0.2));
  assert.deepEqual(rrelu.values(x), rrelu.valuesAndSlopes(x).y);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("compareActivations() reports a diverging activation instead of stopping", async () => {
  const rows = await compareActivations(makeDataset("circle", { seed: 3, noise: 0.2 }), {
    names: ["exponential", "relu"],
    hidden: [16, 2],
    seed: 3,
    epochs: 2,
    learningRate: 0.01,
  });
  assert.equal(rows[0].divergedAt, 1);
  assert.ok(Number.isNaN(rows[0].finalLoss) && Number.isNaN(rows[0].finalAccuracy));
  assert.equal(rows[1].divergedAt, undefined);
  assert.ok(Number.isFinite(rows[1].finalLoss));
});
