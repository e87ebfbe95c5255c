// The set-up's messages for a bad machine: no Python, an old Python, no venv module.
// Each runs in a subprocess because the set-up exits with its message.
import assert from "node:assert/strict";
import { ROOT } from "./notebook_files.ts";

async function setupCall(code: string): Promise<{ code: number; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", `import { createVenv, findPython } from "${ROOT}/tasks/setup.ts";\n${code}`],
    cwd: ROOT,
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

async function fakePython(script: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "fake-python-" });
  await Deno.writeTextFile(`${dir}/python`, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return `${dir}/python`;
}

Deno.test("setup explains a machine without Python", async () => {
  const { code, stderr } = await setupCall('await findPython(["/nonexistent/python3"]);');
  assert.equal(code, 1);
  assert.match(stderr, /error: Python 3 was not found \(tried: \/nonexistent\/python3\)/);
  assert.match(stderr, /Install Python >= 3\.11\.5 with pip and venv, or set PYTHON/);
});

Deno.test("setup explains a Python that is too old, down to the micro version", async () => {
  for (const version of ["3.8.10", "3.10.12", "3.11.4"]) {
    const python = await fakePython(`echo "${version}"`);
    const { code, stderr } = await setupCall(`await findPython(["${python}"]);`);
    assert.equal(code, 1, version);
    assert.match(
      stderr,
      new RegExp(
        `is Python ${version.replaceAll(".", "\\.")}; this project needs Python >= 3\\.11\\.5`,
      ),
    );
  }
});

Deno.test("setup takes a Python from 3.11.5 on", async () => {
  for (const version of ["3.11.5", "3.11.7", "3.12.0", "3.13.1", "4.0.0"]) {
    const python = await fakePython(`echo "${version}"`);
    const { code, stderr } = await setupCall(
      `if (await findPython(["${python}"]) !== "${python}") Deno.exit(2);`,
    );
    assert.equal(code, 0, `${version}: ${stderr}`);
  }
});

Deno.test("setup explains a Python without the venv module and leaves nothing behind", async () => {
  const python = await fakePython('echo "/usr/bin/python3: No module named venv" >&2; exit 1');
  const dir = `${await Deno.makeTempDir()}/venv`;
  await Deno.mkdir(dir); // as if half-made
  const { code, stderr } = await setupCall(`await createVenv("${python}", "${dir}");`);
  assert.equal(code, 1);
  assert.match(stderr, /-m venv` failed: \/usr\/bin\/python3: No module named venv/);
  assert.match(stderr, /apt-get install python3-venv/);
  await assert.rejects(() => Deno.stat(dir), Deno.errors.NotFound);
});
