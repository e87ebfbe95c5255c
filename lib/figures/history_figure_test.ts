import assert from "node:assert/strict";
import { historyFigure } from "./history_figure.ts";
import { parseSvg, texts } from "../../tests/_helpers/figure_checks.ts";

Deno.test("historyFigure() draws loss and accuracy per epoch for each run", () => {
  const fig = historyFigure({
    Linear: { loss: [0.7, 0.69, 0.69], accuracy: [0.5, 0.5, 0.5] },
    ELU: { loss: [0.7, 0.4, 0.1], accuracy: [0.5, 0.8, 1] },
  }, { title: "XOR" });
  assert.deepEqual(fig.titles, ["XOR: Loss", "XOR: Accuracy"]);
  const doc = parseSvg(fig.svg());
  const all = texts(doc);
  for (const t of ["loss", "accuracy", "epoch", "Linear", "ELU"]) assert.ok(all.includes(t), t);
  assert.equal(doc.querySelectorAll('[aria-label="line"] path').length, 4);
  const hover = Array.from(
    doc.querySelectorAll('[aria-description="hover"] title'),
    (t) => t.textContent,
  );
  assert.equal(hover.length, 12);
  assert.ok(hover.includes("ELU: epoch 3, loss = 0.1"));
  assert.ok(hover.includes("Linear: epoch 2, accuracy = 0.5"));
});

Deno.test("historyFigure() takes a single run without accuracy", () => {
  const fig = historyFigure({ loss: [1, 0.5, 0.25] });
  assert.deepEqual(fig.titles, ["Training: Loss"]);
  const doc = parseSvg(fig.svg());
  assert.equal(doc.querySelectorAll('[aria-label="line"] path').length, 1);
  assert.ok(
    Array.from(doc.querySelectorAll("title"), (t) => t.textContent).includes("epoch 2, loss = 0.5"),
  );
});

Deno.test("historyFigure() reads an empty accuracy as none (regression, with test curves)", () => {
  const fig = historyFigure({
    training: { loss: [1, 0.5], accuracy: [] },
    test: { loss: [1.1, 0.6], accuracy: [] },
  });
  assert.deepEqual(fig.titles, ["Training: Loss"]);
});

Deno.test("historyFigure() rejects empty or mismatched histories", async (t) => {
  await t.step("no runs", () => assert.throws(() => historyFigure({}), TypeError));
  await t.step("no epochs", () => assert.throws(() => historyFigure({ loss: [] }), TypeError));
  await t.step("accuracy length", () => {
    assert.throws(() => historyFigure({ loss: [1, 2], accuracy: [1] }), TypeError);
  });
});

Deno.test("historyFigure() stacks the panels with layout: column, and reads out fewer epochs", () => {
  const loss = Array.from({ length: 300 }, (_, k) => 1 / (k + 1));
  const accuracy = loss.map((v) => 1 - v);
  const run = { loss, accuracy };
  const fig = historyFigure({ training: run, test: run }, {
    layout: "column",
    width: 400,
    height: 190,
    readouts: 30,
  });
  const wide = historyFigure({ training: run, test: run }, { width: 400, height: 190 });
  assert.deepEqual(fig.titles, ["Training: Loss", "Training: Accuracy"]);
  assert.equal(fig.width, 400);
  assert.equal(fig.width * 2 + 16, wide.width);
  assert.equal(fig.height, wide.height * 2 + 16);
  const hover = parseSvg(fig.svg()).querySelectorAll('[aria-description="hover"] title');
  // every 10th epoch and the last, per run and panel
  assert.equal(hover.length, 2 * 2 * 31);
  assert.throws(
    () => historyFigure(run, { layout: "grid" as never }),
    /^RangeError: Invalid option layout: unknown "grid": expected one of "row", "column"$/,
  );
  assert.throws(() => historyFigure(run, { readouts: 0 }), /readouts: 0 is below the minimum 1/);
});
