import assert from "node:assert/strict";
import { ACTIVATIONS, getActivation } from "../activations/activations.ts";
import type { ActivationSpec } from "../activations/activation_spec.ts";
import { activation } from "../activations/autodiff.ts";
import { fusedProgramsCompiled } from "../kernel/fused_kernel.ts";
import { UnsupportedOperationError } from "../kernel/unsupported_operation.ts";
import { resolveActivation } from "../activations/resolve_activation.ts";
import type { InteractiveFigure } from "./interactive_figure.ts";
import { linearSamples, type LiveConfig } from "./live_config.ts";
import { explorerFigure, saveInteractive, sliderFigure } from "./slider_figure.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";
import { parseSvg } from "../../tests/_helpers/figure_checks.ts";

const PARAMETRIC = ACTIVATIONS.filter((a) => a.inputs === 1 && a.params.length > 0);

// What the page embeds: the JSON in its <script type="application/json">.
function pageConfig(html: string): LiveConfig {
  const m = html.match(/<script type="application\/json" class="asf-data">(.*?)<\/script>/s);
  assert.ok(m, "the page embeds its data as JSON");
  return JSON.parse(m[1]);
}

// The page's program, instantiated here as the page does, from the page's own bytes,
// and run with the page's driver (the function whose source the page ships).
async function pageProgram(config: LiveConfig, a = config.start) {
  const { runChunked } = await import("../kernel/wasm_loop.ts");
  const act = config.activations[a];
  const bytes = Uint8Array.from(atob(act.wasm), (c) => c.charCodeAt(0));
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { instance } = await WebAssembly.instantiate(bytes, { env: { memory } });
  const run = instance.exports.run as (...args: number[]) => void;
  return (x: Float32Array, p: Record<string, number>) => {
    const outs = [new Float32Array(x.length), new Float32Array(x.length)];
    runChunked(run, memory, [x], outs, x.length, act.params.map((q) => p[q.name]));
    return outs;
  };
}

Deno.test("sliderFigure() pages carry the program activation() runs: equal bit for bit at any value", async (t) => {
  for (const spec of PARAMETRIC) {
    await t.step(spec.name, async () => {
      const fig = sliderFigure(spec.name);
      const config = pageConfig(fig.html());
      const run = await pageProgram(config);
      const act = config.activations[0];
      const x = linearSamples(act.samples.from, act.samples.to, act.samples.count);
      // defaults, each slider end, and values off the slider's step grid, in the domain
      const sweeps = [Object.fromEntries(act.params.map((p) => [p.name, p.default]))];
      for (const p of act.params) {
        for (const v of [p.min, p.max, p.min + (p.max - p.min) * 0.3137, p.default + p.step / 7]) {
          const values = { ...sweeps[0], [p.name]: v };
          try {
            activation(spec.name, [0], values); // inside the domain (with the others)?
          } catch {
            continue;
          }
          sweeps.push(values);
        }
      }
      for (const values of sweeps) {
        const [y, dy] = run(x, values);
        const expected = activation(spec.name, x, values);
        assert.deepEqual(y, expected.y, `f at ${JSON.stringify(values)}`);
        assert.deepEqual(dy, expected.dy, `f' at ${JSON.stringify(values)}`);
      }
    });
  }
});

Deno.test("sliderFigure() compiles once per activation, whatever the values", () => {
  sliderFigure("elu");
  const before = fusedProgramsCompiled();
  for (let k = 0; k < 5; k++) sliderFigure("elu");
  activation("elu", [0, 1], { alpha: 0.123456 });
  assert.equal(fusedProgramsCompiled(), before);
});

Deno.test("sliderFigure() hands the page the static figure's scales and samples", () => {
  const fig = sliderFigure("elu");
  const { config, still } = fig;
  assert.deepEqual(config.scales, still.charts);
  const [f, d] = config.scales;
  const view = getActivation("elu").view;
  assert.deepEqual(f.x.domain, view.x);
  assert.deepEqual(f.y.domain, view.y);
  assert.deepEqual(d.x.domain, view.dx);
  assert.deepEqual(d.y.domain, view.dy);
  // 2,000 samples across the narrower window ([-3, 3]); the wider one is [-5, 5]
  assert.deepEqual(config.activations[0].samples, {
    from: -5,
    to: 5,
    count: Math.ceil(1999 * 10 / 6) + 1,
  });
  // the charts the page draws on are marked, one per scale
  const svg = parseSvg(still.svg());
  assert.equal(svg.querySelectorAll("svg[data-chart]").length, 2);
  assert.deepEqual(config.panels.map((p) => p.output), [0, 1]);
});

Deno.test("sliderFigure() pages know no formula and stay small", async (t) => {
  for (const spec of PARAMETRIC) {
    await t.step(spec.name, () => {
      const fig = sliderFigure(spec.name);
      const page = fig.html();
      const script = page.match(/<script>([\s\S]*?)<\/script>/)![1];
      // the activation comes as WebAssembly: no exponential or logarithm in the script
      assert.doesNotMatch(script, /Math\.(exp|expm1|log|log1p|tanh)\b/, spec.name);
      assert.ok(fig.sizes.page < 200_000, `${spec.name}: page ${fig.sizes.page} bytes`);
      assert.ok(fig.sizes.program < 20_000, `${spec.name}: program ${fig.sizes.program} bytes`);
      assert.ok(fig.sizes.notebook < 250_000, `${spec.name}: notebook ${fig.sizes.notebook} bytes`);
    });
  }
});

Deno.test("sliderFigure() displays in Jupyter with a fallback for untrusted outputs", () => {
  const fig = sliderFigure("leaky_relu");
  const bundle = fig[JUPYTER_DISPLAY]();
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  const html = bundle["text/html"];
  assert.ok(html.includes("<script>") && html.includes('class="asf-params"'));
  // JupyterLab leaves the arrow keys to the slider
  assert.match(html, /<div class="asf-controls" data-lm-suppress-shortcuts="true"/);
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
  assert.match(a.id, /^asf-leaky_relu-\d+$/);
  assert.ok(a.html().includes(`id="${a.id}"`));
  assert.ok(a.html().includes(`(${JSON.stringify(a.id)}, document.currentScript`));
});

Deno.test("sliderFigure() leaks no tensors", () => {
  const before = tf.memory().numTensors;
  sliderFigure("elu");
  sliderFigure("hard_tanh");
  assert.throws(() => sliderFigure("relu"));
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("sliderFigure() takes an activation declared like the registry's", async () => {
  const scaledTanh: ActivationSpec = {
    ...getActivation("tanh"),
    name: "scaled_tanh",
    label: "Scaled Tanh",
    params: [{
      name: "a",
      label: "Scale a",
      default: 2,
      min: 0.5,
      max: 3,
      step: 0.5,
      domain: { min: 0, max: Infinity, minOpen: true },
    }],
    kinks: () => [],
    fn: (x, p) => tf.mul(tf.tanh(x), p.a),
  };
  const fig = sliderFigure(scaledTanh);
  const config = pageConfig(fig.html());
  const run = await pageProgram(config);
  const x = new Float32Array([-1, 0, 0.5]);
  const [y, dy] = run(x, { a: 1.7 });
  x.forEach((v, i) => {
    assert.ok(Math.abs(y[i] - 1.7 * Math.tanh(v)) < 1e-6, `f(${v})`);
    assert.ok(Math.abs(dy[i] - 1.7 / Math.cosh(v) ** 2) < 1e-6, `f'(${v})`);
  });
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
  await t.step("samples out of range", () => {
    assert.throws(
      () => sliderFigure("elu", { samples: 10 }),
      /samples: 10 is below the minimum 100/,
    );
  });
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

Deno.test("explorerFigure() carries every one-input activation's program; one still", async (t) => {
  const fig = explorerFigure();
  const { config } = fig;
  const oneInput = ACTIVATIONS.filter((a) => a.inputs === 1);
  assert.deepEqual(config.activations.map((a) => a.name), oneInput.map((a) => a.name));
  assert.match(
    fig.html(),
    /<select class="asf-choice" aria-label="Activation"><option value="0" selected>Identity<\/option>/,
  );
  assert.ok(fig.sizes.page < 400_000, `${fig.sizes.page} bytes`);
  for (const [k, spec] of oneInput.entries()) {
    await t.step(spec.name, async () => {
      const run = await pageProgram(config, k);
      const x = new Float32Array([-3, -0.5, 0, 1e-7, 2.5]);
      const defaults = Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
      const [y, dy] = run(x, defaults);
      const expected = activation(spec.name, x, defaults);
      assert.deepEqual(y, expected.y);
      assert.deepEqual(dy, expected.dy);
    });
  }
  assert.throws(() => explorerFigure([]), /explorerFigure\(activations\): no activations/);
  assert.throws(
    () => explorerFigure(["relu"], { start: "elu" }),
    /start: "elu" is not one of "relu"/,
  );
  assert.throws(() => explorerFigure(["softmax"]), /takes two inputs/);
});

Deno.test("sliderFigure() takes a resolved activation, its parameters the start", async (t) => {
  await t.step("the sliders start at the handle's values, the still drawn there", () => {
    const elu = resolveActivation("elu", { alpha: 0.5 });
    const fig = sliderFigure(elu);
    assert.equal(fig.config.activations[0].params[0].default, 0.5);
    const byName = sliderFigure("elu");
    assert.notEqual(fig.still.body, byName.still.body);
    const explorer = explorerFigure([elu, "relu"]);
    assert.equal(explorer.config.activations[0].params[0].default, 0.5);
  });
  await t.step("an activation the compiler cannot take: the error names the operation", () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const arctan = resolveActivation({
        ...getActivation("elu"),
        name: "arctan_slider",
        fn: (x, p) => tf.mul(tf.atan(x), p.alpha),
      });
      assert.throws(() => sliderFigure(arctan), UnsupportedOperationError);
    } finally {
      console.warn = warn;
    }
  });
});
