import assert from "node:assert/strict";
import {
  gridDataUrl,
  mix,
  mostProbable,
  PLAYGROUND_CLASS_COLORS,
  predictionRgb,
  predictionScale,
  SIGNED_COLORS,
  signedRgb,
} from "./playground_colors.ts";
import { decodePixels } from "../../tests/_helpers/figure_checks.ts";

// Playground's colouring, written out from its definition for the cells below
function expected(probabilities: number[], discretize = false): number[] {
  const classes = probabilities.length;
  let best = 0;
  for (let c = 1; c < classes; c++) if (probabilities[c] > probabilities[best]) best = c;
  const sure = (probabilities[best] - 1 / classes) / (1 - 1 / classes);
  return mix(PLAYGROUND_CLASS_COLORS[best], discretize ? 0.55 : 0.08 + 0.72 * sure);
}

Deno.test("predictionRgb() colours each cell as Playground does", async (t) => {
  await t.step("sigmoid: 1 - p and p, a tie nearly white and class 0's", () => {
    const p = [0.5, 0.25, 0.9, 1, 0];
    const rgb = predictionRgb(p, predictionScale("sigmoid", 1));
    assert.equal(rgb.length, 15);
    p.forEach((v, k) => assert.deepEqual([...rgb.slice(3 * k, 3 * k + 3)], expected([1 - v, v])));
    assert.deepEqual([...rgb.slice(0, 3)], mix(PLAYGROUND_CLASS_COLORS[0], 0.08));
    assert.deepEqual([...rgb.slice(9, 12)], mix(PLAYGROUND_CLASS_COLORS[1], 0.8));
  });
  await t.step("softmax: the most probable class, deeper where surer", () => {
    const p = [0.2, 0.5, 0.3, 1 / 3, 1 / 3, 1 / 3, 0, 0, 1];
    const rgb = predictionRgb(p, predictionScale("softmax", 3));
    for (let k = 0; k < 3; k++) {
      assert.deepEqual([...rgb.slice(3 * k, 3 * k + 3)], expected(p.slice(3 * k, 3 * k + 3)));
    }
    // a three-way tie is the lowest class at its palest
    assert.deepEqual([...rgb.slice(3, 6)], mix(PLAYGROUND_CLASS_COLORS[0], 0.08));
    assert.deepEqual([...rgb.slice(6, 9)], mix(PLAYGROUND_CLASS_COLORS[2], 0.8));
  });
  await t.step("discretize: one flat colour per class, or the sign", () => {
    const rgb = predictionRgb([0.2, 0.8, 0.6], predictionScale("sigmoid", 1, { discretize: true }));
    assert.deepEqual([...rgb.slice(0, 3)], mix(PLAYGROUND_CLASS_COLORS[0], 0.55));
    assert.deepEqual([...rgb.slice(3, 6)], [...rgb.slice(6, 9)]);
    const signs = predictionRgb(
      [-0.01, 0.3],
      predictionScale("linear", 1, { targets: [[2]], discretize: true }),
    );
    assert.deepEqual([...signs], [...signedRgb(-1), ...signedRgb(1)]);
  });
  await t.step("regression: value / range on the signed scale, clamped; NaN white", () => {
    const scale = predictionScale("linear", 1, { targets: [[0.5, -2], [1]] });
    assert.equal(scale.range, 2);
    const v = [-2, -1, 0, 0.5, 3, NaN];
    const rgb = predictionRgb(v, scale);
    v.forEach((x, k) => assert.deepEqual([...rgb.slice(3 * k, 3 * k + 3)], signedRgb(x / 2)));
    assert.deepEqual([...rgb.slice(0, 3)], mix(SIGNED_COLORS[0], 1));
    assert.deepEqual([...rgb.slice(15, 18)], [255, 255, 255]);
  });
  await t.step("mostProbable(): ties go to the lower class", () => {
    assert.deepEqual(mostProbable([0.5], 0, predictionScale("sigmoid", 1)), [0, 0.5]);
    assert.deepEqual(mostProbable([0, 0.6, 0.4, 0, 0.5, 0.5], 1, predictionScale("softmax", 3)), [
      1,
      0.5,
    ]);
  });
  await t.step("bad scales and values name what is wrong", () => {
    assert.throws(
      () => predictionScale("tanh" as never, 1),
      /^RangeError: predictionScale\(output\): unknown "tanh": expected one of "sigmoid", "softmax", "linear"$/,
    );
    assert.throws(() => predictionScale("softmax", 1), /outputs\): 1 is below the minimum 2/);
    assert.throws(() => predictionScale("sigmoid", 2), /outputs\): 2 is above the maximum 1/);
    assert.throws(
      () => predictionScale("linear", 1, { discretize: 1 as never }),
      /discretize: expected true or false, got the number 1/,
    );
    assert.throws(
      () => predictionRgb([0.1, 0.2, 0.7, 0.5], predictionScale("softmax", 3)),
      /predictionRgb\(values\): 4 values is not a multiple of 3 outputs/,
    );
  });
});

Deno.test("gridDataUrl() is lossless, row 0 at the bottom", async () => {
  const rgb = Uint8ClampedArray.from({ length: 3 * 4 * 3 }, (_, k) => (k * 37) % 256);
  const url = gridDataUrl(rgb, 4, 3);
  const bytes = Uint8Array.from(atob(url.split(",")[1]), (c) => c.charCodeAt(0));
  const { width, height, data } = await decodePixels(bytes);
  assert.deepEqual([width, height], [4, 3]);
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 4; i++) {
      const from = 3 * (j * 4 + i), to = 4 * ((2 - j) * 4 + i);
      assert.deepEqual([...data.slice(to, to + 3)], [...rgb.slice(from, from + 3)]);
    }
  }
});
