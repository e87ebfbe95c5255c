/**
 * `deno task setup`: installs everything the notebooks and tests need, inside the
 * project, and does nothing when nothing changed.
 *
 * 1. npm packages into node_modules/ from deno.lock (`deno install --frozen`);
 * 2. a Python virtual environment in .venv/ with requirements.txt (JupyterLab, nbclient);
 * 3. this Deno registered as a Jupyter kernel inside .venv/ (not in the home folder), behind
 *    tasks/kernel_proxy.py.
 *
 * @module
 */
import {
  capture,
  digest,
  fail,
  KERNEL_DISPLAY_NAME,
  KERNEL_NAME,
  readIfExists,
  ROOT,
  run,
  VENV,
  venvBin,
} from "./project.ts";

const quiet = Deno.args.includes("--quiet");
function say(message: string): void {
  if (!quiet) console.error(`setup: ${message}`);
}

async function npmPackages(): Promise<void> {
  const stamp = `${ROOT}/node_modules/.setup-stamp`;
  const want = await digest(["deno.json", "package.json", "deno.lock"]);
  if ((await readIfExists(stamp)) === want) return;
  say("installing npm packages into node_modules/ (deno install --frozen) ...");
  const code = await run(Deno.execPath(), ["install", "--frozen", "--quiet"]);
  if (code !== 0) {
    fail(
      "`deno install --frozen` failed (see above).",
      "Check that the npm registry is reachable; if deno.lock is out of date, run `deno install` and commit deno.lock.",
    );
  }
  await Deno.writeTextFile(stamp, want);
}

/**
 * The first Python >= 3.10 among the candidates; exits with a clear message otherwise.
 *
 * @param candidates Executables to try (default: $PYTHON, python3, python).
 * @returns The executable.
 */
export async function findPython(
  candidates: string[] = [Deno.env.get("PYTHON"), "python3", "python"].filter((c): c is string =>
    !!c
  ),
): Promise<string> {
  for (const python of candidates) {
    const { code, stdout } = await capture(python, [
      "-c",
      "import sys; print('%d.%d' % sys.version_info[:2])",
    ]);
    if (code !== 0) continue;
    const [major, minor] = stdout.trim().split(".").map(Number);
    if (major === 3 && minor >= 10) return python;
    fail(
      `${python} is Python ${stdout.trim()}; this project needs Python >= 3.10.`,
      "Install a newer Python, or point the PYTHON environment variable at one.",
    );
  }
  return fail(
    "Python 3 was not found (tried: " + candidates.join(", ") + ").",
    "Install Python >= 3.10 with pip and venv, or set PYTHON to its path.",
  );
}

async function pythonEnvironment(): Promise<void> {
  const stamp = `${VENV}/.setup-stamp`;
  const want = await digest(["requirements.txt"]);
  if ((await readIfExists(stamp)) === want) return;
  const python = await findPython();
  if ((await readIfExists(`${VENV}/pyvenv.cfg`)) === undefined) {
    say(`creating the Python virtual environment .venv/ with ${python} ...`);
    await createVenv(python, VENV);
  }
  say("installing JupyterLab and nbclient into .venv/ (pip install -r requirements.txt) ...");
  const pip = await capture(venvBin("python"), [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "-r",
    `${ROOT}/requirements.txt`,
  ]);
  if (pip.code !== 0) {
    console.error(pip.stdout + pip.stderr);
    fail(
      "pip could not install requirements.txt into .venv/ (see above).",
      "Check that PyPI is reachable, then run the command again; `rm -rf .venv` starts afresh.",
    );
  }
  await Deno.writeTextFile(stamp, want);
}

/**
 * Creates a virtual environment; on failure removes what was half-made and exits with a
 * clear message.
 *
 * @param python The Python executable.
 * @param dir The environment's folder.
 */
export async function createVenv(python: string, dir: string): Promise<void> {
  const venv = await capture(python, ["-m", "venv", dir]);
  if (venv.code !== 0) {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    fail(
      `\`${python} -m venv\` failed: ${venv.stderr.trim().split("\n").pop() ?? ""}`,
      "On Debian or Ubuntu install the venv module: `sudo apt-get install python3-venv`.",
    );
  }
}

async function jupyterKernel(): Promise<void> {
  const dir = `${VENV}/share/jupyter/kernels/${KERNEL_NAME}`;
  const spec = JSON.stringify(
    {
      // Deno's kernel behind tasks/kernel_proxy.py, which makes it run cells as ipykernel does.
      argv: [
        venvBin("python"),
        `${ROOT}/tasks/kernel_proxy.py`,
        "--deno",
        Deno.execPath(),
        "{connection_file}",
      ],
      display_name: KERNEL_DISPLAY_NAME,
      language: "typescript",
      interrupt_mode: "message",
      env: { NO_COLOR: "1" },
    },
    null,
    2,
  ) + "\n";
  if ((await readIfExists(`${dir}/kernel.json`)) === spec) return;
  say(`registering the Deno kernel "${KERNEL_NAME}" inside .venv/ ...`);
  await Deno.mkdir(dir, { recursive: true });
  // `deno jupyter --install` writes to the home folder; borrow its logos from a scratch HOME.
  const home = await Deno.makeTempDir();
  try {
    await new Deno.Command(Deno.execPath(), {
      args: ["jupyter", "--install", "--force"],
      env: { HOME: home, XDG_DATA_HOME: `${home}/.local/share` },
      stdout: "null",
      stderr: "null",
    }).output();
    for await (const entry of Deno.readDir(`${home}/.local/share/jupyter/kernels/deno`)) {
      if (entry.name.startsWith("logo")) {
        await Deno.copyFile(
          `${home}/.local/share/jupyter/kernels/deno/${entry.name}`,
          `${dir}/${entry.name}`,
        );
      }
    }
  } catch {
    // Logos are cosmetic; JupyterLab shows a generic icon without them.
  } finally {
    await Deno.remove(home, { recursive: true });
  }
  await Deno.writeTextFile(`${dir}/kernel.json.tmp`, spec);
  await Deno.rename(`${dir}/kernel.json.tmp`, `${dir}/kernel.json`);
}

if (import.meta.main) {
  await npmPackages();
  await pythonEnvironment();
  await jupyterKernel();
}
