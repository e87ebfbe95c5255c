/**
 * Working in a notebook on Deno's Jupyter kernel: `await show(...)` for outputs that
 * always arrive, `table(rows)` for tables, `reportMetric(name, value)` for the numbers the
 * main job collects, and the display protocol that figures and tables implement.
 *
 * @example A table, shown
 * ```ts
 * import { show, table } from "./mod.ts";
 * await show(table([{ activation: "elu", accuracy: 0.995 }]));
 * ```
 *
 * @module
 */
export { show } from "./show.ts";
export { table, type TableOptions } from "./table.ts";
export { reportMetric } from "./report.ts";
export {
  type Displayable,
  type DisplayableFigure,
  inJupyterKernel,
  JUPYTER_DISPLAY,
  type ReadyDisplayable,
} from "./display.ts";
