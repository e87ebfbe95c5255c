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

Deno.test("row() wraps figures that would make it wider than maxWidth", async (t) => {
  const panelOf = (w: number, title: string) => new Figure("", w, 100, { titles: [title] });
  const [a, b, c] = [panelOf(478, "a"), panelOf(478, "b"), panelOf(478, "c")];
  await t.step("three heatmaps: two on the first line, one below", () => {
    const r = row(a, b, c);
    assert.deepEqual([r.width, r.height], [972, 216]);
    assert.deepEqual(r.titles, ["a", "b", "c"]);
    assert.ok(r.body.includes("translate(494,0)") && r.body.includes("translate(0,116)"));
  });
  await t.step("within maxWidth, one line", () => {
    assert.deepEqual([row(a, b).width, row(a, b).height], [972, 100]);
    assert.equal(row(a, b, c, { maxWidth: 2000 }).width, 1466);
    assert.equal(row(a, b, c, { maxWidth: Infinity }).height, 100);
  });
  await t.step("a figure wider than maxWidth has a line of its own", () => {
    const r = row(a, panelOf(1200, "wide"), b);
    assert.deepEqual([r.width, r.height], [1200, 332]);
  });
  await t.step("bad maxWidth", () => {
    assert.throws(() => row(a, { maxWidth: 0 }), RangeError);
    assert.throws(() => row(a, { maxWidth: NaN }), RangeError);
    assert.throws(() => row(a, { maxWidth: "1000" as unknown as number }), TypeError);
  });
});

Deno.test("panel() sets a long title smaller, then widens the panel: never cut", async (t) => {
  const title = (fig: Figure) => parseSvg(fig.svg()).querySelector("text[font-weight=bold]")!;
  await t.step("a title that fits keeps its size", () => {
    assert.equal(title(panel(chart(), { title: "Leaky ReLU" })).getAttribute("font-size"), "18");
  });
  await t.step("a little too wide: smaller type, same panel", () => {
    const fig = panel(chart(), { title: "GELU (tanh approximation) (Deriv)" });
    assert.equal(fig.width, 300);
    const size = Number(title(fig).getAttribute("font-size"));
    assert.ok(size < 18 && size >= 14, String(size));
  });
  await t.step("far too wide: 14 px type and a wider panel, chart centred", () => {
    const fig = panel(chart(), { title: "GELU (tanh approximation) (Second Derivative)" });
    assert.equal(title(fig).getAttribute("font-size"), "14");
    assert.ok(fig.width > 300, String(fig.width));
    assert.equal(Number(title(fig).getAttribute("x")), fig.width / 2);
    assert.match(fig.body, new RegExp(`translate\\(${Math.round((fig.width - 300) / 2)},0\\)`));
  });
});
