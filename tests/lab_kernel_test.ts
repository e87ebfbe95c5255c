/// <reference lib="dom" />
// The project's kernel as a JupyterLab user meets it, in Chromium: Run All stops at the first
// error and leaves no stale output behind, a syntax error shows the compiler's message, a
// chatty cell keeps all of its output and the next cell its own, and cells that end with an
// expression all show it. Screenshots go to out/screenshots/.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { openNotebook, startLab, waitForIdle } from "./jupyterlab.ts";
import { codeNotebook, ROOT } from "./notebook_files.ts";

const SCREENSHOTS = `${ROOT}/out/screenshots`;

/** A notebook of code cells; `stale` gives cells outputs from an imaginary earlier run. */
function notebook(cells: string[], stale: Record<number, string> = {}): string {
  return codeNotebook(cells, { stale });
}

/** Run > Run All Cells, then wait until the kernel is idle and no cell is queued. */
async function runAll(page: Page, timeout = 120_000): Promise<void> {
  await page.click('.lm-MenuBar-itemLabel:text-is("Run")');
  await page.click('.lm-Menu-itemLabel:text-is("Run All Cells")');
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")].every((p) =>
        !/\*/.test(p.textContent ?? "")
      ),
    undefined,
    { timeout, polling: 250 },
  );
  await waitForIdle(page, timeout);
}

/** Each code cell's prompt ("[3]:", "[ ]:") and the text of its outputs. */
async function cells(page: Page): Promise<{ prompt: string; output: string }[]> {
  return await page.$$eval(".jp-Notebook .jp-CodeCell", (nodes) =>
    nodes.map((cell) => ({
      prompt: cell.querySelector(".jp-InputPrompt")?.textContent?.trim() ?? "",
      output: [...cell.querySelectorAll(".jp-OutputArea-output")].map((o) => o.textContent ?? "")
        .join("\n"),
    })));
}

const skip = skipBrowserTests();

Deno.test({
  name: "JupyterLab with the project's kernel: errors stop Run All, outputs stay in their cells",
  ignore: skip,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const files = await Deno.makeTempDir({ prefix: "lab-kernel-" });
    const write = (name: string, content: string) =>
      Deno.writeTextFile(`${files}/${name}`, content);
    await write(
      "errors.ipynb",
      notebook([
        "console.log('first ran')",
        "throw new Error('the second cell fails')",
        "console.log('third ran'); 3",
        "'fourth'",
      ], { 2: "stale output of an earlier run\n", 3: "another stale output\n" }),
    );
    await write("typo.ipynb", notebook(["const total = 1 +;", "'after the typo'"]));
    await write(
      "chatty.ipynb",
      notebook([
        "for (let i = 0; i < 20000; i++) console.log(`line ${i}`);\nconsole.error('to stderr');\n'first result'",
        "'second result'",
        ...Array.from({ length: 30 }, (_, i) => `({ cell: ${i} })`),
      ]),
    );
    await write(
      "awaiting.ipynb",
      notebook(["const kept = 1", "await new Promise(() => {})", "typeof kept"]),
    );
    const lab = await startLab(
      ["errors.ipynb", "typo.ipynb", "chatty.ipynb", "awaiting.ipynb"].map((n) => `${files}/${n}`),
    );
    const { browser, close } = await launchBrowser();
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    try {
      await t.step(
        "Run All stops at the cell that throws; later cells neither run nor keep stale output",
        async () => {
          const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
          await openNotebook(page, lab, "errors.ipynb");
          await runAll(page);
          await page.screenshot({ path: `${SCREENSHOTS}/lab-run-all-error.png` });
          const seen = await cells(page);
          assert.match(seen[0].output, /first ran/);
          assert.match(seen[1].output, /the second cell fails/);
          for (const later of seen.slice(2)) {
            assert.doesNotMatch(later.output, /ran|stale|fourth/, JSON.stringify(later));
            assert.doesNotMatch(
              later.prompt,
              /\d/,
              `an aborted cell shows a count: ${later.prompt}`,
            );
          }
          await page.close();
        },
      );

      await t.step(
        "a syntax error shows the compiler's message, and the next cell is not run",
        async () => {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          await openNotebook(page, lab, "typo.ipynb");
          await runAll(page);
          await page.screenshot({ path: `${SCREENSHOTS}/lab-syntax-error.png` });
          const seen = await cells(page);
          assert.match(seen[0].output, /SyntaxError/);
          assert.match(seen[0].output, /Expression expected/);
          assert.match(seen[0].output, /1 \| const total = 1 \+;/);
          assert.doesNotMatch(seen[1].output, /after the typo/);
          await page.close();
        },
      );

      await t.step("20,000 lines stay in their cell; every cell shows its own result", async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
        await openNotebook(page, lab, "chatty.ipynb");
        await runAll(page, 300_000);
        await page.screenshot({ path: `${SCREENSHOTS}/lab-chatty.png` });
        const seen = await cells(page);
        assert.match(seen[0].output, /line 0\n/);
        assert.match(seen[0].output, /line 19999/);
        assert.match(seen[0].output, /to stderr/);
        assert.match(seen[0].output, /"first result"/);
        assert.equal(seen[1].output.trim(), '"second result"');
        for (let i = 0; i < 30; i++) {
          assert.equal(seen[i + 2].output.trim(), `{ cell: ${i} }`, `cell ${i + 3}`);
        }
        await page.close();
      });

      await t.step(
        "interrupting a cell that awaits: it says so, Run All stops, the kernel carries on without a restart dialog",
        async () => {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          await openNotebook(page, lab, "awaiting.ipynb");
          await page.click('.lm-MenuBar-itemLabel:text-is("Run")');
          await page.click('.lm-Menu-itemLabel:text-is("Run All Cells")');
          await page.waitForTimeout(1500); // the second cell is awaiting
          await page.click('.lm-MenuBar-itemLabel:text-is("Kernel")');
          await page.click('.lm-Menu-itemLabel:text-is("Interrupt Kernel")');
          await page.waitForFunction(
            () => /restarted with no variables/.test(document.body.textContent ?? ""),
            undefined,
            { timeout: 30_000 },
          );
          await waitForIdle(page, 60_000);
          await page.waitForTimeout(6000); // JupyterLab's "kernel died" dialog came about 5 s later
          await page.screenshot({ path: `${SCREENSHOTS}/lab-interrupt-await.png` });
          assert.equal(await page.locator(".jp-Dialog").count(), 0, "a dialog opened");
          let seen = await cells(page);
          assert.match(seen[1].output, /Interrupted while awaiting/);
          assert.doesNotMatch(seen[2].prompt, /\d/, "the cell after it ran");
          // the same kernel runs the next cell, with a fresh Deno behind it
          await page.click(".jp-Notebook .jp-CodeCell:nth-child(3) .jp-InputArea-editor");
          await page.keyboard.press("Shift+Enter");
          await page.waitForFunction(
            () => /"undefined"/.test(document.body.textContent ?? ""),
            undefined,
            { timeout: 30_000 },
          );
          seen = await cells(page);
          assert.equal(seen[2].output.trim(), '"undefined"');
          await page.close();
        },
      );
    } finally {
      await close();
      await lab.stop();
      await Deno.remove(files, { recursive: true });
    }
  },
});
