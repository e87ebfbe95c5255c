/**
 * TensorFlow Playground's data sets, generated as its `dataset.ts` does (its coordinates,
 * about [-6, 6]², and its noise semantics), seeded: circle, XOR, two Gaussians and the
 * spiral to classify, plane and multi-Gaussian to regress, and two multi-class sets of our
 * own in the same style (blobs, and spiral arms). Playground's labels +1 and -1 are 1 and
 * 0 here; regression targets stay in its [-1, 1].
 *
 * What `noise` means depends on the data set, as in Playground (its slider's 0 to 50% is
 * `noise` 0 to 0.5):
 *
 * - circle, XOR, plane, multi-Gaussian: each point is drawn without noise, and its label
 *   is computed at the point moved by a uniform displacement of up to `noise` x the
 *   window's radius per axis: labels near the boundary flip, the points stay put;
 * - spiral, arms: each point moves by up to `noise` per axis (uniform);
 * - two Gaussians, blobs: the clusters' variance grows linearly from 0.5 at noise 0 to 4
 *   at noise 0.5.
 *
 * @module
 */
import { createRandom, deriveSeed, permutation, type Random } from "./random.ts";
import { MAX_DATASET_SIZE, MAX_NOISE } from "./datasets.ts";
import {
  argument,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/**
 * What a data set asks of a network: `"binary"` (labels 0 and 1), `"multiclass"` (labels
 * 0 to classes - 1) or `"regression"` (real targets).
 */
export type Task = "binary" | "multiclass" | "regression";

/** A playground data set name {@linkcode playgroundData} accepts. */
export type PlaygroundDatasetName =
  | "circle"
  | "xor"
  | "gauss"
  | "spiral"
  | "blobs"
  | "arms"
  | "plane"
  | "multi-gauss";

/** One entry of {@linkcode PLAYGROUND_DATASETS}. */
export interface PlaygroundDatasetInfo {
  /** The name, e.g. `"spiral"`. */
  readonly name: PlaygroundDatasetName;
  /** What it asks of a network. */
  readonly task: Task;
  /** In words, for tables and titles. */
  readonly description: string;
}

/** The data sets, Playground's four classification sets first. */
export const PLAYGROUND_DATASETS: readonly PlaygroundDatasetInfo[] = [
  { name: "circle", task: "binary", description: "a disc inside a ring" },
  { name: "xor", task: "binary", description: "the four quadrants, XOR of the signs" },
  { name: "gauss", task: "binary", description: "two Gaussian clusters" },
  { name: "spiral", task: "binary", description: "two interleaved spirals" },
  { name: "blobs", task: "multiclass", description: "3 to 5 Gaussian clusters on a circle" },
  { name: "arms", task: "multiclass", description: "3 to 5 interleaved spiral arms" },
  { name: "plane", task: "regression", description: "a tilted plane, (x1 + x2) / 10" },
  { name: "multi-gauss", task: "regression", description: "six Gaussian bumps of either sign" },
];

/** Most classes of the multi-class sets: 5 (and at least 3). */
export const MAX_CLASSES = 5;

/**
 * A data set with its task: 2-D points and their labels (classification) or targets
 * (regression). A classification set is also a `Dataset` (datasets.ts).
 */
export interface TaskData {
  /** Where it came from: a data set name or a CSV file's name. */
  readonly name: string;
  /** What it asks of a network. */
  readonly task: Task;
  /** Classes: 2 for `"binary"`, 3 or more for `"multiclass"`, 0 for `"regression"`. */
  readonly classes: number;
  /** Points, row-major: point `i` is `(x[2 * i], x[2 * i + 1])`. */
  readonly x: Float32Array;
  /** Labels (`Uint8Array`, classification) or targets (`Float32Array`, regression). */
  readonly y: Uint8Array | Float32Array;
  /** Values per point: 2. */
  readonly dim: 2;
  /** The window to draw in: `[[x1min, x1max], [x2min, x2max]]`. */
  readonly extent: readonly [readonly [number, number], readonly [number, number]];
}

/** Options of {@linkcode playgroundData}. */
export interface PlaygroundDataOptions {
  /** Run seed (a safe integer); default 0. */
  seed?: number;
  /**
   * Number of points: an integer from 4 to `MAX_DATASET_SIZE`; default Playground's,
   * 500 to classify and 1,200 to regress.
   */
  size?: number;
  /**
   * Noise as Playground means it for this data set (see the module documentation): a
   * number from 0 to `MAX_NOISE`; default 0. Playground's slider goes to 0.5.
   */
  noise?: number;
  /** Classes of `"blobs"` and `"arms"`: an integer from 3 to {@linkcode MAX_CLASSES}; default 3. */
  classes?: number;
}

// Playground's window: its data sets reach a radius of 5 (the plane and bumps 6).
const EXTENT: [[number, number], [number, number]] = [[-6, 6], [-6, 6]];

/**
 * Makes one of Playground's data sets (or one of our multi-class sets in its style),
 * seeded. Points come in generation order (class 1 first where Playground draws it
 * first); {@linkcode splitData} shuffles them into training and test points.
 *
 * - `"circle"`: label 1 inside radius 2.5, label 0 on a ring from 3.5 to 5.
 * - `"xor"`: uniform over [-5, 5]², each coordinate pushed 0.3 away from its axis; label
 *   1 where x1·x2 >= 0.
 * - `"gauss"`: label 1 around (2, 2), label 0 around (-2, -2).
 * - `"spiral"`: two spirals of 1.75 turns out to radius 5, label 1 and label 0.
 * - `"blobs"`: `classes` Gaussian clusters at radius 4, class k at angle 2πk / classes.
 * - `"arms"`: `classes` spiral arms like Playground's spiral, arm k turned by 2πk / classes.
 * - `"plane"`: uniform over [-6, 6]², target (x1 + x2) / 10.
 * - `"multi-gauss"`: uniform over [-6, 6]², target the strongest of six signed bumps
 *   max(0, 1 - d / 2) at distance d from (±4 or 0, ±2.5).
 *
 * @param name A name from {@linkcode PLAYGROUND_DATASETS}.
 * @param options `seed`, `size`, `noise`, `classes` ({@linkcode PlaygroundDataOptions}).
 * @returns The {@linkcode TaskData}, in the window [-6, 6]².
 * @throws {TypeError} If `name` is not a string or an option not a number.
 * @throws {RangeError} On an unknown name (the message lists them), a bad seed, a size
 *   outside [4, `MAX_DATASET_SIZE`], a noise level outside [0, `MAX_NOISE`], or classes
 *   outside [3, {@linkcode MAX_CLASSES}] (given for another data set: refused too).
 *
 * @example Playground's spiral and three blobs
 * ```ts
 * import { playgroundData } from "./playground_data.ts";
 * const spiral = playgroundData("spiral", { seed: 1 });
 * console.assert(spiral.task === "binary" && spiral.y.length === 500);
 * const blobs = playgroundData("blobs", { classes: 3 });
 * console.assert(blobs.classes === 3 && Math.max(...blobs.y) === 2);
 * ```
 */
export function playgroundData(
  name: PlaygroundDatasetName,
  options?: PlaygroundDataOptions,
): TaskData {
  checkString(name, argument("playgroundData", "name"));
  const info = PLAYGROUND_DATASETS.find((d) => d.name === name);
  if (!info) {
    throw new RangeError(
      `Unknown data set "${name}": expected one of ${
        PLAYGROUND_DATASETS.map((d) => `"${d.name}"`).join(", ")
      }`,
    );
  }
  const regression = info.task === "regression";
  const { seed = 0, size = regression ? 1200 : 500, noise = 0, classes } = checkOptions(
    options,
    argument("playgroundData", "options"),
  );
  checkInteger(size, option("size"), 4, MAX_DATASET_SIZE);
  checkNumber(noise, option("noise"), { min: 0, max: MAX_NOISE });
  let k = info.task === "binary" ? 2 : 0;
  if (info.task === "multiclass") k = checkInteger(classes ?? 3, option("classes"), 3, MAX_CLASSES);
  else if (classes !== undefined) {
    throw new RangeError(
      `${option("classes")}: "${name}" has ${
        regression ? "no classes" : "2 classes"
      }; classes is for "blobs" and "arms"`,
    );
  }
  const random = createRandom(deriveSeed(seed, `playground:${name}`));
  const x = new Float32Array(2 * size);
  const y = regression ? new Float32Array(size) : new Uint8Array(size);
  const put = (i: number, x1: number, x2: number, label: number) => {
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = label;
  };
  GENERATORS[name]({ size, noise, classes: k, random, put });
  return { name, task: info.task, classes: k, x, y, dim: 2, extent: EXTENT };
}

/** What {@linkcode splitData} returns. */
export interface SplitData {
  /** The training points. */
  readonly train: TaskData;
  /** The test points (none when `trainRatio` is 1). */
  readonly test: TaskData;
}

/** Options of {@linkcode splitData}. */
export interface SplitOptions {
  /**
   * The fraction of points to train on: a number above 0 and at most 1; default 0.5
   * (Playground's). At least one point goes to training, and one to testing unless it
   * is 1.
   */
  trainRatio?: number;
  /** Seed of the shuffle (a safe integer); default 0. */
  seed?: number;
}

/**
 * Shuffles a data set (seeded) and splits it into training and test points, as Playground
 * does: the first `floor(n x trainRatio)` shuffled points train.
 *
 * @param data A {@linkcode TaskData}.
 * @param options `trainRatio` and `seed` ({@linkcode SplitOptions}).
 * @returns `{ train, test }`, each a {@linkcode TaskData} with the same task and window.
 * @throws {TypeError} If `data` is not a data set.
 * @throws {RangeError} If `trainRatio` is not above 0 and at most 1, or the seed is not a
 *   safe integer.
 *
 * @example
 * ```ts
 * import { playgroundData, splitData } from "./playground_data.ts";
 * const { train, test } = splitData(playgroundData("circle"), { trainRatio: 0.8, seed: 1 });
 * console.assert(train.y.length === 400 && test.y.length === 100);
 * ```
 */
export function splitData(data: TaskData, options?: SplitOptions): SplitData {
  checkObject(data, argument("splitData", "data"), "a data set { x, y, task }");
  const { trainRatio = 0.5, seed = 0 } = checkOptions(options, argument("splitData", "options"));
  checkNumber(trainRatio, option("trainRatio"), { min: 0, minExclusive: true, max: 1 });
  const n = data.y.length;
  const order = permutation(n, createRandom(deriveSeed(seed, "split")));
  // at least one training point, and one test point unless everything trains
  const cut = trainRatio === 1 ? n : Math.min(n - 1, Math.max(1, Math.floor(n * trainRatio)));
  const pick = (from: number, to: number): TaskData => {
    const m = to - from;
    const x = new Float32Array(2 * m);
    const y = data.y instanceof Float32Array ? new Float32Array(m) : new Uint8Array(m);
    for (let k = 0; k < m; k++) {
      const i = order[from + k];
      x[2 * k] = data.x[2 * i];
      x[2 * k + 1] = data.x[2 * i + 1];
      y[k] = data.y[i];
    }
    return { ...data, x, y };
  };
  return { train: pick(0, cut), test: pick(cut, n) };
}

interface Generation {
  size: number;
  noise: number;
  classes: number;
  random: Random;
  put: (i: number, x1: number, x2: number, label: number) => void;
}

// uniform on [a, b), Playground's randUniform
function uniform(random: Random, a: number, b: number): number {
  return random.uniform() * (b - a) + a;
}

// Playground's variance for its Gaussians: 0.5 at noise 0, 4 at noise 0.5 (linear, unclamped)
function gaussianSd(noise: number): number {
  return Math.sqrt(0.5 + (noise / 0.5) * 3.5);
}

// Playground's multi-Gaussian: centre and sign of each bump
const BUMPS: readonly [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

const GENERATORS: Record<PlaygroundDatasetName, (g: Generation) => void> = {
  circle({ size, noise, random, put }) {
    const radius = 5;
    const half = Math.floor(size / 2);
    for (let i = 0; i < size; i++) {
      const inside = i < half;
      const r = inside ? uniform(random, 0, radius * 0.5) : uniform(random, radius * 0.7, radius);
      const angle = uniform(random, 0, 2 * Math.PI);
      const x1 = r * Math.sin(angle), x2 = r * Math.cos(angle);
      const n1 = uniform(random, -radius, radius) * noise;
      const n2 = uniform(random, -radius, radius) * noise;
      put(i, x1, x2, Math.hypot(x1 + n1, x2 + n2) < radius * 0.5 ? 1 : 0);
    }
  },
  xor({ size, noise, random, put }) {
    const padding = 0.3;
    for (let i = 0; i < size; i++) {
      let x1 = uniform(random, -5, 5);
      x1 += x1 > 0 ? padding : -padding;
      let x2 = uniform(random, -5, 5);
      x2 += x2 > 0 ? padding : -padding;
      const n1 = uniform(random, -5, 5) * noise, n2 = uniform(random, -5, 5) * noise;
      put(i, x1, x2, (x1 + n1) * (x2 + n2) >= 0 ? 1 : 0);
    }
  },
  gauss({ size, noise, random, put }) {
    const sd = gaussianSd(noise), half = Math.floor(size / 2);
    for (let i = 0; i < size; i++) {
      const c = i < half ? 2 : -2;
      put(i, random.normal(c, sd), random.normal(c, sd), i < half ? 1 : 0);
    }
  },
  spiral(g) {
    arms(g, 2, (arm) => (arm === 0 ? 1 : 0));
  },
  arms(g) {
    arms(g, g.classes, (arm) => arm);
  },
  blobs({ size, noise, classes, random, put }) {
    const sd = gaussianSd(noise);
    for (let i = 0; i < size; i++) {
      const c = Math.min(classes - 1, Math.floor((i * classes) / size));
      const angle = (2 * Math.PI * c) / classes;
      put(i, random.normal(4 * Math.cos(angle), sd), random.normal(4 * Math.sin(angle), sd), c);
    }
  },
  plane({ size, noise, random, put }) {
    const radius = 6;
    for (let i = 0; i < size; i++) {
      const x1 = uniform(random, -radius, radius), x2 = uniform(random, -radius, radius);
      const n1 = uniform(random, -radius, radius) * noise;
      const n2 = uniform(random, -radius, radius) * noise;
      // Playground's label scale maps x1 + x2 in [-10, 10] to [-1, 1] (not clamped)
      put(i, x1, x2, (x1 + n1 + x2 + n2) / 10);
    }
  },
  "multi-gauss"({ size, noise, random, put }) {
    const radius = 6;
    for (let i = 0; i < size; i++) {
      const x1 = uniform(random, -radius, radius), x2 = uniform(random, -radius, radius);
      const n1 = uniform(random, -radius, radius) * noise;
      const n2 = uniform(random, -radius, radius) * noise;
      put(i, x1, x2, bumps(x1 + n1, x2 + n2));
    }
  },
};

// Playground's spiral with `count` arms: arm k turned by 2πk / count, points moved by up to
// `noise` per axis; the first arm's points come first.
function arms(
  { size, noise, random, put }: Generation,
  count: number,
  label: (arm: number) => number,
): void {
  let i = 0;
  for (let arm = 0; arm < count; arm++) {
    const n = Math.floor((size * (arm + 1)) / count) - Math.floor((size * arm) / count);
    const delta = (2 * Math.PI * arm) / count;
    for (let k = 0; k < n; k++, i++) {
      const r = (k / n) * 5;
      const t = ((1.75 * k) / n) * 2 * Math.PI + delta;
      const x1 = r * Math.sin(t) + uniform(random, -1, 1) * noise;
      const x2 = r * Math.cos(t) + uniform(random, -1, 1) * noise;
      put(i, x1, x2, label(arm));
    }
  }
}

// the bump of largest magnitude at (x1, x2): sign x max(0, 1 - distance / 2)
function bumps(x1: number, x2: number): number {
  let label = 0;
  for (const [c1, c2, sign] of BUMPS) {
    const v = sign * Math.min(1, Math.max(0, 1 - Math.hypot(x1 - c1, x2 - c2) / 2));
    if (Math.abs(v) > Math.abs(label)) label = v;
  }
  return label;
}
