/**
 * Signal propagation's results as a table: one row per activation, one column per
 * initialisation, holding the gradient ratio or a per-layer statistic at one layer.
 * signal_propagation.ts re-exports it.
 *
 * @module
 */
import { INITIALIZER_LABELS } from "./initializers.ts";
import { SIGNAL_STATS, type SignalStat } from "./layer_signal.ts";
import type { SignalResult } from "./signal_propagation.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/** Options of {@linkcode signalRows}. */
export interface SignalRowsOptions {
  /**
   * What each cell holds: `"gradientRatio"` (default), or a per-layer statistic
   * (`SIGNAL_STATS`) at `layer`.
   */
  readonly value?: SignalStat | "gradientRatio";
  /** The layer (1-based) of a per-layer statistic; default the last. */
  readonly layer?: number;
  /** Activations (rows), by registry name; default every one in `results`, in their order. */
  readonly activations?: readonly string[];
}

/**
 * `signalPropagation()`'s results as a table's rows: one row per activation, its
 * label under `activation`, then one column per initialisation (named by its display
 * label, e.g. `"He normal"`) holding the chosen value.
 *
 * @param results Rows from `signalPropagation()`.
 * @param options The value, the layer, the activations.
 * @returns Plain rows, e.g. `{ activation: "ReLU", "Glorot uniform": 2.8e-8, ... }`.
 * @throws {TypeError} If `results` is not an array, or an option has the wrong type.
 * @throws {RangeError} If `value` is not a statistic, `layer` is outside the results'
 *   depth, or an activation has no result.
 *
 * @example
 * ```ts
 * import { signalPropagation, signalRows } from "./signal_propagation.ts";
 * const results = signalPropagation({ activations: ["relu"], inits: ["he_normal"], depth: 3, width: 8, inputs: 8 });
 * const [row] = signalRows(results);
 * console.assert(row.activation === "ReLU" && typeof row["He normal"] === "number");
 * ```
 */
export function signalRows(
  results: readonly SignalResult[],
  options?: SignalRowsOptions,
): Record<string, string | number>[] {
  const fn = "signalRows";
  const { value = "gradientRatio", layer, activations } = checkOptions(
    options,
    argument(fn, "options"),
  );
  checkArrayLike(results, argument(fn, "results"), "an array of signalPropagation() results");
  checkString(value, option("value"));
  if (value !== "gradientRatio" && !(SIGNAL_STATS as readonly string[]).includes(value)) {
    throw new RangeError(
      `${option("value")}: unknown value "${value}": expected one of ${
        [...SIGNAL_STATS, "gradientRatio"].map((s) => `"${s}"`).join(", ")
      }`,
    );
  }
  const depth = results[0]?.gradientStd.length ?? 1;
  const at = layer ?? depth;
  checkInteger(at, option("layer"), 1, depth);
  const names = activations ?? [...new Set(results.map((r) => r.name))];
  checkArrayLike(names, option("activations"), "an array of activation names");
  const inits = [...new Set(results.map((r) => r.init))];
  return names.map((name, k) => {
    const mine = results.filter((r) => r.name === name);
    if (mine.length === 0) {
      throw new RangeError(
        `${option(`activations[${k}]`)}: no result for ${JSON.stringify(name)}`,
      );
    }
    const row: Record<string, string | number> = { activation: mine[0].label };
    for (const init of inits) {
      const r = mine.find((m) => m.init === init);
      if (r) {
        row[INITIALIZER_LABELS[init]] = value === "gradientRatio"
          ? r.gradientRatio
          : r[value][at - 1];
      }
    }
    return row;
  });
}
