/**
 * Slider grids and the parameter records an interactive figure embeds: every value a
 * slider can take, and which combinations of them are precomputed.
 *
 * @module
 */
import type { ParamSpec } from "../activations/activation_spec.ts";

/**
 * The values a slider can take: `min + k * step` for k = 0, 1, ... while `<= max`
 * (rounded to the step's decimals, so 0.3 is 0.3, not 0.30000000000000004).
 *
 * @param param The parameter declaration.
 * @returns The grid, ascending; it contains `param.default`.
 * @throws {RangeError} If min, max or step is not finite, `min >= max`, `step <= 0`, the
 *   grid would have more than 10 000 values, or the default is outside [min, max] or not
 *   on the grid (the message names the parameter and the values).
 *
 * @example The original's Alpha slider
 * ```ts
 * import assert from "node:assert/strict";
 * import { paramGrid } from "./param_plan.ts";
 * const g = paramGrid({ name: "alpha", label: "Alpha", default: 0.3, min: 0.01, max: 1, step: 0.01 });
 * assert.equal(g.length, 100);
 * assert.deepEqual([g[0], g[29], g[99]], [0.01, 0.3, 1]);
 * ```
 */
export function paramGrid(param: ParamSpec): number[] {
  const { name, min, max, step } = param ?? {};
  const where = `Parameter "${String(name)}"`;
  const bad = (what: string): never => {
    throw new RangeError(
      `${where} needs a finite slider range: ${what} (got min ${String(min)}, max ${
        String(max)
      }, step ${String(step)})`,
    );
  };
  if (![min, max, step].every((v) => typeof v === "number" && Number.isFinite(v))) {
    bad("min, max and step must be finite numbers");
  }
  if (!(min < max)) bad("expected min < max");
  if (!(step > 0)) bad("expected step > 0");
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  if (count > 10_000) bad(`${count} slider values, at most 10000 allowed`);
  const digits = Math.min(12, Math.max(decimals(step), decimals(min)));
  const grid = Array.from({ length: count }, (_, k) => +(min + k * step).toFixed(digits));
  const d = param.default;
  if (!(typeof d === "number" && d >= min && d <= max)) {
    throw new RangeError(`${where} has default ${String(d)} outside [${min}, ${max}]`);
  }
  if (nearestIndex(grid, d, min, step) < 0) {
    throw new RangeError(
      `${where} has default ${d}, which is not on its slider grid ${min} + k * ${step}`,
    );
  }
  return grid;
}

/**
 * The number of decimals of a number as written (`0.05` has 2, `1e-7` has 7).
 *
 * @param v A finite number.
 * @returns Its decimals.
 */
export function decimals(v: number): number {
  const s = String(v);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

// index of the grid value equal to v (within 1e-9 of a step), or -1
function nearestIndex(grid: readonly number[], v: number, min: number, step: number): number {
  const k = Math.round((v - min) / step);
  return k >= 0 && k < grid.length && Math.abs(grid[k] - v) <= step * 1e-6 ? k : -1;
}

/** The parameter records embedded in a figure and how sliders map to them. */
export interface ParamPlan {
  /** "product": every combination; "lines": one slider at a time, others at defaults. */
  readonly mode: "product" | "lines";
  /** Slider grids, one per parameter. */
  readonly grids: readonly (readonly number[])[];
  /** Default grid index of each parameter. */
  readonly defaults: readonly number[];
  /** The parameter records, in embedding order. */
  readonly records: readonly Readonly<Record<string, number>>[];
}

/**
 * Which parameter records to precompute: the product grid when `maxRecords` allows,
 * else one line per parameter with the others at their defaults.
 *
 * @param params The parameters (at least one).
 * @param maxRecords How many records fit the size budget.
 * @returns The plan.
 * @throws {RangeError} If there are no parameters, a declaration is invalid (see
 *   {@linkcode paramGrid}), or even the lines do not fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { planParams } from "./param_plan.ts";
 * const a = { name: "a", label: "A", default: 1, min: 0, max: 2, step: 1 };
 * const b = { name: "b", label: "B", default: 0, min: 0, max: 3, step: 1 };
 * assert.equal(planParams([a, b], 12).mode, "product"); // 3 x 4 records
 * assert.equal(planParams([a, b], 11).records.length, 7); // lines: 3 + 4
 * ```
 */
export function planParams(params: readonly ParamSpec[], maxRecords: number): ParamPlan {
  if (!Array.isArray(params) || params.length === 0) {
    throw new RangeError("An interactive figure needs at least one parameter, got none");
  }
  const grids = params.map(paramGrid);
  const defaults = params.map((p, i) => nearestIndex(grids[i], p.default, p.min, p.step));
  const product = grids.reduce((n, g) => n * g.length, 1);
  const record = (idx: readonly number[]) =>
    Object.fromEntries(params.map((p, i) => [p.name, grids[i][idx[i]]]));
  if (product <= maxRecords) {
    const records: Record<string, number>[] = [];
    const idx = params.map(() => 0);
    for (let n = 0; n < product; n++) {
      // mixed radix, the first parameter most significant
      let rest = n;
      for (let i = params.length - 1; i >= 0; i--) {
        idx[i] = rest % grids[i].length;
        rest = Math.floor(rest / grids[i].length);
      }
      records.push(record(idx));
    }
    return { mode: "product", grids, defaults, records };
  }
  const lines = grids.reduce((n, g) => n + g.length, 0);
  if (lines > maxRecords) {
    throw new RangeError(
      `Too many slider values to embed: ${lines} curves, the size budget allows ${maxRecords}; ` +
        `raise maxDataBytes or use a coarser step`,
    );
  }
  const records: Record<string, number>[] = [];
  grids.forEach((g, i) =>
    g.forEach((_, k) => records.push(record(defaults.map((d, j) => (j === i ? k : d)))))
  );
  return { mode: "lines", grids, defaults, records };
}

/**
 * The record of the default values: in "lines" mode the first parameter's line holds it.
 *
 * @param plan The plan.
 * @returns An index into `plan.records`.
 */
export function defaultRecord(plan: ParamPlan): number {
  const idx = plan.defaults;
  if (plan.mode === "product") return idx.reduce((n, k, i) => n * plan.grids[i].length + k, 0);
  return idx[0];
}
