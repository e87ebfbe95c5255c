import assert from "node:assert/strict";
import { comparisonFigure } from "./comparison_figure.ts";

const ROWS = [
  { name: "relu", label: "ReLU", finalLoss: 0.01, finalAccuracy: 1, firstEpochAt99: 12 },
  { name: "sigmoid", label: "Sigmoid", finalLoss: 0.2, finalAccuracy: 0.995, firstEpochAt99: 69 },
  {
    name: "identity",
    label: "Identity",
    finalLoss: 0.69,
    finalAccuracy: 0.5,
    firstEpochAt99: null,
  },
];

Deno.test("comparisonFigure() charts accuracy and epochs to 99% per activation", async (t) => {
  const svg = comparisonFigure(ROWS, { epochs: 100 }).svg();
  await t.step("titles, one bar per reached activation, 'never' for the others", () => {
    assert.match(svg, /Final accuracy/);
    assert.match(svg, /Epochs to 99%/);
    const bars = svg.match(/<rect [^>]*fill="#[0-9a-f]{6}"[^>]*>\s*<title>/g) ?? [];
    assert.equal(bars.length, 3 + 2, svg.slice(0, 300));
    assert.equal(svg.match(/>never</g)?.length, 1);
  });
  await t.step("hover read-outs name the numbers", () => {
    assert.match(svg, /<title>Sigmoid: accuracy 0\.995, loss 0\.2000<\/title>/);
    assert.match(svg, /<title>ReLU: 99% at epoch 12<\/title>/);
  });
  await t.step("registry colours", () => {
    assert.ok(svg.includes('fill="#42d1f5"'), "ReLU's colour");
  });
  await t.step("no rows", () => {
    assert.throws(() => comparisonFigure([]), TypeError);
  });
});
