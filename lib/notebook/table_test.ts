import assert from "node:assert/strict";
import { JUPYTER_DISPLAY as DISPLAY } from "./display.ts";
import { table } from "./table.ts";

Deno.test("table() renders rows as HTML, Markdown and plain text", async (t) => {
  const rows = [
    { name: "relu", accuracy: 0.987654, epoch: 12 },
    { name: "a<b", accuracy: 0.5, epoch: null },
  ];
  const bundle = table(rows, { digits: 3 })[DISPLAY]() as Record<string, string>;
  await t.step("html escapes and right-aligns numbers", () => {
    assert.match(bundle["text/html"], /<th>name<\/th><th style="text-align:right">accuracy<\/th>/);
    assert.match(bundle["text/html"], /<td>a&lt;b<\/td>/);
    assert.match(bundle["text/html"], />0\.988</);
  });
  await t.step("markdown and plain text", () => {
    assert.equal(bundle["text/markdown"].split("\n")[1], "| --- | ---: | ---: |");
    assert.equal(bundle["text/plain"].split("\n")[2], "a<b        0.5      –");
  });
  await t.step("chosen columns with headings", () => {
    const plain = String(table(rows, { columns: [["epoch", "Epoch"], "name"] }));
    assert.equal(plain.split("\n")[0], "Epoch  name");
  });
  await t.step("empty cells as the text names them", () => {
    const plain = String(table(rows, { columns: ["epoch"], missing: "never" }));
    assert.deepEqual(plain.split("\n").map((l) => l.trim()), ["epoch", "12", "never"]);
    assert.throws(() => table(rows, { missing: 0 as unknown as string }), TypeError);
  });
  await t.step("bad rows", () => {
    // deno-lint-ignore no-explicit-any
    assert.throws(() => table([1 as any]), TypeError);
  });
});
