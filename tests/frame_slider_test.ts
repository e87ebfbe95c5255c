// The epoch slider's standalone page in Chromium: opened from disk, no network, no console
// errors; keyboard and drag move through the epochs, swapping in each snapshot's frame and
// moving the marker on the training curves to that epoch.
import assert from "node:assert/strict";
import { trainWithSnapshots } from "../lib/training/boundary_snapshots.ts";
import { makeDataset } from "../lib/training/datasets.ts";
import { cellCentres, gridAxes } from "../lib/training/predict.ts";
import { playgroundData, splitData } from "../lib/training/playground_data.ts";
import { caption, epochSliderFigure } from "../lib/interactive/epoch_slider.ts";
import { saveFrameSlider } from "../lib/interactive/frame_slider_figure.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../lib/training/network.ts";
import { launchBrowser, skipBrowserTests } from "./browser.ts";

Deno.test({
  name: "epochSliderFigure() page swaps frames and moves the epoch marker in Chromium, offline",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const data = makeDataset("xor", { seed: 4 });
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const axes = gridAxes([[0, 10], [0, 10]], 50);
    const run = await trainWithSnapshots(net, data, { epochs: 30, every: 10, axes });
    net.dispose();
    const fig = epochSliderFigure(run, data);
    const dir = await Deno.makeTempDir({ prefix: "frame-slider-" });
    const path = saveFrameSlider(fig, "Boundary over epochs", { dir });
    const { config } = fig;
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.route(/^(?!file:|data:)/, (route) => {
        problems.push(route.request().url());
        return route.abort();
      });
      await page.goto(`file://${path}`);
      await page.waitForSelector(".esf[data-esf-ready]");
      const state = () =>
        page.evaluate(() => ({
          frame: document.querySelector(".esf")!.getAttribute("data-esf-frame"),
          href: document.querySelector('g[aria-description="heatmap"] image')!.getAttribute("href"),
          caption: document.querySelector(".esf output")!.textContent,
          marker: [...document.querySelectorAll('line[data-esf="epoch"]')].map((l) =>
            Number(l.getAttribute("x1"))
          ),
        }));
      // the pixel of an epoch on the first training chart, from the scales the figure handed over
      const pixel = (epoch: number) => {
        const { domain: [d0, d1], range: [r0, r1] } = config.curves[0].x;
        return r0 + (epoch - d0) * (r1 - r0) / (d1 - d0);
      };
      let s = await state();
      assert.equal(s.frame, "3");
      assert.equal(s.href, config.frames[3]);
      assert.equal(s.caption, caption(config, 3));
      assert.equal(s.marker.length, 2, "a marker on the loss and on the accuracy chart");
      assert.ok(Math.abs(s.marker[0] - pixel(30)) < 1e-6);
      const slider = page.locator('input[type="range"]');
      await slider.focus();
      await page.keyboard.press("Home");
      s = await state();
      assert.deepEqual([s.frame, s.href, s.caption], ["0", config.frames[0], caption(config, 0)]);
      await page.keyboard.press("ArrowRight");
      s = await state();
      assert.equal(s.href, config.frames[1]);
      assert.ok(Math.abs(s.marker[0] - pixel(10)) < 1e-6);
      // drag the thumb to the right end
      const box = (await slider.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      assert.equal((await state()).frame, "3");
      assert.deepEqual(problems, []);
    } finally {
      await close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "epochSliderFigure()'s prediction view swaps the playground's frames in Chromium",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const { train, test } = splitData(playgroundData("arms", { size: 150, seed: 4 }), { seed: 4 });
    const net = createNetwork({ hidden: [8], activation: "tanh" }, {
      output: "softmax",
      outputs: 3,
      seed: 4,
    });
    const axes = cellCentres(train.extent, 50);
    const run = await trainWithSnapshots(net, train, {
      epochs: 30,
      every: 10,
      axes,
      testData: test,
    });
    net.dispose();
    const fig = epochSliderFigure(run, train, { test });
    const dir = await Deno.makeTempDir({ prefix: "frame-slider-" });
    const path = saveFrameSlider(fig, "Prediction over epochs", { dir });
    const { config } = fig;
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.goto(`file://${path}`);
      await page.waitForSelector(".esf[data-esf-ready]");
      const state = () =>
        page.evaluate(() => ({
          href: document.querySelector("svg[data-chart] image")!.getAttribute("href"),
          caption: document.querySelector(".esf output")!.textContent,
          markers: document.querySelectorAll('line[data-esf="epoch"]').length,
        }));
      let s = await state();
      assert.deepEqual(s, { href: config.frames[3], caption: caption(config, 3), markers: 2 });
      assert.match(s.caption!, /; test loss \d\.\d{4}, accuracy \d+\.\d%$/);
      await page.locator('input[type="range"]').focus();
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowRight");
      s = await state();
      assert.deepEqual([s.href, s.caption], [config.frames[1], caption(config, 1)]);
      assert.deepEqual(problems, []);
    } finally {
      await close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
