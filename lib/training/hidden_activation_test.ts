import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { hiddenActivation, hiddenActivationNames } from "./hidden_activation.ts";
import { getActivation } from "../activations/activations.ts";
import { resolveActivation } from "../activations/resolve_activation.ts";
import { createNetwork, hiddenActivationOf, networkLabel } from "./network.ts";
import { makeDataset } from "./datasets.ts";
import { train } from "./train.ts";

const x = new Float32Array([-30, -3, -0.5, -1e-3, 0.25, 2, 40]);
// float32 results vs float64 closed forms: 1e-6 relative plus 1e-12 absolute
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.abs(b) + 1e-12;

Deno.test("hiddenActivation() behaviour", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("ELU values and slopes match the closed form, alpha included", () => {
    for (const alpha of [1, 0.5]) {
      const elu = hiddenActivation("elu", { alpha });
      const { y, dy } = elu.valuesAndSlopes(x);
      assert.deepEqual(elu.values(x), y);
      x.forEach((v, i) => {
        assert.ok(close(y[i], v > 0 ? v : alpha * Math.expm1(v)), `f(${v}) = ${y[i]}`);
        assert.ok(close(dy[i], v > 0 ? 1 : alpha * Math.exp(v)), `f'(${v}) = ${dy[i]}`);
      });
    }
  });
  await t.step("identity is linear: f = x, f' = 1", () => {
    const { y, dy } = hiddenActivation("identity").valuesAndSlopes(x);
    assert.deepEqual(y, x);
    assert.ok(dy.every((v) => v === 1));
  });
  await t.step("empty input gives empty output", () => {
    assert.equal(hiddenActivation("tanh").values(new Float32Array(0)).length, 0);
  });
  await t.step("only one-input activations are offered", () => {
    const names = hiddenActivationNames();
    assert.ok(names.includes("elu") && names.includes("identity"));
    assert.ok(!names.includes("softmax") && !names.includes("maxout"));
  });
  await t.step("unknown names, two-input activations and bad parameters throw", () => {
    assert.throws(() => hiddenActivation("foo"), /Unknown activation "foo": expected one of/);
    assert.throws(() => hiddenActivation("maxout"), TypeError);
    assert.throws(() => hiddenActivation("elu", { alpha: -5 }), RangeError);
    assert.throws(() => hiddenActivation("elu", { beta: 1 }), RangeError);
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("networks take a resolved activation, and one the compiler cannot take", async (t) => {
  const data = makeDataset("xor", { seed: 3, size: 64 });
  await t.step("a handle trains exactly as its name and parameters", async () => {
    const elu = resolveActivation("elu", { alpha: 0.5 });
    const a = createNetwork({ hidden: [8], activation: elu }, { seed: 5 });
    const b = createNetwork({ hidden: [8], activation: "elu", params: { alpha: 0.5 } }, {
      seed: 5,
    });
    try {
      assert.deepEqual(a.spec, b.spec); // the name, and every parameter
      assert.equal(a.spec.activation, "elu");
      assert.equal(hiddenActivation(elu).activation, elu);
      const [ha, hb] = [await train(a, data, { epochs: 3 }), await train(b, data, { epochs: 3 })];
      assert.deepEqual(ha, hb);
      assert.equal(networkLabel(a), "ELU");
    } finally {
      a.dispose();
      b.dispose();
    }
  });
  await t.step("arctan on tf.atan trains through tfjs kernel by kernel", async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const arctan = resolveActivation({
        ...getActivation("tanh"),
        name: "arctan_training",
        label: "Arctan",
        fn: (x) => tf.atan(x),
      });
      const net = createNetwork({ hidden: [8], activation: arctan }, { seed: 5, init: "gain" });
      const { y, dy } = hiddenActivationOf(net).valuesAndSlopes(x);
      x.forEach((v, i) => {
        assert.ok(close(y[i], Math.atan(v)) && close(dy[i], 1 / (1 + v * v)), `${v}`);
      });
      const history = await train(net, data, { epochs: 20, learningRate: 0.05 });
      assert.ok(history.loss[19] < history.loss[0], `${history.loss}`);
      assert.equal(networkLabel(net), "Arctan");
      net.dispose();
    } finally {
      console.warn = warn;
    }
  });
});
