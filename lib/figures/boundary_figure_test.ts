import assert from "node:assert/strict";
import { boundaryFigure, CLASS_COLORS } from "./boundary_figure.ts";
import { linspace } from "../grid.ts";
import { parseSvg, pixelVariance, pngSize, texts } from "../../tests/_helpers/figure_checks.ts";

const n = 40;
const x1 = linspace(0, 10, n), x2 = linspace(0, 10, n);
const values = new Float32Array(n * n).map((_, k) => 1 / (1 + Math.exp(-(x1[k % n] - 5))));
const points = { x1: [2, 2.1, 8, 7.9, 5], x2: [2, 8, 2, 8, 5], label: [1, 0, 0, 1, 1] };

Deno.test("boundaryFigure() draws the probability and the points by class", async () => {
  const fig = boundaryFigure({ x1, x2, values }, { title: "Decision Boundary (Linear)", points });
  assert.deepEqual(fig.titles, ["Decision Boundary (Linear)"]);
  const doc = parseSvg(fig.svg());
  const c0 = doc.querySelector('[aria-description="training points of class 0"]')!;
  const c1 = doc.querySelector('[aria-description="training points of class 1"]')!;
  assert.equal(c0.querySelectorAll("circle").length, 2);
  assert.equal(c1.querySelectorAll("circle").length, 3);
  // Plot puts the constant styles on the mark's group (inside its clip group)
  const style = (g: Element, a: string) => g.querySelector(`[${a}]`)?.getAttribute(a);
  assert.equal(style(c0, "fill"), CLASS_COLORS[0]);
  assert.equal(style(c1, "fill"), CLASS_COLORS[1]);
  assert.equal(style(c0, "stroke"), "black");
  assert.deepEqual(CLASS_COLORS, ["#f58742", "#8d42f5"]);
  // colour bar fixed to [0, 1]
  const bar = doc.querySelector('[aria-description="colour bar"]')!.closest("svg")!;
  assert.ok(texts(bar).includes("0.0") && texts(bar).includes("1.0"));
  const hover = c1.querySelector("title")!.textContent!;
  assert.equal(hover, "class 1 at x1 = 2, x2 = 2");
  const png = fig.png();
  assert.deepEqual(pngSize(png), { width: 2 * fig.width, height: 2 * fig.height });
  assert.ok(await pixelVariance(png) > 100);
});

Deno.test("boundaryFigure() uses custom axis labels", () => {
  const fig = boundaryFigure({ x1, x2, values }, {
    title: "After Nonlinear Transformation",
    x1Label: "x'1",
    x2Label: "x'2",
  });
  const all = texts(parseSvg(fig.svg()));
  assert.ok(all.includes("x'1") && all.includes("x'2"));
});

Deno.test("boundaryFigure() rejects bad points", async (t) => {
  await t.step("lengths differ", () => {
    assert.throws(
      () => boundaryFigure({ x1, x2, values }, { points: { x1: [1], x2: [1, 2], label: [0] } }),
      TypeError,
    );
  });
  await t.step("label not 0 or 1", () => {
    assert.throws(
      () => boundaryFigure({ x1, x2, values }, { points: { x1: [1], x2: [1], label: [2] } }),
      RangeError,
    );
  });
});
