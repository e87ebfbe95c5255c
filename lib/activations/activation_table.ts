/**
 * The registry as tables: formulas for notebooks and docs, and tidy `{ x, y, dy }` rows.
 *
 * @module
 */
import { ACTIVATIONS, getActivation } from "./activations.ts";
import { activation } from "./autodiff.ts";
import type { ActivationSpec } from "./activation_spec.ts";
import { formatDomain } from "./resolve_params.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";

/** One tidy row of an activation's values: what Plot marks and tables read. */
export interface ActivationRow {
  /** The input. */
  readonly x: number;
  /** f(x) */
  readonly y: number;
  /** f'(x) */
  readonly dy: number;
}

/**
 * An activation's values and derivatives at `x`, as rows.
 *
 * @param name A one-input activation, e.g. `"sigmoid"`.
 * @param x Where to evaluate.
 * @param options Parameter values, e.g. `{ alpha: 0.1 }`.
 * @returns One `{ x, y, dy }` per input, `y` and `dy` rounded to float32 as computed.
 * @throws {Error} If the activation is unknown (the message lists the names).
 * @throws {RangeError} If a parameter is unknown or outside its domain.
 *
 * @example
 * ```ts
 * import { activationRows } from "./activation_table.ts";
 * const [row] = activationRows("sigmoid", [0]);
 * console.assert(row.y === 0.5 && row.dy === 0.25);
 * ```
 */
export function activationRows(
  name: string,
  x: ArrayLike<number>,
  options: Record<string, number> = {},
): ActivationRow[] {
  const { y, dy } = activation(name, x, options);
  return Array.from(y, (value, i) => ({ x: Number(x[i]), y: value, dy: dy[i] }));
}

/**
 * A table of activations with their formulas, parameters (default and domain) and their
 * names in PyTorch, Keras and JAX, straight from the registry. It displays as Markdown, so JupyterLab typesets the formulas.
 *
 * @param names Activations to list, in order (default: all of them).
 * @returns A displayable table; `String(table)` is its Markdown.
 * @throws {Error} If a name is unknown (the message lists the names).
 *
 * @example
 * ```ts
 * import { formulaTable } from "./activation_table.ts";
 * console.assert(String(formulaTable(["relu"])).includes("ReLU"));
 * ```
 */
export function formulaTable(
  names: readonly string[] = ACTIVATIONS.map((a) => a.name),
): { [JUPYTER_DISPLAY](): Record<string, string>; toString(): string } {
  const specs = names.map((name) => getActivation(name));
  const cell = (s: string) => s.replace(/\|/g, "\\vert ").replace(/\n/g, " ");
  const markdown = [
    "| Activation | name | $f$ | $f'$ | parameters | PyTorch · Keras · JAX |",
    "| --- | --- | --- | --- | --- | --- |",
    ...specs.map((s) =>
      `| ${s.label} | \`${s.name}\` | $${cell(s.formula)}$ | $${cell(s.derivative)}$ | ${
        s.params.map((p) => `${p.label} = ${round(p.default)}, \`${p.name}\` ∈ ${formatDomain(p)}`)
          .join("; ") || "–"
      } | ${aka(s)} |`
    ),
  ].join("\n");
  const plain = specs.map((s) => `${s.label} (${s.name}): ${s.formula}`).join("\n");
  return {
    [JUPYTER_DISPLAY]: () => ({ "text/markdown": markdown, "text/plain": plain }),
    toString: () => markdown,
  };
}

// torch.nn.functional.x · keras.activations.x · jax.nn.x, "–" where a library has none
function aka(s: ActivationSpec): string {
  const { torch, keras, jax } = s.aka ?? {};
  return [torch, keras, jax].map((n) => (n ? `\`${cellText(n)}\`` : "–")).join(" · ");
}

function cellText(s: string): string {
  return s.replace(/\|/g, "\\|");
}

// defaults such as 1/3 with a few digits
function round(v: number): string {
  return String(+v.toPrecision(4));
}
