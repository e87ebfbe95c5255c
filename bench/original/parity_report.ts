/**
 * The parity section of the report: the table against TensorFlow, then the points that
 * miss the goal, meet it only through TensorFlow's value, or sit at a kink.
 *
 * @module
 */
import {
  type Check,
  type Float64Agreement,
  fmtNum,
  fmtVal,
  PARITY_TOLERANCE,
  type ParityLine,
  relDiff,
  TF_WRONG,
} from "./parity.ts";

/**
 * The report's parity section, as Markdown lines.
 *
 * @param parity The parity of every activation TensorFlow also has.
 * @param originalF64 Ours against the original's own float64 values.
 * @param tensorflow TensorFlow's version.
 * @returns The lines.
 */
export function paritySection(
  parity: ParityLine[],
  originalF64: Float64Agreement,
  tensorflow: unknown,
): string[] {
  const L: string[] = [];
  const d = { parity, originalF64 };
  const pv = { tensorflow };
  L.push("## Parity with TensorFlow");
  L.push("");
  L.push(
    `Our float32 values and derivatives (\`activation\`, \`activation2d\`) against TensorFlow ${pv.tensorflow}'s ` +
      "float32 results (value and `tf.GradientTape` gradient of the listed function) at the same float32 " +
      "inputs: the original's grid `np.linspace(-30, 30, 2000)` and the extreme inputs " +
      "±1e4, ±100, ±88.8, −30, ±1e-7, 0, ±1e9, ±1e20, ±3.4e38 (two-input functions: the original's " +
      "200 × 200 grid of [0, 10]² " +
      "and all pairs of −1e4, −100, −30, −1e-7, 0, 1e-7, 100, 1e4). Relative difference = " +
      "|a − b| / |b|, where differences of at most 1.18e-38 (float32's smallest normal number) count as 0: " +
      "results in the subnormal range may flush to zero on either side. Exact = float64 closed forms (Python `math`) at the same float32 inputs, " +
      "±Infinity where they are beyond float32's range.",
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
            `at x = ${w.x}: ours ${fmtVal(w.ours)}, TF ${fmtVal(w.tf)}, exact ${fmtVal(w.exact)} ` +
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
  if (Object.keys(d.originalF64).length) {
    L.push(
      "For reference, ours (float32) against the original's own `activation_functions` (float64) on its grid, " +
        "max relative difference f / f′: " +
        Object.entries(d.originalF64).map(([n, v]) =>
          `${n} ${fmtNum(v.y.rel)} / ${fmtNum(v.dy.rel)}` +
          (v.y.zeros + v.dy.zeros
            ? ` (the original gives 0 where ours does not at ${v.y.zeros} / ${v.dy.zeros} points)`
            : "")
        ).join(", ") +
        ". Our input is the original's x rounded to float32, so values also differ by the slope times " +
        "that rounding; the original's zeros are underflow in its float64 formulas.",
    );
    L.push("");
  }
  return L;
}
