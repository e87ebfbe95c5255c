/**
 * Your own data from a CSV file: a header `x1,x2,label` (classification: class numbers 0,
 * 1, 2, ...) or `x1,x2,y` (regression: real targets), then one point per line. Any bad
 * value is reported with its line and column, and nothing is returned until every line has
 * been read: the data is loaded whole or not at all.
 *
 * @module
 */
import type { TaskData } from "./playground_data.ts";
import { extentOf } from "./subnetwork.ts";
import { MAX_DATASET_SIZE } from "./datasets.ts";
import { argument, checkOptions, checkString, FLOAT32_MAX, option } from "../guards.ts";

/** Largest CSV file {@linkcode loadCsvData} reads: 100 MB (a million points take about 30 MB). */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;

/** Most classes a CSV file may hold: 10 (labels 0 to 9). */
export const MAX_CSV_CLASSES = 10;

/** Options of {@linkcode parseCsvData}. */
export interface CsvOptions {
  /** What to call the data (default `"CSV data"`); {@linkcode loadCsvData} passes the file name. */
  readonly name?: string;
}

/**
 * Reads CSV text into a data set. The first line is the header, `x1,x2,label` or
 * `x1,x2,y` (spaces and letter case do not matter); every other non-empty line holds
 * three numbers. Labels are class numbers 0, 1, 2, ... (2 classes: binary, more:
 * multi-class, at most {@linkcode MAX_CSV_CLASSES}); `y` holds regression targets. The
 * window is the points' bounding box with a 10% margin.
 *
 * @param text The CSV text.
 * @param options `name` ({@linkcode CsvOptions}).
 * @returns The data set ({@linkcode TaskData}).
 * @throws {TypeError} If `text` is not a string.
 * @throws {RangeError} Naming the line and column: a header that is not one of the two, a
 *   line without exactly three values, a value that is not a number finite in float32, a
 *   label that is not a class number, fewer than 2 points or classes, or more than
 *   `MAX_DATASET_SIZE` points or {@linkcode MAX_CSV_CLASSES} classes.
 *
 * @example
 * ```ts
 * import { parseCsvData } from "./csv_data.ts";
 * const data = parseCsvData("x1,x2,label\n0,0,0\n1,1,1\n0,1,2\n");
 * console.assert(data.task === "multiclass" && data.classes === 3 && data.x[3] === 1);
 * try {
 *   parseCsvData("x1,x2,y\n0,0,0.5\n1,oops,1\n");
 * } catch (e) {
 *   console.assert((e as Error).message.startsWith('CSV data, line 3, column 2 (x2): "oops"'));
 * }
 * ```
 */
export function parseCsvData(text: string, options?: CsvOptions): TaskData {
  checkString(text, argument("parseCsvData", "text"), true);
  const { name = "CSV data" } = checkOptions(options, argument("parseCsvData", "options"));
  checkString(name, option("name"));
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const fail = (line: number, problem: string, column = ""): never => {
    throw new RangeError(`${name}, line ${line}${column}: ${problem}`);
  };
  const header = lines[0].split(",").map((h) => h.trim().toLowerCase());
  const regression = header.join(",") === "x1,x2,y";
  if (!regression && header.join(",") !== "x1,x2,label") {
    fail(1, `expected the header "x1,x2,label" or "x1,x2,y", got ${JSON.stringify(lines[0])}`);
  }
  const columns = ["x1", "x2", regression ? "y" : "label"];
  const values: number[] = [];
  let classes = 0;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].trim() === "") continue;
    const fields = lines[k].split(",");
    if (fields.length !== 3) {
      fail(k + 1, `expected 3 values (${columns.join(", ")}), got ${fields.length}`);
    }
    if (values.length / 3 >= MAX_DATASET_SIZE) {
      fail(k + 1, `more than ${MAX_DATASET_SIZE} points, the most a data set holds`);
    }
    fields.forEach((field, c) => {
      const where = `, column ${c + 1} (${columns[c]})`;
      const raw = field.trim();
      const v = raw === "" ? NaN : Number(raw);
      if (!Number.isFinite(v) || Math.abs(v) > FLOAT32_MAX) {
        fail(
          k + 1,
          `${JSON.stringify(raw)} is not a number${
            Number.isFinite(v) || /inf/i.test(raw) ? " finite in float32" : ""
          }`,
          where,
        );
      }
      if (c === 2 && !regression) {
        if (!Number.isInteger(v) || v < 0) {
          fail(
            k + 1,
            `${JSON.stringify(raw)} is not a class number 0, 1, 2, ...` +
              (v === -1 ? " (TensorFlow Playground's label -1 is class 0 here)" : ""),
            where,
          );
        }
        if (v >= MAX_CSV_CLASSES) {
          fail(k + 1, `class ${v} is above the largest, ${MAX_CSV_CLASSES - 1}`, where);
        }
        classes = Math.max(classes, v + 1);
      }
      values.push(v);
    });
  }
  const n = values.length / 3;
  if (n < 2) fail(lines.length, `${n} point${n === 1 ? "" : "s"}: expected at least 2`);
  if (!regression && classes < 2) {
    fail(lines.length, "every point has label 0: expected at least 2 classes");
  }
  const x = new Float32Array(2 * n);
  const y = regression ? new Float32Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = values[3 * i];
    x[2 * i + 1] = values[3 * i + 1];
    y[i] = values[3 * i + 2];
  }
  return {
    name,
    task: regression ? "regression" : classes === 2 ? "binary" : "multiclass",
    classes: regression ? 0 : classes,
    x,
    y,
    dim: 2,
    extent: extentOf(x, 0.1),
  };
}

/**
 * Reads a CSV file into a data set (see {@linkcode parseCsvData} for the format).
 *
 * @param path The file (relative paths are from the current folder: a notebook's own).
 * @returns The data set, named after the file.
 * @throws {TypeError} If `path` is not a string.
 * @throws {RangeError} If the file is larger than {@linkcode MAX_CSV_BYTES}, or as
 *   {@linkcode parseCsvData} does (the message names the file, line and column).
 * @throws {Error} If the file cannot be read (the message names it).
 *
 * @example
 * ```ts
 * import { loadCsvData } from "./csv_data.ts";
 * const file = Deno.makeTempFileSync({ suffix: ".csv" });
 * Deno.writeTextFileSync(file, "x1,x2,y\n0,0,0.5\n1,2,-0.25\n");
 * console.assert(loadCsvData(file).task === "regression");
 * Deno.removeSync(file);
 * ```
 */
export function loadCsvData(path: string): TaskData {
  checkString(path, argument("loadCsvData", "path"));
  let text: string;
  try {
    const size = Deno.statSync(path).size;
    if (size > MAX_CSV_BYTES) {
      throw new RangeError(`${path} is ${size} bytes, above the maximum ${MAX_CSV_BYTES}`);
    }
    text = Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new Error(`Cannot read the CSV file "${path}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseCsvData(text, { name: path.split("/").pop()! });
}
