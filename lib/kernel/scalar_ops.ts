/**
 * The scalar operations a `ScalarGraph` (scalar_graph.ts) holds, each as a JavaScript expression
 * over its operands: what the compiled JavaScript loop runs and what constant folding
 * evaluates (their SIMD forms are wasm_ops.ts's). scalar_graph.ts re-exports
 * `SCALAR_OPS`.
 *
 * @module
 */
import { FAST_MATH } from "./fast_math.ts";

// Every scalar operation as a JavaScript expression over its operands (identifiers
// or literals). Comparisons give 1 or 0; select(c, a, b) is c ≠ 0 ? a : b. Helpers
// (exp, expm1, …) come from FAST_MATH. Each expression follows its tfjs kernel where
// the choice matters: relu6 clips at both ends, step gives its alpha at and below 0,
// round is half-to-even; max and min keep the first operand on a tie (equal values but
// for the sign of a zero; which side a gradient takes is decided by tfjs's own >= and <=
// masks, recorded as nodes of their own).
// NaN is not handled operation by operation (relu(NaN) is 0 here): the compiled loops
// pass a NaN input straight to every output instead (see compile()).
/** @internal Every scalar operation as a JavaScript expression over its operands. */
export const OPS: Readonly<Record<string, (...a: string[]) => string>> = {
  add: (a, b) => `${a} + ${b}`,
  sub: (a, b) => `${a} - ${b}`,
  mul: (a, b) => `${a} * ${b}`,
  div: (a, b) => `${a} / ${b}`,
  neg: (a) => `-${a}`,
  abs: (a) => `Math.abs(${a})`,
  square: (a) => `${a} * ${a}`,
  reciprocal: (a) => `1 / ${a}`,
  sqrt: (a) => `Math.sqrt(${a})`,
  exp: (a) => `exp(${a})`,
  expm1: (a) => `expm1(${a})`,
  log: (a) => `Math.log(${a})`,
  log1p: (a) => `log1p(${a})`,
  tanh: (a) => `tanh(${a})`,
  sigmoid: (a) => `sigmoid(${a})`,
  softplus: (a) => `softplus(${a})`,
  expm1e: (a, e) => `expm1FromExp(${a}, ${e})`,
  sigmoide: (a, e) => `sigmoidFromExp(${a}, ${e})`,
  softpluse: (a, e) => `softplusFromExp(${a}, ${e})`,
  relu: (a) => `${a} > 0 ? ${a} : 0`,
  relu6: (a) => `${a} > 0 ? (${a} < 6 ? ${a} : 6) : 0`,
  step: (a, alpha) => `${a} > 0 ? 1 : ${alpha}`,
  round: (a) => `roundHalfEven(${a})`,
  sign: (a) => `Math.sign(${a})`,
  trunc: (a) => `Math.trunc(${a})`,
  bool: (a) => `${a} !== 0 ? 1 : 0`,
  not: (a) => `${a} === 0 ? 1 : 0`,
  max: (a, b) => `${a} >= ${b} ? ${a} : ${b}`,
  min: (a, b) => `${a} <= ${b} ? ${a} : ${b}`,
  ge: (a, b) => `${a} >= ${b} ? 1 : 0`,
  gt: (a, b) => `${a} > ${b} ? 1 : 0`,
  le: (a, b) => `${a} <= ${b} ? 1 : 0`,
  lt: (a, b) => `${a} < ${b} ? 1 : 0`,
  eq: (a, b) => `${a} === ${b} ? 1 : 0`,
  select: (c, a, b) => `${c} !== 0 ? ${a} : ${b}`,
};

/** The names of the scalar operations a {@linkcode ScalarGraph} can hold. */
export const SCALAR_OPS: readonly string[] = Object.keys(OPS);

/** @internal The names of the helpers the expressions call (FAST_MATH's functions). */
export const HELPERS: readonly string[] = Object.keys(FAST_MATH);

// A function (helpers) => (...operands) => value for each operation, for folding: the
// very expression the JavaScript loop runs, so a folded constant is what the loop would
// have computed (in float64; the WebAssembly loop rounds it to float32 once, where tfjs
// would round after every step of a constant chain: never less accurate).
const EVALUATORS = new Map<string, (...a: number[]) => number>();

/**
 * @internal The evaluator of an operation (made once per operation): what constant
 * folding computes.
 *
 * @param op One of {@linkcode SCALAR_OPS}.
 * @param arity Its number of operands.
 * @returns A function of the operands' values.
 *
 * @example
 * ```ts
 * import { evaluator } from "./scalar_ops.ts";
 * console.assert(evaluator("max", 2)(-0, 0) === -0 && evaluator("relu6", 1)(7) === 6);
 * ```
 */
export function evaluator(op: string, arity: number): (...a: number[]) => number {
  let f = EVALUATORS.get(op);
  if (f === undefined) {
    const names = Array.from({ length: arity }, (_, i) => `a${i}`);
    const make = new Function(
      "H",
      `const { ${HELPERS.join(", ")} } = H; return (${names.join(", ")}) => ${OPS[op](...names)};`,
    );
    f = make(FAST_MATH) as (...a: number[]) => number;
    EVALUATORS.set(op, f);
  }
  return f;
}
