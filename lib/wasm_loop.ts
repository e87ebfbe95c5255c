/**
 * Compiles a scalar program (`ScalarGraph.program()`) to a WebAssembly SIMD loop: two
 * points per step in `f64x2` lanes, read as float32 and written as float32, with exp,
 * expm1, log1p and friends expanded inline from the same algorithms as `fast_math.ts`
 * (a polynomial instead of its table). About 3-5x faster than the JavaScript loop. Inputs
 * and outputs pass through one shared WebAssembly memory in chunks of 2^18 points.
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

// SIMD opcodes (prefix 0xfd), from the WebAssembly SIMD specification
const SIMD = {
  load64Zero: 0x5d,
  store64Lane: 0x5b,
  const: 0x0c,
  shuffle: 0x0d,
  eq: 0x47,
  ne: 0x48,
  lt: 0x49,
  gt: 0x4a,
  le: 0x4b,
  ge: 0x4c,
  and: 0x4e,
  or: 0x50,
  bitselect: 0x52,
  demote: 0x5e,
  promote: 0x5f,
  floor: 0x75,
  trunc: 0x7a,
  nearest: 0x94,
  i64Extend: 0xc7,
  i64Shl: 0xcb,
  i64ShrU: 0xcd,
  i64Add: 0xce,
  abs: 0xec,
  neg: 0xed,
  sqrt: 0xef,
  add: 0xf0,
  sub: 0xf1,
  mul: 0xf2,
  div: 0xf3,
  min: 0xf4,
  max: 0xf5,
  pmin: 0xf6,
  pmax: 0xf7,
  convertLow: 0xfe,
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

// v128 constants: two f64 lanes, or two i64 lanes given as 32-bit halves
function f64s(v: number): Expr {
  const b = new Uint8Array(new Float64Array([v, v]).buffer);
  return (c) => c.constant(b);
}
function i64s(lo: number, hi: number): Expr {
  const b = new Uint8Array(new Uint32Array([lo, hi, lo, hi]).buffer);
  return (c) => c.constant(b);
}

const op = (code: number, ...args: Expr[]): Expr => (c) => {
  for (const a of args) a(c);
  c.simd(code);
};
const add = (a: Expr, b: Expr) => op(SIMD.add, a, b);
const sub = (a: Expr, b: Expr) => op(SIMD.sub, a, b);
const mul = (a: Expr, b: Expr) => op(SIMD.mul, a, b);
const div = (a: Expr, b: Expr) => op(SIMD.div, a, b);
const bitselect = (a: Expr, b: Expr, mask: Expr) => op(SIMD.bitselect, a, b, mask);
const asNumber = (mask: Expr) => op(SIMD.and, mask, f64s(1)); // all-ones lane → 1, else 0
const ZERO = f64s(0), ONE = f64s(1);

// Evaluates e once into a fresh local; `use` builds the result from reads of it.
function bind(e: Expr, use: (v: Expr) => Expr): Expr {
  return (c) => {
    const local = c.local();
    e(c);
    c.set(local);
    use((c2) => c2.get(local))(c);
  };
}

function horner(x: Expr, coeffs: readonly number[]): Expr {
  // coeffs[0] + x (coeffs[1] + x (...)), highest degree last
  let acc: Expr = f64s(coeffs[coeffs.length - 1]);
  for (let k = coeffs.length - 2; k >= 0; k--) acc = add(f64s(coeffs[k]), mul(x, acc));
  return acc;
}

const FACT_INV = Array.from({ length: 13 }, (_, k) => {
  let f = 1;
  for (let j = 2; j <= k; j++) f *= j;
  return 1 / f;
});

// 2^k for integer-valued k in [-1022, 1023]: k + 1.5·2^52 holds k in its low bits;
// shifted into the exponent field and added to the bits of 1.0 it gives 2^k.
function pow2(k: Expr): Expr {
  return (c) => {
    add(k, f64s(6755399441055744))(c);
    c.raw(0x41, ...sleb(52)).simd(SIMD.i64Shl);
    i64s(0, 0x3ff00000)(c);
    c.simd(SIMD.i64Add);
  };
}

const LOG2E = Math.LOG2E;
const LN2_HI = 6.93147180369123816490e-01; // n · LN2_HI is exact for |n| < 2^20
const LN2_LO = 1.90821492927058770002e-10;

// Polynomial by Estrin's scheme: c0 + c1 x + ... in pairs (c0 + c1 x) + x² (c2 + c3 x) …,
// a short dependency chain where Horner's rule would be latency-bound.
function estrin(x: Expr, coeffs: readonly number[]): Expr {
  return bind(x, (xv) => {
    let terms: Expr[] = [];
    for (let k = 0; k < coeffs.length; k += 2) {
      terms.push(
        k + 1 < coeffs.length
          ? add(f64s(coeffs[k]), mul(xv, f64s(coeffs[k + 1])))
          : f64s(coeffs[k]),
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

// e^x: n = round(2x / ln 2), r = x − n ln2/2 (|r| <= 0.174), e^r by its Taylor series to
// degree 8 (error < 2e-12), e^x = 2^⌊n/2⌋ · (√2 if n is odd) · e^r, with 2^⌊n/2⌋ split
// into two factors so that both are normal numbers.
function exp(x: Expr): Expr {
  return bind(
    op(SIMD.pmin, op(SIMD.pmax, x, f64s(-746)), f64s(710)),
    (xc) =>
      bind(
        op(SIMD.nearest, mul(xc, f64s(2 * LOG2E))),
        (n) =>
          bind(sub(sub(xc, mul(n, f64s(LN2_HI / 2))), mul(n, f64s(LN2_LO / 2))), (r) =>
            bind(op(SIMD.floor, mul(n, f64s(0.5))), (k) =>
              bind(op(SIMD.floor, mul(k, f64s(0.5))), (h) => {
                const odd = op(SIMD.ne, add(k, k), n); // n = 2k + 1
                const root2 = bitselect(f64s(Math.SQRT2), ONE, odd);
                return mul(
                  mul(mul(estrin(r, FACT_INV.slice(0, 9)), root2), pow2(h)),
                  pow2(sub(k, h)),
                );
              }))),
      ),
  );
}

// expm1(a) given e = e^a: the series to degree 7 for |a| < 0.1, e − 1 elsewhere.
function expm1FromExp(a: Expr, e: Expr): Expr {
  return bind(a, (av) =>
    bitselect(
      mul(av, estrin(av, FACT_INV.slice(1, 8))),
      sub(e, ONE),
      op(SIMD.lt, op(SIMD.abs, av), f64s(0.1)),
    ));
}

// log(1 + f) = 2 atanh(f / (2 + f)) for f in (−0.3, 0.42)
function log1pSeries(f: Expr): Expr {
  return bind(
    div(f, add(f64s(2), f)),
    (s) =>
      bind(
        mul(s, s),
        (z) => mul(mul(f64s(2), s), horner(z, [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13])),
      ),
  );
}

// log1p(x) for x > −1: u = 1 + x = m · 2^e with m in [√½, √2), log u = e ln 2 + log m,
// corrected by the rounding error of 1 + x (as fast_math.ts).
function log1p(x: Expr): Expr {
  const mantissa = i64s(0xffffffff, 0x000fffff), one = i64s(0, 0x3ff00000);
  return bind(
    x,
    (xv) =>
      bind(add(ONE, xv), (u) =>
        bind(
          op(SIMD.i64ShrU, u, (c) => c.raw(0x41, ...sleb(52))),
          (bits) =>
            bind(
              (c) => {
                bits(c);
                bits(c);
                c.simd(SIMD.shuffle, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11);
                c.simd(SIMD.convertLow);
              },
              (e0) =>
                bind(op(SIMD.or, op(SIMD.and, u, mantissa), one), (m0) =>
                  bind(op(SIMD.gt, m0, f64s(Math.SQRT2)), (big) =>
                    bind(bitselect(mul(m0, f64s(0.5)), m0, big), (m) =>
                      add(
                        add(
                          mul(add(sub(e0, f64s(1023)), asNumber(big)), f64s(Math.LN2)),
                          log1pSeries(sub(m, ONE)),
                        ),
                        op(SIMD.neg, div(sub(sub(u, ONE), xv), u)),
                      )))),
            ),
        )),
  );
}

// e^-|a| and the functions of it (as ScalarGraph's expansions; used for constants only
// when a graph did not expand them)
const expNegAbs = (a: Expr) => exp(op(SIMD.neg, op(SIMD.abs, a)));
const sigmoidFromExp = (a: Expr, e: Expr): Expr =>
  bind(
    e,
    (ev) => bind(div(ONE, add(ONE, ev)), (q) => bitselect(q, mul(ev, q), op(SIMD.ge, a, ZERO))),
  );
const relu = (a: Expr): Expr => bind(a, (v) => bitselect(v, ZERO, op(SIMD.gt, v, ZERO)));
const softplusFromExp = (a: Expr, e: Expr): Expr => add(relu(a), log1p(e));
const expm1 = (a: Expr): Expr => bind(a, (v) => expm1FromExp(v, exp(v)));
const tanh = (a: Expr): Expr =>
  bind(
    a,
    (v) =>
      bind(expm1(mul(op(SIMD.abs, v), f64s(-2))), (m) =>
        bind(div(op(SIMD.neg, m), add(f64s(2), m)), (t) =>
          bitselect(op(SIMD.neg, t), t, op(SIMD.lt, v, ZERO)))),
  );

// Every scalar operation of scalar_graph.ts, on two lanes.
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
  relu6: (a) => op(SIMD.min, relu(a), f64s(6)),
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
const CHUNK = 1 << 18;
const UNROLL = 2;
const STEP = 2 * UNROLL; // points per loop step
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
  // parameters: count (points, a multiple of 2 UNROLL), one pointer per input, one per
  // output; local: the byte offset of the current points
  const params = 1 + inputs + outputs.length;
  const offset = params;
  const code = new Code(params + 1);
  // UNROLL copies of the program per step, interleaved node by node: independent
  // dependency chains for the CPU to overlap (each copy takes 2 points)
  const copies = Array.from({ length: UNROLL }, () => new Map<NodeId, Expr>());
  const address = (pointer: number) => (c: Code) => c.get(pointer).get(offset).raw(0x6a);
  for (const node of program) {
    copies.forEach((values, u) => {
      if (node.op === "const") {
        values.set(node.id, f64s(node.value as number));
        return;
      }
      const expr: Expr = node.op === "input"
        ? (c) => {
          address(1 + (node.value as number))(c);
          c.simd(SIMD.load64Zero, 3, ...uleb(8 * u)).simd(SIMD.promote);
        }
        : lower(node, values);
      const local = code.local();
      expr(code);
      code.set(local);
      values.set(node.id, (c) => c.get(local));
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
      (values.get(id) as Expr)(code);
      code.simd(SIMD.demote).simd(SIMD.store64Lane, 3, ...uleb(8 * u), 0);
    });
  });
  const body = [
    ...code.prelude(),
    // block; if count == 0 break; loop { body; offset += 8; continue while offset < 4 count }
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
    ...sleb(8 * UNROLL),
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
  const mem = sharedMemory(PAGE);
  const instance = new WebAssembly.Instance(module, { env: { memory: mem } });
  const run = instance.exports.run as (...args: number[]) => void;
  const arrays = inputs + outputs.length;
  return (xs, os, n) => {
    const m = sharedMemory(arrays * CHUNK * 4);
    for (let start = 0; start < n; start += CHUNK) {
      const count = Math.min(CHUNK, n - start);
      const padded = Math.ceil(count / STEP) * STEP;
      const heap = new Float32Array(m.buffer);
      for (let k = 0; k < inputs; k++) {
        heap.set(xs[k].subarray(start, start + count), k * CHUNK);
        heap.fill(0, k * CHUNK + count, k * CHUNK + padded);
      }
      const pointers = Array.from({ length: arrays }, (_, k) => k * CHUNK * 4);
      run(padded, ...pointers);
      for (let j = 0; j < outputs.length; j++) {
        const at = (inputs + j) * CHUNK;
        os[j].set(heap.subarray(at, at + count), start);
      }
    }
  };
}
