/**
 * Compiles a scalar program (`ScalarGraph.program()`) to a WebAssembly SIMD loop over
 * float32 in `f32x4` lanes, sixteen points per step (4x unrolled) — float32 arithmetic
 * like tfjs's own kernels, each operation lowered as `wasm_ops.ts` says (exp, expm1 and
 * log1p expanded inline; tested in `wasm_loop_test.ts`) into code built with
 * `wasm_code.ts`. A NaN
 * input gives NaN in every output. Inputs and outputs pass through one WebAssembly memory
 * in chunks of 2^16 points.
 *
 * @module
 */
import type { NodeId, ProgramNode } from "./scalar_graph.ts";
import {
  bitselect,
  Code,
  div,
  type Expr,
  f32s,
  I32,
  mul,
  name,
  ONE,
  op,
  section,
  SIMD,
  sleb,
  uleb,
  V128,
} from "./wasm_code.ts";
import { LOWER, WASM_OPS } from "./wasm_ops.ts";

/** The loop: `outputs[j][i]` = output j at the inputs `inputs[*][i]`, for i < n. */
export type WasmRun = (
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  n: number,
) => void;

// Points per chunk: inputs and outputs of one chunk live in the shared memory.
const CHUNK = 1 << 16;
const UNROLL = 4;
const STEP = 4 * UNROLL; // points per loop step
const SKEW = 272; // floats between arrays beyond CHUNK (1088 bytes: a 64-byte multiple)
const PAGE = 65536;
let memory: WebAssembly.Memory | undefined;

function sharedMemory(bytes: number): WebAssembly.Memory {
  memory ??= new WebAssembly.Memory({ initial: 1 });
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  return memory;
}

/**
 * Compiles a program to a WebAssembly SIMD loop.
 *
 * @param program the nodes, operands first (`ScalarGraph.program(outputs)`)
 * @param inputs number of input arrays
 * @param outputs the node of each output array
 * @returns the loop
 * @throws {RangeError} If the program holds an operation this compiler does not know.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ScalarGraph } from "./scalar_graph.ts";
 * import { compileWasmLoop } from "./wasm_loop.ts";
 * const g = new ScalarGraph();
 * const y = g.apply("exp", g.input(0));
 * const run = compileWasmLoop(g.program([y]), 1, [y]);
 * const out = new Float32Array(3);
 * run([new Float32Array([0, 1, -30])], [out], 3);
 * assert.ok(out[0] === 1 && Math.abs(out[1] - Math.E) < 1e-6 && out[2] > 0);
 * ```
 */
export function compileWasmLoop(
  program: readonly ProgramNode[],
  inputs: number,
  outputs: readonly NodeId[],
): WasmRun {
  // parameters: count (points, a multiple of STEP), one pointer per input, one per
  // output; local: the byte offset of the current points
  const params = 1 + inputs + outputs.length;
  const offset = params;
  const code = new Code(params + 1);
  // UNROLL copies of the program per step, interleaved node by node: independent
  // dependency chains for the CPU to overlap (each copy takes 4 points)
  const copies = Array.from({ length: UNROLL }, () => new Map<NodeId, Expr>());
  const inputValues = copies.map(() => [] as Expr[]);
  const address = (pointer: number) => (c: Code) => c.get(pointer).get(offset).raw(0x6a);
  // a denominator shared by several divisions: one division, then multiplications
  const divisions = new Map<NodeId, number>();
  const constants = new Set(program.filter((n) => n.op === "const").map((n) => n.id));
  for (const node of program) {
    const b = node.args[1];
    if (node.op === "div" && !constants.has(b)) divisions.set(b, (divisions.get(b) ?? 0) + 1);
  }
  const reciprocals = copies.map(() => new Map<NodeId, Expr>());
  // 1/b for copy u, emitted once, before its first use
  function reciprocal(u: number, b: NodeId, values: Map<NodeId, Expr>): Expr {
    let r = reciprocals[u].get(b);
    if (r === undefined) {
      const local = code.local();
      div(ONE, values.get(b) as Expr)(code);
      code.set(local);
      r = (c) => c.get(local);
      reciprocals[u].set(b, r);
    }
    return r;
  }
  for (const node of program) {
    copies.forEach((values, u) => {
      if (node.op === "const") {
        values.set(node.id, f32s(node.value as number));
        return;
      }
      const [a, b] = node.args;
      const expr: Expr = node.op === "input"
        ? (c) => {
          address(1 + (node.value as number))(c);
          c.simd(SIMD.load, 4, ...uleb(16 * u));
        }
        : node.op === "div" && (divisions.get(b) ?? 0) > 1
        ? mul(values.get(a) as Expr, reciprocal(u, b, values))
        : lower(node, values);
      const local = code.local();
      expr(code);
      code.set(local);
      const read: Expr = (c) => c.get(local);
      values.set(node.id, read);
      if (node.op === "input") inputValues[u][node.value as number] = read;
    });
  }
  function lower(node: ProgramNode, values: Map<NodeId, Expr>): Expr {
    const f = LOWER[node.op];
    if (f === undefined) {
      throw new RangeError(
        `No WebAssembly lowering for operation "${node.op}": expected one of ${
          WASM_OPS.join(", ")
        }`,
      );
    }
    return f(...node.args.map((a) => values.get(a) as Expr));
  }
  outputs.forEach((id, j) => {
    copies.forEach((values, u) => {
      address(1 + inputs + j)(code);
      // a NaN input (x ≠ x) is passed through to every output
      let value = values.get(id) as Expr;
      for (const x of inputValues[u]) {
        if (x !== undefined) value = bitselect(x, value, op(SIMD.ne, x, x));
      }
      value(code);
      code.simd(SIMD.store, 4, ...uleb(16 * u));
    });
  });
  const body = [
    ...code.prelude(),
    // block; if count == 0 break; loop { body; offset += 4 STEP; continue while < 4 count }
    0x02,
    0x40,
    0x20,
    0,
    0x45,
    0x0d,
    0,
    0x03,
    0x40,
    ...code.bytes,
    0x20,
    ...uleb(offset),
    0x41,
    ...sleb(4 * STEP),
    0x6a,
    0x22,
    ...uleb(offset),
    0x20,
    0,
    0x41,
    2,
    0x74,
    0x49,
    0x0d,
    0,
    0x0b,
    0x0b,
    0x0b,
  ];
  const locals = [2, 1, I32, ...uleb(code.count), V128];
  const func = [...locals, ...body];
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, ...uleb(params), ...new Array(params).fill(I32), 0]),
    ...section(2, [1, ...name("env"), ...name("memory"), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name("run"), 0x00, 0]),
    ...section(10, [1, ...uleb(func.length), ...func]),
  ];
  const module = new WebAssembly.Module(new Uint8Array(bytes));
  const instance = new WebAssembly.Instance(module, { env: { memory: sharedMemory(PAGE) } });
  const run = instance.exports.run as (...args: number[]) => void;
  const arrays = inputs + outputs.length;
  // arrays CHUNK + SKEW apart: equal strides would map the loop's loads and stores to the
  // same cache sets (measured 4x slower at CHUNK = 2^16)
  const base = Array.from({ length: arrays }, (_, k) => k * (CHUNK + SKEW));
  const pointers = base.map((b) => b * 4);
  return (xs, os, n) => {
    const heap = new Float32Array(sharedMemory(arrays * (CHUNK + SKEW) * 4).buffer);
    for (let start = 0; start < n; start += CHUNK) {
      const count = Math.min(CHUNK, n - start);
      const padded = Math.ceil(count / STEP) * STEP;
      for (let k = 0; k < inputs; k++) {
        heap.set(xs[k].subarray(start, start + count), base[k]);
        if (padded > count) heap.fill(0, base[k] + count, base[k] + padded);
      }
      run(padded, ...pointers);
      for (let j = 0; j < outputs.length; j++) {
        const at = base[inputs + j];
        os[j].set(heap.subarray(at, at + count), start);
      }
    }
  };
}
