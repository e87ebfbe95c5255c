import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { makeDataset } from "./datasets.ts";
import { type Trainability, trainability, type TrainabilityRun } from "./trainability.ts";

Deno.test("trainability() trains every activation, depth and seed and summarises", async (t) => {
  const base = tf.memory().numTensors;
  const seen: TrainabilityRun[] = [];
  const options = {
    activations: ["relu", "tanh"],
    depths: [1, 3],
    seeds: [1, 2],
    epochs: 8,
    learningRate: 0.01,
    target: 0.9,
  };
  const study = await trainability(makeDataset("xor", { seed: 1 }), {
    ...options,
    onRun: (run) => {
      seen.push(run);
    },
  });
  assert.equal(tf.memory().numTensors, base, "no tensor leaked");
  await t.step("runs in order: activations, then depths, then seeds", () => {
    assert.deepEqual(
      study.runs.map((r) => `${r.name}:${r.depth}:${r.seed}`),
      ["relu", "tanh"].flatMap((n) => [1, 3].flatMap((d) => [1, 2].map((s) => `${n}:${d}:${s}`))),
    );
    assert.deepEqual(seen, study.runs);
  });
  await t.step("each activation with its usual initialisation", () => {
    assert.ok(
      study.runs.every((r) => r.init === (r.name === "relu" ? "he_normal" : "glorot_uniform")),
    );
  });
  await t.step("a run stops at the target; epochs to it are counted from 1", () => {
    for (const run of study.runs) {
      if (run.epochsToTarget === null) {
        assert.equal(run.epochsRun, 8);
      } else {
        assert.equal(run.epochsRun, run.epochsToTarget);
        assert.ok(run.finalAccuracy >= 0.9);
      }
    }
  });
  await t.step("rows summarise their runs", () => {
    assert.equal(study.rows.length, 4);
    for (const row of study.rows) {
      const runs = study.runs.filter((r) => r.name === row.name && r.depth === row.depth);
      const acc = runs.map((r) => r.finalAccuracy);
      const mean = (acc[0] + acc[1]) / 2;
      assert.ok(Math.abs(row.accuracyMean - mean) < 1e-12);
      assert.ok(Math.abs(row.accuracySd - Math.abs(acc[0] - acc[1]) / Math.SQRT2) < 1e-12);
      assert.equal(row.accuracyMin, Math.min(...acc));
      assert.equal(row.accuracyMax, Math.max(...acc));
      const reached = runs.filter((r) => r.epochsToTarget !== null);
      assert.equal(row.reached, reached.length);
      assert.equal(row.runs, 2);
      assert.equal(row.diverged, 0);
      if (reached.length === 0) assert.equal(row.epochsMean, null);
    }
  });
  await t.step("trainable depth: the deepest at which every seed reached the target", () => {
    for (const name of ["relu", "tanh"]) {
      const trained = study.rows.filter((r) => r.name === name && r.reached === r.runs);
      assert.equal(study.trainableDepth[name], Math.max(0, ...trained.map((r) => r.depth)));
    }
    assert.equal(study.target, 0.9);
    assert.equal(study.epochs, 8);
  });
  await t.step("the same options give the same study", async () => {
    const again = await trainability(makeDataset("xor", { seed: 1 }), options);
    assert.deepEqual(again, { ...study });
  });
});

Deno.test("trainability(): a deep sigmoid network learns nothing where ReLU with He learns", async () => {
  const study: Trainability = await trainability(makeDataset("spiral"), {
    activations: ["sigmoid", "relu"],
    depths: [12],
    seeds: [1],
    epochs: 40,
    learningRate: 0.003,
    batchSize: 16,
  });
  const [sigmoid, relu] = study.rows;
  assert.ok(sigmoid.accuracyMean <= 0.55, `sigmoid ${sigmoid.accuracyMean}`);
  assert.ok(relu.accuracyMean >= sigmoid.accuracyMean + 0.25, `relu ${relu.accuracyMean}`);
});

Deno.test("trainability() options: init, stopAtTarget, standardize", async (t) => {
  const data = makeDataset("circle", { seed: 2 });
  const small = { activations: ["elu"], depths: [2], seeds: [3], epochs: 4 };
  await t.step("one initialisation for all, or a record (gain for the others)", async () => {
    const one = await trainability(data, { ...small, init: "lecun_normal" });
    assert.equal(one.runs[0].init, "lecun_normal");
    const record = await trainability(data, { ...small, init: { relu: "he_normal" } });
    assert.equal(record.runs[0].init, "gain");
  });
  await t.step("stopAtTarget false runs every epoch", async () => {
    const full = await trainability(data, { ...small, target: 0.01, stopAtTarget: false });
    assert.equal(full.runs[0].epochsRun, 4);
    assert.equal(full.runs[0].epochsToTarget, 1);
  });
  await t.step("standardising the features changes what is learnt", async () => {
    const raw = await trainability(data, { ...small, standardize: false });
    const scaled = await trainability(data, small);
    assert.notEqual(raw.runs[0].finalLoss, scaled.runs[0].finalLoss);
  });
});

Deno.test("trainability() refuses bad options before training", async (t) => {
  const data = makeDataset("xor");
  let trained = 0;
  const onRun = () => {
    trained++;
  };
  const cases: [string, Record<string, unknown>, new (...a: never[]) => Error, RegExp][] = [
    ["no depths", { depths: [] }, RangeError, /^Invalid option depths: expected at least one/],
    [
      "a depth above the maximum",
      { depths: [2, 300] },
      RangeError,
      /^Invalid option depths\[1\]: 300 is above the maximum 256/,
    ],
    [
      "a bad seed",
      { seeds: [1.5] },
      RangeError,
      /^Invalid option seeds\[0\]: 1.5 is not an integer/,
    ],
    ["target 0", { target: 0 }, RangeError, /^Invalid option target: 0 is not above 0/],
    [
      "an unknown initialisation",
      { init: { relu: "kaiming" } },
      RangeError,
      /^Invalid option init.relu: unknown initialisation "kaiming": expected one of/,
    ],
    [
      "stopAtTarget not a boolean",
      { stopAtTarget: "yes" },
      TypeError,
      /^Invalid option stopAtTarget: expected true or false, got yes/,
    ],
    [
      "an unknown activation, after a good one",
      { activations: ["relu", "rleu"] },
      Error,
      /rleu/,
    ],
  ];
  for (const [name, options, type, message] of cases) {
    await t.step(name, async () => {
      await assert.rejects(
        trainability(data, { epochs: 1, ...options, onRun }),
        (e: Error) => e instanceof type && message.test(e.message),
      );
    });
  }
  assert.equal(trained, 0, "nothing was trained");
});
