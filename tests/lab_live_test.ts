// Training you can watch, in JupyterLab in Chromium: while a cell runs trainLive(), its
// output shows the boundary and the loss updating in place; when the cell is done, the
// same output is the epoch slider, and the slider works.
import assert from "node:assert/strict";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { openNotebook, startLab, waitForIdle } from "./jupyterlab.ts";
import { codeNotebook, ROOT } from "./notebook_files.ts";

const NOTEBOOK = codeNotebook([
  'import { createNetwork, makeDataset, trainLive } from "../lib/mod.ts";',
  'const data = makeDataset("spiral", { seed: 1 });',
  "const net = createNetwork({ hidden: [16, 16], activation: 'tanh' }, { seed: 1 });\n" +
  "const run = await trainLive(net, data, { epochs: 2000, seed: 1 });",
]);

Deno.test({
  name: "JupyterLab: trainLive() shows training as it happens, then the epoch slider",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const scratch = await Deno.makeTempDir({ prefix: "lab-live-" });
    await Deno.writeTextFile(`${scratch}/live.ipynb`, NOTEBOOK);
    const lab = await startLab([`${scratch}/live.ipynb`]);
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
      await openNotebook(page, lab, "live.ipynb");
      // run the first two cells, then the training cell, watching its output
      for (let k = 0; k < 2; k++) {
        await page.keyboard.press("Shift+Enter");
        await waitForIdle(page, 60_000);
      }
      await page.keyboard.press("Shift+Enter");
      const seen = new Set<string>();
      const deadline = Date.now() + 120_000;
      let busy = true;
      while (busy && Date.now() < deadline) {
        const state = await page.evaluate(() => ({
          caption: document.querySelector(".live-training p")?.textContent ?? "",
          busy: document.querySelector(".jp-Notebook-ExecutionIndicator")
            ?.getAttribute("data-status") !== "idle",
        }));
        if (state.caption) seen.add(state.caption);
        busy = state.busy || seen.size === 0 && Date.now() < deadline - 110_000;
        await new Promise((r) => setTimeout(r, 40));
      }
      await waitForIdle(page, 60_000);
      await page.screenshot({ path: `${ROOT}/out/screenshots/lab-live-training.png` });
      const epochs = [...seen].map((c) => Number(c.match(/^epoch (\d+)\//)?.[1]));
      assert.ok(seen.size >= 3, `only ${seen.size} live updates seen: ${[...seen].join(" | ")}`);
      assert.ok(epochs.every((e, k) => k === 0 || e > epochs[k - 1]), epochs.join());
      // afterwards: the epoch slider in the same output, and it moves
      await page.waitForSelector(".esf[data-esf-ready]", { timeout: 30_000 });
      assert.equal(await page.locator(".live-training").count(), 0);
      const slider = page.locator('.esf input[type="range"]');
      await slider.focus();
      await page.keyboard.press("Home");
      assert.equal(
        await page.locator(".esf").getAttribute("data-esf-frame"),
        "0",
      );
      assert.match(await page.locator(".esf output").innerText(), /^epoch 0 \(before training\)$/);
      await page.close();
    } finally {
      await close();
      await lab.stop();
      await Deno.remove(scratch, { recursive: true });
    }
  },
});
