import assert from "node:assert/strict";
import { clipPolyline } from "./polyline.ts";

Deno.test("clipPolyline() cuts exactly at the window edges", async (t) => {
  await t.step("a line leaving through the top", () => {
    const pts = clipPolyline([0, 1, 2], [0, 1, 2], [0, 2], [0, 1.5]);
    assert.deepEqual(pts.map((p) => [p.x, p.y]), [[0, 0], [1, 1], [1.5, 1.5]]);
  });
  await t.step("a line re-entering makes a new piece", () => {
    const pts = clipPolyline([0, 1, 2, 3, 4], [0, 5, 5, 0, 0], [0, 4], [0, 1]);
    const pieces = new Set(pts.map((p) => p.z));
    assert.equal(pieces.size, 2);
    for (const p of pts) assert.ok(p.y >= 0 && p.y <= 1 && p.x >= 0 && p.x <= 4);
    // the first piece ends where y = 1 on the segment from (0, 0) to (1, 5): x = 0.2
    assert.ok(pts.some((p) => Math.abs(p.x - 0.2) < 1e-12 && p.y === 1));
  });
  await t.step("NaN breaks the line", () => {
    const pts = clipPolyline([0, 1, 2, 3], [0, NaN, 0, 0], [0, 3], [-1, 1]);
    assert.deepEqual(pts.map((p) => [p.x, p.z]), [[2, 1], [3, 1]]);
  });
  await t.step("a break between samples", () => {
    const pts = clipPolyline([-1, 1], [0, 1], [-2, 2], [-2, 2], { breaks: [{ x: 0, jump: 1 }] });
    assert.equal(pts.length, 0);
  });
});
