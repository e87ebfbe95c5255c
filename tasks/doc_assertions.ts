/**
 * Loaded before every doc example (`deno test --doc --preload tasks/doc_assertions.ts`):
 * the examples check themselves with `console.assert`, which only prints "Assertion
 * failed" and lets the example pass; here a false assertion throws, so the example fails
 * and names what was false.
 *
 * @module
 */
console.assert = (condition?: boolean, ...data: unknown[]): void => {
  if (condition) return;
  throw new Error(`Assertion failed${data.length ? `: ${data.map(String).join(" ")}` : ""}`);
};
