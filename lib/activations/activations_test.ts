import assert from "node:assert/strict";
import { activationNames, ACTIVATIONS, getActivation } from "./activations.ts";
import { resolveParams } from "./resolve_params.ts";
import { tf } from "../tf.ts";
import { PAIRWISE } from "./registry/pairwise.ts";
import { RELU_LIKE } from "./registry/relu_like.ts";
import { SHRINK } from "./registry/shrink.ts";
import { SIGMOID_LIKE } from "./registry/sigmoid_like.ts";
import { SMOOTH } from "./registry/smooth.ts";

Deno.test("ACTIVATIONS declares every activation once, with the original's labels", async (t) => {
  await t.step("every family's declaration once, under its own name", () => {
    const declared = [RELU_LIKE, SIGMOID_LIKE, SMOOTH, SHRINK, PAIRWISE].flatMap(Object.entries);
    for (const [key, spec] of declared) assert.equal(spec.name, key);
    assert.deepEqual(declared.map(([key]) => key).sort(), activationNames().sort());
    assert.deepEqual(new Set(declared.map(([, spec]) => spec)), new Set(ACTIVATIONS));
  });
  await t.step("names, labels and order", () => {
    const names = activationNames();
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names.slice(0, 8), [
      "identity",
      "sigmoid",
      "tanh",
      "relu",
      "leaky_relu",
      "elu",
      "softmax",
      "maxout",
    ]);
    assert.deepEqual(ACTIVATIONS.slice(0, 8).map((s) => s.label), [
      "Identity",
      "Sigmoid",
      "Hyperbolic Tangent",
      "ReLU",
      "Leaky ReLU",
      "ELU",
      "Softmax",
      "Maxout",
    ]);
    for (
      const n of [
        "gelu",
        "gelu_tanh",
        "silu",
        "softplus",
        "selu",
        "mish",
        "softsign",
        "hard_sigmoid",
        "hard_silu",
        "relu6",
        "celu",
        "log_sigmoid",
        "hard_tanh",
      ]
    ) {
      assert.ok(names.includes(n), n);
    }
    for (const s of ACTIVATIONS) assert.match(s.name, /^[a-z][a-z0-9_]*$/);
  });
  await t.step("the original's colours and view windows", () => {
    const colors = ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu"].map((n) =>
      getActivation(n).view.color
    );
    assert.deepEqual(colors, ["#000000", "#f59042", "#7ef542", "#42d1f5", "#9c33ff", "#ff33a7"]);
    assert.deepEqual(getActivation("identity").view.x, [-3, 3]);
    assert.deepEqual(getActivation("identity").view.y, [-3, 3]);
    assert.deepEqual(getActivation("sigmoid").view.x, [-5, 5]);
    assert.deepEqual(getActivation("sigmoid").view.y, [-1.25, 1.25]);
    for (const n of ["relu", "leaky_relu", "elu"]) {
      assert.deepEqual(getActivation(n).view.x, [-3, 3]);
      assert.deepEqual(getActivation(n).view.y, [-2, 4]);
    }
    for (const n of ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu"]) {
      assert.deepEqual(getActivation(n).view.dx, [-5, 5]);
      assert.deepEqual(getActivation(n).view.dy, [-0.25, 1.25]);
    }
    assert.ok(getActivation("relu6").view.y[1] >= 7);
    const all = ACTIVATIONS.map((s) => s.view.color);
    assert.equal(new Set(all).size, all.length, "distinct colours");
    for (const s of ACTIVATIONS) {
      assert.match(s.view.color, /^#[0-9a-f]{6}$/);
      for (const w of [s.view.x, s.view.y, s.view.dx, s.view.dy]) {
        assert.ok(w.every(Number.isFinite) && w[0] < w[1], `${s.name} window ${w}`);
      }
    }
  });
  await t.step("parameters: finite sliders inside their domains; the original's sliders", () => {
    for (const s of ACTIVATIONS) {
      const defaults = resolveParams(s); // the defaults are in their domains
      for (const p of s.params) {
        for (const v of [p.default, p.min, p.max, p.step]) assert.ok(Number.isFinite(v));
        assert.ok(p.min <= p.default && p.default <= p.max && p.step > 0, `${s.name}.${p.name}`);
        // every slider end is accepted, with the other parameters at their defaults
        for (const v of [p.min, p.max]) resolveParams(s, { ...defaults, [p.name]: v });
        for (const end of [p.domain.min, p.domain.max]) {
          assert.ok(typeof end === "number" || s.params.some((q) => q.name === end), s.name);
        }
      }
    }
    const slider = { label: "Alpha", min: 0.01, max: 1, step: 0.01 };
    const domain = { min: 0, max: Infinity };
    assert.deepEqual(getActivation("leaky_relu").params, [
      { name: "alpha", default: 0.3, domain, ...slider },
    ]);
    assert.deepEqual(getActivation("elu").params, [
      { name: "alpha", default: 1, domain, ...slider },
    ]);
    assert.equal(getActivation("softplus").params[0].name, "beta");
    assert.equal(getActivation("celu").params[0].name, "alpha");
  });
  await t.step("the parameters of PyTorch, Keras and JAX, with their defaults", () => {
    const defaults = (name: string) => resolveParams(getActivation(name));
    assert.deepEqual(defaults("hardshrink"), { lambd: 0.5 });
    assert.deepEqual(defaults("softshrink"), { lambd: 0.5 });
    assert.deepEqual(defaults("threshold"), { threshold: 0, value: 0 });
    assert.deepEqual(defaults("squareplus"), { b: 4 });
    assert.deepEqual(defaults("swish"), { beta: 1 });
    assert.deepEqual(defaults("prelu"), { alpha: 0.25 });
    assert.deepEqual(defaults("rrelu"), { lower: 1 / 8, upper: 1 / 3 });
    assert.deepEqual(defaults("hard_tanh"), { min_val: -1, max_val: 1 });
    for (const name of ["tanhshrink", "exponential", "sparse_plus", "sparse_sigmoid"]) {
      assert.deepEqual(defaults(name), {}, name);
    }
    assert.deepEqual(getActivation("prelu").training?.learnable, ["alpha"]);
    assert.ok(getActivation("rrelu").training?.randomized);
  });
  await t.step("inputs, outputs and formulas", () => {
    for (const s of ACTIVATIONS) {
      assert.ok(s.formula.startsWith("f"), s.name);
      assert.ok(s.derivative.length > 0, s.name);
      const two = ["softmax", "maxout", "glu", "log_softmax", "softmin", "sparsemax"];
      assert.equal(s.inputs, two.includes(s.name) ? 2 : 1, s.name);
    }
    assert.equal(getActivation("softmax").outputs, 2);
    assert.equal(getActivation("maxout").outputs, 1);
    assert.equal(getActivation("glu").outputs, 1);
    for (const n of ["log_softmax", "softmin", "sparsemax"]) {
      assert.equal(getActivation(n).outputs, 2, n);
    }
  });
});

Deno.test("ActivationSpec.fn() maps shapes as declared and leaks nothing", () => {
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    for (const s of ACTIVATIONS) {
      const p = resolveParams(s);
      const x = s.inputs === 1 ? tf.tensor2d([[-1, 0], [1, 2]]) : tf.tensor2d([[0, 1], [3, 2]]);
      const y = s.fn(x, p);
      assert.deepEqual(y.shape, s.inputs === 1 ? [2, 2] : [2, s.outputs], s.name);
    }
  });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("ActivationSpec.fn() of two-input activations rejects other shapes", () => {
  const before = tf.memory().numTensors;
  for (const name of ["softmax", "maxout", "glu", "log_softmax", "softmin", "sparsemax"]) {
    assert.throws(
      () => tf.tidy(() => getActivation(name).fn(tf.tensor2d([[1, 2, 3]]), {})),
      (e: Error) =>
        e instanceof TypeError && e.message.includes("[..., 2]") && e.message.includes("[1, 3]"),
    );
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("getActivation() finds by name or lists the valid names", async (t) => {
  await t.step("known", () => assert.equal(getActivation("elu").label, "ELU"));
  await t.step("unknown", () => {
    assert.throws(
      () => getActivation("Leaky ReLU"),
      (e: Error) =>
        e.message.startsWith('Unknown activation "Leaky ReLU": expected one of "identity"') &&
        e.message.includes('"hard_tanh"'),
    );
  });
});
