import assert from "node:assert/strict";
import { activationProperties, gain, propertiesTable } from "./properties.ts";
import { ACTIVATIONS } from "./activations.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";

// E[g(z)], z ~ N(0, 1), in float64 by the trapezoid rule on a fine grid (closed forms only)
function expect(g: (z: number) => number): number {
  let s = 0;
  const h = 1e-3;
  for (let z = -12; z <= 12; z += h) s += g(z) * Math.exp(-z * z / 2);
  return s * h / Math.sqrt(2 * Math.PI);
}

Deno.test("gain() is 1/sqrt(E[f(z)²]) for z ~ N(0, 1)", async (t) => {
  const close = (got: number, want: number, what: string) =>
    assert.ok(Math.abs(got / want - 1) < 1e-6, `${what}: ${got}, expected ${want}`);
  await t.step("closed forms: identity, ReLU, Leaky ReLU, SELU, Exponential", () => {
    close(gain("identity"), 1, "identity");
    close(gain("relu"), Math.SQRT2, "relu");
    for (const alpha of [0.01, 0.3, 1]) {
      close(gain("leaky_relu", { alpha }), Math.sqrt(2 / (1 + alpha * alpha)), `leaky ${alpha}`);
    }
    close(gain("selu"), 1, "selu"); // self-normalizing: E[selu(z)²] = 1
    close(gain("exponential"), Math.exp(-1), "exponential"); // E[e^{2z}] = e²
    close(gain("threshold"), Math.SQRT2, "threshold 0, 0 is ReLU");
  });
  await t.step("float64 quadrature of tanh, sigmoid, softsign", () => {
    const rms = (f: (z: number) => number) => 1 / Math.sqrt(expect((z) => f(z) ** 2));
    close(gain("tanh"), rms(Math.tanh), "tanh");
    close(gain("sigmoid"), rms((z) => 1 / (1 + Math.exp(-z))), "sigmoid");
    close(gain("softsign"), rms((z) => z / (1 + Math.abs(z))), "softsign");
    close(gain("hardshrink", { lambd: 1 }), rms((z) => (Math.abs(z) > 1 ? z : 0)), "hardshrink");
  });
  await t.step("bad input", () => {
    assert.throws(() => gain("softmax"), TypeError);
    assert.throws(() => gain("nope"), /Unknown activation "nope"/);
    assert.throws(() => gain("elu", { alpha: -1 }), RangeError);
  });
});

Deno.test("activationProperties() computes each property from the registry", async (t) => {
  const all = Object.fromEntries(
    ACTIVATIONS.filter((a) => a.inputs === 1).map((a) => [a.name, activationProperties(a.name)]),
  );
  const names = (pick: (q: (typeof all)[string]) => boolean) =>
    Object.keys(all).filter((n) => pick(all[n])).sort();
  await t.step("smoothness from the kinks and the one-sided f''", () => {
    assert.deepEqual(names((q) => q.smoothness === "discontinuous"), ["hardshrink"]);
    assert.deepEqual(names((q) => q.smoothness === "C¹"), [
      "celu",
      "elu",
      "softsign",
      "sparse_plus",
    ]);
    for (const n of ["relu", "leaky_relu", "selu", "hard_tanh", "relu6", "threshold"]) {
      assert.equal(all[n].smoothness, "C⁰", n);
    }
    for (const n of ["sigmoid", "tanh", "gelu", "silu", "mish", "softplus", "tanhshrink"]) {
      assert.equal(all[n].smoothness, "C∞", n);
    }
    assert.equal(activationProperties("elu", { alpha: 0.5 }).smoothness, "C⁰");
    assert.equal(activationProperties("leaky_relu", { alpha: 1 }).smoothness, "C∞");
    assert.equal(activationProperties("threshold", { value: 1 }).smoothness, "discontinuous");
    assert.equal(activationProperties("squareplus", { b: 0 }).smoothness, "C⁰");
  });
  await t.step("monotonic: f' >= 0 and no jump down", () => {
    assert.deepEqual(names((q) => !q.monotonic), [
      "gelu",
      "gelu_tanh",
      "hard_silu",
      "mish",
      "silu",
      "swish",
    ]);
    assert.equal(activationProperties("threshold", { threshold: 0, value: 1 }).monotonic, false);
    assert.equal(activationProperties("prelu", { alpha: -0.5 }).monotonic, false);
  });
  await t.step("ranges, bounds and saturation", () => {
    const ranges: Record<string, string> = {
      identity: "(−∞, ∞)",
      sigmoid: "(0, 1)",
      tanh: "(−1, 1)",
      relu: "[0, ∞)",
      elu: "(−1, ∞)",
      selu: "(−1.758, ∞)",
      gelu: "[−0.17, ∞)",
      mish: "[−0.3088, ∞)",
      softplus: "(0, ∞)",
      softsign: "(−1, 1)",
      hard_sigmoid: "[0, 1]",
      relu6: "[0, 6]",
      log_sigmoid: "(−∞, 0)",
      hard_tanh: "[−1, 1]",
      exponential: "(0, ∞)",
      squareplus: "(0, ∞)",
      sparse_plus: "[0, ∞)",
      hard_silu: "[−0.375, ∞)",
    };
    for (const [n, r] of Object.entries(ranges)) assert.equal(all[n].range, r, n);
    assert.equal(
      activationProperties("hard_tanh", { min_val: -2, max_val: 0.5 }).range,
      "[−2, 0.5]",
    );
    assert.equal(activationProperties("elu", { alpha: 0.5 }).range, "(−0.5, ∞)");
    assert.deepEqual(names((q) => q.boundedBelow && q.boundedAbove), [
      "hard_sigmoid",
      "hard_tanh",
      "relu6",
      "sigmoid",
      "softsign",
      "sparse_sigmoid",
      "tanh",
    ]);
    assert.deepEqual(names((q) => q.saturatesRight), [
      "hard_sigmoid",
      "hard_tanh",
      "log_sigmoid",
      "relu6",
      "sigmoid",
      "softsign",
      "sparse_sigmoid",
      "tanh",
    ]);
    assert.ok(!all.leaky_relu.saturatesLeft && all.relu.saturatesLeft && all.elu.saturatesLeft);
  });
  await t.step("zero-centred: E[f(z)] next to 0, SELU by design", () => {
    assert.deepEqual(names((q) => q.zeroCentred), [
      "hard_tanh",
      "hardshrink",
      "identity",
      "selu",
      "softshrink",
      "softsign",
      "tanh",
      "tanhshrink",
    ]);
    assert.ok(Math.abs(all.relu.mean - 1 / Math.sqrt(2 * Math.PI)) < 1e-6);
    assert.ok(Math.abs(all.selu.mean) < 1e-6);
  });
  await t.step("PyTorch's calculate_gain where it has one", () => {
    assert.equal(all.tanh.torchGain, 5 / 3);
    assert.equal(all.selu.torchGain, 3 / 4);
    assert.equal(all.sigmoid.torchGain, 1);
    assert.equal(all.identity.torchGain, 1);
    assert.equal(all.relu.torchGain, Math.SQRT2);
    assert.ok(Math.abs(all.leaky_relu.torchGain! - all.leaky_relu.gain) < 1e-6);
    assert.equal(all.gelu.torchGain, null);
  });
});

Deno.test("propertiesTable() tabulates every one-input activation and leaks nothing", () => {
  const before = tf.memory().numTensors;
  const md = String(propertiesTable()[JUPYTER_DISPLAY]()["text/markdown"]);
  const lines = md.split("\n");
  assert.equal(lines.length, 2 + ACTIVATIONS.filter((a) => a.inputs === 1).length);
  assert.match(lines[0], /monotonic.*smoothness.*range.*gain.*PyTorch gain/);
  assert.match(
    md,
    /\| ReLU \| yes \| C⁰ \| yes \| no \| \[0, ∞\) \| no \| yes \| no \| 0\.3989 \| 1\.414 \| 1\.414 \|/,
  );
  assert.throws(() => propertiesTable(["softmax"]), TypeError);
  assert.equal(tf.memory().numTensors, before);
});
