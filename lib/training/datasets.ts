/**
 * Seeded two-class data sets in the square [0, 10]^2: the original notebook's XOR-like four
 * clusters, and TensorFlow Playground's circle, spiral and two Gaussians, each with a
 * noise level.
 *
 * @module
 */
import { createRandom, deriveSeed, type Random } from "./random.ts";
import {
  argument,
  checkInteger,
  checkNumber,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/**
 * Most points {@linkcode makeDataset} makes: 1,000,000 (9 MB). The original has 200;
 * a million trains in seconds per epoch and is far from what hurts the machine.
 */
export const MAX_DATASET_SIZE = 1_000_000;

/** Largest noise level: 1,000, a hundred times the [0, 10] window the data live in. */
export const MAX_NOISE = 1_000;

/** Points with two features each and a 0/1 label. */
export interface Dataset {
  /** Features, row-major: point `i` is `(x[2 * i], x[2 * i + 1])`. */
  readonly x: Float32Array;
  /** Labels, 0 or 1, one per point. */
  readonly y: Uint8Array;
  /** Features per point (always 2 here). */
  readonly dim: number;
  /** The window to draw and evaluate in: `[[x1min, x1max], [x2min, x2max]]`. */
  readonly extent: readonly [readonly [number, number], readonly [number, number]];
}

/** A data set name {@linkcode makeDataset} accepts. */
export type DatasetName = "xor" | "circle" | "spiral" | "gaussians";

/** The data set names {@linkcode makeDataset} accepts, in display order. */
export const DATASETS: readonly DatasetName[] = ["xor", "circle", "spiral", "gaussians"];

/** Options of {@linkcode makeDataset}. */
export interface DatasetOptions {
  /** Run seed (a safe integer); default 0. */
  seed?: number;
  /** Number of points: an integer from 4 to {@linkcode MAX_DATASET_SIZE}; default 200. */
  size?: number;
  /**
   * Standard deviation of the Gaussian noise added to each coordinate. Defaults:
   * xor 0.25 (the original's cluster spread), circle 0.2, spiral 0.2, gaussians 1. At
   * most {@linkcode MAX_NOISE}.
   */
  noise?: number;
}

/**
 * The original's four clusters: centre and label. Note the original notebook sets
 * `train_y[0:50] = 1` and `train_y[150:200] = 1`, i.e. (2, 2) and (8, 8) are class 1.
 */
export const XOR_CLUSTERS: readonly { x1: number; x2: number; label: 0 | 1 }[] = [
  { x1: 2, x2: 2, label: 1 },
  { x1: 2, x2: 8, label: 0 },
  { x1: 8, x2: 2, label: 0 },
  { x1: 8, x2: 8, label: 1 },
];

const DEFAULT_NOISE: Record<DatasetName, number> = {
  xor: 0.25,
  circle: 0.2,
  spiral: 0.2,
  gaussians: 1,
};

/**
 * Makes a seeded two-class data set in [0, 10]^2.
 *
 * - `"xor"`: the original's data: four Gaussian clusters (sd = `noise`, 0.25 by default)
 *   centred as in {@linkcode XOR_CLUSTERS}, `size / 4` points each, in that order.
 * - `"circle"`: label 1 inside radius 2 around (5, 5), label 0 on a ring of radii
 *   2.8 to 4 (TensorFlow Playground's circle, scaled).
 * - `"spiral"`: two interleaved spirals around (5, 5), label 1 and label 0.
 * - `"gaussians"`: two Gaussian blobs, label 0 at (3, 3) and label 1 at (7, 7),
 *   with standard deviation `noise`.
 *
 * @param name A name from {@linkcode DATASETS}.
 * @param options `seed`, `size` and `noise` ({@linkcode DatasetOptions}).
 * @returns A {@linkcode Dataset} with extent `[[0, 10], [0, 10]]`.
 * @throws {TypeError} If `name` is not a string, `options` not an object, or an option
 *   not a number.
 * @throws {RangeError} On an unknown name, a bad seed, a size that is not an integer
 *   from 4 to {@linkcode MAX_DATASET_SIZE}, or a noise level outside [0,
 *   {@linkcode MAX_NOISE}]; checked before anything is allocated.
 *
 * @example The original's data: 200 points, half of them labelled 1
 * ```ts
 * import { makeDataset } from "./datasets.ts";
 * const data = makeDataset("xor", { seed: 1 });
 * console.assert(data.y.length === 200 && data.x.length === 400);
 * console.assert(data.y.reduce((a, b) => a + b, 0) === 100);
 * ```
 */
export function makeDataset(name: DatasetName, options?: DatasetOptions): Dataset {
  checkString(name, argument("makeDataset", "name"));
  if (!(DATASETS as readonly string[]).includes(name)) {
    throw new RangeError(
      `Unknown data set "${name}": expected one of ${DATASETS.map((d) => `"${d}"`).join(", ")}`,
    );
  }
  const { seed = 0, size = 200, noise = DEFAULT_NOISE[name] } = checkOptions(
    options,
    argument("makeDataset", "options"),
  );
  checkInteger(size, option("size"), 4, MAX_DATASET_SIZE);
  checkNumber(noise, option("noise"), { min: 0, max: MAX_NOISE });
  const random = createRandom(deriveSeed(seed, `data:${name}`));
  const x = new Float32Array(2 * size), y = new Uint8Array(size);
  const put = (i: number, x1: number, x2: number, label: number) => {
    x[2 * i] = x1 + random.normal(0, noise);
    x[2 * i + 1] = x2 + random.normal(0, noise);
    y[i] = label;
  };
  GENERATORS[name](size, random, put);
  return { x, y, dim: 2, extent: [[0, 10], [0, 10]] };
}

/**
 * The points of a data set as rows, the shape Observable Plot marks read.
 *
 * @param data A {@linkcode Dataset} (or any `{ x, y }` with two features per point).
 * @returns One `{ x1, x2, label }` object per point.
 *
 * @example
 * ```ts
 * import { datasetRows, makeDataset } from "./datasets.ts";
 * const rows = datasetRows(makeDataset("xor"));
 * console.assert(rows.length === 200 && "x1" in rows[0] && "label" in rows[0]);
 * ```
 */
export function datasetRows(
  data: Pick<Dataset, "x" | "y">,
): { x1: number; x2: number; label: number }[] {
  return Array.from(data.y, (label, i) => ({ x1: data.x[2 * i], x2: data.x[2 * i + 1], label }));
}

type Put = (i: number, x1: number, x2: number, label: number) => void;

const GENERATORS: Record<DatasetName, (size: number, random: Random, put: Put) => void> = {
  xor(size, _random, put) {
    // contiguous blocks, one per cluster, as the original lays them out
    XOR_CLUSTERS.forEach((c, k) => {
      const end = Math.floor((size * (k + 1)) / 4);
      for (let i = Math.floor((size * k) / 4); i < end; i++) put(i, c.x1, c.x2, c.label);
    });
  },
  circle(size, random, put) {
    const half = Math.floor(size / 2);
    for (let i = 0; i < size; i++) {
      const inside = i < half;
      const r = inside ? 2 * random.uniform() : 2.8 + 1.2 * random.uniform();
      const t = 2 * Math.PI * random.uniform();
      put(i, 5 + r * Math.sin(t), 5 + r * Math.cos(t), inside ? 1 : 0);
    }
  },
  spiral(size, _random, put) {
    const half = Math.floor(size / 2);
    for (let i = 0; i < size; i++) {
      const first = i < half;
      const k = first ? i : i - half, count = first ? half : size - half;
      const r = (4.5 * k) / count;
      const t = (1.75 * 2 * Math.PI * k) / count + (first ? 0 : Math.PI);
      put(i, 5 + r * Math.sin(t), 5 + r * Math.cos(t), first ? 1 : 0);
    }
  },
  gaussians(size, _random, put) {
    const half = Math.floor(size / 2);
    for (let i = 0; i < size; i++) put(i, i < half ? 3 : 7, i < half ? 3 : 7, i < half ? 0 : 1);
  },
};
