/**
 * Live slider figures in a real browser (Debian's Chromium via playwright-core): the
 * exported pages open from disk with no network and no console errors; at any parameter
 * value (off the slider's steps too) the page computes what `activation()` returns; the
 * sliders move by keyboard and by mouse, several at once; the number boxes take exact
 * values and refuse values outside the domain; a curve that leaves its panel offers a
 * fitted view; hovering shows a crosshair and the values there; kinks move with the
 * parameters.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { ACTIVATIONS } from "../lib/activations/activations.ts";
import { activation } from "../lib/activations/autodiff.ts";
import { formatValue } from "../lib/figures/ticks.ts";
import { kinkMarkers } from "../lib/figures/kink_markers.ts";
import { htmlPage } from "../lib/figures/markup.ts";
import { linearSamples } from "../lib/interactive/live_config.ts";
import { explorerFigure, saveInteractive, sliderFigure } from "../lib/interactive/slider_figure.ts";

const PARAMETRIC = ACTIVATIONS.filter((a) => a.inputs === 1 && a.params.length > 0);

async function openPage(browser: Browser, path: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  // the network is off: anything but the file itself fails
  await page.route(/^(?!file:)/, (route) => route.abort());
  const url = new URL(`file://${path}`).href;
  await page.goto(url);
  await page.waitForSelector('.asf[data-asf-ready="1"]', { timeout: 30_000 });
  const offline = () => {
    const remote = requests.filter((u) => u !== url && !u.startsWith("data:"));
    assert.deepEqual(remote, [], "no requests but the page itself");
    assert.deepEqual(problems, [], "no console errors");
  };
  return { page, offline };
}

/** The page's values and outputs at `x` for each parameter record, computed in the page. */
function pageSweep(
  page: Page,
  x: number[],
  records: Record<string, number>[],
  index = 0,
): Promise<{ values: Record<string, number>; y: number[]; dy: number[] }[]> {
  return page.evaluate(({ x, records, index }) => {
    const root = document.querySelectorAll(".asf")[index] as HTMLElement & {
      liveFigure: {
        set(v: Record<string, number>): boolean;
        values(): Record<string, number>;
        evaluate(x: number[]): Float32Array[];
      };
    };
    return records.map((r) => {
      if (!root.liveFigure.set(r)) throw new Error(`refused ${JSON.stringify(r)}`);
      const [y, dy] = root.liveFigure.evaluate(x);
      return { values: root.liveFigure.values(), y: [...y], dy: [...dy] };
    });
  }, { x, records, index });
}

/** The curve paths of each chart of figure `index`. */
function curves(page: Page, index = 0): Promise<string[]> {
  return page.evaluate((index) => {
    const root = document.querySelectorAll(".asf")[index];
    return [...root.querySelectorAll("svg[data-chart]")].map((c) =>
      c.querySelector('g[aria-description^="curve"] path')?.getAttribute("d") ?? ""
    );
  }, index);
}

// Parameter records of a dense sweep: each parameter over its slider range at 37 values
// (not on the slider's step grid), the others at their defaults; all in the domain.
function sweep(name: string): Record<string, number>[] {
  const spec = ACTIVATIONS.find((a) => a.name === name)!;
  const defaults = Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
  const out: Record<string, number>[] = [];
  for (const p of spec.params) {
    for (let k = 0; k <= 36; k++) {
      const record = { ...defaults, [p.name]: p.min + (p.max - p.min) * k / 36 };
      try {
        activation(name, [0], record);
        out.push(record);
      } catch {
        // outside the domain with the other parameters' defaults: not offered
      }
    }
  }
  return out;
}

Deno.test({
  name: "sliderFigure() pages compute what activation() returns, at any value, offline",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async (t) => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      for (const spec of PARAMETRIC) {
        await t.step(spec.name, async () => {
          const fig = sliderFigure(spec.name);
          const path = saveInteractive(fig, spec.label, { dir });
          const { page, offline } = await openPage(browser, path);
          const x = [...linearSamples(-6, 6, 241), -30, 30, 0, 1e-7, -1e-7];
          const records = sweep(spec.name);
          const before = await curves(page);
          const results = await pageSweep(page, x, records);
          for (const [k, r] of results.entries()) {
            const expected = activation(spec.name, x, records[k]);
            assert.deepEqual(r.values, records[k]);
            // the same program on the same float32 inputs: equal, not merely close
            assert.deepEqual(r.y, [...expected.y], `f at ${JSON.stringify(records[k])}`);
            assert.deepEqual(r.dy, [...expected.dy], `f' at ${JSON.stringify(records[k])}`);
          }
          await pageSweep(page, x, [records[0]]); // not the defaults
          assert.notDeepEqual(await curves(page), before, "the curves were redrawn");
          offline();
          await page.close();
        });
      }
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() pages: sliders by keyboard and mouse, exact values, domains",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async (t) => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const path = saveInteractive(sliderFigure("elu"), "ELU", { dir });
      const { page, offline } = await openPage(browser, path);
      const values = () =>
        page.evaluate(() =>
          JSON.parse(document.querySelector(".asf")!.getAttribute("data-asf-values")!)
        );
      const range = page.locator('input[type=range][data-asf-param="alpha"]');
      const box = page.locator('input[type=number][data-asf-param="alpha"]');

      await t.step("the arrow keys move by the slider's step", async () => {
        await range.focus();
        await page.keyboard.press("ArrowLeft");
        await page.keyboard.press("ArrowLeft");
        const v = (await values()).alpha;
        assert.ok(Math.abs(v - 0.98) < 1e-9, `alpha ${v}`);
        assert.equal(await box.inputValue(), "0.98");
      });

      await t.step("dragging reaches values between the steps", async () => {
        const b = (await range.boundingBox())!;
        const seen = new Set<number>();
        await page.mouse.move(b.x + b.width * 0.5, b.y + b.height / 2);
        await page.mouse.down();
        for (let k = 0; k <= 20; k++) {
          await page.mouse.move(b.x + b.width * (0.2 + 0.0137 * k), b.y + b.height / 2);
          seen.add((await values()).alpha);
        }
        await page.mouse.up();
        const offGrid = [...seen].filter((v) => Math.abs(v * 100 - Math.round(v * 100)) > 1e-6);
        assert.ok(offGrid.length > 5, `only grid values: ${[...seen].join(", ")}`);
        const v = (await values()).alpha;
        const [y] = (await pageSweep(page, [-1], [{ alpha: v }]))[0].y;
        assert.equal(y, activation("elu", [-1], { alpha: v }).y[0]);
      });

      await t.step("the number box takes an exact value beyond the slider's range", async () => {
        await box.fill("1.75"); // ELU's slider ends at 1, its domain is [0, ∞)
        assert.equal((await values()).alpha, 1.75);
        assert.equal(await range.inputValue(), "1"); // the slider stays at its end
        assert.equal(await box.getAttribute("aria-invalid"), null);
      });

      await t.step(
        "a value outside the domain is refused, named, and changes nothing",
        async () => {
          await box.fill("-0.5");
          assert.equal((await values()).alpha, 1.75);
          assert.equal(await box.getAttribute("aria-invalid"), "true");
          assert.match(
            await page.locator(".asf-message").innerText(),
            /Alpha must be in \[0, ∞\), got -0\.5/,
          );
          await box.fill("0.5");
          assert.equal((await values()).alpha, 0.5);
          assert.equal(await page.locator(".asf-message").innerText(), "");
        },
      );
      offline();
      await page.close();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() pages: several sliders move together; kinks move with them",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async (t) => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      await t.step("Hard Tanh: min and max at once", async () => {
        const path = saveInteractive(sliderFigure("hard_tanh"), "Hard Tanh", { dir });
        const { page, offline } = await openPage(browser, path);
        await page.locator('input[type=number][data-asf-param="min_val"]').fill("-0.75");
        await page.locator('input[type=number][data-asf-param="max_val"]').fill("2.25");
        const values = await page.evaluate(() =>
          JSON.parse(document.querySelector(".asf")!.getAttribute("data-asf-values")!)
        );
        assert.deepEqual(values, { min_val: -0.75, max_val: 2.25 }, "the first value was kept");
        const x = [-3, -0.75, 0, 2.25, 3];
        const [r] = await pageSweep(page, x, [values]);
        assert.deepEqual(r.y, [...activation("hard_tanh", x, values).y]);
        // the kinks sit at the new ends: the derivative's markers there
        const marks = await page.evaluate(() =>
          [...document.querySelectorAll('svg[data-chart] g[data-live="kinks"] circle')].map((c) =>
            c.querySelector("title")!.textContent!
          )
        );
        const kinks = kinkMarkers("hard_tanh", values);
        assert.deepEqual(kinks.map((k) => k.x), [-0.75, 2.25]);
        for (const k of kinks) {
          assert.ok(
            marks.some((m) =>
              m.startsWith(`kink at x = ${k.x}: limit from the left ${formatValue(k.left)}`)
            ),
            `${k.x} in ${marks.join(" | ")}`,
          );
        }
        offline();
        await page.close();
      });

      await t.step("Hard Shrink: the kinks follow lambda", async () => {
        const path = saveInteractive(sliderFigure("hardshrink"), "Hard Shrink", { dir });
        const { page, offline } = await openPage(browser, path);
        const positions = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('svg[data-chart] g[data-live="kinks"] circle')]
              .map((c) => Number(c.getAttribute("cx")))
          );
        const before = await positions();
        await page.locator('input[type=number][data-asf-param="lambd"]').fill("1.3");
        const after = await positions();
        assert.ok(before.length > 0 && after.length > 0);
        assert.ok(Math.max(...after) > Math.max(...before), `${before} -> ${after}`);
        offline();
        await page.close();
      });
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() pages: a fitted view when the curve leaves the panel; hover read-outs",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async (t) => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const path = saveInteractive(sliderFigure("softplus"), "Softplus", { dir });
      const { page, offline } = await openPage(browser, path);
      const fit = page.locator(".asf-fit");

      await t.step("no toggle while most of each curve is in view", async () => {
        assert.equal(await fit.isVisible(), false);
      });

      await t.step("Softplus at beta = 0.1 leaves the panel: Fit view rescales y", async () => {
        await page.locator('input[type=number][data-asf-param="beta"]').fill("0.1");
        assert.equal(await fit.isVisible(), true);
        await fit.click();
        assert.equal(await fit.innerText(), "Original view");
        const state = await page.evaluate(() => {
          const chart = document.querySelector("svg[data-chart]")!;
          const labels = [...chart.querySelectorAll('g[data-live="axes"] text')].map((t) =>
            t.textContent
          );
          const plotAxis = chart.querySelector('g[aria-label="y-axis tick label"]') as SVGElement;
          const d = chart.querySelector('g[aria-description^="curve"] path')!.getAttribute("d")!;
          return { labels, hidden: plotAxis?.style.display, d };
        });
        // f(x) = log(1 + e^{x/10})·10 on [-5, 5] lies in [4.7, 9.7]: the axis says so
        assert.ok(state.labels.length >= 3, state.labels.join());
        const numbers = state.labels.map((s) => Number(s!.replace("\u2212", "-")));
        assert.ok(Math.min(...numbers) <= 5 && Math.max(...numbers) >= 9, state.labels.join());
        assert.equal(state.hidden, "none");
        assert.ok(state.d.length > 20, "the curve is drawn in the fitted view");
        await fit.click();
        assert.equal(await fit.innerText(), "Fit view");
      });

      await t.step("hovering shows a crosshair and the values at the pointer", async () => {
        await page.locator('input[type=number][data-asf-param="beta"]').fill("1");
        const frame = await page.evaluate(() => {
          const c = document.querySelector("svg[data-chart]") as SVGSVGElement;
          const box = c.getBoundingClientRect();
          return { left: box.left, top: box.top, scale: box.width / c.width.baseVal.value };
        });
        const scales = await page.evaluate(() =>
          JSON.parse(document.querySelector("script.asf-data")!.textContent!).scales[0]
        );
        // the pixel of x = 1 on the function panel's scale
        const [d0, d1] = scales.x.domain, [r0, r1] = scales.x.range;
        const px = r0 + (1 - d0) * (r1 - r0) / (d1 - d0);
        const py = (scales.y.range[0] + scales.y.range[1]) / 2;
        await page.mouse.move(frame.left + px * frame.scale, frame.top + py * frame.scale);
        const readout = await page.locator(".asf-readout").innerText();
        const m = readout.match(/^x = (-?[\d.]+): f\(x\) = (\S+), f'\(x\) = (\S+)$/);
        assert.ok(m, readout);
        const x = Number(m[1]);
        assert.ok(Math.abs(x - 1) < 0.05, readout);
        const { y, dy } = activation("softplus", [x], { beta: 1 });
        assert.equal(m[2].replace(/,$/, ""), formatValue(y[0]));
        assert.equal(m[3], formatValue(dy[0]));
        const lines = await page.locator('g[data-live="hover"] line').count();
        assert.equal(lines, 2, "a vertical and a horizontal line");
      });
      offline();
      await page.close();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() figures on one page do not interfere",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const a = sliderFigure("leaky_relu"), b = sliderFigure("elu");
      const path = `${dir}/two.html`;
      Deno.writeTextFileSync(path, htmlPage(a.fragment() + b.fragment(), { title: "Two" }));
      const { page, offline } = await openPage(browser, path);
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".asf")].every((r) =>
          r.getAttribute("data-asf-ready") === "1"
        )
      );
      await pageSweep(page, [-1], [{ alpha: 0.5 }], 0);
      const [r] = await pageSweep(page, [-1], [{ alpha: 0.25 }], 1);
      assert.equal(r.y[0], activation("elu", [-1], { alpha: 0.25 }).y[0]);
      const first = await page.evaluate(() =>
        JSON.parse(document.querySelectorAll(".asf")[0].getAttribute("data-asf-values")!)
      );
      assert.deepEqual(first, { alpha: 0.5 });
      offline();
      await page.close();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() pages without scripts show the static figure and no dead slider",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const path = saveInteractive(sliderFigure("elu"), "ELU", { dir });
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(`file://${path}`).href);
      assert.equal(await page.locator("svg[data-chart]").count(), 2);
      assert.equal(await page.locator(".asf-controls").isVisible(), false);
      await context.close();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "explorerFigure() page: the menu switches activation, program, sliders, titles and axes",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  fn: async (t) => {
    const dir = Deno.makeTempDirSync({ prefix: "explorer_" });
    const { browser, close } = await launchBrowser();
    try {
      const path = `${dir}/explorer.html`;
      Deno.writeTextFileSync(path, explorerFigure().html());
      const { page, offline } = await openPage(browser, path);
      const state = () =>
        page.evaluate(() => ({
          activation: document.querySelector(".asf")!.getAttribute("data-asf-activation"),
          titles: [...document.querySelectorAll("text[data-title]")].map((t) => t.textContent),
          sliders: [...document.querySelectorAll('input[type="range"]')].map((i) =>
            i.getAttribute("data-asf-param")
          ),
          ownAxes: [...document.querySelectorAll('g[data-live="axes"] text')].map((t) =>
            t.textContent
          ),
        }));
      await t.step(
        "starts with the first activation and no sliders (Identity has none)",
        async () => {
          const s = await state();
          assert.equal(s.activation, "identity");
          assert.deepEqual(s.titles, ["Identity", "Identity (Derivative)"]);
          assert.deepEqual(s.sliders, []);
        },
      );
      for (const spec of PARAMETRIC.slice(0, 4)) {
        await t.step(`pick ${spec.label}`, async () => {
          await page.selectOption("select.asf-choice", { label: spec.label });
          await page.waitForFunction(
            (name) => document.querySelector(".asf")!.getAttribute("data-asf-activation") === name,
            spec.name,
          );
          const s = await state();
          assert.deepEqual(s.titles, [spec.label, `${spec.label} (Derivative)`]);
          assert.deepEqual(s.sliders, spec.params.map((p) => p.name));
          const record = Object.fromEntries(spec.params.map((p) => [p.name, p.max]));
          const x = [-2.5, -0.1, 0, 0.7, 3];
          const [r] = await pageSweep(page, x, [record]);
          assert.deepEqual(r.y, [...activation(spec.name, x, record).y]);
          assert.deepEqual(r.dy, [...activation(spec.name, x, record).dy]);
        });
      }
      await t.step("another activation's windows get axes of their own", async () => {
        await page.selectOption("select.asf-choice", { label: "Softplus" });
        await page.waitForFunction(() =>
          document.querySelector(".asf")!.getAttribute("data-asf-activation") === "softplus"
        );
        // Identity's windows are the still's: Softplus's [-4, 4] x [-1, 4] are drawn by the page
        const s = await state();
        assert.ok(s.ownAxes.includes("4") && s.ownAxes.includes("\u22124"), s.ownAxes.join());
      });
      offline();
      await page.close();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});
