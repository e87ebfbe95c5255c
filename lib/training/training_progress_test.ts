import assert from "node:assert/strict";
import { type MimeBundle, progressBundle, trainingProgress } from "./training_progress.ts";

const log = (epoch: number, epochs = 100) => ({ epoch, epochs, loss: 0.1234567, accuracy: 0.985 });

Deno.test("trainingProgress() behaviour", async (t) => {
  await t.step("one display, then in-place updates every epochs/20 and at the end", async () => {
    const calls: { bundle: MimeBundle; options: Record<string, unknown> }[] = [];
    const onEpoch = trainingProgress({
      label: "ELU",
      display: (bundle, options) => void calls.push({ bundle, options }),
    });
    for (let e = 1; e <= 100; e++) await onEpoch(log(e));
    assert.deepEqual(
      calls.map((c) => c.bundle["text/plain"].match(/epoch (\d+)/)![1]).map(Number),
      [
        1,
        ...Array.from({ length: 20 }, (_, k) => 5 * (k + 1)),
      ],
    );
    const ids = new Set(calls.map((c) => c.options.display_id));
    assert.equal(ids.size, 1);
    assert.equal(calls[0].options.update, undefined);
    assert.ok(calls.slice(1).every((c) => c.options.update === true && c.options.raw === true));
  });
  await t.step("every: 1 shows every epoch; each callback has its own output", async () => {
    const ids: unknown[] = [];
    const display = (_: MimeBundle, o: { display_id: string }) => void ids.push(o.display_id);
    const a = trainingProgress({ every: 1, display }), b = trainingProgress({ every: 1, display });
    for (let e = 1; e <= 3; e++) await a(log(e, 3));
    await b(log(1, 3));
    assert.equal(ids.length, 4);
    assert.notEqual(ids[0], ids[3]);
  });
  await t.step("without Jupyter it does nothing", async () => {
    await trainingProgress()(log(1));
  });
  await t.step("bad intervals throw RangeError", () => {
    assert.throws(
      () => trainingProgress({ every: 0 }),
      /Invalid option every: 0 is below the minimum 1/,
    );
  });
});

Deno.test("progressBundle() behaviour", () => {
  const b = progressBundle("A <b>", log(7));
  assert.equal(b["text/plain"], "A <b>: epoch 7/100, loss 0.1235, accuracy 98.5%");
  assert.match(b["text/html"], /<progress value="7" max="100"><\/progress> A &lt;b&gt;: epoch 7/);
});

Deno.test("progressBundle(): regression has no accuracy; test numbers when given", () => {
  const regression = { epoch: 3, epochs: 9, loss: 0.0123, accuracy: NaN };
  assert.equal(progressBundle("plane", regression)["text/plain"], "plane: epoch 3/9, loss 0.0123");
  assert.equal(
    progressBundle("plane", { ...regression, testLoss: 0.02, testAccuracy: NaN })["text/plain"],
    "plane: epoch 3/9, loss 0.0123; test loss 0.0200",
  );
  assert.equal(
    progressBundle("xor", { ...log(5), testLoss: 0.25, testAccuracy: 0.9 })["text/plain"],
    "xor: epoch 5/100, loss 0.1235, accuracy 98.5%; test loss 0.2500, accuracy 90.0%",
  );
  assert.ok(!progressBundle("plane", regression)["text/html"].includes("NaN"));
});
