/**
 * How long the depth notebook takes in the main job: `notebooks/depth.ipynb` run by the
 * main job's runner (a fresh kernel, as `deno task run notebooks/depth.ipynb` runs it) into
 * a scratch folder, RUNS times (default 3), with the wall time of each run, its CPU time
 * (this process's children: the runner, the kernel), the machine's load average before it
 * and the slowest cells (from nbclient's execution timestamps). Goal: under 60 s a run on
 * the project's 2-core machine, shared with other work.
 *
 * Run: `./denow run -A bench/depth_notebook.ts` (after `./denow task setup`); `RUNS=5` for
 * more runs. A script, not a `deno bench` file: one run takes tens of seconds.
 *
 * @module
 */
import { PROJECT_ROOT as ROOT } from "../lib/project_root.ts";

const RUNS = Number(Deno.env.get("RUNS") ?? 3);
const BUDGET = 60;

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { execution?: Record<string, string> };
}

function loadAverage(): string {
  try {
    return Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}

// user + system CPU seconds of this process's finished children, from /proc/self/stat
function childCpuSeconds(): number {
  try {
    const fields = Deno.readTextFileSync("/proc/self/stat").split(") ")[1].split(" ");
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

async function run(out: string): Promise<{ seconds: number; cpu: number }> {
  const cpu = childCpuSeconds();
  const start = performance.now();
  const { code, stderr } = await new Deno.Command(`${ROOT}/.venv/bin/python`, {
    args: [`${ROOT}/tasks/run_notebooks.py`, "notebooks/depth.ipynb", "--out", out],
    cwd: ROOT,
    stdout: "null",
  }).output();
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(new TextDecoder().decode(stderr));
  return { seconds, cpu: childCpuSeconds() - cpu };
}

function cellTimes(out: string): { seconds: number; first: string }[] {
  const nb = JSON.parse(Deno.readTextFileSync(`${out}/notebooks/depth.ipynb`));
  return (nb.cells as Cell[]).filter((c) => c.cell_type === "code").map((c) => {
    const e = c.metadata.execution ?? {};
    const from = Date.parse(e["iopub.execute_input"]), to = Date.parse(e["shell.execute_reply"]);
    const source = Array.isArray(c.source) ? c.source.join("") : c.source;
    return { seconds: (to - from) / 1000, first: source.split("\n")[0] };
  });
}

const results: { seconds: number; cpu: number; load: string }[] = [];
let cells: { seconds: number; first: string }[] = [];
for (let i = 0; i < RUNS; i++) {
  const out = await Deno.makeTempDir({ prefix: "depth-notebook-" });
  try {
    const load = loadAverage();
    const { seconds, cpu } = await run(out);
    results.push({ seconds, cpu, load });
    cells = cellTimes(out);
    console.log(
      `run ${i + 1}: ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU ` +
        `(load average before: ${load})`,
    );
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}
const walls = results.map((r) => r.seconds).sort((a, b) => a - b);
console.log(
  `depth.ipynb in the main job: ${walls[0].toFixed(1)} to ${walls.at(-1)!.toFixed(1)} s ` +
    `over ${RUNS} runs (budget ${BUDGET} s): ${walls.at(-1)! < BUDGET ? "within" : "OVER"}`,
);
console.log("slowest cells of the last run:");
for (const c of [...cells].sort((a, b) => b.seconds - a.seconds).slice(0, 5)) {
  console.log(`  ${c.seconds.toFixed(2).padStart(6)} s  ${c.first}`);
}
