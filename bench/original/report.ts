/**
 * The Markdown report of the comparison (bench/RESULTS.md): headline, speed rows, the
 * notebook, parity and accuracies.
 *
 * @module
 */
import { type Float64Agreement, PARITY_TOLERANCE, type ParityLine } from "./parity.ts";
import { paritySection } from "./parity_report.ts";
import { GROUPS, log, run, tail } from "./processes.ts";
import { formatRatio, formatSeconds, median, summary } from "./stats.ts";

/** The timings of one row on both sides. */
export interface Timing {
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

/** Everything the report shows. */
export interface ReportData {
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
  originalF64: Float64Agreement;
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
  const firsts = rows.filter(([, t]) => t.python.first.length && t.deno.first.length);
  const slowerFirst = firsts.filter(([, t]) => median(t.deno.first) > median(t.python.first));
  out.push(
    `- First call in a fresh process (median over rounds): ours no slower on ${
      firsts.length - slowerFirst.length
    } of ${firsts.length} rows` +
      (slowerFirst.length
        ? `; slower on ${
          slowerFirst.map(([row, t]) =>
            `${rowLabel(row)} (${formatRatio(median(t.deno.first), median(t.python.first))})`
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
          `${formatSeconds(median(nb.python.times))} (the original), ${
            formatRatio(median(nb.deno.times), median(nb.python.times))
          } (goal: at most 0.15x).`
        : `- Whole notebook: the original takes ${
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

/**
 * Writes the report to `outFile`.
 *
 * @param d What to report.
 * @param outFile The Markdown file.
 * @returns `outFile`.
 */
export function report(d: ReportData, outFile: string): string {
  const L: string[] = [];
  const pv = d.pyVersions, dv = d.denoVersions;
  L.push("# The original notebook vs. this port: speed and parity");
  L.push("");
  L.push(
    `Generated by \`deno task bench:original\` (bench/original/compare.ts) on ${
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
        `process (Python: nbclient on ipykernel running bench/original/original_notebook.ipynb, the original cell for cell; ` +
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
    "- Activations: Python calls the original's `activation_functions(x, method)` (a `tf.Variable` and " +
      "`tf.GradientTape`, in **float64** because `np.linspace` gives float64); Deno calls " +
      "`activation(name, x)` / `activation2d(name, axis)` (float32, autodiff, copies out to typed arrays). " +
      "One-input rows on `linspace(-30, 30, n)`, softmax and maxout on the meshgrid of " +
      "`linspace(0, 10, m)` with itself (the original: m = 200, 40,000 pairs; the 1M rows: m = 1000).",
  );
  L.push(
    "- Training: the original's cells 10 and 11 (Keras `Sequential`, Adam, binary cross-entropy, " +
      "`fit(epochs=100, verbose=0)`, batch 32) vs. `createNetwork` + `train` (the same sizes, Adam settings " +
      "and batch size; ours also evaluates loss and accuracy on all points after each epoch).",
  );
  L.push(
    "- Grid prediction: `linear_network.predict` on the 200 × 200 grid (Keras's default batch size 32 and " +
      "progress bar, as in the original) vs. `predictGrid` (one batch).",
  );
  L.push(
    "- Figures: the original's cells 3–7, 12 and 16 with precomputed data (activation values, trained networks, " +
      "grid predictions): 10 PNGs through `export_png` (Selenium + headless Chromium) and the two interactive " +
      "Leaky ReLU / ELU pages through `bokeh.io.save` (the original's `output_file` + `show` without the browser " +
      "tab), vs. the same figures as our notebook builds them with trained networks given: " +
      "`activationFigure` (computes its values with `activation()`), `sliderFigure` + `saveInteractive` " +
      "(precomputes the curves for every slider position), `decisionBoundaryFigure` (predicts its " +
      "200 × 200 grid) and `transformationFigure`, each saved as SVG + PNG (resvg, 2× scale).",
  );
  L.push("");
  for (const n of d.notes) L.push(`- ${n}`);
  L.push("");

  if (d.parity.length) L.push(...paritySection(d.parity, d.originalF64, pv.tensorflow));

  // ---- accuracies
  if (d.accuracy) {
    L.push("## Final training accuracy, five seeds");
    L.push("");
    L.push(
      "Accuracy on the 200 training points after 100 epochs (probability > 0.5). Python: the original's cells " +
        "9–15 after `keras.utils.set_random_seed(seed)` (the subnetwork is trained on the original's hand-made " +
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

/** Formats the report as the project's `deno fmt --check` expects (tables aligned). */
export async function formatMarkdown(file: string): Promise<string> {
  const r = await run(Deno.execPath(), ["fmt", "--quiet", file]);
  if (r.code !== 0) log(`deno fmt ${file} failed:\n${tail(r.stderr)}`);
  return Deno.readTextFileSync(file);
}
