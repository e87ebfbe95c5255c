/**
 * A TensorFlow.js backend whose tensors hold scalar expressions instead of numbers:
 * every element is a node of a {@linkcode ScalarGraph}. Running an activation and tfjs's
 * own autodiff (`tf.valueAndGrad`, custom gradients included) on it records the exact
 * kernels tfjs would run, forward and backward, as one straight-line scalar program
 * that `fused_kernel.ts` compiles. Only element-wise kernels and the few shape kernels
 * the registry uses (reshape, transpose, pack/unpack, sum) are implemented; any other
 * kernel fails the trace with an {@linkcode UnsupportedOperationError} naming it.
 *
 * Why a tfjs backend and not a tracer of our own: tfjs's autodiff decides which kernels a
 * gradient runs (custom gradients, `tf.where`'s masks, the kink conventions of Relu6 or
 * Maximum). Running that very autodiff on a backend that records instead of computing
 * gives the compiler exactly the program tfjs would run, so the fused loop and
 * `tfjsActivation()` differentiate the same way by construction.
 *
 * Tensors here are tiny: the trace runs on a scalar (or the pair x1, x2), so a "tensor"
 * is one node per element, and broadcasting, transposes and sums are bookkeeping over
 * node lists done once at trace time; none of it survives into the loop.
 *
 * The kernels, what each tfjs kernel records, are symbolic_kernels.ts; this module
 * registers them, and fails every other kernel by name.
 *
 * @module
 */
import { type NodeId, ScalarGraph } from "./scalar_graph.ts";
import { UnsupportedOperationError } from "./unsupported_operation.ts";
import { kernels } from "./symbolic_kernels.ts";
import { tf } from "../tf.ts";

/** The name the symbolic backend is registered under. */
export const SYMBOLIC_BACKEND = "symbolic";

// What the backend stores per tensor: its nodes, row-major, and the reference count
// tfjs maintains through incRef / disposeData (tf.tidy and customGrad's saved tensors
// share data, so a data id may outlive the tensor that made it).
interface Entry {
  shape: number[];
  dtype: tf.DataType;
  elems: NodeId[];
  refs: number;
}

/** @internal tfjs's description of a tensor: its data id, shape and dtype. */
export type Info = tf.TensorInfo;

/** @internal The backend: tensor data are arrays of graph nodes (row-major, like tfjs). */
export class SymbolicBackend extends tf.KernelBackend {
  // the graph being filled; fused_kernel.ts sets a fresh one per trace and drops it after
  graph = new ScalarGraph();
  // tfjs identifies tensor data by object identity (its "dataId"): any fresh {} will do
  readonly #data = new Map<object, Entry>();

  /**
   * A tensor of the given nodes (what kernels return, and how the tracer makes inputs).
   *
   * @param shape its shape
   * @param dtype its dtype (bool for comparisons: tfjs checks it, the nodes are 0/1)
   * @param elems one node per element, row-major
   * @returns tfjs's description of it
   */
  make(shape: number[], dtype: tf.DataType, elems: NodeId[]): Info {
    const dataId = {};
    this.#data.set(dataId, { shape, dtype, elems, refs: 1 });
    return { dataId, shape, dtype };
  }

  /**
   * The nodes of a tensor.
   *
   * @param info a tensor of this backend
   * @returns one node per element, row-major
   */
  elems(info: Info): NodeId[] {
    const entry = this.#data.get(info.dataId);
    if (entry === undefined) throw new Error("Symbolic backend: tensor data not found");
    return entry.elems;
  }

  // tfjs writes numbers (constants such as the 2 in tf.mul(x, 2)) as constant nodes
  #constants(values: unknown): NodeId[] {
    return Array.from(values as ArrayLike<number | boolean>, (v) => this.graph.constant(+v));
  }

  override write(values: unknown, shape: number[], dtype: tf.DataType): object {
    return this.make(shape, dtype, this.#constants(values)).dataId;
  }

  override move(dataId: object, values: unknown, shape: number[], dtype: tf.DataType): void {
    this.#data.set(dataId, { shape, dtype, elems: this.#constants(values), refs: 1 });
  }

  // A value read back (dataSync, arraySync) is there while it is a constant; once it
  // depends on x or a parameter there is no number to give.
  override readSync(dataId: object): Float32Array {
    const entry = this.#data.get(dataId);
    const values = entry?.elems.map((e) => this.graph.constantValue(e));
    if (values === undefined || values.some((v) => v === undefined)) {
      // an activation that branches on its input's values in JavaScript has no program
      throw new UnsupportedOperationError("dataSync", "reading a traced tensor's values");
    }
    return Float32Array.from(values as number[]);
  }

  override read(dataId: object): Promise<Float32Array> {
    return Promise.resolve(this.readSync(dataId));
  }

  override disposeData(dataId: object, force = false): boolean {
    const entry = this.#data.get(dataId);
    if (entry === undefined) return true;
    entry.refs--;
    if (force || entry.refs <= 0) {
      this.#data.delete(dataId);
      return true;
    }
    return false;
  }

  override refCount(dataId: object): number {
    return this.#data.get(dataId)?.refs ?? 0;
  }

  override incRef(dataId: object): void {
    const entry = this.#data.get(dataId);
    if (entry !== undefined) entry.refs++;
  }

  override numDataIds(): number {
    return this.#data.size;
  }

  // nothing is allocated per element, so there is no byte count to report
  override memory(): { unreliable: boolean } {
    return { unreliable: true };
  }

  // tfjs derives its epsilon from the backend's precision: answer as the wasm and cpu
  // backends do, so the recorded program is the one they run
  override floatPrecision(): 32 {
    return 32;
  }

  override time(f: () => void): Promise<{ kernelMs: number }> {
    const start = performance.now();
    f();
    return Promise.resolve({ kernelMs: performance.now() - start });
  }

  override dispose(): void {
    this.#data.clear();
  }
}

// one backend for the process: tfjs keys backends by name, and the kernels registered
// for "symbolic" close over nothing but the backend they are handed
let instance: SymbolicBackend | undefined;

/**
 * The symbolic backend, registered with tfjs on first use (never chosen by tfjs on its
 * own: its priority, -1, is below every real backend's, so `tf.ready()` and tfjs's
 * automatic choice never land on it).
 *
 * @returns the backend instance
 */
export function symbolicBackend(): SymbolicBackend {
  if (instance === undefined) {
    const backend = new SymbolicBackend();
    tf.registerBackend(SYMBOLIC_BACKEND, () => backend, -1);
    registerKernels();
    instance = backend;
  }
  return instance;
}

function registerKernels(): void {
  const table = kernels();
  for (const [kernelName, kernelFunc] of Object.entries(table)) {
    tf.registerKernel({
      kernelName,
      backendName: SYMBOLIC_BACKEND,
      kernelFunc: kernelFunc as unknown as tf.KernelFunc,
    });
  }
  // Every other kernel a real backend has fails the trace with an error that names it,
  // which the library recognises (and falls back to tfjs for), rather than tfjs's own
  // "Kernel 'Atan' not registered" message, which it would have to parse.
  const missing = new Set<string>();
  for (const backend of tf.engine().backendNames()) {
    if (backend === SYMBOLIC_BACKEND) continue;
    for (const { kernelName } of tf.getKernelsForBackend(backend)) {
      if (!(kernelName in table)) missing.add(kernelName);
    }
  }
  for (const kernelName of missing) {
    tf.registerKernel({
      kernelName,
      backendName: SYMBOLIC_BACKEND,
      kernelFunc: () => {
        throw new UnsupportedOperationError(kernelName, `the tfjs kernel "${kernelName}"`);
      },
    });
  }
}
