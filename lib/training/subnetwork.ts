/**
 * The original's "after the non-linear transformation" view: take the real outputs of a
 * trained network's last hidden layer (2 units), fit the original's small subnetwork
 * Dense(2, linear) -> Dense(1, sigmoid) on them, and evaluate it over the window the
 * transformed points will be drawn in.
 *
 * Unlike the original, the points are what the network computes (ELU, not ReLU applied to
 * pre-activations), and the grid covers exactly the extent returned for drawing.
 *
 * @module
 */
import { checkNetwork, createNetwork, type Network } from "./network.ts";
import type { Dataset } from "./datasets.ts";
import type { Grid } from "../grid.ts";
import { gridAxes, hiddenOutputs, MAX_RESOLUTION, predictGrid } from "./predict.ts";
import { argument, checkInteger, checkNumber, checkOptions, option } from "../guards.ts";

/** Largest `padding`: 100 times the points' range on each side. */
export const MAX_PADDING = 100;
import {
  checkTrainingData,
  type History,
  train,
  type TrainingData,
  type TrainOptions,
} from "./train.ts";

/** The original's subnetwork: Dense(2, linear) -> Dense(1, sigmoid) on 2-D points. */
export const SUBNETWORK = { hidden: [2], activation: "identity" } as const;

/** What {@linkcode fitSubnetwork} returns: plain arrays, ready to draw. */
export interface SubnetworkFit {
  /** The transformed points (last hidden layer outputs) with the original labels. */
  readonly points: Dataset;
  /** The drawing window chosen from the points: `[[x1min, x1max], [x2min, x2max]]`. */
  readonly extent: readonly [readonly [number, number], readonly [number, number]];
  /** The subnetwork's probability over `extent` (axes x'1, x'2). */
  readonly grid: Grid;
  /** The subnetwork's training history. */
  readonly history: History;
}

/** Options of {@linkcode fitSubnetwork}: training options plus the grid's look. */
export interface SubnetworkOptions extends TrainOptions {
  /** Grid samples per axis: an integer from 2 to {@linkcode MAX_RESOLUTION}; default 200. */
  resolution?: number;
  /**
   * Margin around the points, as a fraction of their range per axis: from 0 to
   * {@linkcode MAX_PADDING}; default 0.1.
   */
  padding?: number;
}

/**
 * Fits the original's subnetwork on the points as the trained network's last hidden layer
 * sees them, and evaluates it over the extent of those points.
 *
 * @param network A trained network whose last hidden layer has 2 units (e.g. the
 *   the original's non-linear network); it is not changed.
 * @param data The points and labels the network was trained on.
 * @param options Training options (default: the original's, with the network's seed),
 *   `resolution` and `padding` ({@linkcode SubnetworkOptions}).
 * @returns The transformed points, extent, grid and history ({@linkcode SubnetworkFit}).
 * @throws {TypeError} If `network` is not a network whose last hidden layer has 2 units,
 *   or the data is not features and labels, is empty or has mismatched lengths.
 * @throws {RangeError} On bad labels, features or training options, or a bad
 *   `resolution` / `padding`.
 *
 * @example
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * import { makeDataset } from "./datasets.ts";
 * import { fitSubnetwork } from "./subnetwork.ts";
 * const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
 * const fit = await fitSubnetwork(net, makeDataset("xor", { seed: 1 }), { epochs: 2, resolution: 20 });
 * console.assert(fit.grid.values.length === 400 && fit.points.x.length === 400);
 * net.dispose();
 * ```
 */
export async function fitSubnetwork(
  network: Network,
  data: TrainingData,
  options?: SubnetworkOptions,
): Promise<SubnetworkFit> {
  checkNetwork(network, argument("fitSubnetwork", "network"));
  const { resolution = 200, padding = 0.1, ...trainOptions } = checkOptions(
    options,
    argument("fitSubnetwork", "options"),
  );
  const width = network.sizes.at(-2);
  if (network.sizes.length < 3 || width !== 2) {
    throw new TypeError(
      `Invalid network for the subnetwork view: its last hidden layer has ${width} units, expected 2`,
    );
  }
  checkInteger(resolution, option("resolution"), 2, MAX_RESOLUTION);
  checkNumber(padding, option("padding"), { min: 0, max: MAX_PADDING });
  checkTrainingData(data, network.sizes[0], "fitSubnetwork");
  const transformed = hiddenOutputs(network, data.x);
  const extent = extentOf(transformed.x, padding);
  const points: Dataset = { x: transformed.x, y: Uint8Array.from(data.y), dim: 2, extent };
  const subnetwork = createNetwork(SUBNETWORK, { seed: trainOptions.seed ?? network.seed });
  try {
    const history = await train(subnetwork, points, trainOptions);
    const grid = predictGrid(subnetwork, gridAxes(extent, resolution));
    return { points, extent, grid, history };
  } finally {
    subnetwork.dispose();
  }
}

/**
 * The padded bounding box of 2-D points: each axis grows by `padding` times its range
 * on both sides (by `padding` itself, or 0.5 when zero, if all points share a value).
 *
 * @param x Row-major 2-D points (at least one).
 * @param padding Margin as a fraction of the range.
 * @returns `[[x1min, x1max], [x2min, x2max]]`.
 *
 * @example
 * ```ts
 * import { extentOf } from "./subnetwork.ts";
 * const e = extentOf([0, 0, 10, 20], 0.1);
 * console.assert(e[0][0] === -1 && e[0][1] === 11 && e[1][0] === -2 && e[1][1] === 22);
 * ```
 */
export function extentOf(
  x: ArrayLike<number>,
  padding = 0.1,
): [[number, number], [number, number]] {
  const out: [number, number][] = [0, 1].map((d) => {
    let lo = Infinity, hi = -Infinity;
    for (let i = d; i < x.length; i += 2) {
      lo = Math.min(lo, x[i]);
      hi = Math.max(hi, x[i]);
    }
    const margin = hi > lo ? padding * (hi - lo) : padding || 0.5;
    return [lo - margin, hi + margin];
  });
  return [out[0], out[1]];
}
