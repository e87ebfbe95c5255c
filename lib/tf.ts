/**
 * The one module that imports TensorFlow.js. It chooses the backend once, at import:
 * `wasm` (about 10x faster than `cpu` for element-wise work in Deno), with `cpu` as
 * the fallback, and keeps tfjs's "running in Node.js" banner out of notebook outputs.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

export { tf };

/**
 * Elements per TensorFlow.js call for element-wise work on large inputs: 2^20 (4 MB per
 * tensor). The library splits larger inputs into chunks of this size (whole rows for
 * two-input functions), so the intermediate tensors of one call stay far below the wasm
 * backend's 4 GB heap: a single call over 20M points needs several GB there, fails with
 * "memory access out of bounds" and leaves the backend unusable. Element-wise results do
 * not depend on the chunking (chunk starts are multiples of 64, so SIMD lanes line up).
 */
export const TFJS_CHUNK: number = 1 << 20;

/** The backends this project supports, fastest first. */
export const BACKENDS = ["wasm", "cpu"] as const;

/** A backend name from {@linkcode BACKENDS}. */
export type BackendName = typeof BACKENDS[number];

/**
 * Switches TensorFlow.js to a backend, or to the fastest one that works when no name
 * is given, and returns the name of the backend now in use.
 *
 * @param name `"wasm"` or `"cpu"`; omit to try them in that order.
 * @returns The backend in use.
 * @throws {RangeError} If `name` is not one of {@linkcode BACKENDS}.
 * @throws {Error} If the requested backend cannot be initialised.
 *
 * @example Ask for the cpu backend
 * ```ts
 * import { backendName, useBackend } from "./tf.ts";
 * await useBackend("cpu");
 * console.assert(backendName() === "cpu");
 * await useBackend();
 * ```
 */
export async function useBackend(name?: BackendName): Promise<BackendName> {
  if (name !== undefined && !(BACKENDS as readonly string[]).includes(name)) {
    throw new RangeError(
      `Unknown backend "${name}": expected one of ${BACKENDS.map((b) => `"${b}"`).join(", ")}`,
    );
  }
  for (const candidate of name === undefined ? BACKENDS : [name]) {
    let ok = false;
    try {
      ok = await tf.setBackend(candidate);
    } catch {
      ok = false;
    }
    if (ok) {
      await tf.ready();
      if (candidate === "cpu") silenceCpuBanner();
      return candidate;
    }
  }
  throw new Error(`Backend "${name}" could not be initialised`);
}

/**
 * The name of the TensorFlow.js backend in use.
 *
 * @returns `"wasm"` or `"cpu"`.
 *
 * @example
 * ```ts
 * import { backendName } from "./tf.ts";
 * console.assert(["wasm", "cpu"].includes(backendName()));
 * ```
 */
export function backendName(): string {
  return tf.getBackend();
}

// tfjs-backend-cpu warns on its first write when IS_NODE is set; do that write quietly.
function silenceCpuBanner(): void {
  const env = tf.env();
  const wasNode = env.getBool("IS_NODE");
  env.set("IS_NODE", false);
  try {
    tf.tidy(() => tf.scalar(0));
  } finally {
    env.set("IS_NODE", wasNode);
  }
}

await useBackend();
