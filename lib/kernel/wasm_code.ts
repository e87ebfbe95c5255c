/**
 * Building WebAssembly SIMD code: the binary encoding (LEB128 numbers, sections, names),
 * the SIMD opcodes, and expressions over `f32x4` lanes that append their instructions to
 * a function body, with loop-invariant constants hoisted into locals.
 *
 * Why bytes by hand: no assembler is reachable here (no network, no wabt), the subset
 * needed is small (one function, a loop, locals, f32x4 arithmetic, loads and stores),
 * and an expression tree of closures (`Expr`) maps the scalar program onto it directly:
 * an operation appends its operands' instructions, then its own. WebAssembly is a stack
 * machine, so that order is the evaluation order.
 *
 * @module
 */

/**
 * Unsigned LEB128 encoding of a non-negative integer: seven bits per byte, low first,
 * the high bit set on every byte but the last (how WebAssembly writes counts, sizes,
 * indices and opcodes after a prefix).
 */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/**
 * Signed LEB128 encoding of an integer (i32.const's immediate): as {@linkcode uleb},
 * ending once the remaining bits are the sign extension of the last byte's bit 6.
 */
export function sleb(n: number): number[] {
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

/** A module section: its id, then its body with the length in front. */
export function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** A name: its UTF-8 length, then its bytes. */
export function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
}

/**
 * SIMD opcodes (prefix 0xfd), from the WebAssembly SIMD specification; lanes are f32x4
 * unless named i32.
 */
export const SIMD = {
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
  splat: 0x13,
  pmin: 0xea,
  pmax: 0xeb,
  convertI32: 0xfa,
} as const;

/** The value type i32. */
export const I32 = 0x7f;
/** The value type v128. */
export const V128 = 0x7b;
/** The value type f32. */
export const F32 = 0x7d;

/** An expression: appends the instructions that leave one v128 on the stack. */
export type Expr = (code: Code) => void;

/** A function body being built: its bytes, its v128 locals and its hoisted constants. */
export class Code {
  readonly bytes: number[] = [];
  #next: number;
  count = 0; // v128 locals allocated
  // loop-invariant v128 constants, each set once before the loop: 16 bytes → local.
  // A v128.const in the loop would be decoded and materialised at every iteration; a
  // local read is a register. Keyed by the bytes, so 1.0 used by twenty operations (or
  // by all four unrolled copies) is one local.
  readonly constants = new Map<string, number>();

  // locals are numbered after the function's parameters (the count, the pointers and
  // the uniforms): the first free index is given
  constructor(firstLocal: number) {
    this.#next = firstLocal;
  }
  // reads the local holding these 16 bytes, allocating it on first use
  constant(bytes: Uint8Array): this {
    const key = bytes.join(",");
    let local = this.constants.get(key);
    if (local === undefined) {
      local = this.local();
      this.constants.set(key, local);
    }
    return this.get(local);
  }
  // v128.const + local.set for every constant used: emitted at the very start of the
  // function, once all constants are known (after the whole body has been built)
  prelude(): number[] {
    const out: number[] = [];
    for (const [key, local] of this.constants) {
      out.push(0xfd, ...uleb(SIMD.const), ...key.split(",").map(Number), 0x21, ...uleb(local));
    }
    return out;
  }
  // a fresh v128 local: each value gets its own, never reused
  local(): number {
    this.count++;
    return this.#next++;
  }
  // a SIMD instruction: the 0xfd prefix, the opcode as LEB128, then its immediates
  simd(op: number, ...imm: number[]): this {
    this.bytes.push(0xfd, ...uleb(op), ...imm);
    return this;
  }
  // local.get
  get(local: number): this {
    this.bytes.push(0x20, ...uleb(local));
    return this;
  }
  // local.set
  set(local: number): this {
    this.bytes.push(0x21, ...uleb(local));
    return this;
  }
  // any other instruction, as bytes
  raw(...bytes: number[]): this {
    this.bytes.push(...bytes);
    return this;
  }
}

/** A v128 constant of four float32 lanes, hoisted out of the loop. */
export function f32s(v: number): Expr {
  const b = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
  return (c) => c.constant(b);
}

/** A v128 constant of four int32 lanes, hoisted out of the loop. */
export function i32s(v: number): Expr {
  const b = new Uint8Array(new Int32Array([v, v, v, v]).buffer);
  return (c) => c.constant(b);
}

/** The SIMD instruction `code` applied to the expressions `args`. */
export const op = (code: number, ...args: Expr[]): Expr => (c) => {
  for (const a of args) a(c);
  c.simd(code);
};

/** An i32x4 shift of `a` by `bits`. */
export const shift = (code: number, a: Expr, bits: number): Expr => (c) => {
  a(c);
  c.raw(0x41, ...sleb(bits)).simd(code);
};

/** Lane-wise a + b. */
export const add = (a: Expr, b: Expr) => op(SIMD.add, a, b);
/** Lane-wise a − b. */
export const sub = (a: Expr, b: Expr) => op(SIMD.sub, a, b);
/** Lane-wise a · b. */
export const mul = (a: Expr, b: Expr) => op(SIMD.mul, a, b);
/** Lane-wise a / b. */
export const div = (a: Expr, b: Expr) => op(SIMD.div, a, b);
/** Lanes of a where mask is all ones, of b where it is zero. */
export const bitselect = (a: Expr, b: Expr, mask: Expr) => op(SIMD.bitselect, a, b, mask);
/**
 * A comparison's mask as a number: all-ones lane → 1, else 0 (the mask AND the bits of
 * 1.0, no conversion instruction needed).
 */
export const asNumber = (mask: Expr) => op(SIMD.and, mask, f32s(1));
/** The float32 lanes 0. */
export const ZERO: Expr = f32s(0);
/** The float32 lanes 1. */
export const ONE: Expr = f32s(1);

/**
 * Evaluates e once into a fresh local; `use` builds the result from reads of it. An
 * `Expr` appends its instructions every time it is used, so a value read twice (x in
 * x·x, a mask in two selects) must be bound first or it is computed twice.
 */
export function bind(e: Expr, use: (v: Expr) => Expr): Expr {
  return (c) => {
    const local = c.local();
    e(c);
    c.set(local);
    use((c2) => c2.get(local))(c);
  };
}

/**
 * Polynomial c0 + c1 x + … by Estrin's scheme, (c0 + c1 x) + x² (c2 + c3 x) + …: a short
 * dependency chain where Horner's rule would be latency-bound.
 */
export function poly(x: Expr, coeffs: readonly number[]): Expr {
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
