/**
 * What signal propagation measures and how: the per-layer statistics of a network at
 * initialisation ({@linkcode LayerSignal}: the spread of pre-activations, activations and
 * back-propagated gradients, and the dead units), and the forward and backward passes that
 * measure them for several networks at once, one stacked matrix product per layer on
 * TensorFlow.js. signal_propagation.ts runs them for every activation and initialisation,
 * or for a network, and re-exports the statistics.
 *
 * @module
 */
import { tf } from "../tf.ts";
import { activationInto } from "../activations/autodiff.ts";

/** The per-layer statistics of a {@linkcode LayerSignal}, in display order. */
export const SIGNAL_STATS = [
  "preActivationStd",
  "activationMean",
  "activationStd",
  "gradientStd",
  "deadFraction",
] as const;

/** A per-layer statistic of a {@linkcode LayerSignal}. */
export type SignalStat = typeof SIGNAL_STATS[number];

/** Per-layer statistics of one network at initialisation; index 0 is the first layer. */
export interface LayerSignal {
  /** Standard deviation of each layer's pre-activations `zₗ`. */
  readonly preActivationStd: number[];
  /** Mean of each layer's activations `hₗ = f(zₗ)`. */
  readonly activationMean: number[];
  /** Standard deviation of each layer's activations. */
  readonly activationStd: number[];
  /** Standard deviation of the back-propagated gradient `δₗ = ∂J/∂zₗ` at each layer. */
  readonly gradientStd: number[];
  /** Fraction of each layer's units whose f' is exactly 0 for every input ("dead"). */
  readonly deadFraction: number[];
  /**
   * `gradientStd[0] / gradientStd[depth - 1]`: how much of the gradient reaching the last
   * layer is left at the first. NaN when either is not a positive finite number.
   */
  readonly gradientRatio: number;
  /**
   * The first layer (1-based) whose values stopped being finite in float32 (Exponential
   * overflows), or `null`. From there on, and for every gradient, the statistics are NaN.
   */
  readonly overflowAt: number | null;
}

/**
 * @internal One network of a group: its activation, its parameters per layer, and the
 * factor its weights are of the group's shared kernels.
 */
export interface Member {
  readonly name: string;
  readonly params: readonly Record<string, number>[];
  readonly scale: number;
}

/**
 * @internal The forward and backward passes of several networks at once: member m's layer
 * l has weights scale_m * kernels[l] (+ biases[l]); its rows are block m of every stacked
 * matrix.
 *
 * @param members The networks: activation, parameters per layer, weight factor.
 * @param kernels Each layer's shared kernel, row-major `sizes[l] x sizes[l + 1]`.
 * @param biases Each layer's bias, or none (zero biases).
 * @param sizes Layer widths, input first.
 * @param x Row-major input points, `sizes[0]` per point.
 * @param upstream The gradient the backward pass starts from, `sizes[depth]` per point.
 * @returns Each member's {@linkcode LayerSignal}.
 */
export function propagate(
  members: readonly Member[],
  kernels: readonly Float32Array[],
  biases: readonly Float32Array[] | undefined,
  sizes: readonly number[],
  x: Float32Array,
  upstream: Float32Array,
): LayerSignal[] {
  const depth = sizes.length - 1, count = members.length;
  const n = x.length / sizes[0];
  const stats = members.map(() => ({
    preActivationStd: new Array<number>(depth).fill(NaN),
    activationMean: new Array<number>(depth).fill(NaN),
    activationStd: new Array<number>(depth).fill(NaN),
    gradientStd: new Array<number>(depth).fill(NaN),
    deadFraction: new Array<number>(depth).fill(NaN),
    overflowAt: null as number | null,
  }));
  let h: Float32Array = new Float32Array(count * x.length);
  for (let m = 0; m < count; m++) h.set(x, m * x.length);
  const slopes: Float32Array[] = [];
  for (let l = 0; l < depth; l++) {
    const nIn = sizes[l], nOut = sizes[l + 1], block = n * nOut;
    const z = matMul(h, count * n, nIn, kernels[l], nOut);
    const next = new Float32Array(z.length), dy = new Float32Array(z.length);
    for (let m = 0; m < count; m++) {
      const s = stats[m], member = members[m];
      if (s.overflowAt !== null) continue;
      const zm = z.subarray(m * block, (m + 1) * block);
      scaleRows(zm, member.scale, biases?.[l], nOut);
      const hm = next.subarray(m * block, (m + 1) * block);
      const dm = dy.subarray(m * block, (m + 1) * block);
      const zs = moments(zm);
      if (Number.isFinite(zs.mean)) {
        activationInto(member.name, zm, { y: hm, dy: dm }, member.params[l]);
      }
      const hs = moments(hm);
      if (!Number.isFinite(zs.mean) || !Number.isFinite(hs.mean)) {
        s.overflowAt = l + 1;
        hm.fill(0);
        dm.fill(0);
        continue;
      }
      s.preActivationStd[l] = zs.std;
      s.activationMean[l] = hs.mean;
      s.activationStd[l] = hs.std;
      s.deadFraction[l] = deadFraction(dm, nOut);
    }
    slopes.push(dy);
    h = next;
  }
  let g: Float32Array = new Float32Array(count * upstream.length);
  for (let m = 0; m < count; m++) g.set(upstream, m * upstream.length);
  for (let l = depth - 1; l >= 0; l--) {
    const nIn = sizes[l], nOut = sizes[l + 1], dy = slopes[l];
    for (let i = 0; i < g.length; i++) g[i] *= dy[i]; // δ = ∂J/∂h ⊙ f'(z)
    for (let m = 0; m < count; m++) {
      if (stats[m].overflowAt !== null) continue;
      const d = moments(g.subarray(m * n * nOut, (m + 1) * n * nOut));
      stats[m].gradientStd[l] = Number.isFinite(d.std) ? d.std : NaN;
    }
    if (l === 0) break;
    g = matMul(g, count * n, nOut, transpose(kernels[l], nIn, nOut), nIn);
    for (let m = 0; m < count; m++) {
      scaleRows(g.subarray(m * n * nIn, (m + 1) * n * nIn), members[m].scale, undefined, nIn);
    }
  }
  return stats.map((s) => {
    const ratio = s.gradientStd[0] / s.gradientStd[depth - 1];
    return {
      ...s,
      gradientRatio: s.gradientStd[depth - 1] > 0 && Number.isFinite(ratio) ? ratio : NaN,
    };
  });
}

// z = scale * z + bias (per column), in place
function scaleRows(
  z: Float32Array,
  scale: number,
  bias: Float32Array | undefined,
  columns: number,
): void {
  if (bias === undefined) {
    if (scale !== 1) { for (let i = 0; i < z.length; i++) z[i] *= scale; }
    return;
  }
  for (let i = 0; i < z.length; i += columns) {
    for (let j = 0; j < columns; j++) z[i + j] = z[i + j] * scale + bias[j];
  }
}

// Mean and population standard deviation in one pass, of the values shifted by the first
// one (the shifted-data algorithm: no cancellation unless the mean is many standard
// deviations from that value).
function moments(a: Float32Array): { mean: number; std: number } {
  const shift = a[0];
  let sum = 0, squares = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - shift;
    sum += d;
    squares += d * d;
  }
  const mean = sum / a.length;
  if (!Number.isFinite(mean) || !Number.isFinite(squares)) return { mean: shift + mean, std: NaN };
  return { mean: shift + mean, std: Math.sqrt(Math.max(0, squares / a.length - mean * mean)) };
}

// Units (columns) whose slope is 0 for every row.
function deadFraction(dy: Float32Array, columns: number): number {
  const alive = new Uint8Array(columns);
  let living = 0;
  for (let i = 0; i < dy.length && living < columns; i += columns) {
    for (let j = 0; j < columns; j++) {
      if (alive[j] === 0 && dy[i + j] !== 0) {
        alive[j] = 1;
        living++;
      }
    }
  }
  return (columns - living) / columns;
}

function transpose(a: Float32Array, rows: number, columns: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) t[j * rows + i] = a[i * columns + j];
  }
  return t;
}

// a (rows x inner) times b (inner x columns) on the tfjs backend, as a plain array
function matMul(
  a: Float32Array,
  rows: number,
  inner: number,
  b: Float32Array,
  columns: number,
): Float32Array {
  const product = tf.tidy(() =>
    tf.matMul(tf.tensor2d(a, [rows, inner]), tf.tensor2d(b, [inner, columns]))
  );
  try {
    return product.dataSync() as Float32Array;
  } finally {
    product.dispose();
  }
}
