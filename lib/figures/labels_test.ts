// No figure cuts a label: every title, tick, axis label and legend entry lies inside the
// box that holds it, by the width estimate the figures lay out with, for every figure
// builder given the longest labels in the registry (Chromium's layout: tests/figure_text_test.ts).
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { panel } from "./layout.ts";
import { plotDocument } from "./dom.ts";
import type { Figure } from "./figure.ts";
import { clippedTexts } from "../../tests/_helpers/figure_checks.ts";
import { labelFigures, LONGEST } from "../../tests/_helpers/label_figures.ts";

function assertNothingCut(figure: Figure): void {
  const cut = clippedTexts(figure);
  assert.deepEqual(
    cut.map((c) => `"${c.text}" at [${c.left.toFixed(1)}, ${c.right.toFixed(1)}]`),
    [],
    `${figure.description.slice(0, 80)}: texts outside their box`,
  );
}

Deno.test("every figure keeps its labels whole, with the registry's longest labels", async (t) => {
  assert.equal(LONGEST.label, "GELU (tanh approximation)");
  for await (const [name, figure] of labelFigures()) {
    await t.step(name, () => assertNothingCut(figure));
  }
});

Deno.test("clippedTexts() finds a label its chart cuts", () => {
  // a bar chart whose left margin is too narrow for its label, as the comparison chart was
  const narrow = Plot.plot({
    document: plotDocument(),
    width: 380,
    height: 80,
    marginLeft: 60,
    style: { fontSize: "12px" },
    marks: [Plot.barX([{ label: LONGEST.label, value: 1 }], { y: "label", x: "value" })],
  }) as unknown as Element;
  const cut = clippedTexts(panel(narrow));
  assert.deepEqual(cut.map((c) => c.text), [LONGEST.label]);
  assert.ok(cut[0].left < 0, JSON.stringify(cut[0]));
});
