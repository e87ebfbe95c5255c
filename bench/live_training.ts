/**
 * What watching costs: `trainLive()` (snapshots on a 50 x 50 grid every epochs / 20
 * epochs, a view update at most every 150 ms) against `trainWithSnapshots()` with the
 * same snapshots and no view, and against `train()` alone, on the original's non-linear
 * network (100 epochs) and on a longer run (the spiral, 1,000 epochs); and
 * `watchPlayground()` (the prediction view: the playground's colours, test points and
 * test curves) against the same playground run's snapshots without the view and against
 * `trainPlayground()`'s training alone, on the spiral's preset (300 epochs), three arms
 * (softmax, 300 epochs) and the multi-Gaussian regression (300 epochs), unpaced (`pace:
 * false`: training never waits for the view; paced, as the notebook runs it, a run takes
 * at least 21 frames x 150 ms). The view's display is a function that receives the
 * updates as Jupyter would (nothing is rendered). Times are the training's
 * (`trainingMs`), not the slider built afterwards. Goals: at least 5 updates a second,
 * training slowed by at most 20%.
 *
 * Run: `deno run -A bench/live_training.ts` (after `deno task setup`).
 *
 * @module
 */
import { createNetwork, type NetworkSpec, NONLINEAR_NETWORK } from "../lib/training/network.ts";
import { makeDataset } from "../lib/training/datasets.ts";
import { train } from "../lib/training/train.ts";
import { trainWithSnapshots } from "../lib/training/boundary_snapshots.ts";
import { cellCentres, gridAxes } from "../lib/training/predict.ts";
import {
  playgroundDataset,
  playgroundNetwork,
  playgroundSettings,
  playgroundTrainOptions,
} from "../lib/training/playground.ts";
import { trainLive } from "../lib/interactive/live_training.ts";
import { watchPlayground } from "../lib/interactive/watch_playground.ts";

const ROUNDS = 3;

interface Round {
  /** Training alone, ms. */
  plain: number;
  /** The same training with the same snapshots, no view, ms. */
  snap: number;
  /** Watched: training with the view, ms, and the updates sent. */
  live: { ms: number; updates: number };
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function report(name: string, round: () => Promise<Round>): Promise<void> {
  const plain: number[] = [], snap: number[] = [], live: number[] = [], rate: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const result = await round();
    plain.push(result.plain);
    snap.push(result.snap);
    live.push(result.live.ms);
    rate.push((result.live.updates - 1) / (result.live.ms / 1000));
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
for (const [name, spec, data, epochs] of cases) {
  const every = Math.max(1, Math.round(epochs / 20));
  const axes = gridAxes(data.extent ?? [[0, 10], [0, 10]], 50);
  await report(name, async () => {
    const plain = await time(() =>
      train(createNetwork(spec, { seed: 1 }), data, { epochs, seed: 1 })
    );
    const snap = await time(() =>
      trainWithSnapshots(createNetwork(spec, { seed: 1 }), data, { epochs, seed: 1, every, axes })
    );
    let updates = 0;
    const run = await trainLive(createNetwork(spec, { seed: 1 }), data, {
      epochs,
      seed: 1,
      display: () => void updates++,
    });
    return { plain, snap, live: { ms: run.trainingMs, updates } };
  });
}

const playground: [string, string, Record<string, number>][] = [
  ["playground: the spiral's preset (sigmoid, sin features, 300 epochs)", "spiral", {}],
  ["playground: three arms (softmax, 300 epochs)", "arms", { classes: 3 }],
  ["playground: multi-Gaussian regression (linear, 300 epochs)", "multi-gauss", {}],
];
for (const [name, dataset, overrides] of playground) {
  const settings = playgroundSettings(dataset, { ...overrides, seed: 1 });
  const data = playgroundDataset(settings);
  const options = playgroundTrainOptions(settings, data);
  const every = Math.max(1, Math.round(settings.epochs / 20));
  const axes = cellCentres(data.train.extent, 50);
  await report(name, async () => {
    const plain = await time(() => train(playgroundNetwork(settings, data), data.train, options));
    const snap = await time(() =>
      trainWithSnapshots(playgroundNetwork(settings, data), data.train, {
        ...options,
        every,
        axes,
      })
    );
    let updates = 0;
    const run = await watchPlayground(settings, {
      data,
      pace: false,
      display: () => void updates++,
    });
    return { plain, snap, live: { ms: run.trainingMs, updates } };
  });
}
