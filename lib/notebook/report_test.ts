import assert from "node:assert/strict";
import { reportMetric } from "./report.ts";

Deno.test("reportMetric() appends JSON lines to METRICS_FILE and returns the value", async (t) => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/m.jsonl`;
  const before = Deno.env.get("METRICS_FILE");
  try {
    await t.step("without METRICS_FILE nothing is written", () => {
      Deno.env.delete("METRICS_FILE");
      assert.equal(reportMetric("a", 1), 1);
    });
    await t.step("with METRICS_FILE each call is one line", () => {
      Deno.env.set("METRICS_FILE", file);
      reportMetric("linear.accuracy", 0.5);
      reportMetric("nonlinear.loss", 0.0125);
      const lines = Deno.readTextFileSync(file).trim().split("\n").map((l) => JSON.parse(l));
      assert.deepEqual(lines, [
        { name: "linear.accuracy", value: 0.5 },
        { name: "nonlinear.loss", value: 0.0125 },
      ]);
    });
    await t.step("bad names and values", () => {
      assert.throws(() => reportMetric("", 1), TypeError);
      assert.throws(() => reportMetric("x", NaN), /Invalid value for metric "x".*NaN/);
      assert.throws(() => reportMetric("x", Infinity), RangeError);
    });
  } finally {
    if (before === undefined) Deno.env.delete("METRICS_FILE");
    else Deno.env.set("METRICS_FILE", before);
    await Deno.remove(dir, { recursive: true });
  }
});
