import assert from "node:assert/strict";
import { makeDataset } from "../training/datasets.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
import { decisionBoundaryFigure, labelledPoints, transformationFigure } from "./network_figures.ts";
import { fitSubnetwork } from "../training/subnetwork.ts";
import { tf } from "../tf.ts";

Deno.test("labelledPoints() splits row-major points into columns", () => {
  const p = labelledPoints({ x: [1, 2, 3, 4, 5, 6], y: [0, 1, 1] });
  assert.deepEqual([...p.x1], [1, 3, 5]);
  assert.deepEqual([...p.x2], [2, 4, 6]);
  assert.deepEqual([...p.label], [0, 1, 1]);
  assert.throws(() => labelledPoints({ x: [1, 2, 3], y: [0, 1] }), /3 features for 2 labels/);
});

Deno.test("decisionBoundaryFigure() and transformationFigure() draw the network's view", async (t) => {
  const before = tf.memory().numTensors;
  const data = makeDataset("xor", { seed: 3 });
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 3 });
  try {
    await t.step("the boundary has its title, axes and 200 training points", () => {
      const svg = decisionBoundaryFigure(net, data, {
        title: "Decision Boundary (ELU)",
        resolution: 30,
      })
        .svg();
      assert.match(svg, /Decision Boundary \(ELU\)/);
      const dots = svg.match(/<g aria-label="dot" aria-description="training points[^]*?<\/g>/g);
      assert.equal(dots?.join("").match(/<circle /g)?.length, 200);
    });
    await t.step("the transformed view uses x'1 and x'2 and the points' own window", async () => {
      const fit = await fitSubnetwork(net, data, { epochs: 1, resolution: 20 });
      const svg = transformationFigure(fit).svg();
      assert.match(svg, /After Nonlinear Transformation/);
      assert.match(svg, /x'1/);
      assert.match(svg, /x'2/);
      assert.equal(fit.grid.x1[0], Math.fround(fit.extent[0][0]));
    });
  } finally {
    net.dispose();
  }
  assert.equal(tf.memory().numTensors, before);
});
