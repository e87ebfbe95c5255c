/// <reference lib="dom" />
// Trusted and untrusted outputs side by side in one JupyterLab page, in Chromium. A notebook
// run in Lab is trusted: its figures are live SVG with sliders. An executed notebook opened
// later (here: the main job's copy) is untrusted: JupyterLab strips its styles, SVG and
// scripts, and each figure falls back to its still picture. The trusted outputs' styles must
// not reach the untrusted ones (they did: they hid the pictures and showed the stripped SVG's
// text). Screenshots go to out/screenshots/.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { openNotebook, runAllCells, startLab, waitForIdle } from "./jupyterlab.ts";
import { codeNotebook, ROOT, runNotebooks } from "./notebook_files.ts";

const SCREENSHOTS = `${ROOT}/out/screenshots`;

const FIGURES = codeNotebook([
  'import { activationFigure, sliderFigure } from "../lib/mod.ts";',
  'activationFigure("elu")',
  'sliderFigure("leaky_relu")',
]);

/** What the active notebook's outputs show: pictures, live SVG, and their visible text. */
async function visible(page: Page) {
  return await page.evaluate(() => {
    const panel = [...document.querySelectorAll(".jp-NotebookPanel")]
      .find((p) => !p.classList.contains("lm-mod-hidden"))!;
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    };
    const outputs = [...panel.querySelectorAll(".jp-OutputArea-output")];
    return {
      title: panel.querySelector(".jp-NotebookPanel-toolbar")?.textContent ?? "",
      // outputs showing a picture, and outputs showing live SVG
      pictures: outputs.filter((o) =>
        [...o.querySelectorAll("img")]
          .some((img) => shown(img) && (img as HTMLImageElement).naturalWidth > 0)
      ).length,
      svgs: outputs.filter((o) => [...o.querySelectorAll("svg")].some(shown)).length,
      text: outputs.map((o) => (o as HTMLElement).innerText).join("\n"),
    };
  });
}

const skip = skipBrowserTests();

Deno.test({
  name: "JupyterLab: an untrusted notebook beside a trusted one shows its still pictures",
  ignore: skip,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const lab = await startLab([]);
    const scratch = await Deno.makeTempDir({ prefix: "lab-trust-" });
    const { browser, close } = await launchBrowser();
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    try {
      // the main job's copy, which no one has signed: untrusted in Lab
      await Deno.writeTextFile(`${lab.root}/figures.ipynb`, FIGURES);
      const run = await runNotebooks([`${lab.root}/figures.ipynb`, "--out", `${scratch}/out`]);
      assert.equal(run.code, 0, run.stderr);
      await Deno.copyFile(`${scratch}/out/notebooks/figures.ipynb`, `${lab.root}/executed.ipynb`);

      const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      await openNotebook(page, lab, "figures.ipynb");
      await runAllCells(page, 120_000);
      const trusted = await visible(page);
      assert.equal(trusted.svgs, 2, "the trusted notebook draws live SVG");

      // open the untrusted copy in the same page, from the file browser
      await page.dblclick('.jp-DirListing-item[title*="executed.ipynb"]');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll(".lm-TabBar-tab.lm-mod-current")]
            .some((t) => t.textContent?.includes("executed.ipynb")),
        undefined,
        { timeout: 30_000 },
      );
      await waitForIdle(page, 60_000);
      await page.waitForTimeout(1000);
      await page.screenshot({ path: `${SCREENSHOTS}/lab-untrusted-beside-trusted.png` });
      const untrusted = await visible(page);
      assert.equal(untrusted.svgs, 0, "an untrusted output kept its SVG");
      assert.equal(untrusted.pictures, 2, "the still pictures are hidden");
      // the stripped SVG's text (tick labels, titles) stays hidden
      assert.ok(
        untrusted.text.length < 300,
        `stripped SVG text shows: ${untrusted.text.slice(0, 200)}`,
      );
      assert.match(untrusted.text, /run the cell to use the sliders/);
      await page.close();
    } finally {
      await close();
      await lab.stop();
      await Deno.remove(scratch, { recursive: true });
    }
  },
});
