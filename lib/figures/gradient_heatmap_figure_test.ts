import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { signalPropagation } from "../training/signal_propagation.ts";
import { gradientHeatmapFigure } from "./gradient_heatmap_figure.ts";
import { clippedTexts, parseSvg } from "../../tests/_helpers/figure_checks.ts";

const RESULTS = signalPropagation({
  activations: ["sigmoid", "relu", "gelu_tanh", "exponential", "softshrink"],
  inits: ["glorot_uniform", "he_normal", "lecun_normal"],
  depth: 30,
  width: 32,
  inputs: 32,
});

Deno.test("gradientHeatmapFigure() draws activation x layer per initialisation", async (t) => {
  const base = tf.memory().numTensors;
  const fig = gradientHeatmapFigure(RESULTS);
  const svg = fig.svg();
  const doc = parseSvg(svg);
  await t.step("one panel per initialisation, with its colour bar", () => {
    assert.deepEqual(fig.titles, [
      "Gradient scale (Glorot uniform)",
      "Gradient scale (He normal)",
      "Gradient scale (LeCun normal)",
    ]);
    // each panel: the heatmap's raster and its colour bar's
    assert.equal(doc.querySelectorAll("image").length, 6);
    assert.equal(svg.match(/log₁₀ gradient std/g)?.length, 3);
  });
  await t.step("every activation is a row, labelled", () => {
    for (const label of ["Sigmoid", "ReLU", "GELU (tanh approximation)", "Exponential"]) {
      assert.ok(svg.includes(`>${label}<`), label);
    }
  });
  await t.step("hover read-outs per block of layers, with the values as powers of ten", () => {
    assert.match(
      svg,
      /<title>Sigmoid, layers 1–6: gradient std 10\^-\d+\.\d to 10\^-\d+\.\d<\/title>/,
    );
    assert.match(
      svg,
      /<title>Exponential, layers 1–6: gradient std not finite \(overflow\)<\/title>/,
    );
    // 5 activations x 5 blocks x 3 panels
    assert.equal(svg.match(/<title>/g)?.length, 75);
  });
  await t.step("cells one flat colour in resvg too", () => {
    for (const image of doc.querySelectorAll("image")) {
      if (image.getAttribute("width") !== "18") {
        assert.equal(image.getAttribute("image-rendering"), "optimizeSpeed");
      }
    }
  });
  await t.step("the raster is drawn: a PNG with colour", () => {
    const png = fig.png({ scale: 1 });
    assert.ok(png.length > 1000);
  });
  await t.step("no label is cut; panels wrap two to a line, at most 1,000 px wide", () => {
    assert.deepEqual(clippedTexts(fig).map((c) => c.text), []);
    assert.ok(fig.width <= 1000, `${fig.width} px`);
  });
  await t.step("a vanished gradient (0) reads 0", () => {
    const soft = RESULTS.find((r) => r.name === "softshrink" && r.init === "glorot_uniform")!;
    if (soft.gradientStd.some((g) => g === 0)) {
      assert.match(svg, /Soft Shrink, layers [\d–]+: gradient std (0|10\^-?\d+\.\d to 0|0 to)/);
    }
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("gradientHeatmapFigure() options and errors", async (t) => {
  await t.step("choose initialisations and activations", () => {
    const fig = gradientHeatmapFigure(RESULTS, { inits: ["he_normal"], activations: ["relu"] });
    assert.deepEqual(fig.titles, ["Gradient scale (He normal)"]);
    assert.ok(!fig.svg().includes(">Sigmoid<"));
  });
  await t.step("bad decades, an initialisation with no result", () => {
    assert.throws(() => gradientHeatmapFigure(RESULTS, { decades: 0 }), {
      name: "RangeError",
      message: /^Invalid option decades: 0 is below the minimum 1/,
    });
    assert.throws(() => gradientHeatmapFigure(RESULTS, { inits: ["gain"] }), {
      name: "RangeError",
      message: /^Invalid option init: no result for "gain"/,
    });
    assert.throws(() => gradientHeatmapFigure(RESULTS, { inits: [] }), RangeError);
    assert.throws(() => gradientHeatmapFigure([]), TypeError);
  });
});
