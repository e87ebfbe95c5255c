import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, LINEAR_NETWORK, type Network, NONLINEAR_NETWORK } from "./network.ts";
import {
  cellCentres,
  gridAxes,
  gridOutputs,
  hiddenOutputs,
  predict,
  predictGrid,
} from "./predict.ts";

// float64 reference forward pass from the network's weights; `act` is the closed form.
function reference(net: Network, x: ArrayLike<number>, act: (v: number) => number) {
  const w = net.weights();
  const dim = net.sizes[0], n = x.length / dim;
  const layers: number[][][] = [];
  let h = Array.from(
    { length: n },
    (_, i) => Array.from({ length: dim }, (_, d) => x[i * dim + d]),
  );
  w.forEach((l, k) => {
    h = h.map((row) =>
      Array.from({ length: l.units }, (_, j) => {
        let s = l.bias[j];
        for (let i = 0; i < l.inputs; i++) s += row[i] * l.kernel[i * l.units + j];
        return k < w.length - 1 ? act(s) : 1 / (1 + Math.exp(-s));
      })
    );
    layers.push(h);
  });
  return layers;
}

const elu = (v: number) => (v > 0 ? v : Math.expm1(v));
const points = [2, 2, 8, 8, 2, 8, 8, 2, 0, 0, 10, 10, -3, 5, 5, 0.5];
// float32 weights and inputs, float64 reference: relative 1e-5 covers the summation order
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));

Deno.test("predict() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("matches a float64 forward pass (ELU network)", () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 2 });
    const ref = reference(net, points, elu).at(-1)!;
    predict(net, points).forEach((p, i) => assert.ok(close(p, ref[i][0]), `${p} vs ${ref[i][0]}`));
    net.dispose();
  });
  await t.step("matches a float64 forward pass (linear network)", () => {
    const net = createNetwork(LINEAR_NETWORK, { seed: 2 });
    const ref = reference(net, points, (v) => v).at(-1)!;
    predict(net, new Float32Array(points)).forEach((p, i) => assert.ok(close(p, ref[i][0])));
    net.dispose();
  });
  await t.step("bad points throw, leaking nothing", () => {
    const net = createNetwork(NONLINEAR_NETWORK);
    const before = tf.memory().numTensors;
    assert.throws(() => predict(net, []), TypeError);
    assert.throws(() => predict(net, [1, 2, 3]), TypeError);
    assert.throws(() => predict(net, [1, NaN]), RangeError);
    assert.equal(tf.memory().numTensors, before);
    net.dispose();
    assert.throws(() => predict(net, [1, 2]), /disposed/);
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("hiddenOutputs() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
  const ref = reference(net, points, elu);
  await t.step("the last hidden layer by default: real ELU outputs, not ReLU", () => {
    const h = hiddenOutputs(net, points);
    assert.equal(h.dim, 2);
    h.x.forEach((v, k) => assert.ok(close(v, ref[1][Math.floor(k / 2)][k % 2]), `${v}`));
  });
  await t.step("any hidden layer by index", () => {
    const h = hiddenOutputs(net, points, { layer: 0 });
    assert.equal(h.dim, 64);
    h.x.forEach((v, k) => assert.ok(close(v, ref[0][Math.floor(k / 64)][k % 64])));
    // ELU keeps negative values in (-1, 0): a ReLU view would have clipped them to 0
    assert.ok(h.x.some((v) => v < 0 && v > -1));
  });
  await t.step("bad layer indices throw RangeError", () => {
    assert.throws(
      () => hiddenOutputs(net, points, { layer: 2 }),
      /Invalid option layer: 2 is above the maximum 1 \(expected an integer from 0 to 1\)/,
    );
    assert.throws(() => hiddenOutputs(net, points, { layer: -1 }), RangeError);
  });
  net.dispose();
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("predictGrid() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
  await t.step("values[j * nx + i] is the probability at (x1[i], x2[j])", () => {
    const x1 = [0, 2.5, 5, 10], x2 = [1, 9, 3];
    const grid = predictGrid(net, { x1, x2 });
    assert.deepEqual([...grid.x1], x1);
    assert.deepEqual([...grid.x2], x2);
    assert.equal(grid.values.length, 12);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 4; i++) {
        assert.equal(grid.values[j * 4 + i], predict(net, [x1[i], x2[j]])[0]);
      }
    }
  });
  await t.step("default: the original's 200 x 200 grid over [0, 10]^2", () => {
    const grid = predictGrid(net);
    assert.equal(grid.values.length, 40_000);
    assert.equal(grid.x1[0], 0);
    assert.equal(grid.x2[199], 10);
    assert.ok(grid.values.every((v) => v >= 0 && v <= 1));
  });
  await t.step("networks that do not take two inputs are refused", () => {
    const three = createNetwork(NONLINEAR_NETWORK, { inputs: 3 });
    assert.throws(() => predictGrid(three), /takes 3 inputs, expected 2/);
    three.dispose();
  });
  await t.step("several outputs are refused, naming gridOutputs()", () => {
    const soft = createNetwork({ hidden: [3], activation: "tanh" }, {
      output: "softmax",
      outputs: 3,
    });
    assert.throws(
      () => predictGrid(soft, { x1: [0], x2: [0] }),
      /gives 3 outputs per point \(softmax\), expected 1; call gridOutputs\(\) for several/,
    );
    soft.dispose();
  });
  net.dispose();
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("gridOutputs() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  const x1 = [-2, 0, 3], x2 = [1, 4];
  await t.step("a softmax: every class at every grid point, in predictGrid()'s order", () => {
    const net = createNetwork({ hidden: [5], activation: "tanh" }, {
      output: "softmax",
      outputs: 4,
      seed: 2,
    });
    const g = gridOutputs(net, { x1, x2 });
    assert.equal(g.outputs, 4);
    assert.equal(g.values.length, 3 * 2 * 4);
    for (let j = 0; j < 2; j++) {
      for (let i = 0; i < 3; i++) {
        const k = j * 3 + i;
        assert.deepEqual(g.values.slice(4 * k, 4 * k + 4), predict(net, [x1[i], x2[j]]));
      }
    }
    net.dispose();
  });
  await t.step("one output: predictGrid()'s values; features computed inside", () => {
    const net = createNetwork(
      { hidden: [4], activation: "tanh", features: ["x1", "x1^2", "sin(x2)"] },
      { output: "linear", seed: 3 },
    );
    const g = gridOutputs(net, { x1, x2 });
    assert.equal(g.outputs, 1);
    assert.deepEqual(g.values, predictGrid(net, { x1, x2 }).values);
    assert.deepEqual([...g.x1], x1);
    net.dispose();
  });
  await t.step("bad input", () => {
    const three = createNetwork(NONLINEAR_NETWORK, { inputs: 3 });
    assert.throws(() => gridOutputs(three, { x1, x2 }), /takes 3 inputs, expected 2/);
    assert.throws(
      () => gridOutputs(three, null as never),
      /^TypeError: gridOutputs\(axes\): expected \{ x1, x2 \}, got null$/,
    );
    three.dispose();
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("cellCentres() behaviour", () => {
  const { x1, x2 } = cellCentres([[-6, 6], [-6, 6]], 50);
  assert.equal(x1.length, 50);
  assert.equal(x1[0], Math.fround(-6 + 0.5 * 12 / 50));
  assert.equal(x2[49], Math.fround(-6 + 49.5 * 12 / 50));
  // symmetric window: the centres too
  for (let i = 0; i < 50; i++) assert.equal(x1[i], -x1[49 - i]);
  assert.throws(
    () => cellCentres([[0, 1], [0, 1]], 0),
    /cellCentres\(n\): 0 is below the minimum 1/,
  );
  assert.throws(() => cellCentres([[0, 1]] as never, 4), /cellCentres\(extent\)\[1\]/);
});

Deno.test("gridAxes() behaviour", () => {
  const { x1, x2 } = gridAxes([[-1, 24], [0, 5]], 26);
  assert.equal(x1.length, 26);
  assert.deepEqual([x1[0], x1[1], x1[25]], [-1, 0, 24]);
  assert.deepEqual([x2[0], x2[25]], [0, 5]);
  assert.throws(() => gridAxes([[0, NaN], [0, 1]]), RangeError);
});
