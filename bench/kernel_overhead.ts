/**
 * What the kernel fix costs per cell: the project's kernel (Deno's kernel behind
 * tasks/kernel_proxy.py) against Deno's kernel alone, each driven over the Jupyter protocol
 * by jupyter_client (tests/_helpers/kernel_client.py): 200 trivial cells (`1`), one at a
 * time, from execute request to idle status. Rounds alternate between the two kernels.
 * Goal: the median per cell at most 5 ms above Deno's kernel alone.
 *
 * Run: `deno task bench:kernel` (after `deno task setup`).
 *
 * @module
 */
import { PROJECT_ROOT as ROOT } from "../lib/project_root.ts";

const ROUNDS = Number(Deno.env.get("ROUNDS") ?? 3);

/** A kernelspec for Deno's kernel alone, in a scratch JUPYTER_PATH. */
async function plainDenoKernel(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "deno-kernel-spec-" });
  await Deno.mkdir(`${dir}/kernels/deno-plain`, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/kernels/deno-plain/kernel.json`,
    JSON.stringify({
      argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno (plain)",
      language: "typescript",
      env: { NO_COLOR: "1" },
    }),
  );
  return dir;
}

/** Seconds from execute request to idle, per cell, for one round of 200 cells. */
async function round(kernel: string, jupyterPath: string): Promise<number[]> {
  const { code, stdout, stderr } = await new Deno.Command(`${ROOT}/.venv/bin/python`, {
    args: [`${ROOT}/tests/_helpers/kernel_client.py`, "overhead", kernel],
    env: { JUPYTER_PATH: jupyterPath },
  }).output();
  if (code !== 0) throw new Error(new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout)).seconds;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const spec = await plainDenoKernel();
const times: Record<string, number[]> = { "deno-plain": [], "deno-activations": [] };
try {
  for (let i = 0; i < ROUNDS; i++) {
    for (const kernel of Object.keys(times)) times[kernel].push(...await round(kernel, spec));
  }
} finally {
  await Deno.remove(spec, { recursive: true });
}
const ms = (s: number) => (s * 1000).toFixed(2);
console.log(`${ROUNDS} rounds of 200 trivial cells, execute request to idle:`);
for (const [kernel, values] of Object.entries(times)) {
  const label = kernel === "deno-plain" ? "Deno's kernel alone" : "the project's kernel";
  console.log(
    `  ${label.padEnd(22)} median ${ms(quantile(values, 0.5))} ms, ` +
      `p90 ${ms(quantile(values, 0.9))} ms, max ${ms(Math.max(...values))} ms`,
  );
}
const overhead = quantile(times["deno-activations"], 0.5) - quantile(times["deno-plain"], 0.5);
console.log(`overhead per cell (medians): ${ms(overhead)} ms (goal: at most 5 ms)`);
