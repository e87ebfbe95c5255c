// The main job's runner on small synthetic notebooks: failures name the notebook and the
// cell, stderr output fails the run, a wrong kernel is explained, and out/ survives a failure.
import assert from "node:assert/strict";
import { runNotebooks, text } from "./notebook_files.ts";

function notebook(cells: string[], kernel = "deno-activations"): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
    metadata: { kernelspec: { name: kernel, display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

async function scratch(files: Record<string, string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "run-job-" });
  for (const [name, content] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${name}`, content);
  }
  return dir;
}

Deno.test("run_notebooks.py writes executed copies, figures list and metrics", async () => {
  // Deno's kernel sometimes publishes a result after the cell's idle status: none may be lost.
  const results = Array.from({ length: 20 }, (_, i) => `a * ${i}`);
  const dir = await scratch({ "ok.ipynb": notebook(["const a = 1 + 1;", "a * 21", ...results]) });
  try {
    const { code, stderr } = await runNotebooks([`${dir}/ok.ipynb`, "--out", `${dir}/out`]);
    assert.equal(code, 0, stderr);
    const summary = JSON.parse(await Deno.readTextFile(`${dir}/out/summary.json`));
    assert.equal(summary.notebooks.length, 1);
    assert.equal(summary.notebooks[0].cells, 22);
    assert.deepEqual(summary.notebooks[0].errors, []);
    assert.deepEqual(summary.figures, []);
    const executed = JSON.parse(await Deno.readTextFile(`${dir}/out/notebooks/ok.ipynb`));
    assert.equal(text(executed.cells[1].outputs[0].data["text/plain"]), "42");
    for (let i = 0; i < 20; i++) {
      assert.equal(text(executed.cells[i + 2].outputs[0]?.data["text/plain"]), String(2 * i));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py fails on an error, names notebook and cell, keeps out/", async () => {
  const dir = await scratch({
    "bad.ipynb": notebook(["1", "2", 'throw new Error("boom in the third cell")']),
  });
  try {
    await Deno.mkdir(`${dir}/out`);
    await Deno.writeTextFile(`${dir}/out/summary.json`, "previous");
    const { code, stderr } = await runNotebooks([`${dir}/bad.ipynb`, "--out", `${dir}/out`]);
    assert.equal(code, 1);
    assert.match(stderr, /bad\.ipynb failed/);
    assert.match(stderr, /code cell 3 of 3/);
    assert.match(stderr, /boom in the third cell/);
    assert.equal(await Deno.readTextFile(`${dir}/out/summary.json`), "previous");
    const leftovers = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(leftovers, ["bad.ipynb", "out"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py treats output on stderr as a failure", async () => {
  const dir = await scratch({ "noisy.ipynb": notebook(['console.error("a stray warning")']) });
  try {
    const { code, stderr } = await runNotebooks([`${dir}/noisy.ipynb`, "--out", `${dir}/out`]);
    assert.equal(code, 1);
    assert.match(stderr, /code cell 1 of 1 printed to stderr/);
    assert.match(stderr, /a stray warning/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py explains a notebook with the wrong kernel", async () => {
  const dir = await scratch({ "python.ipynb": notebook(["1"], "python3") });
  try {
    const { code, stderr } = await runNotebooks([`${dir}/python.ipynb`, "--out", `${dir}/out`]);
    assert.equal(code, 1);
    assert.match(stderr, /asks for the kernel "python3"/);
    assert.match(stderr, /"deno-activations"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
