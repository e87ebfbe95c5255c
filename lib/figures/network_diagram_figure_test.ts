import assert from "node:assert/strict";
import { tf } from "../tf.ts";
import { createNetwork, packedWeights } from "../training/network.ts";
import { networkDiagramFigure } from "./network_diagram_figure.ts";
import { deadUnits } from "../training/dead_units.ts";
import { clippedTexts, parseSvg } from "../../tests/_helpers/figure_checks.ts";

Deno.test("networkDiagramFigure() draws every unit and weight", async (t) => {
  const base = tf.memory().numTensors;
  await t.step("a node per unit, a line per weight, headings, feature labels", () => {
    const net = createNetwork(
      { hidden: [5, 3], activation: "gelu_tanh", features: ["x1", "x2", "x1^2", "sin(x2)"] },
      { output: "softmax", outputs: 3, seed: 2 },
    );
    const fig = networkDiagramFigure(net);
    const doc = parseSvg(fig.svg());
    assert.equal(doc.querySelectorAll("image").length, 4 + 5 + 3 + 3);
    assert.equal(doc.querySelectorAll("path title").length, 4 * 5 + 5 * 3 + 3 * 3);
    const titles = Array.from(doc.querySelectorAll("path title"), (e) => e.textContent ?? "");
    const w = net.weights()[0].kernel[0];
    assert.ok(titles.includes(`x₁ → unit 1 of layer 1: w = ${+w.toPrecision(3)}`), titles[0]);
    for (const text of ["features", "layer 1: 5", "output", "softmax", "x₁²", "sin(x₂)"]) {
      assert.ok(fig.svg().includes(`>${text}<`), text);
    }
    assert.ok(fig.svg().includes("GELU (tanh approximation)"));
    assert.deepEqual(clippedTexts(fig), []);
    net.dispose();
  });
  await t.step("dead units are counted and crossed out; wide layers are cut short", () => {
    const net = createNetwork({ hidden: [20], activation: "relu" }, { seed: 1 });
    packedWeights(net)[2 * 20 + 3] = -1000; // unit 4's bias: dead everywhere
    const points = [1, 1, -2, 3, 4, -4, -3, -1];
    const dead = deadUnits(net, points)[0].dead;
    assert.ok(dead >= 1);
    const fig = networkDiagramFigure(net, { points, maxUnits: 8 });
    assert.ok(fig.svg().includes(`>${dead} dead<`));
    assert.ok(fig.svg().includes(">+12 more<"));
    assert.match(fig.svg(), /unit 4 of layer 1: dead on the points/);
    assert.equal(parseSvg(fig.svg()).querySelectorAll("image").length, 2 + 8 + 1);
    net.dispose();
  });
  await t.step("bad options are refused", () => {
    const net = createNetwork({ hidden: [2], activation: "relu" }, { inputs: 3 });
    assert.throws(() => networkDiagramFigure(net), /expected a network of 2 inputs, got 3/);
    net.dispose();
    const ok = createNetwork({ hidden: [2], activation: "relu" });
    assert.throws(() => networkDiagramFigure(ok, { maxUnits: 65 }), /above the maximum 64/);
    ok.dispose();
  });
  assert.equal(tf.memory().numTensors, base);
});

Deno.test("networkDiagramFigure() and predictionFigure() refuse a bad window", () => {
  const net = createNetwork({ hidden: [2], activation: "tanh" });
  assert.throws(
    () => networkDiagramFigure(net, { extent: [[0, NaN], [0, 1]] }),
    /Invalid option extent\[0\]\[1\]: NaN is not a finite number/,
  );
  assert.throws(
    () => networkDiagramFigure(net, { extent: [[1, 0], [0, 1]] }),
    /extent\[0\]: 1 is not below 0/,
  );
  net.dispose();
});
