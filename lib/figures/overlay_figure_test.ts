import assert from "node:assert/strict";
import { overlayFigure } from "./overlay_figure.ts";
import { tf } from "../tf.ts";
import { parseSvg } from "../../tests/_helpers/figure_checks.ts";

Deno.test("overlayFigure() draws each activation and its derivative in its colour", async (t) => {
  const before = tf.memory().numTensors;
  await t.step("two panels, one curve per activation, registry colours and labels", () => {
    const fig = overlayFigure(["relu", "gelu", "silu"], { title: "Smooth ReLUs" });
    assert.deepEqual(fig.titles, ["Smooth ReLUs", "Smooth ReLUs (Derivatives)"]);
    const svg = fig.svg();
    for (const label of ["ReLU", "GELU", "SiLU"]) assert.ok(svg.includes(label), label);
    assert.ok(svg.includes('stroke="#42d1f5"'), "ReLU's registry colour");
  });
  await t.step("a curve that would hide an earlier one is dashed; one legend under both", () => {
    const fig = overlayFigure(["gelu", "gelu_tanh"], { colors: ["#e6194b", "#000000"] });
    const doc = parseSvg(fig.svg());
    const dashOf = (label: string) =>
      Array.from(
        doc.querySelectorAll(`[aria-description="curve ${label}"] g`),
        (g) => g.getAttribute("stroke-dasharray"),
      );
    assert.deepEqual(dashOf("GELU"), [null, null]);
    assert.deepEqual(dashOf("GELU (tanh approximation)"), ["7 5", "7 5"]);
    const legend = Array.from(doc.querySelectorAll('svg[aria-label="legend"]'));
    assert.equal(legend.length, 1);
    assert.deepEqual(
      Array.from(legend[0].querySelectorAll("line"), (l) => l.getAttribute("stroke-dasharray")),
      [null, "7 5"],
    );
    assert.match(fig.description, /GELU \(tanh approximation\) \(dashed\)$/);
    // visibly different curves stay solid
    const relus = parseSvg(overlayFigure(["relu", "gelu", "silu"]).svg());
    assert.equal(relus.querySelectorAll("[stroke-dasharray]").length, 0);
  });
  await t.step("bad names", () => {
    assert.throws(() => overlayFigure([]), TypeError);
    assert.throws(() => overlayFigure(["softmax"]), /takes 2 inputs/);
    assert.throws(() => overlayFigure(["nope"]), /"nope"/);
  });
  assert.equal(tf.memory().numTensors, before);
});
