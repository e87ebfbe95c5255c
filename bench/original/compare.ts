/**
 * `deno task bench:original`: parity and speed of our library against the original notebook's
 * own stack (TensorFlow + Keras + Bokeh in Python), side by side, in one run.
 *
 * - Creates the reference environment `.bench-venv/` on first use (pinned in
 *   bench/original/requirements.txt; git-ignored; users of the notebooks never need it).
 * - Runs every row on both sides, alternating Python and Deno (and which goes first),
 *   several rounds, each side in its own fresh process per row group.
 * - Compares values and derivatives with TensorFlow's (and with exact float64 values
 *   where TensorFlow's float32 result is itself off), and the three networks' final
 *   accuracies over five seeds.
 * - Prints the report and writes it to bench/RESULTS.md.
 *
 * ```sh
 * deno run -A bench/original/compare.ts [--rounds 3] [--notebook-rounds 2] [--out bench/RESULTS.md]
 *                                   [--tiny] [--skip notebook,figures,...]
 * ```
 *
 * @module
 */
import { PROJECT_ROOT } from "../../lib/project_root.ts";
import { dec } from "./ours.ts";
import {
  type Enc,
  type OurParity,
  type ParityLine,
  parityLines,
  type PyParity,
  relDiff,
} from "./parity.ts";
import {
  deno,
  ensureVenv,
  exists,
  GROUPS,
  log,
  OUR_NOTEBOOK,
  python,
  type Row,
  run,
  scratch,
  tail,
} from "./processes.ts";
import { formatMarkdown, report, type ReportData, type Timing } from "./report.ts";

/** Runs everything and returns the report (Markdown). */
export async function main(args: string[]): Promise<string> {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const rounds = Number(opt("--rounds", "3"));
  const notebookRounds = Number(opt("--notebook-rounds", "2"));
  const outFile = opt("--out", `${PROJECT_ROOT}/bench/RESULTS.md`);
  const tiny = args.includes("--tiny");
  const skip = new Set(opt("--skip", "").split(",").filter(Boolean));
  const sizeArgs = tiny ? ["--tiny"] : [];

  await ensureVenv();
  scratch.dir = await Deno.makeTempDir({ prefix: "bench_original_" });
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
        log(`round ${round + 1}/${notebookRounds}: python notebook (the original on ipykernel)`);
        const p = await python<Row[]>("notebook", ["--reps", "1"]);
        if (p.result[0].errors) {
          notes.push(
            `the original notebook raised ${p.result[0].errors} errors in round ${round + 1}`,
          );
        } else t.python.times.push(p.seconds);
        if (ours) {
          log(`round ${round + 1}/${notebookRounds}: deno notebook (ours on the Deno kernel)`);
          const out = await Deno.makeTempDir({ prefix: "bench_original_nb_" });
          try {
            const r = await run(`${PROJECT_ROOT}/.venv/bin/python`, [
              `${PROJECT_ROOT}/tasks/run_notebooks.py`,
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
    const originalF64: ReportData["originalF64"] = {};
    if (!skip.has("parity")) {
      log("parity: TensorFlow values and exact float64 values");
      const py = await python<PyParity>("parity", sizeArgs);
      const pyFile = `${scratch.dir}/parity_py.json`;
      Deno.writeTextFileSync(pyFile, JSON.stringify(py));
      log("parity: our values");
      const ours = await deno<OurParity>("parity", ["--in", pyFile]);
      parity = parityLines(py.result, ours.result);
      for (const [name, s] of Object.entries(py.result.original_float64)) {
        const o = ours.result.one[name].original_grid;
        // largest relative difference where the original's value is not 0, and how often
        // the original's float64 gives 0 where ours does not
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
        originalF64[name] = { y: worst(o.y, s.y), dy: worst(o.dy, s.dy) };
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
      originalF64,
      accuracy,
    }, outFile));
  } finally {
    await Deno.remove(scratch.dir, { recursive: true });
  }
}

if (import.meta.main) {
  const text = await main(Deno.args);
  console.log(text);
}
