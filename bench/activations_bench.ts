/**
 * Forward + derivative throughput of every element-wise activation on 1M float32
 * points, with a plain Float32Array copy loop in the same run as the memory-bound
 * ceiling:
 * - `activationInto()` (the fused kernel: tfjs's forward and gradient kernels compiled
 *   into one WebAssembly SIMD loop) writing into preallocated `y`, `dy`, like the copy
 *   loop into its preallocated array;
 * - `activation()`, the same loop plus fresh `y`, `dy` arrays per call (8 MB), against
 *   the second ceiling "new y, dy + copy loop";
 * - the same autodiff run kernel by kernel on the tfjs backend (`tfjsActivation()`);
 * - on 16 points, where the call itself is the cost: an activation named with its options
 *   (looked up, parameters checked, program found at every call) against the same
 *   activation resolved once into a handle (`resolveActivation()`).
 *
 * Run: `deno bench -P bench/activations_bench.ts` (tfjs backend: wasm, the default;
 * `ACTIVATIONS_BENCH_BACKEND=cpu` for the fallback). Million elements per second =
 * 1 / (time per iteration in ms) × 1000; the goal is >= 100 M elements/s.
 *
 * @module
 */
import { activation, activationInto } from "../lib/activations/autodiff.ts";
import { tfjsActivation } from "../lib/activations/tfjs_autodiff.ts";
import { ACTIVATIONS } from "../lib/activations/activations.ts";
import { resolveActivation } from "../lib/activations/resolve_activation.ts";
import { backendName, useBackend } from "../lib/tf.ts";

const N = 1_000_000;
const backend = Deno.env.get("ACTIVATIONS_BENCH_BACKEND") === "cpu" ? "cpu" : "wasm";
await useBackend(backend);

const x = new Float32Array(N);
for (let i = 0; i < N; i++) x[i] = -10 + 20 * i / (N - 1);
const sink = new Float32Array(N);

Deno.bench({
  name: "copy loop (ceiling)",
  group: "1M float32",
  baseline: true,
  fn() {
    for (let i = 0; i < N; i++) sink[i] = x[i];
  },
});

Deno.bench({
  name: "Float32Array.set (ceiling)",
  group: "1M float32",
  fn() {
    sink.set(x);
  },
});

// What any API that returns fresh { y, dy } arrays pays before computing anything:
// allocating 8 MB per call (and the garbage collections that follow), plus the copy.
Deno.bench({
  name: "new y, dy + copy loop (ceiling with fresh outputs)",
  group: "1M float32",
  fn() {
    const y = new Float32Array(N), dy = new Float32Array(N);
    for (let i = 0; i < N; i++) y[i] = dy[i] = x[i];
  },
});

const out = { y: new Float32Array(N), dy: new Float32Array(N) };
for (const spec of ACTIVATIONS.filter((s) => s.inputs === 1)) {
  Deno.bench({
    name: `${spec.name} (fused, into preallocated y, dy)`,
    group: "1M float32",
    fn() {
      activationInto(spec.name, x, out);
    },
  });
}

for (const spec of ACTIVATIONS.filter((s) => s.inputs === 1)) {
  Deno.bench({
    name: `${spec.name} (fused, fresh y, dy)`,
    group: "1M float32",
    fn() {
      activation(spec.name, x);
    },
  });
}

for (const spec of ACTIVATIONS.filter((s) => s.inputs === 1)) {
  Deno.bench({
    name: `${spec.name} (tfjs ${backendName()}, kernel by kernel)`,
    group: "1M float32, tfjs kernel by kernel",
    fn() {
      tfjsActivation(spec.name, x);
    },
  });
}

// Per-call overhead: 16 points cost about as much to compute as to call with.
const small = Float32Array.from({ length: 16 }, (_, i) => i / 4 - 2);
const smallOut = { y: new Float32Array(16), dy: new Float32Array(16) };
const leaky = resolveActivation("leaky_relu", { alpha: 0.1 });
Deno.bench({
  name: "leaky_relu by name, { alpha: 0.1 } (look-up and checks per call)",
  group: "16 float32, per call",
  baseline: true,
  fn() {
    activationInto("leaky_relu", small, smallOut, { alpha: 0.1 });
  },
});
Deno.bench({
  name: "leaky_relu resolved once (handle)",
  group: "16 float32, per call",
  fn() {
    activationInto(leaky, small, smallOut);
  },
});
