// Output layers (sigmoid, softmax, linear), input features, SGD, L1/L2 and test data: what
// TensorFlow Playground offers, checked against float64 computations written out here.
import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, NONLINEAR_NETWORK, packedWeights } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { hiddenOutputs, predict, predictGrid } from "./predict.ts";
import { lossGradient, train } from "./train.ts";
import { expandFeatures, FEATURE_NAMES, featureLabel } from "./features.ts";

// float64 forward pass of a tanh network from its weights() (features first when given)
function reference(
  net: ReturnType<typeof createNetwork>,
  point: [number, number],
): number[] {
  let a: number[] = net.spec.features
    ? Array.from(expandFeatures(point, net.spec.features))
    : [...point];
  const layers = net.weights();
  layers.forEach((w, k) => {
    const out = Array.from({ length: w.units }, (_, j) => {
      let s = w.bias[j];
      for (let i = 0; i < w.inputs; i++) s += a[i] * w.kernel[i * w.units + j];
      return s;
    });
    a = k + 1 < layers.length ? out.map(Math.tanh) : out;
  });
  return a;
}

Deno.test("expandFeatures() behaviour", async (t) => {
  await t.step("Playground's seven features of one point", () => {
    const f = expandFeatures([2, -3], FEATURE_NAMES);
    assert.deepEqual(Array.from(f), [2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)].map(Math.fround));
    assert.equal(featureLabel("x1*x2"), "x₁x₂");
  });
  await t.step("bad names are refused with the list", () => {
    assert.throws(
      () => expandFeatures([0, 0], ["x3" as "x1"]),
      /Unknown feature "x3".*expected one of "x1", "x2", "x1\^2"/,
    );
    assert.throws(() => expandFeatures([0, 0], ["x1", "x1"]), /"x1" is listed twice/);
    assert.throws(() => expandFeatures([0, 0], []), TypeError);
    assert.throws(() => expandFeatures([0, 0, 1], ["x1"]), /expected 2-D points/);
  });
});

Deno.test("createNetwork() output layers and features", async (t) => {
  const base = tf.memory().numTensors;

  await t.step("softmax, linear and features set the layer widths", () => {
    const net = createNetwork(
      { hidden: [5], activation: "tanh", features: ["x1", "x2", "x1^2", "sin(x2)"] },
      { output: "softmax", outputs: 4, seed: 2 },
    );
    assert.deepEqual(net.sizes, [2, 5, 4]);
    assert.equal(net.output, "softmax");
    assert.deepEqual(net.weights().map((w) => [w.inputs, w.units]), [[4, 5], [5, 4]]);
    assert.deepEqual(net.spec.features, ["x1", "x2", "x1^2", "sin(x2)"]);
    net.dispose();
    const reg = createNetwork({ hidden: [3], activation: "relu" }, { output: "linear" });
    assert.deepEqual(reg.sizes, [2, 3, 1]);
    reg.dispose();
  });

  await t.step("the original's networks are unchanged", () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 3 });
    assert.equal(net.output, "sigmoid");
    assert.equal(net.spec.features, undefined);
    assert.equal("features" in net.spec, false);
    net.dispose();
  });

  await t.step("bad output layers and features are refused", () => {
    const spec = { hidden: [4], activation: "tanh" };
    assert.throws(
      () => createNetwork(spec, { output: "tanh" as "linear" }),
      /Unknown output layer "tanh": expected one of "sigmoid", "softmax", "linear"/,
    );
    assert.throws(() => createNetwork(spec, { output: "softmax" }), /needs the number of classes/);
    assert.throws(
      () => createNetwork(spec, { output: "softmax", outputs: 1 }),
      /below the minimum 2/,
    );
    assert.throws(() => createNetwork(spec, { outputs: 2 }), /Invalid option outputs: 2 is above/);
    assert.throws(
      () => createNetwork({ ...spec, features: ["x1", "cos(x1)" as "x1"] }),
      /Unknown feature "cos\(x1\)"/,
    );
    assert.throws(
      () => createNetwork({ ...spec, features: ["x1"] }, { inputs: 3 }),
      /features are computed from 2-D points, but inputs is 3/,
    );
  });

  await t.step("predict() gives softmax probabilities and linear outputs", () => {
    const net = createNetwork(
      { hidden: [6], activation: "tanh", features: ["x1", "x2", "x1*x2"] },
      { output: "softmax", outputs: 3, seed: 4 },
    );
    const p = predict(net, [0.5, -1, 2, 3]);
    assert.equal(p.length, 6);
    for (const [i, point] of [[0.5, -1], [2, 3]].entries()) {
      const z = reference(net, point as [number, number]);
      const e = z.map((v) => Math.exp(v)), sum = e.reduce((a, b) => a + b);
      e.forEach((v, j) => assert.ok(Math.abs(p[3 * i + j] - v / sum) < 1e-6));
    }
    assert.throws(() => predictGrid(net, { x1: [0, 1], x2: [0, 1] }), /gives 3 outputs/);
    assert.equal(hiddenOutputs(net, [0.5, -1]).dim, 6);
    net.dispose();
    const reg = createNetwork({ hidden: [4], activation: "tanh" }, { output: "linear", seed: 1 });
    const y = predict(reg, [1, 2]);
    assert.ok(Math.abs(y[0] - reference(reg, [1, 2])[0]) < 1e-6);
    assert.equal(predictGrid(reg, { x1: [0, 1], x2: [0] }).values.length, 2);
    reg.dispose();
  });

  assert.equal(tf.memory().numTensors, base);
});

// The gradient of each output layer's loss against central differences in float64.
Deno.test("lossGradient() for softmax and linear outputs matches finite differences", () => {
  const base = tf.memory().numTensors;
  for (const output of ["softmax", "linear"] as const) {
    const net = createNetwork(
      { hidden: [3], activation: "tanh", features: ["x1", "x2", "x1*x2"] },
      { output, outputs: output === "softmax" ? 3 : 2, seed: 5 },
    );
    const x = Float32Array.from([0.3, -0.7, 1.1, 0.4]);
    const y = output === "softmax" ? Float32Array.from([2, 0]) : Float32Array.from([0.5, -1, 2, 0]);
    const loss = (): number => {
      let total = 0;
      for (let i = 0; i < 2; i++) {
        const z = reference(net, [x[2 * i], x[2 * i + 1]]);
        if (output === "softmax") {
          const max = Math.max(...z);
          const lse = max + Math.log(z.reduce((a, v) => a + Math.exp(v - max), 0));
          total += (lse - z[y[i]]) / 2;
        } else {
          z.forEach((v, j) => (total += (v - y[2 * i + j]) ** 2 / 4));
        }
      }
      return total;
    };
    const g = lossGradient(net, x, y);
    // the first layer's kernel and the output bias, through the packed weights
    const layers = net.weights();
    const checks = [0, 4, layers[0].kernel.length + 3 + layers[1].kernel.length];
    for (const k of checks) {
      const probe = (delta: number) => {
        const saved = packed(net)[k];
        packed(net)[k] = saved + delta;
        const v = loss();
        packed(net)[k] = saved;
        return v;
      };
      const h = 1e-3;
      const numeric = (probe(h) - probe(-h)) / (2 * h);
      assert.ok(
        Math.abs(g[k] - numeric) < 2e-3 * Math.max(1, Math.abs(numeric)),
        `${output} w${k}`,
      );
    }
    net.dispose();
  }
  assert.equal(tf.memory().numTensors, base);
});

function packed(net: ReturnType<typeof createNetwork>): Float32Array {
  return packedWeights(net);
}

Deno.test("train() with SGD, L1/L2, test data, softmax and linear outputs", async (t) => {
  const base = tf.memory().numTensors;
  const data = makeDataset("circle", { seed: 1 });
  const test = makeDataset("circle", { seed: 2, size: 100 });

  await t.step("test loss and accuracy are recorded beside the training ones", async () => {
    const net = createNetwork({ hidden: [8], activation: "tanh" }, { seed: 1 });
    const logs: number[] = [];
    const history = await train(net, data, {
      epochs: 5,
      learningRate: 0.01,
      testData: test,
      onEpoch: (log) => void logs.push(log.testLoss!),
    });
    assert.equal(history.test!.loss.length, 5);
    assert.equal(history.test!.accuracy.length, 5);
    assert.deepEqual(logs, history.test!.loss);
    const p = predict(net, test.x);
    const accuracy = p.filter((v, i) => (v > 0.5 ? 1 : 0) === test.y[i]).length / 100;
    assert.equal(history.test!.accuracy.at(-1), accuracy);
    net.dispose();
  });

  await t.step("SGD takes w -= rate x gradient steps", async () => {
    const net = createNetwork({ hidden: [3], activation: "tanh" }, { seed: 3 });
    const small = { x: data.x.slice(0, 8), y: data.y.slice(0, 4) };
    const before = packed(net).slice();
    const g = lossGradient(net, Float32Array.from(small.x), Float32Array.from(small.y));
    await train(net, small, { epochs: 1, batchSize: 4, optimizer: "sgd", learningRate: 0.5 });
    const after = packed(net);
    before.forEach((w, k) => assert.ok(Math.abs(after[k] - (w - 0.5 * g[k])) < 1e-6));
    net.dispose();
  });

  await t.step("L1 and L2 shrink the weights; the histories report the loss alone", async () => {
    const norms: Record<string, number> = {};
    for (const regularization of ["none", "l1", "l2"] as const) {
      const net = createNetwork({ hidden: [16], activation: "tanh" }, { seed: 4 });
      const history = await train(net, data, {
        epochs: 30,
        learningRate: 0.01,
        regularization,
        regularizationRate: 0.01,
      });
      norms[regularization] = net.weights().reduce(
        (s, w) => s + w.kernel.reduce((a, v) => a + Math.abs(v), 0),
        0,
      );
      assert.ok(history.loss.at(-1)! < 0.7);
      net.dispose();
    }
    assert.ok(norms.l1 < norms.none && norms.l2 < norms.none, JSON.stringify(norms));
  });

  await t.step("a softmax network learns three blobs; a linear one a plane", async () => {
    const n = 150, x = new Float32Array(2 * n), y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 3, angle = (2 * Math.PI * c) / 3;
      x[2 * i] = 3 * Math.cos(angle) + Math.sin(i * 12.9898) * 0.5;
      x[2 * i + 1] = 3 * Math.sin(angle) + Math.cos(i * 78.233) * 0.5;
      y[i] = c;
    }
    const net = createNetwork({ hidden: [6], activation: "tanh" }, {
      output: "softmax",
      outputs: 3,
      seed: 1,
    });
    const history = await train(net, { x, y }, { epochs: 40, learningRate: 0.03 });
    assert.equal(history.accuracy.at(-1), 1);
    net.dispose();
    const targets = Float32Array.from({ length: n }, (_, i) => (x[2 * i] + x[2 * i + 1]) / 10);
    const reg = createNetwork({ hidden: [4], activation: "tanh" }, { output: "linear", seed: 1 });
    const fit = await train(reg, { x, y: targets }, { epochs: 60, learningRate: 0.01 });
    assert.equal(fit.accuracy.length, 0);
    assert.ok(fit.loss.at(-1)! < 0.01, `MSE ${fit.loss.at(-1)}`);
    reg.dispose();
  });

  await t.step("labels that do not fit the output layer are refused before training", async () => {
    const net = createNetwork({ hidden: [3], activation: "tanh" }, {
      output: "softmax",
      outputs: 3,
    });
    await assert.rejects(
      () => train(net, { x: [0, 0, 1, 1], y: [0, 3] }),
      /Invalid label 3 of point 1: expected a class number from 0 to 2/,
    );
    await assert.rejects(
      () => train(net, { x: [0, 0], y: [0] }, { testData: { x: [0, 0], y: [1.5] } }),
      /train\(options.testData\)|Invalid label 1.5/,
    );
    await assert.rejects(
      () => train(net, { x: [0, 0], y: [0] }, { optimizer: "rmsprop" as "sgd" }),
      /unknown "rmsprop": expected one of "adam", "sgd"/,
    );
    await assert.rejects(
      () => train(net, { x: [0, 0], y: [0] }, { regularization: "l3" as "l1" }),
      /expected one of "none", "l1", "l2"/,
    );
    await assert.rejects(
      () => train(net, { x: [0, 0], y: [0] }, { regularizationRate: 11 }),
      /regularizationRate: 11 is above the maximum 10/,
    );
    net.dispose();
    const reg = createNetwork({ hidden: [3], activation: "tanh" }, { output: "linear" });
    await assert.rejects(() => train(reg, { x: [0, 0], y: [NaN] }), /Invalid target of point 0/);
    reg.dispose();
  });

  assert.equal(tf.memory().numTensors, base);
});
