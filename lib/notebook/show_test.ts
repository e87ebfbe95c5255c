import assert from "node:assert/strict";
import { show } from "./show.ts";
import { table } from "./table.ts";

Deno.test("show() prints the plain-text form outside a notebook", async () => {
  const printed: string[] = [];
  const log = console.log;
  console.log = (s: string) => printed.push(s);
  try {
    await show(table([{ a: 1 }]), "text");
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, ["a\n1", "text"]);
});
