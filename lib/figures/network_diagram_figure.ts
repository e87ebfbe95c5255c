/**
 * Inside the network, as TensorFlow Playground draws it: a column of nodes per layer
 * (the input features, each hidden layer, the outputs), each node a small heatmap of what
 * that unit computes over the plane, and a line for every weight, as wide as the weight is
 * large and orange (negative) or blue (positive). Dead units (no gradient at any training
 * point) are greyed and crossed out, with a count per layer.
 *
 * @module
 */
import { checkNetwork, hiddenActivationOf, type Network } from "../training/network.ts";
import { hiddenOutputs, predict } from "../training/predict.ts";
import { expandFeatures, featureLabel } from "../training/features.ts";
import { deadUnits } from "../training/dead_units.ts";
import type { Figure } from "./figure.ts";
import { column, panel } from "./layout.ts";
import { plotDocument, SVG_NS } from "./dom.ts";
import { swatches } from "./swatches.ts";
import { checkExtent } from "./prediction_figure.ts";
import { textWidth } from "./text_width.ts";
import {
  gridImage,
  mix,
  PLAYGROUND_CLASS_COLORS,
  SIGNED_COLORS,
  signedRgb,
} from "./playground_colors.ts";
import { argument, checkInteger, checkOptions, checkString, option } from "../guards.ts";

/** Most units drawn per layer (`maxUnits`): 64; the rest are counted. */
export const MAX_DIAGRAM_UNITS = 64;

/** Options of {@linkcode networkDiagramFigure}. */
export interface NetworkDiagramOptions {
  /** The window each node's heatmap covers; default Playground's `[[-6, 6], [-6, 6]]`. */
  readonly extent?: readonly (readonly [number, number])[];
  /**
   * Points to look for dead units on (row-major 2-D, e.g. the training points); default
   * none, and no unit is marked.
   */
  readonly points?: ArrayLike<number>;
  /** Title above the diagram; default "Inside the network". */
  readonly title?: string;
  /** Units drawn per layer: an integer from 1 to {@linkcode MAX_DIAGRAM_UNITS}; default 16. */
  readonly maxUnits?: number;
  /** Heatmap cells per node and axis: an integer from 2 to 100; default 24. */
  readonly resolution?: number;
  /** Each node's side in px: an integer from 16 to 200; default 30. */
  readonly nodeSize?: number;
}

// px: gap between nodes, width of the links between two columns, heading band, type size
const GAP = 7, LINKS = 90, HEAD = 44, FONT = 13;

/**
 * Draws a network the way Playground does: every unit's output over the plane as a small
 * heatmap, every weight as a line.
 *
 * - Input nodes show each feature over the window (a network without `features` reads x1
 *   and x2).
 * - Hidden nodes show each unit's output (after its activation) on Playground's scale,
 *   orange (negative), white (0), blue (positive), each scaled to its own largest
 *   magnitude over the window (the hover read-out gives the range).
 * - Output nodes show the prediction: the probability of each class in its colour (the
 *   sigmoid's in the two class colours), or a regression's value.
 * - Lines: width 0.3 to 3.3 px by |weight| relative to the largest of its layer; hover
 *   one for its value. Biases are in the nodes' read-outs.
 *
 * @param network A network with two inputs.
 * @param options `extent`, `points` (for dead units), `title`, `maxUnits`, `resolution`,
 *   `nodeSize` ({@linkcode NetworkDiagramOptions}).
 * @returns The figure, with a key of the line colours below.
 * @throws {TypeError} If `network` is not a network of two inputs, or an option has the
 *   wrong type.
 * @throws {RangeError} If an option is outside its range, or a point is not finite.
 *
 * @example
 * ```ts
 * import { createNetwork } from "../training/network.ts";
 * import { networkDiagramFigure } from "./network_diagram_figure.ts";
 * const net = createNetwork({ hidden: [4, 3], activation: "relu", features: ["x1", "x2", "x1*x2"] });
 * const fig = networkDiagramFigure(net, { points: [1, 2, -1, 0.5] });
 * console.assert(fig.titles[0] === "Inside the network" && fig.svg().includes("x₁x₂"));
 * net.dispose();
 * ```
 */
export function networkDiagramFigure(network: Network, options?: NetworkDiagramOptions): Figure {
  const label = (name: string) => argument("networkDiagramFigure", name);
  checkNetwork(network, label("network"));
  if (network.sizes[0] !== 2) {
    throw new TypeError(
      `${label("network")}: expected a network of 2 inputs, got ${network.sizes[0]}`,
    );
  }
  const {
    extent = [[-6, 6], [-6, 6]],
    points,
    title = "Inside the network",
    maxUnits = 16,
    resolution = 24,
    nodeSize = 30,
  } = checkOptions(options, label("options"));
  checkExtent(extent, option("extent"));
  checkString(title, option("title"), true);
  checkInteger(maxUnits, option("maxUnits"), 1, MAX_DIAGRAM_UNITS);
  checkInteger(resolution, option("resolution"), 2, 100);
  checkInteger(nodeSize, option("nodeSize"), 16, 200);
  const dead = points === undefined ? [] : deadUnits(network, points);
  const [[a1, b1], [a2, b2]] = extent;
  const n = resolution, grid = new Float32Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      grid[2 * (j * n + i)] = a1 + ((i + 0.5) * (b1 - a1)) / n;
      grid[2 * (j * n + i) + 1] = a2 + ((j + 0.5) * (b2 - a2)) / n;
    }
  }
  const weights = network.weights();
  const features = network.spec.features ?? ["x1", "x2"];
  const hidden = network.sizes.length - 2;
  const activation = hiddenActivationOf(network).activation.label;
  // every column's values over the grid, units interleaved per point
  const columns: { values: Float32Array; units: number; heading: string[] }[] = [
    {
      values: expandFeatures(grid, features),
      units: features.length,
      heading: ["features", ""],
    },
  ];
  for (let k = 0; k < hidden; k++) {
    const d = dead[k];
    columns.push({
      values: hiddenOutputs(network, grid, { layer: k }).x,
      units: network.sizes[k + 1],
      heading: [
        `layer ${k + 1}: ${network.sizes[k + 1]}`,
        d ? `${d.dead} dead` : activation,
      ],
    });
  }
  const outputs = network.sizes.at(-1)!;
  columns.push({
    values: predict(network, grid),
    units: outputs,
    heading: ["output", network.output],
  });

  const s = nodeSize, step = s + GAP;
  const shown = columns.map((c) => Math.min(c.units, maxUnits));
  const tallest = Math.max(...shown);
  const labelWidth = Math.ceil(Math.max(...features.map((f) => textWidth(featureLabel(f), FONT)))) +
    10;
  const headingWidth = Math.max(
    ...columns.flatMap((c) => c.heading.map((h) => textWidth(h, FONT))),
  );
  const pitch = Math.max(s + LINKS, Math.ceil(headingWidth) + 12);
  const left = labelWidth + Math.max(0, Math.ceil((headingWidth - s) / 2));
  const width = Math.ceil(
    left + (columns.length - 1) * pitch + s + Math.max(0, (headingWidth - s) / 2) + 8,
  );
  const height = HEAD + tallest * step + 22;
  const x = (c: number) => left + c * pitch;
  const y = (c: number, u: number) => HEAD + ((tallest - shown[c]) * step) / 2 + u * step;

  const doc = plotDocument();
  const svg = element(doc, "svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": "DejaVu Sans, system-ui, sans-serif",
    "font-size": FONT,
  });
  // links first, under the nodes
  const links = element(doc, "g", { fill: "none", "stroke-opacity": 0.7 });
  weights.forEach((w, k) => {
    let largest = 0;
    for (const v of w.kernel) largest = Math.max(largest, Math.abs(v));
    for (let i = 0; i < shown[k]; i++) {
      for (let j = 0; j < shown[k + 1]; j++) {
        const v = w.kernel[i * w.units + j];
        const x0 = x(k) + s, y0 = y(k, i) + s / 2, x1 = x(k + 1), y1 = y(k + 1, j) + s / 2;
        const mid = (x0 + x1) / 2;
        const path = element(doc, "path", {
          d: `M${r(x0)},${r(y0)}C${r(mid)},${r(y0)} ${r(mid)},${r(y1)} ${r(x1)},${r(y1)}`,
          stroke: v < 0 ? SIGNED_COLORS[0] : SIGNED_COLORS[1],
          "stroke-width": r(0.3 + (largest > 0 ? (3 * Math.abs(v)) / largest : 0)),
        });
        const t = element(doc, "title", {});
        t.textContent = `${nodeName(k, i, features, hidden + 1)} → ${
          nodeName(k + 1, j, features, hidden + 1)
        }: w = ${fmt(v)}`;
        path.append(t);
        links.append(path);
      }
    }
  });
  svg.append(links);
  // headings, nodes, their pictures and read-outs
  columns.forEach((col, c) => {
    col.heading.forEach((text, line) => {
      const t = element(doc, "text", {
        x: r(x(c) + s / 2),
        y: 16 + line * 17,
        "text-anchor": "middle",
        fill: line === 1 && dead[c - 1]?.dead ? "#b00" : "black",
      });
      t.textContent = text;
      svg.append(t);
    });
    const output = c === columns.length - 1;
    for (let u = 0; u < shown[c]; u++) {
      const values = new Float32Array(n * n);
      for (let k = 0; k < n * n; k++) values[k] = col.values[k * col.units + u];
      let lo = Infinity, hi = -Infinity, largest = 0;
      for (const v of values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        largest = Math.max(largest, Math.abs(v));
      }
      const rgb = new Uint8ClampedArray(3 * n * n);
      for (let k = 0; k < n * n; k++) {
        rgb.set(nodeColor(network.output, output, u, values[k], largest), 3 * k);
      }
      const isDead = !output && c > 0 && (dead[c - 1]?.which.includes(u) ?? false);
      const g = element(doc, "g", {});
      g.append(gridImage(rgb, n, n, { x: x(c), y: y(c, u), width: s, height: s }));
      g.append(element(doc, "rect", {
        x: x(c),
        y: y(c, u),
        width: s,
        height: s,
        fill: isDead ? "#888" : "none",
        "fill-opacity": isDead ? 0.55 : 0,
        stroke: isDead ? "#b00" : "#555",
        "stroke-width": 1,
      }));
      if (isDead) {
        g.append(element(doc, "path", {
          d: `M${x(c) + 4},${y(c, u) + 4}L${x(c) + s - 4},${y(c, u) + s - 4}M${x(c) + s - 4},${
            y(c, u) + 4
          }L${x(c) + 4},${y(c, u) + s - 4}`,
          stroke: "#b00",
          "stroke-width": 2,
        }));
      }
      const t = element(doc, "title", {});
      const bias = c > 0 ? `, bias ${fmt(weights[c - 1].bias[u])}` : "";
      t.textContent = `${nodeName(c, u, features, hidden + 1)}: ${
        isDead ? "dead on the points, " : ""
      }from ${fmt(lo)} to ${fmt(hi)} over the window${bias}`;
      g.append(t);
      svg.append(g);
      if (c === 0) {
        const l = element(doc, "text", {
          x: x(0) - 6,
          y: r(y(0, u) + s / 2),
          dy: "0.35em",
          "text-anchor": "end",
        });
        l.textContent = featureLabel(features[u] as Parameters<typeof featureLabel>[0]);
        svg.append(l);
      }
    }
    if (col.units > shown[c]) {
      const more = element(doc, "text", {
        x: r(x(c) + s / 2),
        y: r(y(c, shown[c] - 1) + s + 16),
        "text-anchor": "middle",
      });
      more.textContent = `+${col.units - shown[c]} more`;
      svg.append(more);
    }
  });
  const key = swatches(
    [
      { label: "negative weight", color: SIGNED_COLORS[0] },
      { label: "positive weight", color: SIGNED_COLORS[1] },
    ],
    { maxWidth: Math.max(width, 340) },
  );
  const diagram = panel(svg, {
    title,
    description: `${title}: ${
      columns.map((c) => c.units).join("-")
    } units (features, hidden layers, outputs), each unit's output over the window, every weight as a line`,
  });
  const legend = panel(key, { description: "line colours: negative and positive weights" });
  return column(diagram, legend, { gap: 0, description: diagram.description });
}

// A unit's colour: hidden and input units on Playground's signed scale, each scaled to
// its largest magnitude; outputs as class probabilities or the regression's value.
function nodeColor(
  kind: string,
  output: boolean,
  unit: number,
  v: number,
  largest: number,
): [number, number, number] {
  if (!output) return signedRgb(largest > 0 ? v / largest : 0);
  if (kind === "softmax") return mix(PLAYGROUND_CLASS_COLORS[unit], v);
  if (kind === "sigmoid") {
    return mix(PLAYGROUND_CLASS_COLORS[v > 0.5 ? 1 : 0], Math.abs(2 * v - 1));
  }
  return signedRgb(largest > 0 ? v / largest : 0);
}

function nodeName(
  column: number,
  unit: number,
  features: readonly string[],
  last: number,
): string {
  if (column === 0) return featureLabel(features[unit] as Parameters<typeof featureLabel>[0]);
  if (column === last) return `output ${unit + 1}`;
  return `unit ${unit + 1} of layer ${column}`;
}

function element(
  doc: Document,
  name: string,
  attributes: Record<string, string | number>,
): Element {
  const e = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, String(value));
  return e;
}

function r(v: number): number {
  return Math.round(v * 10) / 10;
}

function fmt(v: number): string {
  return String(+v.toPrecision(3));
}
