/**
 * Training and prediction speed of the original's networks: 100 epochs at batch size 32 on
 * the 200-point XOR data (the non-linear 2-64-2-1 ELU network and the linear 2-64-1
 * network), and the 200 x 200 = 40,000-point decision-boundary grid prediction.
 * Goal: the non-linear network's 100 epochs in under 1 s on the 2-core machine.
 *
 * Run: `deno bench -P bench/training_bench.ts` (backend: wasm, the default;
 * `TRAINING_BENCH_BACKEND=cpu` for the fallback).
 *
 * @module
 */
import { backendName, useBackend } from "../lib/tf.ts";
import { createNetwork, LINEAR_NETWORK, NONLINEAR_NETWORK } from "../lib/training/network.ts";
import { makeDataset } from "../lib/training/datasets.ts";
import { train } from "../lib/training/train.ts";
import { predictGrid } from "../lib/training/predict.ts";

await useBackend(Deno.env.get("TRAINING_BENCH_BACKEND") === "cpu" ? "cpu" : "wasm");
const backend = backendName();
const data = makeDataset("xor", { seed: 1 });

for (
  const [name, spec] of [["non-linear 2-64-2-1 ELU", NONLINEAR_NETWORK], [
    "linear 2-64-1",
    LINEAR_NETWORK,
  ]] as const
) {
  Deno.bench({
    name: `${name}: 100 epochs, batch 32, 200 points (${backend})`,
    group: "training",
    n: 5,
    warmup: 1,
    async fn(b) {
      const net = createNetwork(spec, { seed: 1 });
      b.start();
      await train(net, data);
      b.end();
      net.dispose();
    },
  });
}

const trained = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
await train(trained, data);

Deno.bench({
  name: `non-linear network over the 200 x 200 grid (${backend})`,
  group: "prediction",
  n: 20,
  warmup: 2,
  fn() {
    predictGrid(trained);
  },
});
