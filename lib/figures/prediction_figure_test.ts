import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork } from "../training/network.ts";
import { playgroundData, splitData } from "../training/playground_data.ts";
import { playgroundSettings, trainPlayground } from "../training/playground.ts";
import { predictionFigure, predictionGridFigure } from "./prediction_figure.ts";
import { cellCentres, gridOutputs } from "../training/predict.ts";
import { presetsFigure } from "./presets_figure.ts";
import { boundaryFigure } from "./boundary_figure.ts";
import { clippedTexts, decodePixels, parseSvg } from "../../tests/_helpers/figure_checks.ts";

// the colours of the raster's pixels, decoded from the <image> in the figure's SVG
async function rasterColors(svg: string): Promise<Set<string>> {
  const doc = parseSvg(svg);
  const href = doc.querySelector("image")!.getAttribute("href")!;
  const bytes = Uint8Array.from(atob(href.split(",")[1]), (c) => c.charCodeAt(0));
  const { data } = await decodePixels(bytes);
  const colors = new Set<string>();
  for (let k = 0; k < data.length; k += 4) colors.add(`${data[k]},${data[k + 1]},${data[k + 2]}`);
  return colors;
}

Deno.test("predictionFigure() draws every task with its points", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("three classes: one colour family per class, points filled and hollow", async () => {
    const run = await trainPlayground(playgroundSettings("blobs", { seed: 1 }));
    const fig = predictionFigure(run.network, run.train, { test: run.test, title: "Blobs" });
    const doc = parseSvg(fig.svg());
    assert.equal(fig.titles[0], "Blobs");
    const titles = Array.from(doc.querySelectorAll("circle title"), (e) => e.textContent ?? "");
    // e.g. "training (-4.04, -1.77): class 2", the point's own coordinates and class
    const point = /^(training|test) \((-?[\d.]+), (-?[\d.]+)\): class ([012])$/;
    assert.equal(
      titles.filter((s) => point.exec(s)?.[1] === "training").length,
      run.train.y.length,
    );
    assert.equal(titles.filter((s) => point.exec(s)?.[1] === "test").length, run.test.y.length);
    const [, , x1, x2, label] = point.exec(titles.find((s) => s.startsWith("training"))!)!;
    assert.ok(
      Math.abs(Number(x1) - run.train.x[0]) < 0.01 && Math.abs(Number(x2) - run.train.x[1]) < 0.01,
      `${x1}, ${x2} against the first training point ${run.train.x[0]}, ${run.train.x[1]}`,
    );
    assert.equal(Number(label), run.train.y[0]);
    assert.match(fig.svg(), /class 0.*class 1.*class 2/s);
    assert.match(fig.description, /most probable of 3 classes/);
    // discretized: exactly one flat colour per class region
    const flat = predictionFigure(run.network, run.train, { discretize: true });
    assert.equal((await rasterColors(flat.svg())).size, 3);
    assert.ok((await rasterColors(fig.svg())).size > 3);
    assert.deepEqual(clippedTexts(fig), []);
  });
  await t.step("two classes and regression", async () => {
    const net = createNetwork({ hidden: [3], activation: "tanh" }, { seed: 1 });
    const data = playgroundData("circle", { size: 40 });
    const flat = predictionFigure(net, data, { discretize: true });
    assert.ok((await rasterColors(flat.svg())).size <= 2);
    net.dispose();
    const reg = createNetwork({ hidden: [3], activation: "tanh" }, { output: "linear", seed: 1 });
    const plane = playgroundData("plane", { size: 40 });
    const { train, test } = splitData(plane, { seed: 1 });
    const fig = predictionFigure(reg, train, { test });
    assert.match(fig.description, /predicted value from -\d\.\d+ \(orange\) to \d\.\d+ \(blue\)/);
    assert.match(fig.svg(), /y = -?\d/);
    assert.equal(
      (await rasterColors(predictionFigure(reg, train, { discretize: true }).svg())).size <= 2,
      true,
    );
    reg.dispose();
  });
  await t.step("bad options and labels are refused", () => {
    const net = createNetwork({ hidden: [3], activation: "tanh" }, {
      output: "softmax",
      outputs: 3,
    });
    const blobs = playgroundData("blobs", { size: 30 });
    assert.throws(
      () => predictionFigure(net, { ...blobs, y: blobs.y.map(() => 3) }),
      /expected a class number from 0 to 2/,
    );
    assert.throws(() => predictionFigure(net, blobs, { resolution: 1 }), /below the minimum 2/);
    assert.throws(
      () => predictionFigure(net, blobs, { discretize: "yes" as never }),
      /true or false/,
    );
    net.dispose();
  });
  assert.equal(tf.memory().numTensors, base);
});

// an SVG without the numbers Plot gives its clip paths (one more with every chart)
const unnumbered = (svg: string) => svg.replace(/plot-clip-\d+/g, "plot-clip");

Deno.test("predictionGridFigure() of the network's grid outputs is predictionFigure(), byte for byte", async (t) => {
  const base = tf.memory().numTensors;
  const runs = [
    ["spiral", {}], // sigmoid, sin features computed inside the network
    ["arms", { classes: 4 }], // softmax
    ["multi-gauss", {}], // linear
  ] as const;
  for (const [dataset, overrides] of runs) {
    await t.step(dataset, async () => {
      const s = playgroundSettings(dataset, { ...overrides, epochs: 3, seed: 2 });
      const run = await trainPlayground(s);
      const net = run.network, output = net.output, outputs = net.sizes.at(-1)!;
      for (const options of [{ test: run.test, title: "P" }, { discretize: true, hover: false }]) {
        for (const resolution of [50, 7]) {
          const values = gridOutputs(net, cellCentres(run.train.extent, resolution)).values;
          const fig = predictionGridFigure(
            { values, resolution, output, outputs },
            run.train,
            options,
          );
          const ref = predictionFigure(net, run.train, { ...options, resolution });
          assert.equal(unnumbered(fig.svg()), unnumbered(ref.svg()));
        }
      }
    });
  }
  await t.step("bad predictions are refused, naming what is wrong", () => {
    const data = playgroundData("blobs", { size: 30 });
    const good = { values: new Float32Array(4 * 3), resolution: 2, output: "softmax", outputs: 3 };
    assert.throws(
      () => predictionGridFigure({ ...good, values: new Float32Array(11) } as never, data),
      /predictionGridFigure\(prediction\.values\): 11 values, expected 2 x 2 cells x 3 outputs = 12/,
    );
    assert.throws(
      () => predictionGridFigure({ ...good, output: "relu" } as never, data),
      /unknown "relu": expected one of "sigmoid", "softmax", "linear"/,
    );
    assert.throws(
      () => predictionGridFigure({ ...good, resolution: 1 } as never, data),
      /prediction\.resolution\): 1 is below the minimum 2/,
    );
    assert.throws(
      () =>
        predictionGridFigure({ ...good, outputs: 2, values: new Float32Array(8) } as never, data),
      /expected a class number from 0 to 1/,
    );
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("presetsFigure() draws each run small, its score in the title", async () => {
  const runs = await Promise.all(
    (["gauss", "plane"] as const).map((d) => trainPlayground(playgroundSettings(d, { seed: 1 }))),
  );
  const fig = presetsFigure(runs, { points: 20 });
  assert.match(fig.titles[0], /^gauss: 100\.0%$/);
  assert.match(fig.titles[1], /^plane: R² 0\.99\d$/);
  assert.equal(parseSvg(fig.svg()).querySelectorAll("circle").length, 40);
  assert.deepEqual(clippedTexts(fig), []);
  assert.throws(() => presetsFigure([]), /at least one run/);
});

Deno.test("boundaryFigure() with discretize shows only the predicted class", async () => {
  const x1 = Float32Array.from([0, 1, 2]), x2 = Float32Array.from([0, 1]);
  const values = Float32Array.from([0.1, 0.49, 0.51, 0.7, 0.2, 0.99]);
  const colors = await rasterColors(boundaryFigure({ x1, x2, values }, { discretize: true }).svg());
  assert.equal(colors.size, 2);
  assert.throws(
    () => boundaryFigure({ x1, x2, values }, { discretize: 1 as never }),
    /true or false/,
  );
});
