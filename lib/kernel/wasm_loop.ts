/**
 * Compiles a scalar program (`ScalarGraph.program()`) to a WebAssembly SIMD loop over
 * float32 in `f32x4` lanes, sixteen points per step (4x unrolled) — float32 arithmetic
 * like tfjs's own kernels, each operation lowered as `wasm_ops.ts` says (exp, expm1 and
 * log1p expanded inline; tested in `wasm_loop_test.ts`) into code built with
 * `wasm_code.ts`. A NaN input gives NaN in every output. Uniforms (an activation's
 * parameters) are f32 arguments of the loop; what depends on them and not on the inputs
 * is computed once, before the loop. Inputs and outputs pass through one WebAssembly
 * memory in chunks of 2^16 points ({@linkcode runChunked}, the same driver in the kernel
 * and in the pages that ship the module).
 *
 * @module
 */
import {
  invariantNodes,
  type LoopFunction,
  type NodeId,
  type ProgramNode,
} from "./scalar_graph.ts";
import {
  bitselect,
  Code,
  div,
  type Expr,
  F32,
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
import { UnsupportedOperationError } from "./unsupported_operation.ts";

/**
 * The loop: `outputs[j][i]` = output j at the inputs `inputs[*][i]`, for i < n, with
 * `uniforms[k]` the value of uniform k.
 */
export type WasmRun = LoopFunction;

/** A compiled loop as a WebAssembly module, with what it reads and writes. */
export interface WasmProgram {
  /** the module's bytes: imports `env.memory`, exports `run(count, ...pointers, ...uniforms)` */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** number of input arrays */
  readonly inputs: number;
  /** number of output arrays */
  readonly outputs: number;
  /** number of uniforms */
  readonly uniforms: number;
}

// Four copies of the program per iteration, each on its own four lanes: one copy is a
// single dependency chain (each operation waits for the previous one's latency), four
// independent ones let the CPU overlap them. runChunked pads to STEP = 16 points.
const UNROLL = 4;
const STEP = 4 * UNROLL; // points per loop step (runChunked pads to it)
let memory: WebAssembly.Memory | undefined;

/**
 * Runs a compiled module's `run` over any number of points: copies the inputs into the
 * memory in chunks of 2^16 points, calls it, copies the outputs out. Self-contained (it
 * uses nothing outside its body, its constants inlined), so pages ship its source and
 * drive the same module the same way. Chunks keep the memory a few MB whatever the
 * number of points (256 KB per array); a last chunk that is not a whole number of the
 * loop's 16-point steps is padded with zeros, whose outputs are never copied out.
 *
 * @param run the module's exported `run`
 * @param memory the memory the module imports (grown as needed)
 * @param xs the input arrays
 * @param os the output arrays
 * @param n number of points
 * @param us the uniforms
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ScalarGraph } from "./scalar_graph.ts";
 * import { compileWasmProgram, runChunked } from "./wasm_loop.ts";
 * const g = new ScalarGraph();
 * const y = g.apply("mul", g.input(0), g.uniform(0));
 * const program = compileWasmProgram(g.program([y]), 1, [y], 1);
 * const memory = new WebAssembly.Memory({ initial: 1 });
 * const { exports } = new WebAssembly.Instance(new WebAssembly.Module(program.bytes), {
 *   env: { memory },
 * });
 * const out = new Float32Array(2);
 * runChunked(exports.run as () => void, memory, [new Float32Array([1, 2])], [out], 2, [3]);
 * assert.deepEqual([...out], [3, 6]);
 * ```
 */
export function runChunked(
  run: (...args: number[]) => void,
  memory: WebAssembly.Memory,
  xs: readonly Float32Array[],
  os: readonly Float32Array[],
  n: number,
  us: readonly number[] = [],
): void {
  const CHUNK = 65536, STEP = 16, PAGE = 65536;
  // arrays CHUNK + 272 floats apart: equal strides would map the loop's loads and stores
  // to the same cache sets (measured 4x slower at CHUNK = 2^16)
  const stride = CHUNK + 272;
  const arrays = xs.length + os.length;
  const missing = arrays * stride * 4 - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  const heap = new Float32Array(memory.buffer);
  const pointers: number[] = [];
  for (let k = 0; k < arrays; k++) pointers.push(k * stride * 4);
  for (let start = 0; start < n; start += CHUNK) {
    const count = Math.min(CHUNK, n - start);
    const padded = Math.ceil(count / STEP) * STEP;
    for (let k = 0; k < xs.length; k++) {
      heap.set(xs[k].subarray(start, start + count), k * stride);
      if (padded > count) heap.fill(0, k * stride + count, k * stride + padded);
    }
    run(padded, ...pointers, ...us);
    for (let j = 0; j < os.length; j++) {
      const at = (xs.length + j) * stride;
      os[j].set(heap.subarray(at, at + count), start);
    }
  }
}

/**
 * Compiles a program to a WebAssembly SIMD loop, ready to run in this process.
 *
 * @param program the nodes, operands first (`ScalarGraph.program(outputs)`)
 * @param inputs number of input arrays
 * @param outputs the node of each output array
 * @param uniforms number of uniforms (default 0)
 * @returns the loop
 * @throws {UnsupportedOperationError} If the program holds an operation this compiler does
 *   not know.
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
  uniforms = 0,
): WasmRun {
  const { bytes } = compileWasmProgram(program, inputs, outputs, uniforms);
  memory ??= new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: { memory },
  });
  const run = instance.exports.run as (...args: number[]) => void;
  const shared = memory;
  return (xs, os, n, us = []) => runChunked(run, shared, xs, os, n, us);
}

/**
 * Compiles a program to the bytes of a WebAssembly module (see {@linkcode WasmProgram};
 * run it with {@linkcode runChunked}).
 *
 * @param program the nodes, operands first (`ScalarGraph.program(outputs)`)
 * @param inputs number of input arrays
 * @param outputs the node of each output array
 * @param uniforms number of uniforms
 * @returns the module and its shape
 * @throws {UnsupportedOperationError} If the program holds an operation this compiler does
 *   not know.
 * @example
 * ```ts
 * import { ScalarGraph } from "./scalar_graph.ts";
 * import { compileWasmProgram } from "./wasm_loop.ts";
 * const g = new ScalarGraph();
 * const y = g.apply("exp", g.input(0));
 * const program = compileWasmProgram(g.program([y]), 1, [y], 0);
 * console.assert(WebAssembly.validate(program.bytes));
 * ```
 */
export function compileWasmProgram(
  program: readonly ProgramNode[],
  inputs: number,
  outputs: readonly NodeId[],
  uniforms: number,
): WasmProgram {
  // parameters: count (points, a multiple of STEP), one pointer per input, one per
  // output, then the uniforms (f32, passed by value: no memory layout to agree on
  // with the pages); local: the byte offset of the current points
  const pointers = 1 + inputs + outputs.length;
  const params = pointers + uniforms;
  const offset = params;
  const code = new Code(params + 1);
  // loop-invariant nodes (uniforms and what depends only on them): once, before the loop
  const invariant = invariantNodes(program);
  const hoisted = new Map<NodeId, Expr>();
  for (const node of program) {
    if (!invariant.has(node.id) || node.op === "const") continue;
    const expr: Expr = node.op === "uniform"
      ? (c) => c.get(pointers + (node.value as number)).simd(SIMD.splat)
      : lower(node, new Map([...hoisted, ...constantsOf(node)]));
    const local = code.local();
    expr(code);
    code.set(local);
    hoisted.set(node.id, (c) => c.get(local));
  }
  // what was emitted so far runs once, before the loop; the loop body starts empty
  const before = code.bytes.splice(0);
  // UNROLL copies of the program per step, interleaved node by node: independent
  // dependency chains for the CPU to overlap (each copy takes 4 points)
  const copies = Array.from({ length: UNROLL }, () => new Map<NodeId, Expr>());
  const inputValues = copies.map(() => [] as Expr[]);
  const address = (pointer: number) => (c: Code) => c.get(pointer).get(offset).raw(0x6a);
  // a denominator shared by several divisions: one division, then multiplications
  const divisions = new Map<NodeId, number>();
  // (not by constants or uniforms: an exact division, as when they were folded constants)
  for (const node of program) {
    const b = node.args[1];
    if (node.op === "div" && !invariant.has(b)) divisions.set(b, (divisions.get(b) ?? 0) + 1);
  }
  function constantsOf(node: ProgramNode): [NodeId, Expr][] {
    return node.args.flatMap((a) => {
      const arg = program.find((n) => n.id === a);
      return arg?.op === "const" ? [[a, f32s(arg.value as number)] as [NodeId, Expr]] : [];
    });
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
      const shared = hoisted.get(node.id);
      if (shared !== undefined) {
        values.set(node.id, shared);
        return;
      }
      const [a, b] = node.args;
      // every node's value goes to a local of its own (the program is straight-line and
      // a value may have several users); the engine's compiler keeps locals in registers
      const expr: Expr = node.op === "input"
        ? (c) => {
          // v128.load with alignment 2^4 and copy u's offset of 16 bytes (4 lanes)
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
      throw new UnsupportedOperationError(
        node.op,
        `a WebAssembly lowering for the operation "${node.op}" (it lowers ${WASM_OPS.join(", ")})`,
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
    ...before,
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
  // local declarations: one i32 (the offset), then every v128 the code allocated
  const locals = [2, 1, I32, ...uleb(code.count), V128];
  const func = [...locals, ...body];
  const types = [...new Array(pointers).fill(I32), ...new Array(uniforms).fill(F32)];
  // the module: magic and version, then sections type (one signature), import
  // (env.memory, at least one page), function, export ("run") and code
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, ...uleb(params), ...types, 0]),
    ...section(2, [1, ...name("env"), ...name("memory"), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name("run"), 0x00, 0]),
    ...section(10, [1, ...uleb(func.length), ...func]),
  ];
  return { bytes: new Uint8Array(bytes), inputs, outputs: outputs.length, uniforms };
}
