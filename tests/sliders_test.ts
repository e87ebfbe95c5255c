/**
 * Interactive slider figures in a real browser (Debian's Chromium via playwright-core):
 * the exported pages open from disk with no network and no console errors, the sliders
 * move by keyboard and mouse, and what the page draws equals the library's values.
 *
 * The drawn values are read back from the page's SVG (curve path data, hover titles,
 * kink markers) and converted to data units with each chart's frame rectangle and the
 * registry's view windows, independently of the mapping the page embeds.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { getActivation } from "../lib/activations/activations.ts";
import { activation } from "../lib/activations/autodiff.ts";
import { htmlPage } from "../lib/figures/markup.ts";
import { parseSvg } from "./_helpers/figure_checks.ts";
import {
  parametricPairFigure,
  saveInteractive,
  sliderFigure,
} from "../lib/interactive/slider_figure.ts";
import type { ParametricSource } from "../lib/interactive/parametric_source.ts";

const PAGES = [
  ["leaky_relu", "Leaky ReLU"],
  ["elu", "ELU"],
  ["softplus", "Softplus"],
] as const;

interface Drawn {
  values: Record<string, number>;
  output: string;
  inputValue: string;
  panels: {
    frame: { x: number; y: number; width: number; height: number };
    d: string[];
    hover: { cx: number; cy: number; title: string }[];
    kinks: { kind: string; cx: number; cy: number; title: string }[];
  }[];
}

// Everything the figure `index` on the page draws, read from the DOM.
function readDrawn(page: Page, index = 0): Promise<Drawn> {
  return page.evaluate((index) => {
    const root = document.querySelectorAll(".asf")[index];
    const charts = Array.from(root.querySelector("svg")!.querySelectorAll("svg"));
    const input = root.querySelector("input") as HTMLInputElement;
    const num = (e: Element, a: string) => Number(e.getAttribute(a));
    return {
      values: JSON.parse(root.getAttribute("data-asf-values")!),
      output: root.querySelector("output")!.textContent!,
      inputValue: input.value,
      panels: charts.map((chart) => {
        const frame = chart.querySelector('[aria-label="frame"]')!;
        return {
          frame: {
            x: num(frame, "x"),
            y: num(frame, "y"),
            width: num(frame, "width"),
            height: num(frame, "height"),
          },
          d: Array.from(
            chart.querySelectorAll('g[aria-description^="curve"] path'),
            (p) => p.getAttribute("d")!,
          ),
          hover: Array.from(
            chart.querySelectorAll('g[aria-description="hover"] circle'),
            (c) => ({ cx: num(c, "cx"), cy: num(c, "cy"), title: c.textContent! }),
          ),
          kinks: Array.from(
            chart.querySelectorAll('g[aria-description^="kink"] circle'),
            (c) => ({
              kind: c.parentElement!.getAttribute("aria-description")!,
              cx: num(c, "cx"),
              cy: num(c, "cy"),
              title: c.textContent!,
            }),
          ),
        };
      }),
    };
  }, index);
}

function points(d: string): [number, number][] {
  return Array.from(
    d.matchAll(/[ML](-?[\d.]+(?:e[-+]?\d+)?),(-?[\d.]+(?:e[-+]?\d+)?)/g),
    (m) => [Number(m[1]), Number(m[2])],
  );
}

// Checks that both panels show the library's f and f' at the drawn parameter values.
function assertMatchesLibrary(name: string, drawn: Drawn, what: string): void {
  const view = getActivation(name).view;
  const windows = [[view.x, view.y], [view.dx, view.dy]] as const;
  for (const [k, panel] of drawn.panels.entries()) {
    const [xw, yw] = windows[k];
    const { frame } = panel;
    const toX = (px: number) => xw[0] + (px - frame.x) / frame.width * (xw[1] - xw[0]);
    const toY = (py: number) =>
      yw[0] + (frame.y + frame.height - py) / frame.height * (yw[1] - yw[0]);
    assert.equal(panel.d.length, 1, `${what}: one path per curve`);
    const pts = points(panel.d[0]);
    // every sample across the window is drawn (no simplification): 0.025 or finer
    assert.ok(pts.length >= (xw[1] - xw[0]) / 0.05, `${what}: ${pts.length} points`);
    const xs = pts.map(([px]) => +toX(px).toFixed(9));
    const lib = activation(name, xs, drawn.values);
    const want = k === 0 ? lib.y : lib.dy;
    pts.forEach(([, py], i) => {
      const got = toY(py);
      assert.ok(
        Math.abs(got - want[i]) <= 1e-5 * (1 + Math.abs(want[i])),
        `${what}, panel ${k}: at x = ${xs[i]} drew ${got}, library ${want[i]}`,
      );
    });
    // the curve covers the window
    assert.ok(xs[0] <= xw[0] + 1e-9 && xs.at(-1)! >= xw[1] - 1e-9, `${what}: x range`);
    // hover read-outs: "x = 1.25, f(x) = 0.7773" at every round x (1, 2 or 5 times a
    // power of ten, about 120 across the window) where the value is inside the window
    const raw = (xw[1] - xw[0]) / 120, p10 = 10 ** Math.floor(Math.log10(raw));
    const hstep = [1, 2, 5, 10].map((m) => m * p10).find((s) => s >= raw * (1 - 1e-9))!;
    const grid = Array.from(
      { length: Math.round((xw[1] - xw[0]) / hstep) + 1 },
      (_, i) => +(xw[0] + i * hstep).toFixed(9),
    );
    const lv = activation(name, grid, drawn.values);
    const inside = grid.filter((_, i) => {
      const v = k === 0 ? lv.y[i] : lv.dy[i];
      return v >= yw[0] && v <= yw[1];
    });
    assert.equal(panel.hover.length, inside.length, `${what}: hover read-outs`);
    const label = k === 0 ? "f(x)" : "f'(x)";
    const hx = panel.hover.map((h) => {
      const m = h.title.match(/^x = (-?[\d.]+), (f\(x\)|f'\(x\)) = (\S+)$/);
      assert.ok(m && m[2] === label, `${what}: hover title "${h.title}"`);
      assert.ok(Math.abs(toX(h.cx) - Number(m[1])) < 1e-9, `${what}: hover x`);
      return [Number(m[1]), Number(m[3]), toY(h.cy)];
    });
    assert.deepEqual(hx.map((h) => h[0]), inside, `${what}: hover positions`);
    const hv = activation(name, hx.map((h) => h[0]), drawn.values);
    hx.forEach(([x, shown, at], i) => {
      const v = k === 0 ? hv.y[i] : hv.dy[i];
      assert.ok(Math.abs(shown - v) <= 5e-5 * (1 + Math.abs(v)), `${what}: title at ${x}`);
      assert.ok(Math.abs(at - v) <= 1e-5 * (1 + Math.abs(v)), `${what}: hover dot at ${x}`);
    });
  }
}

// At the default values the page's redraw reproduces the static pair figure's hover
// read-outs and kink markers (pair_figure's positions, format and titles): same titles,
// positions within 0.01 px (the static SVG keeps 2 decimals).
function assertLikeStatic(svg: string, drawn: Drawn, what: string): void {
  const charts = Array.from(parseSvg(svg).documentElement.querySelectorAll("svg"));
  for (const [k, chart] of charts.entries()) {
    const circles = (selector: string) =>
      Array.from(chart.querySelectorAll(`${selector} circle`), (c) => ({
        cx: Number(c.getAttribute("cx")),
        cy: Number(c.getAttribute("cy")),
        title: c.textContent!,
      }));
    const mine = drawn.panels[k];
    const pairs = [
      [mine.hover, circles('g[aria-description="hover"]'), "hover read-outs"],
      [mine.kinks, [
        ...circles('g[aria-description="kink limit"]'),
        ...circles('g[aria-description="kink value"]'),
      ], "kink markers"],
    ] as const;
    for (const [got, want, name] of pairs) {
      const label = `${what}: ${name} of panel ${k} as in the static figure`;
      assert.deepEqual(got.map((c) => c.title), want.map((c) => c.title), label);
      got.forEach((c, i) => {
        assert.ok(
          Math.abs(c.cx - want[i].cx) <= 0.011 && Math.abs(c.cy - want[i].cy) <= 0.011,
          label,
        );
      });
    }
  }
}

async function openPage(browser: Browser, path: string, options = { ready: true }) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  const url = new URL(`file://${path}`).href;
  await page.goto(url);
  if (options.ready) await page.waitForSelector(".asf[data-asf-ready]");
  const offline = () => {
    const remote = requests.filter((u) => u !== url && !u.startsWith("data:"));
    assert.deepEqual(remote, [], "no requests but the page itself");
    assert.deepEqual(problems, [], "no console errors");
  };
  return { page, offline };
}

function alphaName(name: string): string {
  return getActivation(name).params[0].name;
}

Deno.test({
  name: "sliderFigure() pages work from disk: keyboard, drag, library values",
  ignore: skipBrowserTests(),
  fn: async (t) => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      for (const [name, file] of PAGES) {
        await t.step(file, async () => {
          const spec = getActivation(name);
          const param = spec.params[0];
          const key = alphaName(name);
          const fig = sliderFigure(name);
          const path = saveInteractive(fig, file, { dir });
          assert.ok(Deno.statSync(path).size < 1_000_000);
          const { page, offline } = await openPage(browser, path);
          try {
            const step = param.step;
            const digits = String(step).split(".")[1]?.length ?? 0;
            let drawn = await readDrawn(page);
            assert.equal(drawn.values[key], param.default);
            assert.equal(drawn.output, param.default.toFixed(digits));
            assertMatchesLibrary(name, drawn, `${file} at the default`);
            assertLikeStatic(fig.still.svg(), drawn, file);
            const first = drawn.panels[0].d[0];
            const slider = page.locator(".asf input[type=range]");
            await slider.focus();
            for (
              const [keys, want] of [
                [
                  ["ArrowRight", "ArrowRight", "ArrowRight"],
                  Math.min(param.max, param.default + 3 * step),
                ],
                [["End"], param.max],
                [["Home"], param.min],
                [["ArrowLeft"], param.min], // cannot leave the range
                [["ArrowRight", "ArrowUp"], param.min + 2 * step],
              ] as const
            ) {
              for (const k of keys) await page.keyboard.press(k);
              drawn = await readDrawn(page);
              const label = `${file} after ${keys.join("+")}`;
              assert.ok(
                Math.abs(drawn.values[key] - want) < 1e-9,
                `${label}: ${drawn.values[key]}`,
              );
              assert.equal(drawn.output, drawn.values[key].toFixed(digits), label);
              assertMatchesLibrary(name, drawn, label);
            }
            assert.notEqual(drawn.panels[0].d[0], first, `${file}: the function was redrawn`);
            // drag the thumb from 20% to 80% of the track; the figure follows while dragging
            const box = (await slider.boundingBox())!;
            const y = box.y + box.height / 2;
            await page.mouse.move(box.x + box.width * 0.2, y);
            await page.mouse.down();
            const seen: number[] = [];
            for (const f of [0.35, 0.5, 0.65, 0.8]) {
              await page.mouse.move(box.x + box.width * f, y, { steps: 3 });
              seen.push((await readDrawn(page)).values[key]);
            }
            await page.mouse.up();
            for (let i = 1; i < seen.length; i++) assert.ok(seen[i] > seen[i - 1], `drag ${seen}`);
            drawn = await readDrawn(page);
            const v = drawn.values[key];
            const k = Math.round((v - param.min) / step);
            assert.ok(Math.abs(param.min + k * step - v) < 1e-9, `${v} on the grid`);
            const frac = (v - param.min) / (param.max - param.min);
            assert.ok(frac > 0.7 && frac < 0.9, `dragged to ${v}`);
            assertMatchesLibrary(name, drawn, `${file} after dragging`);
            offline();
          } finally {
            await page.close();
          }
        });
      }
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() pages snap and clamp tampered slider values",
  ignore: skipBrowserTests(),
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const path = saveInteractive(sliderFigure("leaky_relu"), "Leaky ReLU", { dir });
      const { page, offline } = await openPage(browser, path);
      const set = (attrs: Record<string, string>) =>
        page.evaluate((attrs) => {
          const input = document.querySelector(".asf input") as HTMLInputElement;
          for (const [k, v] of Object.entries(attrs)) input.setAttribute(k, v);
          if (attrs.value !== undefined) input.value = attrs.value;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }, attrs);
      for (
        const [attrs, want] of [
          [{ max: "50", value: "40" }, 1],
          [{ min: "-5", value: "-3" }, 0.01],
          [{ step: "any", value: "0.306" }, 0.31],
          [{ step: "any", value: "0.304" }, 0.3],
          [{ type: "text", value: "abc" }, 0.3],
        ] as const
      ) {
        await set(attrs);
        const drawn = await readDrawn(page);
        assert.equal(drawn.values.alpha, want, JSON.stringify(attrs));
        assert.equal(Number(drawn.inputValue), want);
        const max = await page.locator(".asf input").getAttribute("max");
        assert.equal(max, "1", "the range is restored");
        assertMatchesLibrary("leaky_relu", drawn, `tampered ${JSON.stringify(attrs)}`);
      }
      offline();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() figures on one page do not interfere",
  ignore: skipBrowserTests(),
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      // two identical figures (same data) and an ELU one
      const figs = [sliderFigure("leaky_relu"), sliderFigure("leaky_relu"), sliderFigure("elu")];
      const path = `${dir}/three.html`;
      Deno.writeTextFileSync(path, htmlPage(figs.map((f) => f.fragment()).join("\n")));
      const { page, offline } = await openPage(browser, path);
      const before = await Promise.all([0, 1, 2].map((i) => readDrawn(page, i)));
      await page.locator(".asf input").nth(0).focus();
      await page.keyboard.press("End");
      const after = await Promise.all([0, 1, 2].map((i) => readDrawn(page, i)));
      assert.equal(after[0].values.alpha, 1);
      assert.notDeepEqual(after[0].panels, before[0].panels);
      assert.deepEqual(after[1], before[1]);
      assert.deepEqual(after[2], before[2]);
      assertMatchesLibrary("leaky_relu", after[0], "first figure");
      await page.locator(".asf input").nth(2).focus();
      await page.keyboard.press("Home");
      const last = await Promise.all([0, 1, 2].map((i) => readDrawn(page, i)));
      assert.equal(last[2].values.alpha, 0.01);
      assert.deepEqual(last[0], after[0]);
      assert.deepEqual(last[1], before[1]);
      assertMatchesLibrary("elu", last[2], "third figure");
      // nothing leaked into the page's globals but the browser's own
      const globals = await page.evaluate(() =>
        Object.keys(window).filter((k) => /asf|cfg|draw|sync/i.test(k))
      );
      assert.deepEqual(globals, []);
      offline();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() notebook output runs when inserted as JupyterLab does",
  ignore: skipBrowserTests(),
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const fig = sliderFigure("elu");
      const html = fig.notebookHtml();
      const path = `${dir}/lab.html`;
      Deno.writeTextFileSync(path, htmlPage('<div id="out"></div>'));
      const { page: p, offline } = await openPage(browser, path, { ready: false });
      // JupyterLab (trusted): innerHTML, then every <script> replaced by a fresh copy
      await p.evaluate((html) => {
        const host = document.getElementById("out")!;
        host.innerHTML = html;
        for (const script of Array.from(host.getElementsByTagName("script"))) {
          const clone = document.createElement("script");
          for (const a of Array.from(script.attributes)) clone.setAttribute(a.name, a.value);
          clone.textContent = script.textContent;
          script.parentNode!.replaceChild(clone, script);
        }
      }, html);
      await p.waitForSelector(".asf[data-asf-ready]");
      assert.ok(await p.locator(".asf svg").first().isVisible(), "live SVG shown");
      assert.ok(await p.locator(".asf input").isVisible(), "slider shown");
      assert.ok(!(await p.locator(".asf img").isVisible()), "still picture hidden");
      assert.ok(!(await p.locator(".asf-note").isVisible()), "note hidden");
      await p.locator(".asf input").focus();
      await p.keyboard.press("Home");
      const drawn = await readDrawn(p);
      assert.equal(drawn.values.alpha, 0.01);
      assertMatchesLibrary("elu", drawn, "JupyterLab-style insertion");
      // untrusted: the sanitizer drops <style>, <script> and <svg>; the picture shows
      const untrusted = html.replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, "");
      await p.evaluate((html) => {
        document.getElementById("out")!.innerHTML = html;
      }, untrusted);
      assert.ok(await p.locator("#out img").isVisible(), "still picture shown");
      assert.ok(await p.locator("#out .asf-note").isVisible(), "note shown");
      assert.ok(!(await p.locator("#out input").isVisible()), "no dead slider");
      const natural = await p.locator("#out img").evaluate((img: HTMLImageElement) =>
        img.naturalWidth
      );
      assert.ok(natural > 0, "the picture decodes");
      offline();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

const SLOPE = { name: "a", label: "Slope", default: 1, min: -2, max: 2, step: 0.5 };
const OFFSET = { name: "b", label: "Offset", default: 0, min: -1, max: 1, step: 0.5 };
const LINE: ParametricSource = {
  label: "Line",
  color: "#000000",
  x: [-1, 1],
  y: [-3, 3],
  dx: [-1, 1],
  dy: [-3, 3],
  params: [SLOPE, OFFSET],
  values: (x, p) => ({ y: x.map((v) => p.a * v + p.b), dy: x.map(() => p.a) }),
};

// The drawn line y = a x + b and its derivative a, from the page's path data (float32).
function assertLine(drawn: Drawn, a: number, b: number, what: string): void {
  for (const [k, panel] of drawn.panels.entries()) {
    const { frame } = panel;
    const toX = (px: number) => -1 + (px - frame.x) / frame.width * 2;
    const toY = (py: number) => -3 + (frame.y + frame.height - py) / frame.height * 6;
    const pts = points(panel.d[0]);
    assert.ok(pts.length > 50, what);
    for (const [px, py] of pts) {
      const want = k === 0 ? a * toX(px) + b : a;
      assert.ok(Math.abs(toY(py) - want) < 1e-6, `${what}, panel ${k}: ${toY(py)} vs ${want}`);
    }
  }
}

Deno.test({
  name: "parametricPairFigure() pages drive two sliders: every combination, or one line each",
  ignore: skipBrowserTests(),
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const product = parametricPairFigure(LINE);
      const lines = parametricPairFigure(LINE, { maxDataBytes: 20_000 });
      assert.equal(product.plan.mode, "product");
      assert.equal(lines.plan.mode, "lines");
      for (const [fig, mode] of [[product, "product"], [lines, "lines"]] as const) {
        const path = saveInteractive(fig, `Line ${mode}`, { dir });
        const { page, offline } = await openPage(browser, path);
        try {
          const inputs = page.locator(".asf input[type=range]");
          assert.equal(await inputs.count(), 2);
          let drawn = await readDrawn(page);
          assert.deepEqual(drawn.values, { a: 1, b: 0 });
          assertLine(drawn, 1, 0, `${mode} at the defaults`);
          await inputs.nth(0).focus();
          await page.keyboard.press("End");
          drawn = await readDrawn(page);
          assert.deepEqual(drawn.values, { a: 2, b: 0 });
          assertLine(drawn, 2, 0, `${mode}, slope 2`);
          await inputs.nth(1).focus();
          await page.keyboard.press("Home");
          drawn = await readDrawn(page);
          // "lines" has no data for slope 2 with offset -1: the slope returns to its default
          const a = mode === "product" ? 2 : 1;
          assert.deepEqual(drawn.values, { a, b: -1 });
          assertLine(drawn, a, -1, `${mode}, offset -1`);
          assert.equal(Number(await inputs.nth(0).inputValue()), a, "the slope slider shows it");
          const outputs = await page.locator(".asf output").allTextContents();
          assert.deepEqual(outputs, [a.toFixed(1), "-1.0"]);
          offline();
        } finally {
          await page.close();
        }
      }
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sliderFigure() pages without scripts show the static figure and no dead slider",
  ignore: skipBrowserTests(),
  fn: async () => {
    const dir = Deno.makeTempDirSync({ prefix: "sliders_" });
    const { browser, close } = await launchBrowser();
    try {
      const path = saveInteractive(sliderFigure("elu"), "ELU", { dir });
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(new URL(`file://${path}`).href);
      assert.ok(await page.locator(".asf svg").first().isVisible());
      assert.equal(await page.locator(".asf svg svg").count(), 2);
      assert.ok(!(await page.locator(".asf input").isVisible()));
      await context.close();
    } finally {
      await close();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});
