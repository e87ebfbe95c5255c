/// <reference lib="dom" />
// JupyterLab in a real browser: the project's JupyterLab serves each notebook, Chromium runs
// all cells, and we check what a user sees: no errors, every figure drawn with its title,
// hover read-outs on the curves, sliders that redraw, and - for an executed notebook opened
// later, untrusted - figures that are still visible. Screenshots go to out/screenshots/.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { openNotebook, runAllCells, startLab } from "./jupyterlab.ts";
import { notebookPaths, ROOT, runNotebooks } from "./notebook_files.ts";

/** Panel titles each notebook must draw (a subset for the notebooks that go further). */
const EXPECTED_TITLES: Record<string, string[]> = {
  "activation_functions.ipynb": [
    "Identity",
    "Identity (Derivative)",
    "Sigmoid",
    "Hyperbolic Tangent (Derivative)",
    "ReLU",
    "Leaky ReLU",
    "ELU (Derivative)",
    "Softmax (1st)",
    "Softmax (Derivative of x1)",
    "Maxout",
    "Maxout (Derivative of x1)",
    "Decision Boundary (Linear)",
    "Decision Boundary (ELU)",
    "After Nonlinear Transformation",
  ],
  "activation_gallery.ipynb": [
    "GELU",
    "GELU (Derivative)",
    "ELU (Second Derivative)",
    "Sparse Plus (Second Derivative)",
    "ReLU and smooth relatives",
    "GELU (Derivatives)",
  ],
  "two_input_activations.ipynb": [
    "Softmax (1st)",
    "Softmax (Derivative of x2)",
    "Maxout (Derivative of x1)",
    "Sparsemax (1st)",
    "GLU (Derivative of x1)",
  ],
  "depth.ipynb": [
    "Activation std (Glorot uniform)",
    "Gradient std (He normal)",
    "Gradient scale (Glorot uniform)",
    "Gradient scale (gain)",
    "Dead units (He normal)",
    "Final accuracy by depth",
    "Epochs to 95% by depth",
    "Pre-activation std at layer 50",
    "Pre-activation std (gain)",
    "Activation mean (LeCun normal)",
  ],
  "nonlinearity_playground.ipynb": [
    "Training and test: Loss",
    "Training and test: Accuracy",
    "Prediction (Hyperbolic Tangent)",
    "Inside the network (Hyperbolic Tangent)",
    "gauss: 100.0%",
    "spiral: 99.2%",
    "multi-gauss: R² 0.972",
  ],
};

const SCREENSHOTS = `${ROOT}/out/screenshots`;
const skip = skipBrowserTests();

async function outputErrors(page: Page): Promise<string[]> {
  return await page.$$eval(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
    (nodes) => nodes.map((n) => (n.textContent ?? "").slice(0, 300)),
  );
}

async function visibleSvgTitles(page: Page): Promise<string[]> {
  return await page.$$eval(
    ".jp-OutputArea-output svg",
    (svgs) =>
      svgs.filter((svg) => (svg as SVGSVGElement).getBoundingClientRect().width > 0)
        .flatMap((svg) =>
          [...svg.querySelectorAll("text")].map((t) => t.textContent?.trim() ?? "")
        ),
  );
}

Deno.test({
  name: "JupyterLab runs every notebook in Chromium and shows its figures",
  ignore: skip,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const notebooks = notebookPaths();
    const figures = await Deno.makeTempDir({ prefix: "lab-figures-" });
    const lab = await startLab(notebooks, { FIGURES_DIR: figures });
    const { browser, close } = await launchBrowser();
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    try {
      for (const path of notebooks) {
        const name = path.split("/").pop()!;
        await t.step(name, async (t) => {
          const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
          const consoleErrors: string[] = [];
          page.on("pageerror", (e) => consoleErrors.push(String(e)));
          await openNotebook(page, lab, name);
          await runAllCells(page, 600_000);
          await page.screenshot({ path: `${SCREENSHOTS}/${name.replace(".ipynb", ".png")}` });

          await t.step("no error output", async () => {
            assert.deepEqual(await outputErrors(page), []);
            assert.deepEqual(consoleErrors, []);
          });

          await t.step("every expected figure is drawn as inline SVG with its title", async () => {
            const titles = await visibleSvgTitles(page);
            for (const title of EXPECTED_TITLES[name] ?? []) {
              assert.ok(titles.includes(title), `"${title}" not drawn; saw ${titles.length} texts`);
            }
          });

          await t.step("every figure's text reads at 10 px or more, none cut", async () => {
            // JupyterLab shrinks a figure wider than the output area (about 828 px in a 1280-px
            // window); figures lay themselves out so that their smallest type stays legible
            const problems = await page.evaluate(() => {
              const out: string[] = [];
              for (const root of document.querySelectorAll(".jp-OutputArea-output svg")) {
                if (root.parentElement?.closest("svg")) continue;
                const rect = root.getBoundingClientRect();
                if (rect.width === 0) continue;
                const scale = rect.width / (root as SVGSVGElement).width.baseVal.value;
                for (const text of root.querySelectorAll("text")) {
                  if (!text.textContent?.trim()) continue;
                  const px = parseFloat(getComputedStyle(text).fontSize) * scale;
                  if (px < 9.95) out.push(`"${text.textContent}" at ${px.toFixed(1)} px`);
                  const r = text.getBoundingClientRect();
                  for (let e = text.parentElement; e; e = e.parentElement) {
                    if (e.localName !== "svg") continue;
                    const b = e.getBoundingClientRect(), tol = 0.5;
                    if (
                      r.left < b.left - tol || r.right > b.right + tol || r.top < b.top - tol ||
                      r.bottom > b.bottom + tol
                    ) out.push(`"${text.textContent}" cut by its <svg>`);
                  }
                }
              }
              return out;
            });
            assert.deepEqual(problems.slice(0, 12), [], `${problems.length} problems`);
          });

          await t.step("hovering a curve shows its read-out", async () => {
            // a read-out dot in the middle of a function panel (neighbouring dots overlap:
            // the one under the mouse may be the next sample)
            const box = await page.evaluate(() => {
              const titled = [...document.querySelectorAll(".jp-OutputArea-output svg title")]
                .filter((t) => /^x = .*, f\(x\) = /.test(t.textContent ?? ""));
              const title = titled[Math.floor(titled.length / 2)];
              const target = title?.parentElement;
              if (!target) return null;
              target.scrollIntoView({ block: "center" });
              const r = target.getBoundingClientRect();
              return { x: r.x + r.width / 2, y: r.y + r.height / 2, title: title.textContent! };
            });
            if (!box) {
              assert.ok(!name.startsWith("activation"), "no titled read-out found");
              return;
            }
            await page.mouse.move(box.x, box.y);
            const hovered = await page.evaluate(({ x, y }) => {
              let el: Element | null = document.elementFromPoint(x, y);
              while (el && !el.querySelector(":scope > title")) el = el.parentElement;
              return el?.querySelector(":scope > title")?.textContent ?? null;
            }, box);
            const at = (s: string | null) => Number(s?.match(/^x = (-?[\d.]+)/)?.[1]);
            assert.match(hovered ?? "", /^x = -?[\d.]+, f\(x\) = -?[\d.]+/);
            assert.ok(Math.abs(at(hovered) - at(box.title)) <= 0.11, `${hovered} vs ${box.title}`);
          });

          await t.step("moving a slider redraws the curves", async () => {
            const slider = page.locator('.jp-OutputArea-output input[type="range"]').first();
            if ((await slider.count()) === 0) {
              assert.ok(name !== "activation_functions.ipynb", "no slider in the first notebook");
              return;
            }
            // what the figure draws: curve paths and raster images
            const paths = () =>
              slider.evaluate((input) => {
                let root: Element | null = input;
                while (root && !root.querySelector("svg")) root = root.parentElement;
                return [...(root?.querySelectorAll("svg path, svg image") ?? [])].map((p) =>
                  p.getAttribute("d") ?? p.getAttribute("href")
                );
              });
            const before = await paths();
            await slider.scrollIntoViewIfNeeded();
            await slider.focus();
            for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
            const after = await paths();
            assert.notDeepEqual(after, before, "no curve changed");
          });
          await page.close();
        });
      }

      await t.step("an executed notebook opened untrusted still shows its figures", async () => {
        // tests/job_test.ts leaves the main job's results in out/; run it here when missing.
        let executed = `${ROOT}/out/notebooks/activation_functions.ipynb`;
        try {
          await Deno.stat(executed);
        } catch {
          const run = await runNotebooks([
            "notebooks/activation_functions.ipynb",
            "--out",
            figures + "/out",
          ]);
          assert.equal(run.code, 0, run.stderr);
          executed = `${figures}/out/notebooks/activation_functions.ipynb`;
        }
        await Deno.copyFile(executed, `${lab.root}/executed.ipynb`);
        const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
        await openNotebook(page, lab, "executed.ipynb");
        const shown = await page.$$eval(
          ".jp-OutputArea-output img",
          (imgs) =>
            imgs.filter((img) =>
              (img as HTMLImageElement).naturalWidth > 0 &&
              getComputedStyle(img).display !== "none" &&
              img.getBoundingClientRect().width > 0
            ).length,
        );
        assert.ok(shown >= 12, `only ${shown} figures visible in the untrusted notebook`);
        // the still pictures shrink as the live figures do: 12 px type stays at 10 px or more
        const scales = await page.$$eval(
          ".jp-OutputArea-output img.afig-still",
          (imgs) =>
            imgs.map((img) => img.getBoundingClientRect().width / Number(img.getAttribute("width")))
              .filter((s) => s > 0),
        );
        assert.ok(scales.length >= 12 && Math.min(...scales) * 12 >= 9.95, `${scales}`);
        await page.screenshot({ path: `${SCREENSHOTS}/activation_functions-untrusted.png` });
        await page.close();
      });
    } finally {
      await close();
      await lab.stop();
      await Deno.remove(figures, { recursive: true });
    }
  },
});
