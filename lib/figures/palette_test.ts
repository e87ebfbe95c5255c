import assert from "node:assert/strict";
import { BMY, interpolateBmy } from "./palette.ts";

// Rows of colorcet's linear_bmy_10-95_c78_n256.csv (float RGB), converted here the way
// colorcet's bokeh_palette() does: int(v * 255) per channel.
const CSV_ROWS: [number, [number, number, number]][] = [
  [0, [0, 0.047803, 0.4883]],
  [36, [0.041146, 0.085117, 0.66498]],
  [128, [0.94529, 0.10322, 0.45759]],
  [200, [1, 0.65258, 0.17395]],
  [255, [1, 0.94606, 0.13735]],
];

function hex([r, g, b]: [number, number, number]): string {
  return "#" + [r, g, b].map((v) => Math.trunc(v * 255).toString(16).padStart(2, "0")).join("");
}

Deno.test("BMY holds colorcet's 256 bmy colours", async (t) => {
  await t.step("256 hex colours", () => {
    assert.equal(BMY.length, 256);
    for (const c of BMY) assert.match(c, /^#[0-9a-f]{6}$/);
    assert.ok(Object.isFrozen(BMY));
  });
  await t.step("values from the published CSV", () => {
    for (const [k, rgb] of CSV_ROWS) assert.equal(BMY[k], hex(rgb), `BMY[${k}]`);
  });
  await t.step("lightness increases from dark blue to yellow", () => {
    const luma = (c: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    assert.ok(luma(BMY[255]) > luma(BMY[128]) && luma(BMY[128]) > luma(BMY[0]));
    let drops = 0;
    for (let k = 1; k < 256; k++) if (luma(BMY[k]) < luma(BMY[k - 1]) - 2) drops++;
    assert.ok(drops < 10, `${drops} lightness drops`);
  });
});

Deno.test("interpolateBmy() bins like Bokeh's LinearColorMapper", async (t) => {
  await t.step("ends and middle", () => {
    assert.equal(interpolateBmy(0), BMY[0]);
    assert.equal(interpolateBmy(1), BMY[255]);
    assert.equal(interpolateBmy(0.5), BMY[128]);
    assert.equal(interpolateBmy(1 / 256 - 1e-9), BMY[0]);
    assert.equal(interpolateBmy(1 / 256), BMY[1]);
  });
  await t.step("clamps outside [0, 1]", () => {
    assert.equal(interpolateBmy(-3), BMY[0]);
    assert.equal(interpolateBmy(7), BMY[255]);
    assert.equal(interpolateBmy(-0), BMY[0]);
  });
  await t.step("NaN has no colour", () => {
    assert.equal(interpolateBmy(NaN), undefined);
  });
});
