/**
 * Trainability by depth: the same task learnt by networks of increasing depth, for a few
 * activations and several seeds, with `createNetwork()` and `train()`. Whether a deep
 * network learns at all, and how fast, is where signal propagation at initialisation
 * (signal_propagation.ts) shows up in practice.
 *
 * @module
 */
import { getActivation } from "../activations/activations.ts";
import { checkInitializer, type InitializerName } from "./initializers.ts";
import { createNetwork, MAX_HIDDEN_LAYERS, MAX_LAYER_WIDTH } from "./network.ts";
import { checkTrainingData, train, type TrainingData } from "./train.ts";
import { checkSeed } from "./random.ts";
import {
  argument,
  checkArrayLike,
  checkFunction,
  checkInteger,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/** The activations {@linkcode trainability} compares by default. */
export const TRAINABILITY_ACTIVATIONS: readonly string[] = ["sigmoid", "tanh", "relu", "selu"];

/**
 * The initialisation each activation is usually paired with, {@linkcode trainability}'s
 * default: Glorot for sigmoid and tanh (it was derived for them), He for ReLU, LeCun for
 * SELU. Activations not listed start from their gain.
 */
export const USUAL_INITIALIZERS: Readonly<Record<string, InitializerName>> = {
  sigmoid: "glorot_uniform",
  tanh: "glorot_uniform",
  relu: "he_normal",
  selu: "lecun_normal",
};

/** One network trained by {@linkcode trainability}. */
export interface TrainabilityRun {
  /** Registry name. */
  readonly name: string;
  /** Display label. */
  readonly label: string;
  /** The hidden layers' initialisation. */
  readonly init: InitializerName;
  /** Hidden layers. */
  readonly depth: number;
  /** Seed of the weights and the batch order. */
  readonly seed: number;
  /** Training accuracy after the last epoch run (NaN if training diverged). */
  readonly finalAccuracy: number;
  /** Loss after the last epoch run (NaN if training diverged). */
  readonly finalLoss: number;
  /** Epochs run (fewer than `epochs` when training stopped at the target). */
  readonly epochsRun: number;
  /** First epoch (1-based) with accuracy at least the target, or `null`. */
  readonly epochsToTarget: number | null;
  /** The epoch training diverged in, if it did. */
  readonly divergedAt?: number;
}

/** The runs of one activation at one depth, summarised over the seeds. */
export interface TrainabilityRow {
  /** Registry name. */
  readonly name: string;
  /** Display label. */
  readonly label: string;
  /** The hidden layers' initialisation. */
  readonly init: InitializerName;
  /** Hidden layers. */
  readonly depth: number;
  /** Seeds trained. */
  readonly runs: number;
  /** Mean final accuracy over the runs that did not diverge (NaN if none). */
  readonly accuracyMean: number;
  /** Sample standard deviation of the final accuracy (0 for one run, NaN for none). */
  readonly accuracySd: number;
  /** Lowest final accuracy. */
  readonly accuracyMin: number;
  /** Highest final accuracy. */
  readonly accuracyMax: number;
  /** How many runs reached the target. */
  readonly reached: number;
  /** Mean epochs to the target over the runs that reached it, or `null`. */
  readonly epochsMean: number | null;
  /** Their sample standard deviation (0 for one run), or `null`. */
  readonly epochsSd: number | null;
  /** How many runs diverged. */
  readonly diverged: number;
}

/** What {@linkcode trainability} returns. */
export interface Trainability {
  /** Every run, activations in order, then depths, then seeds. */
  readonly runs: TrainabilityRun[];
  /** One row per activation and depth, in the same order. */
  readonly rows: TrainabilityRow[];
  /**
   * Per activation, the deepest depth at which every seed reached the target (0 if none):
   * `{ relu: 20, sigmoid: 0 }`.
   */
  readonly trainableDepth: Record<string, number>;
  /** The accuracy target. */
  readonly target: number;
  /** The most epochs a run had. */
  readonly epochs: number;
}

/** Options of {@linkcode trainability}. */
export interface TrainabilityOptions {
  /** One-input activations by registry name; default {@linkcode TRAINABILITY_ACTIVATIONS}. */
  readonly activations?: readonly string[];
  /** Hidden layers of each network: integers from 1 to 256; default `[2, 6, 12, 20]`. */
  readonly depths?: readonly number[];
  /** Units per hidden layer: an integer from 1 to 4,096; default 16. */
  readonly width?: number;
  /** Seeds (safe integers), one network per seed; default `[1, 2, 3]`. */
  readonly seeds?: readonly number[];
  /**
   * Initialisation of the hidden layers: one for every activation, or one per activation
   * name; default {@linkcode USUAL_INITIALIZERS} (`"gain"` for activations not in it).
   */
  readonly init?: InitializerName | Readonly<Record<string, InitializerName>>;
  /** Most epochs per network (see `train()`); default 150. */
  readonly epochs?: number;
  /** Adam's learning rate; default 0.005. */
  readonly learningRate?: number;
  /** Batch size; default 32. */
  readonly batchSize?: number;
  /** Accuracy to reach: a number above 0 and at most 1; default 0.95. */
  readonly target?: number;
  /** Whether a run stops at the first epoch that reaches the target; default true. */
  readonly stopAtTarget?: boolean;
  /**
   * Whether to standardise the features (each to mean 0 and standard deviation 1 over the
   * points) before training, as one would for a deep network; default true.
   */
  readonly standardize?: boolean;
  /** Called after each run (progress). */
  readonly onRun?: (run: TrainabilityRun) => void | Promise<void>;
}

/**
 * Trains a network of `width` units per hidden layer for each activation, depth and seed
 * on two-feature data, and summarises final accuracy and epochs to the target over the
 * seeds. Each network is disposed after training; a run that diverges is recorded
 * (`divergedAt`) and the study goes on.
 *
 * @param data Training points and 0/1 labels, two features each (e.g. `makeDataset("spiral")`).
 * @param options Activations, depths, width, seeds, initialisation, training settings
 *   ({@linkcode TrainabilityOptions}).
 * @returns Runs, rows and trainable depths ({@linkcode Trainability}).
 * @throws {TypeError} If the data or an option has the wrong type, or an activation takes
 *   two inputs.
 * @throws {RangeError} If a size, seed, target or training setting is outside its domain,
 *   an initialisation is unknown, or a list is empty: before anything is trained.
 * @throws {Error} If an activation is unknown (the message lists the names).
 *
 * @example ReLU at depths 1 and 2, one seed, a few epochs on XOR
 * ```ts
 * import { makeDataset } from "./datasets.ts";
 * import { trainability } from "./trainability.ts";
 * const study = await trainability(makeDataset("xor"), {
 *   activations: ["relu"], depths: [1, 2], seeds: [1], epochs: 3,
 * });
 * console.assert(study.rows.length === 2 && study.rows[0].init === "he_normal");
 * ```
 */
export async function trainability(
  data: TrainingData,
  options?: TrainabilityOptions,
): Promise<Trainability> {
  const {
    activations = TRAINABILITY_ACTIVATIONS,
    depths = [2, 6, 12, 20],
    width = 16,
    seeds = [1, 2, 3],
    init = USUAL_INITIALIZERS,
    epochs = 150,
    learningRate = 0.005,
    batchSize = 32,
    target = 0.95,
    stopAtTarget = true,
    standardize = true,
    onRun,
  } = checkOptions(options, argument("trainability", "options"));
  checkTrainingData(data, 2, "trainability");
  nonEmpty(activations, "activations", "an array of activation names");
  nonEmpty(depths, "depths", "an array of depths");
  nonEmpty(seeds, "seeds", "an array of seeds");
  activations.forEach((name, k) => checkString(name, option(`activations[${k}]`)));
  depths.forEach((d, k) => checkInteger(d, option(`depths[${k}]`), 1, MAX_HIDDEN_LAYERS));
  seeds.forEach((s, k) => checkSeed(s, option(`seeds[${k}]`)));
  checkInteger(width, option("width"), 1, MAX_LAYER_WIDTH);
  checkNumber(target, option("target"), { min: 0, minExclusive: true, max: 1 });
  for (const [name, flag] of [["stopAtTarget", stopAtTarget], ["standardize", standardize]]) {
    if (typeof flag !== "boolean") {
      throw new TypeError(`${option(String(name))}: expected true or false, got ${flag}`);
    }
  }
  if (onRun !== undefined) checkFunction(onRun, option("onRun"));
  const initOf = initializerOf(init);
  // build (and drop) one network per activation and depth, so bad names fail before training
  for (const name of activations) {
    for (const depth of depths) {
      createNetwork({ hidden: Array(depth).fill(width), activation: name }, {
        init: initOf(name),
      }).dispose();
    }
  }
  const points = standardize ? standardized(data) : { x: data.x, y: data.y };
  const runs: TrainabilityRun[] = [];
  for (const name of activations) {
    const label = getActivation(name).label;
    for (const depth of depths) {
      for (const seed of seeds) {
        const network = createNetwork({ hidden: Array(depth).fill(width), activation: name }, {
          seed,
          init: initOf(name),
        });
        let run: TrainabilityRun;
        try {
          const history = await train(network, points, {
            epochs,
            learningRate,
            batchSize,
            seed,
            stopAtAccuracy: stopAtTarget ? target : undefined,
          });
          const at = history.accuracy.findIndex((a) => a >= target);
          run = {
            name,
            label,
            init: network.init,
            depth,
            seed,
            finalAccuracy: history.accuracy.at(-1)!,
            finalLoss: history.loss.at(-1)!,
            epochsRun: history.accuracy.length,
            epochsToTarget: at < 0 ? null : at + 1,
          };
        } catch (error) {
          // train()'s own message: "Training diverged at epoch <n>: ..."
          const at = error instanceof RangeError &&
            /^Training diverged at epoch (\d+)/.exec(error.message);
          if (!at) throw error;
          const divergedAt = Number(at[1]);
          run = {
            name,
            label,
            init: network.init,
            depth,
            seed,
            finalAccuracy: NaN,
            finalLoss: NaN,
            epochsRun: divergedAt,
            epochsToTarget: null,
            divergedAt,
          };
        } finally {
          network.dispose();
        }
        runs.push(run);
        if (onRun) await onRun(run);
      }
    }
  }
  const rows = activations.flatMap((name) =>
    depths.map((depth) => summarise(runs.filter((r) => r.name === name && r.depth === depth)))
  );
  const trainableDepth: Record<string, number> = {};
  for (const name of activations) {
    const trained = rows.filter((r) => r.name === name && r.reached === r.runs);
    trainableDepth[name] = Math.max(0, ...trained.map((r) => r.depth));
  }
  return { runs, rows, trainableDepth, target, epochs };
}

function nonEmpty(list: unknown, name: string, expected: string): void {
  checkArrayLike(list, option(name), expected);
  if ((list as unknown[]).length === 0) {
    throw new RangeError(`${option(name)}: expected at least one, got an empty array`);
  }
}

function initializerOf(
  init: InitializerName | Readonly<Record<string, InitializerName>>,
): (name: string) => InitializerName {
  if (typeof init === "string") {
    checkInitializer(init, option("init"));
    return () => init;
  }
  checkObject(init, option("init"), "an initialisation or a record of them by activation");
  for (const [name, value] of Object.entries(init)) checkInitializer(value, option(`init.${name}`));
  return (name) => init[name] ?? "gain";
}

// each feature to mean 0 and standard deviation 1 (a constant feature only centred)
function standardized(data: TrainingData): TrainingData {
  const n = data.y.length, x = Float32Array.from(data.x);
  for (let d = 0; d < 2; d++) {
    let sum = 0, squares = 0;
    for (let i = 0; i < n; i++) sum += x[2 * i + d];
    const mean = sum / n;
    for (let i = 0; i < n; i++) squares += (x[2 * i + d] - mean) ** 2;
    const sd = Math.sqrt(squares / n) || 1;
    for (let i = 0; i < n; i++) x[2 * i + d] = (x[2 * i + d] - mean) / sd;
  }
  return { x, y: data.y };
}

function summarise(runs: readonly TrainabilityRun[]): TrainabilityRow {
  const { name, label, init, depth } = runs[0];
  const accuracies = runs.map((r) => r.finalAccuracy).filter((a) => !Number.isNaN(a));
  const epochs = runs.flatMap((r) => (r.epochsToTarget === null ? [] : [r.epochsToTarget]));
  return {
    name,
    label,
    init,
    depth,
    runs: runs.length,
    accuracyMean: mean(accuracies),
    accuracySd: sd(accuracies),
    accuracyMin: accuracies.length ? Math.min(...accuracies) : NaN,
    accuracyMax: accuracies.length ? Math.max(...accuracies) : NaN,
    reached: epochs.length,
    epochsMean: epochs.length ? mean(epochs) : null,
    epochsSd: epochs.length ? sd(epochs) : null,
    diverged: runs.filter((r) => r.divergedAt !== undefined).length,
  };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

// sample standard deviation (n - 1); 0 for one value
function sd(values: readonly number[]): number {
  if (values.length < 2) return values.length ? 0 : NaN;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}
