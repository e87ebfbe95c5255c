/**
 * `deno task test`: the whole suite, in order, with one closing line counting the tests.
 *
 * 1. `deno fmt --check`, `deno lint`, `deno check` (project-wide; the notebooks' formatting
 *    and code cells through `tasks/check_notebooks.ts`, see why there);
 * 2. `deno doc --lint` on every module deno.json exports, and `deno publish --dry-run`
 *    (the package as others would use it);
 * 3. `deno test -P --doc lib` (unit tests next to their modules, and the doc examples, whose
 *    `console.assert` throws: tasks/doc_assertions.ts);
 * 4. `deno test -P tests` (end to end: notebooks executed, browser checks).
 *
 * Extra arguments go to both `deno test` runs (e.g. `--filter softmax`).
 *
 * @module
 */
import { ROOT } from "./project.ts";

const deno = Deno.execPath();
const exported: string[] = Object.values(
  JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`)).exports as Record<string, string>,
);
const extra = Deno.args;
let passed = 0;
let failed = 0;
const problems: string[] = [];

async function step(title: string, args: string[], counts = false): Promise<void> {
  console.error(`\n== ${title}: deno ${args.join(" ")}`);
  const child = new Deno.Command(deno, {
    args,
    cwd: ROOT,
    stdout: counts ? "piped" : "inherit",
    stderr: "inherit",
  }).spawn();
  let text = "";
  if (counts) {
    const decoder = new TextDecoder();
    for await (const chunk of child.stdout) {
      const part = decoder.decode(chunk, { stream: true });
      text += part;
      await Deno.stdout.write(chunk);
    }
  }
  const { code } = await child.status;
  if (counts) {
    // Deno's closing line: "ok | 12 passed (30 steps) | 0 failed (2s)"
    // deno-lint-ignore no-control-regex
    const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
    const match = [...plain.matchAll(/(\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/g)].pop();
    if (match) {
      passed += Number(match[1]);
      failed += Number(match[2]);
    }
    if (code !== 0 && (!match || Number(match[2]) === 0)) {
      failed += 1; // a run that stopped before its tests (type error, permission) counts
    }
  } else if (code !== 0) {
    failed += 1; // a failed check counts as a failed test; a clean one is not a test
  }
  if (code !== 0) problems.push(title);
}

// notebooks/ through check_notebooks.ts (deno fmt --check misreports .ipynb files); --ignore
// replaces deno.json's fmt.exclude, whose other entries .gitignore covers
await step("format", ["fmt", "--check", "--ignore=notebooks/,bench/original/"]);
await step("lint", ["lint"]);
await step("notebooks", ["run", "--allow-read", "--allow-run", "tasks/check_notebooks.ts"]);
await step("types", ["check", "lib", "tasks", "tests", "bench"]);
await step("documentation", ["doc", "--quiet", "--lint", ...exported]);
await step("package", ["publish", "--dry-run", "--allow-dirty"]);
// the examples check themselves with console.assert, which fails nothing unless made to throw
await step(
  "unit tests and doc examples",
  ["test", "-P", "--doc", "--preload", "tasks/doc_assertions.ts", ...extra, "lib"],
  true,
);
await step("end-to-end tests", ["test", "-P", ...extra, "tests"], true);

console.log(
  `\n${problems.length ? `Failed steps: ${problems.join(", ")}\n` : ""}` +
    `Tests: ${passed} passed, ${failed} failed`,
);
Deno.exit(failed === 0 && problems.length === 0 ? 0 : 1);
