import assert from "node:assert/strict";
import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
import { makeDataset } from "../training/datasets.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
import { gridAxes } from "../training/predict.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";
import { caption, epochSliderFigure } from "./epoch_slider.ts";
import { cellCentres } from "../training/predict.ts";
import { playgroundData, splitData } from "../training/playground_data.ts";
import { gridDataUrl, predictionRgb, predictionScale } from "../figures/playground_colors.ts";
import { predictionFigure } from "../figures/prediction_figure.ts";
import { decodePixels, parseSvg } from "../../tests/_helpers/figure_checks.ts";

function embedded(html: string) {
  return JSON.parse(
    html.match(/<script type="application\/json" class="esf-data">(.*?)<\/script>/s)![1],
  );
}

Deno.test("epochSliderFigure() holds a small frame per snapshot and the training curves", async (t) => {
  const before = tf.memory().numTensors;
  const data = makeDataset("xor", { seed: 2 });
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 2 });
  const run = await trainWithSnapshots(net, data, {
    epochs: 20,
    every: 10,
    axes: gridAxes([[0, 10], [0, 10]], 50),
  });
  net.dispose();
  const fig = epochSliderFigure(run, data, { title: "Decision Boundary (ELU)" });
  const config = embedded(fig.html());
  await t.step("one WebP frame, epoch, loss and accuracy per snapshot", () => {
    assert.equal(fig.frames, 3);
    assert.deepEqual(config.epochs, [0, 10, 20]);
    assert.ok(config.frames.every((f: string) => f.startsWith("data:image/webp;base64,")));
    assert.notEqual(config.frames[0], config.frames[2]);
    assert.deepEqual(config.losses[0], null);
    assert.equal(config.losses[2], run.history.loss[19]);
    assert.equal(config.start, 2);
  });
  await t.step("captions say the epoch and its numbers", () => {
    assert.equal(caption(config, 0), "epoch 0 (before training)");
    assert.match(caption(config, 2), /^epoch 20: loss \d\.\d{4}, accuracy \d+\.\d%$/);
  });
  await t.step("the boundary and the training curves, with their scales for the marker", () => {
    assert.match(fig.still.svg(), /Decision Boundary \(ELU\)/);
    assert.equal(config.firstCurve, 1);
    assert.equal(config.curves.length, 2); // loss and accuracy
    assert.deepEqual(config.curves[0].x.domain[1], 20);
  });
  await t.step("a small page, offline; a still picture for untrusted notebooks", () => {
    const page = fig.html();
    assert.ok(page.length < 200_000, `${page.length} bytes`);
    assert.doesNotMatch(page, /https?:\/\/(?!www\.w3\.org\/)/);
    const bundle = fig[JUPYTER_DISPLAY]();
    assert.match(bundle["text/html"], /<img class="afig-still"/);
    assert.match(bundle["text/plain"], /slider over 3 epochs from 0 to 20/);
    // untrusted: the sanitizer drops <style>, <svg> and <script>; the picture and the note stay
    const sanitized = bundle["text/html"].replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, "");
    assert.match(
      sanitized,
      /<p class="esf-note">epoch 20[^<]*\(run the cell to use the epoch slider\)/,
    );
    assert.doesNotMatch(fig.html(), /<p class="esf-note"/); // a page has a working slider
  });
  await t.step("bad input", () => {
    assert.throws(
      () => epochSliderFigure({ ...run, snapshots: [] }, data),
      /epochSliderFigure\(run\): no snapshots/,
    );
  });
  assert.equal(tf.memory().numTensors, before);
});

// the pixels of a PNG or WebP data URL
async function pixels(url: string): Promise<Uint8ClampedArray> {
  return (await decodePixels(Uint8Array.from(atob(url.split(",")[1]), (c) => c.charCodeAt(0))))
    .data;
}

Deno.test("epochSliderFigure() prediction view: any task, the playground's colours", async (t) => {
  const before = tf.memory().numTensors;
  const cases = [
    ["arms", { hidden: [8], activation: "tanh" }, { output: "softmax", outputs: 3 }],
    ["plane", { hidden: [3], activation: "tanh", features: ["x1", "x2^2"] }, { output: "linear" }],
    ["circle", { hidden: [4], activation: "tanh" }, {}],
  ] as const;
  for (const [name, spec, options] of cases) {
    await t.step(name, async () => {
      const all = playgroundData(name, { size: 120, seed: 3 });
      const { train, test } = splitData(all, { seed: 3 });
      const net = createNetwork(spec, { ...options, seed: 3 });
      const axes = cellCentres(all.extent, 30);
      const run = await trainWithSnapshots(net, train, {
        epochs: 6,
        every: 3,
        axes,
        testData: test,
      });
      const fig = epochSliderFigure(run, train, { test, view: "prediction" });
      const config = embedded(fig.html());
      assert.equal(fig.frames, 3);
      assert.ok(config.frames.every((f: string) => f.startsWith("data:image/png;base64,")));
      // every frame is predictionRgb() of its snapshot; the last is the still's picture and,
      // pixel for pixel, predictionFigure() of the trained network at the same resolution
      const scale = predictionScale(net.output, net.sizes.at(-1)!, { targets: [train.y, test.y] });
      run.snapshots.forEach((s, k) => {
        assert.equal(config.frames[k], gridDataUrl(predictionRgb(s.values, scale), 30, 30));
      });
      const image = (svg: string) => parseSvg(svg).querySelector("image")!.getAttribute("href")!;
      assert.equal(image(fig.still.svg()), config.frames[2]);
      const reference = predictionFigure(net, train, { test, resolution: 30 });
      assert.deepEqual(await pixels(config.frames[2]), await pixels(image(reference.svg())));
      // training and test points, and the test curves
      const doc = parseSvg(fig.still.svg());
      assert.equal(
        doc.querySelector('[aria-description="training points"]')!.children[0].children.length,
        train.y.length,
      );
      assert.equal(config.testLosses[2], run.history.test!.loss[5]);
      assert.equal(config.testLosses[0], null);
      if (name === "plane") {
        assert.equal(config.curves.length, 1); // loss only
        assert.match(caption(config, 2), /^epoch 6: loss \d\.\d{4}; test loss \d\.\d{4}$/);
      } else {
        assert.equal(config.curves.length, 2);
        assert.match(
          caption(config, 1),
          /^epoch 3: loss \d\.\d{4}, accuracy \d+\.\d%; test loss \d\.\d{4}, accuracy \d+\.\d%$/,
        );
      }
      assert.match(fig.still.svg(), /Training: Loss/);
      assert.equal(fig.still.titles[0], "Prediction");
      net.dispose();
    });
  }
  await t.step(
    "the view: defaults by output layer, bad values named with the choices",
    async () => {
      const all = playgroundData("blobs", { size: 40 });
      const net = createNetwork({ hidden: [3], activation: "tanh" }, {
        output: "softmax",
        outputs: 3,
      });
      const run = await trainWithSnapshots(net, all, {
        epochs: 2,
        every: 1,
        axes: cellCentres(all.extent, 10),
      });
      net.dispose();
      assert.equal(epochSliderFigure(run, all).still.titles[0], "Prediction");
      assert.throws(
        () => epochSliderFigure(run, all, { view: "boundary" }),
        /^RangeError: Invalid option view: "boundary" draws P\(class 1\) of a sigmoid output, not a softmax one: expected "prediction"$/,
      );
      assert.throws(
        () => epochSliderFigure(run, all, { view: "movie" as never }),
        /^RangeError: Invalid option view: unknown "movie": expected one of "boundary", "prediction"$/,
      );
      assert.throws(
        () => epochSliderFigure({ ...run, x2: run.x2.slice(1) }, all),
        /epochSliderFigure\(run\): the prediction view needs n x n cells, got 10 x 9/,
      );
    },
  );
  assert.equal(tf.memory().numTensors, before);
});
