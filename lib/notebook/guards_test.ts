import assert from "node:assert/strict";
import { type Probe, runProbes } from "../../tests/_helpers/health.ts";
import { JUPYTER_DISPLAY as DISPLAY } from "./display.ts";
import { reportMetric } from "./report.ts";
import { table } from "./table.ts";

// deno-lint-ignore no-explicit-any -- probes pass what the types forbid, as a careless caller would
const bad = (v: unknown): any => v;

Deno.test("notebook guards refuse bad input, and leave tfjs healthy", async (t) => {
  const rows = [{ a: 1.5 }];
  const probes: Probe[] = [
    {
      name: "table digits 0",
      call: () => table(rows, { digits: 0 }),
      error: RangeError,
      message:
        /^Invalid option digits: 0 is below the minimum 1 \(expected an integer from 1 to 17\)$/,
    },
    {
      name: "table digits 101",
      call: () => table(rows, { digits: 101 }),
      error: RangeError,
      message: /^Invalid option digits: 101 is above the maximum 17/,
    },
    {
      name: "table digits 2.5",
      call: () => table(rows, { digits: 2.5 }),
      error: RangeError,
      message:
        /^Invalid option digits: 2\.5 is not an integer \(expected an integer from 1 to 17\)$/,
    },
    {
      name: "table with a BigInt value",
      call: () => table([{ a: 1 }, { a: 1n }]),
      error: TypeError,
      message:
        /^table\(rows\[1\]\.a\): expected a string, number, boolean, null or undefined, got the bigint 1n$/,
    },
    {
      name: "table with an object value",
      call: () => table([{ a: { b: 1 } }]),
      error: TypeError,
      message: /^table\(rows\[0\]\.a\): expected .*, got an object$/,
    },
    {
      name: "table with a symbol value",
      call: () => table([{ a: Symbol("s") }]),
      error: TypeError,
      message: /got a symbol$/,
    },
    {
      name: "table(null)",
      call: () => table(bad(null)),
      error: TypeError,
      message: /^Invalid table rows: expected an array of objects$/,
    },
    {
      name: "table options null",
      call: () => table(rows, bad(null)),
      error: TypeError,
      message: /^table\(options\): expected an options object, got null$/,
    },
    {
      name: 'table columns "a"',
      call: () => table(rows, { columns: bad("a") }),
      error: TypeError,
      message: /^Invalid option columns: expected an array of column keys, got the string "a"$/,
    },
    {
      name: "reportMetric with a BigInt",
      call: () => reportMetric("a", bad(1n)),
      error: TypeError,
      message: /^Invalid value for metric "a": expected a finite number, got the bigint 1n$/,
    },
    {
      name: "reportMetric(null, 1)",
      call: () => reportMetric(bad(null), 1),
      error: TypeError,
      message: /^reportMetric\(name\): expected a non-empty string, got null$/,
    },
  ];
  await runProbes(t, probes);
});

Deno.test("table() escapes Markdown cells: |, backslashes, line breaks and HTML", () => {
  const bundle = table([{ "a|b": "x|y\nz<b>&\\", n: 1 }])[DISPLAY]() as Record<string, string>;
  const [head, , row] = bundle["text/markdown"].split("\n");
  assert.equal(head, "| a\\|b | n |");
  assert.equal(row, "| x\\|y<br>z&lt;b&gt;&amp;\\\\ | 1 |");
  assert.equal(bundle["text/markdown"].split("\n").length, 3);
  assert.match(bundle["text/html"], /<td>x\|y\nz&lt;b&gt;&amp;\\<\/td>/);
});
