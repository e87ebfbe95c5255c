/**
 * Paths and small helpers shared by the project's tasks (setup, run, lab, test).
 *
 * @module
 */

import { PROJECT_ROOT } from "../lib/project_root.ts";

/** The project's root folder (the one holding deno.json). */
export const ROOT: string = PROJECT_ROOT;

/** The project-local Python virtual environment. */
export const VENV: string = `${ROOT}/.venv`;

/** The Jupyter kernel name the notebooks ask for in their metadata. */
export const KERNEL_NAME = "deno-activations";

/** The kernel's display name in JupyterLab. */
export const KERNEL_DISPLAY_NAME = "Deno (activation functions)";

/**
 * The path of an executable inside the project's virtual environment.
 *
 * @param name The executable, e.g. `"python"` or `"jupyter"`.
 * @returns Its absolute path.
 *
 * @example
 * ```ts
 * import { venvBin } from "./project.ts";
 * console.assert(venvBin("python").endsWith("/.venv/bin/python"));
 * ```
 */
export function venvBin(name: string): string {
  return `${VENV}/bin/${name}`;
}

/**
 * Prints a message to stderr and exits with status 1: the way tasks report a set-up
 * problem without a stack trace.
 *
 * @param lines What went wrong, then what to do about it.
 * @returns Never.
 */
export function fail(...lines: string[]): never {
  console.error(lines.map((line, i) => (i === 0 ? `error: ${line}` : `       ${line}`)).join("\n"));
  Deno.exit(1);
}

/**
 * Runs a command with inherited stdio and returns its exit code.
 *
 * @param cmd The program.
 * @param args Its arguments.
 * @param options Working directory and extra environment.
 * @returns The exit code; `127` when the program does not exist.
 */
export async function run(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; quiet?: boolean } = {},
): Promise<number> {
  try {
    const out = options.quiet ? "piped" : "inherit";
    const child = new Deno.Command(cmd, {
      args,
      cwd: options.cwd ?? ROOT,
      env: options.env,
      stdout: out,
      stderr: out,
    }).spawn();
    const status = await child.output().catch(async () => ({ code: (await child.status).code }));
    return status.code;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return 127;
    throw e;
  }
}

/**
 * Runs a command and returns its exit code and captured output.
 *
 * @param cmd The program.
 * @param args Its arguments.
 * @returns `{ code, stdout, stderr }`; code `127` when the program does not exist.
 */
export async function capture(
  cmd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { code, stdout, stderr } = await new Deno.Command(cmd, { args, cwd: ROOT }).output();
    const text = new TextDecoder();
    return { code, stdout: text.decode(stdout), stderr: text.decode(stderr) };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { code: 127, stdout: "", stderr: "" };
    throw e;
  }
}

/**
 * A short hex digest of some files' contents, to tell whether an install is current.
 *
 * @param paths Files relative to the project root; missing files count as empty.
 * @returns A hex SHA-256 digest.
 */
export async function digest(paths: string[]): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const path of paths) {
    try {
      parts.push(await Deno.readFile(`${ROOT}/${path}`));
    } catch {
      parts.push(new Uint8Array());
    }
    parts.push(new TextEncoder().encode(`\0${path}\0`));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Reads a text file, or returns `undefined` when it does not exist.
 *
 * @param path Absolute path.
 * @returns Its contents or `undefined`.
 */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}
