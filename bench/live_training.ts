/**
 * What watching costs: `trainLive()` (snapshots on a 50 x 50 grid every epochs / 20
 * epochs, a view update at most every 150 ms) against `trainWithSnapshots()` with the
 * same snapshots and no view, and against `train()` alone, on the original's non-linear
 * network (100 epochs) and on a longer run (the spiral, 1,000 epochs). The view's display
 * is a function that receives the updates as Jupyter would (nothing is rendered). Times
 * are the training's (`trainLive()`'s `trainingMs`), not the slider built afterwards.
 * Goals: at least 5 updates a second, training slowed by at most 20%.
 *
 * Run: `deno run -A bench/live_training.ts` (after `deno task setup`).
 *
 * @module
 */
import { createNetwork, type NetworkSpec, NONLINEAR_NETWORK } from "../lib/training/network.ts";
import { makeDataset } from "../lib/training/datasets.ts";
import { train } from "../lib/training/train.ts";
import { trainWithSnapshots } from "../lib/training/boundary_snapshots.ts";
import { gridAxes } from "../lib/training/predict.ts";
import { trainLive } from "../lib/interactive/live_training.ts";

const cases: [string, NetworkSpec, ReturnType<typeof makeDataset>, number][] = [
  [
    "the original's 2-64-2-1 ELU, 100 epochs",
    NONLINEAR_NETWORK,
    makeDataset("xor", { seed: 1 }),
    100,
  ],
  [
    "spiral, 2-16-16-1 tanh, 1,000 epochs",
    { hidden: [16, 16], activation: "tanh" },
    makeDataset("spiral", { seed: 1 }),
    1000,
  ],
];
const ROUNDS = 3;
for (const [name, spec, data, epochs] of cases) {
  const every = Math.max(1, Math.round(epochs / 20));
  const axes = gridAxes(data.extent ?? [[0, 10], [0, 10]], 50);
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const plain: number[] = [], snap: number[] = [], live: number[] = [], rate: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    plain.push(
      await time(() => train(createNetwork(spec, { seed: 1 }), data, { epochs, seed: 1 })),
    );
    snap.push(
      await time(() =>
        trainWithSnapshots(createNetwork(spec, { seed: 1 }), data, { epochs, seed: 1, every, axes })
      ),
    );
    let updates = 0;
    const run = await trainLive(createNetwork(spec, { seed: 1 }), data, {
      epochs,
      seed: 1,
      display: () => void updates++,
    });
    live.push(run.trainingMs);
    rate.push((updates - 1) / (run.trainingMs / 1000));
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(
    `${name}: train ${median(plain).toFixed(0)} ms, with snapshots ${
      median(snap).toFixed(0)
    } ms, live ${median(live).toFixed(0)} ms (${
      ((median(live) / median(snap) - 1) * 100).toFixed(0)
    }% over the same snapshots without the view, ${
      ((median(live) / median(plain) - 1) * 100).toFixed(0)
    }% over train alone), ${median(rate).toFixed(1)} updates/s while training`,
  );
}
