import assert from "node:assert/strict";
import { type Probe, runProbes } from "../../tests/_helpers/health.ts";
import { linspace } from "../grid.ts";
import { tf, TFJS_CHUNK } from "../tf.ts";
import { getActivation } from "../activations/activations.ts";
import { compareActivations } from "./activation_comparison.ts";
import { trainWithSnapshots } from "./boundary_snapshots.ts";
import { makeDataset } from "./datasets.ts";
import { hiddenActivation } from "./hidden_activation.ts";
import {
  createNetwork,
  forwardOutputs,
  forwardPass,
  LINEAR_NETWORK,
  networkLabel,
  NONLINEAR_NETWORK,
} from "./network.ts";
import { gridAxes, hiddenOutputs, predict, predictGrid } from "./predict.ts";
import { fitSubnetwork } from "./subnetwork.ts";
import { train } from "./train.ts";
import { trainingProgress } from "./training_progress.ts";

// deno-lint-ignore no-explicit-any -- probes pass what the types forbid, as a careless caller would
const bad = (v: unknown): any => v;

Deno.test("training guards refuse bad input before allocating, and leave tfjs healthy", async (t) => {
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
  const data = makeDataset("xor", { size: 40 });
  const probes: Probe[] = [
    // sizes: refused before anything is allocated (these would take 10+ GB)
    {
      name: "makeDataset size 1e9",
      call: () => makeDataset("xor", { size: 1e9 }),
      error: RangeError,
      message:
        /^Invalid option size: 1000000000 is above the maximum 1000000 \(expected an integer from 4 to 1000000\)$/,
    },
    {
      name: "createNetwork hidden [1e9]",
      call: () => createNetwork({ hidden: [1e9], activation: "elu" }),
      error: RangeError,
      message: /^createNetwork\(spec.hidden\[0\]\): 1000000000 is above the maximum 4096/,
    },
    {
      name: "createNetwork three layers of 4096 (34M weights)",
      call: () => createNetwork({ hidden: [4096, 4096, 4096], activation: "relu" }),
      error: RangeError,
      message: /layers 2-4096-4096-4096-1 have 33579009 weights, above the maximum 16777216/,
    },
    {
      name: "createNetwork 300 hidden layers",
      call: () => createNetwork({ hidden: Array(300).fill(2), activation: "relu" }),
      error: RangeError,
      message: /^createNetwork\(spec.hidden\): 300 hidden layers is above the maximum 256$/,
    },
    {
      name: "createNetwork inputs 1e6",
      call: () => createNetwork(LINEAR_NETWORK, { inputs: 1e6 }),
      error: RangeError,
      message: /^Invalid option inputs: 1000000 is above the maximum 4096/,
    },
    {
      name: "train epochs 1e9",
      call: () => train(net, data, { epochs: 1e9 }),
      error: RangeError,
      message: /^Invalid option epochs: 1000000000 is above the maximum 100000/,
    },
    {
      name: "train batchSize 1e7",
      call: () => train(net, data, { batchSize: 1e7 }),
      error: RangeError,
      message: /^Invalid option batchSize: 10000000 is above the maximum 1000000/,
    },
    {
      name: "predictGrid on 3000 x 3000 points",
      call: () => predictGrid(net, { x1: linspace(0, 1, 3000), x2: linspace(0, 1, 3000) }),
      error: RangeError,
      message: /^Invalid grid: 3000 x 3000 = 9000000 points is above the maximum 4194304$/,
    },
    {
      name: "gridAxes n 5000",
      call: () => gridAxes(undefined, 5000),
      error: RangeError,
      message: /^gridAxes\(n\): 5000 is above the maximum 1000/,
    },
    {
      name: "fitSubnetwork resolution 1700",
      call: () => fitSubnetwork(net, data, { resolution: 1700 }),
      error: RangeError,
      message: /^Invalid option resolution: 1700 is above the maximum 1000/,
    },
    {
      name: "trainWithSnapshots every epoch of 100,000 on a 1000 x 1000 grid",
      call: () =>
        trainWithSnapshots(net, data, {
          epochs: 100_000,
          every: 1,
          axes: gridAxes(undefined, 1000),
        }),
      error: RangeError,
      message:
        /^Invalid option every: 100001 snapshots of 1000000 grid points hold 100001000000 values, above the maximum 33554432$/,
    },
    {
      name: "makeDataset noise 1e300",
      call: () => makeDataset("xor", { noise: 1e300 }),
      error: RangeError,
      message: /^Invalid option noise: 1e\+300 is above the maximum 1000/,
    },
    // float32 finiteness
    {
      name: "train on a feature of 1e39 (float32 infinity)",
      call: () => train(net, { x: [1e39, 0, 0, 0], y: [0, 1] }),
      error: RangeError,
      message:
        /^Invalid feature 1e\+39 of point 0 \(train\(data.x\)\[0\]\): 1e\+39 is infinite in float32 \(beyond ±3.4028234663852886e\+38\)$/,
    },
    {
      name: "train with learning rate 1e300",
      call: () => train(net, data, { learningRate: 1e300 }),
      error: RangeError,
      message:
        /^Invalid option learningRate: 1e\+300 is above the maximum 3.4028234663852886e\+38 \(expected a number above 0 and at most 3.4028234663852886e\+38\)$/,
    },
    {
      name: "predict on a feature of -1e39",
      call: () => predict(net, [0, -1e39]),
      error: RangeError,
      message: /^Invalid feature -1e\+39 of point 0 \(predict\(x\)\[1\]\)/,
    },
    // null, undefined and wrong types
    {
      name: 'makeDataset("xor", null)',
      call: () => makeDataset("xor", bad(null)),
      error: TypeError,
      message: /^makeDataset\(options\): expected an options object, got null$/,
    },
    {
      name: "makeDataset(null)",
      call: () => makeDataset(bad(null)),
      error: TypeError,
      message: /^makeDataset\(name\): expected a non-empty string, got null$/,
    },
    {
      name: 'makeDataset size "200"',
      call: () => makeDataset("xor", { size: bad("200") }),
      error: TypeError,
      message: /^Invalid option size: expected an integer from 4 to 1000000, got the string "200"$/,
    },
    {
      name: "createNetwork(undefined)",
      call: () => createNetwork(bad(undefined)),
      error: TypeError,
      message: /^createNetwork\(spec\): expected an object, got undefined$/,
    },
    {
      name: 'createNetwork hidden "64"',
      call: () => createNetwork({ hidden: bad("64"), activation: "elu" }),
      error: TypeError,
      message:
        /^createNetwork\(spec.hidden\): expected an array of layer widths, got the string "64"$/,
    },
    {
      name: "createNetwork hidden 64",
      call: () => createNetwork({ hidden: bad(64), activation: "elu" }),
      error: TypeError,
      message: /got the number 64$/,
    },
    {
      name: "createNetwork hidden [64n]",
      call: () => createNetwork({ hidden: bad([64n]), activation: "elu" }),
      error: TypeError,
      message:
        /^createNetwork\(spec.hidden\[0\]\): expected an integer from 1 to 4096, got the bigint 64n$/,
    },
    {
      name: "createNetwork hidden [-4]",
      call: () => createNetwork({ hidden: [-4], activation: "elu" }),
      error: RangeError,
      message: /^createNetwork\(spec.hidden\[0\]\): -4 is below the minimum 1/,
    },
    {
      name: "createNetwork activation null",
      call: () => createNetwork({ hidden: [4], activation: bad(null) }),
      error: TypeError,
      message:
        /^createNetwork\(spec.activation\): expected a registry name or an Activation \(see resolveActivation\(\)\), got null$/,
    },
    {
      name: "createNetwork options null",
      call: () => createNetwork(NONLINEAR_NETWORK, bad(null)),
      error: TypeError,
      message: /^createNetwork\(options\): expected an options object, got null$/,
    },
    {
      name: 'createNetwork seed "1"',
      call: () => createNetwork(NONLINEAR_NETWORK, { seed: bad("1") }),
      error: TypeError,
      message:
        /^Invalid option seed: expected an integer from -9007199254740991 to 9007199254740991, got the string "1"$/,
    },
    {
      name: "train(null, data)",
      call: () => train(bad(null), data),
      error: TypeError,
      message: /^train\(network\): expected a Network from createNetwork\(\), got null$/,
    },
    {
      name: "train(net, null)",
      call: () => train(net, bad(null)),
      error: TypeError,
      message: /^train\(data\): expected \{ x, y \}: features and labels, got null$/,
    },
    {
      name: "train(net, data, null)",
      call: () => train(net, data, bad(null)),
      error: TypeError,
      message: /^train\(options\): expected an options object, got null$/,
    },
    {
      name: 'train epochs "5"',
      call: () => train(net, data, { epochs: bad("5") }),
      error: TypeError,
      message: /^Invalid option epochs: expected an integer from 1 to 100000, got the string "5"$/,
    },
    {
      name: "train onEpoch 5",
      call: () => train(net, data, { onEpoch: bad(5) }),
      error: TypeError,
      message: /^Invalid option onEpoch: expected a function, got the number 5$/,
    },
    {
      name: 'train on a feature "1"',
      call: () => train(net, { x: bad(["1", 0]), y: [0] }),
      error: TypeError,
      message:
        /^Invalid feature the string "1" of point 0 \(train\(data.x\)\[0\]\): expected a number, got the string "1"$/,
    },
    {
      name: "train on a label 1n",
      call: () => train(net, { x: [0, 0], y: bad([1n]) }),
      error: TypeError,
      message: /^train\(data.y\[0\]\): expected a label 0 or 1, got the bigint 1n$/,
    },
    {
      name: "train on features as a string",
      call: () => train(net, { x: bad("0,0"), y: [0] }),
      error: TypeError,
      message: /^train\(data.x\): expected an array of features, got the string "0,0"$/,
    },
    {
      name: "predict(null, x)",
      call: () => predict(bad(null), [0, 0]),
      error: TypeError,
      message: /^predict\(network\): expected a Network from createNetwork\(\), got null$/,
    },
    {
      name: "predict(net, null)",
      call: () => predict(net, bad(null)),
      error: TypeError,
      message: /^predict\(x\): expected an array of features, got null$/,
    },
    {
      name: "hiddenOutputs(net, x, null)",
      call: () => hiddenOutputs(net, [0, 0], bad(null)),
      error: TypeError,
      message: /^hiddenOutputs\(options\): expected an options object, got null$/,
    },
    {
      name: "predictGrid(net, null)",
      call: () => predictGrid(net, bad(null)),
      error: TypeError,
      message: /^predictGrid\(axes\): expected \{ x1, x2 \}, got null$/,
    },
    {
      name: "fitSubnetwork(undefined, data)",
      call: () => fitSubnetwork(bad(undefined), data),
      error: TypeError,
      message:
        /^fitSubnetwork\(network\): expected a Network from createNetwork\(\), got undefined$/,
    },
    {
      name: "trainWithSnapshots(net, null)",
      call: () => trainWithSnapshots(net, bad(null)),
      error: TypeError,
      message: /^trainWithSnapshots\(data\): expected \{ x, y \}: features and labels, got null$/,
    },
    {
      name: "compareActivations(null)",
      call: () => compareActivations(bad(null)),
      error: TypeError,
      message: /^compareActivations\(data\): expected \{ x, y \}: features and labels, got null$/,
    },
    {
      name: 'compareActivations names "relu"',
      call: () => compareActivations(data, { names: bad("relu") }),
      error: TypeError,
      message:
        /^Invalid option names: expected an array of activation names, got the string "relu"$/,
    },
    {
      name: "trainingProgress(null)",
      call: () => trainingProgress(bad(null)),
      error: TypeError,
      message: /^trainingProgress\(options\): expected an options object, got null$/,
    },
    {
      name: "networkLabel(null)",
      call: () => networkLabel(bad(null)),
      error: TypeError,
      message: /^networkLabel\(network\): expected a Network from createNetwork\(\), got null$/,
    },
    {
      name: "hiddenActivation(undefined)",
      call: () => hiddenActivation(bad(undefined)),
      error: TypeError,
      message:
        /^hiddenActivation\(activation\): expected a registry name or an Activation \(see resolveActivation\(\)\), got undefined$/,
    },
  ];
  const before = net.weights();
  await runProbes(t, probes);
  assert.deepEqual(net.weights(), before, "a refused call changed the weights");
  net.dispose();
});

Deno.test("train() stops when the loss diverges, naming the epoch and the cause", async (t) => {
  const data = makeDataset("xor", { size: 40 });
  const base = tf.memory().numTensors;
  await runProbes(t, [{
    name: "learning rate 1e30",
    call: async () => {
      const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
      const before = net.weights();
      const epochs: number[] = [];
      try {
        await train(net, data, {
          learningRate: 1e30,
          onEpoch: (log) => void epochs.push(log.epoch),
        });
      } finally {
        // the weights before the diverging epoch, and no callback for it
        assert.deepEqual(net.weights(), before);
        assert.deepEqual(epochs, []);
        net.dispose();
      }
    },
    error: RangeError,
    message:
      /^Training diverged at epoch 1: the loss became NaN\. Likely cause: the learning rate 1e\+30 is too large; try 0\.001 \(the default\) to 0\.01\. The network keeps its weights from before training\.$/,
  }]);
  await t.step("an activation that overflows float32 is named among the causes", async () => {
    const net = createNetwork({ hidden: [16, 2], activation: "exponential" }, { seed: 3 });
    await assert.rejects(
      train(net, makeDataset("circle", { seed: 3 }), { learningRate: 0.01, epochs: 5 }),
      (e: Error) =>
        e instanceof RangeError &&
        /^Training diverged at epoch 1: the loss became NaN\. Likely cause: the learning rate 0\.01 or the scale of the features \(up to [\d.]+\) is too large for this network, or its activation "exponential" overflows float32/
          .test(e.message),
    );
    net.dispose();
  });
  await t.step("a later epoch: the weights of the last finite one are kept", async () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 2 });
    let afterFirst: unknown;
    await assert.rejects(
      train(net, data, { learningRate: 1e37, onEpoch: () => void (afterFirst = net.weights()) }),
      (e: Error) =>
        e instanceof RangeError &&
        /^Training diverged at epoch 2: the loss became NaN\. Likely cause: the learning rate 1e\+37 is too large; .* The network keeps its weights from the end of epoch 1\.$/
          .test(e.message),
    );
    assert.deepEqual(net.weights(), afterFirst);
    net.dispose();
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("large work runs in chunks with the values of one pass", async (t) => {
  await t.step("hidden activation values over more than one tfjs chunk", () => {
    const n = TFJS_CHUNK + 37;
    const x = new Float32Array(n).map((_, i) => (i % 2001) / 100 - 10);
    for (const name of ["elu", "gelu", "relu"]) {
      const hidden = hiddenActivation(name);
      const chunked = hidden.values(x);
      const spec = getActivation(name);
      const whole = tf.tidy(() =>
        spec.fn(tf.tensor1d(x), hidden.params).dataSync() as Float32Array
      );
      assert.equal(chunked.length, n);
      assert.ok(chunked.every((v, i) => Object.is(v, whole[i])), `${name} differs`);
    }
  });
  await t.step("predictions over many points, chunked by points", () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 3 });
    const { x1, x2 } = gridAxes(undefined, 300); // 90,000 points x 64 units: six chunks
    const grid = predictGrid(net, { x1, x2 });
    const x = new Float32Array(2 * 90_000);
    for (let j = 0; j < 300; j++) {
      for (let i = 0; i < 300; i++) {
        x[2 * (j * 300 + i)] = x1[i];
        x[2 * (j * 300 + i) + 1] = x2[j];
      }
    }
    const whole = forwardPass(net, x).output;
    assert.ok(forwardOutputs(net, x).every((v, i) => Object.is(v, whole[i])));
    assert.ok(grid.values.every((v, i) => v === Math.fround(1 / (1 + Math.exp(-whole[i])))));
    const hidden = hiddenOutputs(net, x, { layer: 0 });
    const hiddenWhole = forwardPass(net, x, { layer: 0 }).output;
    assert.ok(hidden.x.every((v, i) => Object.is(v, hiddenWhole[i])));
    net.dispose();
  });
  await t.step("a million-point decision grid (resolution 1000)", () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const axes = gridAxes(undefined, 1000);
    const grid = predictGrid(net, axes);
    assert.equal(grid.values.length, 1_000_000);
    for (const [i, j] of [[0, 0], [999, 0], [123, 456], [999, 999]]) {
      const [p] = predict(net, [axes.x1[i], axes.x2[j]]);
      assert.equal(grid.values[j * 1000 + i], p);
    }
    net.dispose();
  });
});
