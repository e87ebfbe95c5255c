// A newcomer's first run, in a fresh clone: `./denow task setup` (what `./denow task run` and
// the other tasks start with) prints one line per step, with no line per npm package and no
// advice to approve build scripts; a second run prints nothing of its own; on a terminal the
// package line counts up in place. Hints name the command the user ran: `./denow task ...`
// through the wrapper, `deno task ...` through Deno.
//
// The clone's npm packages come from Deno's cache (a cold cache would download them: the same
// lines, counted the same way), and its Python is a stand-in whose pip prints as pip does:
// a real install takes a minute and 250 MB, and what setup does with Python is tested in
// tests/setup_test.ts.
import assert from "node:assert/strict";
import { ROOT } from "./notebook_files.ts";
import { npmPackageCount } from "../tasks/setup.ts";

/** What setup reads, as the working tree has it. */
const SETUP_FILES = [
  "deno.json",
  "deno.lock",
  "package.json",
  "denow",
  "requirements.txt",
  ".gitattributes",
  "lib/project_root.ts",
  "tasks/setup.ts",
  "tasks/project.ts",
  "tasks/lab.ts",
  "tasks/docs.ts",
];

// A Python for setup: answers the version probe, makes a "virtual environment" holding
// itself, and as that environment's pip prints a Collecting line (and some noise) for each
// requirement, as pip does.
const FAKE_PYTHON = `#!/bin/sh
case "$1 $2" in
  "-c "*) echo 3.11.7 ;;
  "-m venv") mkdir -p "$3/bin" && echo "home = /fake" > "$3/pyvenv.cfg" && cp "$0" "$3/bin/python" ;;
  "-m pip")
    for last; do :; done
    grep -E '^[A-Za-z0-9]' "$last" | while read -r req; do
      echo "Collecting $req"
      echo "  Using cached $req-py3-none-any.whl (10 kB)"
    done
    echo "Installing collected packages: everything"
    echo "Successfully installed everything" ;;
  *) echo "fake python: $*" >&2; exit 2 ;;
esac
`;

// deno-lint-ignore no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");

async function output(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; lines: string[]; raw: string }> {
  const out = await new Deno.Command(cmd, { args, cwd, env, clearEnv: true, stdin: "null" })
    .output();
  const raw = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  return { code: out.code, lines: plain(raw).split(/\r?\n/).filter((l) => l.trim()), raw };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

Deno.test({
  name: "a fresh clone's first run prints one line per step, and hints name the command run",
  sanitizeResources: false,
  fn: async (t) => {
    const dir = await Deno.makeTempDir({ prefix: "first-run-" });
    const clone = `${dir}/clone`;
    try {
      const cloned = await new Deno.Command("git", {
        args: ["clone", "--quiet", ROOT, clone],
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(cloned.code, 0, new TextDecoder().decode(cloned.stderr));
      for (const path of SETUP_FILES) await Deno.copyFile(`${ROOT}/${path}`, `${clone}/${path}`);
      await Deno.mkdir(`${dir}/bin`);
      await Deno.writeTextFile(`${dir}/bin/python3`, FAKE_PYTHON, { mode: 0o755 });
      const denoDir = Deno.execPath().replace(/\/[^/]*$/, "");
      const env: Record<string, string> = {
        PATH: `${denoDir}:/usr/local/bin:/usr/bin:/bin`,
        PYTHON: `${dir}/bin/python3`,
        HOME: Deno.env.get("HOME") ?? dir,
        ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
      };

      await t.step("the first ./denow task setup: one line per step", async () => {
        const first = await output("./denow", ["task", "setup"], clone, env);
        assert.equal(first.code, 0, first.raw);
        const expected = [
          /^Task setup deno run /,
          /^setup: installing npm packages into node_modules\/ /,
          /^setup: creating the Python virtual environment \.venv\/ /,
          /^setup: installing JupyterLab, nbclient and nbstripout into \.venv\/ /,
          /^setup: registering the Deno kernel "deno-activations" inside \.venv\/ /,
          /^setup: notebooks are committed without outputs: nbstripout filter set/,
        ];
        assert.equal(first.lines.length, expected.length, first.lines.join("\n"));
        expected.forEach((pattern, i) => assert.match(first.lines[i], pattern));
        assert.doesNotMatch(first.raw, /Initialize|Download|approve-scripts|Warning/);
        // the packages are there, core-js's advertisement script denied, not pending
        await Deno.stat(`${clone}/node_modules/@observablehq/plot/package.json`);
      });

      await t.step("a second run: only deno task's own line", async () => {
        const again = await output("./denow", ["task", "setup"], clone, env);
        assert.equal(again.code, 0, again.raw);
        assert.deepEqual(again.lines.map((l) => l.split(" ").slice(0, 2).join(" ")), [
          "Task setup",
        ]);
      });

      const script = await new Deno.Command("sh", { args: ["-c", "command -v script"] })
        .output();
      await t.step({
        name: "on a terminal the npm line counts the packages in place",
        ignore: script.code !== 0, // util-linux's script(1) gives the run a terminal
        fn: async () => {
          await Deno.remove(`${clone}/node_modules`, { recursive: true });
          const tty = await output("script", ["-qec", "./denow task setup", "/dev/null"], clone, {
            ...env,
            TERM: "xterm",
          });
          assert.equal(tty.code, 0, tty.raw);
          const total = await npmPackageCount();
          assert.ok(total && total > 100, String(total));
          // rewritten in place: carriage returns, no new line per package
          const npm = plain(tty.raw).split("\n").find((l) => l.includes("npm packages"))!;
          const updates = npm.split("\r").filter((u) => u.includes("npm packages"));
          assert.ok(updates.length >= 2, npm);
          assert.match(updates[0], new RegExp(` 0/${total}\\s*$`));
          assert.match(updates.at(-1)!, new RegExp(` ${total}/${total}\\s*$`));
          assert.equal(plain(tty.raw).split("\n").filter((l) => l.trim()).length, 2, tty.raw);
        },
      });

      await t.step(
        "hints: ./denow task ... through the wrapper, deno task ... through Deno",
        async () => {
          const port = freePort();
          const taken = Deno.listen({ hostname: "127.0.0.1", port });
          try {
            // as a shell runs it: argv[0] is what the user typed
            const viaDenow = await output(
              "sh",
              ["-c", `./denow task lab --port ${port}`],
              clone,
              env,
            );
            assert.equal(viaDenow.code, 1);
            assert.match(
              viaDenow.raw,
              new RegExp(`pick another port: \\./denow task lab --port ${port + 1}\\n`),
            );
            const viaDeno = await output(
              Deno.execPath(),
              ["task", "lab", "--port", String(port)],
              clone,
              env,
            );
            assert.equal(viaDeno.code, 1);
            assert.match(
              viaDeno.raw,
              new RegExp(`pick another port: deno task lab --port ${port + 1}\\n`),
            );
          } finally {
            taken.close();
          }
          const docs = await output("sh", ["-c", "./denow task docs"], clone, env);
          assert.equal(docs.code, 1);
          assert.match(
            docs.raw,
            /out\/figures\/ELU\.png is missing\.\n\s+Run `\.\/denow task run` first\./,
          );
          const otherName = await output("sh", ["../clone/denow", "task", "docs"], clone, env);
          assert.match(otherName.raw, /Run `\.\.\/clone\/denow task run` first\./);
        },
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("the main job's usage and errors name the command run", async () => {
  for (const [denow, prog] of [["./denow", "./denow task run"], ["", "deno task run"]]) {
    const out = await new Deno.Command(`${ROOT}/.venv/bin/python`, {
      args: [`${ROOT}/tasks/run_notebooks.py`, "--no-such-option"],
      env: { DENOW: denow },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 2, stderr);
    assert.ok(stderr.startsWith(`usage: ${prog} [-h]`), stderr);
    assert.match(
      stderr,
      new RegExp(`${prog.replace(/\./g, "\\.")}: error: unrecognized arguments`),
    );
  }
});
