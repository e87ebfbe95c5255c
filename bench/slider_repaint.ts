/**
 * How quickly a live slider figure repaints in Chromium: the exported page of
 * `sliderFigure()` (2,000 samples per curve, the original's) and of the gallery's
 * `explorerFigure()`, opened from disk; the slider is moved by `input` events, one per
 * frame, across its range. Two times per move:
 *
 * - **redraw**: the page's own work for one value (`data-asf-redraw-ms`): the compiled
 *   program over every sample, f and f', kinks, clipping, simplification, new paths;
 * - **to the frame**: from the `input` event until the next frame has been painted
 *   (`requestAnimationFrame`, then a task after it), so style, layout and paint included.
 *
 * Goal: a slider move repaints 2,000 points within 16 ms (one frame at 60 Hz).
 *
 * Run: `deno task bench:sliders` (needs Chromium).
 *
 * @module
 */
import type { Page } from "playwright-core";
import { findChromium } from "../tests/browser.ts";
import { explorerFigure, saveInteractive, sliderFigure } from "../lib/interactive/slider_figure.ts";
import type { InteractiveFigure } from "../lib/interactive/interactive_figure.ts";

const MOVES = 120;

// each figure's first slider is moved
const cases: [string, () => InteractiveFigure][] = [
  ["Leaky ReLU", () => sliderFigure("leaky_relu")],
  ["ELU", () => sliderFigure("elu")],
  ["Softplus", () => sliderFigure("softplus")],
  ["Hard Tanh", () => sliderFigure("hard_tanh")],
  ["the explorer at CELU", () => explorerFigure(undefined, { start: "celu" })],
];

if (!findChromium()) {
  console.error("Chromium is not installed (apt-get install chromium); nothing measured.");
  Deno.exit(1);
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${
    s[s.length - 1].toFixed(2)
  } ms`;
}

/** Moves the first range input of the page across its range, one value per frame. */
function sweep(page: Page, moves: number) {
  return page.evaluate(async (moves) => {
    const range = document.querySelector('.asf input[type="range"]') as HTMLInputElement;
    const figure = document.querySelector(".asf") as HTMLElement;
    const min = Number(range.min), max = Number(range.max);
    const redraw: number[] = [], frame: number[] = [];
    let points = 0;
    for (let i = 0; i < moves; i++) {
      // values off any grid, back and forth across the range
      const t = (i * 0.6180339887) % 1;
      range.value = String(min + t * (max - min));
      const started = performance.now();
      range.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => done(), 0)));
      frame.push(performance.now() - started);
      redraw.push(Number(figure.getAttribute("data-asf-redraw-ms")));
    }
    for (const path of figure.querySelectorAll('g[aria-description^="curve"] path')) {
      points += (path.getAttribute("d")?.match(/[ML]/g) ?? []).length;
    }
    return { redraw, frame, points };
  }, moves);
}

/** Shows every activation of an explorer in turn: compile (first time) and draw. */
function switchAll(page: Page, names: string[]) {
  return page.evaluate(async (names) => {
    const figure = document.querySelector(".asf") as HTMLElement & {
      liveFigure: { select(name: string): Promise<boolean> };
    };
    const times: number[] = [];
    for (const name of names) {
      const started = performance.now();
      if (!await figure.liveFigure.select(name)) throw new Error(`cannot select ${name}`);
      times.push(performance.now() - started);
    }
    return times;
  }, names);
}

const dir = Deno.makeTempDirSync({ prefix: "slider_repaint_" });
// without the frame-rate limit a frame is painted as soon as its work is done, so the time
// to the frame is the work, not the wait for the next 60 Hz vsync
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: [
    ...(Deno.uid?.() === 0 ? ["--no-sandbox"] : []),
    "--disable-gpu-vsync",
    "--disable-frame-rate-limit",
    "--disable-background-networking",
    "--no-first-run",
  ],
});
try {
  console.log(`Chromium, ${MOVES} slider moves per figure, one per frame\n`);
  for (const [name, make] of cases) {
    const figure = make();
    const live = figure.config.activations[figure.config.start];
    const path = saveInteractive(figure, name.replace(/[^A-Za-z ]/g, ""), { dir });
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.goto(new URL(`file://${path}`).href);
    await page.waitForSelector('.asf[data-asf-ready="1"]', { timeout: 30_000 });
    // warm-up: the first moves compile and settle
    await sweep(page, 10);
    const { redraw, frame, points } = await sweep(page, MOVES);
    const switches = figure.config.activations.length > 1
      ? await switchAll(page, figure.config.activations.map((a) => a.name))
      : [];
    await page.close();
    console.log(
      `${name}: ${live.samples.count} samples of x, ` +
        `${points} path points drawn`,
    );
    console.log(`  redraw         ${stats(redraw)}`);
    console.log(`  to the frame   ${stats(frame)}`);
    if (switches.length) {
      console.log(`  menu, another of ${switches.length} activations   ${stats(switches)}`);
    }
  }
} finally {
  await browser.close();
  Deno.removeSync(dir, { recursive: true });
}
