import assert from "node:assert/strict";
import { signalPropagation } from "../training/signal_propagation.ts";
import { initComparisonFigure } from "./init_comparison_figure.ts";
import { clippedTexts } from "../../tests/_helpers/figure_checks.ts";

const RESULTS = signalPropagation({
  activations: ["tanh", "relu", "gelu_tanh", "exponential"],
  depth: 20,
  width: 32,
  inputs: 32,
});

Deno.test("initComparisonFigure() places each activation under each initialisation", async (t) => {
  const fig = initComparisonFigure(RESULTS);
  const svg = fig.svg();
  await t.step("title names the statistic and the layer", () => {
    assert.deepEqual(fig.titles, ["Pre-activation std at layer 20"]);
  });
  await t.step("one dot per activation and initialisation that has a value", () => {
    const placed = RESULTS.filter((r) => r.preActivationStd[19] > 0);
    assert.equal(svg.match(/<title>/g)?.length, placed.length);
    assert.match(svg, /<title>ReLU, He normal: [\d.e+-]+<\/title>/);
    assert.match(svg, /<title>Exponential, gain: [\d.e+-]+<\/title>/);
    assert.doesNotMatch(svg, /<title>Exponential, He normal/); // overflowed
  });
  await t.step("the initialisations' key; no label cut; at most 1,000 px wide", () => {
    for (const label of ["Glorot uniform", "He normal", "LeCun normal", "gain"]) {
      assert.ok(svg.includes(`>${label}<`), label);
    }
    assert.deepEqual(clippedTexts(fig).map((c) => c.text), []);
    assert.ok(fig.width <= 1000, `${fig.width} px`);
  });
  await t.step("the gradient ratio, and a statistic at another layer", () => {
    assert.deepEqual(initComparisonFigure(RESULTS, { stat: "gradientRatio" }).titles, [
      "Gradient ratio",
    ]);
    assert.deepEqual(initComparisonFigure(RESULTS, { stat: "activationStd", layer: 5 }).titles, [
      "Activation std at layer 5",
    ]);
  });
  await t.step("errors name the value and the choices", () => {
    assert.throws(
      // @ts-expect-error: not a statistic
      () => initComparisonFigure(RESULTS, { stat: "ratio" }),
      {
        name: "RangeError",
        message: /^Invalid option stat: unknown statistic "ratio": expected one of/,
      },
    );
    assert.throws(() => initComparisonFigure(RESULTS, { layer: 21 }), {
      name: "RangeError",
      message: /^Invalid option layer: 21 is above the maximum 20/,
    });
  });
});
