/// <reference lib="dom" />
// The epoch slider's standalone page in Chromium: opened from disk, no network, no console
// errors; keyboard and drag move through the epochs, swapping in each frame the kernel drew.
import assert from "node:assert/strict";
import { trainWithSnapshots } from "../lib/training/boundary_snapshots.ts";
import { makeDataset } from "../lib/training/datasets.ts";
import { epochSliderFigure, saveFrameSlider } from "../lib/interactive/frame_slider_figure.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../lib/training/network.ts";
import { launchBrowser, skipBrowserTests } from "./browser.ts";

Deno.test({
  name: "epochSliderFigure() page swaps frames in Chromium, offline",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const data = makeDataset("xor", { seed: 4 });
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 4 });
    const run = await trainWithSnapshots(net, data, { epochs: 30, every: 10 });
    net.dispose();
    const fig = epochSliderFigure(run, data);
    const dir = await Deno.makeTempDir({ prefix: "frame-slider-" });
    const path = saveFrameSlider(fig, "Boundary over epochs", { dir });
    const expected = JSON.parse(
      fig.html().match(/<script type="application\/json" class="fsf-data">(.*?)<\/script>/s)![1],
    );
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(String(e)));
      page.on("request", (r) => {
        if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) problems.push(r.url());
      });
      await page.goto(`file://${path}`);
      const state = () =>
        page.evaluate(() => ({
          frame: document.querySelector(".fsf")!.getAttribute("data-frame"),
          href: document.querySelector("svg image")!.getAttribute("href"),
          caption: document.querySelector(".fsf output")!.textContent,
        }));
      assert.deepEqual(await state(), {
        frame: "3",
        href: expected.images[3][0],
        caption: fig.captions[3],
      });
      const slider = page.locator('input[type="range"]');
      await slider.focus();
      await page.keyboard.press("Home");
      assert.deepEqual(await state(), {
        frame: "0",
        href: expected.images[0][0],
        caption: fig.captions[0],
      });
      await page.keyboard.press("ArrowRight");
      assert.equal((await state()).href, expected.images[1][0]);
      // drag the thumb to the right end
      const box = (await slider.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      assert.equal((await state()).frame, "3");
      // a read-out of the heatmap follows the frame
      await page.keyboard.press("Home");
      const t = expected.changing[0];
      const title = await page.evaluate(
        (i) => document.querySelectorAll("svg title")[i].textContent,
        t,
      );
      assert.equal(title, expected.titles[0][0]);
      assert.deepEqual(problems, []);
    } finally {
      await close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
