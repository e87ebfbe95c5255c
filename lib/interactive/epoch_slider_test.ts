import assert from "node:assert/strict";
import { trainWithSnapshots } from "../training/boundary_snapshots.ts";
import { makeDataset } from "../training/datasets.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
import { gridAxes } from "../training/predict.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";
import { caption, epochSliderFigure } from "./epoch_slider.ts";

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
  });
  await t.step("bad input", () => {
    assert.throws(
      () => epochSliderFigure({ ...run, snapshots: [] }, data),
      /epochSliderFigure\(run\): no snapshots/,
    );
  });
  assert.equal(tf.memory().numTensors, before);
});
