/**
 * Fused activation kernels: an activation's tfjs function and tfjs's own autodiff of it,
 * run once on the symbolic backend to record every kernel of the forward and backward
 * pass, then compiled into a single loop that computes the values and the derivatives
 * (or the Jacobian of a two-input function) point by point; with `order: 2`, the
 * gradient of the gradient too (tfjs autodiff of tfjs's backward pass).
 * The derivative is still tfjs's autodiff — the same gradient kernels, custom gradients
 * and kink conventions — without a pass over memory per kernel or a copy in and out of
 * the backend. The loop runs as WebAssembly SIMD in float32 (`wasm_loop.ts`, as tfjs's
 * kernels do), with the same program as a float64 JavaScript loop for reading and as a
 * reference. The activation's parameters are inputs of the program (uniforms, one value
 * for all points): one trace and one compile per activation and order, cached, serve
 * every parameter value ({@linkcode fusedProgram}); {@linkcode fusedKernel} binds values.
 *
 * Infinite inputs (one-input functions): the program evaluates f at ±3.4028235e38, the
 * largest float32, instead; every activation has reached its limit there in float32. Where
 * f' is not 0 there, f grows without bound and f(±∞) is ±∞ with the sign of f'·x; f' and
 * f'' are their values at ±3.4e38 (f'' beyond ±2^50 its value at ±2^50, see
 * {@linkcode SECOND_DERIVATIVE_LIMIT}). So f and f' at ±∞ are the exact limits
 * (ELU(−∞) = −α with f' = 0, ReLU(∞) = ∞ with f' = 1) with no 0·∞ = NaN inside the
 * formulas.
 *
 * Ahead of time: the registry's programs (order 1) are also stored compiled, in
 * `precompiled_programs.ts` (written by `deno task programs`), each with the fingerprint
 * of what it was compiled from ({@linkcode programFingerprint}: the declaration's formula
 * and parameters, the compiler's code, the tfjs version). A declaration whose fingerprint
 * matches runs its stored module without tracing (a first call in well under a
 * millisecond instead of 2 to 8); the trace is made only if the JavaScript loop is asked
 * for. A test compiles every registry program afresh and compares the bytes.
 *
 * @module
 */
import type { ActivationSpec } from "../activations/activation_spec.ts";
import type { CompiledLoop, LoopFunction, NodeId } from "./scalar_graph.ts";
import { ScalarGraph } from "./scalar_graph.ts";
import { SYMBOLIC_BACKEND, symbolicBackend } from "./symbolic_backend.ts";
import { compileWasmProgram, runChunked, type WasmProgram } from "./wasm_loop.ts";
import { fingerprint } from "./fingerprint.ts";
import { UnsupportedOperationError } from "./unsupported_operation.ts";
import { PRECOMPILED_PROGRAMS } from "./precompiled_programs.ts";
import { tf } from "../tf.ts";

/** The largest finite float32, where infinite inputs are evaluated. */
export const MAX_FLOAT32: number = 3.4028234663852886e38;

/**
 * Where second derivatives are evaluated for larger |x|: ±2^50 (1.1e15). At the default
 * parameters f'' has decayed there below 1e-36 for every activation (∞ for Exponential),
 * and the second backward pass of a formula like 1/(1 + |x|) would overflow to ∞/∞ beyond.
 */
export const SECOND_DERIVATIVE_LIMIT: number = 2 ** 50;

/**
 * An activation compiled once for all its parameter values. One input: reads x, writes
 * [f, f'] (order 2: [f, f', f'']). Two inputs: reads x1, x2, writes the k outputs, then
 * d out_i / d x_j for i < k, j < 2 (row by row). The parameters are the loop's uniforms,
 * in the order of `spec.params` (`params`).
 */
export interface FusedProgram {
  /** the WebAssembly SIMD loop: `run(inputs, outputs, n, uniforms)` */
  readonly run: LoopFunction;
  /** the JavaScript loop (float64 inside), same signature */
  readonly runJs: LoopFunction;
  /** the JavaScript loop's source */
  readonly source: string;
  /** the WebAssembly module (for pages: run it with `runChunked`) */
  readonly wasm: WasmProgram;
  /** number of input arrays (1 or 2) */
  readonly inputs: number;
  /** number of output arrays (2 for one input, 3 with order 2; k + 2k for two) */
  readonly outputs: number;
  /** the parameters, in uniform order */
  readonly params: readonly string[];
}

/** A compiled activation with parameter values bound: `run(inputs, outputs, n)`. */
export interface FusedKernel {
  /** the WebAssembly SIMD loop: `outputs[j][i]` = output j at `inputs[*][i]`, i < n */
  readonly run: CompiledLoop["run"];
  /** the JavaScript loop (float64 inside), same signature */
  readonly runJs: CompiledLoop["run"];
  /** the JavaScript loop's source */
  readonly source: string;
  /** number of input arrays (1 or 2) */
  readonly inputs: number;
  /** number of output arrays (2 for one input, 3 with order 2; k + 2k for two) */
  readonly outputs: number;
  /** the program it runs (shared by every parameter value) */
  readonly program: FusedProgram;
}

// per activation declaration (not per name: a declaration of your own may reuse a
// registry name) and order, the program or why there is none (traced once either way)
const cache = new WeakMap<ActivationSpec, Map<number, FusedProgram | UnsupportedOperationError>>();
let traces = 0;

/**
 * How many programs have been traced and compiled in this process (for tests: one per
 * activation and order, whatever the parameter values).
 *
 * @returns the count
 */
export function fusedProgramsCompiled(): number {
  return traces;
}

/**
 * The fused program of an activation, for every parameter value (traced and compiled on
 * first use, then cached).
 *
 * @param spec a registry entry
 * @param order 1: f and f' (default); 2: f, f' and f'' (one-input functions only)
 * @returns the compiled program
 * @throws {UnsupportedOperationError} If the activation uses an operation the compiler
 *   does not know (the error names it; `activation()` then runs tfjs kernel by kernel).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "../activations/activations.ts";
 * import { fusedProgram } from "./fused_kernel.ts";
 * const program = fusedProgram(getActivation("leaky_relu"));
 * const y = new Float32Array(1), dy = new Float32Array(1);
 * program.run([new Float32Array([-2])], [y, dy], 1, [0.5]); // alpha = 0.5
 * assert.deepEqual([y[0], dy[0]], [-1, 0.5]);
 * ```
 */
export function fusedProgram(spec: ActivationSpec, order: 1 | 2 = 1): FusedProgram {
  checkOrder(spec, order);
  let programs = cache.get(spec);
  if (programs === undefined) cache.set(spec, programs = new Map());
  let program = programs.get(order);
  if (program === undefined) {
    try {
      program = stored(spec, order) ?? instantiate(trace(spec, order));
      traces++;
    } catch (error) {
      if (!(error instanceof UnsupportedOperationError)) throw error;
      program = error;
    }
    programs.set(order, program);
  }
  if (program instanceof UnsupportedOperationError) throw program;
  return program;
}

/**
 * The program of an activation traced and compiled now, never the stored one nor the
 * cache: what `deno task programs` stores, and what the test compares the stored
 * programs with.
 *
 * @internal
 * @param spec a declaration
 * @param order 1 or 2, as {@linkcode fusedProgram}
 * @returns the WebAssembly module compiled from a fresh trace
 * @throws {UnsupportedOperationError} If the compiler does not know an operation.
 * @example
 * ```ts
 * import { getActivation } from "../activations/activations.ts";
 * import { tracedWasm } from "./fused_kernel.ts";
 * console.assert(tracedWasm(getActivation("relu"), 1).outputs === 2);
 * ```
 */
export function tracedWasm(spec: ActivationSpec, order: 1 | 2): WasmProgram {
  checkOrder(spec, order);
  return trace(spec, order).wasm;
}

/**
 * What a compiled program depends on, as a short hash: the declaration (its formula's
 * source, parameter names, inputs and outputs), the order, the compiler's code (the
 * trace, the graph, the symbolic kernels, the scalar operations, the WebAssembly
 * lowering) and the tfjs version. A stored program is used only where its fingerprint is
 * the declaration's.
 *
 * @internal
 * @param spec a declaration
 * @param order 1 or 2
 * @returns 14 hexadecimal digits
 * @example
 * ```ts
 * import { getActivation } from "../activations/activations.ts";
 * import { programFingerprint } from "./fused_kernel.ts";
 * const elu = getActivation("elu");
 * console.assert(programFingerprint(elu, 1) !== programFingerprint({ ...elu, fn: (x) => x }, 1));
 * ```
 */
export function programFingerprint(spec: ActivationSpec, order: 1 | 2): string {
  // this module's own parts of the compiler, with the other modules' (fingerprint.ts)
  return fingerprint(spec, order, [trace, atInfinity, instantiate, stored]);
}

// The stored program of a registry declaration, when its fingerprint matches (order 1).
function stored(spec: ActivationSpec, order: 1 | 2): FusedProgram | undefined {
  const entry = order === 1 && Object.hasOwn(PRECOMPILED_PROGRAMS, spec.name)
    ? PRECOMPILED_PROGRAMS[spec.name]
    : undefined;
  if (!entry || entry.fingerprint !== programFingerprint(spec, order)) return undefined;
  const bytes = Uint8Array.from(atob(entry.wasm), (c) => c.charCodeAt(0));
  const wasm: WasmProgram = {
    bytes,
    inputs: spec.inputs,
    outputs: entry.outputs,
    uniforms: spec.params.length,
  };
  // the JavaScript loop needs the graph: traced only if asked for
  let traced: Traced | undefined;
  return instantiate({
    wasm,
    graph: () => (traced ??= trace(spec, order)).graph(),
    params: spec.params.map((q) => q.name),
  });
}

function checkOrder(spec: ActivationSpec, order: 1 | 2): void {
  if (order === 2 && spec.inputs !== 1) {
    throw new TypeError(`Second derivatives are for one-input activations, not "${spec.name}"`);
  }
}

/**
 * The fused kernel of an activation with resolved parameters: its program
 * ({@linkcode fusedProgram}, shared by every parameter value) with the values bound.
 *
 * @param spec a registry entry
 * @param params its full parameter record (see `resolveParams`)
 * @param order 1: f and f' (default); 2: f, f' and f'' (one-input functions only)
 * @returns the kernel
 * @throws {UnsupportedOperationError} If the activation uses an operation the compiler
 *   does not know (the error names it).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getActivation } from "../activations/activations.ts";
 * import { fusedKernel } from "./fused_kernel.ts";
 * const kernel = fusedKernel(getActivation("relu"), {});
 * const y = new Float32Array(2), dy = new Float32Array(2);
 * kernel.run([new Float32Array([-1, 2])], [y, dy], 2);
 * assert.deepEqual([...y, ...dy], [0, 2, 0, 1]);
 * ```
 */
export function fusedKernel(
  spec: ActivationSpec,
  params: Readonly<Record<string, number>>,
  order: 1 | 2 = 1,
): FusedKernel {
  const program = fusedProgram(spec, order);
  const uniforms = program.params.map((name) => params[name]);
  return {
    run: (xs, os, n) => program.run(xs, os, n, uniforms),
    runJs: (xs, os, n) => program.runJs(xs, os, n, uniforms),
    get source() {
      return program.source;
    },
    inputs: program.inputs,
    outputs: program.outputs,
    program,
  };
}

// Runs the activation and tfjs's autodiff of it once, on the symbolic backend, with a
// single scalar point as input: the graph then holds the program for one point, which
// the loops run for every point. A fresh graph per trace, so programs share no nodes.
function trace(spec: ActivationSpec, order: 1 | 2): Traced {
  const backend = symbolicBackend();
  const graph = new ScalarGraph();
  backend.graph = graph;
  const previous = tf.getBackend();
  let outputs: NodeId[] = [];
  switchBackend(SYMBOLIC_BACKEND);
  try {
    tf.tidy(() => {
      const elems = (t: tf.Tensor) => backend.elems(t);
      // a tfjs tensor over nodes we made (inputs, uniforms), registered with the engine
      // so that tidy and autodiff track it like any other
      const tensor = (shape: number[], nodes: NodeId[]) =>
        tf.engine().makeTensorFromTensorInfo(backend.make(shape, "float32", nodes));
      // the parameters: scalar tensors whose values the loop reads as uniforms
      const params = Object.fromEntries(
        spec.params.map((q, k) => [q.name, tensor([], [graph.uniform(k)])]),
      );
      const f = (u: tf.Tensor) => spec.fn(u, params);
      if (spec.inputs === 1) {
        // ±∞ enters the formulas as ±MAX_FLOAT32 (see the module doc): every formula is
        // written for finite x, and f(±∞) is put back from f and f' at ±MAX below
        const raw = graph.input(0);
        const finite = graph.apply(
          "min",
          graph.apply("max", raw, graph.constant(-MAX_FLOAT32)),
          graph.constant(MAX_FLOAT32),
        );
        const x = tensor([], [finite]);
        // dy = 1: the gradient of a scalar function is its derivative at the point
        const { value, grad } = tf.valueAndGrad(f)(x, tf.onesLike(x));
        const [y] = elems(value), [dy] = elems(grad);
        outputs = [atInfinity(graph, raw, y, dy), dy];
        if (order === 2) {
          // + 0·u: a gradient that does not depend on x (the identity's) still has one
          const slope = (u: tf.Tensor) => tf.add(tf.grad(f)(u, tf.onesLike(u)), tf.mul(u, 0));
          // f'' is traced on x clamped to ±2^50 (SECOND_DERIVATIVE_LIMIT): a second
          // backward pass through 1/(1 + |x|) style formulas would give ∞/∞ beyond
          const limit = graph.constant(SECOND_DERIVATIVE_LIMIT);
          const near = graph.apply(
            "min",
            graph.apply("max", raw, graph.apply("neg", limit)),
            limit,
          );
          const u = tensor([], [near]);
          outputs.push(...elems(tf.grad(slope)(u, tf.onesLike(u))));
        }
      } else {
        // two inputs: the point (x1, x2) as a tensor of shape [2]; the Jacobian row by
        // row, one backward pass per output with a one-hot dy selecting it (tfjs's
        // vector-Jacobian product), the one-hot constants folded away
        const x = tensor([2], [graph.input(0), graph.input(1)]);
        const k = spec.outputs;
        outputs = [...elems(f(x))];
        for (let i = 0; i < k; i++) {
          const oneHot = tf.tensor1d(Array.from({ length: k }, (_, j) => (j === i ? 1 : 0)));
          outputs.push(...elems(tf.grad(f)(x, oneHot)));
        }
      }
    });
  } finally {
    switchBackend(previous);
    backend.graph = new ScalarGraph(); // drop the traced nodes
  }
  // two compilations of one program: the WebAssembly module (float32 SIMD, what runs)
  // now, and the JavaScript loop (float64, readable, the reference in tests) when first
  // asked for, which most programs never are
  const names = spec.params.map((q) => q.name);
  let js: CompiledLoop | undefined;
  const wasm = compileWasmProgram(graph.program(outputs), spec.inputs, outputs, names.length);
  return { wasm, graph: () => (js ??= graph.compile(spec.inputs, outputs, names)), params: names };
}

// A traced program: its WebAssembly module, and its JavaScript loop compiled on demand.
interface Traced {
  readonly wasm: WasmProgram;
  readonly graph: () => CompiledLoop;
  readonly params: readonly string[];
}

// The program's module instantiated on the shared memory, with the JavaScript loop of
// `traced` behind runJs and source.
function instantiate(traced: Traced): FusedProgram {
  const { wasm } = traced;
  memory ??= new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm.bytes), {
    env: { memory },
  });
  const call = instance.exports.run as (...args: number[]) => void;
  const shared = memory;
  return {
    run: (xs, os, n, us = []) => runChunked(call, shared, xs, os, n, us),
    runJs: (xs, os, n, us) => traced.graph().run(xs, os, n, us),
    get source() {
      return traced.graph().source;
    },
    wasm,
    inputs: wasm.inputs,
    outputs: wasm.outputs,
    params: traced.params,
  };
}

// One memory for every program's chunks: runChunked copies each chunk in and out, so
// nothing stays in it between calls, and JavaScript runs one loop at a time. Its size
// is set by the largest call's arrays, not by the number of activations compiled.
let memory: WebAssembly.Memory | undefined;

// f at x = ±∞ from y = f(±MAX) and dy = f'(±MAX): ±∞·sign(dy) where dy is not 0, else y.
// Computed in the loop from the raw input rather than patched afterwards, so pages that
// run the module get the same limits; x·sign(dy) is ±∞ exactly when x is.
function atInfinity(graph: ScalarGraph, x: NodeId, y: NodeId, dy: NodeId): NodeId {
  const infinite = graph.apply("eq", graph.apply("abs", x), graph.constant(Infinity));
  const flat = graph.apply("eq", dy, graph.constant(0));
  const unbounded = graph.apply("mul", x, graph.apply("sign", dy));
  return graph.apply("select", infinite, graph.apply("select", flat, y, unbounded), y);
}

// tfjs's setBackend is async only while a backend initialises; every backend used here
// is initialised already (symbolicBackend() registers a synchronous one), so the switch
// happens before setBackend returns.
function switchBackend(name: string): void {
  void tf.setBackend(name);
  if (tf.getBackend() !== name) {
    throw new Error(`Could not switch the tfjs backend to "${name}" synchronously`);
  }
}
