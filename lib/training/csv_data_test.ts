import assert from "node:assert/strict";
import { loadCsvData, parseCsvData } from "./csv_data.ts";

Deno.test("parseCsvData() reads classification and regression data", async (t) => {
  await t.step("x1,x2,label: two classes are binary, more are multi-class", () => {
    const binary = parseCsvData("x1,x2,label\n0,0,0\n1,1,1\n");
    assert.equal(binary.task, "binary");
    assert.deepEqual(Array.from(binary.y), [0, 1]);
    const multi = parseCsvData("\uFEFF X1 , x2, Label\r\n0.5,-1,2\r\n1e-3,3,0\r\n-2,0,1\r\n\r\n");
    assert.equal(multi.task, "multiclass");
    assert.equal(multi.classes, 3);
    assert.deepEqual(Array.from(multi.x), [0.5, -1, 1e-3, 3, -2, 0].map(Math.fround));
    const [[x0, x1]] = multi.extent;
    assert.ok(x0 < -2 && x1 > 0.5);
  });
  await t.step("x1,x2,y: regression targets", () => {
    const d = parseCsvData("x1,x2,y\n0,0,0.25\n1,2,-3.5\n", { name: "mine.csv" });
    assert.equal(d.task, "regression");
    assert.equal(d.name, "mine.csv");
    assert.deepEqual(Array.from(d.y), [0.25, -3.5]);
  });
});

Deno.test("parseCsvData() names the line and column of a bad value", async (t) => {
  const cases: [string, RegExp][] = [
    ["x,y,label\n0,0,0", /line 1: expected the header "x1,x2,label" or "x1,x2,y", got "x,y,label"/],
    ["x1,x2,label\n0,0,0\n1,1", /line 3: expected 3 values \(x1, x2, label\), got 2/],
    ["x1,x2,label\n0,0,0\n1,abc,1", /line 3, column 2 \(x2\): "abc" is not a number/],
    ["x1,x2,label\n0,0,0\n1,,1", /line 3, column 2 \(x2\): "" is not a number/],
    [
      "x1,x2,label\n0,0,0\n1e39,0,1",
      /line 3, column 1 \(x1\): "1e39" is not a number finite in float32/,
    ],
    [
      "x1,x2,label\n0,0,0\nInfinity,0,1",
      /line 3, column 1 \(x1\): "Infinity" is not a number finite/,
    ],
    [
      "x1,x2,label\n0,0,1\n0,1,-1",
      /line 3, column 3 \(label\): "-1" is not a class number.*Playground's label -1 is class 0/,
    ],
    ["x1,x2,label\n0,0,1\n0,1,0.5", /line 3, column 3 \(label\): "0.5" is not a class number/],
    ["x1,x2,label\n0,0,1\n0,1,10", /class 10 is above the largest, 9/],
    ["x1,x2,y\n0,0,NaN\n1,1,1", /line 2, column 3 \(y\): "NaN" is not a number/],
    ["x1,x2,label\n0,0,0\n1,1,0\n", /every point has label 0/],
    ["x1,x2,y\n0,0,1\n", /1 point: expected at least 2/],
  ];
  for (const [text, pattern] of cases) {
    await t.step(pattern.source.slice(0, 60), () => {
      assert.throws(() => parseCsvData(text, { name: "data.csv" }), (e: Error) => {
        assert.ok(e instanceof RangeError, e.message);
        assert.match(e.message, /^data\.csv, line \d+/);
        assert.match(e.message, pattern);
        return true;
      });
    });
  }
});

Deno.test("loadCsvData() reads a file whole or not at all", () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/ok.csv`, "x1,x2,label\n0,0,0\n1,1,1\n2,2,1\n");
    const d = loadCsvData(`${dir}/ok.csv`);
    assert.equal(d.name, "ok.csv");
    assert.equal(d.y.length, 3);
    // a bad last line: an error, no data at all
    Deno.writeTextFileSync(`${dir}/bad.csv`, "x1,x2,label\n0,0,0\n1,1,1\n2,2,x\n");
    assert.throws(() => loadCsvData(`${dir}/bad.csv`), /bad\.csv, line 4, column 3 \(label\): "x"/);
    assert.throws(
      () => loadCsvData(`${dir}/missing.csv`),
      /Cannot read the CSV file ".*missing\.csv"/,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
