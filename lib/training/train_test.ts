import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, LINEAR_NETWORK, NONLINEAR_NETWORK } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { predict } from "./predict.ts";
import { type EpochLog, type History, lossGradient, train } from "./train.ts";

const SEEDS = [1, 2, 3, 4, 5];

// float64 mean binary cross-entropy and accuracy from probabilities
function bce(p: ArrayLike<number>, y: ArrayLike<number>) {
  let loss = 0, correct = 0;
  for (let i = 0; i < y.length; i++) {
    loss -= y[i] ? Math.log(p[i]) : Math.log1p(-p[i]);
    correct += (p[i] > 0.5 ? 1 : 0) === y[i] ? 1 : 0;
  }
  return { loss: loss / y.length, accuracy: correct / y.length };
}

Deno.test("train() behaviour", async (t) => {
  const base = tf.memory().numTensors;

  // Train each seed's two networks once (the original's settings), share across steps.
  const runs = new Map<string, { history: History; probabilities: Float32Array }>();
  for (const seed of SEEDS) {
    const data = makeDataset("xor", { seed });
    for (
      const [kind, spec] of [["nonlinear", NONLINEAR_NETWORK], ["linear", LINEAR_NETWORK]] as const
    ) {
      const net = createNetwork(spec, { seed });
      const history = await train(net, data);
      runs.set(`${kind}:${seed}`, { history, probabilities: predict(net, data.x) });
      net.dispose();
    }
  }
  const summary = SEEDS.map((s) =>
    `seed ${s}: elu ${runs.get(`nonlinear:${s}`)!.history.accuracy.at(-1)}, ` +
    `linear ${runs.get(`linear:${s}`)!.history.accuracy.at(-1)}`
  ).join("; ");
  console.log(`final training accuracy (100 epochs): ${summary}`);

  await t.step("the ELU network reaches >= 97% training accuracy for five seeds", () => {
    for (const seed of SEEDS) {
      const { history } = runs.get(`nonlinear:${seed}`)!;
      assert.equal(history.loss.length, 100);
      assert.ok(history.accuracy.at(-1)! >= 0.97, `seed ${seed}: ${history.accuracy.at(-1)}`);
    }
  });

  await t.step("the linear network stays at or below 80% for five seeds", () => {
    for (const seed of SEEDS) {
      const { history } = runs.get(`linear:${seed}`)!;
      assert.ok(history.accuracy.at(-1)! <= 0.8, `seed ${seed}: ${history.accuracy.at(-1)}`);
    }
  });

  await t.step("history is the loss and accuracy of the trained network on all points", () => {
    for (const seed of SEEDS) {
      const data = makeDataset("xor", { seed });
      for (const kind of ["nonlinear", "linear"]) {
        const { history, probabilities } = runs.get(`${kind}:${seed}`)!;
        const ref = bce(probabilities, data.y);
        // float32 forward pass: 1e-4 relative on the loss
        assert.ok(Math.abs(history.loss.at(-1)! - ref.loss) <= 1e-4 * Math.max(ref.loss, 1e-2));
        assert.equal(history.accuracy.at(-1), ref.accuracy);
      }
    }
  });

  await t.step(
    "the same seed repeats data, weights, batch order, history and predictions bit for bit",
    async () => {
      const data = makeDataset("xor", { seed: 1 });
      const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
      const history = await train(net, data);
      const first = runs.get("nonlinear:1")!;
      assert.deepEqual(history, first.history);
      assert.deepEqual(predict(net, data.x), first.probabilities);
      net.dispose();
    },
  );

  await t.step(
    "another shuffle seed gives another batch order, hence another history",
    async () => {
      const data = makeDataset("xor", { seed: 1 });
      const a = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
      const b = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
      const ha = await train(a, data, { epochs: 3 });
      const hb = await train(b, data, { epochs: 3, seed: 2 });
      assert.deepEqual(ha.loss, runs.get("nonlinear:1")!.history.loss.slice(0, 3));
      assert.notDeepEqual(ha.loss, hb.loss);
      [a, b].forEach((n) => n.dispose());
    },
  );

  await t.step("one full-batch epoch is one Adam step on the mean cross-entropy", async () => {
    // Keras's first Adam step: m = 0.1 g, v = 0.001 g², alpha = lr sqrt(0.001) / 0.1, so
    // w -= alpha m / (sqrt(v) + eps) = lr g / (|g| + eps / sqrt(0.001)); g is the float64
    // gradient of the mean cross-entropy computed below.
    const data = makeDataset("xor", { seed: 7, size: 40 });
    const net = createNetwork({ hidden: [3], activation: "identity" }, { seed: 7 });
    const [l1, l2] = net.weights();
    const n = 40, lr = 0.01;
    const gW1 = new Float64Array(6), gb1 = new Float64Array(3), gW2 = new Float64Array(3);
    let gb2 = 0;
    for (let i = 0; i < n; i++) {
      const x = [data.x[2 * i], data.x[2 * i + 1]];
      const h = [0, 1, 2].map((j) => l1.bias[j] + x[0] * l1.kernel[j] + x[1] * l1.kernel[3 + j]);
      const z = l2.bias[0] + h.reduce((s, v, j) => s + v * l2.kernel[j], 0);
      const dz = (1 / (1 + Math.exp(-z)) - data.y[i]) / n;
      gb2 += dz;
      for (let j = 0; j < 3; j++) {
        gW2[j] += dz * h[j];
        gb1[j] += dz * l2.kernel[j];
        for (let d = 0; d < 2; d++) gW1[d * 3 + j] += dz * l2.kernel[j] * x[d];
      }
    }
    await train(net, data, { epochs: 1, batchSize: n, learningRate: lr });
    const [a1, a2] = net.weights();
    const check = (before: number, after: number, g: number) => {
      const expected = before - (lr * g) / (Math.abs(g) + 1e-7 / Math.sqrt(0.001));
      // float32 weights of magnitude <= 10: 1e-6 absolute
      assert.ok(Math.abs(after - expected) < 1e-6, `${after} vs ${expected} (g = ${g})`);
    };
    gW1.forEach((g, k) => check(l1.kernel[k], a1.kernel[k], g));
    gb1.forEach((g, k) => check(l1.bias[k], a1.bias[k], g));
    gW2.forEach((g, k) => check(l2.kernel[k], a2.kernel[k], g));
    check(l2.bias[0], a2.bias[0], gb2);
    net.dispose();
  });

  await t.step("lossGradient() matches TensorFlow.js autodiff through ELU layers", () => {
    // reference: tf.grads of tfjs's own sigmoid cross-entropy through tf.elu layers,
    // independent of the registry and of the hand-written backpropagation
    const data = makeDataset("xor", { seed: 8, size: 40 });
    for (const alpha of [1, 0.5]) {
      const net = createNetwork({ hidden: [5, 2], activation: "elu", params: { alpha } }, {
        seed: 8,
      });
      const layers = net.weights();
      const expected = tf.tidy(() => {
        const params = layers.flatMap((l) => [
          tf.tensor2d(l.kernel, [l.inputs, l.units]),
          tf.tensor1d(l.bias),
        ]);
        const loss = (...p: tf.Tensor[]) => {
          let h: tf.Tensor = tf.tensor2d(data.x, [40, 2]);
          for (let k = 0; k < 3; k++) {
            h = tf.add(tf.matMul(h as tf.Tensor2D, p[2 * k] as tf.Tensor2D), p[2 * k + 1]);
            if (k < 2) h = tf.add(tf.relu(h), tf.mul(alpha, tf.elu(tf.minimum(h, 0))));
          }
          return tf.losses.sigmoidCrossEntropy(tf.tensor2d(data.y, [40, 1]), h);
        };
        return tf.grads(loss)(params).flatMap((g) => [...g.dataSync()]);
      });
      const got = lossGradient(net, data.x, Float32Array.from(data.y));
      assert.equal(got.length, expected.length);
      const scale = Math.max(...expected.map(Math.abs));
      // float32 reference: 1e-4 of the largest gradient component
      got.forEach((g, k) =>
        assert.ok(Math.abs(g - expected[k]) <= 1e-4 * scale, `${k}: ${g} vs ${expected[k]}`)
      );
      net.dispose();
    }
  });

  await t.step("onEpoch sees every epoch, and training waits for it", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 3 });
    const logs: EpochLog[] = [];
    const history = await train(net, makeDataset("xor", { seed: 3 }), {
      epochs: 4,
      onEpoch: async (log) => {
        await new Promise((r) => setTimeout(r, 1));
        logs.push(log);
      },
    });
    assert.deepEqual(logs.map((l) => l.epoch), [1, 2, 3, 4]);
    assert.ok(logs.every((l) => l.epochs === 4));
    assert.deepEqual(logs.map((l) => l.loss), history.loss);
    assert.deepEqual(logs.map((l) => l.accuracy), history.accuracy);
    net.dispose();
  });

  await t.step("batch sizes larger than the data and of 1 work", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 3 });
    const data = makeDataset("xor", { size: 8 });
    assert.equal((await train(net, data, { epochs: 1, batchSize: 1000 })).loss.length, 1);
    assert.equal((await train(net, data, { epochs: 1, batchSize: 1 })).loss.length, 1);
    net.dispose();
  });

  await t.step("bad input throws before any training, naming the value", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 3 });
    const data = makeDataset("xor", { size: 8 });
    const before = net.weights(), tensors = tf.memory().numTensors;
    let called = 0;
    const onEpoch = () => void called++;
    const cases: [
      Parameters<typeof train>[1],
      Parameters<typeof train>[2],
      RegExp,
      ErrorConstructor,
    ][] = [
      [{ x: [], y: [] }, {}, /Empty data/, TypeError],
      [
        { x: data.x, y: data.y.subarray(0, 7) },
        {},
        /Mismatched lengths: 7 labels need 14 features .*got 16/,
        TypeError,
      ],
      [
        { x: data.x, y: [0, 1, 2, 0, 1, 0, 1, 0] },
        {},
        /Invalid label 2 of point 2: expected 0 or 1/,
        RangeError,
      ],
      [
        { x: [...data.x.slice(0, 15), NaN], y: data.y },
        {},
        /Invalid feature NaN of point 7/,
        RangeError,
      ],
      [data, { epochs: 0 }, /Invalid option epochs: 0 is below the minimum 1/, RangeError],
      [data, { epochs: 2.5 }, /Invalid option epochs: 2.5 is not an integer/, RangeError],
      [data, { batchSize: 0 }, /Invalid option batchSize: 0 is below the minimum 1/, RangeError],
      [data, { learningRate: -1 }, /Invalid option learningRate: -1 is not above 0/, RangeError],
      [data, { seed: NaN }, /Invalid option seed: NaN is not a finite number/, RangeError],
    ];
    for (const [d, o, message, type] of cases) {
      await assert.rejects(
        train(net, d, { ...o, onEpoch }),
        (e: Error) => e instanceof type && message.test(e.message),
      );
    }
    assert.equal(called, 0);
    assert.deepEqual(net.weights(), before);
    assert.equal(tf.memory().numTensors, tensors);
    net.dispose();
    await assert.rejects(train(net, data), /disposed/);
  });

  await t.step("a throwing callback stops training without leaking tensors", async () => {
    const net = createNetwork(NONLINEAR_NETWORK);
    const tensors = tf.memory().numTensors;
    await assert.rejects(
      train(net, makeDataset("xor"), {
        onEpoch: () => {
          throw new Error("stop");
        },
      }),
      /stop/,
    );
    assert.equal(tf.memory().numTensors, tensors);
    net.dispose();
  });

  assert.equal(tf.memory().numTensors, base);
});

Deno.test("train() with stopAtAccuracy ends at the first epoch that reaches it", async (t) => {
  const data = makeDataset("xor", { seed: 1 });
  const full = createNetwork(NONLINEAR_NETWORK, { seed: 2 });
  const all = await train(full, data, { epochs: 60, learningRate: 0.01 });
  const at = all.accuracy.findIndex((a) => a >= 0.9);
  assert.ok(at >= 0 && at < 59, `reaches 90% at epoch ${at + 1}`);
  await t.step("the same epochs as without it, up to that one", async () => {
    const early = createNetwork(NONLINEAR_NETWORK, { seed: 2 });
    const h = await train(early, data, { epochs: 60, learningRate: 0.01, stopAtAccuracy: 0.9 });
    assert.deepEqual(h.accuracy, all.accuracy.slice(0, at + 1));
    assert.deepEqual(h.loss, all.loss.slice(0, at + 1));
    early.dispose();
  });
  await t.step("a value outside [0, 1] is refused", async () => {
    await assert.rejects(train(full, data, { stopAtAccuracy: 1.5 }), {
      name: "RangeError",
      message:
        "Invalid option stopAtAccuracy: 1.5 is above the maximum 1 (expected a number from 0 to 1)",
    });
  });
  full.dispose();
});
