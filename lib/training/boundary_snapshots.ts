/**
 * The decision boundary over time: train a network and record its output over a grid
 * every few epochs, for an epoch slider.
 *
 * @module
 */
import type { Network } from "./network.ts";
import { type GridAxes, gridAxes, predictGrid } from "./predict.ts";
import { type History, train, type TrainingData, type TrainOptions } from "./train.ts";

/** The network's output over the grid after `epoch` epochs (0 = before training). */
export interface BoundarySnapshot {
  /** Epochs trained so far (0 = before training). */
  readonly epoch: number;
  /** Same layout as `Grid.values`: `values[j * nx + i] = p(x1[i], x2[j])`. */
  readonly values: Float32Array;
  /** Training loss after this epoch (`NaN` at epoch 0). */
  readonly loss: number;
  /** Training accuracy after this epoch (`NaN` at epoch 0). */
  readonly accuracy: number;
}

/** What {@linkcode trainWithSnapshots} returns. */
export interface BoundarySnapshots {
  /** Horizontal grid axis, shared by every snapshot. */
  readonly x1: Float32Array;
  /** Vertical grid axis, shared by every snapshot. */
  readonly x2: Float32Array;
  /** Snapshots in epoch order: epoch 0, every `every`-th epoch, and the last epoch. */
  readonly snapshots: BoundarySnapshot[];
  /** The full training history. */
  readonly history: History;
}

/** Options of {@linkcode trainWithSnapshots}. */
export interface SnapshotOptions extends TrainOptions {
  /** Record a snapshot every this many epochs; default 10. */
  every?: number;
  /** Grid axes; default 100 x 100 over the data's `extent` (or [0, 10]^2). */
  axes?: GridAxes;
}

/**
 * Trains `network` (as {@linkcode train} does) and records its decision boundary before
 * training, every `every` epochs, and after the last epoch.
 *
 * @param network A network with two inputs; it is trained in place.
 * @param data Training points and labels (a `Dataset`'s `extent` sets the default grid).
 * @param options Training options plus `every` and `axes` ({@linkcode SnapshotOptions}).
 * @returns Grid axes, snapshots and history ({@linkcode BoundarySnapshots}).
 * @throws {RangeError} If `every` is not an integer >= 1, and as {@linkcode train} does.
 * @throws {TypeError} If the network does not take two inputs, and as {@linkcode train}.
 *
 * @example Snapshots at epochs 0, 2, 4 and 5
 * ```ts
 * import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
 * import { makeDataset } from "./datasets.ts";
 * import { trainWithSnapshots } from "./boundary_snapshots.ts";
 * const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
 * const movie = await trainWithSnapshots(net, makeDataset("xor"), { epochs: 5, every: 2 });
 * console.assert(movie.snapshots.map((s) => s.epoch).join() === "0,2,4,5");
 * net.dispose();
 * ```
 */
export async function trainWithSnapshots(
  network: Network,
  data: TrainingData & { readonly extent?: readonly (readonly [number, number])[] },
  options: SnapshotOptions = {},
): Promise<BoundarySnapshots> {
  const { every = 10, axes = gridAxes(data.extent ?? [[0, 10], [0, 10]], 100), ...rest } = options;
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError(`Invalid snapshot interval ${every}: expected an integer >= 1`);
  }
  const epochs = rest.epochs ?? 100;
  const first = predictGrid(network, axes); // also checks the axes and the input count
  const snapshots: BoundarySnapshot[] = [
    { epoch: 0, values: first.values, loss: NaN, accuracy: NaN },
  ];
  const history = await train(network, data, {
    ...rest,
    onEpoch: async (log) => {
      if (log.epoch % every === 0 || log.epoch === epochs) {
        const { values } = predictGrid(network, axes);
        snapshots.push({ epoch: log.epoch, values, loss: log.loss, accuracy: log.accuracy });
      }
      if (rest.onEpoch) await rest.onEpoch(log);
    },
  });
  return { x1: first.x1, x2: first.x2, snapshots, history };
}
