/**
 * Showing several things from one notebook cell: `await show(a, b)`.
 *
 * A cell displays its last expression, so a cell that makes one figure ends with it. A
 * cell that makes several (a loop over activations, say) shows each with `show()`; the
 * project's kernel (tasks/kernel_proxy.py) delivers them to that cell, in order.
 *
 * @module
 */

import { type Displayable, JUPYTER_DISPLAY as DISPLAY } from "./display.ts";

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
 * import { show } from "./show.ts";
 * import { table } from "./table.ts";
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
    if (!(bundle instanceof Promise) && typeof bundle["text/plain"] === "string") {
      return bundle["text/plain"];
    }
    const { description } = item as { description?: unknown };
    if (typeof description === "string") return description;
  }
  return typeof item === "string" ? item : Deno.inspect(item);
}
