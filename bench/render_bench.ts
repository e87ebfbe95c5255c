/**
 * Rendering speed: one function/derivative pair and one 200 x 200 heatmap, as SVG and as
 * PNG, and all of the original's figures (six pairs, Softmax, Maxout, two decision
 * boundaries and the transformed boundary) built and rasterised. Goal: all of them in < 2 s.
 *
 * Run: deno bench -P bench/render_bench.ts
 */
import { activationFigure } from "../lib/figures/activation_figure.ts";
import { boundaryFigure } from "../lib/figures/boundary_figure.ts";
import { linspace } from "../lib/grid.ts";
import { heatmapFigure } from "../lib/figures/heatmap_figure.ts";
import { pairFigure } from "../lib/figures/pair_figure.ts";
import { row } from "../lib/figures/layout.ts";

const x = Array.from(linspace(-5, 5, 2000));
const pairData = { x, y: x.map(Math.tanh), dy: x.map((v) => 1 - Math.tanh(v) ** 2) };
const n = 200;
const axis = linspace(0, 10, n);
const grid = {
  x1: axis,
  x2: axis,
  values: new Float32Array(n * n).map((_, k) =>
    1 / (1 + Math.exp(axis[Math.floor(k / n)] - axis[k % n]))
  ),
};
const points = {
  x1: Array.from({ length: 200 }, (_, k) => (k < 100 ? 2 : 8) + ((k * 37) % 11 - 5) / 20),
  x2: Array.from({ length: 200 }, (_, k) => (k % 100 < 50 ? 2 : 8) + ((k * 53) % 13 - 6) / 24),
  label: Array.from({ length: 200 }, (_, k) => (k < 50 || k >= 150 ? 1 : 0)),
};

// warm up Plot, jsdom and resvg once so the first bench is not an outlier
pairFigure(pairData).png();

Deno.bench("pair figure: build + SVG", { group: "pair" }, () => {
  pairFigure(pairData, { label: "Hyperbolic Tangent", color: "#7ef542" }).svg();
});
Deno.bench("pair figure: build + SVG + PNG (2x)", { group: "pair" }, () => {
  pairFigure(pairData, { label: "Hyperbolic Tangent", color: "#7ef542" }).png();
});
Deno.bench("pair figure: Jupyter bundle (SVG, WebP, 1x PNG)", { group: "pair" }, () => {
  const fig = pairFigure(pairData, { label: "Hyperbolic Tangent" });
  (fig as unknown as Record<symbol, () => unknown>)[Symbol.for("Jupyter.display")]();
});
Deno.bench("200x200 heatmap: build + SVG", { group: "heatmap" }, () => {
  heatmapFigure(grid, { title: "Softmax (1st)" }).svg();
});
Deno.bench("200x200 heatmap: build + SVG + PNG (2x)", { group: "heatmap" }, () => {
  heatmapFigure(grid, { title: "Softmax (1st)" }).png();
});
Deno.bench("all the original's figures: build + SVG + PNG (2x)", {
  group: "original",
  n: 3,
  warmup: 1,
}, () => {
  for (
    const name of ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softmax", "maxout"]
  ) {
    const fig = activationFigure(name);
    fig.svg();
    fig.png();
  }
  const linear = boundaryFigure(grid, { title: "Decision Boundary (Linear)", points });
  const relu = boundaryFigure(grid, { title: "Decision Boundary (ReLU)", points });
  const both = row(linear, relu);
  both.svg();
  both.png();
  const after = boundaryFigure(grid, {
    title: "After Nonlinear Transformation",
    points,
    x1Label: "x'1",
    x2Label: "x'2",
  });
  after.svg();
  after.png();
});
