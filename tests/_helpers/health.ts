/**
 * Table-driven probes of the library's guards: each probe is a call that must be refused
 * with a given error class and message, and after each one the process and the
 * TensorFlow.js backend must be healthy (a normal small call still works, no tensor
 * leaked, memory reasonable). Used by the `guards_test.ts` files in lib/.
 *
 * @module
 */
import assert from "node:assert/strict";
import { backendName, tf } from "../../lib/tf.ts";
import { activation } from "../../lib/activations/autodiff.ts";

/** One call that must be refused. */
export interface Probe {
  /** What is tried, as the test step's name. */
  readonly name: string;
  /** The call (may return a promise). */
  readonly call: () => unknown;
  /** The error class it must throw. */
  readonly error: abstract new (...args: never[]) => Error;
  /** What the message must say. */
  readonly message: RegExp;
}

/**
 * Runs each probe as a test step: the error class and message, then {@linkcode assertHealthy}.
 *
 * @param t The test context.
 * @param probes The probes.
 */
export async function runProbes(t: Deno.TestContext, probes: readonly Probe[]): Promise<void> {
  const baseline = tf.memory().numTensors;
  for (const probe of probes) {
    await t.step(probe.name, async () => {
      let thrown: unknown;
      try {
        await probe.call();
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown !== undefined, "nothing was thrown");
      assert.ok(
        thrown instanceof probe.error,
        `expected ${probe.error.name}, got ${(thrown as Error)?.constructor?.name}: ${thrown}`,
      );
      assert.match((thrown as Error).message, probe.message);
      assertHealthy(baseline);
    });
  }
}

/**
 * Checks that the process and TensorFlow.js are healthy: the wasm backend is in use, a
 * small tfjs call and a small fused `activation()` call give the right numbers, no
 * tensor leaked, and the process is far from exhausting memory.
 *
 * @param baseline `tf.memory().numTensors` before the probes.
 */
export function assertHealthy(baseline: number): void {
  assert.equal(backendName(), "wasm");
  const y = tf.tidy(() => tf.elu(tf.tensor1d([-1, 0, 2])).dataSync());
  assert.ok(Math.abs(y[0] - Math.expm1(-1)) < 1e-6 && y[1] === 0 && y[2] === 2, `elu ${y}`);
  const fused = activation("sigmoid", [0, 2]);
  assert.ok(fused.y[0] === 0.5 && Math.abs(fused.dy[1] - 0.10499359) < 1e-7);
  assert.equal(tf.memory().numTensors, baseline, "tensors leaked");
  const rss = Deno.memoryUsage().rss;
  assert.ok(rss < 3e9, `resident memory ${(rss / 1e9).toFixed(2)} GB`);
}
