/**
 * Figures of trained networks: the decision boundary over the data's window with the
 * training points on top, and the data seen through the hidden layer.
 *
 * @module
 */
import { boundaryFigure, type LabelledPoints } from "./boundary_figure.ts";
import type { Dataset } from "../training/datasets.ts";
import { checkNetwork, type Network } from "../training/network.ts";
import { gridAxes, MAX_RESOLUTION, predictGrid } from "../training/predict.ts";
import type { Figure } from "./figure.ts";
import type { SubnetworkFit } from "../training/subnetwork.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkObject,
  checkOptions,
  option,
} from "../guards.ts";

/**
 * Splits row-major 2-D points and their labels into the columns figures read.
 *
 * @param data Points `x` (two features per point) and labels `y`.
 * @returns `{ x1, x2, label }` columns.
 * @throws {TypeError} If `data` is not `{ x, y }` arrays, or `x` does not hold two features
 *   for each label.
 *
 * @example
 * ```ts
 * import { labelledPoints } from "./network_figures.ts";
 * const p = labelledPoints({ x: [1, 2, 3, 4], y: [0, 1] });
 * console.assert(p.x2[1] === 4 && p.label[1] === 1);
 * ```
 */
export function labelledPoints(
  data: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> },
): LabelledPoints & { x1: Float32Array; x2: Float32Array; label: Uint8Array } {
  checkObject(data, argument("labelledPoints", "data"), "{ x, y }: points and labels");
  checkArrayLike(data.x, argument("labelledPoints", "data.x"));
  checkArrayLike(data.y, argument("labelledPoints", "data.y"));
  const n = data.y.length;
  if (data.x.length !== 2 * n) {
    throw new TypeError(
      `Invalid points: ${data.x.length} features for ${n} labels, expected ${2 * n}`,
    );
  }
  const x1 = new Float32Array(n), x2 = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = data.x[2 * i];
    x2[i] = data.x[2 * i + 1];
  }
  return { x1, x2, label: Uint8Array.from(data.y) };
}

/** Options of {@linkcode decisionBoundaryFigure}. */
export interface DecisionBoundaryOptions {
  /** Title above the panel, e.g. "Decision Boundary (ELU)". */
  readonly title?: string;
  /**
   * Grid samples per axis: an integer from 1 to `MAX_RESOLUTION` (1,000: a million
   * points); default 200, the original's 40,000-point grid.
   */
  readonly resolution?: number;
  /** Show only the predicted class, as `boundaryFigure`'s `discretize`; default false. */
  readonly discretize?: boolean;
}

/**
 * A network's predicted probability over the data set's window, with the training points.
 *
 * @param network A trained network with two inputs.
 * @param data The data set it was trained on (its `extent` is the window).
 * @param options Title, grid resolution, `discretize`.
 * @returns The figure.
 * @throws {TypeError} If `network` is not a network taking two inputs, `data` not a data
 *   set, or an option has the wrong type.
 * @throws {RangeError} If `resolution` is not an integer from 1 to `MAX_RESOLUTION`
 *   (checked before anything is allocated).
 *
 * @example
 * ```ts
 * import { createNetwork, LINEAR_NETWORK } from "../training/network.ts";
 * import { makeDataset } from "../training/datasets.ts";
 * import { decisionBoundaryFigure } from "./network_figures.ts";
 * const net = createNetwork(LINEAR_NETWORK, { seed: 1 });
 * const fig = decisionBoundaryFigure(net, makeDataset("xor"), { title: "Untrained", resolution: 20 });
 * console.assert(fig.titles[0] === "Untrained");
 * net.dispose();
 * ```
 */
export function decisionBoundaryFigure(
  network: Network,
  data: Dataset,
  options?: DecisionBoundaryOptions,
): Figure {
  const label = (name: string) => argument("decisionBoundaryFigure", name);
  checkNetwork(network, label("network"));
  checkObject(data, label("data"), "a data set { x, y, extent }");
  const { title = "Decision Boundary", resolution = 200, discretize = false } = checkOptions(
    options,
    label("options"),
  );
  checkInteger(resolution, option("resolution"), 1, MAX_RESOLUTION);
  const grid = predictGrid(network, gridAxes(data.extent, resolution));
  return boundaryFigure(grid, { title, points: labelledPoints(data), discretize });
}

/**
 * The data seen through the last hidden layer, with the boundary the subnetwork draws
 * there (axes x'1 and x'2), as the original's "After Nonlinear Transformation".
 *
 * @param fit What {@linkcode fitSubnetwork} returned.
 * @param options Title (default "After Nonlinear Transformation").
 * @returns The figure.
 * @throws {TypeError} If `fit` is not what {@linkcode fitSubnetwork} returned.
 */
export function transformationFigure(
  fit: SubnetworkFit,
  options?: { readonly title?: string },
): Figure {
  checkObject(fit, argument("transformationFigure", "fit"), "what fitSubnetwork() returned");
  const { title = "After Nonlinear Transformation" } = checkOptions(
    options,
    argument("transformationFigure", "options"),
  );
  return boundaryFigure(fit.grid, {
    title,
    points: labelledPoints(fit.points),
    x1Label: "x'1",
    x2Label: "x'2",
  });
}
