import assert from "node:assert/strict";
import { column, panel, row } from "./layout.ts";
import { Figure } from "./figure.ts";
import { chart, parseSvg } from "../../tests/_helpers/figure_checks.ts";

Deno.test("panel() puts a centred title above the chart", () => {
  const fig = panel(chart(), { title: "Leaky ReLU" });
  assert.equal(fig.width, 300);
  assert.ok(fig.height > 200);
  const doc = parseSvg(fig.svg());
  const title = doc.querySelector("text[font-weight=bold]")!;
  assert.equal(title.textContent, "Leaky ReLU");
  assert.equal(title.getAttribute("text-anchor"), "middle");
  assert.equal(Number(title.getAttribute("x")), 150);
});

Deno.test("row() and column() lay figures out", async (t) => {
  const a = new Figure('<rect width="100" height="50"/>', 100, 50, { titles: ["A"] });
  const b = new Figure('<rect width="200" height="80"/>', 200, 80, { titles: ["B"] });
  await t.step("row", () => {
    const r = row(a, b);
    assert.deepEqual([r.width, r.height], [316, 80]);
    assert.deepEqual(r.titles, ["A", "B"]);
    assert.ok(r.body.includes("translate(116,0)"));
  });
  await t.step("column", () => {
    const c = column(a, b, { gap: 0 });
    assert.deepEqual([c.width, c.height], [200, 130]);
    assert.ok(c.body.includes("translate(0,50)"));
  });
  await t.step("nested", () => {
    const n = column(row(a, b), a);
    assert.deepEqual([n.width, n.height], [316, 146]);
  });
  await t.step("no figures", () => {
    assert.throws(() => row(), TypeError);
    assert.throws(() => column({ gap: 1 }), TypeError);
    assert.throws(() => row(a, "b" as unknown as Figure), TypeError);
  });
});
