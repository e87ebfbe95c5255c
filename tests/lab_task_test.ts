// `deno task lab`'s own options: --help prints the usage without starting anything, an
// unknown option is refused naming it (before, both started JupyterLab on port 8888).
import assert from "node:assert/strict";
import { ROOT } from "./notebook_files.ts";
import { freePort } from "./jupyterlab.ts";

// deno task lab's command (deno.json), with these arguments
function labCommand(args: string[], options: Deno.CommandOptions = {}): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-run",
      "--allow-env",
      "--allow-net",
      "--allow-sys=uid",
      `${ROOT}/tasks/lab.ts`,
      ...args,
    ],
    cwd: ROOT,
    ...options,
    env: { NO_COLOR: "1", ...options.env },
  });
}

async function lab(...args: string[]) {
  const out = await labCommand(args).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

Deno.test("deno task lab --help prints its usage and starts nothing", async () => {
  for (const flag of ["--help", "-h"]) {
    const { code, stdout } = await lab(flag);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: .*task lab \[--port N\] \[--host H\] \[-- jupyter options\]/);
    assert.match(stdout, /Figures that notebooks save go to out\/lab\/figures\//);
  }
});

Deno.test("deno task lab refuses an unknown option, naming it", async () => {
  const { code, stderr } = await lab("--prot", "9000");
  assert.equal(code, 1);
  assert.match(stderr, /error: Unknown option "--prot": expected --port N, --host H or --help\./);
  const bad = await lab("--port", "http");
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /Invalid port "http"/);
});

Deno.test({
  name: "deno task lab starts without warnings, and SIGTERM stops it",
  sanitizeResources: false,
  fn: async () => {
    const port = freePort();
    const child = labCommand(["--port", String(port)], {
      env: { BROWSER: "true" },
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const text = new TextDecoder();
    let log = "";
    const read = async (stream: ReadableStream<Uint8Array>) => {
      for await (const chunk of stream) log += text.decode(chunk, { stream: true });
    };
    const reading = Promise.all([read(child.stdout), read(child.stderr)]);
    const deadline = Date.now() + 60_000;
    while (!/Jupyter Server [\d.]+ is running at/.test(log) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1500)); // what a start prints after that line
    child.kill("SIGTERM");
    const { code } = await child.status;
    await reading;
    assert.match(log, /Jupyter Server [\d.]+ is running at/);
    // e.g. traitlets' "UserWarning: Overriding existing post_save_hook" (tasks/lab_config/)
    assert.doesNotMatch(log, /Warning:/, log);
    assert.equal(code, 143);
  },
});
