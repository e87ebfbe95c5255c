/**
 * Parity of values and derivatives with TensorFlow's, point by point, and with the exact
 * float64 values where TensorFlow's float32 result is itself off.
 *
 * @module
 */
import { getActivation } from "../../lib/activations/activations.ts";
import { resolveParams } from "../../lib/activations/resolve_params.ts";
import { dec } from "./ours.ts";

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

/** Numbers as `ours.ts` and `reference.py` encode them in JSON (non-finite ones as text). */
export type Enc = (number | string)[];

/** The Python side's parity result: inputs, TF's values and the exact ones. */
export interface PyParity {
  inputs: Record<string, Enc>;
  one: Record<
    string,
    { tf: string } & Record<string, { y: Enc; dy: Enc; exact_y: Enc; exact_dy: Enc }>
  >;
  two: Record<
    string,
    { tf: string } & Record<string, { y: Enc[]; jac: Enc[][]; exact_y: Enc[]; exact_jac: Enc[][] }>
  >;
  original_float64: Record<string, { y: Enc; dy: Enc }>;
}

/** Our side's parity result. */
export interface OurParity {
  one: Record<string, Record<string, { y: Enc; dy: Enc }>>;
  two: Record<string, Record<string, { y: Enc[]; jac: Enc[][] }>>;
}

/**
 * Ours against the original notebook's own float64 `activation_functions`, per activation:
 * the largest relative difference of f and f′, and how often the original gives 0 where
 * ours does not.
 */
export type Float64Agreement = Record<
  string,
  { y: { rel: number; zeros: number }; dy: { rel: number; zeros: number } }
>;

/** The parity checks of one activation. */
export interface ParityLine {
  name: string;
  tf: string;
  checks: Record<string, Check>; // "<set> f", "<set> f'" (two-input: "f1", "∂f1/∂x1", ...)
}

/** A difference as the report writes it: `1.2e-7`. */
export function fmtNum(v: number): string {
  if (v === 0) return "0";
  if (!Number.isFinite(v)) return String(v);
  return v.toExponential(1);
}

/** A value as the report labels inputs: 8 significant digits, or exponential. */
export function fmtVal(v: number): string {
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
    for (const set of ["original_grid", "extremes"]) {
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
    for (const set of ["original_grid", "extremes"]) {
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
