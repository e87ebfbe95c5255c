/**
 * The fingerprint of a compiled program: a short hash of everything the program's bytes
 * depend on, so that a program compiled ahead of time (precompiled_programs.ts) is used
 * only for the declaration and the compiler it was compiled from. It hashes source text:
 * the declaration's formula (`String(spec.fn)`), its parameter names, inputs and
 * outputs, the order, and the compiler's functions and tables (tracing, the symbolic
 * kernels, the scalar graph and operations, the WebAssembly lowering and loop), with the
 * tfjs version. Helpers the formulas call (numerics.ts) are not hashed: after changing
 * one, `deno task programs` compiles the programs again (the test that compares every
 * stored program with a fresh compilation names it).
 *
 * @module
 */
import type { ActivationSpec } from "../activations/activation_spec.ts";
import { ScalarGraph } from "./scalar_graph.ts";
import { evaluator, OPS } from "./scalar_ops.ts";
import { symbolicBackend } from "./symbolic_backend.ts";
import { kernels } from "./symbolic_kernels.ts";
import { compileWasmLoop, compileWasmProgram, runChunked } from "./wasm_loop.ts";
import { LOWER } from "./wasm_ops.ts";
import { tf } from "../tf.ts";

/**
 * The fingerprint of the program of `spec` at `order` (see the module documentation).
 *
 * @internal
 * @param spec a declaration
 * @param order 1 or 2
 * @param parts the caller's own compiler functions, hashed with the rest
 * @returns 14 hexadecimal digits
 * @example
 * ```ts
 * import { getActivation } from "../activations/activations.ts";
 * import { fingerprint } from "./fingerprint.ts";
 * const relu = getActivation("relu");
 * console.assert(fingerprint(relu, 1, []) !== fingerprint(relu, 2, []));
 * ```
 */
export function fingerprint(
  spec: ActivationSpec,
  order: 1 | 2,
  parts: readonly unknown[],
): string {
  const same = compiler !== undefined && compiler.parts.length === parts.length &&
    compiler.parts.every((p, k) => p === parts[k]);
  if (!same) compiler = { parts: [...parts], hash: compilerHash(parts) };
  return hash(
    [
      compiler!.hash,
      order,
      spec.inputs,
      spec.outputs,
      spec.params.map((q) => q.name).join(","),
      String(spec.fn),
    ].join("\n"),
  );
}

// the compiler's hash, computed once per set of parts (about 1 ms)
let compiler: { parts: readonly unknown[]; hash: string } | undefined;

function compilerHash(parts: readonly unknown[]): string {
  return hash(
    [
      tf.version_core,
      ...parts,
      ScalarGraph,
      evaluator,
      ...Object.values(OPS),
      symbolicBackend,
      kernels,
      compileWasmProgram,
      compileWasmLoop,
      runChunked,
      ...Object.values(LOWER),
    ].map(String).join("\n"),
  );
}

/**
 * A 53-bit string hash (cyrb53), as 14 hex digits: not cryptographic, it only tells a
 * stored program from a declaration it was not compiled from.
 *
 * @internal
 * @param text Any text.
 * @returns 14 hexadecimal digits.
 * @example
 * ```ts
 * import { hash } from "./fingerprint.ts";
 * console.assert(hash("a") !== hash("b") && hash("a").length === 14);
 * ```
 */
export function hash(text: string): string {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}
