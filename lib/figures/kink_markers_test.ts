import assert from "node:assert/strict";
import { kinkMarkers } from "./kink_markers.ts";

Deno.test("kinkMarkers() gives the library's one-sided limits", () => {
  const [k] = kinkMarkers("elu", { alpha: 0.25 });
  assert.deepEqual([k.x, k.right], [0, 1]);
  assert.ok(Math.abs(k.left - 0.25) < 1e-7 && Math.abs(k.at - 0.25) < 1e-7);
  assert.deepEqual(kinkMarkers("elu"), []); // alpha = 1: smooth
  const six = kinkMarkers("relu6").find((q) => q.x === 6)!;
  assert.deepEqual([six.left, six.right, six.at], [1, 0, 1]);
});
