import assert from "node:assert/strict";
import { kinkMarkers } from "../figures/kink_markers.ts";
import { getActivation } from "../activations/activations.ts";
import { activation } from "../activations/autodiff.ts";
import type { InteractiveFigure } from "./interactive_figure.ts";
import { parametricPairFigure, saveInteractive, sliderFigure } from "./slider_figure.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";
import { parseSvg, pathPoints } from "../../tests/_helpers/figure_checks.ts";

// What the page embeds: the JSON in its <script type="application/json">, decoded here
// independently of the module (little-endian float32 / float64).
interface PageData {
  id: string;
  mode: string;
  params: { name: string; grid: number[]; default: number }[];
  x: string;
  y: string;
  dy: string;
  kinks: number[][][];
  panels: {
    i0: number;
    n: number;
    ax: number;
    bx: number;
    ay: number;
    by: number;
    hover: [number, number][];
  }[];
}

function pageData(html: string): PageData {
  const m = html.match(/<script type="application\/json" class="asf-data">(.*?)<\/script>/s);
  assert.ok(m, "the page embeds its data as JSON");
  return JSON.parse(m[1]);
}

function decode(text: string, bytes: 4 | 8): number[] {
  const bin = atob(text);
  const view = new DataView(Uint8Array.from(bin, (c) => c.charCodeAt(0)).buffer);
  return Array.from(
    { length: bin.length / bytes },
    (_, i) => bytes === 4 ? view.getFloat32(4 * i, true) : view.getFloat64(8 * i, true),
  );
}

// float64 closed forms (independent of the library)
const LEAKY = {
  f: (x: number, a: number) => (x <= 0 ? a * x : x),
  df: (x: number, a: number) => (x <= 0 ? a : 1),
};
const ELU = {
  f: (x: number, a: number) => (x <= 0 ? a * Math.expm1(x) : x),
  df: (x: number, a: number) => (x <= 0 ? a * Math.exp(x) : 1),
};

Deno.test("sliderFigure() embeds the library's curves for every slider value", async (t) => {
  for (const [name, ref] of [["leaky_relu", LEAKY], ["elu", ELU]] as const) {
    await t.step(name, () => {
      const fig = sliderFigure(name);
      const data = pageData(fig.html());
      const [grid] = data.params.map((p) => p.grid);
      assert.equal(grid.length, 100);
      assert.deepEqual([grid[0], grid[data.params[0].default], grid[99]], [
        0.01,
        name === "elu" ? 1 : 0.3,
        1,
      ]);
      const x = decode(data.x, 8), ys = decode(data.y, 4), dys = decode(data.dy, 4);
      const [pf, pd] = data.panels;
      assert.equal(ys.length, 100 * pf.n);
      assert.equal(dys.length, 100 * pd.n);
      // the panels cover their windows: f on [-3, 3], f' on [-5, 5]
      assert.ok(x[pf.i0] <= -3 && x[pf.i0 + pf.n - 1] >= 3);
      assert.ok(x[pd.i0] <= -5 && x[pd.i0 + pd.n - 1] >= 5);
      for (const k of [0, 13, 29, 50, 99]) {
        const alpha = grid[k];
        const lib = activation(name, x, { alpha });
        for (let i = 0; i < pf.n; i++) {
          const got = ys[k * pf.n + i], xi = x[pf.i0 + i];
          assert.ok(Math.abs(got - lib.y[pf.i0 + i]) <= 1e-5, `f(${xi}) at alpha ${alpha}`);
          const want = ref.f(Math.fround(xi), alpha);
          assert.ok(Math.abs(got - want) <= 1e-5 * (1 + Math.abs(want)), `f(${xi}) vs closed form`);
        }
        for (let i = 0; i < pd.n; i++) {
          const got = dys[k * pd.n + i], xi = x[pd.i0 + i];
          assert.ok(Math.abs(got - lib.dy[pd.i0 + i]) <= 1e-5, `f'(${xi}) at alpha ${alpha}`);
          const want = ref.df(Math.fround(xi), alpha);
          assert.ok(
            Math.abs(got - want) <= 1e-5 * (1 + Math.abs(want)),
            `f'(${xi}) vs closed form`,
          );
        }
        // the module's own decoder reads the same numbers
        const e = fig.embedded(k);
        assert.deepEqual(Array.from(e.y), ys.slice(k * pf.n, (k + 1) * pf.n));
        // kinks: Leaky ReLU always at 0 (alpha < 1), ELU only for alpha != 1
        const kinks = data.kinks[k];
        if (alpha === 1) assert.deepEqual(kinks, []);
        else {
          assert.equal(kinks.length, 1);
          const [kx, left, right, at] = kinks[0];
          assert.equal(kx, 0);
          assert.ok(Math.abs(left - alpha) < 1e-6 && right === 1 && Math.abs(at - alpha) < 1e-6);
        }
      }
      // hover read-outs sit on samples: x = -3.00, -2.95, ... on the function panel
      for (const [hx, i] of pf.hover) assert.ok(Math.abs(x[pf.i0 + i] - hx) < 1e-9);
      assert.equal(pf.hover.length, 121);
      assert.equal(pd.hover.length, 101);
    });
  }
});

Deno.test("sliderFigure() maps values to pixels as the static Plot chart does", () => {
  const fig = sliderFigure("elu", { maxDataBytes: 400_000 });
  const data = pageData(fig.html());
  const x = decode(data.x, 8);
  const doc = parseSvg(fig.still.svg());
  const curves = Array.from(doc.querySelectorAll('g[aria-description^="curve"]'));
  assert.equal(curves.length, 2);
  const k = data.params[0].default;
  for (
    const [p, arr, curve] of [
      [data.panels[0], decode(data.y, 4), curves[0]],
      [data.panels[1], decode(data.dy, 4), curves[1]],
    ] as const
  ) {
    const points = Array.from(curve.querySelectorAll("path"))
      .flatMap((path) => pathPoints(path.getAttribute("d")!));
    assert.ok(points.length > 2);
    for (const [px, py] of points) {
      // Plot's (simplified, 2-decimal) point vs the page's mapping of the embedded data
      const xv = (px - p.bx) / p.ax;
      let i = p.i0;
      while (i + 1 < p.i0 + p.n - 1 && x[i + 1] < xv) i++;
      const t = (xv - x[i]) / (x[i + 1] - x[i]);
      const v0 = arr[k * p.n + i - p.i0], v1 = arr[k * p.n + i + 1 - p.i0];
      const want = p.ay * (v0 + t * (v1 - v0)) + p.by;
      assert.ok(Math.abs(py - want) < 0.1, `pixel (${px}, ${py}) vs ${want}`);
    }
  }
});

const SOFTPLUS = {
  f: (x: number, b: number) => Math.max(b * x, 0) / b + Math.log1p(Math.exp(-Math.abs(b * x))) / b,
  df: (x: number, b: number) => 1 / (1 + Math.exp(-b * x)),
};

Deno.test("sliderFigure() samples so that the drawn chords follow the curve", () => {
  // straight segments between samples stay within 0.1% of the y window (~0.3 px) of the
  // exact curve at the first, default and last slider values (closed forms in float64)
  for (
    const [name, ref, spacing] of [
      ["leaky_relu", LEAKY, 0.05],
      ["elu", ELU, 0.05],
      ["softplus", SOFTPLUS, 0.05],
    ] as const
  ) {
    const fig = sliderFigure(name);
    const data = pageData(fig.html());
    const x = decode(data.x, 8);
    assert.ok(Math.abs(x[1] - x[0] - spacing) < 1e-9, `${name} spacing ${x[1] - x[0]}`);
    const { view } = getActivation(name);
    const grid = data.params[0].grid;
    for (const k of [0, data.params[0].default, grid.length - 1]) {
      const a = grid[k];
      for (const [f, w, yw] of [[ref.f, view.x, view.y], [ref.df, view.dx, view.dy]] as const) {
        for (let i = 0; i + 1 < x.length; i++) {
          const m = (x[i] + x[i + 1]) / 2;
          if (m < w[0] || m > w[1] || (x[i] <= 0 && x[i + 1] >= 0 && name !== "softplus")) continue;
          const err = Math.abs(f(m, a) - (f(x[i], a) + f(x[i + 1], a)) / 2);
          assert.ok(err <= 1e-3 * (yw[1] - yw[0]), `${name} at ${m}, ${a}: ${err}`);
        }
      }
    }
  }
});

Deno.test("sliderFigure() stays under 1 MB for every parametric activation", () => {
  for (const name of ["leaky_relu", "elu", "softplus", "celu"]) {
    const fig = sliderFigure(name);
    const bundle = fig[JUPYTER_DISPLAY]();
    const page = fig.html();
    assert.ok(page.length < 1_000_000, `${name} page ${page.length} bytes`);
    assert.ok(bundle["text/html"].length < 1_000_000, `${name} notebook html`);
    assert.ok(fig.sizes.data <= 600_000 + 10_000, `${name} data ${fig.sizes.data}`);
    assert.equal(fig.sizes.page, page.length);
  }
});

Deno.test("sliderFigure() displays in Jupyter with a fallback for untrusted outputs", () => {
  const fig = sliderFigure("leaky_relu");
  const bundle = fig[JUPYTER_DISPLAY]();
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  const html = bundle["text/html"];
  assert.ok(html.includes("<script>") && html.includes('type="range"'));
  // JupyterLab leaves the arrow keys to the slider
  assert.match(html, /<input type="range"[^>]* data-lm-suppress-shortcuts="true"/);
  // untrusted: the sanitizer drops <style>, <svg> and <script>; the still picture and
  // the note remain visible
  const sanitized = html.replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, "");
  assert.match(sanitized, /<img [^>]*src="data:image\/webp;base64,/);
  assert.match(sanitized, /<p class="asf-note">Alpha = 0.3 \(run the cell/);
  assert.match(bundle["text/plain"], /Leaky ReLU.*Alpha 0.01 to 1/);
  // a standalone page: no remote resource
  const page = fig.html();
  assert.ok(page.startsWith("<!DOCTYPE html>") && page.includes("<title>Leaky ReLU</title>"));
  assert.doesNotMatch(page, /\b(src|href)="(https?:)?\/\//);
  assert.doesNotMatch(page, /https?:\/\/(?!www\.w3\.org\/)/);
});

Deno.test("sliderFigure() gives every figure its own id", () => {
  const a = sliderFigure("leaky_relu"), b = sliderFigure("leaky_relu");
  assert.notEqual(a.id, b.id);
  assert.match(a.id, /^asf-[0-9a-f]+-\d+$/);
  assert.ok(a.html().includes(`id="${a.id}"`));
  assert.ok(a.html().includes(`(${JSON.stringify(a.id)})`));
});

Deno.test("sliderFigure() leaks no tensors", () => {
  const before = tf.memory().numTensors;
  sliderFigure("elu");
  assert.throws(() => sliderFigure("relu"));
  kinkMarkers("leaky_relu", { alpha: 0.2 });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("sliderFigure() rejects activations it cannot animate", async (t) => {
  await t.step("no parameters", () => {
    assert.throws(
      () => sliderFigure("relu"),
      (e: Error) => e instanceof RangeError && /"relu" has no parameters/.test(e.message),
    );
  });
  await t.step("two inputs", () => {
    assert.throws(() => sliderFigure("softmax"), TypeError);
  });
  await t.step("unknown name", () => {
    assert.throws(() => sliderFigure("nope"), /Unknown activation "nope"/);
  });
  await t.step("budget too small", () => {
    assert.throws(() => sliderFigure("elu", { maxDataBytes: 1000 }), /Too many slider values/);
  });
});

const A = { name: "a", label: "Slope", default: 1, min: -2, max: 2, step: 0.5 };
const B = { name: "b", label: "Offset", default: 0, min: -1, max: 1, step: 0.5 };

Deno.test("parametricPairFigure() embeds every combination of two sliders", () => {
  const fig = parametricPairFigure({
    label: "Line",
    color: "#000000",
    x: [-1, 1],
    y: [-3, 3],
    dx: [-1, 1],
    dy: [-3, 3],
    params: [A, B],
    values: (x, p) => ({ y: x.map((v) => p.a * v + p.b), dy: x.map(() => p.a) }),
  });
  assert.equal(fig.plan.mode, "product");
  fig.plan.records.forEach((p, r) => {
    const e = fig.embedded(r);
    e.x.forEach((xv, i) => assert.ok(Math.abs(e.y[i] - (p.a * xv + p.b)) < 1e-6));
    assert.ok(e.dy.every((v) => v === p.a));
  });
  assert.throws(() => fig.embedded(45), RangeError);
  assert.throws(
    () =>
      parametricPairFigure({
        label: "Bad",
        color: "#000",
        x: [1, -1],
        y: [-1, 1],
        dx: [-1, 1],
        dy: [-1, 1],
        params: [A],
        values: (x) => ({ y: x, dy: x }),
      }),
    /Invalid x window/,
  );
  assert.throws(
    () =>
      parametricPairFigure({
        label: "Short",
        color: "#000",
        x: [-1, 1],
        y: [-1, 1],
        dx: [-1, 1],
        dy: [-1, 1],
        params: [A],
        values: () => ({ y: [1], dy: [1] }),
      }),
    TypeError,
  );
});

Deno.test("saveInteractive() writes <name>.html atomically", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const fig = sliderFigure("leaky_relu");
    const path = saveInteractive(fig, "Leaky ReLU", { dir });
    assert.equal(path, `${dir}/Leaky ReLU.html`);
    assert.equal(Deno.readTextFileSync(path), fig.html());
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["Leaky ReLU.html"]);
    assert.throws(() => saveInteractive(fig, "../x", { dir }), TypeError);
    assert.throws(
      () => saveInteractive({} as InteractiveFigure, "x", { dir }),
      /saveInteractive\(figure\): expected an InteractiveFigure, got an object$/,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
