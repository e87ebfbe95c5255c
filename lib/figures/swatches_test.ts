import assert from "node:assert/strict";
import { swatches } from "./swatches.ts";
import { textWidth } from "./text_width.ts";

const ITEMS = [
  { label: "ReLU", color: "#42d1f5" },
  { label: "GELU (tanh approximation)", color: "#000000", dash: "7 5" },
  { label: "ELU", color: "#ff33a7" },
];

Deno.test("swatches() fits its longest label", async (t) => {
  await t.step("one entry per line, as wide as the longest label needs", () => {
    const key = swatches(ITEMS);
    const width = Number(key.getAttribute("width"));
    assert.ok(width >= textWidth(ITEMS[1].label, 13) + 30, String(width));
    assert.equal(key.querySelectorAll("text").length, 3);
    assert.equal(Number(key.getAttribute("height")), 3 * 24 + 12);
    assert.deepEqual(
      Array.from(key.querySelectorAll("line"), (l) => l.getAttribute("stroke-dasharray")),
      [null, "7 5", null],
    );
  });
  await t.step("flowing: lines no wider than maxWidth", () => {
    const key = swatches(ITEMS, { maxWidth: 300, indent: 10 });
    assert.equal(Number(key.getAttribute("width")), 300);
    const xs = Array.from(key.querySelectorAll("text"), (t) => Number(t.getAttribute("x")));
    const ys = Array.from(key.querySelectorAll("text"), (t) => Number(t.getAttribute("y")));
    assert.equal(xs[0], 6 + 10 + 30);
    assert.ok(ys[1] > ys[0] && ys[2] === ys[1], `${ys}`);
    assert.ok(swatches(ITEMS, { maxWidth: 1000 }).getAttribute("height") === String(24 + 12));
  });
  await t.step("bad items and options", () => {
    assert.throws(() => swatches([{ label: 1 as unknown as string, color: "#000" }]), TypeError);
    assert.throws(() => swatches(ITEMS, { maxWidth: 5 }), RangeError);
  });
});
