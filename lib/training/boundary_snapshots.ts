/**
 * The decision boundary over time: train a network and record its output over a grid
 * every few epochs, for an epoch slider. Any output layer: a sigmoid's probability of
 * class 1, a softmax's probability of every class, a regression's value.
 *
 * @module
 */
import { checkNetwork, type Network, type OutputKind } from "./network.ts";
import { type GridAxes, gridAxes, gridOutputs } from "./predict.ts";
import {
  checkTrainingData,
  type History,
  MAX_EPOCHS,
  train,
  type TrainingData,
  type TrainOptions,
} from "./train.ts";
import { checkGridSize } from "../grid.ts";
import {
  argument,
  checkFunction,
  checkInteger,
  checkObject,
  checkOptions,
  option,
} from "../guards.ts";

/**
 * Most values all snapshots hold together (snapshots x grid points x outputs): 2^25 =
 * 33,554,432 (128 MB). The default, 11 snapshots of 100 x 100 of one output, holds 110,000.
 */
export const MAX_SNAPSHOT_VALUES: number = 1 << 25;

/** The network's output over the grid after `epoch` epochs (0 = before training). */
export interface BoundarySnapshot {
  /** Epochs trained so far (0 = before training). */
  readonly epoch: number;
  /**
   * The network's outputs over the grid, in the `Grid.values` order: `values[j * nx + i]
   * = p(x1[i], x2[j])` for one output (a sigmoid's probability of class 1, a regression's
   * value); with `outputs` per point (softmax), `values[(j * nx + i) * outputs + c]`.
   */
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
  /** The network's output layer, which says what the values are (absent: `"sigmoid"`). */
  readonly output?: OutputKind;
  /** Values per grid point: the network's outputs (absent: 1). */
  readonly outputs?: number;
}

/** Options of {@linkcode trainWithSnapshots}. */
export interface SnapshotOptions extends TrainOptions {
  /**
   * Record a snapshot every this many epochs: an integer from 1 to `MAX_EPOCHS`; default
   * 10. All snapshots together hold at most {@linkcode MAX_SNAPSHOT_VALUES} values.
   */
  every?: number;
  /** Grid axes (at most `MAX_GRID_POINTS` points); default 100 x 100 over the data's `extent` (or [0, 10]^2). */
  axes?: GridAxes;
  /** Called with each snapshot as it is taken (epoch 0 included), e.g. to show it live. */
  onSnapshot?: (snapshot: BoundarySnapshot) => void | Promise<void>;
}

/**
 * Trains `network` (as {@linkcode train} does) and records its decision boundary before
 * training, every `every` epochs, and after the last epoch: its outputs over the grid
 * (every class's probability for a softmax output, see {@linkcode BoundarySnapshot}).
 *
 * @param network A network with two inputs; it is trained in place.
 * @param data Training points and labels (a `Dataset`'s `extent` sets the default grid).
 * @param options Training options plus `every` and `axes` ({@linkcode SnapshotOptions}).
 * @returns Grid axes, snapshots and history ({@linkcode BoundarySnapshots}).
 * @throws {RangeError} If `every` is not an integer from 1 to `MAX_EPOCHS`, the snapshots
 *   would hold more than {@linkcode MAX_SNAPSHOT_VALUES} values (checked before anything
 *   is allocated), and as {@linkcode train} does.
 * @throws {TypeError} If `network` is not a network taking two inputs, and as
 *   {@linkcode train}.
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
  options?: SnapshotOptions,
): Promise<BoundarySnapshots> {
  const label = (name: string) => argument("trainWithSnapshots", name);
  checkNetwork(network, label("network"));
  checkTrainingData(
    data,
    network.sizes[0],
    "trainWithSnapshots",
    network.output,
    network.sizes.at(-1),
  );
  const {
    every = 10,
    axes = gridAxes(data.extent ?? [[0, 10], [0, 10]], 100),
    onSnapshot,
    ...rest
  } = checkOptions(options, label("options"));
  checkInteger(every, option("every"), 1, MAX_EPOCHS);
  if (onSnapshot !== undefined) checkFunction(onSnapshot, option("onSnapshot"));
  const epochs = checkInteger(rest.epochs ?? 100, option("epochs"), 1, MAX_EPOCHS);
  checkObject(axes, option("axes"), "{ x1, x2 }");
  const points = (axes.x1?.length ?? 0) * (axes.x2?.length ?? 0);
  checkGridSize(axes.x1?.length ?? 0, axes.x2?.length ?? 0, option("axes"));
  const count = 1 + Math.floor(epochs / every) + (epochs % every === 0 ? 0 : 1);
  const outputs = network.sizes.at(-1)!;
  if (count * points * outputs > MAX_SNAPSHOT_VALUES) {
    throw new RangeError(
      `${option("every")}: ${count} snapshots of ${points} grid points${
        outputs > 1 ? ` x ${outputs} outputs` : ""
      } hold ${count * points * outputs} values, above the maximum ${MAX_SNAPSHOT_VALUES}`,
    );
  }
  const first = gridOutputs(network, axes); // also checks the axes and the input count
  const snapshots: BoundarySnapshot[] = [
    { epoch: 0, values: first.values, loss: NaN, accuracy: NaN },
  ];
  if (onSnapshot) await onSnapshot(snapshots[0]);
  const history = await train(network, data, {
    ...rest,
    onEpoch: async (log) => {
      if (log.epoch % every === 0 || log.epoch === epochs) {
        const { values } = gridOutputs(network, axes);
        snapshots.push({ epoch: log.epoch, values, loss: log.loss, accuracy: log.accuracy });
        if (onSnapshot) await onSnapshot(snapshots[snapshots.length - 1]);
      }
      if (rest.onEpoch) await rest.onEpoch(log);
    },
  });
  return { x1: first.x1, x2: first.x2, snapshots, history, output: network.output, outputs };
}
