import assert from "node:assert/strict";
import { colorBar, heatmapFigure } from "./heatmap_figure.ts";
import { linspace } from "../grid.ts";
import { BMY, interpolateBmy } from "./palette.ts";
import type { Figure } from "./figure.ts";
import {
  chart,
  clippedTexts,
  decodePixels,
  frameOf,
  parseSvg,
  texts,
} from "../../tests/_helpers/figure_checks.ts";
import { panel } from "./layout.ts";

const n = 50;
const x1 = linspace(0, 10, n), x2 = linspace(0, 10, n);
// f = x2 / 10: 0 at the bottom row, 1 at the top row
const rising = new Float32Array(n * n).map((_, k) => x2[Math.floor(k / n)] / 10);

function chartOf(fig: Figure): { chart: Element; dx: number; dy: number } {
  const doc = parseSvg(fig.svg());
  const chart = Array.from(doc.querySelectorAll("svg svg")).find((s) =>
    s.querySelector('[aria-label="frame"]')
  )!;
  const m = chart.parentElement!.getAttribute("transform")!.match(
    /translate\(([\d.]+),([\d.]+)\)/,
  )!;
  return { chart, dx: Number(m[1]), dy: Number(m[2]) };
}

Deno.test("heatmapFigure() has the title, axes x1 and x2 and a colour bar", () => {
  const fig = heatmapFigure({ x1, x2, values: rising }, { title: "Softmax (1st)" });
  assert.deepEqual(fig.titles, ["Softmax (1st)"]);
  const doc = parseSvg(fig.svg());
  const all = texts(doc);
  for (const t of ["Softmax (1st)", "x1", "x2", "0", "10"]) assert.ok(all.includes(t), t);
  assert.equal(doc.querySelectorAll('[aria-description="heatmap"] image').length, 1);
  const bar = doc.querySelector('[aria-description="colour bar"]')!.closest("svg")!;
  // colour bar ticks span the values' range [0, 1]
  assert.ok(texts(bar).includes("0.0") && texts(bar).includes("1.0"));
  assert.ok(fig.description.includes("from 0 to 1"));
});

Deno.test("heatmapFigure() draws row 0 at the bottom in bmy colours", async () => {
  const fig = heatmapFigure({ x1, x2, values: rising }, { title: "Rising" });
  const { chart, dx, dy } = chartOf(fig);
  const fr = frameOf(chart);
  const { data, width } = await decodePixels(fig.png({ scale: 1 }));
  const rgb = (x: number, y: number) => {
    const k = (Math.round(y) * width + Math.round(x)) * 4;
    return "#" + [0, 1, 2].map((c) => data[k + c].toString(16).padStart(2, "0")).join("");
  };
  const cx = dx + fr.x + fr.width / 2;
  const near = (a: string, b: string) =>
    [1, 3, 5].every((i) =>
      Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= 12
    );
  const top = rgb(cx, dy + fr.y + 2), bottom = rgb(cx, dy + fr.y + fr.height - 2);
  assert.ok(near(top, BMY[255]), `top ${top} vs ${BMY[255]}`);
  assert.ok(near(bottom, BMY[0]), `bottom ${bottom} vs ${BMY[0]}`);
  const middle = rgb(cx, dy + fr.y + fr.height / 2);
  assert.ok(near(middle, interpolateBmy(0.5)!), `middle ${middle}`);
});

Deno.test("heatmapFigure() hover cells read out the grid values", () => {
  const fig = heatmapFigure({ x1, x2, values: rising }, { label: "f(x)", hoverCells: 10 });
  const doc = parseSvg(fig.svg());
  const titles = Array.from(
    doc.querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent!,
  );
  assert.equal(titles.length, 100);
  for (const t of titles) {
    const m = t.match(/^x1 = ([\d.]+), x2 = ([\d.]+), f\(x\) = ([\d.e-]+)$/)!;
    assert.ok(m, t);
    assert.ok(Math.abs(Number(m[3]) - Number(m[2]) / 10) < 1e-3, t);
  }
  assert.equal(doc.querySelector('[aria-description="hover"]')!.getAttribute("fill-opacity"), "0");
});

Deno.test("heatmapFigure() handles domains and bad grids", async (t) => {
  await t.step("explicit domain", () => {
    const fig = heatmapFigure({ x1, x2, values: rising }, { domain: [-1, 2] });
    assert.ok(fig.description.includes("from -1 to 2"));
  });
  await t.step("constant field", () => {
    const fig = heatmapFigure({ x1, x2, values: new Float32Array(n * n).fill(3) });
    assert.ok(fig.svg().includes("<image"));
  });
  await t.step("wrong length", () => {
    assert.throws(() => heatmapFigure({ x1, x2, values: new Float32Array(3) }), TypeError);
  });
  await t.step("bad domain", () => {
    assert.throws(
      () => heatmapFigure({ x1, x2, values: rising }, { domain: [1, NaN] }),
      RangeError,
    );
  });
});

Deno.test("colorBar() spans the domain with 256 steps", () => {
  const bar = colorBar([0, 1], interpolateBmy, 300, 10, 40);
  assert.equal(bar.getAttribute("height"), "300");
  assert.ok(bar.querySelector("image"));
});

Deno.test("heatmapFigure()'s description gives its ranges as the read-outs do", () => {
  // the original's grid: 200 samples over [0, 10], cells reaching 10.025125628140703
  const axis = linspace(0, 10, 200);
  const values = new Float32Array(200 * 200).map((_, k) => axis[k % 200] / 30);
  const fig = heatmapFigure({ x1: axis, x2: axis, values }, { title: "Softmax (1st)" });
  assert.equal(
    fig.description,
    "Softmax (1st): f(x) over x1 in [0, 10] and x2 in [0, 10], colour from 0 to 0.3333",
  );
  assert.doesNotMatch(fig.svg(), /\d\.\d{6,}/, "a raw float in the markup's text");
});

Deno.test("colorBar() widens to fit long tick labels", () => {
  const narrow = colorBar([0, 1], interpolateBmy, 300, 10, 40);
  assert.equal(narrow.getAttribute("width"), "78");
  const long = colorBar([-0.000125, 0.000125], interpolateBmy, 300, 10, 40);
  assert.ok(Number(long.getAttribute("width")) > 78, long.getAttribute("width")!);
  const fig = panel(chart(), { legend: long });
  assert.deepEqual(clippedTexts(fig).map((c) => c.text), []);
});
