/**
 * The two sides' processes for the comparison: the reference environment `.bench-venv/`,
 * and one fresh Python (`reference.py`) or Deno (`ours.ts`) process per row group, whose
 * JSON result lands in a scratch folder.
 *
 * @module
 */
import { PROJECT_ROOT } from "../../lib/project_root.ts";

const VENV = `${PROJECT_ROOT}/.bench-venv`;
const PY = `${VENV}/bin/python`;
const REQUIREMENTS = `${PROJECT_ROOT}/bench/original/requirements.txt`;
const REFERENCE = `${PROJECT_ROOT}/bench/original/reference.py`;
const OURS = `${PROJECT_ROOT}/bench/original/ours.ts`;
/** Our port of the notebook, as `deno task run` executes it. */
export const OUR_NOTEBOOK = `${PROJECT_ROOT}/notebooks/activation_functions.ipynb`;

/** What a side's process writes: its result for one row group. */
export interface Payload<T> {
  side: string;
  group: string;
  result: T;
  wall: number;
}

/** Prints a progress line to stderr. */
export function log(message: string): void {
  console.error(`[bench:original ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Runs a command to completion, capturing its output and wall time. */
export async function run(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const t0 = performance.now();
  const out = await new Deno.Command(cmd, {
    args,
    cwd: options.cwd ?? PROJECT_ROOT,
    env: options.env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - t0) / 1000;
  const td = new TextDecoder();
  return { code: out.code, stdout: td.decode(out.stdout), stderr: td.decode(out.stderr), seconds };
}

/** The last lines of a process's output, for error messages. */
export function tail(text: string, lines = 25): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Whether a path exists. */
export function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates `.bench-venv` from the pinned requirements unless it is already up to date. */
export async function ensureVenv(): Promise<void> {
  const stamp = `${VENV}/.requirements.txt`;
  const wanted = Deno.readTextFileSync(REQUIREMENTS);
  if (exists(PY) && exists(stamp) && Deno.readTextFileSync(stamp) === wanted) return;
  log("creating the reference environment .bench-venv (TensorFlow, Keras, Bokeh; once)");
  if (!exists(PY)) {
    const r = await run("python3", ["-m", "venv", VENV]);
    if (r.code !== 0) throw new Error(`python3 -m venv failed:\n${tail(r.stderr)}`);
  }
  const r = await run(PY, [
    "-m",
    "pip",
    "install",
    "--disable-pip-version-check",
    "-q",
    "-r",
    REQUIREMENTS,
  ]);
  if (r.code !== 0) throw new Error(`pip install -r ${REQUIREMENTS} failed:\n${tail(r.stderr)}`);
  Deno.writeTextFileSync(stamp, wanted);
}

/** The scratch folder the processes write their results to (set by the caller). */
export const scratch: { dir: string } = { dir: "" };

/** Runs one row group on the Python side (`reference.py`) and reads its result. */
export async function python<T>(
  group: string,
  extra: string[] = [],
): Promise<Payload<T> & { seconds: number }> {
  const out = `${scratch.dir}/py_${group}_${crypto.randomUUID().slice(0, 8)}.json`;
  const r = await run(PY, [REFERENCE, group, "--out", out, ...extra]);
  if (r.code !== 0) {
    throw new Error(`reference.py ${group} failed (exit ${r.code}):\n${tail(r.stderr)}`);
  }
  return { ...JSON.parse(Deno.readTextFileSync(out)), seconds: r.seconds };
}

/** Runs one row group on our side (`ours.ts`) and reads its result. */
export async function deno<T>(
  group: string,
  extra: string[] = [],
): Promise<Payload<T> & { seconds: number }> {
  const out = `${scratch.dir}/deno_${group}_${crypto.randomUUID().slice(0, 8)}.json`;
  const r = await run(Deno.execPath(), [
    "run",
    "--allow-read",
    "--allow-write",
    "--allow-env",
    "--allow-ffi",
    "--allow-sys",
    OURS,
    group,
    "--out",
    out,
    ...extra,
  ]);
  if (r.code !== 0) throw new Error(`ours.ts ${group} failed (exit ${r.code}):\n${tail(r.stderr)}`);
  return { ...JSON.parse(Deno.readTextFileSync(out)), seconds: r.seconds };
}

/** Timing groups, with repetitions per process (after the first call). */
export const GROUPS: { group: string; reps: number }[] = [
  { group: "act-original", reps: 5 },
  { group: "act-1m", reps: 10 },
  { group: "train", reps: 1 },
  { group: "predict", reps: 3 },
  { group: "figures", reps: 1 },
];

/** One timed row of a side's result. */
export interface Row {
  row: string;
  first: number | null;
  times: number[];
  files?: string[];
  errors?: number;
}
