// What the notebooks' notes claim about the original and about the library holds: the
// derivative at 0, Maxout's ties, where the original's tanh breaks down, which read-outs the
// original got wrong, what needs disposing, and titles and table words that match the text.
import assert from "node:assert/strict";
import { readNotebook, text } from "./notebook_files.ts";
import { activation, activation2d } from "../lib/activations/autodiff.ts";
import { sliderFigure } from "../lib/interactive/slider_figure.ts";
import { activationFigure } from "../lib/figures/activation_figure.ts";
import { createNetwork, networkLabel, NONLINEAR_NETWORK } from "../lib/training/network.ts";
import { parseSvg } from "./_helpers/figure_checks.ts";
import { makeDataset } from "../lib/training/datasets.ts";
import { train } from "../lib/training/train.ts";
import { deadUnits } from "../lib/training/dead_units.ts";
import {
  playgroundSettings,
  runMetrics,
  type SettingOverrides,
  trainPlayground,
} from "../lib/training/playground.ts";

const FIRST = readNotebook("notebooks/activation_functions.ipynb");
const PLAYGROUND = readNotebook("notebooks/nonlinearity_playground.ipynb");
const cells = (nb: typeof FIRST, type: "markdown" | "code") =>
  nb.cells.filter((c) => c.cell_type === type).map((c) => text(c.source));
const markdown = cells(FIRST, "markdown").join("\n");
const code = cells(FIRST, "code").join("\n");

Deno.test("the first notebook's notes match the library and the original", async (t) => {
  await t.step("the derivative at exactly 0: the left one here, 1 in the original", () => {
    const at0 = (name: string, params = {}) => activation(name, [0], params).dy[0];
    assert.equal(at0("relu"), 0);
    assert.equal(at0("leaky_relu"), Math.fround(0.3));
    assert.equal(at0("elu", { alpha: 0.5 }), 0.5);
    assert.equal(at0("elu"), 1);
    // the original's tf.where(x < 0, left, right) differentiates the right branch at 0: 1
    for (const claim of ["ReLU$'(0) = 0$", "Leaky ReLU$'(0) = \\alpha$", "ELU$'(0) = \\alpha$"]) {
      assert.ok(markdown.includes(claim), claim);
    }
    assert.match(markdown, /`tf\.where\(x < 0, \.\.\.\)` takes the\s+right-hand branch at 0/);
  });

  await t.step("Maxout's ties pass the gradient to x1", () => {
    const axis = new Float32Array([0, 1, 2]);
    const [d1, d2] = activation2d("maxout", { x1: axis, x2: axis }).jacobian[0];
    for (let k = 0; k < 3; k++) {
      assert.equal(d1.values[4 * k], 1, "on the diagonal");
      assert.equal(d2.values[4 * k], 0);
    }
    assert.ok(markdown.includes("is 1\nwhere $x_1 \\ge x_2$ and 0 elsewhere"));
    assert.ok(!markdown.includes("x_1 > x_2$ and 0 elsewhere"));
  });

  await t.step("the original's tanh, in float64: NaN past 709.78, f' 0 past about 355", () => {
    const tanh = (x: number) => (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
    assert.ok(Number.isFinite(tanh(709.78)) && Number.isNaN(tanh(709.79)));
    // its derivative goes through (e^x + e^-x)^2, which overflows between 354 and 356
    const square = (x: number) => (Math.exp(x) + Math.exp(-x)) ** 2;
    assert.ok(Number.isFinite(square(354.8)) && square(355) === Infinity);
    // float32's exp overflows past 88.72
    assert.ok(Math.fround(Math.exp(88.72)) < Infinity && Math.fround(Math.exp(88.73)) === Infinity);
    for (const claim of ["$|x| > 709.78$", "$|x| \\approx 355$", "$|x| = 88.7$", "float64"]) {
      assert.ok(markdown.includes(claim), claim);
    }
    assert.ok(!markdown.includes("$|x| > 88$ in float32"));
  });

  await t.step("the slider figures' derivative read-outs show f'(x), as the note says", () => {
    // the page reads out at the pointer each panel's program output under its label
    // (what it shows is checked in Chromium, tests/sliders_test.ts)
    const panels = sliderFigure("leaky_relu").config.panels;
    assert.deepEqual(
      panels.map((p) => [p.window, p.output, p.label]),
      [["function", 0, "f(x)"], ["derivative", 1, "f'(x)"]],
    );
    // and so do the static figures' hover read-outs
    const svg = parseSvg(activationFigure("leaky_relu", { params: { alpha: 0.3 } }).svg());
    const readOuts = Array.from(svg.querySelectorAll("title"), (t) => t.textContent ?? "");
    assert.ok(readOuts.includes("x = -2.0, f'(x) = 0.3"), readOuts.slice(0, 5).join("; "));
    assert.ok(readOuts.includes("x = -2.0, f(x) = -0.6"), readOuts.slice(0, 5).join("; "));
    assert.match(
      markdown,
      /[*_]Fixed from the original:[*_]\s+the hover read-outs of its slider figures'/,
    );
    assert.match(markdown, /showed \$f\(x\)\$, not \$f'\(x\)\$/);
  });

  await t.step("nothing is disposed, and the text says nothing needs to be", () => {
    assert.ok(!/\.dispose\(/.test(code));
    assert.match(markdown, /nothing here needs disposing of/);
  });

  await t.step("the non-linear network's title comes from the network", () => {
    const network = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
    assert.equal(networkLabel(network), "ELU");
    network.dispose();
    assert.ok(!code.includes('"Decision Boundary (ELU)"'));
    assert.ok(code.includes("`Decision Boundary (${networkLabel(nonlinear)})`"));
  });

  await t.step("the Before panel is explained, and the original's file is the After alone", () => {
    assert.match(markdown, /exported that picture alone as `Nonlinear Transformation\.png`/);
    assert.ok(code.includes('save(after, "Nonlinear Transformation")'));
  });
});

Deno.test("the playground's notes match the library", async (t) => {
  // the Markdown with its line breaks as spaces (deno fmt reflows it)
  const notes = cells(PLAYGROUND, "markdown").join("\n").replace(/\s+/g, " ");
  const score = async (dataset: string, overrides: SettingOverrides, seed: number) =>
    runMetrics(await trainPlayground(playgroundSettings(dataset, { ...overrides, seed })));

  await t.step("the settings cells are tagged parameters; the example command uses them", () => {
    const tagged = PLAYGROUND.cells.filter((c) =>
      (c.metadata as { tags?: string[] } | undefined)?.tags?.includes("parameters")
    ).map((c) => text(c.source));
    assert.equal(tagged.length, 2);
    assert.match(tagged[0], /^let dataset = "spiral";$/m);
    assert.match(tagged[0], /^let activation: string \| null = null;$/m);
    assert.match(tagged[1], /^let seed = 1;$/m);
    assert.ok(
      notes.includes(
        "./denow task run --param dataset=spiral --param activation=gelu notebooks/nonlinearity_playground.ipynb",
      ),
    );
  });

  await t.step(
    "the spiral: 60 to 67% for Playground's default, 96 to 99% for 16-16, 99% for the preset",
    async () => {
      assert.match(
        notes,
        /stays at 60 to 67% on the test points \(seeds 1 to 3, 300 epochs\); two layers of 16 with Adam reach 96 to 99%/,
      );
      const small = {
        features: ["x1", "x2"],
        hidden: [4, 2],
        optimizer: "sgd",
        learningRate: 0.03,
        epochs: 300,
      } as const;
      for (const seed of [1, 2, 3]) {
        const a = (await score("spiral", small, seed)).testAccuracy;
        assert.ok(a >= 0.595 && a < 0.675, `4-2, seed ${seed}: ${a}`);
        const b = (await score("spiral", { features: ["x1", "x2"] }, seed)).testAccuracy;
        assert.ok(b >= 0.955 && b < 0.995, `16-16, seed ${seed}: ${b}`);
        assert.ok((await score("spiral", {}, seed)).testAccuracy >= 0.99, `preset, seed ${seed}`);
      }
    },
  );

  await t.step("ReLU stalled at 0.5 on the old circle; others reached 0.95 to 1", async () => {
    assert.match(notes, /ReLU and ReLU6 ended at accuracy 0\.5/);
    assert.match(notes, /Tanh, ELU and Leaky ReLU reached 0\.95 to 1/);
    const data = makeDataset("circle", { seed: 3, noise: 0.2 });
    for (const activation of ["relu", "relu6", "tanh", "elu", "leaky_relu"]) {
      const net = createNetwork({ hidden: [16, 2], activation }, { seed: 3 });
      const accuracy = (await train(net, data, { epochs: 200, learningRate: 0.01 })).accuracy.at(
        -1,
      )!;
      const dead = deadUnits(net, data.x)[1].dead;
      net.dispose();
      if (activation.startsWith("relu")) {
        assert.equal(accuracy, 0.5, activation);
        assert.equal(dead, 2, activation);
      } else {
        assert.ok(accuracy >= 0.95, `${activation}: ${accuracy}`);
      }
    }
  });

  await t.step("on Playground's centred circle the same ReLU network reaches 100%", async () => {
    assert.match(
      notes,
      /the same 16-2 ReLU network reaches 100% on the test points for seeds 1 to 3/,
    );
    for (const seed of [1, 2, 3]) {
      const m = await score("circle", { activation: "relu", hidden: [16, 2] }, seed);
      assert.equal(m.testAccuracy, 1, `seed ${seed}`);
    }
  });
});
