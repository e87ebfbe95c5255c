/**
 * Decision-boundary figures (the original's "Linear vs Nonlinear"): the predicted probability
 * of class 1 as a `bmy` heatmap on `[0, 1]` with its colour bar, and the training points
 * on top, coloured by class (#f58742 for 0, #8d42f5 for 1) with black outlines.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Grid } from "../grid.ts";
import { heatmapFigure } from "./heatmap_figure.ts";
import type { Figure } from "./figure.ts";
import { argument, checkObject, checkOptions, option, typeError } from "../guards.ts";

/** The original's class colours: `CLASS_COLORS[0]` for class 0, `[1]` for class 1. */
export const CLASS_COLORS: readonly [string, string] = ["#f58742", "#8d42f5"];

/** Training points: coordinates and 0/1 labels, all of the same length. */
export interface LabelledPoints {
  /** Horizontal coordinates. */
  readonly x1: ArrayLike<number>;
  /** Vertical coordinates. */
  readonly x2: ArrayLike<number>;
  /** Class of each point, 0 or 1. */
  readonly label: ArrayLike<number>;
}

/** Options of {@linkcode boundaryFigure}. */
export interface BoundaryOptions {
  /** Points drawn over the heatmap. */
  readonly points?: LabelledPoints;
  /** Title, e.g. "Decision Boundary (Linear)". */
  readonly title?: string;
  /** Horizontal axis label (default `"x1"`). */
  readonly x1Label?: string;
  /** Vertical axis label (default `"x2"`). */
  readonly x2Label?: string;
  /** Chart width in px, from 100 to 10,000; default 400. */
  readonly width?: number;
  /** Chart height in px, from 100 to 10,000; default 380. */
  readonly height?: number;
  /**
   * Show only the predicted class: 1 where the probability is above 0.5, else 0
   * (TensorFlow Playground's "Discretize output"). Default false.
   */
  readonly discretize?: boolean;
}

/**
 * The predicted probability over a grid with the training points on top.
 *
 * @param grid Probabilities of class 1 on a grid (see {@linkcode Grid}); the colour
 *   scale is fixed to `[0, 1]`.
 * @param options Points, title, axis labels, sizes, `discretize`.
 * @returns The figure.
 * @throws {TypeError} If the grid is malformed, the point arrays differ in length, or an
 *   option has the wrong type.
 * @throws {RangeError} If a label is not 0 or 1, or a size is outside its range.
 *
 * @example
 * ```ts
 * import { boundaryFigure } from "./boundary_figure.ts";
 * import { linspace } from "../grid.ts";
 * const x1 = linspace(0, 10, 10), x2 = linspace(0, 10, 10);
 * const values = new Float32Array(100).map((_, k) => (k % 10) / 9);
 * const fig = boundaryFigure({ x1, x2, values }, {
 *   title: "Decision Boundary (Linear)",
 *   points: { x1: [2, 8], x2: [2, 8], label: [0, 1] },
 * });
 * console.assert(fig.svg().includes("#8d42f5"));
 * ```
 */
export function boundaryFigure(grid: Grid, options?: BoundaryOptions): Figure {
  const {
    points,
    title,
    x1Label = "x1",
    x2Label = "x2",
    width,
    height,
    discretize = false,
  } = checkOptions(options, argument("boundaryFigure", "options"));
  if (typeof discretize !== "boolean") {
    throw typeError(option("discretize"), "true or false", discretize);
  }
  const marks: Plot.Markish[] = [];
  if (points !== undefined) {
    checkObject(points, option("points"), "{ x1, x2, label }");
    const n = points.x1?.length ?? 0;
    if (points.x2?.length !== n || points.label?.length !== n) {
      throw new TypeError(
        `Invalid points: x1, x2 and label lengths ${points.x1?.length}, ${points.x2?.length}, ${points.label?.length} differ`,
      );
    }
    const rows = Array.from({ length: n }, (_, k) => {
      const c = points.label[k];
      if (c !== 0 && c !== 1) {
        throw new RangeError(`Invalid label ${c} at point ${k}: expected 0 or 1`);
      }
      return { x1: points.x1[k], x2: points.x2[k], c };
    });
    // one mark per class with a constant fill: the colour scale belongs to the heatmap
    for (const c of [0, 1] as const) {
      marks.push(
        Plot.dot(rows.filter((d) => d.c === c), {
          x: "x1",
          y: "x2",
          r: 5,
          fill: CLASS_COLORS[c],
          fillOpacity: 0.8,
          stroke: "black",
          strokeOpacity: 0.8,
          strokeWidth: 1,
          clip: true,
          title: (d: { x1: number; x2: number }) =>
            `class ${c} at ${x1Label} = ${+d.x1.toFixed(3)}, ${x2Label} = ${+d.x2.toFixed(3)}`,
          ariaDescription: `training points of class ${c}`,
        }),
      );
    }
  }
  const shown = discretize
    ? { ...grid, values: Float32Array.from(grid.values, (p) => (p > 0.5 ? 1 : 0)) }
    : grid;
  return heatmapFigure(shown, {
    title,
    label: "P(class 1)",
    x1Label,
    x2Label,
    domain: [0, 1],
    width,
    height,
    marks,
  });
}
