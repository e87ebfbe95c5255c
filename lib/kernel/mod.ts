/**
 * The fused compiler behind `activation()`: an activation's tfjs function and tfjs's
 * autodiff of it run once on a symbolic backend that records every forward and gradient
 * kernel as a scalar program, which is compiled into one WebAssembly SIMD loop in float32
 * (and into a JavaScript loop, readable and the reference). An activation using an operation
 * it does not know raises {@linkcode UnsupportedOperationError} naming it, and the library
 * computes that activation with TensorFlow.js kernel by kernel instead.
 *
 * @example The fused kernel of ReLU
 * ```ts
 * import { getActivation } from "../activations/mod.ts";
 * import { fusedKernel } from "./mod.ts";
 * const kernel = fusedKernel(getActivation("relu"), {});
 * const y = new Float32Array(2), dy = new Float32Array(2);
 * kernel.run([new Float32Array([-1, 2])], [y, dy], 2);
 * console.assert(y[1] === 2 && dy[0] === 0 && kernel.source.length > 0);
 * ```
 *
 * @module
 */
export {
  type FusedKernel,
  fusedKernel,
  type FusedProgram,
  fusedProgram,
  fusedProgramsCompiled,
  MAX_FLOAT32,
  SECOND_DERIVATIVE_LIMIT,
} from "./fused_kernel.ts";
export {
  type CompiledLoop,
  invariantNodes,
  type LoopFunction,
  type NodeId,
  type ProgramNode,
  SCALAR_OPS,
  ScalarGraph,
} from "./scalar_graph.ts";
export { SYMBOLIC_BACKEND } from "./symbolic_backend.ts";
export { UnsupportedOperationError } from "./unsupported_operation.ts";
export {
  compileWasmLoop,
  compileWasmProgram,
  runChunked,
  type WasmProgram,
  type WasmRun,
} from "./wasm_loop.ts";
export { WASM_OPS } from "./wasm_ops.ts";
export type {
  ActivationParam,
  ActivationSpec,
  ParamDomain,
  ParamSpec,
  ParamValues,
  TrainingBehaviour,
  ViewHints,
} from "../activations/activation_spec.ts";
