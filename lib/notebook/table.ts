/**
 * Tables in a notebook: `table(rows)` displays plain rows as HTML, with Markdown and
 * plain-text fallbacks.
 *
 * @module
 */
import { JUPYTER_DISPLAY as DISPLAY, type ReadyDisplayable } from "./display.ts";
import {
  argument,
  checkArrayLike,
  checkInteger,
  checkOptions,
  checkString,
  option,
  typeError,
} from "../guards.ts";

/** Options of {@linkcode table}. */
export interface TableOptions {
  /** Columns to show, in order, with optional headings; default: the first row's keys. */
  readonly columns?: readonly (string | readonly [key: string, heading: string])[];
  /**
   * Significant digits for non-integer numbers: an integer from 1 to 17 (a float64 holds
   * 17); default 4.
   */
  readonly digits?: number;
  /** What an empty cell (`null` or `undefined`) shows, e.g. `"never"`; default `"–"`. */
  readonly missing?: string;
}

/**
 * A table of plain rows that displays as HTML (with Markdown and plain-text fallbacks).
 * Cells are escaped for each form: `&`, `<` and `>` in HTML and Markdown, and in Markdown
 * also `\` and `|` (which would end a cell) and line breaks (shown as `<br>`).
 *
 * @param rows Objects whose values are strings, numbers, booleans, null or undefined.
 * @param options Columns and number formatting.
 * @returns A displayable table; `String(table)` is its plain-text form.
 * @throws {TypeError} If `rows` is not an array of objects, a value has another type (a
 *   BigInt, an object, a function, a symbol), or an option has the wrong type.
 * @throws {RangeError} If `digits` is not an integer from 1 to 17.
 *
 * @example
 * ```ts
 * import { table } from "./table.ts";
 * const t = table([{ name: "elu", accuracy: 0.99512 }], { digits: 3 });
 * console.assert(String(t).includes("0.995"));
 * ```
 */
export function table(
  rows: readonly Record<string, unknown>[],
  options?: TableOptions,
): ReadyDisplayable & { toString(): string } {
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== "object")) {
    throw new TypeError("Invalid table rows: expected an array of objects");
  }
  const { digits = 4, columns: chosen, missing = "–" } = checkOptions(
    options,
    argument("table", "options"),
  );
  checkInteger(digits, option("digits"), 1, 17);
  checkString(missing, option("missing"), true);
  if (chosen !== undefined) checkArrayLike(chosen, option("columns"), "an array of column keys");
  const columns = (chosen ?? Object.keys(rows[0] ?? {})).map((c, k) => {
    if (typeof c === "string") return [c, c] as const;
    checkArrayLike(c, option(`columns[${k}]`), "a key or a [key, heading] pair");
    return [
      checkString(c[0], option(`columns[${k}][0]`), true),
      checkString(
        c[1],
        option(`columns[${k}][1]`),
        true,
      ),
    ] as const;
  });
  const format = (v: unknown, where: () => string): string => {
    if (v === null || v === undefined) return missing;
    if (typeof v === "number") {
      return Number.isInteger(v) ? String(v) : Number(v.toPrecision(digits)).toString();
    }
    if (typeof v === "string" || typeof v === "boolean") return String(v);
    throw typeError(where(), "a string, number, boolean, null or undefined", v);
  };
  const cells = rows.map((row, r) =>
    columns.map(([key]) => format(row[key], () => argument("table", `rows[${r}].${key}`)))
  );
  const headings = columns.map(([, heading]) => heading);
  const escape = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // Markdown cells: HTML escaped, then "\" and "|" escaped and line breaks as <br>
  const cell = (s: string) =>
    escape(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, "<br>");
  const numeric = columns.map(([key]) => rows.some((r) => typeof r[key] === "number"));
  const align = (i: number) => (numeric[i] ? ' style="text-align:right"' : "");
  const html = `<table><thead><tr>${
    headings.map((h, i) => `<th${align(i)}>${escape(h)}</th>`).join("")
  }</tr></thead><tbody>${
    cells.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${escape(c)}</td>`).join("")}</tr>`)
      .join("")
  }</tbody></table>`;
  const markdown = [
    `| ${headings.map(cell).join(" | ")} |`,
    `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
    ...cells.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
  const widths = headings.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ")
      .trimEnd();
  const plain = [line(headings), ...cells.map(line)].join("\n");
  return {
    [DISPLAY]: () => ({ "text/html": html, "text/markdown": markdown, "text/plain": plain }),
    toString: () => plain,
  };
}
