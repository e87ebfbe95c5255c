import assert from "node:assert/strict";
import { saturation } from "./saturation.ts";
import { tf } from "../tf.ts";

Deno.test("saturation() finds where the derivative vanishes", async (t) => {
  const before = tf.memory().numTensors;
  await t.step("sigmoid: sigma(1 - sigma) = 1e-3 at |x| = 6.9067 (closed form)", () => {
    // sigma(1 - sigma) = c  <=>  sigma = (1 + sqrt(1 - 4c)) / 2
    const c = 1e-3, s = (1 + Math.sqrt(1 - 4 * c)) / 2, edge = Math.log(s / (1 - s));
    const r = saturation("sigmoid");
    assert.ok(Math.abs(r.right! - edge) <= 0.011, `${r.right} vs ${edge}`);
    assert.ok(Math.abs(r.left! + edge) <= 0.011, `${r.left} vs ${-edge}`);
    assert.ok(Math.abs(r.maxSlope - 0.25) < 1e-6);
  });
  await t.step("tanh: 1 - tanh^2 = 1e-3 at |x| = atanh(sqrt(0.999))", () => {
    const edge = Math.atanh(Math.sqrt(0.999));
    const r = saturation("tanh");
    assert.ok(Math.abs(r.right! - edge) <= 0.011 && Math.abs(r.left! + edge) <= 0.011);
  });
  await t.step("relu: dead on the whole negative side, alive on the positive", () => {
    const r = saturation("relu");
    assert.ok(r.left !== null && r.left <= 0 && r.left > -0.02, String(r.left));
    assert.equal(r.right, null);
  });
  await t.step("kinks: each edge where the slope stops, not the next grid point", () => {
    // hard sigmoid (slope 1/6 on [-3, 3]), ReLU6 (1 on [0, 6]), hard tanh (1 on [-1, 1]); at
    // a kink the derivative is the left one, so the left edge is the kink itself and the
    // right edge a float32 step or two above it (hard sigmoid's x / 6 + 1/2 rounds to 1 at
    // the first)
    for (const [name, lo, hi] of [["hard_sigmoid", -3, 3], ["relu6", 0, 6], ["hard_tanh", -1, 1]]) {
      const r = saturation(name as string);
      assert.equal(r.left, lo, name as string);
      assert.ok(
        r.right! > (hi as number) && r.right! - (hi as number) < 1e-6,
        `${name}: ${r.right}`,
      );
      assert.equal(Number(r.right!.toPrecision(3)), hi);
    }
    // a smooth edge to float32 precision: sigmoid's
    const c = 1e-3, s = (1 + Math.sqrt(1 - 4 * c)) / 2, edge = Math.log(s / (1 - s));
    const r = saturation("sigmoid");
    assert.ok(
      Math.abs(r.right! - edge) < 1e-4 && Math.abs(r.left! + edge) < 1e-4,
      JSON.stringify(r),
    );
  });
  await t.step("identity never saturates", () => {
    const r = saturation("identity");
    assert.deepEqual([r.left, r.right, r.maxSlope], [null, null, 1]);
  });
  await t.step("bad options", () => {
    assert.throws(() => saturation("sigmoid", { threshold: 0 }), /threshold 0/);
    assert.throws(() => saturation("sigmoid", { range: [1, -1] }), /range \[1, -1\]/);
    assert.throws(() => saturation("nope"), /"nope"/);
  });
  assert.equal(tf.memory().numTensors, before);
});
