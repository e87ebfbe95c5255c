import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork } from "./network.ts";
import { predict } from "./predict.ts";
import { train } from "./train.ts";
import { playgroundData } from "./playground_data.ts";
import {
  loadNetwork,
  type NetworkFile,
  networkFromJson,
  networkToJson,
  saveNetwork,
} from "./network_export.ts";

Deno.test("saveNetwork() and loadNetwork() reproduce predictions exactly", async (t) => {
  const base = tf.memory().numTensors;
  const dir = Deno.makeTempDirSync();
  const blobs = playgroundData("blobs", { seed: 1, size: 60 });
  const cases = [
    ["sigmoid, tanh", { hidden: [5, 3], activation: "tanh" }, {}],
    ["softmax with features", {
      hidden: [6],
      activation: "gelu",
      features: ["x1", "x2", "x1^2", "sin(x2)"],
    }, { output: "softmax", outputs: 3 }],
    ["linear, PReLU with learned alphas", { hidden: [4, 4], activation: "prelu" }, {
      output: "linear",
    }],
  ] as const;
  try {
    for (const [name, spec, options] of cases) {
      await t.step(name, async () => {
        const net = createNetwork(spec as never, { seed: 3, ...options } as never);
        const y = net.output === "softmax"
          ? blobs.y
          : net.output === "linear"
          ? Float32Array.from(blobs.y, (v) => v / 2)
          : blobs.y.map((v) => (v === 2 ? 1 : v));
        await train(net, { x: blobs.x, y }, { epochs: 3, learningRate: 0.01 });
        const path = saveNetwork(net, `net ${name}`, { dir, settings: { epochs: 3, name } });
        assert.ok(path.endsWith(`/net ${name}.json`));
        const loaded = loadNetwork(path);
        assert.deepEqual(loaded.settings, { epochs: 3, name });
        assert.deepEqual(loaded.network.sizes, net.sizes);
        assert.deepEqual(loaded.network.spec, net.spec);
        assert.deepEqual(loaded.network.activationParams(), net.activationParams());
        assert.deepEqual(predict(loaded.network, blobs.x), predict(net, blobs.x));
        // the same network writes the same bytes
        const again = saveNetwork(net, `again ${name}`, { dir, settings: { epochs: 3, name } });
        assert.equal(Deno.readTextFileSync(again), Deno.readTextFileSync(path));
        net.dispose();
        loaded.network.dispose();
      });
    }
    await t.step("weights are written short, one array per line", () => {
      const text = Deno.readTextFileSync(`${dir}/net sigmoid, tanh.json`);
      const kernel = /"kernel": \[([^\]]*)\]/.exec(text)![1].split(",");
      assert.ok(kernel.every((v) => v.replace(/^-|e.*$|\./g, "").replace(/^0+/, "").length <= 9));
      assert.equal(JSON.parse(text).format, "activations-network");
      assert.deepEqual([...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".tmp")), []);
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("networkFromJson() refuses a bad file, naming the field", async (t) => {
  const net = createNetwork({ hidden: [2], activation: "relu" }, { seed: 1 });
  const good = networkToJson(net);
  net.dispose();
  const edit = (f: (file: Record<string, unknown>) => void): NetworkFile => {
    const copy = JSON.parse(JSON.stringify(good));
    f(copy);
    return copy;
  };
  const cases: [string, NetworkFile, RegExp][] = [
    ["format", edit((f) => (f.format = "keras")), /format: expected "activations-network"/],
    ["version", edit((f) => (f.version = 2)), /reads version 1, got 2/],
    [
      "a weight",
      edit((f) => ((f.layers as { bias: unknown[] }[])[1].bias[0] = "x")),
      /layers\[1\]\.bias\[0\]/,
    ],
    [
      "a kernel's length",
      edit((f) => (f.layers as { kernel: number[] }[])[0].kernel.pop()),
      /layers\[0\]\.kernel: expected 4 weights, got 3/,
    ],
    ["the layers", edit((f) => (f.layers as unknown[]).pop()), /1 layers for layer widths 2-2-1/],
    [
      "the activation",
      edit((f) => ((f.network as { activation: string }).activation = "nope")),
      /Unknown activation "nope"/,
    ],
    [
      "the output",
      edit((f) => ((f.network as { output: string }).output = "tanh")),
      /unknown output layer "tanh"/,
    ],
  ];
  for (const [name, file, pattern] of cases) {
    await t.step(name, () => assert.throws(() => networkFromJson(file), pattern));
  }
  await t.step("a file that is not JSON, or missing", () => {
    const path = Deno.makeTempFileSync({ suffix: ".json" });
    Deno.writeTextFileSync(path, "{not json");
    assert.throws(() => loadNetwork(path), /is not JSON/);
    Deno.removeSync(path);
    assert.throws(() => loadNetwork(path), /Cannot read the network file/);
  });
});
