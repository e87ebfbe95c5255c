import assert from "node:assert/strict";
import { trainabilityFigure } from "./trainability_figure.ts";
import type { TrainabilityRow } from "../training/trainability.ts";
import { clippedTexts } from "../../tests/_helpers/figure_checks.ts";

function row(
  name: string,
  label: string,
  depth: number,
  mean: number,
  reached: number,
  epochs: number | null,
): TrainabilityRow {
  return {
    name,
    label,
    init: "gain",
    depth,
    runs: 3,
    accuracyMean: mean,
    accuracySd: 0.02,
    accuracyMin: mean - 0.03,
    accuracyMax: Math.min(1, mean + 0.03),
    reached,
    epochsMean: epochs,
    epochsSd: epochs === null ? null : 4,
    diverged: 0,
  };
}

const ROWS = [
  row("sigmoid", "Sigmoid", 2, 0.6, 0, null),
  row("sigmoid", "Sigmoid", 20, 0.5, 0, null),
  row("relu", "ReLU", 2, 0.97, 3, 40),
  row("relu", "ReLU", 20, 0.9, 1, 70),
  row("gelu_tanh", "GELU (tanh approximation)", 2, 0.96, 2, 50),
  row("gelu_tanh", "GELU (tanh approximation)", 20, 0.7, 0, null),
];

Deno.test("trainabilityFigure() charts accuracy and epochs to the target by depth", async (t) => {
  const fig = trainabilityFigure({ rows: ROWS, target: 0.95, epochs: 80 });
  const svg = fig.svg();
  await t.step("titles carry the target", () => {
    assert.deepEqual(fig.titles, ["Final accuracy by depth", "Epochs to 95% by depth"]);
  });
  await t.step("read-outs give mean, spread and how many reached the target", () => {
    assert.match(
      svg,
      /<title>ReLU, 20 layers: accuracy 0\.900 ± 0\.020 \(0\.870 to 0\.930\); 1 of 3 reached 95%, in 70 epochs on average<\/title>/,
    );
    assert.match(
      svg,
      /<title>Sigmoid, 2 layers: accuracy 0\.600 ± 0\.020 \(0\.570 to 0\.630\); none reached 95%<\/title>/,
    );
  });
  await t.step("k/n beside a partial dot; a cross where none reached it", () => {
    assert.ok(svg.includes(">1/3<") && svg.includes(">2/3<"));
    assert.equal(svg.match(/<title>[^<]*none reached/g)?.length, 2 * 3); // both panels
  });
  await t.step("no label cut; at most 1,000 px wide", () => {
    assert.deepEqual(clippedTexts(fig).map((c) => c.text), []);
    assert.ok(fig.width <= 1000, `${fig.width} px`);
  });
  await t.step("errors", () => {
    // @ts-expect-error: not a study
    assert.throws(() => trainabilityFigure(null), TypeError);
    assert.throws(() => trainabilityFigure({ rows: [], target: 0.95, epochs: 1 }), {
      name: "TypeError",
      message: "trainabilityFigure() expects at least one row",
    });
    assert.throws(
      () => trainabilityFigure({ rows: ROWS, target: 0.95, epochs: 80 }, { width: 50 }),
      RangeError,
    );
  });
});
