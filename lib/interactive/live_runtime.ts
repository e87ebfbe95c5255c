/**
 * The script of a live activation page, as typed TypeScript: it runs in the browser, on
 * each activation's compiled program (the same WebAssembly module `activation()` runs in
 * the kernel), so it knows no formula. It draws with the library's own polyline clipping,
 * simplification, ticks and number formats, which the page receives as source
 * ({@linkcode liveScript}): the static figure and the page cannot drift apart.
 *
 * What it does with a figure: every parameter gets a slider (any value in its range) and
 * a number box (any value in the parameter's domain); moving either recomputes both
 * curves, the kinks and their markers; hovering a panel shows a crosshair and the values
 * there, computed at that very x; when a curve leaves its panel, a "Fit view" toggle
 * rescales the y axes to the curves. A figure of several activations (an explorer) has a
 * menu to pick one: its program, parameters, windows, titles and axes replace the last.
 *
 * @module
 */
import { runChunked } from "../kernel/wasm_loop.ts";
import { clipPoints, type SegmentPoint, simplify } from "../figures/polyline.ts";
import { formatTick, formatValue, niceTicks } from "../figures/ticks.ts";
import { kinkProbe } from "../figures/kink_markers.ts";
import {
  domainText,
  inDomain,
  linearSamples,
  type LiveConfig,
  type LiveHandle,
  type LiveParam,
} from "./live_config.ts";
import { liveAxes } from "./live_axes.ts";

/** The library functions the page receives as source. */
export interface RuntimeLibrary {
  /** Runs a compiled module over arrays (the kernel's driver). */
  readonly runChunked: typeof runChunked;
  /** Cuts a polyline at a window's edges and at breaks. */
  readonly clipPoints: typeof clipPoints;
  /** Drops points a pixel cannot show. */
  readonly simplify: typeof simplify;
  /** Read-out format. */
  readonly formatValue: typeof formatValue;
  /** Tick positions. */
  readonly niceTicks: typeof niceTicks;
  /** Tick labels. */
  readonly formatTick: typeof formatTick;
  /** Where the one-sided limits of a kink are read. */
  readonly kinkProbe: typeof kinkProbe;
  /** The sample positions. */
  readonly linearSamples: typeof linearSamples;
  /** Axes the page draws itself. */
  readonly liveAxes: typeof liveAxes;
  /** Whether a value is in a parameter's domain. */
  readonly inDomain: typeof inDomain;
  /** A parameter's domain in words, for messages. */
  readonly domainText: typeof domainText;
  /** Each activation's kinks for parameter values (the registry's functions), in order. */
  readonly kinks: readonly ((p: Record<string, number>) => readonly number[])[];
}

/**
 * Starts a live figure: called by the page's script with the figure's id, the script
 * element and the library. Typed here, shipped as source by {@linkcode liveScript}: it
 * uses nothing outside its arguments.
 *
 * @param id The figure's element id.
 * @param script The running `<script>` (JupyterLab re-creates output scripts in place).
 * @param lib The library functions.
 */
export function liveRuntime(id: string, script: Element | null, lib: RuntimeLibrary): void {
  const NS = "http://www.w3.org/2000/svg";
  let root = script?.closest?.(".asf") as HTMLElement | null;
  if (!root || root.id !== id) root = document.getElementById(id);
  if (!root || root.getAttribute("data-asf-ready")) return;
  const figure = root;
  figure.setAttribute("data-asf-ready", "starting");
  const config = JSON.parse(
    figure.querySelector("script.asf-data")?.textContent ?? "{}",
  ) as LiveConfig;
  const charts = [...figure.querySelectorAll("svg[data-chart]")] as SVGSVGElement[];
  const titles = [...figure.querySelectorAll("text[data-title]")];
  const memory = new WebAssembly.Memory({ initial: 1 });
  const programs = new Map<number, Promise<(...args: number[]) => void>>();
  function program(a: number): Promise<(...args: number[]) => void> {
    let p = programs.get(a);
    if (!p) {
      const bytes = Uint8Array.from(atob(config.activations[a].wasm), (c) => c.charCodeAt(0));
      p = WebAssembly.instantiate(bytes, { env: { memory } })
        .then(({ instance }) => instance.exports.run as (...args: number[]) => void);
      programs.set(a, p);
    }
    return p;
  }

  // ---- state: the activation shown, its program, samples and parameter values ----
  let current = config.start;
  let act = config.activations[current];
  let run: (...args: number[]) => void = () => {};
  let xs: Float32Array = new Float32Array(0), x64 = new Float64Array(0);
  let values: Record<string, number> = {};
  let fitted = false, lastRedraw = 0;
  const views = config.panels.map((p) => {
    const s = config.scales[p.chart];
    return {
      panel: p,
      chart: charts[p.chart],
      x: { domain: s.x.domain as readonly [number, number], range: s.x.range },
      y: { domain: s.y.domain as readonly [number, number], range: s.y.range },
      still: s,
    };
  });
  type View = typeof views[number];

  function evaluate(x: ArrayLike<number>, p: Record<string, number> = values): Float32Array[] {
    const input = Float32Array.from(x);
    const outputs = Array.from({ length: act.outputs }, () => new Float32Array(input.length));
    lib.runChunked(run, memory, [input], outputs, input.length, act.params.map((q) => p[q.name]));
    return outputs;
  }

  // ---- parameters: sliders and number boxes, built for the activation shown ----
  const decimals = (step: number) => Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  const shown = (q: LiveParam, v: number) => String(+v.toFixed(decimals(q.step) + 2));
  const controls = figure.querySelector(".asf-controls") as HTMLElement;
  const holder = figure.querySelector(".asf-params") as HTMLElement;
  const message = figure.querySelector(".asf-message") as HTMLElement | null;
  let rows: { q: LiveParam; range: HTMLInputElement; box: HTMLInputElement }[] = [];
  function buildControls(): void {
    holder.textContent = "";
    rows = act.params.map((q) => {
      const label = document.createElement("label");
      label.className = "asf-param";
      label.append(`${q.label} `);
      const range = document.createElement("input");
      Object.assign(range, { type: "range", min: String(q.min), max: String(q.max), step: "any" });
      range.setAttribute("data-asf-param", q.name);
      range.setAttribute("aria-label", q.label);
      const box = document.createElement("input");
      Object.assign(box, { type: "number", step: String(q.step) });
      box.setAttribute("data-asf-param", q.name);
      box.setAttribute("aria-label", `${q.label} (exact value)`);
      label.append(range, box);
      holder.append(label);
      range.addEventListener("input", () => set({ [q.name]: Number(range.value) }));
      // the slider moves by any amount when dragged, by its step from the keyboard
      range.addEventListener("keydown", (event) => {
        const steps: Record<string, number> = {
          ArrowLeft: -1,
          ArrowDown: -1,
          ArrowRight: 1,
          ArrowUp: 1,
          PageDown: -10,
          PageUp: 10,
        };
        let v: number;
        if (event.key in steps) v = values[q.name] + steps[event.key] * q.step;
        else if (event.key === "Home") v = q.min;
        else if (event.key === "End") v = q.max;
        else return;
        event.preventDefault();
        v = Math.min(q.max, Math.max(q.min, +v.toPrecision(12)));
        set({ [q.name]: v });
      });
      box.addEventListener("input", () => {
        const v = Number(box.value);
        if (box.value.trim() !== "" && set({ [q.name]: v })) box.removeAttribute("aria-invalid");
        else box.setAttribute("aria-invalid", "true");
      });
      box.addEventListener("change", () => (box.value = shown(q, values[q.name])));
      return { q, range, box };
    });
  }
  function set(update: Record<string, number>): boolean {
    const next = { ...values, ...update };
    const bad = act.params.find((q) => !lib.inDomain(q, next[q.name], next));
    if (bad) {
      if (message) {
        message.textContent = `${bad.label} must be in ${lib.domainText(bad, next)}, got ${
          next[bad.name]
        }`;
      }
      return false;
    }
    if (message) message.textContent = "";
    values = next;
    for (const { q, range, box } of rows) {
      if (Number(range.value) !== values[q.name]) range.value = String(values[q.name]);
      if (document.activeElement !== box) box.value = shown(q, values[q.name]);
    }
    figure.setAttribute("data-asf-values", JSON.stringify(values));
    redraw();
    return true;
  }
  const fit = figure.querySelector(".asf-fit") as HTMLButtonElement | null;
  fit?.addEventListener("click", () => {
    fitted = !fitted;
    redraw();
  });
  const menu = figure.querySelector("select.asf-choice") as HTMLSelectElement | null;
  menu?.addEventListener("change", () => void show(Number(menu.value)));

  async function show(a: number): Promise<boolean> {
    if (!(a >= 0 && a < config.activations.length)) return false;
    const next = await program(a);
    current = a;
    act = config.activations[a];
    run = next;
    xs = lib.linearSamples(act.samples.from, act.samples.to, act.samples.count);
    x64 = Float64Array.from(xs);
    values = {};
    act.params.forEach((q) => (values[q.name] = q.default));
    fitted = false;
    if (menu) menu.value = String(a);
    for (const view of views) {
      const w = view.panel.window === "function" ? [act.windows.x, act.windows.y] : [
        act.windows.dx,
        act.windows.dy,
      ];
      view.x = { ...view.x, domain: w[0] };
      view.y = { ...view.y, domain: w[1] };
    }
    views.forEach((view, k) => {
      const t = titles[view.panel.chart];
      if (t) t.textContent = view.panel.title.replace("{label}", act.label);
      void k;
    });
    buildControls();
    figure.setAttribute("data-asf-activation", act.name);
    set({});
    return true;
  }

  // ---- drawing ----
  let fits = views.map((view) => view.y.domain);
  function px(view: View, x: number): number {
    const { domain: [d0, d1], range: [r0, r1] } = view.x;
    return r0 + (x - d0) * (r1 - r0) / (d1 - d0);
  }
  function py(view: View, y: number): number {
    const [d0, d1] = fits[views.indexOf(view)], [r0, r1] = view.y.range;
    return r0 + (y - d0) * (r1 - r0) / (d1 - d0);
  }
  function element(name: string, attributes: Record<string, string | number>): SVGElement {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    return e;
  }
  // a group of the page's own marks: below Plot's marks (`under`) or above them
  function layer(chart: SVGSVGElement, name: string, under = false): SVGGElement {
    let g = chart.querySelector(`g[data-live="${name}"]`) as SVGGElement | null;
    if (!g) {
      g = element("g", { "data-live": name }) as SVGGElement;
      if (under) chart.insertBefore(g, chart.querySelector('g[aria-description^="curve"]'));
      else chart.appendChild(g);
    }
    while (g.firstChild) g.removeChild(g.firstChild);
    return g;
  }
  function range(view: View, y: Float32Array): [number, number] {
    let lo = Infinity, hi = -Infinity;
    const [x0, x1] = view.x.domain;
    for (let i = 0; i < y.length; i++) {
      if (x64[i] < x0 || x64[i] > x1 || !Number.isFinite(y[i])) continue;
      lo = Math.min(lo, y[i]);
      hi = Math.max(hi, y[i]);
    }
    return [lo, hi];
  }
  const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];
  // Plot's axes, grid and zero lines where the still's windows are shown; the page's own
  // (same ticks and labels) where the window changed (another activation, or fitted)
  function axes(view: View, k: number): void {
    const xOwn = !same(view.x.domain, view.still.x.domain);
    const yOwn = !same(fits[k], view.still.y.domain);
    const plotted: [string, boolean][] = [
      ['g[aria-label="x-axis tick"]', xOwn],
      ['g[aria-label="x-axis tick label"]', xOwn],
      ['g[aria-label="x-grid"]', xOwn],
      ['g[aria-description="x = 0"]', xOwn],
      ['g[aria-label="y-axis tick"]', yOwn],
      ['g[aria-label="y-axis tick label"]', yOwn],
      ['g[aria-label="y-grid"]', yOwn],
      ['g[aria-description="y = 0"]', yOwn],
    ];
    for (const [selector, hide] of plotted) {
      const g = view.chart.querySelector(selector) as SVGElement | null;
      if (g) g.style.display = hide ? "none" : "";
    }
    lib.liveAxes(
      layer(view.chart, "axes", true),
      view.x,
      { domain: fits[k], range: view.y.range },
      {
        x: xOwn,
        y: yOwn,
      },
      lib,
    );
  }
  function redraw(): void {
    const started = performance.now();
    const outputs = evaluate(xs);
    const kinks = lib.kinks[current](values).map((k) => {
      const [left, at, right] = evaluate(lib.kinkProbe(k))[1];
      return { x: k, left, at, right };
    });
    // a panel that shows less than half of its curve offers the fitted view
    const leaves = views.some((view) => {
      const y = outputs[view.panel.output];
      const [x0, x1] = view.x.domain, [y0, y1] = view.y.domain;
      let inside = 0, all = 0;
      for (let i = 0; i < y.length; i++) {
        if (x64[i] < x0 || x64[i] > x1) continue;
        all++;
        if (y[i] >= y0 && y[i] <= y1) inside++;
      }
      return inside < all / 2;
    });
    if (fit) {
      fit.hidden = !leaves && !fitted;
      fit.textContent = fitted ? "Original view" : "Fit view";
      fit.setAttribute("aria-pressed", String(fitted));
    }
    fits = views.map((view) => {
      if (!fitted) return view.y.domain;
      const [lo, hi] = range(view, outputs[view.panel.output]);
      if (!(Number.isFinite(lo) && Number.isFinite(hi))) return view.y.domain;
      const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
      const ticks = lib.niceTicks(lo - pad, hi + pad, 5);
      const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
      return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step] as const;
    });
    views.forEach((view, k) => {
      const y = outputs[view.panel.output];
      axes(view, k);
      const breaks = view.panel.kinks
        ? kinks.filter((q) => Math.abs(q.left - q.right) > 1e-9)
          .map((q) => ({ x: q.x, jump: Math.abs(q.left - q.right) }))
        : [];
      const [w0, w1] = view.x.domain, [f0, f1] = fits[k];
      const perPixelX = (w1 - w0) / Math.abs(view.x.range[1] - view.x.range[0]);
      const perPixelY = (f1 - f0) / Math.abs(view.y.range[1] - view.y.range[0]);
      const points: SegmentPoint[] = lib.simplify(
        lib.clipPoints(x64, y, view.x.domain, fits[k], breaks),
        perPixelX,
        perPixelY,
      );
      let d = "", z = -1;
      for (const p of points) {
        d += `${p.z === z ? "L" : "M"}${px(view, p.x)},${py(view, p.y)}`;
        z = p.z;
      }
      const curve = view.chart.querySelector('g[aria-description^="curve"]');
      const paths = curve ? [...curve.querySelectorAll("path")] : [];
      if (paths[0]) {
        paths[0].setAttribute("d", d);
        paths[0].setAttribute("stroke", act.color);
        paths.slice(1).forEach((p) => p.remove());
      }
      if (curve) curve.setAttribute("stroke", act.color);
      view.chart.querySelector('g[aria-description="hover"]')?.remove(); // the crosshair reads out
      view.chart.querySelectorAll('g[aria-description^="kink"]').forEach((g) => g.remove());
      const marks = layer(view.chart, "kinks");
      if (!view.panel.kinks) return;
      const inside = (v: number) => v >= f0 && v <= f1;
      for (const q of kinks) {
        if (!(q.x >= w0 && q.x <= w1)) continue;
        const title = `kink at x = ${q.x}: limit from the left ${lib.formatValue(q.left)}, ` +
          `from the right ${lib.formatValue(q.right)}, value used ${lib.formatValue(q.at)}`;
        const dot = (v: number, open: boolean) => {
          const c = element("circle", {
            cx: px(view, q.x),
            cy: py(view, v),
            r: 6,
            fill: open ? "white" : act.color,
            stroke: open ? act.color : "white",
            "stroke-width": open ? 2.5 : 1.5,
            "data-kink": open ? "limit" : "value",
          });
          const t = element("title", {});
          t.textContent = title;
          c.appendChild(t);
          marks.appendChild(c);
        };
        if (Math.abs(q.left - q.right) > 1e-9) {
          [q.left, q.right].filter(inside).forEach((v) => dot(v, true));
        }
        if (inside(q.at)) dot(q.at, false);
      }
    });
    lastRedraw = performance.now() - started;
    figure.setAttribute("data-asf-redraw-ms", lastRedraw.toFixed(3));
  }

  // ---- hover: a crosshair and the values at the pointer, computed there ----
  const readout = figure.querySelector(".asf-readout") as HTMLElement | null;
  views.forEach((view, k) => {
    const { chart } = view;
    // SVG takes pointer events on what it paints: a transparent frame catches them all
    const [fx0, fx1] = view.x.range, [fy0, fy1] = view.y.range;
    chart.insertBefore(
      element("rect", {
        x: Math.min(fx0, fx1),
        y: Math.min(fy0, fy1),
        width: Math.abs(fx1 - fx0),
        height: Math.abs(fy1 - fy0),
        fill: "transparent",
        "pointer-events": "all",
        "data-live": "pointer",
      }),
      chart.firstChild,
    );
    chart.addEventListener("pointermove", (event) => {
      const box = chart.getBoundingClientRect();
      const scale = box.width /
        (chart.viewBox.baseVal?.width || chart.width.baseVal.value || box.width);
      const cx = (event.clientX - box.left) / scale, cy = (event.clientY - box.top) / scale;
      const [r0, r1] = view.x.range, [t0, t1] = view.y.range;
      const hover = layer(chart, "hover");
      if (
        cx < Math.min(r0, r1) || cx > Math.max(r0, r1) || cy < Math.min(t0, t1) ||
        cy > Math.max(t0, t1)
      ) {
        if (readout) readout.textContent = "";
        return;
      }
      const [d0, d1] = view.x.domain;
      const x = d0 + (cx - r0) * (d1 - d0) / (r1 - r0);
      const out = evaluate([x]);
      const v = out[view.panel.output][0];
      const stroke = { stroke: "#555", "stroke-dasharray": "3 3", "pointer-events": "none" };
      hover.appendChild(element("line", { x1: cx, x2: cx, y1: t0, y2: t1, ...stroke }));
      if (Number.isFinite(v) && v >= fits[k][0] && v <= fits[k][1]) {
        const y = py(view, v);
        hover.appendChild(element("line", { x1: r0, x2: r1, y1: y, y2: y, ...stroke }));
        hover.appendChild(element("circle", {
          cx,
          cy: y,
          r: 5,
          fill: act.color,
          stroke: "white",
          "pointer-events": "none",
        }));
      }
      const digits = Math.max(2, -Math.floor(Math.log10((d1 - d0) / Math.abs(r1 - r0))) + 1);
      const label = element("text", {
        x: Math.min(r0, r1) + 6,
        y: Math.min(t0, t1) + 16,
        "text-anchor": "start",
        "font-size": 13,
        fill: "#222",
        "pointer-events": "none",
      });
      label.textContent = `x = ${x.toFixed(digits)}, ${view.panel.label} = ${lib.formatValue(v)}`;
      hover.appendChild(label);
      if (readout) {
        readout.textContent = `x = ${x.toFixed(digits)}: ` + config.panels
          .map((p) => `${p.label} = ${lib.formatValue(out[p.output][0])}`).join(", ");
      }
    });
    chart.addEventListener("pointerleave", () => {
      layer(chart, "hover");
      if (readout) readout.textContent = "";
    });
  });

  const handle: LiveHandle = {
    activation: () => act.name,
    select: (name) => show(config.activations.findIndex((a) => a.name === name)),
    values: () => ({ ...values }),
    set,
    evaluate: (x, p) => evaluate(x, p ? { ...values, ...p } : values),
    lastRedraw: () => lastRedraw,
  };
  (figure as HTMLElement & { liveFigure?: LiveHandle }).liveFigure = handle;
  show(config.start).then(() => {
    controls.hidden = false;
    controls.style.display = "";
    figure.setAttribute("data-asf-ready", "1");
  }, (error) => {
    figure.setAttribute("data-asf-ready", "failed");
    figure.setAttribute("data-asf-error", String(error));
  });
}

/**
 * The page's script for one figure: the library functions as source, then
 * {@linkcode liveRuntime} called with the figure's id.
 *
 * @param id The figure's element id.
 * @param kinks The sources of the activations' kinks functions (`spec.kinks.toString()`).
 * @returns JavaScript for a `<script>` element.
 *
 * @example
 * ```ts
 * import { liveScript } from "./live_runtime.ts";
 * const script = liveScript("asf-1", ["() => [0]"]);
 * console.assert(script.includes("function runChunked") && script.includes('"asf-1"'));
 * ```
 */
export function liveScript(id: string, kinks: readonly string[]): string {
  const parts = [
    runChunked,
    clipPoints,
    simplify,
    formatValue,
    niceTicks,
    formatTick,
    kinkProbe,
    linearSamples,
    inDomain,
    domainText,
    liveAxes,
  ];
  return `(function () {\n${parts.map((f) => f.toString()).join("\n")}\n` +
    `(${liveRuntime.toString()})(${JSON.stringify(id)}, document.currentScript, { ` +
    parts.map((f) => f.name).map((n) => `${n}: ${n}`).join(", ") +
    `, kinks: [${kinks.map((k) => `(${k})`).join(", ")}] });\n})();`;
}
