import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { signalPropagation } from "../training/signal_propagation.ts";
import { logAxis, selectSignals, signalFigure } from "./signal_figure.ts";
import { clippedTexts, parseSvg } from "../../tests/_helpers/figure_checks.ts";

const RESULTS = signalPropagation({
  activations: ["sigmoid", "relu", "gelu_tanh", "exponential"],
  inits: ["glorot_uniform", "he_normal"],
  depth: 12,
  width: 32,
  inputs: 32,
});

Deno.test("signalFigure() draws one panel per statistic for one initialisation", async (t) => {
  const base = tf.memory().numTensors;
  const fig = signalFigure(RESULTS, {
    init: "he_normal",
    activations: ["sigmoid", "relu", "gelu_tanh"],
  });
  const svg = fig.svg();
  await t.step("titles name the statistic and the initialisation", () => {
    assert.deepEqual(fig.titles, ["Activation std (He normal)", "Gradient std (He normal)"]);
  });
  await t.step("one line per activation per panel, in its registry colour", () => {
    const doc = parseSvg(svg);
    const lines = doc.querySelectorAll('[aria-label="line"] path');
    assert.equal(lines.length, 6);
    assert.ok(svg.includes('stroke="#42d1f5"'), "ReLU's colour");
  });
  await t.step("hover read-outs name activation, layer and value", () => {
    assert.match(svg, /<title>ReLU: layer 12, gradient std = [\d.e+-]+<\/title>/);
    assert.equal(svg.match(/<title>/g)?.length, 2 * 3 * 12);
  });
  await t.step("log axes labelled in powers of ten or plain numbers", () => {
    assert.match(svg, /10⁻\d|>0\.\d+</);
  });
  await t.step("no label is cut, the longest one in the key; at most 1,000 px wide", () => {
    assert.deepEqual(clippedTexts(fig).map((c) => c.text), []);
    assert.ok(svg.includes("GELU (tanh approximation)"));
    assert.ok(fig.width <= 1000, `${fig.width} px`);
  });
  await t.step("defaults: the first result's initialisation, every activation", () => {
    const all = signalFigure(RESULTS, { stats: ["deadFraction"] });
    assert.deepEqual(all.titles, ["Dead units (Glorot uniform)"]);
    assert.equal(parseSvg(all.svg()).querySelectorAll('[aria-label="line"] path').length, 4);
  });
  await t.step("an overflow leaves the layers after it out", () => {
    const exp = RESULTS.find((r) => r.name === "exponential" && r.init === "he_normal")!;
    assert.ok(exp.overflowAt !== null);
    const svg = signalFigure(RESULTS, { init: "he_normal", activations: ["exponential"] }).svg();
    const readOuts = svg.match(/<title>Exponential: layer \d+, activation std/g) ?? [];
    assert.equal(readOuts.length, exp.overflowAt! - 1);
    assert.doesNotMatch(svg, /gradient std =/);
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("signalFigure() names the bad option and the valid choices", () => {
  assert.throws(() => signalFigure([]), {
    name: "TypeError",
    message: "signalFigure() expects at least one result",
  });
  assert.throws(
    // @ts-expect-error: not a statistic
    () => signalFigure(RESULTS, { stats: ["gradient"] }),
    {
      name: "RangeError",
      message:
        /^Invalid option stats\[0\]: unknown statistic "gradient": expected one of "preActivationStd"/,
    },
  );
  assert.throws(() => signalFigure(RESULTS, { init: "lecun_normal" }), {
    name: "RangeError",
    message:
      'Invalid option init: no result for "lecun_normal"; the results have "glorot_uniform", "he_normal"',
  });
  assert.throws(() => signalFigure(RESULTS, { activations: ["selu"] }), {
    name: "RangeError",
    message:
      /^Invalid option activations\[0\]: no result for "selu" with "glorot_uniform"; the results have "sigmoid", "relu"/,
  });
  assert.throws(() => signalFigure(RESULTS, { width: 20 }), RangeError);
  // @ts-expect-error: not results
  assert.throws(() => signalFigure([{}]), {
    name: "TypeError",
    message: /^signalFigure\(results\[0\]\.preActivationStd\): expected an array of numbers/,
  });
});

Deno.test("selectSignals() and logAxis()", async (t) => {
  await t.step("selectSignals() keeps the order asked for", () => {
    const [init, rows] = selectSignals(RESULTS, "test", {
      init: "he_normal",
      activations: ["relu", "sigmoid"],
    });
    assert.equal(init, "he_normal");
    assert.deepEqual(rows.map((r) => r.name), ["relu", "sigmoid"]);
  });
  await t.step("logAxis(): powers of ten over wide spans, at most 8", () => {
    const { domain, ticks, tickFormat } = logAxis([3e-31, 0.2, NaN, 0, -1]);
    assert.ok(ticks.length <= 8 && ticks[0] <= 3e-31 && ticks.at(-1)! >= 0.2);
    assert.deepEqual(domain, [ticks[0], ticks.at(-1)]);
    assert.equal(tickFormat(1e-30), "10⁻³⁰");
    assert.equal(tickFormat(1), "10⁰");
  });
  await t.step("logAxis(): 1, 2, 5 over two decades or less", () => {
    const { ticks, tickFormat } = logAxis([0.3, 4]);
    assert.deepEqual(ticks, [0.5, 1, 2]);
    assert.equal(tickFormat(0.5), "0.5");
  });
  await t.step("logAxis() with nothing to place", () => {
    assert.deepEqual(logAxis([0, NaN]).ticks, [0.1, 1, 10]);
  });
});
