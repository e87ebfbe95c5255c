import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { makeDataset } from "./datasets.ts";
import { createNetwork } from "./network.ts";
import { train } from "./train.ts";
import { MAX_BATCH_VALUES } from "./train.ts";
import {
  networkSignal,
  signalPropagation,
  type SignalResult,
  signalRows,
} from "./signal_propagation.ts";
import type { InitializerName } from "./initializers.ts";

function find(results: SignalResult[], name: string, init: InitializerName): SignalResult {
  const found = results.find((r) => r.name === name && r.init === init);
  assert.ok(found, `${name} with ${init}`);
  return found;
}

Deno.test("signalPropagation() reproduces the depth notebook's numbers at depth 50", async (t) => {
  const base = tf.memory().numTensors;
  // the notebook's sizes: 50 layers of 128 units, 128 inputs
  const results = signalPropagation({
    activations: ["sigmoid", "relu", "selu"],
    inits: ["glorot_uniform", "he_normal", "lecun_normal"],
    depth: 50,
    width: 128,
    inputs: 128,
    seed: 0,
  });
  assert.equal(tf.memory().numTensors, base, "no tensor leaked");
  assert.equal(results.length, 9);
  await t.step(
    "Sigmoid with Glorot: the first layer gets < 1e-6 of the last layer's gradient",
    () => {
      const sigmoid = find(results, "sigmoid", "glorot_uniform");
      assert.ok(sigmoid.gradientRatio < 1e-6, `ratio ${sigmoid.gradientRatio}`);
      assert.ok(sigmoid.gradientRatio > 0, "not 0: float32 still holds it");
    },
  );
  await t.step("ReLU with He and SELU with LeCun: within a factor of 10", () => {
    for (const [name, init] of [["relu", "he_normal"], ["selu", "lecun_normal"]] as const) {
      const { gradientRatio } = find(results, name, init);
      assert.ok(gradientRatio > 0.1 && gradientRatio < 10, `${name}: ${gradientRatio}`);
    }
  });
  await t.step("SELU with LeCun: activations keep mean 0 and std 1 at layer 50", () => {
    const selu = find(results, "selu", "lecun_normal");
    const std = selu.activationStd[49];
    assert.ok(std >= 0.8 && std <= 1.25, `std ${std}`);
    assert.ok(Math.abs(selu.activationMean[49]) < 0.1, `mean ${selu.activationMean[49]}`);
  });
  await t.step("every statistic has one value per layer; no overflow here", () => {
    for (const r of results) {
      for (
        const stat of [
          "preActivationStd",
          "activationMean",
          "activationStd",
          "gradientStd",
          "deadFraction",
        ] as const
      ) {
        assert.equal(r[stat].length, 50, `${r.name} ${stat}`);
        assert.ok(r[stat].every(Number.isFinite), `${r.name} ${r.init} ${stat}`);
      }
      assert.equal(r.overflowAt, null);
      assert.equal(r.gradientRatio, r.gradientStd[0] / r.gradientStd[49]);
    }
  });
  await t.step("ReLU's dead units: none at layer 1, some deep down; sigmoid's none", () => {
    const relu = find(results, "relu", "he_normal");
    assert.equal(relu.deadFraction[0], 0);
    assert.ok(relu.deadFraction[49] > 0.1, `${relu.deadFraction[49]}`);
    assert.ok(find(results, "sigmoid", "he_normal").deadFraction.every((d) => d === 0));
  });
});

Deno.test("signalPropagation() draws each initialisation's weights", async (t) => {
  const results = signalPropagation({
    activations: ["relu", "tanh"],
    depth: 6,
    width: 64,
    inputs: 200,
    seed: 3,
  });
  await t.step("four initialisations per activation, in order", () => {
    const inits = ["glorot_uniform", "he_normal", "lecun_normal", "gain"];
    assert.deepEqual(
      results.map((r) => `${r.name}:${r.init}`),
      ["relu", "tanh"].flatMap((n) => inits.map((i) => `${n}:${i}`)),
    );
    assert.equal(results[0].label, "ReLU");
  });
  await t.step("the first layer's pre-activations: std = weight std x √width", () => {
    for (const r of results) {
      const want = r.weightStd * Math.sqrt(64);
      assert.ok(Math.abs(r.preActivationStd[0] / want - 1) < 0.05, `${r.name} ${r.init}`);
    }
  });
  await t.step("ReLU is homogeneous: He over LeCun is √2 per layer, exactly", () => {
    const he = find(results, "relu", "he_normal"), lecun = find(results, "relu", "lecun_normal");
    he.preActivationStd.forEach((s, l) => {
      const ratio = s / lecun.preActivationStd[l];
      assert.ok(Math.abs(ratio / Math.SQRT2 ** (l + 1) - 1) < 1e-5, `layer ${l + 1}: ${ratio}`);
    });
    assert.deepEqual(he.deadFraction, lecun.deadFraction); // same signs, same dead units
  });
  await t.step("the gain for ReLU is He's", () => {
    const he = find(results, "relu", "he_normal"), gain = find(results, "relu", "gain");
    assert.ok(Math.abs(gain.weightStd / he.weightStd - 1) < 1e-9);
  });
});

Deno.test("signalPropagation() is seeded and does not depend on what it runs beside", () => {
  const options = { depth: 5, width: 32, inputs: 50, seed: 7 };
  const alone = signalPropagation({ ...options, activations: ["elu"], inits: ["he_normal"] });
  const among = signalPropagation({
    ...options,
    activations: ["relu", "elu", "sigmoid"],
    inits: ["glorot_uniform", "he_normal"],
  });
  assert.deepEqual(alone[0], find(among, "elu", "he_normal"));
  const other = signalPropagation({
    ...options,
    seed: 8,
    activations: ["elu"],
    inits: ["he_normal"],
  });
  assert.notDeepEqual(other[0].gradientStd, alone[0].gradientStd);
});

Deno.test("signalPropagation() marks an overflow and goes on with the others", () => {
  const base = tf.memory().numTensors;
  const [exp, relu] = signalPropagation({
    activations: ["exponential", "relu"],
    inits: ["he_normal"],
    depth: 12,
    width: 32,
    inputs: 20,
  });
  assert.ok(exp.overflowAt !== null && exp.overflowAt <= 12, `overflowAt ${exp.overflowAt}`);
  const at = exp.overflowAt! - 1;
  assert.ok(exp.activationStd.slice(0, at).every(Number.isFinite));
  assert.ok(exp.activationStd.slice(at).every(Number.isNaN));
  assert.ok(exp.gradientStd.every(Number.isNaN));
  assert.ok(Number.isNaN(exp.gradientRatio));
  assert.equal(relu.overflowAt, null);
  assert.ok(relu.gradientStd.every(Number.isFinite));
  assert.equal(tf.memory().numTensors, base);
});

// The gradient statistics against a small network differentiated by hand, in float64.
const CLOSED_FORMS: Record<
  string,
  (z: number, p: Record<string, number>) => [number, number]
> = {
  tanh: (z) => [Math.tanh(z), 1 - Math.tanh(z) ** 2],
  relu: (z) => [Math.max(0, z), z > 0 ? 1 : 0], // ReLU'(0) = 0, as in TensorFlow
  prelu: (z, p) => [z > 0 ? z : p.alpha * z, z > 0 ? 1 : p.alpha],
};

function populationStats(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

Deno.test("networkSignal() matches a network differentiated by hand", async (t) => {
  const base = tf.memory().numTensors;
  // 2 inputs -> 3 -> 2 -> 3 hidden units; a training epoch makes the biases (and PReLU's
  // per-layer alphas) non-zero
  const x = [0.5, -1.2, 2, 0.3, -0.7, -0.4, 1.1, 1.6];
  const upstream = [0.3, -1, 0.5, 1.2, 0.1, -0.4, -0.8, 0.6, 0.9, 0.2, -1.5, 0.7];
  for (const name of Object.keys(CLOSED_FORMS)) {
    await t.step(name, async () => {
      const net = createNetwork({ hidden: [3, 2, 3], activation: name }, {
        seed: 24, // ReLU: a dead unit in every layer, and gradients still flowing
        init: "he_normal",
      });
      await train(net, makeDataset("xor", { seed: 1 }), { epochs: 1, learningRate: 0.05 });
      const layers = net.weights().slice(0, 3);
      const params = net.activationParams();
      assert.ok(layers.every((l) => l.bias.some((b) => b !== 0)), "biases trained");
      const got = networkSignal(net, x, { upstream });

      // by hand: z = h W + b, h = f(z); δ = g ⊙ f'(z), g_prev = δ Wᵀ
      let h = [0, 1, 2, 3].map((i) => [x[2 * i], x[2 * i + 1]]);
      const zs: number[][][] = [], slopes: number[][][] = [], hs: number[][][] = [];
      layers.forEach((layer, l) => {
        const z = h.map((row) =>
          Array.from({ length: layer.units }, (_, j) => {
            let s = layer.bias[j];
            for (let d = 0; d < layer.inputs; d++) s += row[d] * layer.kernel[d * layer.units + j];
            return s;
          })
        );
        const fz = z.map((row) => row.map((v) => CLOSED_FORMS[name](v, params[l])));
        zs.push(z);
        hs.push(fz.map((row) => row.map(([y]) => y)));
        slopes.push(fz.map((row) => row.map(([, dy]) => dy)));
        h = hs[l];
      });
      let g = [0, 1, 2, 3].map((i) => upstream.slice(3 * i, 3 * i + 3));
      const deltas: number[][][] = [];
      for (let l = 2; l >= 0; l--) {
        const delta = g.map((row, i) => row.map((v, j) => v * slopes[l][i][j]));
        deltas[l] = delta;
        const layer = layers[l];
        g = delta.map((row) =>
          Array.from({ length: layer.inputs }, (_, d) => {
            let s = 0;
            for (let j = 0; j < layer.units; j++) s += row[j] * layer.kernel[d * layer.units + j];
            return s;
          })
        );
      }
      const close = (a: number, b: number, what: string) =>
        assert.ok(
          Math.abs(a - b) <= 2e-6 * Math.max(1, Math.abs(b)),
          `${name} ${what}: ${a} vs ${b}`,
        );
      for (let l = 0; l < 3; l++) {
        const z = populationStats(zs[l].flat());
        const a = populationStats(hs[l].flat());
        const d = populationStats(deltas[l].flat());
        close(got.preActivationStd[l], z.std, `layer ${l + 1} z std`);
        close(got.activationMean[l], a.mean, `layer ${l + 1} h mean`);
        close(got.activationStd[l], a.std, `layer ${l + 1} h std`);
        close(got.gradientStd[l], d.std, `layer ${l + 1} δ std`);
        const units = layers[l].units;
        const dead = Array.from({ length: units }, (_, j) => slopes[l].every((r) => r[j] === 0))
          .filter(Boolean).length / units;
        assert.equal(got.deadFraction[l], dead, `${name} layer ${l + 1} dead units`);
      }
      close(got.gradientRatio, got.gradientStd[0] / got.gradientStd[2], "ratio");
      if (name === "relu") assert.ok(got.deadFraction.every((d) => d > 0), "dead units");
      assert.equal(got.overflowAt, null);
      net.dispose();
    });
  }
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("signalPropagation() and networkSignal() refuse bad input before any work", async (t) => {
  const cases: [string, () => unknown, new (...a: never[]) => Error, RegExp][] = [
    ["depth 0", () => signalPropagation({ depth: 0 }), RangeError, /^Invalid option depth: 0/],
    [
      "a width above the maximum",
      () => signalPropagation({ width: 5000 }),
      RangeError,
      /^Invalid option width: 5000 is above the maximum 4096/,
    ],
    [
      "too many values in one pass",
      () => signalPropagation({ inputs: 100_000, width: 128, depth: 50 }),
      RangeError,
      new RegExp(`^Invalid option inputs: .* above the maximum ${MAX_BATCH_VALUES}$`),
    ],
    [
      "no activations",
      () => signalPropagation({ activations: [] }),
      RangeError,
      /^Invalid option activations: expected at least one/,
    ],
    [
      "a two-input activation",
      () => signalPropagation({ activations: ["softmax"] }),
      TypeError,
      /^Activation "softmax" takes 2 inputs/,
    ],
    [
      "an unknown activation",
      () => signalPropagation({ activations: ["relu", "rleu"] }),
      Error,
      /rleu/,
    ],
    [
      "an unknown initialisation",
      // @ts-expect-error: not an initialisation
      () => signalPropagation({ inits: ["xavier"] }),
      RangeError,
      /^Invalid option inits\[0\]: unknown initialisation "xavier": expected one of/,
    ],
    [
      "networkSignal(): upstream of the wrong length",
      () => {
        const net = createNetwork({ hidden: [3], activation: "relu" });
        try {
          return networkSignal(net, [1, 2], { upstream: [1, 2] });
        } finally {
          net.dispose();
        }
      },
      TypeError,
      /^Invalid option upstream: expected 3 values \(1 points x 3 units\), got 2$/,
    ],
    [
      "networkSignal(): not a network",
      // @ts-expect-error: not a network
      () => networkSignal({}, [1, 2]),
      TypeError,
      /^networkSignal\(network\): expected a Network from createNetwork\(\)/,
    ],
  ];
  const base = tf.memory().numTensors;
  for (const [name, call, type, message] of cases) {
    await t.step(name, () => {
      assert.throws(call, (e: Error) => e instanceof type && message.test(e.message));
      assert.equal(tf.memory().numTensors, base);
    });
  }
});

Deno.test("signalRows() tabulates one value per activation and initialisation", () => {
  const results = signalPropagation({
    activations: ["sigmoid", "relu"],
    inits: ["glorot_uniform", "he_normal"],
    depth: 4,
    width: 8,
    inputs: 8,
  });
  const rows = signalRows(results);
  assert.deepEqual(rows.map((r) => Object.keys(r)), [
    ["activation", "Glorot uniform", "He normal"],
    ["activation", "Glorot uniform", "He normal"],
  ]);
  assert.equal(rows[1]["He normal"], find(results, "relu", "he_normal").gradientRatio);
  const std = signalRows(results, { value: "activationStd", layer: 2, activations: ["relu"] });
  assert.deepEqual(std, [{
    activation: "ReLU",
    "Glorot uniform": find(results, "relu", "glorot_uniform").activationStd[1],
    "He normal": find(results, "relu", "he_normal").activationStd[1],
  }]);
  assert.throws(() => signalRows(results, { layer: 5 }), {
    name: "RangeError",
    message: /^Invalid option layer: 5 is above the maximum 4/,
  });
  assert.throws(() => signalRows(results, { activations: ["tanh"] }), {
    name: "RangeError",
    message: 'Invalid option activations[0]: no result for "tanh"',
  });
});
