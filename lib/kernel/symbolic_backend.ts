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
 * @module
 */
import { type NodeId, ScalarGraph } from "./scalar_graph.ts";
import { UnsupportedOperationError } from "./unsupported_operation.ts";
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

type Info = tf.TensorInfo;
type Attrs = Record<string, unknown>;

/** The backend: tensor data are arrays of graph nodes (row-major, like tfjs). */
class SymbolicBackend extends tf.KernelBackend {
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

// ---- kernels ----
//
// Every kernel below builds nodes instead of numbers, element by element. Element-wise
// kernels map to one scalar operation each (UNARY, BINARY, COMPARE); shape kernels only
// rearrange node lists. Nothing is computed here: ScalarGraph.apply folds constants (the
// 2 in tf.mul(x, 2), a mask tfjs built from constants) and shares repeated nodes.

function backendOf(args: { backend: unknown }): SymbolicBackend {
  return args.backend as SymbolicBackend;
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = s[d + 1] * shape[d + 1];
  return s;
}

// Element index in `shape` (aligned right, size-1 axes broadcast) for a multi-index of
// `out`: numpy broadcasting, as tfjs applies it, so a scalar parameter (a uniform) meets
// every element of x.
function broadcastIndex(index: number[], shape: readonly number[], out: readonly number[]) {
  const st = strides(shape);
  let flat = 0;
  for (let d = 0; d < shape.length; d++) {
    const o = index[d + out.length - shape.length];
    flat += (shape[d] === 1 ? 0 : o) * st[d];
  }
  return flat;
}

function multiIndex(flat: number, shape: readonly number[]): number[] {
  const st = strides(shape);
  return shape.map((_, d) => Math.floor(flat / st[d]) % shape[d]);
}

// An element-wise kernel of any arity with broadcasting; `extra` adds constant operands
// from the kernel's attributes (Step's alpha), which the scalar operation takes last.
function elementwise(op: string, outDtype?: tf.DataType, extra?: (attrs: Attrs) => number[]) {
  return (args: { inputs: Record<string, Info>; attrs?: Attrs; backend: unknown }) => {
    const b = backendOf(args);
    const inputs = Object.values(args.inputs);
    let shape: number[] = [];
    for (const t of inputs) {
      shape = tf.backend_util.assertAndGetBroadcastShape(shape, t.shape) as number[];
    }
    const constants = (extra?.(args.attrs ?? {}) ?? []).map((v) => b.graph.constant(v));
    const sources = inputs.map((t) => b.elems(t));
    const elems = Array.from({ length: size(shape) }, (_, i) => {
      const index = multiIndex(i, shape);
      const operands = inputs.map((t, k) => sources[k][broadcastIndex(index, t.shape, shape)]);
      return b.graph.apply(op, ...operands, ...constants);
    });
    return b.make(shape, outDtype ?? inputs[inputs.length - 1].dtype, elems);
  };
}

// A kernel that rearranges elements: `pick` maps each output's flat index to an input's.
// No node is made: a reshape or a transpose costs nothing in the loop.
function rearrange(
  args: { inputs: Record<string, Info>; backend: unknown },
  x: Info,
  shape: number[],
  pick: (i: number) => number,
): Info {
  const b = backendOf(args);
  const src = b.elems(x);
  return b.make(shape, x.dtype, Array.from({ length: size(shape) }, (_, i) => src[pick(i)]));
}

type KernelArgs = { inputs: Record<string, Info>; attrs?: Attrs; backend: unknown };

// The kernel table: tfjs kernel name → scalar operation of scalar_graph.ts. The names are
// tfjs's (`tf.engine().runKernel` is called with them); the list is what the registry's
// formulas and their gradients use, not every element-wise kernel tfjs has. A kernel
// missing here fails the trace by name (see registerKernels), and the activation falls
// back to tfjs kernel by kernel: adding one is a line here, its JavaScript form in
// scalar_graph.ts's OPS and its SIMD form in wasm_ops.ts's LOWER.
const UNARY: Record<string, string> = {
  Abs: "abs",
  Neg: "neg",
  Exp: "exp",
  Expm1: "expm1",
  Log: "log",
  Log1p: "log1p",
  Sqrt: "sqrt",
  Square: "square",
  Reciprocal: "reciprocal",
  Sigmoid: "sigmoid",
  Softplus: "softplus",
  Tanh: "tanh",
  Relu: "relu",
  Relu6: "relu6",
  Round: "round",
  Sign: "sign",
};

const BINARY: Record<string, string> = {
  Add: "add",
  Sub: "sub",
  Multiply: "mul",
  RealDiv: "div",
  Maximum: "max",
  Minimum: "min",
};

// comparisons give bool tensors in tfjs; their nodes hold 1 or 0, which is what tfjs's
// Cast to float32 (a mask in a gradient) then reads
const COMPARE: Record<string, string> = {
  GreaterEqual: "ge",
  Greater: "gt",
  LessEqual: "le",
  Less: "lt",
  Equal: "eq",
};

function kernels(): Record<string, (args: KernelArgs) => Info | Info[]> {
  const table: Record<string, (args: KernelArgs) => Info | Info[]> = {};
  for (const [name, op] of Object.entries(UNARY)) table[name] = elementwise(op);
  for (const [name, op] of Object.entries(BINARY)) table[name] = elementwise(op);
  for (const [name, op] of Object.entries(COMPARE)) table[name] = elementwise(op, "bool");
  table.LogicalNot = elementwise("not", "bool");
  table.Step = elementwise("step", undefined, (a) => [Number(a.alpha ?? 0)]);
  // tf.where: the inputs rebuilt in select's operand order (condition, then, else),
  // whatever order tfjs built its inputs object in
  table.Select = (args) => {
    const { condition, t, e } = args.inputs;
    return elementwise("select", t.dtype)({ ...args, inputs: { condition, t, e } });
  };
  // int32 truncates, bool tests for non-zero; to float32 the nodes stay as they are
  // (bool nodes already hold 1 or 0)
  table.Cast = (args) => {
    const x = args.inputs.x;
    const dtype = args.attrs?.dtype as tf.DataType;
    if (dtype === "int32") return elementwise("trunc", "int32")(args);
    if (dtype === "bool") return elementwise("bool", "bool")(args);
    return rearrange(args, { ...x, dtype }, [...x.shape], (i) => i);
  };
  table.Identity = (args) => rearrange(args, args.inputs.x, [...args.inputs.x.shape], (i) => i);
  // tf.addN: a sum of several tensors, node by node
  table.AddN = (args) => {
    const b = backendOf(args);
    const ts = Object.values(args.inputs);
    const lists = ts.map((t) => b.elems(t));
    const elems = lists[0].map((first, i) =>
      lists.slice(1).reduce((sum, l) => b.graph.apply("add", sum, l[i]), first)
    );
    return b.make([...ts[0].shape], ts[0].dtype, elems);
  };
  // one constant node shared by every element
  const fill = (args: KernelArgs, value: number, shape: number[], dtype: tf.DataType) => {
    const b = backendOf(args);
    const c = b.graph.constant(value);
    return b.make(shape, dtype, new Array<NodeId>(size(shape)).fill(c));
  };
  table.ZerosLike = (args) => fill(args, 0, [...args.inputs.x.shape], args.inputs.x.dtype);
  table.OnesLike = (args) => fill(args, 1, [...args.inputs.x.shape], args.inputs.x.dtype);
  table.Fill = (args) => {
    const a = args.attrs ?? {};
    return fill(
      args,
      Number(a.value),
      [...(a.shape as number[])],
      (a.dtype ?? "float32") as tf.DataType,
    );
  };
  table.Reshape = (args) => {
    const x = args.inputs.x;
    const shape = tf.util.inferFromImplicitShape(
      [...(args.attrs?.shape as number[])],
      size(x.shape),
    );
    return rearrange(args, x, shape, (i) => i);
  };
  table.ExpandDims = (args) => {
    const x = args.inputs.input;
    let dim = Number(args.attrs?.dim ?? 0);
    if (dim < 0) dim += x.shape.length + 1;
    const shape = [...x.shape];
    shape.splice(dim, 0, 1);
    return rearrange(args, x, shape, (i) => i);
  };
  table.Transpose = (args) => {
    const x = args.inputs.x;
    const perm = args.attrs?.perm as number[];
    const shape = perm.map((p) => x.shape[p]);
    const inStrides = strides(x.shape);
    return rearrange(args, x, shape, (i) => {
      const index = multiIndex(i, shape);
      return index.reduce((flat, o, k) => flat + o * inStrides[perm[k]], 0);
    });
  };
  // unstack / stack: how two-input activations split [..., 2] into x1 and x2 and put
  // their outputs back (numerics.ts's unstackLast, stackLast)
  table.Unpack = (args) => {
    const x = args.inputs.value;
    let axis = Number(args.attrs?.axis ?? 0);
    if (axis < 0) axis += x.shape.length;
    const shape = x.shape.filter((_, d) => d !== axis);
    const inStrides = strides(x.shape);
    return Array.from({ length: x.shape[axis] }, (_, j) =>
      rearrange(args, x, shape, (i) => {
        const index = multiIndex(i, shape);
        index.splice(axis, 0, j);
        return index.reduce((flat, o, d) => flat + o * inStrides[d], 0);
      }));
  };
  table.Pack = (args) => {
    const b = backendOf(args);
    const ts = Object.values(args.inputs);
    let axis = Number(args.attrs?.axis ?? 0);
    if (axis < 0) axis += ts[0].shape.length + 1;
    const shape = [...ts[0].shape];
    shape.splice(axis, 0, ts.length);
    const lists = ts.map((t) => b.elems(t));
    const partStrides = strides(ts[0].shape);
    const elems = Array.from({ length: size(shape) }, (_, i) => {
      const index = multiIndex(i, shape);
      const [j] = index.splice(axis, 1);
      return lists[j][index.reduce((flat, o, d) => flat + o * partStrides[d], 0)];
    });
    return b.make(shape, ts[0].dtype, elems);
  };
  // a sum over axes, as additions of nodes: softmax's normaliser, and the gradient of a
  // broadcast operand (tfjs sums dy over the broadcast axes)
  table.Sum = (args) => {
    const b = backendOf(args);
    const x = args.inputs.x;
    const axes = tf.util.parseAxisParam(args.attrs?.axis as number | number[], x.shape);
    const keep = Boolean(args.attrs?.keepDims);
    const outShape = x.shape.map((s, d) => (axes.includes(d) ? 1 : s));
    const src = b.elems(x);
    const acc = new Array<NodeId | undefined>(size(outShape)).fill(undefined);
    const outStrides = strides(outShape);
    src.forEach((e, i) => {
      const index = multiIndex(i, x.shape);
      const o = index.reduce((flat, v, d) => flat + (axes.includes(d) ? 0 : v) * outStrides[d], 0);
      acc[o] = acc[o] === undefined ? e : b.graph.apply("add", acc[o] as NodeId, e);
    });
    const shape = keep ? outShape : x.shape.filter((_, d) => !axes.includes(d));
    const zero = b.graph.constant(0);
    return b.make(shape, x.dtype, acc.map((e) => e ?? zero));
  };
  return table;
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
