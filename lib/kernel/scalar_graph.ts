/**
 * Straight-line scalar programs: the nodes a traced activation is made of (inputs, one
 * value per point; uniforms, one value for all points, such as an activation's
 * parameters; constants; scalar operations), built with constant folding, a few
 * algebraic identities (x·1, x+0, −(−x)) and common-subexpression sharing, then compiled
 * to one JavaScript loop over typed arrays. `fused_kernel.ts` fills a graph by running an
 * activation's tfjs forward pass and tfjs autodiff backward pass on the symbolic backend
 * (`symbolic_backend.ts`). Nodes that depend on no input (uniforms and what is computed
 * from them) are loop-invariant: compiled loops compute them once, before the loop.
 *
 * The operations, as JavaScript expressions and their evaluators for folding, are
 * scalar_ops.ts; this module re-exports `SCALAR_OPS`.
 *
 * @module
 */
import { FAST_MATH } from "./fast_math.ts";
import { evaluator, HELPERS, OPS, SCALAR_OPS } from "./scalar_ops.ts";

// the operations' names, where callers look
export { SCALAR_OPS } from "./scalar_ops.ts";

/** A node of a {@linkcode ScalarGraph}: an index into its node list. */
export type NodeId = number;

// Nodes are only ever appended, operands before their users, so a node's id is also a
// valid evaluation order (program() relies on it).
interface Node {
  readonly op: string; // "input", "uniform", "const" or a key of OPS
  readonly args: readonly NodeId[];
  readonly value?: number; // const: the value; input, uniform: its position
}

/**
 * One node of a compiled program: "input" (value = position), "uniform" (value =
 * position), "const" or an operation.
 */
export interface ProgramNode {
  /** the node's id in its graph */
  readonly id: NodeId;
  /** "input", "uniform", "const" or one of {@linkcode SCALAR_OPS} */
  readonly op: string;
  /** operand ids */
  readonly args: readonly NodeId[];
  /** const: the value; input, uniform: its position */
  readonly value?: number;
}

/**
 * A compiled loop: `outputs[j][i]` = output j at the inputs `inputs[*][i]`, for i < n,
 * with `uniforms[k]` the value of uniform k (default none).
 */
export type LoopFunction = (
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  n: number,
  uniforms?: readonly number[],
) => void;

/** A kernel compiled from a graph: reads `n` points of each input, writes each output. */
export interface CompiledLoop {
  /** runs the loop (see {@linkcode LoopFunction}) */
  readonly run: LoopFunction;
  /** the generated JavaScript (for reading, and for tests) */
  readonly source: string;
}

/**
 * The loop-invariant nodes of a program: those that depend on no input (constants,
 * uniforms, and operations on them only).
 *
 * @param program the nodes, operands first
 * @returns their ids
 */
export function invariantNodes(program: readonly ProgramNode[]): Set<NodeId> {
  const invariant = new Set<NodeId>();
  for (const node of program) {
    if (node.op === "input") continue;
    if (node.args.every((a) => invariant.has(a))) invariant.add(node.id);
  }
  return invariant;
}

/**
 * A growing list of scalar nodes with folding, identities and sharing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ScalarGraph } from "./scalar_graph.ts";
 * const g = new ScalarGraph();
 * const x = g.input(0);
 * const y = g.apply("mul", g.apply("exp", x), g.constant(1)); // x·1 folds away
 * const loop = g.compile(1, [y]);
 * const out = new Float32Array(1);
 * loop.run([new Float32Array([0])], [out], 1);
 * assert.equal(out[0], 1);
 * ```
 */
export class ScalarGraph {
  readonly #nodes: Node[] = [];
  readonly #shared = new Map<string, NodeId>();

  /**
   * The node of input `k` (the k-th array passed to the compiled loop).
   *
   * @param k input position
   * @returns its node
   */
  input(k: number): NodeId {
    return this.#add({ op: "input", args: [], value: k });
  }

  /**
   * The node of uniform `k`: one value for every point (the k-th entry of the compiled
   * loop's `uniforms`), e.g. an activation's parameter.
   *
   * @param k uniform position
   * @returns its node
   */
  uniform(k: number): NodeId {
    return this.#add({ op: "uniform", args: [], value: k });
  }

  /**
   * A constant node.
   *
   * @param value any number (NaN, ±Infinity and −0 are kept)
   * @returns its node
   */
  constant(value: number): NodeId {
    return this.#add({ op: "const", args: [], value });
  }

  /**
   * The constant value of a node, or undefined if it is not a constant.
   *
   * @param id a node
   * @returns its value when constant
   */
  constantValue(id: NodeId): number | undefined {
    const node = this.#nodes[id];
    return node.op === "const" ? node.value : undefined;
  }

  /**
   * Applies a scalar operation, folding constants and simple identities.
   *
   * @param op one of {@linkcode SCALAR_OPS}
   * @param args its operands
   * @returns the result's node (possibly an existing node)
   * @throws {RangeError} If `op` is not a known operation.
   */
  apply(op: string, ...args: NodeId[]): NodeId {
    const template = OPS[op];
    if (template === undefined) {
      throw new RangeError(
        `Unknown scalar operation "${op}": expected one of ${SCALAR_OPS.join(", ")}`,
      );
    }
    // Constant folding: tfjs builds many values from numbers alone (the 0.5 and 1 of a
    // gradient, a mask of a constant, the Jacobian's one-hot dy), and every one of
    // them would otherwise be recomputed at every point. Uniforms are not constants:
    // what depends on them is hoisted out of the loop instead (invariantNodes()).
    const values = args.map((a) => this.constantValue(a));
    if (values.every((v) => v !== undefined)) {
      return this.constant(evaluator(op, args.length)(...(values as number[])));
    }
    const simpler = this.#simplify(op, args, values);
    if (simpler !== undefined) return simpler;
    const expanded = this.#expand(op, args[0]);
    if (expanded !== undefined) return expanded;
    return this.#add({ op, args });
  }

  // Functions of an exponential become helpers of that exponential, so that one exp
  // node serves a function and its gradient (expm1 and tfjs's Expm1 gradient e^a;
  // sigmoid, softplus and the sigmoid in softplus's gradient, all of e^-|a|).
  #expand(op: string, a: NodeId): NodeId | undefined {
    const expNegAbs = () => this.apply("exp", this.apply("neg", this.apply("abs", a)));
    switch (op) {
      case "expm1":
        return this.#add({ op: "expm1e", args: [a, this.apply("exp", a)] });
      case "sigmoid":
        return this.#add({ op: "sigmoide", args: [a, expNegAbs()] });
      case "softplus":
        return this.#add({ op: "softpluse", args: [a, expNegAbs()] });
    }
    return undefined;
  }

  // Identities that hold in IEEE arithmetic for every operand up to the sign of a zero
  // (x + 0 keeps −0 where IEEE gives +0; 0 − x gives −0 for x = 0): they remove the
  // multiplications by 1 and additions of 0 that tfjs's gradients are full of (dy = 1
  // starts the backward pass). x·0 is not one of them: ∞·0 = NaN.
  #simplify(op: string, [a, b, c]: NodeId[], [va, vb]: (number | undefined)[]) {
    switch (op) {
      case "add":
        if (vb === 0) return a;
        if (va === 0) return b;
        break;
      case "sub":
        if (vb === 0) return a;
        if (va === 0) return this.apply("neg", b);
        break;
      case "mul":
        if (vb === 1) return a;
        if (va === 1) return b;
        if (vb === -1) return this.apply("neg", a);
        if (va === -1) return this.apply("neg", b);
        break;
      case "div":
        if (vb === 1) return a;
        break;
      case "neg": {
        const node = this.#nodes[a];
        if (node.op === "neg") return node.args[0];
        break;
      }
      case "abs": {
        const node = this.#nodes[a];
        if (node.op === "abs") return a;
        if (node.op === "neg") return this.apply("abs", node.args[0]);
        break;
      }
      case "select":
        if (va !== undefined) return va !== 0 ? b : c;
        if (b === c) return b;
        break;
    }
    return undefined;
  }

  // Common-subexpression sharing: the same operation on the same operands is one node.
  // Backward passes recompute forward values (numerics.ts's custom gradients call
  // exp(x) and sigmoid(x) again on the saved input; tfjs's own gradients rebuild masks
  // such as x > 0): shared, each is computed once per point.
  #add(node: Node): NodeId {
    const key = `${node.op}(${node.args.join(",")})${
      node.value === undefined ? "" : literal(node.value)
    }`;
    const existing = this.#shared.get(key);
    if (existing !== undefined) return existing;
    this.#nodes.push(node);
    const id = this.#nodes.length - 1;
    this.#shared.set(key, id);
    return id;
  }

  /**
   * The nodes the outputs depend on, in evaluation order (operands first).
   *
   * @param outputs the nodes to compute
   * @returns one entry per needed node, constants included
   */
  program(outputs: readonly NodeId[]): ProgramNode[] {
    // only what the outputs need (the trace also records forward values no output
    // reads, and folded nodes that became constants), in id order: operands first
    const live = new Set<NodeId>();
    const visit = (id: NodeId) => {
      if (live.has(id)) return;
      live.add(id);
      for (const a of this.#nodes[id].args) visit(a);
    };
    outputs.forEach(visit);
    return [...live].sort((a, b) => a - b).map((id) => ({ id, ...this.#nodes[id] }));
  }

  /**
   * Compiles the nodes the outputs depend on into one JavaScript loop over typed arrays
   * (values computed in float64, stored as float32; a NaN input gives NaN outputs).
   *
   * @param inputs number of input arrays the loop reads
   * @param outputs the node of each output array, in order
   * @param uniformNames names of the uniforms, for the source (default u0, u1, …)
   * @returns the loop and its source
   */
  compile(
    inputs: number,
    outputs: readonly NodeId[],
    uniformNames: readonly string[] = [],
  ): CompiledLoop {
    const program = this.program(outputs);
    const byId = new Map(program.map((node) => [node.id, node]));
    const name = (id: NodeId): string => {
      const node = byId.get(id) as ProgramNode;
      return node.op === "const" ? literal(node.value as number) : `t${id}`;
    };
    const invariant = invariantNodes(program);
    const before: string[] = [], body: string[] = [];
    for (const node of program) {
      if (node.op === "const") continue;
      const expr = node.op === "input"
        ? `X${node.value}[i]`
        : node.op === "uniform"
        ? `us[${node.value}]`
        : OPS[node.op](...node.args.map(name));
      const note = node.op === "uniform"
        ? ` // ${uniformNames[node.value as number] ?? `u${node.value}`}`
        : "";
      // uniforms and what depends only on them: once per call, before the loop
      if (invariant.has(node.id)) before.push(`  const t${node.id} = ${expr};${note}`);
      else body.push(`    const t${node.id} = ${expr};`);
    }
    const ins = Array.from({ length: inputs }, (_, k) => `X${k} = xs[${k}]`);
    const outs = outputs.map((_, j) => `O${j} = os[${j}]`);
    // A NaN input is passed through to every output: the library promises NaN in, NaN
    // out, while masks would turn NaN into a number (relu'(NaN) is step(NaN) = 0 here,
    // a where() picks a branch). One test per point is cheaper than NaN-aware operations.
    const inputNames = program.filter((n) => n.op === "input").map((n) => `t${n.id}`);
    const nan = inputNames.map((t) => `${t} !== ${t}`).join(" || ") || "false";
    const store = (id: NodeId, j: number) =>
      inputNames.length === 0
        ? `    O${j}[i] = ${name(id)};`
        : `    O${j}[i] = nan ? NaN : ${name(id)};`;
    const source = [
      `const { ${HELPERS.join(", ")} } = H;`,
      `return function fusedLoop(xs, os, n, us = []) {`,
      `  const ${[...ins, ...outs].join(", ")};`,
      ...before,
      `  for (let i = 0; i < n; i++) {`,
      ...body,
      ...(inputNames.length === 0 ? [] : [`    const nan = ${nan};`]),
      ...outputs.map(store),
      `  }`,
      `};`,
    ].join("\n");
    const run = new Function("H", source)(FAST_MATH) as CompiledLoop["run"];
    return { run, source };
  }
}

// A JavaScript literal for any number, parenthesized when negative.
function literal(v: number): string {
  if (Object.is(v, -0)) return "(-0)";
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}
