import assert from "node:assert/strict";
import { pairFigure } from "./pair_figure.ts";
import type { Figure } from "./figure.ts";
import {
  frameOf,
  parseSvg,
  pathPoints,
  pngSize,
  texts,
} from "../../tests/_helpers/figure_checks.ts";

const xs = Array.from({ length: 2001 }, (_, k) => -5 + k / 200);
const leaky = (v: number) => (v < 0 ? 0.3 * v : v);
const leakyGrad = (v: number) => (v < 0 ? 0.3 : 1);

function leakyFigure(): Figure {
  return pairFigure(
    { x: xs, y: xs.map(leaky), dy: xs.map(leakyGrad) },
    {
      label: "Leaky ReLU",
      color: "#9c33ff",
      x: [-3, 3],
      y: [-2, 4],
      kinks: [{ x: 0, left: 0.3, right: 1, at: 0.3 }],
    },
  );
}

// The two Plot charts of a pair figure, in order (function, derivative).
function charts(fig: Figure): Element[] {
  const doc = parseSvg(fig.svg());
  return Array.from(doc.documentElement.querySelectorAll("svg")).filter((s) =>
    s.querySelector('[aria-label="frame"]')
  );
}

Deno.test("pairFigure() draws the original's titles, axis labels and windows", () => {
  const fig = leakyFigure();
  assert.deepEqual(fig.titles, ["Leaky ReLU", "Leaky ReLU (Derivative)"]);
  const doc = parseSvg(fig.svg());
  const all = texts(doc);
  assert.ok(all.includes("Leaky ReLU") && all.includes("Leaky ReLU (Derivative)"));
  const [f, d] = charts(fig);
  assert.ok(texts(f).includes("f(x)") && texts(f).includes("x"));
  assert.ok(texts(d).includes("f'(x)"));
  // ticks span the windows: function x in [-3, 3], y in [-2, 4]; derivative x in [-5, 5]
  for (const t of ["−3", "3", "−2", "4"]) assert.ok(texts(f).includes(t), `tick ${t}`);
  for (const t of ["−4", "4", "0.0", "1.0"]) assert.ok(texts(d).includes(t), `tick ${t}`);
  // titles are centred over the figure's halves
  const titles = Array.from(doc.querySelectorAll("text[font-weight=bold]"));
  assert.equal(titles.length, 2);
  for (const t of titles) assert.equal(t.getAttribute("text-anchor"), "middle");
});

Deno.test("pairFigure() keeps every curve point inside the frame", () => {
  const fig = leakyFigure();
  for (const chart of charts(fig)) {
    const fr = frameOf(chart);
    const paths = Array.from(chart.querySelectorAll('[aria-description^="curve"] path'));
    assert.ok(paths.length >= 1);
    let n = 0;
    for (const p of paths) {
      for (const [x, y] of pathPoints(p.getAttribute("d")!)) {
        n++;
        assert.ok(x >= fr.x - 0.01 && x <= fr.x + fr.width + 0.01, `x ${x} outside frame`);
        assert.ok(y >= fr.y - 0.01 && y <= fr.y + fr.height + 0.01, `y ${y} outside frame`);
      }
    }
    assert.ok(n >= 2);
  }
});

Deno.test("pairFigure() marks kinks and breaks the derivative at the jump", () => {
  const [, d] = charts(leakyFigure());
  assert.equal(d.querySelectorAll('[aria-description="kink limit"] circle').length, 2);
  assert.equal(d.querySelectorAll('[aria-description="kink value"] circle').length, 1);
  // the derivative's line is two pieces: left of 0 and right of 0, no vertical join
  const pieces = d.querySelectorAll('[aria-description^="curve"] path');
  assert.equal(pieces.length, 2);
  const fr = frameOf(d);
  const mid = fr.x + fr.width / 2;
  for (const p of pieces) {
    const xsPx = pathPoints(p.getAttribute("d")!).map(([x]) => x);
    const left = xsPx.every((x) => x <= mid + 0.01), right = xsPx.every((x) => x >= mid - 0.01);
    assert.ok(left || right, "a piece crosses the kink");
  }
  const title = d.querySelector('[aria-description="kink value"] title')!.textContent!;
  assert.match(title, /from the left 0\.3, from the right 1, value used 0\.3/);
});

Deno.test("pairFigure() hover read-outs give x and the exact values", () => {
  const [f, d] = charts(leakyFigure());
  const fTitles = Array.from(
    f.querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent!,
  );
  // x window [-3, 3] at step 0.1, all inside y window [-2, 4]
  assert.equal(fTitles.length, 61);
  assert.ok(fTitles.includes("x = -1.2, f(x) = -0.36"));
  assert.ok(fTitles.includes("x = 2.5, f(x) = 2.5"));
  const dTitles = Array.from(
    d.querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent!,
  );
  assert.ok(dTitles.includes("x = -4.0, f'(x) = 0.3"));
  assert.ok(dTitles.includes("x = 0.0, f'(x) = 1") || dTitles.includes("x = 0.0, f'(x) = 0.3"));
  // hover dots are invisible but hit-testable
  const g = f.querySelector('[aria-description="hover"]')!;
  assert.equal(g.getAttribute("fill-opacity"), "0");
  assert.equal(g.getAttribute("pointer-events"), "all");
});

Deno.test("pairFigure() uses the colour, thick lines and clips in the PNG", () => {
  const fig = leakyFigure();
  const svg = fig.svg();
  assert.ok(svg.includes('stroke="#9c33ff"'));
  const [f] = charts(fig);
  const line = f.querySelector('[aria-description^="curve"]')!;
  const width = Number(
    line.getAttribute("stroke-width") ??
      line.querySelector("[stroke-width]")?.getAttribute("stroke-width"),
  );
  assert.ok(width >= 3 && width <= 5);
  const size = pngSize(fig.png());
  assert.deepEqual(size, { width: fig.width * 2, height: fig.height * 2 });
  assert.ok(svg.length < 100_000, `pair figure SVG is ${svg.length} bytes`);
});

Deno.test("pairFigure() rejects bad input", async (t) => {
  await t.step("lengths differ", () => {
    assert.throws(() => pairFigure({ x: [0, 1], y: [0], dy: [0, 1] }), TypeError);
  });
  await t.step("empty arrays", () => {
    assert.throws(() => pairFigure({ x: [], y: [], dy: [] }), TypeError);
  });
  await t.step("reversed window", () => {
    assert.throws(
      () => pairFigure({ x: [0, 1], y: [0, 1], dy: [1, 1] }, { x: [3, -3] }),
      /Invalid x window/,
    );
  });
  await t.step("NaN window", () => {
    assert.throws(
      () => pairFigure({ x: [0, 1], y: [0, 1], dy: [1, 1] }, { dy: [NaN, 1] }),
      RangeError,
    );
  });
});
