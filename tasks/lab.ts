/**
 * `deno task lab [--port N] [--host H] [-- jupyter options]`: opens the project's
 * JupyterLab on notebooks/ with the project's Deno kernel, bound to 127.0.0.1 by default.
 * SIGINT, SIGTERM or SIGHUP shut JupyterLab and its kernels down; the task then exits with
 * 130, 143 or 129. Figures the notebooks save go to out/lab/figures/ (`FIGURES_DIR`), apart
 * from the main job's out/figures/.
 *
 * @module
 */
import {
  fail,
  KERNEL_DISPLAY_NAME,
  KERNEL_NAME,
  LAB_FIGURES_DIR,
  ROOT,
  taskCommand,
  venvBin,
} from "./project.ts";

const USAGE = `Usage: ${taskCommand("lab")} [--port N] [--host H] [-- jupyter options]

Opens JupyterLab on notebooks/ with the project's Deno kernel (the one named
"${KERNEL_DISPLAY_NAME}"), at http://H:N/ (default 127.0.0.1:8888; the address with
its token is printed when it is ready). Figures that notebooks save go to out/lab/figures/.
Ctrl+C, SIGTERM or SIGHUP stop it with its kernels. Options after -- go to jupyter lab.`;

// the task's own options before "--", jupyter lab's after it
const split = Deno.args.indexOf("--");
const own = split >= 0 ? Deno.args.slice(0, split) : Deno.args;
const passThrough = split >= 0 ? Deno.args.slice(split + 1) : [];
if (own.includes("--help") || own.includes("-h")) {
  console.log(USAGE);
  Deno.exit(0);
}
const given: Record<string, string | undefined> = {};
for (let i = 0; i < own.length; i++) {
  const [name, ...inline] = own[i].split("=");
  if (name !== "--port" && name !== "--host") {
    fail(
      `Unknown option "${own[i]}": expected --port N, --host H or --help.`,
      `Options for jupyter lab itself go after --: ${taskCommand("lab -- --no-browser")}`,
    );
  }
  given[name.slice(2)] = inline.length ? inline.join("=") : own[++i];
}

const host = given.host || "127.0.0.1";
const portText = given.port || "8888";
const port = Number(portText);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`Invalid port "${portText}": expected an integer from 1 to 65535.`);
}

try {
  Deno.listen({ hostname: host, port }).close();
} catch (e) {
  if (e instanceof Deno.errors.AddrInUse) {
    fail(
      `Port ${port} on ${host} is already in use (another JupyterLab, perhaps).`,
      `Stop that server, or pick another port: ${taskCommand(`lab --port ${port + 1}`)}`,
    );
  }
  throw e;
}

const token = Array.from(
  crypto.getRandomValues(new Uint8Array(24)),
  (b) => b.toString(16).padStart(2, "0"),
).join("");
const args = [
  "lab",
  `--ServerApp.root_dir=${ROOT}/notebooks`,
  `--ServerApp.ip=${host}`,
  `--ServerApp.port=${port}`,
  "--ServerApp.port_retries=0",
  `--MappingKernelManager.default_kernel_name=${KERNEL_NAME}`,
  ...(Deno.uid?.() === 0 ? ["--allow-root"] : []), // JupyterLab refuses root without it
  ...passThrough,
];
console.error(
  `\nJupyterLab with the "${KERNEL_DISPLAY_NAME}" kernel, on notebooks/:\n\n` +
    `    http://${host}:${port}/lab?token=${token}\n\n` +
    `Open that URL in a browser; press Ctrl+C here to stop the server.\n` +
    `Figures the notebooks save go to out/lab/figures/ (the main job's are in out/figures/).\n`,
);

// JupyterLab runs in a session of its own (setsid), so that the terminal's Ctrl+C and hang-up
// reach this task only: Jupyter would answer SIGINT with a y/n prompt and SIGHUP by dying
// without shutting its kernels down. This task turns each into SIGTERM, on which Jupyter shuts
// its kernels down (each has 5 s to go) and stops. The token travels in the environment
// (JUPYTER_TOKEN), which other users cannot read, unlike a command line.
const child = new Deno.Command(venvBin("python"), {
  args: ["-c", "import os, sys; os.setsid(); os.execv(sys.argv[1], sys.argv[1:])"]
    .concat(venvBin("jupyter"), args),
  cwd: ROOT,
  env: {
    JUPYTER_TOKEN: token,
    // what the notebooks save by hand stays apart from the main job's out/figures/
    FIGURES_DIR: LAB_FIGURES_DIR,
    // tasks/lab_config/: after a save that only changed outputs, git status stays clean
    JUPYTER_CONFIG_PATH: [`${ROOT}/tasks/lab_config`, Deno.env.get("JUPYTER_CONFIG_PATH")]
      .filter(Boolean).join(":"),
  },
  stdin: "null",
}).spawn();

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNAL_NUMBERS;
let stopping: { signal: StopSignal; at: number } | undefined;

function stop(signal: StopSignal): void {
  if (stopping) {
    // A terminal's Ctrl+C reaches this task twice (directly and through `deno task`).
    if (Date.now() - stopping.at > 1000) say("Still shutting down the kernels; a moment ...");
    return;
  }
  stopping = { signal, at: Date.now() };
  kill(child.pid, "SIGTERM");
  say(`\n${signal}: stopping JupyterLab and its kernels ...`);
  // Jupyter gives each kernel 5 s; should it hang anyway, take it and its kernels down.
  setTimeout(async () => {
    say("JupyterLab did not stop within 20 s: killing it and its kernels.");
    for (const pid of [...await descendants(child.pid), child.pid]) kill(pid, "SIGKILL");
  }, 20_000);
}

function say(message: string): void {
  try {
    console.error(message);
  } catch {
    // the terminal is gone (SIGHUP)
  }
}

function kill(pid: number, signal: Deno.Signal): void {
  try {
    Deno.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** The processes below `pid` (from `ps`): the kernels and their Deno. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  try {
    const out = await new Deno.Command("ps", {
      args: ["-A", "-o", "pid=,ppid="],
      stdout: "piped",
      stderr: "null",
    }).output();
    for (const line of new TextDecoder().decode(out.stdout).split("\n")) {
      const [p, pp] = line.trim().split(/\s+/).map(Number);
      if (p) parents.set(p, pp);
    }
  } catch {
    return [];
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [p, pp] of parents) {
      if (pp === parent) {
        found.push(p);
        queue.push(p);
      }
    }
  }
  return found;
}

for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) {
  Deno.addSignalListener(signal, () => stop(signal));
}
const { code } = await child.status;
Deno.exit(stopping ? 128 + SIGNAL_NUMBERS[stopping.signal] : code);
