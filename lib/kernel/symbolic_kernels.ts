/**
 * The symbolic backend's kernels. Every kernel here builds nodes instead of numbers,
 * element by element. Element-wise kernels map to one scalar operation each (UNARY,
 * BINARY, COMPARE); shape kernels only rearrange node lists. Nothing is computed here:
 * ScalarGraph.apply folds constants (the 2 in tf.mul(x, 2), a mask tfjs built from
 * constants) and shares repeated nodes. symbolic_backend.ts registers them.
 *
 * @internal
 * @module
 */
import type { NodeId } from "./scalar_graph.ts";
import type { Info, SymbolicBackend } from "./symbolic_backend.ts";
import { tf } from "../tf.ts";

type Attrs = Record<string, unknown>;

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
// scalar_ops.ts's OPS and its SIMD form in wasm_ops.ts's LOWER.
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

/**
 * @internal The kernel table: tfjs kernel name → the function that builds its nodes, for
 * every kernel the symbolic backend implements.
 *
 * @returns A fresh table.
 *
 * @example
 * ```ts
 * import { kernels } from "./symbolic_kernels.ts";
 * const table = kernels();
 * console.assert("Relu" in table && "Sum" in table && !("Atan" in table));
 * ```
 */
export function kernels(): Record<string, (args: KernelArgs) => Info | Info[]> {
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
