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

/**
 * Where notebooks run in `deno task lab` save their figures (its kernels' `FIGURES_DIR`):
 * apart from out/figures/, which holds the main job's results only.
 */
export const LAB_FIGURES_DIR: string = `${ROOT}/out/lab/figures`;

/** The Jupyter kernel name the notebooks ask for in their metadata. */
export const KERNEL_NAME = "deno-activations";

/** The kernel's display name in JupyterLab. */
export const KERNEL_DISPLAY_NAME = "Deno (activation functions)";

/**
 * How the user runs this project's Deno, for hints: `./denow` (or however they called it)
 * when the task was started through the wrapper, which exports `DENOW` as the name it was
 * invoked by; `deno` otherwise.
 *
 * @returns A command, quoted for a shell when it holds a space.
 *
 * @example
 * ```ts
 * import { denoCommand } from "./project.ts";
 * console.assert(["deno", "./denow"].includes(denoCommand()) || denoCommand().includes("denow"));
 * ```
 */
export function denoCommand(): string {
  let invoked: string | undefined;
  try {
    invoked = Deno.env.get("DENOW") || undefined;
  } catch {
    invoked = undefined; // no env permission
  }
  if (!invoked) return "deno";
  return /^[\w./+-]+$/.test(invoked) ? invoked : `'${invoked.replaceAll("'", `'\\''`)}'`;
}

/**
 * A task's command line as the user would type it: `./denow task lab --port 8889` when
 * they run tasks through `./denow`, `deno task lab --port 8889` when through `deno`.
 *
 * @param task The task and its arguments, e.g. `"lab --port 8889"`.
 * @returns The command line.
 */
export function taskCommand(task: string): string {
  return `${denoCommand()} task ${task}`;
}

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

function columns(): number {
  try {
    return Deno.consoleSize().columns || 80;
  } catch {
    return 80;
  }
}

/** Options of {@linkcode runWithProgress}. */
export interface ProgressOptions {
  /** The step's line, e.g. `"setup: installing npm packages ..."`. */
  readonly label: string;
  /** The output lines that mark one more item done, e.g. `/^Initialize /`. */
  readonly done: RegExp;
  /** How many items to expect, when known. */
  readonly total?: number;
  /** Lines that mark an earlier stage of an item, counted beside: `[/^Download /, "downloaded"]`. */
  readonly before?: readonly [RegExp, string];
  /** Whether to print anything at all (default `true`). */
  readonly show?: boolean;
}

/**
 * Runs a noisy installer as one line of output: its own output is captured (and returned,
 * for an error message), and on a terminal the line counts the items done as they finish
 * ("setup: installing npm packages ... 57/157"); elsewhere (a log, CI) it is printed once.
 *
 * @param cmd The program.
 * @param args Its arguments.
 * @param options The line and what to count.
 * @returns The exit code (`127` when the program does not exist) and the captured output.
 */
export async function runWithProgress(
  cmd: string,
  args: string[],
  options: ProgressOptions,
): Promise<{ code: number; output: string }> {
  const { label, done, total, before, show = true } = options;
  const tty = show && Deno.stderr.isTerminal();
  const encoder = new TextEncoder();
  const write = (text: string) => Deno.stderr.writeSync(encoder.encode(text));
  let count = 0, early = 0;
  const progress = () => {
    const n = total ? `${Math.min(count, total)}/${total}` : String(count);
    const counts = ` ${n}${early ? ` (${early} ${before![1]})` : ""}`;
    // one line: a line that wraps could not be rewritten in place
    const room = columns() - 1 - counts.length;
    const text = label.length <= room ? label : `${label.slice(0, Math.max(0, room - 1))}…`;
    write(`\r\x1b[K${text}${counts}`);
  };
  if (tty) progress();
  else if (show) write(`${label}\n`);
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(cmd, {
      args,
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    if (tty) write("\n");
    if (e instanceof Deno.errors.NotFound) return { code: 127, output: "" };
    throw e;
  }
  let output = "";
  const read = async (stream: ReadableStream<Uint8Array>) => {
    let pending = "";
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      const text = decoder.decode(chunk, { stream: true });
      output += text;
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop()!;
      const was = count + early;
      for (const line of lines) {
        if (done.test(line)) count++;
        else if (before?.[0].test(line)) early++;
      }
      if (tty && count + early !== was) progress();
    }
  };
  await Promise.all([read(child.stdout), read(child.stderr)]);
  const { code } = await child.status;
  if (tty) write("\n");
  return { code, output };
}
