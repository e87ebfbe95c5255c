import assert from "node:assert/strict";
import { overlayFigure } from "./overlay_figure.ts";
import { tf } from "../tf.ts";

Deno.test("overlayFigure() draws each activation and its derivative in its colour", async (t) => {
  const before = tf.memory().numTensors;
  await t.step("two panels, one curve per activation, registry colours and labels", () => {
    const fig = overlayFigure(["relu", "gelu", "silu"], { title: "Smooth ReLUs" });
    assert.deepEqual(fig.titles, ["Smooth ReLUs", "Smooth ReLUs (Derivatives)"]);
    const svg = fig.svg();
    for (const label of ["ReLU", "GELU", "SiLU"]) assert.ok(svg.includes(label), label);
    assert.ok(svg.includes('stroke="#42d1f5"'), "ReLU's registry colour");
  });
  await t.step("bad names", () => {
    assert.throws(() => overlayFigure([]), TypeError);
    assert.throws(() => overlayFigure(["softmax"]), /takes 2 inputs/);
    assert.throws(() => overlayFigure(["nope"]), /"nope"/);
  });
  assert.equal(tf.memory().numTensors, before);
});
