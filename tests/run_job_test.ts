// The main job's runner on small synthetic notebooks: failures name the notebook and the
// cell, stderr output fails the run, a wrong kernel is explained, and out/ survives a failure.
import assert from "node:assert/strict";
import { codeNotebook, ROOT, runNotebooks, text } from "./notebook_files.ts";

function notebook(cells: string[], kernel = "deno-activations"): string {
  return codeNotebook(cells, { kernel });
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

/** A notebook cell that writes what lib's reportMetric() and save() would, without lib. */
function writes(figure: string, metric: string, value: number): string {
  return `Deno.writeTextFileSync(Deno.env.get("FIGURES_DIR") + "/${figure}", "<svg/>");\n` +
    `Deno.writeTextFileSync(Deno.env.get("METRICS_FILE")!, ` +
    `JSON.stringify({ name: "${metric}", value: ${value} }) + "\\n", { append: true });`;
}

Deno.test("run_notebooks.py fails on errors thrown in a timer or an un-awaited promise", async (t) => {
  const dir = await scratch({
    "rejected.ipynb": notebook(["1", "Promise.reject(new Error('nobody awaited me')); 2", "3"]),
    "timer.ipynb": notebook([
      "setTimeout(() => { throw new Error('thrown in a timer') }, 100); 1",
      "await new Promise((r) => setTimeout(r, 500)); 2",
      "3",
    ]),
  });
  try {
    for (
      const [name, cell, message] of [
        ["rejected", 2, /nobody awaited me/],
        ["timer", 2, /thrown in a timer/],
      ] as const
    ) {
      await t.step(name, async () => {
        const args = [`${dir}/${name}.ipynb`, "--out", `${dir}/out-${name}`];
        const { code, stderr } = await runNotebooks(args);
        assert.equal(code, 1, stderr);
        assert.match(stderr, new RegExp(`code cell ${cell} of 3`));
        assert.match(stderr, message);
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py keeps every line of heavy output, and blames stderr on its cell", async (t) => {
  // 300,000 lines in 3,000 writes of 100 lines, then single lines; stderr from cell 1 only.
  const many = "const block = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\\n');\n" +
    "for (let i = 0; i < 3000; i++) console.log(block);";
  const dir = await scratch({
    "loud.ipynb": notebook([many, "for (let i = 0; i < 5000; i++) console.log(i); 'done'"]),
    "blame.ipynb": notebook([
      "for (let i = 0; i < 5000; i++) console.log(i); console.error('from cell 1');",
      "for (let i = 0; i < 5000; i++) console.log(i); 'quiet'",
      "'also quiet'",
    ]),
  });
  try {
    await t.step("300,000 lines", async () => {
      const { code, stderr } = await runNotebooks([`${dir}/loud.ipynb`, "--out", `${dir}/out`]);
      assert.equal(code, 0, stderr);
      const executed = JSON.parse(await Deno.readTextFile(`${dir}/out/notebooks/loud.ipynb`));
      const stdout = (cell: { outputs: { name?: string; text?: string | string[] }[] }) =>
        cell.outputs.filter((o) => o.name === "stdout").map((o) => text(o.text)).join("");
      assert.equal(stdout(executed.cells[0]).split("\n").length - 1, 300_000);
      assert.equal(stdout(executed.cells[1]).split("\n").length - 1, 5000);
      assert.equal(text(executed.cells[1].outputs.at(-1).data["text/plain"]), '"done"');
    });
    await t.step("stderr after 5,000 lines is cell 1's", async () => {
      const { code, stderr } = await runNotebooks([`${dir}/blame.ipynb`, "--out", `${dir}/out`]);
      assert.equal(code, 1);
      assert.match(stderr, /code cell 1 of 3 printed to stderr:\n\s*from cell 1/);
      assert.doesNotMatch(stderr, /code cell [23] of 3/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py shows a syntax error's text", async () => {
  const dir = await scratch({ "typo.ipynb": notebook(["1", "const x = ;"]) });
  try {
    const { code, stderr } = await runNotebooks([`${dir}/typo.ipynb`, "--out", `${dir}/out`]);
    assert.equal(code, 1);
    assert.match(stderr, /code cell 2 of 2: .*SyntaxError: Expression expected/s);
    assert.match(stderr, /1 \| const x = ;/);
    assert.match(stderr, /at line 1, column 11 of the cell/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py refuses bad arguments before anything runs", async (t) => {
  const dir = await scratch({
    "good.ipynb": notebook(["Deno.writeTextFileSync(Deno.env.get('FIGURES_DIR') + '/ran', '')"]),
    "broken.ipynb": '{"cells": [',
  });
  const listing = (path: string) => [...Deno.readDirSync(path)].map((e) => e.name).sort();
  const rootBefore = listing(ROOT);
  try {
    for (
      const [name, args, pattern] of [
        ["--out . (the project)", ["--out", ROOT], /is or contains the project folder/],
        ["--out notebooks", ["--out", `${ROOT}/notebooks`], /inside the project's notebooks/],
        ["--out a folder of other files", ["--out", dir], /holds files this job did not write/],
        ["--timeout 0", ["--timeout", "0"], /--timeout 0: a cell needs at least 1 second/],
        ["an invalid notebook", [`${dir}/broken.ipynb`], /broken\.ipynb is not a valid notebook/],
        ["a missing notebook", [`${dir}/nothing.ipynb`], /nothing\.ipynb does not exist/],
      ] as const
    ) {
      await t.step(name, async () => {
        const { code, stderr } = await runNotebooks([`${dir}/good.ipynb`, ...args]);
        assert.notEqual(code, 0);
        assert.match(stderr, pattern);
        assert.doesNotMatch(stderr, /\[1\/\d\]/, "a notebook ran");
        assert.deepEqual(listing(ROOT), rootBefore, "the project folder changed");
        assert.deepEqual(listing(dir), ["broken.ipynb", "good.ipynb"]);
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py stops on Ctrl-C or SIGTERM, kills the kernel, keeps out/", async (t) => {
  const dir = await scratch({
    "long.ipynb": notebook([
      "Deno.writeTextFileSync(Deno.env.get('FIGURES_DIR') + '/started', '')",
      "await new Promise((r) => setTimeout(r, 60_000))",
    ]),
  });
  await Deno.mkdir(`${dir}/out`);
  await Deno.writeTextFile(`${dir}/out/summary.json`, "previous");
  try {
    for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      await t.step(signal, async () => {
        const child = new Deno.Command(`${ROOT}/.venv/bin/python`, {
          args: [`${ROOT}/tasks/run_notebooks.py`, `${dir}/long.ipynb`, "--out", `${dir}/out`],
          stderr: "piped",
        }).spawn();
        // wait until the second cell runs: the first wrote its file into the staging area
        const deadline = Date.now() + 60_000;
        while (![...Deno.readDirSync(dir)].some((e) => e.name.startsWith(".out-tmp-"))) {
          assert.ok(Date.now() < deadline, "the job did not start");
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 3000));
        const kernels = kernelProcesses(child.pid);
        assert.equal(kernels.length, 2, "the kernel is not running");
        const sent = Date.now();
        child.kill(signal);
        const { code, stderr } = await child.output();
        const seconds = (Date.now() - sent) / 1000;
        const message = new TextDecoder().decode(stderr);
        assert.equal(code, status, message);
        assert.ok(seconds < 5, `took ${seconds} s`);
        assert.match(
          message,
          new RegExp(`stopped by ${signal} during .*long\\.ipynb, code cell 2 of 2`),
        );
        await new Promise((r) => setTimeout(r, 500));
        assert.deepEqual(kernels.filter(alive), [], "a kernel process survived");
        assert.equal(await Deno.readTextFile(`${dir}/out/summary.json`), "previous");
        assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
          "long.ipynb",
          "out",
        ]);
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Process ids of the kernels (the proxy and Deno's kernel behind it) a process started. */
function kernelProcesses(parent: number): number[] {
  const { stdout } = new Deno.Command("ps", { args: ["-eo", "pid=,ppid=,args="] }).outputSync();
  const rows = new TextDecoder().decode(stdout).trim().split("\n").map((line) => {
    const [pid, ppid, ...args] = line.trim().split(/\s+/);
    return { pid: Number(pid), ppid: Number(ppid), args: args.join(" ") };
  });
  const proxies = rows.filter((r) => r.ppid === parent && r.args.includes("kernel_proxy.py"));
  const denos = rows.filter((r) => proxies.some((p) => p.pid === r.ppid));
  return [...proxies, ...denos].map((r) => r.pid);
}

/** Whether a process is still there. */
function alive(pid: number): boolean {
  const { stdout } = new Deno.Command("ps", { args: ["-o", "stat=", "-p", String(pid)] })
    .outputSync();
  const stat = new TextDecoder().decode(stdout).trim();
  return stat !== "" && !stat.startsWith("Z");
}

Deno.test("run_notebooks.py on some notebooks updates only their entries in out/", async () => {
  const dir = await scratch({
    "a.ipynb": notebook([writes("A.svg", "a", 1)]),
    "b.ipynb": notebook([writes("B.svg", "b", 1)]),
  });
  try {
    const out = `${dir}/out`;
    let run = await runNotebooks([`${dir}/a.ipynb`, `${dir}/b.ipynb`, "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    // a now saves another figure and another value: only a's entries change
    await Deno.writeTextFile(`${dir}/a.ipynb`, notebook([writes("A2.svg", "a", 2)]));
    run = await runNotebooks([`${dir}/a.ipynb`, "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(await Deno.readTextFile(`${out}/summary.json`));
    assert.deepEqual(summary.notebooks.map((n: { path: string }) => n.path.split("/").pop()), [
      "a.ipynb",
      "b.ipynb",
    ]);
    assert.deepEqual(summary.metrics, { a: { a: 2 }, b: { b: 1 } });
    assert.deepEqual(summary.figures, ["figures/A2.svg", "figures/B.svg"]);
    assert.deepEqual([...Deno.readDirSync(`${out}/figures`)].map((e) => e.name).sort(), [
      "A2.svg",
      "B.svg",
    ]);
    assert.deepEqual([...Deno.readDirSync(`${out}/notebooks`)].map((e) => e.name).sort(), [
      "a.ipynb",
      "b.ipynb",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** A notebook whose first cells are tagged `parameters`, as papermill expects. */
function parameterized(parameters: string[], cells: string[]): string {
  const nb = JSON.parse(notebook([...parameters, ...cells]));
  parameters.forEach((_, i) => (nb.cells[i].metadata = { tags: ["parameters"] }));
  return JSON.stringify(nb);
}

const PARAMETERS = [
  [
    "// the settings",
    'let dataset = "circle";',
    "let epochs: number | null = null; // null: the preset's",
    'let optimizer: "sgd" | "adam" = "adam";',
    "let hidden = [4, 2];",
    "const discretize = false;",
  ].join("\n"),
  "let seed = 1;",
];
const ECHO = "JSON.stringify({ dataset, epochs, optimizer, hidden, discretize, seed })";

Deno.test("run_notebooks.py --param overrides the parameters cells, papermill's way", async () => {
  const dir = await scratch({ "p.ipynb": parameterized(PARAMETERS, [ECHO]) });
  try {
    const { code, stderr } = await runNotebooks([
      `${dir}/p.ipynb`,
      "--out",
      `${dir}/out`,
      "--param",
      "dataset=spiral",
      "--param",
      "epochs=300",
      "--param",
      "optimizer=sgd",
      "--param",
      "hidden=[8, 8, 8]",
      "--param",
      "discretize=true",
      "--param",
      "seed=3",
    ]);
    assert.equal(code, 0, stderr);
    const executed = JSON.parse(await Deno.readTextFile(`${dir}/out/notebooks/p.ipynb`));
    // the injected cell comes right after the last parameters cell
    const injected = executed.cells[2];
    assert.deepEqual(injected.metadata.tags, ["injected-parameters"]);
    assert.equal(
      text(injected.source),
      [
        "// Parameters (deno task run --param)",
        'let dataset = "spiral";',
        "let epochs = 300;",
        'let optimizer = "sgd";',
        "let hidden = [8, 8, 8];",
        "const discretize = true;",
        "let seed = 3;",
      ].join("\n"),
    );
    // the kernel shows the string in single quotes
    const shownEcho = (cell: { outputs: { data: Record<string, string> }[] }) =>
      JSON.parse(text(cell.outputs[0].data["text/plain"]).slice(1, -1));
    const echoed = shownEcho(executed.cells[3]);
    const expected = {
      dataset: "spiral",
      epochs: 300,
      optimizer: "sgd",
      hidden: [8, 8, 8],
      discretize: true,
      seed: 3,
    };
    assert.deepEqual(echoed, expected);
    const summary = JSON.parse(await Deno.readTextFile(`${dir}/out/summary.json`));
    assert.deepEqual(summary.notebooks[0].parameters, expected);
    // without --param the notebook runs as written, and its entry has no parameters
    const again = await runNotebooks([`${dir}/p.ipynb`, "--out", `${dir}/out`]);
    assert.equal(again.code, 0, again.stderr);
    const plain = JSON.parse(await Deno.readTextFile(`${dir}/out/summary.json`));
    assert.equal(plain.notebooks[0].parameters, undefined);
    const rerun = JSON.parse(await Deno.readTextFile(`${dir}/out/notebooks/p.ipynb`));
    assert.equal(rerun.cells.length, 3);
    assert.equal(shownEcho(rerun.cells[2]).dataset, "circle");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py refuses bad --param names and values before anything runs", async (t) => {
  const dir = await scratch({
    "p.ipynb": parameterized(PARAMETERS, [ECHO]),
    "plain.ipynb": notebook(["1"]),
  });
  try {
    for (
      const [name, args, pattern] of [
        [
          "an unknown name",
          ["dataset2=x"],
          /declares no dataset2 \(it declares: dataset, epochs, optimizer, hidden, discretize, seed\)/,
        ],
        ["a number that is not", ["epochs=many"], /--param epochs=many: expected a number or null/],
        [
          "a value outside a union",
          ["optimizer=rmsprop"],
          /--param optimizer=rmsprop: expected "sgd" or "adam"/,
        ],
        [
          "an array of the wrong kind",
          ['hidden=["a"]'],
          /--param hidden=\["a"\]: expected an array of numbers/,
        ],
        ["a string for an array", ["hidden=8"], /--param hidden=8: expected an array of numbers/],
        ["a boolean", ["discretize=yes"], /--param discretize=yes: expected true or false/],
        ["NaN", ["epochs=NaN"], /expected a number or null/],
        ["no value", ["dataset"], /--param dataset: expected NAME=VALUE/],
        ["twice", ["seed=1", "seed=2"], /--param seed is given twice/],
      ] as const
    ) {
      await t.step(name, async () => {
        const params = args.flatMap((a) => ["--param", a]);
        const out = `${dir}/out-${name.replaceAll(" ", "-")}`;
        const { code, stderr } = await runNotebooks([`${dir}/p.ipynb`, "--out", out, ...params]);
        assert.equal(code, 1, stderr);
        assert.match(stderr, pattern);
        assert.match(stderr, /Nothing was run\./);
        assert.doesNotMatch(stderr, /\[1\/1\]/, "a notebook ran");
        assert.throws(() => Deno.statSync(out), Deno.errors.NotFound);
      });
    }
    await t.step("a notebook without a parameters cell", async () => {
      const { code, stderr } = await runNotebooks([
        `${dir}/plain.ipynb`,
        "--out",
        `${dir}/out-plain`,
        "--param",
        "seed=2",
      ]);
      assert.equal(code, 1);
      assert.match(stderr, /plain\.ipynb has no cell tagged "parameters"/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("run_notebooks.py shows the error of a long cell, not only its source", async () => {
  const long = Array.from({ length: 20 }, (_, i) => `// line ${i + 1}`).join("\n") +
    '\nthrow new RangeError("data.csv, line 7, column 2 (x2): \\"oops\\" is not a number");';
  const dir = await scratch({ "long.ipynb": notebook(["1", long]) });
  try {
    const { code, stderr } = await runNotebooks([`${dir}/long.ipynb`, "--out", `${dir}/out`]);
    assert.equal(code, 1);
    assert.match(
      stderr,
      /code cell 2 of 2: RangeError: data\.csv, line 7, column 2 \(x2\): "oops" is not a number/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
