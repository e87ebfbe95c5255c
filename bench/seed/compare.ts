/**
 * `deno task bench:seed`: parity and speed of our library against the seed notebook's
 * own stack (TensorFlow + Keras + Bokeh in Python), side by side, in one run.
 *
 * - Creates the reference environment `.bench-venv/` on first use (pinned in
 *   bench/seed/requirements.txt; git-ignored; users of the notebooks never need it).
 * - Runs every row on both sides, alternating Python and Deno (and which goes first),
 *   several rounds, each side in its own fresh process per row group.
 * - Compares values and derivatives with TensorFlow's (and with exact float64 values
 *   where TensorFlow's float32 result is itself off), and the three networks' final
 *   accuracies over five seeds.
 * - Prints the report and writes it to bench/RESULTS.md.
 *
 * ```sh
 * deno run -A bench/seed/compare.ts [--rounds 3] [--notebook-rounds 2] [--out bench/RESULTS.md]
 *                                   [--tiny] [--skip notebook,figures,...]
 * ```
 *
 * @module
 */
import { getActivation, resolveParams } from "../../lib/activations/activations.ts";
import { dec } from "./ours.ts";

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const VENV = `${ROOT}/.bench-venv`;
const PY = `${VENV}/bin/python`;
const REQUIREMENTS = `${ROOT}/bench/seed/requirements.txt`;
const REFERENCE = `${ROOT}/bench/seed/reference.py`;
const OURS = `${ROOT}/bench/seed/ours.ts`;
const OUR_NOTEBOOK = `${ROOT}/notebooks/activation_functions.ipynb`;
/** float32's smallest normal number: the floor of relative differences. */
export const FLT_MIN = 1.1754943508222875e-38;
/** The parity goal: relative difference at most this. */
export const PARITY_TOLERANCE = 1e-5;
/**
 * TensorFlow's float32 result counts as wrong at a point when it is more than this
 * relative off the exact value (16 float32 ulps; a correctly rounded result is within
 * 6e-8). Ours may then meet the goal through the exact value instead of TF's.
 */
export const TF_WRONG = 1e-6;

/** Timing groups, with repetitions per process (after the first call). */
const GROUPS: { group: string; reps: number }[] = [
  { group: "act-seed", reps: 5 },
  { group: "act-1m", reps: 10 },
  { group: "train", reps: 1 },
  { group: "predict", reps: 3 },
  { group: "figures", reps: 1 },
];

interface Row {
  row: string;
  first: number | null;
  times: number[];
  files?: string[];
  errors?: number;
}

interface Payload<T> {
  side: string;
  group: string;
  result: T;
  wall: number;
}

function log(message: string): void {
  console.error(`[bench:seed ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function run(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const t0 = performance.now();
  const out = await new Deno.Command(cmd, {
    args,
    cwd: options.cwd ?? ROOT,
    env: options.env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - t0) / 1000;
  const td = new TextDecoder();
  return { code: out.code, stdout: td.decode(out.stdout), stderr: td.decode(out.stderr), seconds };
}

function tail(text: string, lines = 25): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function exists(path: string): boolean {
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

let tmpDir = "";

async function python<T>(
  group: string,
  extra: string[] = [],
): Promise<Payload<T> & { seconds: number }> {
  const out = `${tmpDir}/py_${group}_${crypto.randomUUID().slice(0, 8)}.json`;
  const r = await run(PY, [REFERENCE, group, "--out", out, ...extra]);
  if (r.code !== 0) {
    throw new Error(`reference.py ${group} failed (exit ${r.code}):\n${tail(r.stderr)}`);
  }
  return { ...JSON.parse(Deno.readTextFileSync(out)), seconds: r.seconds };
}

async function deno<T>(
  group: string,
  extra: string[] = [],
): Promise<Payload<T> & { seconds: number }> {
  const out = `${tmpDir}/deno_${group}_${crypto.randomUUID().slice(0, 8)}.json`;
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

// ------------------------------------------------------------------ statistics

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Seconds for humans: "0.42 ms", "12.3 ms", "1.23 s". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "–";
  if (s < 1e-3) return `${(s * 1e3).toFixed(3)} ms`;
  if (s < 1e-2) return `${(s * 1e3).toFixed(2)} ms`;
  if (s < 1) return `${(s * 1e3).toFixed(1)} ms`;
  if (s < 100) return `${s.toFixed(2)} s`;
  return `${s.toFixed(1)} s`;
}

/** The ratio ours / theirs, written like `0.42x`. */
export function formatRatio(ours: number, theirs: number): string {
  const r = ours / theirs;
  if (!Number.isFinite(r)) return "–";
  return r >= 0.1 ? `${r.toFixed(2)}x` : r >= 0.01 ? `${r.toFixed(3)}x` : `${r.toPrecision(2)}x`;
}

function summary(times: readonly number[]): string {
  if (times.length === 0) return "–";
  const lo = Math.min(...times), hi = Math.max(...times);
  return `${formatSeconds(median(times))} [${formatSeconds(lo)}–${formatSeconds(hi)}]`;
}

// ------------------------------------------------------------------ parity

/**
 * Relative difference |a − b| / |b|, where differences of at most FLT_MIN count as 0
 * (results in float32's subnormal range may flush to zero on either side); NaN equals
 * NaN, Infinity equals itself; a non-zero difference from b = 0 is Infinity.
 */
export function relDiff(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const d = Math.abs(a - b);
  if (d <= FLT_MIN) return 0;
  return b === 0 ? Infinity : d / Math.abs(b);
}

function absDiff(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  return a === b ? 0 : Math.abs(a - b);
}

/** One point of a comparison, with a relative difference (its meaning named where used). */
export interface PointDiff {
  /** the input, as labelled */
  x: string;
  /** our value */
  ours: number;
  /** TensorFlow's value */
  tf: number;
  /** the exact (float64) value */
  exact: number;
  /** the relative difference */
  rel: number;
}

/** Comparison of one quantity (values or one derivative) over one input set. */
export interface Check {
  /** largest |ours − TF| */
  maxAbs: number;
  /** largest |ours − TF| / max(|TF|, FLT_MIN) */
  maxRel: number;
  /** where maxRel is attained */
  worst: { x: string; ours: number; tf: number; exact: number } | null;
  /** points where TF is more than TF_WRONG off the exact value */
  tfOff: number;
  /** largest relative difference of ours from the exact value at those points */
  oursVsExactAtTfOff: number;
  /** largest relative difference of ours from the exact value anywhere */
  oursVsExact: number;
  /** largest relative difference of TF from the exact value anywhere */
  tfVsExact: number;
  /** points that miss the goal (see {@linkcode compare}) */
  fails: number;
  /** among the points where TF is wrong, the one where ours differs from TF the most */
  worstTfOff: PointDiff | null;
  /** the point that misses the goal by the most */
  worstFail: PointDiff | null;
  /** points that meet the goal through TF's value while ours is more than
   * PARITY_TOLERANCE off the exact value (listed in the report) */
  farFromExact: number;
  /** of those, the one farthest from the exact value (rel: ours vs exact) */
  worstFarFromExact: PointDiff | null;
  /** points at a kink of the derivative, excluded (conventions differ) */
  kinks: { x: string; ours: number; tf: number }[];
}

/**
 * Compares ours with TF point by point. A point meets the goal (issue 8: "within 1e-5
 * relative of TensorFlow's, or, where TensorFlow itself is wrong in float32, of the exact
 * value") when ours is within PARITY_TOLERANCE relative of TF's value, or, where TF is
 * wrong (more than TF_WRONG off the exact float64 value), within PARITY_TOLERANCE of the
 * exact value. Points that meet it through TF's value alone while ours is more than
 * PARITY_TOLERANCE off the exact value are counted apart (`farFromExact`).
 */
export function compare(
  ours: Float64Array,
  tf: Float64Array,
  exact: Float64Array,
  labels: string[],
  atKink: (i: number) => boolean = () => false,
): Check {
  const c: Check = {
    maxAbs: 0,
    maxRel: 0,
    worst: null,
    tfOff: 0,
    oursVsExactAtTfOff: 0,
    oursVsExact: 0,
    tfVsExact: 0,
    fails: 0,
    worstFail: null,
    worstTfOff: null,
    farFromExact: 0,
    worstFarFromExact: null,
    kinks: [],
  };
  for (let i = 0; i < ours.length; i++) {
    if (atKink(i)) {
      if (ours[i] !== tf[i]) c.kinks.push({ x: labels[i], ours: ours[i], tf: tf[i] });
      continue;
    }
    const a = absDiff(ours[i], tf[i]), r = relDiff(ours[i], tf[i]);
    const re = relDiff(ours[i], exact[i]), te = relDiff(tf[i], exact[i]);
    if (a > c.maxAbs) c.maxAbs = a;
    if (c.worst === null || r > c.maxRel) {
      c.maxRel = Math.max(c.maxRel, r);
      c.worst = { x: labels[i], ours: ours[i], tf: tf[i], exact: exact[i] };
    }
    c.oursVsExact = Math.max(c.oursVsExact, re);
    c.tfVsExact = Math.max(c.tfVsExact, te);
    const miss = te > TF_WRONG ? Math.min(r, re) : r;
    if (te > TF_WRONG) {
      c.tfOff++;
      if (c.worstTfOff === null || r > c.worstTfOff.rel) {
        c.worstTfOff = { x: labels[i], ours: ours[i], tf: tf[i], exact: exact[i], rel: r };
      }
      c.oursVsExactAtTfOff = Math.max(c.oursVsExactAtTfOff, re);
    }
    if (miss > PARITY_TOLERANCE) {
      c.fails++;
      if (c.worstFail === null || miss > c.worstFail.rel) {
        c.worstFail = { x: labels[i], ours: ours[i], tf: tf[i], exact: exact[i], rel: miss };
      }
    } else if (re > PARITY_TOLERANCE) {
      c.farFromExact++;
      if (c.worstFarFromExact === null || re > c.worstFarFromExact.rel) {
        c.worstFarFromExact = { x: labels[i], ours: ours[i], tf: tf[i], exact: exact[i], rel: re };
      }
    }
  }
  return c;
}

type Enc = (number | string)[];
interface PyParity {
  inputs: Record<string, Enc>;
  one: Record<
    string,
    { tf: string } & Record<string, { y: Enc; dy: Enc; exact_y: Enc; exact_dy: Enc }>
  >;
  two: Record<
    string,
    { tf: string } & Record<string, { y: Enc[]; jac: Enc[][]; exact_y: Enc[]; exact_jac: Enc[][] }>
  >;
  seed_float64: Record<string, { y: Enc; dy: Enc }>;
}
interface OurParity {
  one: Record<string, Record<string, { y: Enc; dy: Enc }>>;
  two: Record<string, Record<string, { y: Enc[]; jac: Enc[][] }>>;
}

interface ParityLine {
  name: string;
  tf: string;
  checks: Record<string, Check>; // "<set> f", "<set> f'" (two-input: "f1", "∂f1/∂x1", ...)
}

function fmtNum(v: number): string {
  if (v === 0) return "0";
  if (!Number.isFinite(v)) return String(v);
  return v.toExponential(1);
}

function fmtVal(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4
    ? String(Number(v.toPrecision(8)))
    : v.toExponential(6);
}

/** Parity of every activation TensorFlow also has. */
export function parityLines(py: PyParity, ours: OurParity): ParityLine[] {
  const lines: ParityLine[] = [];
  for (const [name, entry] of Object.entries(py.one)) {
    const spec = getActivation(name);
    const kinks = spec.kinks(resolveParams(spec, name === "leaky_relu" ? { alpha: 0.3 } : {}));
    const checks: Record<string, Check> = {};
    for (const set of ["seed_grid", "extremes"]) {
      const x = dec(py.inputs[set]);
      const labels = Array.from(x, (v) => fmtVal(v));
      const t = entry[set], o = ours.one[name][set];
      checks[`${set} f`] = compare(dec(o.y), dec(t.y), dec(t.exact_y), labels);
      checks[`${set} f'`] = compare(
        dec(o.dy),
        dec(t.dy),
        dec(t.exact_dy),
        labels,
        (i) => kinks.includes(x[i]),
      );
    }
    lines.push({ name, tf: entry.tf, checks });
  }
  for (const [name, entry] of Object.entries(py.two)) {
    const checks: Record<string, Check> = {};
    for (const set of ["seed_grid", "extremes"]) {
      const axis = dec(py.inputs[`axis_${set}`]);
      const n = axis.length;
      const labels = Array.from(
        { length: n * n },
        (_, k) => `(${fmtVal(axis[k % n])}, ${fmtVal(axis[Math.floor(k / n)])})`,
      );
      const t = entry[set], o = ours.two[name][set];
      t.y.forEach((_, i) => {
        const f = t.y.length > 1 ? `f${i + 1}` : "f";
        checks[`${set} ${f}`] = compare(dec(o.y[i]), dec(t.y[i]), dec(t.exact_y[i]), labels);
        for (const j of [0, 1]) {
          checks[`${set} ∂${f}/∂x${j + 1}`] = compare(
            dec(o.jac[i][j]),
            dec(t.jac[i][j]),
            dec(t.exact_jac[i][j]),
            labels,
          );
        }
      });
    }
    lines.push({ name, tf: entry.tf, checks });
  }
  return lines;
}

// ------------------------------------------------------------------ the report

interface Timing {
  python: { first: number[]; times: number[] };
  deno: { first: number[]; times: number[] };
}

const ROW_LABELS: Record<string, string> = {
  "train:linear": "train linear net, 100 epochs",
  "train:nonlinear": "train non-linear net, 100 epochs",
  "figures": "build + save every figure",
  "notebook": "whole notebook, fresh kernel",
};

function rowLabel(row: string): string {
  if (ROW_LABELS[row]) return ROW_LABELS[row];
  const m = row.match(/^act:(\w+):(\d+)$/);
  if (m) return `${m[1]} f + f′, ${Number(m[2]).toLocaleString("en-US")} points`;
  const p = row.match(/^predict:grid:(\d+)$/);
  if (p) return `grid prediction, ${Number(p[1]).toLocaleString("en-US")} points`;
  return row;
}

function machine(pyCpu: unknown): string[] {
  // Deno may refuse /proc without --allow-all; the Python side reads it too.
  const cpu = (() => {
    try {
      return Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.+)/)?.[1] ?? "?";
    } catch {
      return typeof pyCpu === "string" ? pyCpu : "?";
    }
  })();
  const mem = Deno.systemMemoryInfo();
  return [
    `- CPU: ${cpu}, ${navigator.hardwareConcurrency} cores`,
    `- Memory: ${(mem.total / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${Deno.build.os} ${Deno.osRelease()}`,
  ];
}

/** Runs everything and returns the report (Markdown). */
export async function main(args: string[]): Promise<string> {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const rounds = Number(opt("--rounds", "3"));
  const notebookRounds = Number(opt("--notebook-rounds", "2"));
  const outFile = opt("--out", `${ROOT}/bench/RESULTS.md`);
  const tiny = args.includes("--tiny");
  const skip = new Set(opt("--skip", "").split(",").filter(Boolean));
  const sizeArgs = tiny ? ["--tiny"] : [];

  await ensureVenv();
  tmpDir = await Deno.makeTempDir({ prefix: "bench_seed_" });
  const started = new Date();
  const load0 = Deno.loadavg();
  try {
    const pyVersions = (await python<Record<string, unknown>>("versions")).result;
    const denoVersions = (await deno<Record<string, unknown>>("versions")).result;
    const hasChrome = exists("/usr/bin/chromium") && exists("/usr/bin/chromedriver");
    if (!hasChrome) {
      log(
        "no /usr/bin/chromium + /usr/bin/chromedriver: bokeh's export_png cannot run; skipping figures and notebook",
      );
      skip.add("figures").add("notebook");
    }

    // ---- speed rows, alternating sides
    const timing = new Map<string, Timing>();
    const add = (side: "python" | "deno", rows: Row[]) => {
      for (const r of rows) {
        const t = timing.get(r.row) ??
          { python: { first: [], times: [] }, deno: { first: [], times: [] } };
        if (r.first !== null) t[side].first.push(r.first);
        t[side].times.push(...r.times);
        timing.set(r.row, t);
      }
    };
    const notes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const { group, reps } of GROUPS) {
        if (skip.has(group)) continue;
        const order = (round + GROUPS.findIndex((g) => g.group === group)) % 2 === 0
          ? ["python", "deno"] as const
          : ["deno", "python"] as const;
        for (const side of order) {
          log(`round ${round + 1}/${rounds}: ${side} ${group}`);
          const extra = ["--reps", String(reps), ...sizeArgs];
          const payload = side === "python"
            ? await python<Row[]>(group, extra)
            : await deno<Row[]>(group, extra);
          add(side, payload.result);
          if (group === "figures" && round === 0) {
            notes.push(`figures written by ${side}: ${payload.result[0].files?.join(", ")}`);
          }
        }
      }
    }

    // ---- row 5: the whole notebook on a fresh kernel (wall time of the runner process)
    let notebookNote = "";
    if (!skip.has("notebook")) {
      const ours = exists(OUR_NOTEBOOK);
      const t: Timing = { python: { first: [], times: [] }, deno: { first: [], times: [] } };
      for (let round = 0; round < notebookRounds; round++) {
        log(`round ${round + 1}/${notebookRounds}: python notebook (the seed on ipykernel)`);
        const p = await python<Row[]>("notebook", ["--reps", "1"]);
        if (p.result[0].errors) {
          notes.push(`the seed notebook raised ${p.result[0].errors} errors in round ${round + 1}`);
        } else t.python.times.push(p.seconds);
        if (ours) {
          log(`round ${round + 1}/${notebookRounds}: deno notebook (ours on the Deno kernel)`);
          const out = await Deno.makeTempDir({ prefix: "bench_seed_nb_" });
          try {
            const r = await run(`${ROOT}/.venv/bin/python`, [
              `${ROOT}/tasks/run_notebooks.py`,
              OUR_NOTEBOOK,
              "--out",
              out,
            ]);
            if (r.code !== 0) {
              log(`run_notebooks.py failed:\n${tail(r.stderr)}`);
              notebookNote = `failed: run_notebooks.py exited with ${r.code}: ` +
                tail(r.stderr, 3).replaceAll("\n", " ").replaceAll("|", "/");
            } else t.deno.times.push(r.seconds);
          } finally {
            await Deno.remove(out, { recursive: true });
          }
        }
      }
      if (!ours) notebookNote = "pending: notebooks/activation_functions.ipynb does not exist yet";
      else if (!t.deno.times.length && !notebookNote) notebookNote = "no successful run";
      timing.set("notebook", t);
    }

    // ---- parity
    let parity: ParityLine[] = [];
    const seedF64: ReportData["seedF64"] = {};
    if (!skip.has("parity")) {
      log("parity: TensorFlow values and exact float64 values");
      const py = await python<PyParity>("parity", sizeArgs);
      const pyFile = `${tmpDir}/parity_py.json`;
      Deno.writeTextFileSync(pyFile, JSON.stringify(py));
      log("parity: our values");
      const ours = await deno<OurParity>("parity", ["--in", pyFile]);
      parity = parityLines(py.result, ours.result);
      for (const [name, s] of Object.entries(py.result.seed_float64)) {
        const o = ours.result.one[name].seed_grid;
        // largest relative difference where the seed's value is not 0, and how often
        // the seed's float64 gives 0 where ours does not
        const worst = (a: Enc, b: Enc) => {
          const x = dec(a), y = dec(b);
          let rel = 0, zeros = 0;
          for (let i = 0; i < x.length; i++) {
            const r = relDiff(x[i], y[i]);
            if (r === Infinity && y[i] === 0) zeros++;
            else rel = Math.max(rel, r);
          }
          return { rel, zeros };
        };
        seedF64[name] = { y: worst(o.y, s.y), dy: worst(o.dy, s.dy) };
      }
    }

    // ---- accuracies
    let accuracy: { python: Record<string, number>[]; deno: Record<string, number>[] } | null =
      null;
    if (!skip.has("accuracy")) {
      log("accuracy: three networks, five seeds, Python");
      const p = await python<Record<string, number>[]>("accuracy", sizeArgs);
      log("accuracy: three networks, five seeds, Deno");
      const d = await deno<Record<string, number>[]>("accuracy", sizeArgs);
      accuracy = { python: p.result, deno: d.result };
    }

    const load1 = Deno.loadavg();
    return await formatMarkdown(report({
      started,
      finished: new Date(),
      load: [load0, load1],
      rounds,
      notebookRounds,
      tiny,
      pyVersions,
      denoVersions,
      timing,
      notebookNote,
      notes,
      parity,
      seedF64,
      accuracy,
    }, outFile));
  } finally {
    await Deno.remove(tmpDir, { recursive: true });
  }
}

interface ReportData {
  started: Date;
  finished: Date;
  load: number[][];
  rounds: number;
  notebookRounds: number;
  tiny: boolean;
  pyVersions: Record<string, unknown>;
  denoVersions: Record<string, unknown>;
  timing: Map<string, Timing>;
  notebookNote: string;
  notes: string[];
  parity: ParityLine[];
  seedF64: Record<
    string,
    { y: { rel: number; zeros: number }; dy: { rel: number; zeros: number } }
  >;
  accuracy: { python: Record<string, number>[]; deno: Record<string, number>[] } | null;
}

// The summary at the top: which rows are faster, the notebook, parity.
function headline(d: ReportData): string[] {
  const rows = [...d.timing].filter(([row, t]) =>
    row !== "notebook" && t.python.times.length && t.deno.times.length
  );
  const slower = rows.filter(([, t]) => median(t.deno.times) > median(t.python.times));
  const out = ["## Headline", ""];
  out.push(
    `- Speed (median of repeated calls): ours is faster on ${
      rows.length - slower.length
    } of ${rows.length} rows` +
      (slower.length
        ? `; slower on ${
          slower.map(([row, t]) =>
            `${rowLabel(row)} (${formatRatio(median(t.deno.times), median(t.python.times))})`
          ).join(", ")
        }.`
        : "."),
  );
  const nb = d.timing.get("notebook");
  if (nb?.python.times.length) {
    out.push(
      nb.deno.times.length
        ? `- Whole notebook on a fresh kernel: ${
          formatSeconds(median(nb.deno.times))
        } (ours) vs. ` +
          `${formatSeconds(median(nb.python.times))} (the seed), ${
            formatRatio(median(nb.deno.times), median(nb.python.times))
          } (goal: at most 0.50x).`
        : `- Whole notebook: the seed takes ${
          formatSeconds(median(nb.python.times))
        }; ours ${d.notebookNote}.`,
    );
  }
  if (d.parity.length) {
    const missing = d.parity.filter((l) => Object.values(l.checks).some((c) => c.fails > 0));
    const total = (key: "fails" | "farFromExact") =>
      d.parity.reduce((n, l) => n + Object.values(l.checks).reduce((m, c) => m + c[key], 0), 0);
    const points = total("fails"), far = total("farFromExact");
    out.push(
      `- Parity: ${
        d.parity.length - missing.length
      } of ${d.parity.length} activations meet the goal at every ` +
        `point checked` +
        (missing.length
          ? `; ${missing.map((l) => l.name).join(", ")} miss it at ${points} point${
            points === 1 ? "" : "s"
          } in all (details below).`
          : ".") +
        (far
          ? ` At ${far} point${far === 1 ? "" : "s"} ours meets it through TensorFlow's value ` +
            `while more than ${PARITY_TOLERANCE.toExponential()} off the exact value (listed below).`
          : ""),
    );
  }
  out.push("");
  return out;
}

function report(d: ReportData, outFile: string): string {
  const L: string[] = [];
  const pv = d.pyVersions, dv = d.denoVersions;
  L.push("# Seed notebook vs. this port: speed and parity");
  L.push("");
  L.push(
    `Generated by \`deno task bench:seed\` (bench/seed/compare.ts) on ${
      d.started.toISOString().slice(0, 16)
    }Z ` +
      `in ${((d.finished.getTime() - d.started.getTime()) / 60000).toFixed(1)} min.` +
      (d.tiny ? " **Tiny inputs (smoke run): numbers are not meaningful.**" : ""),
  );
  L.push("");
  L.push(...headline(d));
  L.push("## Machine");
  L.push("");
  L.push(...machine(pv.cpu));
  L.push(
    `- Load average (1, 5, 15 min) at start ${d.load[0].map((v) => v.toFixed(2)).join(", ")}, ` +
      `at end ${d.load[1].map((v) => v.toFixed(2)).join(", ")} (others work on this machine too)`,
  );
  L.push(
    `- Python side: Python ${pv.python}, TensorFlow ${pv.tensorflow} (tensorflow-cpu wheel), Keras ${pv.keras}, ` +
      `Bokeh ${pv.bokeh}, NumPy ${pv.numpy}; export_png through Selenium with Debian's chromium + chromium-driver`,
  );
  L.push(
    `- Deno side: Deno ${dv.deno} (V8 ${dv.v8}), TensorFlow.js ${dv.tfjs} on the \`${dv.backend}\` backend, ` +
      `Observable Plot figures rendered to PNG with resvg`,
  );
  L.push("");
  L.push("## Speed");
  L.push("");
  L.push(
    `Each side runs each row group in a fresh process; a row's first call in that process is reported ` +
      `separately ("first call": TensorFlow's op and graph set-up, the webdriver start, module warm-up), ` +
      `the later calls give the median with [min–max] (later calls per process: ${
        GROUPS.map((g) => `${g.group} ${g.reps}`).join(", ")
      }). ${d.rounds} rounds, the sides alternating and ` +
      `swapping who goes first. Ratio = Deno / Python (below 1: ours is faster). Deno's calls that ` +
      `return new 1M-point arrays are sometimes a few ms slower than the rest, most often in the ` +
      `first calls of a process (memory pages fresh from the OS); min and max show that spread.`,
  );
  L.push("");
  L.push(
    "| Row | Python median [min–max] | Deno median [min–max] | Deno / Python | first call Python | first call Deno | Deno / Python (first) |",
  );
  L.push("|---|---|---|---|---|---|---|");
  for (const [row, t] of d.timing) {
    if (row === "notebook") continue;
    const pm = median(t.python.times), dm = median(t.deno.times);
    const pf = t.python.first.length ? median(t.python.first) : NaN;
    const df = t.deno.first.length ? median(t.deno.first) : NaN;
    L.push(
      `| ${rowLabel(row)} | ${summary(t.python.times)} | ${summary(t.deno.times)} | ` +
        `${formatRatio(dm, pm)} | ${formatSeconds(pf)} | ${formatSeconds(df)} | ${
          formatRatio(df, pf)
        } |`,
    );
  }
  const nb = d.timing.get("notebook");
  if (nb) {
    L.push("");
    L.push(
      `Whole notebook, top to bottom on a fresh kernel, kernel start included: wall time of the runner ` +
        `process (Python: nbclient on ipykernel running bench/seed/seed_notebook.ipynb, the seed cell for cell; ` +
        `Deno: tasks/run_notebooks.py running notebooks/activation_functions.ipynb on the Deno kernel). ` +
        `${d.notebookRounds} rounds.`,
    );
    L.push("");
    L.push("| Row | Python median [min–max] | Deno median [min–max] | Deno / Python |");
    L.push("|---|---|---|---|");
    const dm = nb.deno.times.length ? median(nb.deno.times) : NaN;
    L.push(
      `| ${rowLabel("notebook")} | ${summary(nb.python.times)} | ` +
        `${nb.deno.times.length ? summary(nb.deno.times) : d.notebookNote} | ` +
        `${nb.deno.times.length ? formatRatio(dm, median(nb.python.times)) : "pending"} |`,
    );
  }
  L.push("");
  L.push("What each row runs:");
  L.push("");
  L.push(
    "- Activations: Python calls the seed's `activation_functions(x, method)` (a `tf.Variable` and " +
      "`tf.GradientTape`, in **float64** because `np.linspace` gives float64); Deno calls " +
      "`activation(name, x)` / `activation2d(name, axis)` (float32, autodiff, copies out to typed arrays). " +
      "One-input rows on `linspace(-30, 30, n)`, softmax and maxout on the meshgrid of " +
      "`linspace(0, 10, m)` with itself (the seed: m = 200, 40,000 pairs; the 1M rows: m = 1000).",
  );
  L.push(
    "- Training: the seed's cells 10 and 11 (Keras `Sequential`, Adam, binary cross-entropy, " +
      "`fit(epochs=100, verbose=0)`, batch 32) vs. `createNetwork` + `train` (the same sizes, Adam settings " +
      "and batch size; ours also evaluates loss and accuracy on all points after each epoch).",
  );
  L.push(
    "- Grid prediction: `linear_network.predict` on the 200 × 200 grid (Keras's default batch size 32 and " +
      "progress bar, as in the seed) vs. `predictGrid` (one batch).",
  );
  L.push(
    "- Figures: the seed's cells 3–7, 12 and 16 with precomputed data (activation values, trained networks, " +
      "grid predictions): 10 PNGs through `export_png` (Selenium + headless Chromium) and the two interactive " +
      "Leaky ReLU / ELU pages through `bokeh.io.save` (the seed's `output_file` + `show` without the browser " +
      "tab), vs. the same figures as our notebook builds them with trained networks given: " +
      "`activationFigure` (computes its values with `activation()`), `sliderFigure` + `saveInteractive` " +
      "(precomputes the curves for every slider position), `decisionBoundaryFigure` (predicts its " +
      "200 × 200 grid) and `transformationFigure`, each saved as SVG + PNG (resvg, 2× scale).",
  );
  L.push("");
  for (const n of d.notes) L.push(`- ${n}`);
  L.push("");

  // ---- parity
  if (d.parity.length) {
    L.push("## Parity with TensorFlow");
    L.push("");
    L.push(
      `Our float32 values and derivatives (\`activation\`, \`activation2d\`) against TensorFlow ${pv.tensorflow}'s ` +
        "float32 results (value and `tf.GradientTape` gradient of the listed function) at the same float32 " +
        "inputs: the seed's grid `np.linspace(-30, 30, 2000)` and the extreme inputs " +
        "±1e4, ±100, ±88.8, −30, ±1e-7, 0 (two-input functions: the seed's 200 × 200 grid of [0, 10]² " +
        "and all pairs of −1e4, −100, −30, −1e-7, 0, 1e-7, 100, 1e4). Relative difference = " +
        "|a − b| / |b|, where differences of at most 1.18e-38 (float32's smallest normal number) count as 0: " +
        "results in the subnormal range may flush to zero on either side. Exact = float64 closed forms (Python `math`) at the same float32 inputs.",
    );
    L.push("");
    L.push(
      `Goal (issue 8): every value and derivative within ${PARITY_TOLERANCE.toExponential()} relative of ` +
        "TensorFlow's or, where TensorFlow itself is wrong in float32, of the exact value. A point meets it " +
        "when ours is within the tolerance of TensorFlow's value, or, where TensorFlow is wrong, of the " +
        `exact value. "Wrong" here: more than ${TF_WRONG.toExponential()} relative off the exact value (16 ` +
        "float32 ulps; a correctly rounded float32 result is within 6e-8). Points that meet the goal through " +
        "TensorFlow's value while ours is more than the tolerance off the exact value are listed below " +
        "(next to a zero of f′, where any float32 evaluation loses relative precision). Derivatives exactly " +
        "at a kink are left out of the goal and listed below (the derivative does not exist there; " +
        "conventions differ).",
    );
    L.push("");
    L.push(
      "| Activation | TensorFlow | f: max abs / max rel vs TF | f′: max abs / max rel vs TF | points where TF is wrong (f / f′) | ours vs exact at those points | ours vs exact, max rel (f / f′) | goal |",
    );
    L.push("|---|---|---|---|---|---|---|---|");
    const detail: string[] = [];
    const misses: string[] = [];
    const farNotes: string[] = [];
    const kinkNotes: string[] = [];
    let failing = 0;
    for (const line of d.parity) {
      const entries = Object.entries(line.checks);
      const fs = entries.filter(([k]) => /( f\d?)$/.test(k)).map(([, c]) => c);
      const ds = entries.filter(([k]) => !/( f\d?)$/.test(k)).map(([, c]) => c);
      const agg = (cs: Check[], key: keyof Check) => Math.max(...cs.map((c) => c[key] as number));
      const sum = (cs: Check[], key: keyof Check) => cs.reduce((s, c) => s + (c[key] as number), 0);
      const fails = sum([...fs, ...ds], "fails");
      if (fails) failing++;
      const atOff = [...fs, ...ds].filter((c) => c.tfOff > 0);
      L.push(
        `| ${line.name} | \`${line.tf}\` | ${fmtNum(agg(fs, "maxAbs"))} / ${
          fmtNum(agg(fs, "maxRel"))
        } | ` +
          `${fmtNum(agg(ds, "maxAbs"))} / ${fmtNum(agg(ds, "maxRel"))} | ${sum(fs, "tfOff")} / ${
            sum(ds, "tfOff")
          } | ` +
          `${atOff.length ? fmtNum(agg(atOff, "oursVsExactAtTfOff")) : "–"} | ` +
          `${fmtNum(agg(fs, "oursVsExact"))} / ${fmtNum(agg(ds, "oursVsExact"))} | ` +
          `${fails ? `**${fails} points miss**` : "met"} |`,
      );
      for (const [k, c] of entries) {
        if (c.kinks.length) {
          kinkNotes.push(
            `- ${line.name} ${k.replace("_", " ")}: ` +
              c.kinks.map((p) => `at x = ${p.x} ours ${fmtVal(p.ours)}, TF ${fmtVal(p.tf)}`).join(
                "; ",
              ),
          );
        }
        const where = `${line.name} ${k.replace("_", " ")}`;
        if (c.worstFail) {
          const w = c.worstFail;
          misses.push(
            `- ${where}: ${c.fails} point${c.fails === 1 ? "" : "s"}; the worst at x = ${w.x}: ` +
              `ours ${fmtVal(w.ours)}, TF ${fmtVal(w.tf)}, exact ${fmtVal(w.exact)} ` +
              `(ours ${fmtNum(relDiff(w.ours, w.tf))} relative from TF's value, ` +
              `${fmtNum(relDiff(w.ours, w.exact))} from the exact value)`,
          );
        }
        if (c.worstFarFromExact) {
          const w = c.worstFarFromExact;
          farNotes.push(
            `- ${where}: ${c.farFromExact} point${c.farFromExact === 1 ? "" : "s"}; the farthest ` +
              `at x = ${w.x}: ours ${fmtVal(w.ours)}, TF ${fmtVal(w.tf)}, exact ${
                fmtVal(w.exact)
              } ` +
              `(ours ${fmtNum(w.rel)} relative from exact, ${
                fmtNum(Math.abs(w.ours - w.exact))
              } absolute, ${fmtNum(relDiff(w.ours, w.tf))} from TF's value; TF ` +
              `${fmtNum(relDiff(w.tf, w.exact))} from exact)`,
          );
        }
        if (c.worstTfOff && c.worstTfOff.rel > PARITY_TOLERANCE) {
          const w = c.worstTfOff;
          detail.push(
            `- ${where}: TF is wrong at ${c.tfOff} point${c.tfOff === 1 ? "" : "s"} ` +
              `(up to ${fmtNum(c.tfVsExact)} relative off exact); among them ours differs from ` +
              `TF the most at x = ${w.x}: ours ${fmtVal(w.ours)}, TF ${fmtVal(w.tf)}, exact ` +
              fmtVal(w.exact),
          );
        }
      }
    }
    L.push("");
    L.push(
      failing
        ? `**${failing} of ${d.parity.length} activations miss the goal at some points** (details below).`
        : `All ${d.parity.length} activations meet the goal at every point.`,
    );
    L.push("");
    if (misses.length) {
      L.push("Points that miss the goal (the worst of each check):");
      L.push("");
      L.push(...misses);
      L.push("");
    }
    if (farNotes.length) {
      L.push(
        `Points that meet the goal through TensorFlow's value while ours is more than ` +
          `${PARITY_TOLERANCE.toExponential()} relative off the exact value (the farthest of each check):`,
      );
      L.push("");
      L.push(...farNotes);
      L.push("");
    }
    if (detail.length) {
      L.push(
        `Where ours differs from TensorFlow by more than ${PARITY_TOLERANCE.toExponential()} because ` +
          "TensorFlow's float32 result is wrong (the largest difference of each check):",
      );
      L.push("");
      L.push(...detail);
      L.push("");
    }
    if (kinkNotes.length) {
      L.push(
        "Derivatives at kinks (left out of the goal; ours reports the left derivative, see lib/activations/activations.ts):",
      );
      L.push("");
      L.push(...kinkNotes);
      L.push("");
    }
    if (Object.keys(d.seedF64).length) {
      L.push(
        "For reference, ours (float32) against the seed's own `activation_functions` (float64) on its grid, " +
          "max relative difference f / f′: " +
          Object.entries(d.seedF64).map(([n, v]) =>
            `${n} ${fmtNum(v.y.rel)} / ${fmtNum(v.dy.rel)}` +
            (v.y.zeros + v.dy.zeros
              ? ` (the seed gives 0 where ours does not at ${v.y.zeros} / ${v.dy.zeros} points)`
              : "")
          ).join(", ") +
          ". Our input is the seed's x rounded to float32, so values also differ by the slope times " +
          "that rounding; the seed's zeros are underflow in its float64 formulas.",
      );
      L.push("");
    }
  }

  // ---- accuracies
  if (d.accuracy) {
    L.push("## Final training accuracy, five seeds");
    L.push("");
    L.push(
      "Accuracy on the 200 training points after 100 epochs (probability > 0.5). Python: the seed's cells " +
        "9–15 after `keras.utils.set_random_seed(seed)` (the subnetwork is trained on the seed's hand-made " +
        "hidden outputs, which clip at 0 like a ReLU although the layers use ELU). Deno: " +
        '`makeDataset("xor", { seed })`, `createNetwork(..., { seed })`, `train`, and the subnetwork (2 → 2 ' +
        "linear → 1) on the non-linear net's real ELU hidden outputs (`hiddenOutputs`). Data, initial " +
        "weights and batch order come from different generators, so single seeds are not comparable; the " +
        "spread is.",
    );
    L.push("");
    L.push("| Network | Python accuracies | Python mean | Deno accuracies | Deno mean |");
    L.push("|---|---|---|---|---|");
    for (const net of ["linear", "nonlinear", "subnetwork"]) {
      const p = d.accuracy.python.map((r) => r[net]), q = d.accuracy.deno.map((r) => r[net]);
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      L.push(
        `| ${net} | ${p.map((v) => v.toFixed(3)).join(", ")} | ${mean(p).toFixed(3)} | ` +
          `${q.map((v) => v.toFixed(3)).join(", ")} | ${mean(q).toFixed(3)} |`,
      );
    }
    L.push("");
  }
  Deno.writeTextFileSync(outFile, L.join("\n"));
  return outFile;
}

// Formats the report as the project's `deno fmt --check` expects (tables aligned).
async function formatMarkdown(file: string): Promise<string> {
  const r = await run(Deno.execPath(), ["fmt", "--quiet", file]);
  if (r.code !== 0) log(`deno fmt ${file} failed:\n${tail(r.stderr)}`);
  return Deno.readTextFileSync(file);
}

if (import.meta.main) {
  const text = await main(Deno.args);
  console.log(text);
}
