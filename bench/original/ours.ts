/**
 * Our side of the benchmark against the original: the same rows as bench/original/reference.py, computed
 * with lib/ (TensorFlow.js on the wasm backend, Observable Plot figures), timed, written
 * as JSON in the same format.
 *
 * ```sh
 * deno run --allow-read --allow-write --allow-env --allow-ffi --allow-sys bench/original/ours.ts GROUP --out FILE [--reps N] [--tiny] [--in FILE]
 * ```
 *
 * GROUP: act-original, act-1m, train, predict, figures, parity (needs --in, the Python
 * parity JSON, for the inputs), accuracy, versions. Every timed row reports the first
 * call ("first") and N further calls ("times"), in seconds.
 *
 * @module
 */
import { activation, activation2d } from "../../lib/activations/autodiff.ts";
import { getActivation } from "../../lib/activations/activations.ts";
import { type Dataset, makeDataset } from "../../lib/training/datasets.ts";
import { linspace } from "../../lib/grid.ts";
import {
  createNetwork,
  LINEAR_NETWORK,
  type Network,
  NONLINEAR_NETWORK,
} from "../../lib/training/network.ts";
import { train } from "../../lib/training/train.ts";
import { gridAxes, predict, predictGrid } from "../../lib/training/predict.ts";
import { backendName, tf } from "../../lib/tf.ts";
import { activationFigure } from "../../lib/figures/activation_figure.ts";
import { decisionBoundaryFigure, transformationFigure } from "../../lib/figures/network_figures.ts";
import { fitSubnetwork, type SubnetworkFit } from "../../lib/training/subnetwork.ts";
import { saveInteractive, sliderFigure } from "../../lib/interactive/slider_figure.ts";
import { row } from "../../lib/figures/layout.ts";
import { save } from "../../lib/figures/saving.ts";

/** One timed row: the first call and the repetitions after it, in seconds. */
export interface Row {
  row: string;
  first: number | null;
  times: number[];
  files?: string[];
}

/** The original's activations in its order; softmax and maxout take two inputs. */
export const ORIGINAL_ACTIVATIONS = [
  "identity",
  "sigmoid",
  "tanh",
  "relu",
  "leaky_relu",
  "elu",
  "softmax",
  "maxout",
] as const;

/**
 * Calls `fn` once ("first"), then `reps` more times, timing each call.
 *
 * @param fn the work; awaited if it returns a promise
 * @param reps timed repetitions after the first call
 * @returns first and repeated times in seconds
 */
export async function timed(
  fn: () => unknown,
  reps: number,
): Promise<{ first: number; times: number[] }> {
  let t0 = performance.now();
  await fn();
  const first = (performance.now() - t0) / 1000;
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) / 1000);
  }
  return { first, times };
}

/**
 * Row 1: forward + derivative of each of the original's activations. One-input activations
 * on `nLine` points of [-30, 30], two-input ones on the meshgrid of `nAxis` points of
 * [0, 10] with itself (the original: 2000 and 200, i.e. 40,000 pairs).
 */
export async function actRows(nLine: number, nAxis: number, reps: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const name of ORIGINAL_ACTIVATIONS) {
    if (getActivation(name).inputs === 2) {
      const axis = linspace(0, 10, nAxis);
      const t = await timed(() => activation2d(name, axis), reps);
      rows.push({ row: `act:${name}:${nAxis * nAxis}`, ...t });
    } else {
      const x = linspace(-30, 30, nLine);
      const t = await timed(() => activation(name, x), reps);
      rows.push({ row: `act:${name}:${nLine}`, ...t });
    }
  }
  return rows;
}

/** Row 2: build and train the linear and the non-linear network (the original's cells 10, 11). */
export async function trainRows(reps: number, epochs: number): Promise<Row[]> {
  const data = makeDataset("xor", { seed: 0 });
  const rows: Row[] = [];
  for (
    const [row, spec] of [["train:linear", LINEAR_NETWORK], [
      "train:nonlinear",
      NONLINEAR_NETWORK,
    ]] as const
  ) {
    let seed = 0;
    const t = await timed(async () => {
      const net = createNetwork(spec, { seed: seed++ });
      try {
        await train(net, data, { epochs });
      } finally {
        net.dispose();
      }
    }, reps);
    rows.push({ row, ...t });
  }
  return rows;
}

/** Row 3: the decision-grid prediction of the trained linear network (cell 12). */
export async function predictRows(reps: number, epochs: number, nAxis: number): Promise<Row[]> {
  const data = makeDataset("xor", { seed: 0 });
  const net = createNetwork(LINEAR_NETWORK, { seed: 0 });
  try {
    await train(net, data, { epochs });
    const axes = gridAxes([[0, 10], [0, 10]], nAxis);
    const t = await timed(() => predictGrid(net, axes), reps);
    return [{ row: `predict:grid:${nAxis * nAxis}`, ...t }];
  } finally {
    net.dispose();
  }
}

interface FigureData {
  data: Dataset;
  linear: Network;
  nonlinear: Network;
  fit: SubnetworkFit;
}

/** The trained networks the figures show, computed once outside the timed region. */
async function figureData(epochs: number): Promise<FigureData> {
  const data = makeDataset("xor", { seed: 1 });
  const linear = createNetwork(LINEAR_NETWORK, { seed: 1 });
  const nonlinear = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
  await train(linear, data, { epochs });
  await train(nonlinear, data, { epochs });
  const fit = await fitSubnetwork(nonlinear, data, { epochs });
  return { data, linear, nonlinear, fit };
}

/**
 * Row 4: builds every figure of the original notebook as our notebook does
 * (notebooks/activation_functions.ipynb) and saves it into `dir`: SVG + PNG, and the two
 * interactive slider pages as standalone HTML. The activation figures compute their
 * values (activation()) and the boundary figures their 200 x 200 grid prediction inside
 * the timed region; the Python side gets those precomputed.
 */
function buildFigures(d: FigureData, dir: string): void {
  for (const name of ORIGINAL_ACTIVATIONS.slice(0, 6)) {
    save(activationFigure(name), getActivation(name).label, { dir });
  }
  saveInteractive(sliderFigure("leaky_relu"), "Leaky ReLU", { dir });
  saveInteractive(sliderFigure("elu"), "ELU", { dir });
  save(activationFigure("softmax"), "Softmax", { dir });
  save(activationFigure("maxout"), "Maxout", { dir });
  save(
    row(
      decisionBoundaryFigure(d.linear, d.data, { title: "Decision Boundary (Linear)" }),
      decisionBoundaryFigure(d.nonlinear, d.data, { title: "Decision Boundary (ELU)" }),
    ),
    "Linear vs Nonlinear",
    { dir },
  );
  save(
    row(
      decisionBoundaryFigure(d.nonlinear, d.data, { title: "Before Nonlinear Transformation" }),
      transformationFigure(d.fit),
    ),
    "Nonlinear Transformation",
    { dir },
  );
}

/** Row 4: time building and saving every figure. */
export async function figureRows(reps: number, epochs: number): Promise<Row[]> {
  const data = await figureData(epochs);
  const dir = await Deno.makeTempDir({ prefix: "bench_original_figures_" });
  try {
    const t = await timed(() => buildFigures(data, dir), reps);
    const files = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    return [{ row: "figures", ...t, files }];
  } finally {
    data.linear.dispose();
    data.nonlinear.dispose();
    await Deno.remove(dir, { recursive: true });
  }
}

type Encoded = (number | string)[];

function enc(a: ArrayLike<number>): Encoded {
  return Array.from(a, (v) => (Number.isFinite(v) ? v : String(v)));
}

/** Decodes the JSON-safe arrays written by reference.py ("NaN", "Infinity" as strings). */
export function dec(a: Encoded): Float64Array {
  return Float64Array.from(a, (v) => (typeof v === "string" ? Number(v) : v));
}

/** Parity: our values and derivatives on the inputs the Python side used. */
export function parity(py: {
  inputs: Record<string, Encoded>;
  one: Record<string, unknown>;
  two: Record<string, unknown>;
}) {
  const one: Record<string, Record<string, { y: Encoded; dy: Encoded }>> = {};
  for (const name of Object.keys(py.one)) {
    one[name] = {};
    for (const key of ["original_grid", "extremes"]) {
      const { y, dy } = activation(name, dec(py.inputs[key]));
      one[name][key] = { y: enc(y), dy: enc(dy) };
    }
  }
  const two: Record<string, Record<string, { y: Encoded[]; jac: Encoded[][] }>> = {};
  for (const name of Object.keys(py.two)) {
    two[name] = {};
    for (const key of ["original_grid", "extremes"]) {
      const { outputs, jacobian } = activation2d(name, dec(py.inputs[`axis_${key}`]));
      two[name][key] = {
        y: outputs.map((g) => enc(g.values)),
        jac: jacobian.map((row) => row.map((g) => enc(g.values))),
      };
    }
  }
  return { one, two };
}

function accuracyOf(net: Network, x: Float32Array, y: Uint8Array): number {
  const p = predict(net, x);
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((p[i] > 0.5 ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

/**
 * Final training accuracies of the three networks (linear, non-linear, and the
 * subnetwork trained on the non-linear net's last hidden layer) for each seed.
 */
export async function accuracyRows(seeds: number[], epochs: number) {
  const rows = [];
  for (const seed of seeds) {
    const data = makeDataset("xor", { seed });
    const lin = createNetwork(LINEAR_NETWORK, { seed });
    const non = createNetwork(NONLINEAR_NETWORK, { seed });
    try {
      await train(lin, data, { epochs });
      await train(non, data, { epochs });
      // as the notebook does: the subnetwork on the real hidden outputs (accuracy on all
      // points after the last epoch)
      const fit = await fitSubnetwork(non, data, { epochs, resolution: 2 });
      rows.push({
        seed,
        linear: accuracyOf(lin, data.x, data.y),
        nonlinear: accuracyOf(non, data.x, data.y),
        subnetwork: fit.history.accuracy.at(-1)!,
      });
    } finally {
      lin.dispose();
      non.dispose();
    }
  }
  return rows;
}

/** Versions and backend of our side. */
export function versions() {
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    tfjs: tf.version.tfjs,
    backend: backendName(),
  };
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The command line: one group, JSON to --out. */
export async function main(args: string[]): Promise<void> {
  const group = args[0];
  const out = arg(args, "--out");
  if (!group || !out) throw new TypeError("Usage: ours.ts GROUP --out FILE [--reps N] [--tiny]");
  const reps = Number(arg(args, "--reps") ?? 3);
  const tiny = args.includes("--tiny");
  const nLine = tiny ? 50 : 2000, nAxis = tiny ? 10 : 200, epochs = tiny ? 2 : 100;
  const t0 = performance.now();
  let result: unknown;
  switch (group) {
    case "act-original":
      result = await actRows(nLine, nAxis, reps);
      break;
    case "act-1m":
      result = await actRows(tiny ? 100 : 1_000_000, tiny ? 10 : 1000, reps);
      break;
    case "train":
      result = await trainRows(reps, epochs);
      break;
    case "predict":
      result = await predictRows(reps, epochs, nAxis);
      break;
    case "figures":
      result = await figureRows(reps, epochs);
      break;
    case "parity": {
      const input = arg(args, "--in");
      if (!input) throw new TypeError("parity needs --in <python parity JSON>");
      result = parity(JSON.parse(Deno.readTextFileSync(input)).result);
      break;
    }
    case "accuracy":
      result = await accuracyRows(
        (arg(args, "--seeds") ?? "0,1,2,3,4").split(",").map(Number),
        epochs,
      );
      break;
    case "versions":
      result = versions();
      break;
    default:
      throw new RangeError(`Unknown group "${group}"`);
  }
  const wall = (performance.now() - t0) / 1000;
  Deno.writeTextFileSync(out, JSON.stringify({ side: "deno", group, result, wall }));
}

if (import.meta.main) await main(Deno.args);
