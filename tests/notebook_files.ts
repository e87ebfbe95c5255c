/**
 * Helpers for the end-to-end tests: the project's paths, the main job as a subprocess,
 * and reading notebooks.
 *
 * @module
 */

import { PROJECT_ROOT } from "../lib/project_root.ts";

/** The project root. */
export const ROOT: string = PROJECT_ROOT;

/** The notebooks the project ships, as paths relative to the root. */
export function notebookPaths(): string[] {
  return [...Deno.readDirSync(`${ROOT}/notebooks`)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => `notebooks/${e.name}`)
    .sort();
}

/** A notebook cell as nbformat 4 stores it. */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
  metadata?: Record<string, unknown>;
}

/** A code cell's output as nbformat 4 stores it. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

/** A notebook as nbformat 4 stores it. */
export interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string; display_name?: string } };
}

/**
 * A notebook of code cells on the project's kernel, as the JSON a test writes to a file.
 *
 * @param sources Each cell's source.
 * @param options `kernel`: the kernelspec's name (default the project's,
 *   `deno-activations`); `stale`: stdout of an imaginary earlier run, by cell index.
 * @returns The notebook as JSON.
 */
export function codeNotebook(
  sources: string[],
  options: { kernel?: string; stale?: Record<number, string> } = {},
): string {
  const { kernel = "deno-activations", stale = {} } = options;
  return JSON.stringify({
    cells: sources.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      source,
      execution_count: i in stale ? 40 + i : null,
      outputs: i in stale ? [{ output_type: "stream", name: "stdout", text: stale[i] }] : [],
    })),
    metadata: {
      kernelspec: {
        name: kernel,
        display_name: "Deno (activation functions)",
        language: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** Reads a notebook file. */
export function readNotebook(path: string): Notebook {
  return JSON.parse(Deno.readTextFileSync(path.startsWith("/") ? path : `${ROOT}/${path}`));
}

/** A cell's source as one string. */
export function text(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join("") : value ?? "";
}

/** Runs the main job's notebook runner; returns its exit code and output. */
export async function runNotebooks(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const python = `${ROOT}/.venv/bin/python`;
  try {
    Deno.statSync(python);
  } catch {
    throw new Error(".venv/ is missing: run `deno task setup` (deno task test does it first)");
  }
  const { code, stdout, stderr } = await new Deno.Command(python, {
    args: [`${ROOT}/tasks/run_notebooks.py`, ...args],
    cwd: ROOT,
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, stdout: decode(stdout), stderr: decode(stderr) };
}
