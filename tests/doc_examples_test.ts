// The doc examples check themselves with console.assert; `deno task test` runs them with
// tasks/doc_assertions.ts preloaded, so that a false assertion fails its example.
import assert from "node:assert/strict";
import { ROOT } from "./notebook_files.ts";

async function docTest(example: string): Promise<{ code: number; output: string }> {
  const dir = await Deno.makeTempDir({ prefix: "doc-example-" });
  try {
    await Deno.writeTextFile(
      `${dir}/example.ts`,
      `/**\n * @example\n * \`\`\`ts\n * ${example}\n * \`\`\`\n */\nexport const x = 1;\n`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["test", "--doc", "--preload", `${ROOT}/tasks/doc_assertions.ts`, "example.ts"],
      cwd: dir,
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    return { code: out.code, output: text };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a doc example's false console.assert fails it, naming the message", async () => {
  const bad = await docTest('console.assert(1 + 1 === 3, "one and one");');
  assert.equal(bad.code, 1, bad.output);
  assert.match(bad.output, /Assertion failed: one and one/);
  assert.match(bad.output, /1 failed/);
  const good = await docTest("console.assert(1 + 1 === 2);");
  assert.equal(good.code, 0, good.output);
  assert.match(good.output, /1 passed/);
});
