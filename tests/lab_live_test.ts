// Training you can watch, in JupyterLab in Chromium: while a cell runs trainLive() (the
// original's boundary) or watchPlayground() (the playground's prediction, here three
// classes with test points), its output shows the picture and the curves updating in
// place; when the cell is done, the same output is the epoch slider, and the slider works.
// Screenshots (mid-training and the slider) go to out/screenshots/.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { openNotebook, startLab, waitForIdle } from "./jupyterlab.ts";
import { codeNotebook, ROOT } from "./notebook_files.ts";

const NOTEBOOK = codeNotebook([
  "import {\n  createNetwork,\n  makeDataset,\n  playgroundSettings,\n  trainLive,\n" +
  '  watchPlayground,\n} from "../lib/mod.ts";',
  'const data = makeDataset("spiral", { seed: 1 });',
  "const net = createNetwork({ hidden: [16, 16], activation: 'tanh' }, { seed: 1 });\n" +
  "const run = await trainLive(net, data, { epochs: 2000, seed: 1 });",
  'const arms = playgroundSettings("arms", { classes: 3, epochs: 1200, seed: 1 });\n' +
  "const watched = await watchPlayground(arms);",
]);
const SCREENSHOTS = `${ROOT}/out/screenshots`;

/** What one cell's live view showed while it ran: its captions and pictures, in order. */
interface Watched {
  captions: string[];
  frames: string[];
}

// Runs the `index`-th cell and records its live view until the kernel is idle.
async function runAndWatch(page: Page, index: number, screenshot?: string): Promise<Watched> {
  await page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-InputArea-editor").click();
  await page.keyboard.press("Shift+Enter");
  const captions: string[] = [], frames: string[] = [];
  const deadline = Date.now() + 180_000;
  let busy = true, shot = false;
  while (busy && Date.now() < deadline) {
    const state = await page.evaluate((k) => {
      const cell = document.querySelectorAll(".jp-Notebook .jp-Cell")[k];
      const live = cell?.querySelector(".live-training");
      return {
        caption: live?.querySelector("p")?.textContent ?? "",
        frame: live?.querySelector("image")?.getAttribute("href") ?? "",
        busy: document.querySelector(".jp-Notebook-ExecutionIndicator")
          ?.getAttribute("data-status") !== "idle",
      };
    }, index);
    if (state.caption && state.caption !== captions.at(-1)) captions.push(state.caption);
    if (state.frame && state.frame !== frames.at(-1)) frames.push(state.frame);
    if (screenshot && !shot && captions.length === 4) {
      await page.screenshot({ path: screenshot });
      shot = true;
    }
    busy = state.busy || captions.length === 0 && Date.now() < deadline - 170_000;
    await new Promise((r) => setTimeout(r, 40));
  }
  await waitForIdle(page, 60_000);
  return { captions, frames };
}

// The epoch slider in the `index`-th cell: its caption and picture after Home.
async function sliderAtStart(page: Page, index: number) {
  const cell = page.locator(".jp-Notebook .jp-Cell").nth(index);
  await cell.locator(".esf[data-esf-ready]").waitFor({ timeout: 30_000 });
  assert.equal(await cell.locator(".live-training").count(), 0);
  await cell.locator('.esf input[type="range"]').focus();
  await page.keyboard.press("Home");
  return {
    frame: await cell.locator(".esf").getAttribute("data-esf-frame"),
    caption: await cell.locator(".esf output").innerText(),
    href: await cell.locator("svg[data-chart] image").first().getAttribute("href"),
    frames: JSON.parse(await cell.locator("script.esf-data").textContent() ?? "{}")
      .frames as string[],
  };
}

Deno.test({
  name:
    "JupyterLab: trainLive() and watchPlayground() show training as it happens, then the slider",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const scratch = await Deno.makeTempDir({ prefix: "lab-live-" });
    await Deno.writeTextFile(`${scratch}/live.ipynb`, NOTEBOOK);
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    const lab = await startLab([`${scratch}/live.ipynb`]);
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
      await openNotebook(page, lab, "live.ipynb");
      // run the first two cells, then each training cell, watching its output
      for (let k = 0; k < 2; k++) {
        await page.keyboard.press("Shift+Enter");
        await waitForIdle(page, 60_000);
      }

      await t.step("trainLive(): the boundary and the loss, then the slider", async () => {
        const seen = await runAndWatch(page, 2);
        await page.screenshot({ path: `${SCREENSHOTS}/lab-live-training.png` });
        const epochs = seen.captions.map((c) => Number(c.match(/^epoch (\d+)\//)?.[1]));
        assert.ok(epochs.length >= 3, `only ${epochs.length} live updates seen`);
        assert.ok(epochs.every((e, k) => k === 0 || e > epochs[k - 1]), epochs.join());
        const start = await sliderAtStart(page, 2);
        assert.equal(start.frame, "0");
        assert.match(start.caption, /^epoch 0 \(before training\)$/);
      });

      await t.step("watchPlayground(): three classes, test points, then the slider", async () => {
        const seen = await runAndWatch(page, 3, `${SCREENSHOTS}/lab-live-playground.png`);
        const epochs = seen.captions.map((c) => Number(c.match(/^epoch (\d+)\/1200/)?.[1]));
        assert.ok(epochs.length >= 3, `only ${epochs.length} live updates: ${seen.captions}`);
        assert.ok(epochs.every((e, k) => k === 0 || e > epochs[k - 1]), epochs.join());
        // paced: it opens before the first epoch, then shows every frame the slider keeps
        assert.equal(seen.captions[0], "epoch 0/1200: before training");
        for (const caption of seen.captions.slice(1)) {
          assert.match(caption, /accuracy \d+\.\d%; test loss \d\.\d{4}, accuracy \d+\.\d%$/);
        }
        await page.screenshot({ path: `${SCREENSHOTS}/lab-live-playground-slider.png` });
        const start = await sliderAtStart(page, 3);
        assert.equal(start.frame, "0");
        assert.match(start.caption, /^epoch 0 \(before training\)$/);
        assert.equal(start.href, start.frames[0]);
        // every picture watched was one of the slider's frames, in order, and (paced: each
        // shows for at least 150 ms; this polls every 40 ms) nearly all of them were watched
        const order = seen.frames.map((f) => start.frames.indexOf(f));
        assert.ok(order.every((k, i) => k >= 0 && (i === 0 || k > order[i - 1])), `${order}`);
        assert.ok(order.length >= 0.8 * start.frames.length, `${order.length} frames watched`);
        await page.keyboard.press("End");
        const cell = page.locator(".jp-Notebook .jp-Cell").nth(3);
        assert.match(
          await cell.locator(".esf output").innerText(),
          /^epoch 1200: loss \d\.\d{4}, accuracy \d+\.\d%; test loss \d\.\d{4}, accuracy/,
        );
        assert.equal(
          await cell.locator("svg[data-chart] image").first().getAttribute("href"),
          start.frames.at(-1),
        );
      });
      await page.close();
    } finally {
      await close();
      await lab.stop();
      await Deno.remove(scratch, { recursive: true });
    }
  },
});
