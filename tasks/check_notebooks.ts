/**
 * `deno fmt --check` and `deno lint` for the notebooks, in a way that works with Deno 2.9.6:
 *
 * - Formatting: `deno fmt` formats .ipynb files (code cells as TypeScript, Markdown cells
 *   as Markdown), but its `--check` reports every notebook as unformatted, with an empty
 *   diff, unless its cache already holds the file (a fresh clone or CI: always; checked
 *   with an empty DENO_DIR), the bug of denoland/deno#25840 in its notebook formatter. So
 *   the project-wide check skips notebooks/ and each notebook is formatted here through
 *   stdin (`deno fmt --ext=ipynb -`), which returns the text, and compared with the file.
 *   To format them: `deno fmt` (notebooks are not excluded from it).
 * - Lint: Deno 2.9.6's linter reads no .ipynb (`deno lint notebooks/x.ipynb`: "No target
 *   files found"), so each notebook's code cells go to `deno lint -` as one TypeScript
 *   module, in order (a cell uses the names of the cells above it, as the kernel runs
 *   them), and each problem is reported at its notebook, cell id and line in the cell.
 *
 * The project's deno.json (line width, lint rules) applies to both. Run:
 * `deno run --allow-read --allow-run tasks/check_notebooks.ts [notebook...]` (default:
 * every notebook in notebooks/); exits 1 on any problem.
 *
 * @module
 */
import { ROOT } from "./project.ts";

/** Where a line of the joined module came from. */
interface Origin {
  /** the cell's id */
  readonly cell: string;
  /** the line within the cell, from 1 */
  readonly line: number;
  /** the cell is tagged `parameters` (papermill's convention, see run_notebooks.py) */
  readonly parameters: boolean;
}

/** A problem `deno lint --json` reports (the fields used here). */
interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly range: { readonly start: { readonly line: number; readonly col: number } };
}

/**
 * A notebook's code cells as one module, and where each of its lines came from.
 *
 * @param notebook The notebook's JSON text.
 * @returns The module's source and, per line (from 0), its cell and line.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { joinCells } from "./check_notebooks.ts";
 * const nb = { cells: [{ cell_type: "code", id: "a", source: ["const x = 1;\n", "x;"] }] };
 * const { source, origins } = joinCells(JSON.stringify(nb));
 * assert.equal(source, "const x = 1;\nx;\n");
 * assert.deepEqual(origins[1], { cell: "a", line: 2, parameters: false });
 * ```
 */
export function joinCells(notebook: string): { source: string; origins: Origin[] } {
  const cells: {
    cell_type: string;
    id?: string;
    source: string | string[];
    metadata?: { tags?: string[] };
  }[] = JSON.parse(notebook).cells;
  const lines: string[] = [];
  const origins: Origin[] = [];
  cells.forEach((cell, k) => {
    if (cell.cell_type !== "code") return;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const parameters = cell.metadata?.tags?.includes("parameters") ?? false;
    text.split("\n").forEach((line, i) => {
      lines.push(line);
      origins.push({ cell: cell.id ?? `#${k}`, line: i + 1, parameters });
    });
  });
  return { source: lines.join("\n") + "\n", origins };
}

// `deno <args>` in the project's folder with `input` on stdin: its exit code and output
async function deno(args: string[], input: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(input));
  await writer.close();
  const { code, stdout, stderr } = await child.output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

async function check(path: string): Promise<string[]> {
  const text = await Deno.readTextFile(path);
  const problems: string[] = [];
  const formatted = await deno(["fmt", "--ext=ipynb", "-"], text);
  if (formatted.code !== 0) problems.push(`${path}: deno fmt failed: ${formatted.stderr.trim()}`);
  else if (formatted.stdout !== text) {
    problems.push(`${path}: not formatted (run deno fmt ${path})`);
  }
  const { source, origins } = joinCells(text);
  const linted = await deno(["lint", "--json", "-"], source);
  let parsed: { diagnostics: Diagnostic[]; errors: { message: string }[] };
  try {
    parsed = JSON.parse(linted.stdout);
  } catch {
    throw new Error(`deno lint gave no report for ${path}: ${linted.stderr}`);
  }
  return [
    ...problems,
    ...parsed.errors.map((e) => `${path}: ${e.message}`),
    ...parsed.diagnostics.flatMap((d) => {
      // deno lint counts lines from 1
      const at = origins[d.range.start.line - 1];
      // a parameters cell's `let`s are declared again by the cell `deno task run --param`
      // injects after it, which lint does not see: `const` there would refuse the override
      if (at.parameters && d.code === "prefer-const") return [];
      return [
        `${path}, cell ${at.cell}, line ${at.line}:${d.range.start.col + 1}: ` +
        `${d.message} (${d.code})`,
      ];
    }),
  ];
}

if (import.meta.main) {
  const paths = Deno.args.length > 0
    ? Deno.args.map((p) => (p.startsWith("/") ? p : `${Deno.cwd()}/${p}`))
    : Array.from(Deno.readDirSync(`${ROOT}/notebooks`), (e) => e.name)
      .filter((n) => n.endsWith(".ipynb")).sort().map((n) => `${ROOT}/notebooks/${n}`);
  const problems = (await Promise.all(paths.map(check))).flat();
  for (const p of problems) console.error(p.replaceAll(`${ROOT}/`, ""));
  console.error(
    `Checked the formatting and linted the code cells of ${paths.length} ` +
      `notebook${paths.length === 1 ? "" : "s"}: ` +
      `${problems.length} problem${problems.length === 1 ? "" : "s"}`,
  );
  if (problems.length > 0) Deno.exit(1);
}
