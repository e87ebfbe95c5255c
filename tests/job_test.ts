// The main job end to end: every notebook runs top to bottom on a fresh Deno kernel with no
// error and no stray output, the original's files land in out/figures/, metrics are recorded,
// and a second run gives identical figures and metrics.
import assert from "node:assert/strict";
import {
  type Notebook,
  notebookPaths,
  readNotebook,
  ROOT,
  runNotebooks,
  text,
} from "./notebook_files.ts";
import { README_FIGURES } from "../tasks/docs.ts";

/** The files the original notebook exports, each PNG with its SVG twin. */
const ORIGINAL_FIGURES = [
  "Identity",
  "Sigmoid",
  "Hyperbolic Tangent",
  "ReLU",
  "Leaky ReLU",
  "ELU",
  "Softmax",
  "Maxout",
  "Linear vs Nonlinear",
  "Nonlinear Transformation",
].flatMap((name) => [`figures/${name}.png`, `figures/${name}.svg`])
  .concat(["figures/Leaky ReLU.html", "figures/ELU.html"]);

/**
 * Everything the first notebook saves, by name: the original's files and one of ours, the
 * boundary before the hidden layers beside the data after them.
 */
const FIRST_NOTEBOOK_FIGURES = [
  ...ORIGINAL_FIGURES.map((file) => file.slice("figures/".length)),
  "Before and After Nonlinear Transformation.png",
  "Before and After Nonlinear Transformation.svg",
].sort();

const ORIGINAL_METRICS = [
  "linear.loss",
  "linear.accuracy",
  "nonlinear.loss",
  "nonlinear.accuracy",
  "subnetwork.loss",
  "subnetwork.accuracy",
];

Deno.test("committed notebooks carry no outputs and name the project's kernel", async (t) => {
  const paths = notebookPaths();
  assert.ok(paths.includes("notebooks/activation_functions.ipynb"), paths.join(", "));
  for (const path of paths) {
    await t.step(path, () => {
      const nb = readNotebook(path);
      assert.equal(nb.metadata.kernelspec?.name, "deno-activations");
      for (const [i, cell] of nb.cells.entries()) {
        if (cell.cell_type !== "code") continue;
        assert.deepEqual(cell.outputs, [], `${path} cell ${i} has outputs`);
        assert.equal(cell.execution_count, null, `${path} cell ${i} has an execution count`);
      }
    });
  }
});

function pngSize(bytes: Uint8Array): [number, number] {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.slice(0, 8)], signature, "not a PNG");
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

// The first line of a cell's last top-level statement: the last line that starts at the
// left margin and does not close a bracket (deno fmt indents everything inside one).
function lastStatement(source: string): string {
  const lines = source.trimEnd().split("\n").filter((l) => !l.trimStart().startsWith("//"));
  return lines.findLast((l) => /^[^\s)\]}]/.test(l)) ?? lines.at(-1) ?? "";
}

// Whether a cell ending with this statement shows a value: an expression does (`leaky;`
// too: unlike IPython, Deno's kernel does not hide a value behind a trailing `;`, and
// deno fmt puts one after every statement); declarations, loops, assignments and calls
// that return nothing (console.log, show, reportMetric) do not.
function showsValue(statement: string): boolean {
  return !/^(const|let|var|import|export|for|while|if|function|class|try)\b/.test(statement) &&
    !/^(await\s+)?(console\.\w+|show|reportMetric)\(/.test(statement) &&
    !/^[\w.$[\]]+\s*[-+*/]?=[^=]/.test(statement);
}

function outputsOf(nb: Notebook) {
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs ?? []);
}

Deno.test("deno task run executes every notebook and writes out/", async (t) => {
  const out = `${ROOT}/out`;
  const second = await Deno.makeTempDir({ prefix: "out-second-run-" });
  try {
    const first = await runNotebooks(["--out", out]);
    assert.equal(first.code, 0, first.stderr);
    const summary = JSON.parse(await Deno.readTextFile(`${out}/summary.json`));

    await t.step("summary lists every notebook without errors", () => {
      assert.deepEqual(
        summary.notebooks.map((n: { path: string }) => n.path),
        notebookPaths(),
      );
      for (const n of summary.notebooks) {
        assert.deepEqual(n.errors, [], n.path);
        assert.ok(n.cells > 0 && n.seconds > 0, JSON.stringify(n));
      }
    });

    await t.step("every code cell ran, no error, no stderr, no tfjs banner", () => {
      for (const path of notebookPaths()) {
        const nb = readNotebook(`${out}/notebooks/${path.split("/").pop()}`);
        for (const [i, cell] of nb.cells.entries()) {
          if (cell.cell_type !== "code") continue;
          assert.ok(cell.execution_count, `${path} cell ${i} did not run`);
          // a cell ending with an expression shows its value, and no other cell shows one
          const last = lastStatement(text(cell.source));
          const results = (cell.outputs ?? []).filter((o) => o.output_type === "execute_result");
          assert.equal(results.length, showsValue(last) ? 1 : 0, `${path} cell ${i}: ${last}`);
          for (const o of cell.outputs ?? []) {
            assert.notEqual(o.output_type, "error", `${path} cell ${i}: ${o.evalue}`);
            assert.ok(o.name !== "stderr", `${path} cell ${i} wrote to stderr: ${text(o.text)}`);
            const all = JSON.stringify(o);
            assert.ok(!/TensorFlow\.js in Node\.js|tfjs-node/.test(all), `${path} cell ${i}`);
          }
        }
      }
    });

    await t.step("the original's figures are exported, PNGs at 2x with SVG twins", async () => {
      for (const file of ORIGINAL_FIGURES) {
        assert.ok(summary.figures.includes(file), `${file} missing from summary.figures`);
        const bytes = await Deno.readFile(`${out}/${file}`);
        if (file.endsWith(".png")) {
          const [w, h] = pngSize(bytes);
          assert.ok(w >= 600 && h >= 300, `${file} is ${w}x${h}`);
        } else if (file.endsWith(".svg")) {
          assert.match(new TextDecoder().decode(bytes.slice(0, 200)), /^<svg xmlns=/);
        } else {
          // the page builds its sliders from what it carries: their place and the program
          const page = new TextDecoder().decode(bytes);
          assert.match(page, /class="asf-params"/);
          assert.match(page, /"wasm":"[A-Za-z0-9+/]{100,}/);
        }
      }
    });

    await t.step("the first notebook saves exactly the files its text lists", () => {
      const first = summary.notebooks.find((n: { path: string }) =>
        n.path === "notebooks/activation_functions.ipynb"
      );
      assert.deepEqual([...first.figures].sort(), FIRST_NOTEBOOK_FIGURES);
      // "Nonlinear Transformation" is the original's picture: the after panel alone
      const svg = Deno.readTextFileSync(`${out}/figures/Nonlinear Transformation.svg`);
      assert.match(svg, /After Nonlinear Transformation/);
      assert.doesNotMatch(svg, /Before Nonlinear Transformation/);
      // and the notebook's introduction names every one of them
      const intro = text(readNotebook("notebooks/activation_functions.ipynb").cells[0].source);
      for (const file of FIRST_NOTEBOOK_FIGURES) {
        const name = file.replace(/\.(png|svg)$/, "");
        assert.ok(intro.includes(`\`${name}\``) || intro.includes(`\`${file}\``), name);
      }
    });

    await t.step("metrics of the three networks are recorded", () => {
      const metrics = summary.metrics.activation_functions;
      for (const name of ORIGINAL_METRICS) {
        assert.equal(typeof metrics[name], "number", name);
      }
      assert.ok(metrics["nonlinear.accuracy"] >= 0.97, JSON.stringify(metrics));
      assert.ok(metrics["linear.accuracy"] <= 0.8, JSON.stringify(metrics));
    });

    await t.step("every figure shown inline has HTML, an image and a plain-text form", () => {
      const nb = readNotebook(`${out}/notebooks/activation_functions.ipynb`);
      const figures = outputsOf(nb).flat().filter((o) => o.data?.["text/html"]);
      assert.ok(figures.length >= 12, `only ${figures.length} HTML outputs`);
      for (const o of figures) {
        assert.ok(text(o.data?.["text/plain"]).length > 0);
      }
    });

    await t.step(
      "an executed notebook weighs at most 1 MB, an interactive page 200 KB",
      async () => {
        for (const path of notebookPaths()) {
          const size = (await Deno.stat(`${out}/notebooks/${path.split("/").pop()}`)).size;
          assert.ok(size <= 1_000_000, `${path} executed is ${(size / 1e6).toFixed(2)} MB`);
        }
        let pages = 0;
        for await (const entry of Deno.readDir(`${out}/figures`)) {
          if (!entry.name.endsWith(".html")) continue;
          const size = (await Deno.stat(`${out}/figures/${entry.name}`)).size;
          assert.ok(size <= 200_000, `${entry.name} is ${(size / 1e3).toFixed(0)} KB`);
          pages++;
        }
        assert.ok(pages >= 3, `only ${pages} interactive pages`);
      },
    );

    await t.step(
      "README's pictures in docs/ are the current figures (deno task docs)",
      async () => {
        for (const [name, file] of Object.entries(README_FIGURES)) {
          const docs = await Deno.readFile(`${ROOT}/docs/${file}.png`);
          const fresh = await Deno.readFile(`${out}/figures/${name}.png`);
          assert.ok(
            docs.length === fresh.length && docs.every((b, i) => b === fresh[i]),
            `docs/${file}.png is stale: run deno task run, then deno task docs`,
          );
        }
      },
    );

    await t.step("a second run gives identical figures and metrics", async () => {
      const again = await runNotebooks(["--out", second]);
      assert.equal(again.code, 0, again.stderr);
      const summary2 = JSON.parse(await Deno.readTextFile(`${second}/summary.json`));
      assert.deepEqual(summary2.metrics, summary.metrics);
      assert.deepEqual(summary2.figures, summary.figures);
      for (const file of summary.figures.filter((f: string) => !f.endsWith(".png"))) {
        const a = await Deno.readTextFile(`${out}/${file}`);
        const b = await Deno.readTextFile(`${second}/${file}`);
        assert.ok(a === b, `${file} differs between two runs`);
      }
    });
  } finally {
    await Deno.remove(second, { recursive: true });
  }
});
