/**
 * Tables in a notebook: `table(rows)` displays plain rows as HTML, with Markdown and
 * plain-text fallbacks.
 *
 * @module
 */
import { type Displayable, JUPYTER_DISPLAY as DISPLAY } from "./display.ts";

/** Options of {@linkcode table}. */
export interface TableOptions {
  /** Columns to show, in order, with optional headings; default: the first row's keys. */
  readonly columns?: readonly (string | readonly [key: string, heading: string])[];
  /** Significant digits for numbers (default 4). */
  readonly digits?: number;
}

/**
 * A table of plain rows that displays as HTML (with Markdown and plain-text fallbacks).
 *
 * @param rows Objects whose values are strings, numbers, booleans, null or undefined.
 * @param options Columns and number formatting.
 * @returns A displayable table; `String(table)` is its plain-text form.
 * @throws {TypeError} If `rows` is not an array of objects.
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
  options: TableOptions = {},
): Displayable & { toString(): string } {
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== "object")) {
    throw new TypeError("Invalid table rows: expected an array of objects");
  }
  const { digits = 4 } = options;
  const columns = (options.columns ?? Object.keys(rows[0] ?? {})).map((c) =>
    typeof c === "string" ? [c, c] as const : c
  );
  const format = (v: unknown): string =>
    v === null || v === undefined
      ? "–"
      : typeof v === "number"
      ? (Number.isInteger(v) ? String(v) : Number(v.toPrecision(digits)).toString())
      : String(v);
  const cells = rows.map((row) => columns.map(([key]) => format(row[key])));
  const headings = columns.map(([, heading]) => heading);
  const escape = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const numeric = columns.map(([key]) => rows.some((r) => typeof r[key] === "number"));
  const align = (i: number) => (numeric[i] ? ' style="text-align:right"' : "");
  const html = `<table><thead><tr>${
    headings.map((h, i) => `<th${align(i)}>${escape(h)}</th>`).join("")
  }</tr></thead><tbody>${
    cells.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${escape(c)}</td>`).join("")}</tr>`)
      .join("")
  }</tbody></table>`;
  const markdown = [
    `| ${headings.join(" | ")} |`,
    `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
    ...cells.map((r) => `| ${r.join(" | ")} |`),
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
