/**
 * How a notebook reports a number to the main job: `reportMetric("linear.accuracy", 0.74)`.
 * Under `deno task run` each value lands in out/summary.json's `metrics`; run by hand in
 * JupyterLab it only returns the value, so notebooks stay runnable anywhere.
 *
 * @module
 */

import { argument, checkNumber, checkString } from "../guards.ts";

/**
 * Records a named number for the main job's out/summary.json and returns it.
 *
 * The main job sets the `METRICS_FILE` environment variable for each notebook's kernel;
 * each call appends one JSON line `{ "name", "value" }` to that file. Without it, nothing
 * is written.
 *
 * @param name A non-empty name, e.g. `"nonlinear.accuracy"`.
 * @param value A finite number.
 * @returns `value`, unchanged.
 * @throws {TypeError} If `name` is empty or not a string, or `value` is not a number (a
 *   BigInt, a string).
 * @throws {RangeError} If `value` is not finite.
 *
 * @example
 * ```ts
 * import { reportMetric } from "./report.ts";
 * console.assert(reportMetric("example.accuracy", 0.75) === 0.75);
 * ```
 */
export function reportMetric(name: string, value: number): number {
  checkString(name, argument("reportMetric", "name"));
  if (name.trim() === "") {
    throw new TypeError(`Invalid metric name ${JSON.stringify(name)}: expected a non-empty string`);
  }
  checkNumber(value, `Invalid value for metric "${name}"`);
  const file = metricsFile();
  if (file) {
    Deno.writeTextFileSync(file, JSON.stringify({ name, value }) + "\n", {
      append: true,
      create: true,
    });
  }
  return value;
}

function metricsFile(): string | undefined {
  try {
    return Deno.env.get("METRICS_FILE") || undefined;
  } catch {
    return undefined; // no env permission: not under the main job
  }
}
