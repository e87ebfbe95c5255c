import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { gain } from "../activations/properties.ts";
import {
  checkInitializer,
  drawWeights,
  INITIALIZER_LABELS,
  INITIALIZERS,
  weightDistribution,
} from "./initializers.ts";
import { createRandom } from "./random.ts";
import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";

function stats(a: Float32Array): { mean: number; std: number; max: number } {
  let s = 0, s2 = 0, max = 0;
  for (const v of a) {
    s += v;
    s2 += v * v;
    max = Math.max(max, Math.abs(v));
  }
  const mean = s / a.length;
  return { mean, std: Math.sqrt(s2 / a.length - mean * mean), max };
}

Deno.test("weightDistribution() gives each initialisation's variance", async (t) => {
  await t.step("closed forms", () => {
    const glorot = weightDistribution("glorot_uniform", 100, 300);
    assert.equal(glorot.kind, "uniform");
    assert.equal(glorot.scale, Math.sqrt(6 / 400));
    assert.ok(Math.abs(glorot.std ** 2 - 2 / 400) < 1e-15);
    assert.deepEqual(weightDistribution("he_normal", 50, 7), {
      kind: "normal",
      scale: Math.sqrt(2 / 50),
      std: Math.sqrt(2 / 50),
    });
    assert.equal(weightDistribution("lecun_normal", 64, 1).std, 1 / 8);
    assert.equal(weightDistribution("gain", 64, 1, 3).std, 3 / 8);
    assert.equal(weightDistribution("gain", 64, 1).std, 1 / 8); // gain 1: LeCun
  });
  await t.step("every initialisation has a label", () => {
    for (const init of INITIALIZERS) assert.equal(typeof INITIALIZER_LABELS[init], "string");
  });
  await t.step("unknown names list the choices", () => {
    assert.throws(
      // @ts-expect-error: not an initialisation
      () => weightDistribution("xavier", 2, 2),
      {
        name: "RangeError",
        message:
          'weightDistribution(init): unknown initialisation "xavier": expected one of "glorot_uniform", "he_normal", "lecun_normal", "gain"',
      },
    );
    assert.throws(() => checkInitializer(2, "Invalid option init"), {
      name: "TypeError",
      message: "Invalid option init: expected a non-empty string, got the number 2",
    });
  });
});

Deno.test("drawWeights() draws the distribution, seeded", async (t) => {
  await t.step("normal: mean 0, the standard deviation asked for", () => {
    const w = drawWeights(
      weightDistribution("he_normal", 8, 8),
      createRandom(1),
      new Float32Array(40_000),
    );
    const { mean, std } = stats(w);
    assert.ok(Math.abs(mean) < 0.01, `mean ${mean}`); // sd of the mean 0.5 / 200
    assert.ok(Math.abs(std / 0.5 - 1) < 0.02, `std ${std}`);
  });
  await t.step("uniform: within ±limit, variance limit²/3", () => {
    const d = weightDistribution("glorot_uniform", 10, 20);
    const { std, max } = stats(drawWeights(d, createRandom(2), new Float32Array(40_000)));
    assert.ok(max <= d.scale);
    assert.ok(Math.abs(std / d.std - 1) < 0.02, `std ${std}`);
  });
  await t.step("the same seed gives the same weights", () => {
    const d = weightDistribution("lecun_normal", 4, 4);
    assert.deepEqual(
      drawWeights(d, createRandom(3), new Float32Array(16)),
      drawWeights(d, createRandom(3), new Float32Array(16)),
    );
  });
});

Deno.test("createNetwork() draws the hidden layers as init says", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("default is Glorot uniform, as before", () => {
    const a = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const b = createNetwork(NONLINEAR_NETWORK, { seed: 4, init: "glorot_uniform" });
    assert.deepEqual(a.weights(), b.weights());
    assert.equal(a.init, "glorot_uniform");
    a.dispose();
    b.dispose();
  });
  await t.step("hidden layers' standard deviations; the output layer stays Glorot", () => {
    const spec = { hidden: [200, 200, 200], activation: "relu" };
    for (
      const [init, std] of [
        ["he_normal", Math.sqrt(2 / 200)],
        ["lecun_normal", Math.sqrt(1 / 200)],
        ["gain", gain("relu") / Math.sqrt(200)],
      ] as const
    ) {
      const net = createNetwork(spec, { inputs: 200, seed: 1, init });
      const layers = net.weights();
      for (const layer of layers.slice(0, 3)) {
        const s = stats(layer.kernel);
        assert.ok(Math.abs(s.std / std - 1) < 0.02, `${init}: std ${s.std} vs ${std}`);
        assert.ok(layer.bias.every((b) => b === 0));
      }
      const limit = Math.sqrt(6 / 201);
      assert.ok(layers[3].kernel.every((v) => Math.abs(v) <= limit), "output layer Glorot");
      net.dispose();
    }
  });
  await t.step("gain uses the activation's parameters", () => {
    const spec = { hidden: [300], activation: "leaky_relu", params: { alpha: 0.1 } };
    const net = createNetwork(spec, { inputs: 300, init: "gain" });
    const want = gain("leaky_relu", { alpha: 0.1 }) / Math.sqrt(300);
    const s = stats(net.weights()[0].kernel);
    assert.ok(Math.abs(s.std / want - 1) < 0.02, `std ${s.std} vs ${want}`);
    net.dispose();
  });
  await t.step("an unknown init is refused before anything is built", () => {
    assert.throws(
      // @ts-expect-error: not an initialisation
      () => createNetwork(NONLINEAR_NETWORK, { init: "kaiming" }),
      {
        name: "RangeError",
        message:
          /^Invalid option init: unknown initialisation "kaiming": expected one of "glorot_uniform"/,
      },
    );
  });
  assert.equal(tf.memory().numTensors, base);
});
