import assert from "node:assert/strict";
import { createCanvas, GlobalFonts } from "canvas";
import { textWidth } from "./text_width.ts";
import { ACTIVATIONS } from "../activations/activations.ts";

Deno.test("textWidth() adds up DejaVu Sans advances", async (t) => {
  await t.step("a few strings", () => {
    assert.equal(textWidth("", 13), 0);
    assert.equal(textWidth("0", 10), 6.36);
    assert.equal(textWidth("M", 1000, { bold: true }), 995);
    assert.ok(textWidth("ReLU", 26) === 2 * textWidth("ReLU", 13));
    // beyond ASCII: the symbols figures use, and a full em for anything else
    assert.equal(textWidth("′", 100), 22.7);
    assert.equal(textWidth("字", 13), 13);
  });
  await t.step("bad input", () => {
    assert.throws(() => textWidth(1 as unknown as string, 13), TypeError);
    assert.throws(() => textWidth("a", -1), RangeError);
    assert.throws(() => textWidth("a", NaN), RangeError);
    assert.throws(() => textWidth("a", 13, { bold: "yes" as unknown as boolean }), TypeError);
  });
});

Deno.test({
  name: "textWidth() is never narrower than DejaVu Sans draws the registry's labels",
  ignore: !GlobalFonts.has("DejaVu Sans"),
  fn: () => {
    const ctx = createCanvas(10, 10).getContext("2d");
    const labels = ACTIVATIONS.map((a) => a.label)
      .concat(["first epoch at ≥ 99% accuracy", "∂f/∂x1", "f'(x)", "−0.25", "x'1"]);
    for (const bold of [false, true]) {
      ctx.font = `${bold ? "bold " : ""}100px DejaVu Sans`;
      for (const label of labels) {
        const drawn = ctx.measureText(label).width, estimate = textWidth(label, 100, { bold });
        // the table holds advances rounded to 1/1000 em: up to 0.05 px per character here
        assert.ok(estimate >= drawn - 0.05 * label.length, `${label}: ${estimate} < ${drawn}`);
        assert.ok(estimate <= drawn * 1.05 + 1, `${label}: ${estimate} >> ${drawn}`);
      }
    }
  },
});
