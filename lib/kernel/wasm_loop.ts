/**
 * Compiles a scalar program (`ScalarGraph.program()`) to a WebAssembly SIMD loop over
 * float32 in `f32x4` lanes, sixteen points per step (4x unrolled) — float32 arithmetic
 * like tfjs's own kernels, with exp, expm1 and log1p expanded inline (Cephes-style range
 * reduction and polynomials, within 2 float32 ulps; tested in `wasm_loop_test.ts`). A NaN
 * input gives NaN in every output. Inputs and outputs pass through one WebAssembly memory
 * in chunks of 2^16 points.
 *
 * @module
 */
import type { NodeId, ProgramNode } from "./scalar_graph.ts";

/** The loop: `outputs[j][i]` = output j at the inputs `inputs[*][i]`, for i < n. */
export type WasmRun = (
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  n: number,
) => void;

// ---- binary encoding ----

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
}

// SIMD opcodes (prefix 0xfd), from the WebAssembly SIMD specification; lanes are f32x4
// unless named i32
const SIMD = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
  eq: 0x41,
  ne: 0x42,
  lt: 0x43,
  gt: 0x44,
  le: 0x45,
  ge: 0x46,
  and: 0x4e,
  or: 0x50,
  bitselect: 0x52,
  floor: 0x68,
  trunc: 0x69,
  nearest: 0x6a,
  i32Shl: 0xab,
  i32ShrU: 0xad,
  i32Add: 0xae,
  abs: 0xe0,
  neg: 0xe1,
  sqrt: 0xe3,
  add: 0xe4,
  sub: 0xe5,
  mul: 0xe6,
  div: 0xe7,
  pmin: 0xea,
  pmax: 0xeb,
  convertI32: 0xfa,
} as const;

const I32 = 0x7f, V128 = 0x7b;

// ---- code generation ----

/** An expression: appends the instructions that leave one v128 on the stack. */
type Expr = (code: Code) => void;

class Code {
  readonly bytes: number[] = [];
  #next: number;
  count = 0; // v128 locals allocated
  // loop-invariant v128 constants, each set once before the loop: 16 bytes → local
  readonly constants = new Map<string, number>();

  constructor(firstLocal: number) {
    this.#next = firstLocal;
  }
  constant(bytes: Uint8Array): this {
    const key = bytes.join(",");
    let local = this.constants.get(key);
    if (local === undefined) {
      local = this.local();
      this.constants.set(key, local);
    }
    return this.get(local);
  }
  // v128.const + local.set for every constant used
  prelude(): number[] {
    const out: number[] = [];
    for (const [key, local] of this.constants) {
      out.push(0xfd, ...uleb(SIMD.const), ...key.split(",").map(Number), 0x21, ...uleb(local));
    }
    return out;
  }
  local(): number {
    this.count++;
    return this.#next++;
  }
  simd(op: number, ...imm: number[]): this {
    this.bytes.push(0xfd, ...uleb(op), ...imm);
    return this;
  }
  get(local: number): this {
    this.bytes.push(0x20, ...uleb(local));
    return this;
  }
  set(local: number): this {
    this.bytes.push(0x21, ...uleb(local));
    return this;
  }
  raw(...bytes: number[]): this {
    this.bytes.push(...bytes);
    return this;
  }
}

// v128 constants: four float32 lanes, or four int32 lanes
function f32s(v: number): Expr {
  const b = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
  return (c) => c.constant(b);
}
function i32s(v: number): Expr {
  const b = new Uint8Array(new Int32Array([v, v, v, v]).buffer);
  return (c) => c.constant(b);
}

const op = (code: number, ...args: Expr[]): Expr => (c) => {
  for (const a of args) a(c);
  c.simd(code);
};
const shift = (code: number, a: Expr, bits: number): Expr => (c) => {
  a(c);
  c.raw(0x41, ...sleb(bits)).simd(code);
};
const add = (a: Expr, b: Expr) => op(SIMD.add, a, b);
const sub = (a: Expr, b: Expr) => op(SIMD.sub, a, b);
const mul = (a: Expr, b: Expr) => op(SIMD.mul, a, b);
const div = (a: Expr, b: Expr) => op(SIMD.div, a, b);
const bitselect = (a: Expr, b: Expr, mask: Expr) => op(SIMD.bitselect, a, b, mask);
const asNumber = (mask: Expr) => op(SIMD.and, mask, f32s(1)); // all-ones lane → 1, else 0
const ZERO = f32s(0), ONE = f32s(1);

// Evaluates e once into a fresh local; `use` builds the result from reads of it.
function bind(e: Expr, use: (v: Expr) => Expr): Expr {
  return (c) => {
    const local = c.local();
    e(c);
    c.set(local);
    use((c2) => c2.get(local))(c);
  };
}

// Polynomial c0 + c1 x + … by Estrin's scheme, (c0 + c1 x) + x² (c2 + c3 x) + …: a short
// dependency chain where Horner's rule would be latency-bound.
function poly(x: Expr, coeffs: readonly number[]): Expr {
  return bind(x, (xv) => {
    let terms: Expr[] = [];
    for (let k = 0; k < coeffs.length; k += 2) {
      terms.push(
        k + 1 < coeffs.length
          ? add(f32s(coeffs[k]), mul(xv, f32s(coeffs[k + 1])))
          : f32s(coeffs[k]),
      );
    }
    let power: Expr = mul(xv, xv);
    while (terms.length > 1) {
      const p = power;
      const next: Expr[] = [];
      for (let k = 0; k < terms.length; k += 2) {
        next.push(k + 1 < terms.length ? add(terms[k], mul(p, terms[k + 1])) : terms[k]);
      }
      terms = next;
      if (terms.length > 1) power = mul(p, p);
    }
    return terms[0];
  });
}

// 2^k for integer-valued k in [-126, 127]: k + 1.5·2^23 holds k in its low bits; shifted
// into the exponent field and added to the bits of 1.0 it gives 2^k.
function pow2(k: Expr): Expr {
  return op(SIMD.i32Add, shift(SIMD.i32Shl, add(k, f32s(12582912)), 23), i32s(0x3f800000));
}

// e^x (Cephes expf): n = round(x / ln 2), r = x − n ln 2 in two parts (|r| <= 0.347),
// e^r = 1 + r + r² P(r) with P of degree 5, 2^n as 2^⌊n/2⌋ · 2^(n−⌊n/2⌋) so that both
// factors are normal. x is clamped to [-104, 89] (e^x is 0 or ∞ in float32 beyond).
function exp(x: Expr): Expr {
  return bind(
    op(SIMD.pmin, op(SIMD.pmax, x, f32s(-104)), f32s(89)),
    (xc) =>
      bind(
        op(SIMD.nearest, mul(xc, f32s(Math.LOG2E))),
        (n) =>
          bind(sub(sub(xc, mul(n, f32s(0.693359375))), mul(n, f32s(-2.12194440e-4))), (r) =>
            bind(op(SIMD.floor, mul(n, f32s(0.5))), (h) => {
              const p = add(
                add(ONE, r),
                mul(
                  mul(r, r),
                  poly(r, [
                    5.0000001201e-1,
                    1.6666665459e-1,
                    4.1665795894e-2,
                    8.3334519073e-3,
                    1.3981999507e-3,
                    1.9875691500e-4,
                  ]),
                ),
              );
              return mul(mul(p, pow2(h)), pow2(sub(n, h)));
            })),
      ),
  );
}

// expm1(a) given e = e^a: a + a² Q(a), Q the Taylor series to a^8 (error < 3e-8 of the
// result), for |a| < 1, where e − 1 would cancel; e − 1 elsewhere (at most 1.6x e's error).
const EXPM1_Q = Array.from({ length: 9 }, (_, k) => {
  let f = 1;
  for (let j = 2; j <= k + 2; j++) f *= j;
  return 1 / f;
});
function expm1FromExp(a: Expr, e: Expr): Expr {
  return bind(a, (av) =>
    bitselect(
      add(av, mul(mul(av, av), poly(av, EXPM1_Q))),
      sub(e, ONE),
      op(SIMD.lt, op(SIMD.abs, av), ONE),
    ));
}

// ln 2 in two parts: e · LN2_HI is exact for |e| < 2^9
const LN2_HI = 0.693359375, LN2_LO = -2.12194440e-4;

// log1p(x) for x > −1 (fdlibm's log1pf): u = 1 + x = m · 2^e with m in [√½, √2),
// f = m − 1, s = f/(2 + f), log m = f − (f²/2 − s (f²/2 + R(s²))), so that the leading
// f is exact; then the rounding error of 1 + x corrected: − ((u − 1) − x)/u.
function log1p(x: Expr): Expr {
  return bind(x, (xv) =>
    bind(add(ONE, xv), (u) =>
      bind(
        op(SIMD.or, op(SIMD.and, u, i32s(0x007fffff)), i32s(0x3f800000)), // m0 in [1, 2)
        (m0) =>
          bind(op(SIMD.gt, m0, f32s(Math.SQRT2)), (big) =>
            bind(
              add(
                op(SIMD.convertI32, sub32(shift(SIMD.i32ShrU, u, 23), 127)),
                asNumber(big),
              ),
              (e) =>
                bind(sub(bitselect(mul(m0, f32s(0.5)), m0, big), ONE), (f) =>
                  bind(mul(mul(f32s(0.5), f), f), (hfsq) =>
                    bind(div(f, add(f32s(2), f)), (s) =>
                      bind(mul(s, s), (z) => {
                        const r = mul(z, poly(z, [2 / 3, 2 / 5, 2 / 7, 2 / 9]));
                        const correction = div(sub(sub(u, ONE), xv), u);
                        const tail = add(
                          mul(s, add(hfsq, r)),
                          sub(mul(e, f32s(LN2_LO)), correction),
                        );
                        const value = add(mul(e, f32s(LN2_HI)), sub(f, sub(hfsq, tail)));
                        // the edges: log1p(−1) = −∞, log1p(∞) = ∞, NaN below −1
                        return bitselect(
                          f32s(NaN),
                          bitselect(
                            f32s(-Infinity),
                            bitselect(xv, value, op(SIMD.eq, xv, f32s(Infinity))),
                            op(SIMD.eq, u, ZERO),
                          ),
                          op(SIMD.lt, xv, f32s(-1)),
                        );
                      })))),
            )),
      )));
}

function sub32(a: Expr, k: number): Expr {
  return op(SIMD.i32Add, a, i32s(-k));
}

// e^-|a| and the functions of it, as ScalarGraph's expansions
const expNegAbs = (a: Expr) => exp(op(SIMD.neg, op(SIMD.abs, a)));
const sigmoidFromExp = (a: Expr, e: Expr): Expr =>
  bind(
    e,
    (ev) => bind(div(ONE, add(ONE, ev)), (q) => bitselect(q, mul(ev, q), op(SIMD.ge, a, ZERO))),
  );
const relu = (a: Expr): Expr => bind(a, (v) => bitselect(v, ZERO, op(SIMD.gt, v, ZERO)));
// softplus(a) = relu(a) + log1p(e) with e = e^-|a| in [0, 1]: there log1p(e) = 2 atanh(s),
// s = e/(2 + e) in [0, 1/3], by its series 2s + 2s·s²(1/3 + s²/5 + … + s¹⁰/13) (truncation
// < 2e-8 relative): no range reduction, no correction for the rounding of 1 + e, and the
// leading 2s exact given s.
const LOG1P_TAIL = Array.from({ length: 6 }, (_, k) => 2 / (2 * k + 3));
const softplusFromExp = (a: Expr, e: Expr): Expr =>
  add(
    relu(a),
    bind(e, (ev) =>
      bind(div(ev, add(f32s(2), ev)), (sv) =>
        bind(mul(sv, sv), (z) =>
          add(add(sv, sv), mul(mul(sv, z), poly(z, LOG1P_TAIL)))))),
  );
const expm1 = (a: Expr): Expr => bind(a, (v) => expm1FromExp(v, exp(v)));
const tanh = (a: Expr): Expr =>
  bind(
    a,
    (v) =>
      bind(expm1(mul(op(SIMD.abs, v), f32s(-2))), (m) =>
        bind(div(op(SIMD.neg, m), add(f32s(2), m)), (t) =>
          bitselect(op(SIMD.neg, t), t, op(SIMD.lt, v, ZERO)))),
  );

// Every scalar operation of scalar_graph.ts, on four float32 lanes.
const LOWER: Readonly<Record<string, (...a: Expr[]) => Expr>> = {
  add,
  sub,
  mul,
  div,
  neg: (a) => op(SIMD.neg, a),
  abs: (a) => op(SIMD.abs, a),
  square: (a) => bind(a, (v) => mul(v, v)),
  reciprocal: (a) => div(ONE, a),
  sqrt: (a) => op(SIMD.sqrt, a),
  exp,
  expm1,
  log: (a) => log1p(sub(a, ONE)),
  log1p,
  tanh,
  sigmoid: (a) => bind(a, (v) => sigmoidFromExp(v, expNegAbs(v))),
  softplus: (a) => bind(a, (v) => softplusFromExp(v, expNegAbs(v))),
  expm1e: expm1FromExp,
  sigmoide: sigmoidFromExp,
  softpluse: softplusFromExp,
  relu,
  relu6: (a) => bind(relu(a), (r) => bitselect(r, f32s(6), op(SIMD.lt, r, f32s(6)))),
  step: (a, alpha) => bitselect(ONE, alpha, op(SIMD.gt, a, ZERO)),
  round: (a) => op(SIMD.nearest, a),
  sign: (a) => bind(a, (v) => sub(asNumber(op(SIMD.gt, v, ZERO)), asNumber(op(SIMD.lt, v, ZERO)))),
  trunc: (a) => op(SIMD.trunc, a),
  bool: (a) => asNumber(op(SIMD.ne, a, ZERO)),
  not: (a) => asNumber(op(SIMD.eq, a, ZERO)),
  max: (a, b) => bind(a, (u) => bind(b, (v) => bitselect(u, v, op(SIMD.ge, u, v)))),
  min: (a, b) => bind(a, (u) => bind(b, (v) => bitselect(u, v, op(SIMD.le, u, v)))),
  ge: (a, b) => asNumber(op(SIMD.ge, a, b)),
  gt: (a, b) => asNumber(op(SIMD.gt, a, b)),
  le: (a, b) => asNumber(op(SIMD.le, a, b)),
  lt: (a, b) => asNumber(op(SIMD.lt, a, b)),
  eq: (a, b) => asNumber(op(SIMD.eq, a, b)),
  select: (c, a, b) => bitselect(a, b, op(SIMD.ne, c, ZERO)),
};

/** The operations {@linkcode compileWasmLoop} can lower (every scalar-graph operation). */
export const WASM_OPS: readonly string[] = Object.keys(LOWER);

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
