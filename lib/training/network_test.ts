import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import {
  checkPoints,
  createNetwork,
  LINEAR_NETWORK,
  networkLabel,
  NONLINEAR_NETWORK,
} from "./network.ts";

Deno.test("createNetwork() behaviour", async (t) => {
  const base = tf.memory().numTensors;

  await t.step("the original's networks: sizes, zero biases, Glorot-uniform kernels", () => {
    for (
      const [spec, sizes] of [[NONLINEAR_NETWORK, [2, 64, 2, 1]], [LINEAR_NETWORK, [
        2,
        64,
        1,
      ]]] as const
    ) {
      const net = createNetwork(spec, { seed: 3 });
      assert.deepEqual(net.sizes, sizes);
      const w = net.weights();
      assert.equal(w.length, sizes.length - 1);
      w.forEach((layer, k) => {
        assert.equal(layer.inputs, sizes[k]);
        assert.equal(layer.units, sizes[k + 1]);
        assert.equal(layer.kernel.length, sizes[k] * sizes[k + 1]);
        assert.ok(layer.bias.every((b) => b === 0));
        const limit = Math.sqrt(6 / (sizes[k] + sizes[k + 1]));
        assert.ok(layer.kernel.every((v) => Math.abs(v) <= limit), `layer ${k} within ±${limit}`);
      });
      net.dispose();
    }
  });

  await t.step("kernel values spread uniformly over ±limit", () => {
    // 2 x 64 kernel of the first layer over many seeds: uniform(-l, l) has variance l²/3
    const limit = Math.sqrt(6 / 66);
    let s = 0, s2 = 0, n = 0;
    for (let seed = 0; seed < 40; seed++) {
      const net = createNetwork(LINEAR_NETWORK, { seed });
      for (const v of net.weights()[0].kernel) {
        s += v;
        s2 += v * v;
        n++;
      }
      net.dispose();
    }
    const mean = s / n, variance = s2 / n - mean * mean;
    assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`); // sd of the mean ~ 0.174/sqrt(5120) = 0.0024
    assert.ok(Math.abs(variance / (limit * limit / 3) - 1) < 0.06, `variance ${variance}`);
  });

  await t.step("same seed, same weights; another seed, other weights", () => {
    const a = createNetwork(NONLINEAR_NETWORK, { seed: 5 });
    const b = createNetwork(NONLINEAR_NETWORK, { seed: 5 });
    const c = createNetwork(NONLINEAR_NETWORK, { seed: 6 });
    assert.deepEqual(a.weights(), b.weights());
    assert.notDeepEqual(a.weights()[0].kernel, c.weights()[0].kernel);
    [a, b, c].forEach((n) => n.dispose());
  });

  await t.step("linear vs non-linear is the activation name; parameters resolve", () => {
    const lin = createNetwork({ hidden: [64, 2], activation: "identity" });
    const elu = createNetwork({ hidden: [64, 2], activation: "elu", params: { alpha: 0.5 } });
    const eluDefault = createNetwork(NONLINEAR_NETWORK);
    assert.deepEqual(lin.sizes, elu.sizes);
    assert.deepEqual(lin.weights(), elu.weights()); // same seed, same weights
    assert.deepEqual(elu.spec.params, { alpha: 0.5 });
    assert.deepEqual(eluDefault.spec.params, { alpha: 1 });
    [lin, elu, eluDefault].forEach((n) => n.dispose());
  });

  await t.step("dispose() drops the weights and blocks further use; no tensors held", () => {
    const before = tf.memory().numTensors;
    const net = createNetwork(NONLINEAR_NETWORK);
    assert.equal(tf.memory().numTensors, before);
    net.dispose();
    net.dispose(); // twice is fine
    assert.equal(net.disposed, true);
    assert.equal(tf.memory().numTensors, before);
    assert.throws(() => net.weights(), /disposed/);
  });

  await t.step("bad specs throw before allocating anything", () => {
    const before = tf.memory().numTensors;
    assert.throws(
      () => createNetwork({ hidden: [4], activation: "foo" }),
      /Unknown activation "foo": expected one of "identity"/,
    );
    assert.throws(
      () => createNetwork({ hidden: [4], activation: "softmax" }),
      (e: Error) => e instanceof TypeError && /"softmax" takes 2 inputs.*"elu"/.test(e.message),
    );
    assert.throws(
      () => createNetwork({ hidden: [0], activation: "elu" }),
      /createNetwork\(spec.hidden\[0\]\): 0 is below the minimum 1/,
    );
    assert.throws(() => createNetwork({ hidden: [64, 1.5], activation: "elu" }), RangeError);
    assert.throws(
      () => createNetwork(NONLINEAR_NETWORK, { inputs: 0 }),
      /Invalid option inputs: 0 is below/,
    );
    assert.throws(
      () => createNetwork(NONLINEAR_NETWORK, { seed: 0.5 }),
      /Invalid option seed: 0.5 is not an integer/,
    );
    assert.throws(
      () => createNetwork({ hidden: [4], activation: "elu", params: { alpha: -1 } }),
      RangeError,
    );
    assert.equal(tf.memory().numTensors, before);
  });

  assert.equal(tf.memory().numTensors, base);
});

Deno.test("checkPoints() behaviour", async (t) => {
  await t.step("counts points", () => assert.equal(checkPoints(new Float32Array(6), 3), 2));
  await t.step("empty and ragged data throw TypeError", () => {
    assert.throws(() => checkPoints([], 2), /Empty data/);
    assert.throws(() => checkPoints([1, 2, 3], 2), /length 3 is not a multiple of 2/);
  });
  await t.step("non-finite features throw RangeError naming the point", () => {
    assert.throws(() => checkPoints([1, 2, NaN, 4], 2), /Invalid feature NaN of point 1/);
    assert.throws(() => checkPoints([Infinity, 2], 2), RangeError);
  });
});

Deno.test("networkLabel() behaviour", () => {
  const cases = [[LINEAR_NETWORK, "Linear"], [NONLINEAR_NETWORK, "ELU"], [{
    hidden: [4],
    activation: "leaky_relu",
  }, "Leaky ReLU"]] as const;
  for (const [spec, label] of cases) {
    const net = createNetwork(spec);
    assert.equal(networkLabel(net), label);
    net.dispose();
  }
});
