import assert from "node:assert/strict";
import { curvesFigure } from "./curves_figure.ts";
import { parseSvg, texts } from "../../tests/_helpers/figure_checks.ts";

Deno.test("curvesFigure() overlays curves with a legend", () => {
  const x = Array.from({ length: 101 }, (_, k) => -5 + k / 10);
  const fig = curvesFigure([
    { x, y: x.map(Math.tanh), color: "#7ef542", label: "tanh" },
    { x, y: x.map((v) => 1 / (1 + Math.exp(-v))), color: "#f59042", label: "sigmoid" },
  ], { title: "Saturation" });
  const doc = parseSvg(fig.svg());
  assert.equal(doc.querySelectorAll('[aria-description^="curve"]').length, 2);
  assert.ok(texts(doc).includes("tanh") && texts(doc).includes("sigmoid"));
  const hover = Array.from(
    doc.querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent!,
  );
  assert.ok(hover.some((h) => h === "sigmoid: x = 0.0, f(x) = 0.5"));
  assert.throws(() => curvesFigure([]), TypeError);
});
