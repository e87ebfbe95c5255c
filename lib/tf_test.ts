import assert from "node:assert/strict";
import { backendName, BACKENDS, tf, useBackend } from "./tf.ts";

Deno.test("useBackend() switches backends and rejects unknown names", async (t) => {
  await t.step("default is the fastest that works", async () => {
    assert.equal(await useBackend(), "wasm");
    assert.equal(backendName(), "wasm");
  });
  await t.step("cpu on request, same numbers", async () => {
    const onWasm = tf.tidy(() => tf.sigmoid(tf.tensor1d([-1, 0, 2])).dataSync());
    assert.equal(await useBackend("cpu"), "cpu");
    const onCpu = tf.tidy(() => tf.sigmoid(tf.tensor1d([-1, 0, 2])).dataSync());
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(onWasm[i] - onCpu[i]) < 1e-7);
    await useBackend();
  });
  await t.step("unknown name", async () => {
    await assert.rejects(
      // deno-lint-ignore no-explicit-any
      () => useBackend("gpu" as any),
      (e: Error) =>
        e instanceof RangeError && e.message.includes('"gpu"') && e.message.includes('"wasm"'),
    );
    assert.deepEqual([...BACKENDS], ["wasm", "cpu"]);
  });
});
