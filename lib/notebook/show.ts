/**
 * Showing things in a notebook: `await show(figure)` and `table(rows)`.
 *
 * The Deno kernel (2.9.6) sometimes publishes a cell's last-expression result after the
 * cell has finished, and JupyterLab then drops it. `Deno.jupyter.display` is awaited
 * inside the cell, so what `show()` displays always arrives.
 *
 * @module
 */

import { JUPYTER_DISPLAY as DISPLAY } from "../figures/render.ts";

/** Something with a Jupyter mime bundle, as the Deno kernel understands it. */
export interface Displayable {
  /** The mime bundle, e.g. `{ "text/html": ..., "text/plain": ... }`. */
  [DISPLAY](): Record<string, unknown>;
}

// `Deno.jupyter` exists only inside the Deno Jupyter kernel.
function jupyter():
  | { display(obj: unknown, options?: Record<string, unknown>): Promise<void> }
  | undefined {
  try {
    // deno-lint-ignore no-explicit-any
    return (globalThis as any).Deno?.jupyter; // a getter that throws outside the kernel
  } catch {
    return undefined;
  }
}

/**
 * Displays each item as its own output in the running notebook (strings as plain text);
 * outside a notebook it prints each item's `text/plain` form.
 *
 * @param items Figures, tables, or any value the kernel can display.
 * @returns A promise that resolves once every item was sent.
 *
 * @example
 * ```ts
 * import { show, table } from "./show.ts";
 * await show(table([{ name: "relu", label: "ReLU" }]));
 * ```
 */
export async function show(...items: unknown[]): Promise<void> {
  const kernel = jupyter();
  for (const item of items) {
    if (!kernel) console.log(plainText(item));
    else if (typeof item === "string") await kernel.display({ "text/plain": item }, { raw: true });
    else await kernel.display(item);
  }
}

function plainText(item: unknown): string {
  if (item && typeof item === "object" && DISPLAY in item) {
    const bundle = (item as Displayable)[DISPLAY]();
    if (typeof bundle["text/plain"] === "string") return bundle["text/plain"];
  }
  return typeof item === "string" ? item : Deno.inspect(item);
}

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
 * import { table } from "./show.ts";
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
