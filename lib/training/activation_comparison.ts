/**
 * Every activation on the same task: train the original's non-linear architecture once
 * per one-input activation of the registry, with the same seed (same data, same
 * initial weights, same batch order), and tabulate how far each gets.
 *
 * @module
 */
import { getActivation } from "../activations/activations.ts";
import { hiddenActivationNames } from "./hidden_activation.ts";
import { createNetwork, NONLINEAR_NETWORK } from "./network.ts";
import { checkTrainingData, type History, train, type TrainingData } from "./train.ts";
import {
  argument,
  checkArrayLike,
  checkFunction,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/** One activation's result. */
export interface ActivationResult {
  /** Registry name, e.g. `"elu"`. */
  readonly name: string;
  /** Display label, e.g. `"ELU"`. */
  readonly label: string;
  /** Loss after the last epoch. */
  readonly finalLoss: number;
  /** Training accuracy after the last epoch. */
  readonly finalAccuracy: number;
  /** First epoch (1-based) with accuracy >= 0.99, or `null` if none. */
  readonly firstEpochAt99: number | null;
  /**
   * The epoch in which training diverged (Exponential on unscaled features overflows
   * float32 through two layers); then `finalLoss` and `finalAccuracy` are NaN.
   */
  readonly divergedAt?: number;
}

/** Options of {@linkcode compareActivations}. */
export interface ComparisonOptions {
  /** Activation names; default every one-input activation in the registry. */
  names?: readonly string[];
  /** Hidden layer widths; default the original's `[64, 2]`. */
  hidden?: readonly number[];
  /** Seed of the initial weights and batch order; default 0. */
  seed?: number;
  /** Epochs per activation; default 100. */
  epochs?: number;
  /** Batch size; default 32. */
  batchSize?: number;
  /** Adam's learning rate; default 0.001. */
  learningRate?: number;
  /** Called after each activation with its row and full history (charts, progress). */
  onResult?: (row: ActivationResult, history: History) => void | Promise<void>;
}

/**
 * Trains the same architecture once per activation and returns one row each, in the
 * order of `names`. Each network is disposed after training. An activation whose
 * training diverges gets a row that says so (`divergedAt`) instead of ending the comparison.
 *
 * @param data Training points and labels (e.g. `makeDataset("xor", { seed })`).
 * @param options Names, architecture, seed, training settings, callback
 *   ({@linkcode ComparisonOptions}).
 * @returns One {@linkcode ActivationResult} per name.
 * @throws {Error} If a name is unknown (before any training).
 * @throws {TypeError} If `names` is not an array of strings, a name is a two-input
 *   activation, the data is malformed, or an option has the wrong type.
 * @throws {RangeError} On bad training options or network sizes (see `createNetwork`
 *   and `train`).
 *
 * @example
 * ```ts
 * import { makeDataset } from "./datasets.ts";
 * import { compareActivations } from "./activation_comparison.ts";
 * const rows = await compareActivations(makeDataset("xor"), { names: ["relu", "elu"], epochs: 2 });
 * console.assert(rows.map((r) => r.label).join() === "ReLU,ELU");
 * ```
 */
export async function compareActivations(
  data: TrainingData,
  options?: ComparisonOptions,
): Promise<ActivationResult[]> {
  const {
    names = hiddenActivationNames(),
    hidden = NONLINEAR_NETWORK.hidden,
    seed = 0,
    onResult,
    ...trainOptions
  } = checkOptions(options, argument("compareActivations", "options"));
  checkTrainingData(data, 2, "compareActivations");
  checkArrayLike(names, option("names"), "an array of activation names");
  names.forEach((name, k) => checkString(name, option(`names[${k}]`)));
  if (onResult !== undefined) checkFunction(onResult, option("onResult"));
  // build (and drop) every network first, so a bad name fails before any training
  for (const name of names) createNetwork({ hidden, activation: name }, { seed }).dispose();
  const rows: ActivationResult[] = [];
  for (const name of names) {
    const network = createNetwork({ hidden, activation: name }, { seed });
    let history: History, divergedAt: number | undefined;
    try {
      history = await train(network, data, { ...trainOptions, seed });
    } catch (error) {
      // train()'s own message: "Training diverged at epoch <n>: ..."
      const at = error instanceof RangeError &&
        /^Training diverged at epoch (\d+)/.exec(error.message);
      if (!at) throw error;
      history = { loss: [], accuracy: [] };
      divergedAt = Number(at[1]);
    } finally {
      network.dispose();
    }
    const at99 = history.accuracy.findIndex((a) => a >= 0.99);
    const label = getActivation(name).label;
    const row: ActivationResult = divergedAt === undefined
      ? {
        name,
        label,
        finalLoss: history.loss.at(-1)!,
        finalAccuracy: history.accuracy.at(-1)!,
        firstEpochAt99: at99 < 0 ? null : at99 + 1,
      }
      : { name, label, finalLoss: NaN, finalAccuracy: NaN, firstEpochAt99: null, divergedAt };
    rows.push(row);
    if (onResult) await onResult(row, history);
  }
  return rows;
}
