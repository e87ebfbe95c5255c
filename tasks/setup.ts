/**
 * `deno task setup`: installs everything the notebooks and tests need, inside the
 * project, and does nothing when nothing changed.
 *
 * 1. npm packages into node_modules/ from deno.lock (`deno install --frozen`; deno.json's
 *    `nodeModulesDir` is "manual", so nothing else installs them, and `allowScripts` denies
 *    core-js's postinstall, which only prints an advertisement);
 * 2. a Python virtual environment in .venv/ with requirements.txt (JupyterLab, nbclient,
 *    nbstripout);
 * 3. this Deno registered as a Jupyter kernel inside .venv/ (not in the home folder), behind
 *    tasks/kernel_proxy.py;
 * 4. JupyterLab's defaults for this project, inside .venv/: no news pop-up, no update checks;
 * 5. in a git checkout, the nbstripout filter in this clone's .git/config, so that notebooks
 *    are committed without outputs (.gitattributes says which files use it).
 *
 * @module
 */
import {
  capture,
  denoCommand,
  digest,
  fail,
  KERNEL_DISPLAY_NAME,
  KERNEL_NAME,
  readIfExists,
  ROOT,
  runWithProgress,
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
  // Deno prints a line per package downloaded and per package set up: one counting line here
  const { code, output } = await runWithProgress(Deno.execPath(), ["install", "--frozen"], {
    label: "setup: installing npm packages into node_modules/ (deno install --frozen) ...",
    done: /^Initialize /,
    before: [/^Download /, "downloaded"],
    total: await npmPackageCount(),
    show: !quiet,
  });
  if (code !== 0) {
    console.error(tail(output));
    fail(
      "`deno install --frozen` failed (see above).",
      "Check that the npm registry is reachable; if deno.lock is out of date, run " +
        `\`${denoCommand()} install\` and commit deno.lock.`,
    );
  }
  await Deno.writeTextFile(stamp, want);
}

/**
 * How many npm packages `deno install` sets up here: deno.lock's packages, less those made
 * for another operating system or processor (the native builds of canvas and resvg).
 *
 * @returns The count, or `undefined` when deno.lock cannot be read.
 */
export async function npmPackageCount(): Promise<number | undefined> {
  const os = { linux: "linux", darwin: "darwin", windows: "win32" }[Deno.build.os as string];
  const cpu = { x86_64: "x64", aarch64: "arm64" }[Deno.build.arch as string];
  try {
    const lock = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.lock`));
    const entries = Object.values(lock.npm ?? {}) as { os?: string[]; cpu?: string[] }[];
    return entries.filter((p) =>
      (!p.os || p.os.includes(os ?? "")) && (!p.cpu || p.cpu.includes(cpu ?? ""))
    ).length;
  } catch {
    return undefined;
  }
}

// The end of an installer's output, for an error message.
function tail(output: string, lines = 30): string {
  return output.trimEnd().split("\n").slice(-lines).join("\n");
}

// The oldest Python every package of requirements.txt installs on: ipython, ipykernel and
// tornado ask for 3.11, soupsieve for 3.11.5.
const MIN_PYTHON = [3, 11, 5] as const;

/**
 * The first Python >= 3.11.5 among the candidates; exits with a clear message otherwise.
 *
 * @param candidates Executables to try (default: $PYTHON, python3, python).
 * @returns The executable.
 */
export async function findPython(
  candidates: string[] = [Deno.env.get("PYTHON"), "python3", "python"].filter((c): c is string =>
    !!c
  ),
): Promise<string> {
  const wanted = MIN_PYTHON.join(".");
  for (const python of candidates) {
    const { code, stdout } = await capture(python, [
      "-c",
      "import sys; print('%d.%d.%d' % sys.version_info[:3])",
    ]);
    if (code !== 0) continue;
    const version = stdout.trim().split(".").map(Number);
    const newer = MIN_PYTHON.findIndex((v, i) => version[i] !== v);
    if (newer === -1 || version[newer] > MIN_PYTHON[newer]) return python;
    fail(
      `${python} is Python ${stdout.trim()}; this project needs Python >= ${wanted} ` +
        "(the oldest that every package of requirements.txt installs on).",
      "Install a newer Python, or point the PYTHON environment variable at one.",
    );
  }
  return fail(
    "Python 3 was not found (tried: " + candidates.join(", ") + ").",
    `Install Python >= ${wanted} with pip and venv, or set PYTHON to its path.`,
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
  const requirements = (await Deno.readTextFile(`${ROOT}/requirements.txt`)).split("\n")
    .filter((line) => /^[A-Za-z0-9]/.test(line)).length;
  // pip prints a line or two per package: one counting line here
  const pip = await runWithProgress(venvBin("python"), [
    "-m",
    "pip",
    "install",
    "--progress-bar",
    "off",
    "--disable-pip-version-check",
    "-r",
    `${ROOT}/requirements.txt`,
  ], {
    label:
      "setup: installing JupyterLab, nbclient and nbstripout into .venv/ (pip install -r requirements.txt) ...",
    done: /^(Collecting|Processing|Requirement already satisfied:) /,
    total: requirements,
    show: !quiet,
  });
  if (pip.code !== 0) {
    console.error(tail(pip.output));
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

/**
 * JupyterLab's settings defaults for this project's Lab, in the app settings folder inside
 * .venv/ (a user's own settings still win): no "get notified about official Jupyter news?"
 * pop-up, no news or update checks (they would reach the internet).
 */
async function labDefaults(): Promise<void> {
  const dir = `${VENV}/share/jupyter/lab/settings/overrides.d`;
  const text = JSON.stringify(LAB_DEFAULTS, null, 2) + "\n";
  if ((await readIfExists(`${dir}/activations.json`)) === text) return;
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(`${dir}/activations.json`, text);
}

/** The settings {@link labDefaults} writes, by JupyterLab plugin. */
const LAB_DEFAULTS = {
  "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
};

/**
 * What nbstripout strips beyond its defaults (outputs, execution counts, `metadata.widgets`,
 * cell `collapsed`/`scrolled`/`execution` and others): the TypeScript version that Deno's kernel
 * writes into `language_info` on every run, and which changes with each Deno. The rest of
 * `language_info` (name, file extension, highlighting mode) is fixed and stays: Lab highlights
 * code with it before the kernel starts, renderers and nbconvert read it. The kernelspec stays.
 */
export const NBSTRIPOUT_EXTRA_KEYS = "metadata.language_info.version";

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The clean command of the nbstripout filter, run by git through `sh`. `--keep-id`: nbstripout
 * 0.9.1 otherwise renumbers cell ids "0", "1", ... Without the program (.venv/ removed) it says so
 * and passes the notebook through unchanged, so git keeps working.
 *
 * @param venv The virtual environment holding nbstripout.
 * @returns A shell command.
 */
export function nbstripoutCommand(venv: string = VENV): string {
  const program = `${venv}/bin/nbstripout`;
  // git runs this, outside any task: the README's command, which works with or without Deno
  const missing = `nbstripout filter: ${program} is missing, so this notebook is not stripped ` +
    "(run `./denow task setup`, or `git config --remove-section filter.nbstripout`)";
  return `if [ -x ${shellQuote(program)} ]; then exec ${shellQuote(program)} --keep-id; ` +
    `else echo ${shellQuote(missing)} >&2; exec cat; fi`;
}

async function git(
  cwd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const out = await new Deno.Command("git", { args, cwd, stdin: "null" }).output();
    const text = new TextDecoder();
    return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { code: 127, stdout: "", stderr: "" };
    throw e;
  }
}

/**
 * Defines the nbstripout filter that .gitattributes applies to notebooks, in the clone's own
 * .git/config (never the global one), and changes nothing when it is already so. Does nothing
 * outside a git checkout (a tarball), without git, or when `root` is only a folder inside some
 * other repository.
 *
 * @param root The checkout's top folder.
 * @param venv The virtual environment holding nbstripout.
 * @returns Whether .git/config changed.
 */
export async function configureNotebookFilter(
  root: string = ROOT,
  venv: string = VENV,
): Promise<boolean> {
  const top = await git(root, ["rev-parse", "--show-toplevel"]);
  if (top.code !== 0) return false;
  if ((await Deno.realPath(top.stdout.trim())) !== (await Deno.realPath(root))) return false;
  const wanted: Record<string, string> = {
    "filter.nbstripout.clean": nbstripoutCommand(venv),
    "filter.nbstripout.extrakeys": NBSTRIPOUT_EXTRA_KEYS,
  };
  let changed = false;
  for (const [key, value] of Object.entries(wanted)) {
    const now = await git(root, ["config", "--local", "--get-all", key]);
    if (now.code === 0 && now.stdout === `${value}\n`) continue;
    const set = await git(root, ["config", "--local", "--replace-all", key, value]);
    if (set.code !== 0) fail(`git config ${key} failed: ${set.stderr.trim()}`);
    changed = true;
  }
  return changed;
}

if (import.meta.main) {
  await npmPackages();
  await pythonEnvironment();
  await jupyterKernel();
  await labDefaults();
  if (await configureNotebookFilter()) {
    say("notebooks are committed without outputs: nbstripout filter set in .git/config");
  }
}
