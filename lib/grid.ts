/**
 * The grid convention shared by heatmaps, decision boundaries and two-input activations,
 * with the two helpers that build one: {@linkcode linspace} and {@linkcode meshgrid}.
 *
 * @module
 */
import { argument, checkArrayLike, checkInteger, checkNumber, checkObject } from "./guards.ts";

/**
 * Most samples {@linkcode linspace} makes: 2^26 = 67,108,864 (256 MB of float32), far
 * beyond any figure (about 4,000 per curve) and room for benchmarks of 20M points.
 */
export const MAX_SAMPLES: number = 1 << 26;

/**
 * Most points of a grid, `nx * ny`: 2^22 = 4,194,304 (2048 x 2048; the original's grid
 * is 200 x 200). A {@linkcode meshgrid} of that size holds 32 MB; predictions and
 * Jacobians over it a few times more.
 */
export const MAX_GRID_POINTS: number = 1 << 22;

/**
 * Values of a function sampled on a rectangular grid.
 *
 * `values[j * nx + i]` is `f(x1[i], x2[j])`: rows run along `x2` (vertical), columns
 * along `x1` (horizontal), both ascending.
 */
export interface Grid {
  /** `nx` ascending sample positions along x1 (horizontal). */
  readonly x1: Float32Array;
  /** `ny` ascending sample positions along x2 (vertical). */
  readonly x2: Float32Array;
  /** `values[j * nx + i] = f(x1[i], x2[j])`; length `nx * ny`. */
  readonly values: Float32Array;
}

/** The flattened coordinates of every grid point, in {@linkcode Grid} order. */
export interface Mesh {
  /** `x1` of point `j * nx + i`, i.e. `x1[i]`. */
  readonly x1: Float32Array;
  /** `x2` of point `j * nx + i`, i.e. `x2[j]`. */
  readonly x2: Float32Array;
}

/**
 * Evenly spaced numbers over `[start, stop]`, both ends included (NumPy's `linspace`).
 *
 * Each value is computed as `start + k * step` in float64 and the last one is exactly
 * `stop`, so rounding does not accumulate.
 *
 * @param start The first value.
 * @param stop The last value.
 * @param n How many values: an integer from 1 (`[start]`) to {@linkcode MAX_SAMPLES}.
 * @returns A `Float32Array` of length `n`.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If `start` or `stop` is not finite, or `n` is not an integer from
 *   1 to {@linkcode MAX_SAMPLES}.
 *
 * @example Eleven points from 0 to 10
 * ```ts
 * import { linspace } from "./grid.ts";
 * const x = linspace(0, 10, 11);
 * console.assert(x.length === 11 && x[0] === 0 && x[3] === 3 && x[10] === 10);
 * ```
 */
export function linspace(start: number, stop: number, n: number): Float32Array {
  checkNumber(start, argument("linspace", "start"));
  checkNumber(stop, argument("linspace", "stop"));
  checkInteger(n, argument("linspace", "n"), 1, MAX_SAMPLES);
  const out = new Float32Array(n);
  if (n === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (n - 1);
  for (let k = 0; k < n - 1; k++) out[k] = start + k * step;
  out[n - 1] = stop;
  return out;
}

/**
 * The coordinates of every point of the grid spanned by `x1` and `x2`, flattened in
 * {@linkcode Grid} order (`x1` varies fastest), ready to be fed to a model as pairs.
 *
 * @param x1 Sample positions along x1 (length `nx`).
 * @param x2 Sample positions along x2 (length `ny`).
 * @returns `{ x1, x2 }`, each of length `nx * ny`.
 * @throws {TypeError} If an axis is not an array of numbers or is empty.
 * @throws {RangeError} If a position is not finite, or the grid has more than
 *   {@linkcode MAX_GRID_POINTS} points (checked before anything is allocated).
 *
 * @example A 2 x 3 grid
 * ```ts
 * import { meshgrid } from "./grid.ts";
 * const m = meshgrid([0, 1], [10, 20, 30]);
 * console.assert(m.x1.join() === "0,1,0,1,0,1");
 * console.assert(m.x2.join() === "10,10,20,20,30,30");
 * ```
 */
export function meshgrid(x1: ArrayLike<number>, x2: ArrayLike<number>): Mesh {
  checkArrayLike(x1, argument("meshgrid", "x1"));
  checkArrayLike(x2, argument("meshgrid", "x2"));
  const nx = x1.length, ny = x2.length;
  if (nx === 0 || ny === 0) {
    throw new TypeError(`Invalid grid ${nx} x ${ny}: expected at least one point per axis`);
  }
  checkGridSize(nx, ny);
  for (const [name, axis] of [["x1", x1], ["x2", x2]] as const) {
    for (let k = 0; k < axis.length; k++) {
      if (!Number.isFinite(axis[k])) {
        throw new RangeError(`Invalid ${name}[${k}] = ${axis[k]}: expected a finite number`);
      }
    }
  }
  const a = new Float32Array(nx * ny), b = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      a[j * nx + i] = x1[i];
      b[j * nx + i] = x2[j];
    }
  }
  return { x1: a, x2: b };
}

/**
 * Checks that `grid` follows the {@linkcode Grid} convention and returns it.
 *
 * @param grid The grid to check.
 * @returns The same grid.
 * @throws {TypeError} If an axis is empty or `values` has the wrong length.
 * @throws {RangeError} If an axis is not finite and strictly ascending.
 *
 * @example
 * ```ts
 * import { checkGrid, linspace } from "./grid.ts";
 * const g = checkGrid({ x1: linspace(0, 1, 2), x2: linspace(0, 1, 3), values: new Float32Array(6) });
 * console.assert(g.values.length === 6);
 * ```
 */
export function checkGrid(grid: Grid): Grid {
  const { x1, x2, values } = checkObject(grid, "Invalid grid", "{ x1, x2, values }");
  if (!x1?.length || !x2?.length || !values) {
    throw new TypeError("Invalid grid: expected non-empty x1, x2 and values arrays");
  }
  if (values.length !== x1.length * x2.length) {
    throw new TypeError(
      `Invalid grid: values has length ${values.length}, expected ${x1.length} x ${x2.length} = ${
        x1.length * x2.length
      }`,
    );
  }
  for (const [name, axis] of [["x1", x1], ["x2", x2]] as const) {
    for (let k = 0; k < axis.length; k++) {
      if (!Number.isFinite(axis[k]) || (k > 0 && !(axis[k] > axis[k - 1]))) {
        throw new RangeError(
          `Invalid grid: ${name}[${k}] = ${axis[k]}; expected finite, strictly ascending positions`,
        );
      }
    }
  }
  return grid;
}

/**
 * Checks the size of a grid before it is built: at most {@linkcode MAX_GRID_POINTS} points.
 *
 * @param nx Points along x1.
 * @param ny Points along x2.
 * @param label What to name in the message (default `"Invalid grid"`).
 * @throws {RangeError} If `nx * ny` is above {@linkcode MAX_GRID_POINTS}.
 *
 * @example
 * ```ts
 * import { checkGridSize } from "./grid.ts";
 * checkGridSize(200, 200);
 * ```
 */
export function checkGridSize(nx: number, ny: number, label = "Invalid grid"): void {
  if (nx * ny > MAX_GRID_POINTS) {
    throw new RangeError(
      `${label}: ${nx} x ${ny} = ${nx * ny} points is above the maximum ${MAX_GRID_POINTS}`,
    );
  }
}
