/**
 * Dead units: hidden units whose activation has a zero derivative at every point of a data
 * set (a ReLU unit whose input is negative everywhere). No gradient reaches their weights
 * from any of those points, so training cannot bring them back, and the layers after them
 * see a constant. When a whole layer dies, the network's output is the same for every
 * point: on balanced classes it stalls at accuracy 0.5.
 *
 * @module
 */
import {
  checkNetwork,
  checkPoints,
  forwardPass,
  hiddenActivationOf,
  type Network,
} from "./network.ts";
import { argument } from "../guards.ts";

/** One hidden layer's dead units: what {@linkcode deadUnits} returns per layer. */
export interface DeadUnitsRow {
  /** Hidden layer, 1-based from the input side. */
  readonly layer: number;
  /** Its units. */
  readonly units: number;
  /** How many of them are dead on the points. */
  readonly dead: number;
  /** `dead / units`. */
  readonly fraction: number;
  /** Which units are dead (0-based). */
  readonly which: readonly number[];
  /** What it means and what to change, when the whole layer is dead; otherwise `""`. */
  readonly note: string;
}

// points per forward pass (a multiple of 64, as forwardOutputs chunks)
const CHUNK = 4096;

/**
 * Counts each hidden layer's dead units over some points: units whose activation's
 * derivative (by autodiff, as training uses it) is exactly 0 at every point. ReLU, ReLU6,
 * Hard Sigmoid and the like can die; Tanh, ELU, GELU, Leaky ReLU never do.
 *
 * @param network A network (trained or not).
 * @param x Row-major points, `network.sizes[0]` values each (e.g. the training points).
 * @returns One {@linkcode DeadUnitsRow} per hidden layer, input side first.
 * @throws {TypeError} If `network` is not a network, or `x` is not an array of numbers,
 *   is empty or has the wrong length.
 * @throws {RangeError} If a value is not finite in float32.
 * @throws {Error} If the network has been disposed.
 *
 * @example An untrained ReLU network on two points
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { deadUnits } from "./dead_units.ts";
 * const net = createNetwork({ hidden: [8, 2], activation: "relu" }, { seed: 1 });
 * const rows = deadUnits(net, [1, 2, -3, 0.5]);
 * console.assert(rows.length === 2 && rows[0].units === 8);
 * net.dispose();
 * ```
 */
export function deadUnits(network: Network, x: ArrayLike<number>): DeadUnitsRow[] {
  checkNetwork(network, argument("deadUnits", "network"));
  const dim = network.sizes[0];
  const n = checkPoints(x, dim, argument("deadUnits", "x"));
  const widths = network.sizes.slice(1, -1);
  const alive = widths.map((w) => new Uint8Array(w));
  const points = Float32Array.from(x);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK), m = end - start;
    const { slopes } = forwardPass(network, points.subarray(start * dim, end * dim), {
      slopes: true,
    });
    slopes.forEach((slope, k) => {
      const w = widths[k], flags = alive[k];
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < w; j++) if (slope[i * w + j] !== 0) flags[j] = 1;
      }
    });
  }
  const label = hiddenActivationOf(network).activation.label;
  return widths.map((units, k) => {
    const which = [...alive[k].keys()].filter((j) => alive[k][j] === 0);
    const dead = which.length;
    return {
      layer: k + 1,
      units,
      dead,
      fraction: dead / units,
      which,
      note: dead === units ? wholeLayerNote(k + 1, units, label, network.output) : "",
    };
  });
}

// What a dead layer means and what to change.
function wholeLayerNote(layer: number, units: number, label: string, output: string): string {
  const outcome = output === "linear"
    ? "the network predicts one value for every point"
    : "the network predicts the same class for every point (accuracy about 0.5 on two " +
      "balanced classes)";
  return `All ${units} units of layer ${layer} are dead: ${label} has a zero derivative ` +
    `wherever their inputs fell, so no gradient reaches them and everything after the ` +
    `layer sees a constant; ${outcome}. To change: widen the layer (a layer of 2 dies ` +
    `easily), use an activation without a flat side (Leaky ReLU, ELU, GELU, Tanh), ` +
    `He initialisation, or a smaller learning rate.`;
}
