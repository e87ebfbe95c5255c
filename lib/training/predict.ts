/**
 * What a trained {@linkcode Network} computes, as plain arrays: output probabilities (or
 * regression outputs) for points, over a {@linkcode Grid} (decision boundaries), and the
 * real outputs of any hidden layer (the "transformed" points).
 *
 * @module
 */
import {
  checkNetwork,
  checkPoints,
  forwardOutputs,
  type Network,
  sigmoid,
  softmaxRow,
} from "./network.ts";
import { type Grid, linspace, meshgrid } from "../grid.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  option,
  typeError,
} from "../guards.ts";

/**
 * Most grid samples per axis for a decision boundary (`resolution`): 1,000, a million
 * points (the original's grid is 200 x 200; a figure is 400 px wide).
 */
export const MAX_RESOLUTION = 1_000;

/** The sample positions of a grid: ascending `x1` (horizontal) and `x2` (vertical). */
export interface GridAxes {
  /** Horizontal positions, ascending. */
  readonly x1: ArrayLike<number>;
  /** Vertical positions, ascending. */
  readonly x2: ArrayLike<number>;
}

/** Points with `dim` features each, row-major. */
export interface Points {
  /** The features, row-major: point `k` is `x[k * dim]` to `x[k * dim + dim - 1]`. */
  readonly x: Float32Array;
  /** Features per point. */
  readonly dim: number;
}

/**
 * The original's evaluation grid axes: `n` points from `min` to `max` on each axis.
 *
 * @param extent `[[x1min, x1max], [x2min, x2max]]`; default the original's
 *   `[[0, 10], [0, 10]]`.
 * @param n Samples per axis: an integer from 1 to {@linkcode MAX_RESOLUTION}; default 200
 *   (the original's 200 x 200).
 * @returns `{ x1, x2 }` as `Float32Array`s.
 * @throws {TypeError} If `extent` is not two `[min, max]` pairs of numbers.
 * @throws {RangeError} If a bound is not finite or `n` is not an integer from 1 to
 *   {@linkcode MAX_RESOLUTION}.
 *
 * @example
 * ```ts
 * import { gridAxes } from "./predict.ts";
 * const { x1, x2 } = gridAxes();
 * console.assert(x1.length === 200 && x1[199] === 10 && x2[0] === 0);
 * ```
 */
export function gridAxes(
  extent: readonly (readonly [number, number])[] = [[0, 10], [0, 10]],
  n = 200,
): { x1: Float32Array; x2: Float32Array } {
  const label = argument("gridAxes", "extent");
  checkArrayLike(extent, label, "[[x1min, x1max], [x2min, x2max]]");
  for (const k of [0, 1]) {
    checkArrayLike(extent[k], `${label}[${k}]`, "a [min, max] pair of numbers");
  }
  checkInteger(n, argument("gridAxes", "n"), 1, MAX_RESOLUTION);
  return {
    x1: linspace(extent[0][0], extent[0][1], n),
    x2: linspace(extent[1][0], extent[1][1], n),
  };
}

/**
 * What the network outputs for each point: the probability of class 1 (a sigmoid output),
 * the probability of each class (softmax: `outputs` per point, row-major), or the
 * regression outputs (linear: `outputs` per point).
 *
 * @param network A network with `network.sizes[0]` inputs.
 * @param x Row-major features.
 * @returns One probability per point (sigmoid), else `outputs` values per point.
 * @throws {TypeError} If `network` is not a network, or `x` is not an array of numbers, is
 *   empty or its length is not a multiple of the input count.
 * @throws {RangeError} If a feature is not finite in float32.
 * @throws {Error} If the network has been disposed.
 *
 * @example An untrained network still gives probabilities
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * import { predict } from "./predict.ts";
 * const net = createNetwork(NONLINEAR_NETWORK);
 * const p = predict(net, [2, 2, 8, 8]);
 * console.assert(p.length === 2 && p.every((v) => v > 0 && v < 1));
 * net.dispose();
 * ```
 */
export function predict(network: Network, x: ArrayLike<number>): Float32Array {
  checkNetwork(network, argument("predict", "network"));
  checkPoints(x, network.sizes[0], argument("predict", "x"));
  const z = forwardOutputs(network, Float32Array.from(x));
  if (network.output === "sigmoid") return z.map(sigmoid);
  if (network.output === "linear") return z;
  const units = network.sizes.at(-1)!, row = new Float64Array(units);
  for (let start = 0; start < z.length; start += units) {
    z.set(softmaxRow(z, start, units, row), start);
  }
  return z;
}

/**
 * The network's output over a grid: the decision boundary image (the probability of class
 * 1), or a regression network's output.
 *
 * @param network A network with two inputs and one output (sigmoid or linear); for softmax
 *   classes, call {@linkcode gridOutputs}.
 * @param axes Grid axes; default {@linkcode gridAxes}`()`, the original's 200 x 200 over
 *   [0, 10]^2.
 * @returns A {@linkcode Grid} with `values[j * nx + i] = p(x1[i], x2[j])`.
 * @throws {TypeError} If `network` is not a network taking two inputs and giving one
 *   output, or an axis is not a non-empty array of numbers.
 * @throws {RangeError} If a position is not finite, or the grid has more than
 *   `MAX_GRID_POINTS` points (see `meshgrid`; checked before anything is allocated).
 *
 * @example
 * ```ts
 * import { createNetwork, LINEAR_NETWORK } from "./network.ts";
 * import { predictGrid } from "./predict.ts";
 * const net = createNetwork(LINEAR_NETWORK);
 * const grid = predictGrid(net, { x1: [0, 5, 10], x2: [0, 10] });
 * console.assert(grid.values.length === 6);
 * net.dispose();
 * ```
 */
export function predictGrid(network: Network, axes: GridAxes = gridAxes()): Grid {
  checkNetwork(network, argument("predictGrid", "network"));
  checkObject(axes, argument("predictGrid", "axes"), "{ x1, x2 }");
  checkGridInputs(network);
  if (network.sizes.at(-1) !== 1) {
    throw new TypeError(
      `Invalid network for a grid: it gives ${
        network.sizes.at(-1)
      } outputs per point (${network.output}), expected 1; call gridOutputs() for several`,
    );
  }
  const { x1, x2, values } = gridOutputs(network, axes);
  return { x1, x2, values };
}

/** Every output of a network over a grid: what {@linkcode gridOutputs} returns. */
export interface GridOutputs {
  /** Horizontal positions. */
  readonly x1: Float32Array;
  /** Vertical positions. */
  readonly x2: Float32Array;
  /**
   * `outputs` values per grid point, point by point in the {@linkcode Grid} order:
   * `values[(j * nx + i) * outputs + c]` is output `c` at `(x1[i], x2[j])`.
   */
  readonly values: Float32Array;
  /** Values per point: the network's outputs (a softmax's classes, else 1). */
  readonly outputs: number;
}

/**
 * What the network outputs over a grid, for any output layer: {@linkcode predictGrid}'s
 * values for a sigmoid or a single linear output, and for a softmax every class's
 * probability at every grid point.
 *
 * @param network A network with two inputs.
 * @param axes Grid axes, e.g. {@linkcode gridAxes} or {@linkcode cellCentres}.
 * @returns `{ x1, x2, values, outputs }` ({@linkcode GridOutputs}).
 * @throws {TypeError} If `network` is not a network taking two inputs, or an axis is not
 *   a non-empty array of numbers.
 * @throws {RangeError} If a position is not finite, or the grid has more than
 *   `MAX_GRID_POINTS` points (checked before anything is allocated).
 *
 * @example Three classes: three probabilities per grid point, summing to 1
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { gridOutputs } from "./predict.ts";
 * const net = createNetwork({ hidden: [4], activation: "tanh" }, { output: "softmax", outputs: 3 });
 * const g = gridOutputs(net, { x1: [0, 1], x2: [0, 1, 2] });
 * console.assert(g.outputs === 3 && g.values.length === 2 * 3 * 3);
 * console.assert(Math.abs(g.values[0] + g.values[1] + g.values[2] - 1) < 1e-6);
 * net.dispose();
 * ```
 */
export function gridOutputs(network: Network, axes: GridAxes): GridOutputs {
  checkNetwork(network, argument("gridOutputs", "network"));
  checkObject(axes, argument("gridOutputs", "axes"), "{ x1, x2 }");
  checkGridInputs(network);
  const mesh = meshgrid(axes.x1, axes.x2);
  const x = new Float32Array(2 * mesh.x1.length);
  for (let k = 0; k < mesh.x1.length; k++) {
    x[2 * k] = mesh.x1[k];
    x[2 * k + 1] = mesh.x2[k];
  }
  return {
    x1: Float32Array.from(axes.x1),
    x2: Float32Array.from(axes.x2),
    values: predict(network, x),
    outputs: network.sizes.at(-1)!,
  };
}

/**
 * The centres of `n` x `n` equal cells tiling a window: where TensorFlow Playground (and
 * `predictionFigure()`) sample a network, so that each cell's colour is its centre's.
 *
 * @param extent `[[x1min, x1max], [x2min, x2max]]`.
 * @param n Cells per axis: an integer from 1 to {@linkcode MAX_RESOLUTION}.
 * @returns `{ x1, x2 }` as `Float32Array`s: `x1[i] = x1min + (i + 0.5) (x1max - x1min) / n`.
 * @throws {TypeError} If `extent` is not two `[min, max]` pairs of numbers.
 * @throws {RangeError} If `n` is not an integer from 1 to {@linkcode MAX_RESOLUTION}.
 *
 * @example
 * ```ts
 * import { cellCentres } from "./predict.ts";
 * const { x1, x2 } = cellCentres([[-6, 6], [0, 4]], 4);
 * console.assert(x1.join() === "-4.5,-1.5,1.5,4.5" && x2.join() === "0.5,1.5,2.5,3.5");
 * ```
 */
export function cellCentres(
  extent: readonly (readonly [number, number])[],
  n: number,
): { x1: Float32Array; x2: Float32Array } {
  const label = argument("cellCentres", "extent");
  checkArrayLike(extent, label, "[[x1min, x1max], [x2min, x2max]]");
  for (const k of [0, 1]) {
    checkArrayLike(extent[k], `${label}[${k}]`, "a [min, max] pair of numbers");
  }
  checkInteger(n, argument("cellCentres", "n"), 1, MAX_RESOLUTION);
  const centres = ([a, b]: readonly [number, number]) =>
    Float32Array.from({ length: n }, (_, i) => a + ((i + 0.5) * (b - a)) / n);
  return { x1: centres(extent[0]), x2: centres(extent[1]) };
}

// A grid's points are 2-D: the network must take two inputs.
function checkGridInputs(network: Network): void {
  if (network.sizes[0] !== 2) {
    throw new TypeError(
      `Invalid network for a grid: it takes ${network.sizes[0]} inputs, expected 2`,
    );
  }
}

/**
 * The outputs of a hidden layer (after its activation), exactly as the network
 * computes them: the points as the next layer sees them.
 *
 * @param network A network.
 * @param x Row-major features (`network.sizes[0]` per point).
 * @param options `layer`: 0-based hidden layer index; default the last hidden layer.
 * @returns `{ x, dim }`: row-major outputs, `dim` = that layer's width.
 * @throws {RangeError} If `layer` is not a hidden layer index, or a feature is not finite
 *   in float32.
 * @throws {TypeError} If `network` is not a network, or `x` is not an array of numbers,
 *   is empty or has the wrong length.
 *
 * @example The non-linear network maps points to 2-D
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * import { hiddenOutputs } from "./predict.ts";
 * const net = createNetwork(NONLINEAR_NETWORK);
 * const h = hiddenOutputs(net, [2, 2, 8, 8, 2, 8]);
 * console.assert(h.dim === 2 && h.x.length === 6);
 * net.dispose();
 * ```
 */
export function hiddenOutputs(
  network: Network,
  x: ArrayLike<number>,
  options?: { layer?: number },
): Points {
  checkNetwork(network, argument("hiddenOutputs", "network"));
  const hidden = network.sizes.length - 2;
  const { layer = hidden - 1 } = checkOptions(options, argument("hiddenOutputs", "options"));
  if (hidden === 0) {
    throw typeError(argument("hiddenOutputs", "network"), "a network with a hidden layer", network);
  }
  checkInteger(layer, option("layer"), 0, hidden - 1);
  checkPoints(x, network.sizes[0], argument("hiddenOutputs", "x"));
  const output = forwardOutputs(network, Float32Array.from(x), layer);
  return { x: output, dim: network.sizes[layer + 1] };
}
