import assert from "node:assert/strict";
import { activationFigure } from "./activation_figure.ts";
import { activation, secondDerivative } from "../activations/autodiff.ts";
import { getActivation } from "../activations/activations.ts";
import { resolveActivation } from "../activations/resolve_activation.ts";
import { overlayFigure } from "./overlay_figure.ts";
import { boundaryFigure } from "./boundary_figure.ts";
import { linspace } from "../grid.ts";
import { heatmapFigure } from "./heatmap_figure.ts";
import { historyFigure } from "./history_figure.ts";
import { curvesFigure } from "./curves_figure.ts";
import { pairFigure } from "./pair_figure.ts";
import { column, row } from "./layout.ts";
import type { Figure } from "./figure.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";
import { parseSvg, pixelVariance, pngSize } from "../../tests/_helpers/figure_checks.ts";

const ORIGINAL = [
  ["identity", "Identity", "#000000"],
  ["sigmoid", "Sigmoid", "#f59042"],
  ["tanh", "Hyperbolic Tangent", "#7ef542"],
  ["relu", "ReLU", "#42d1f5"],
  ["leaky_relu", "Leaky ReLU", "#9c33ff"],
  ["elu", "ELU", "#ff33a7"],
] as const;

function hoverTitles(fig: Figure, panel: number): string[] {
  const doc = parseSvg(fig.svg());
  const charts = Array.from(doc.querySelectorAll("svg svg")).filter((s) =>
    s.querySelector('[aria-label="frame"]')
  );
  return Array.from(
    charts[panel].querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent!,
  );
}

Deno.test("activationFigure() draws the original's six pairs from the registry", async (t) => {
  for (const [name, label, color] of ORIGINAL) {
    await t.step(name, () => {
      const before = tf.memory().numTensors;
      const fig = activationFigure(name);
      assert.equal(tf.memory().numTensors, before);
      assert.deepEqual(fig.titles, [label, `${label} (Derivative)`]);
      assert.equal(getActivation(name).label, label);
      assert.ok(fig.svg().includes(`stroke="${color}"`), `colour ${color}`);
    });
  }
});

Deno.test("activationFigure() hover read-outs equal the library's values", () => {
  const fig = activationFigure("elu", { params: { alpha: 0.5 } });
  for (const [panel, key] of [[0, "y"], [1, "dy"]] as const) {
    const titles = hoverTitles(fig, panel);
    assert.ok(titles.length > 50);
    for (const title of titles.filter((_, k) => k % 7 === 0)) {
      const m = title.match(/^x = (-?[\d.]+), f'?\(x\) = (-?[\d.e+-]+)$/)!;
      assert.ok(m, title);
      const x = Number(m[1]);
      const ref = activation("elu", [x], { alpha: 0.5 })[key][0];
      assert.ok(
        Math.abs(Number(m[2]) - ref) <= 5e-5 * Math.max(1, Math.abs(ref)),
        `${title} vs ${ref}`,
      );
    }
  }
});

Deno.test("activationFigure() draws f'' as a third panel on request", async (t) => {
  await t.step("titles, and read-outs equal to secondDerivative()", () => {
    const fig = activationFigure("gelu", { secondDerivative: true });
    assert.deepEqual(fig.titles, ["GELU", "GELU (Derivative)", "GELU (Second Derivative)"]);
    const titles = hoverTitles(fig, 2);
    assert.ok(titles.length > 50);
    for (const title of titles.filter((_, k) => k % 7 === 0)) {
      const m = title.match(/^x = (-?[\d.]+), f''\(x\) = (-?[\d.e+-]+)$/)!;
      assert.ok(m, title);
      const ref = secondDerivative("gelu", [Number(m[1])]).d2y[0];
      assert.ok(Math.abs(Number(m[2]) - ref) <= 5e-5 * Math.max(1, Math.abs(ref)), title);
    }
  });
  await t.step("two panels by default; a boolean only", () => {
    assert.equal(activationFigure("relu").titles.length, 2);
    assert.equal(activationFigure("relu", { secondDerivative: false }).titles.length, 2);
    assert.throws(
      // deno-lint-ignore no-explicit-any
      () => activationFigure("relu", { secondDerivative: "yes" as any }),
      /secondDerivative: expected a boolean, got the string "yes"/,
    );
  });
});

Deno.test("activationFigure() marks kinks with the one-sided limits", async (t) => {
  const kinkTitle = (fig: Figure) =>
    parseSvg(fig.svg()).querySelector('[aria-description="kink value"] title')?.textContent;
  await t.step("ReLU at 0: limits 0 and 1, value 0", () => {
    assert.equal(
      kinkTitle(activationFigure("relu")),
      "kink at x = 0: limit from the left 0, from the right 1, value used 0",
    );
  });
  await t.step("Leaky ReLU alpha 0.3", () => {
    assert.match(
      kinkTitle(activationFigure("leaky_relu"))!,
      /left 0\.3, from the right 1, value used 0\.3/,
    );
  });
  await t.step("ELU alpha 1 has no kink", () => {
    assert.equal(kinkTitle(activationFigure("elu")), undefined);
  });
  await t.step("ELU alpha 0.5: left limit 0.5 by extrapolation", () => {
    assert.match(
      kinkTitle(activationFigure("elu", { params: { alpha: 0.5 } }))!,
      /left 0\.5, from the right 1/,
    );
  });
});

Deno.test("activationFigure() draws the original's Softmax and Maxout heatmaps", () => {
  const before = tf.memory().numTensors;
  const softmax = activationFigure("softmax", { gridPoints: 40 });
  assert.deepEqual(softmax.titles, [
    "Softmax (1st)",
    "Softmax (Derivative of x1)",
    "Softmax (Derivative of x2)",
  ]);
  const maxout = activationFigure("maxout", { gridPoints: 40 });
  assert.deepEqual(maxout.titles, ["Maxout", "Maxout (Derivative of x1)"]);
  assert.equal(tf.memory().numTensors, before);
  // Maxout's derivative with respect to x1 is 1 where x1 >= x2 (lower right) and 0 above
  const doc = parseSvg(maxout.svg());
  const cells = Array.from(
    doc.querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent!,
  )
    .filter((t) => t.includes("∂f/∂x1"));
  for (const c of cells) {
    const [, a, b, v] = c.match(/x1 = ([\d.]+), x2 = ([\d.]+), ∂f\/∂x1 = ([\d.]+)/)!.map(Number);
    if (a !== b) assert.equal(v, a > b ? 1 : 0, c);
  }
});

Deno.test("activationFigure() rejects unknown names and parameters", async (t) => {
  const before = tf.memory().numTensors;
  await t.step("unknown activation", () => {
    assert.throws(() => activationFigure("foo"), /Unknown activation "foo"/);
  });
  await t.step("out-of-range parameter", () => {
    assert.throws(() => activationFigure("elu", { params: { alpha: -5 } }), RangeError);
  });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("every figure builder renders an SVG and a non-blank 2x PNG without tensors", async () => {
  const before = tf.memory().numTensors;
  const x = Array.from(linspace(-5, 5, 401));
  const n = 30;
  const g = { x1: linspace(0, 10, n), x2: linspace(0, 10, n) };
  const values = new Float32Array(n * n).map((_, k) => (k % n) / (n - 1));
  const figures: Figure[] = [
    pairFigure({ x, y: x.map(Math.tanh), dy: x.map((v) => 1 - Math.tanh(v) ** 2) }, {
      label: "tanh",
    }),
    curvesFigure([{ x, y: x.map(Math.tanh), label: "tanh" }], { title: "Curves" }),
    heatmapFigure({ ...g, values }, { title: "Heatmap" }),
    boundaryFigure({ ...g, values }, {
      title: "Boundary",
      points: { x1: [1, 9], x2: [1, 9], label: [0, 1] },
    }),
    historyFigure({ loss: [1, 0.5], accuracy: [0.5, 1] }),
    activationFigure("sigmoid"),
  ];
  figures.push(column(row(figures[0], figures[2]), figures[4]));
  for (const fig of figures) {
    parseSvg(fig.svg());
    const png = fig.png();
    assert.deepEqual(pngSize(png), { width: 2 * fig.width, height: 2 * fig.height });
    assert.ok(await pixelVariance(png) > 50, fig.description);
    const bundle = await fig[JUPYTER_DISPLAY]();
    assert.ok(bundle["text/html"].includes("<svg") && bundle["text/plain"].length > 0);
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("activationFigure() draws an activation the fused compiler cannot take", () => {
  const warn = console.warn, notes: unknown[] = [];
  console.warn = (...args: unknown[]) => notes.push(args);
  try {
    // arctan on tf.atan, a kernel the compiler has no scalar form of: tfjs kernel by kernel
    const arctan = resolveActivation({
      ...getActivation("tanh"),
      name: "arctan_figure",
      label: "Arctan",
      fn: (x) => tf.atan(x),
    });
    assert.equal(arctan.program, undefined);
    const fig = activationFigure(arctan, { secondDerivative: true });
    assert.deepEqual(fig.titles, ["Arctan", "Arctan (Derivative)", "Arctan (Second Derivative)"]);
    const [f, df] = [hoverTitles(fig, 0), hoverTitles(fig, 1)];
    assert.ok(f.length > 0 && df.length > 0);
    const overlay = overlayFigure([arctan, "tanh"]);
    assert.match(overlay.description, /legend: Arctan, Hyperbolic Tangent/);
    assert.equal(notes.length, 1); // one note, not one per figure
  } finally {
    console.warn = warn;
  }
});
