/// <reference lib="dom" />
// `deno task lab` and git hygiene: the token stays off every command line; SIGTERM, SIGINT or
// SIGHUP shut JupyterLab and its kernels down and free the port; exploring a notebook in
// JupyterLab (run all, save) leaves a fresh clone's `git status` clean, through the nbstripout
// filter that `deno task setup` configures and the Lab's index refresh after a save
// (tasks/lab_config/); a new cell keeps the id Lab gave it; and no news pop-up.
import assert from "node:assert/strict";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import type { Page } from "playwright-core";
import { type Lab, openNotebook, runAllCells, waitForIdle } from "./jupyterlab.ts";
import { type Notebook, ROOT, text } from "./notebook_files.ts";
import { configureNotebookFilter, NBSTRIPOUT_EXTRA_KEYS } from "../tasks/setup.ts";

const VENV = `${ROOT}/.venv`;
const SCREENSHOTS = `${ROOT}/out/screenshots`;
const NOTEBOOK = "activation_gallery.ipynb"; // small: 17 cells, about 10 s to run in Lab
const isGitCheckout = await isCheckout();
if (!isGitCheckout) {
  console.warn("%cSKIPPED: not a git checkout: git hygiene tests", "color: yellow");
}

// ---- processes --------------------------------------------------------------------------

interface Proc {
  ppid: number;
  state: string;
  cmdline: string;
}

/** Every process now (from `ps`, which reads /proc: Deno allows /proc only with --allow-all). */
async function processes(): Promise<Map<number, Proc>> {
  const out = await new Deno.Command("ps", {
    args: ["-A", "-ww", "-o", "pid=,ppid=,stat=,args="],
    stdout: "piped",
  }).output();
  const all = new Map<number, Proc>();
  for (const line of new TextDecoder().decode(out.stdout).split("\n")) {
    const match = line.match(/^\s*(\d+)\s+(\d+)\s+(\S+)\s(.*)$/);
    if (match) {
      all.set(Number(match[1]), { ppid: Number(match[2]), state: match[3], cmdline: match[4] });
    }
  }
  return all;
}

/** `pid` and every process below it. */
async function processTree(pid: number): Promise<Map<number, Proc>> {
  const all = await processes();
  const tree = new Map<number, Proc>();
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    const proc = all.get(parent);
    if (proc) tree.set(parent, proc);
    for (const [child, p] of all) if (p.ppid === parent && !tree.has(child)) queue.push(child);
  }
  return tree;
}

/** Whether a process still runs (a zombie has already exited). */
async function alive(pid: number): Promise<boolean> {
  const proc = (await processes()).get(pid);
  return proc !== undefined && !proc.state.startsWith("Z");
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

function portIsFree(port: number): boolean {
  try {
    Deno.listen({ hostname: "127.0.0.1", port }).close();
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, timeout: number, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + timeout;
  while (true) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---- `deno task lab` ---------------------------------------------------------------------

interface LabTask {
  child: Deno.ChildProcess;
  port: number;
  url: string;
  token: string;
  base: string;
  log: () => string;
}

/** Jupyter's folders for a user who has never run Jupyter: nothing read from or left in HOME. */
async function freshJupyterHome(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await Deno.makeTempDir({ prefix: "lab-hygiene-home-" });
  return {
    dir,
    env: {
      JUPYTER_CONFIG_DIR: `${dir}/config`,
      JUPYTER_DATA_DIR: `${dir}/data`,
      JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
    },
  };
}

/**
 * `deno task lab --port <free port>` as a user runs it (or, with `options.command`, the lab task's
 * command without its setup dependency); resolves once the server answers.
 */
async function startLabTask(
  env: Record<string, string>,
  options: { cwd?: string; command?: string[] } = {},
): Promise<LabTask> {
  const port = freePort();
  const [program, ...args] = options.command ?? [Deno.execPath(), "task", "lab"];
  const child = new Deno.Command(program, {
    args: [...args, "--port", String(port)],
    cwd: options.cwd ?? ROOT,
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream) output += decoder.decode(chunk, { stream: true });
    })();
  }
  const pattern = new RegExp(`http://127\\.0\\.0\\.1:${port}/lab\\?token=([0-9a-f]+)`);
  const url = await waitFor(
    "the URL",
    120_000,
    () => Promise.resolve(output.match(pattern)?.[0]),
  );
  const token = url.match(pattern)![1];
  const base = `http://127.0.0.1:${port}`;
  await waitFor("the server", 60_000, async () => {
    const response = await fetch(`${base}/api/status`, { headers: auth(token) });
    await response.body?.cancel();
    return response.ok ? true : undefined;
  });
  return { child, port, url, token, base, log: () => output };
}

function auth(token: string): HeadersInit {
  return { Authorization: `token ${token}` };
}

/**
 * Starts a kernel of the project through the REST API and connects to it as a browser tab
 * does (a WebSocket), until it answers `kernel_info_request`. Returns its id and the socket.
 */
async function startKernel(lab: LabTask): Promise<{ id: string; socket: WebSocket }> {
  const response = await fetch(`${lab.base}/api/kernels`, {
    method: "POST",
    headers: auth(lab.token),
    body: JSON.stringify({ name: "deno-activations" }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  const { id } = JSON.parse(body);
  const socket = new WebSocket(
    `ws://127.0.0.1:${lab.port}/api/kernels/${id}/channels?token=${lab.token}`,
  );
  const msgId = crypto.randomUUID();
  const replied = new Promise<void>((resolve, reject) => {
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.parent_header?.msg_id === msgId) resolve();
    };
    socket.onerror = () => reject(new Error("kernel WebSocket failed"));
  });
  await new Promise((resolve) => (socket.onopen = resolve));
  socket.send(JSON.stringify({
    header: {
      msg_id: msgId,
      msg_type: "kernel_info_request",
      session: crypto.randomUUID(),
      username: "test",
      date: new Date().toISOString(),
      version: "5.3",
    },
    parent_header: {},
    metadata: {},
    content: {},
    channel: "shell",
    buffers: [],
  }));
  await Promise.race([
    replied,
    new Promise((_, reject) => setTimeout(() => reject(new Error("no kernel_info_reply")), 60_000)),
  ]);
  return { id, socket };
}

const STOPS = [
  { name: "SIGTERM", signals: ["SIGTERM"], code: 143 },
  { name: "SIGINT (Ctrl+C)", signals: ["SIGINT"], code: 130 },
  { name: "SIGHUP (terminal closed)", signals: ["SIGHUP"], code: 129 },
  { name: "SIGINT twice (an impatient Ctrl+C Ctrl+C)", signals: ["SIGINT", "SIGINT"], code: 130 },
] as const;

Deno.test({
  name: "deno task lab keeps its token off command lines and stops with its kernels on a signal",
  ignore: Deno.build.os !== "linux", // reads /proc
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const home = await freshJupyterHome();
    try {
      for (const stop of STOPS) {
        await t.step(stop.name, async (t) => {
          const lab = await startLabTask(home.env);
          let socket: WebSocket | undefined;
          let tree = new Map<number, Proc>();
          try {
            const kernel = await startKernel(lab);
            socket = kernel.socket;
            socket.onerror = () => {}; // the server goes away below
            tree = await processTree(lab.child.pid);
            const commands = [...tree.values()].map((p) => p.cmdline);
            const jupyter = [...tree].find(([, p]) => /jupyter-lab /.test(p.cmdline));
            assert.ok(jupyter, `no jupyter-lab below the task:\n${commands.join("\n")}`);
            assert.ok(commands.some((c) => c.includes("kernel_proxy.py")), commands.join("\n"));
            assert.ok(commands.some((c) => / jupyter --kernel /.test(c)), commands.join("\n"));

            if (stop === STOPS[0]) {
              await t.step("the token is in no process's command line", async () => {
                const leaks = [...await processes()].filter(([, p]) =>
                  p.cmdline.includes(lab.token)
                );
                assert.deepEqual(leaks, []);
                // ... it reached Jupyter through the environment, which only its user reads
                const environ = await new Deno.Command("cat", {
                  args: [`/proc/${jupyter[0]}/environ`],
                  stdout: "piped",
                }).output();
                const variables = new TextDecoder().decode(environ.stdout).split("\0");
                assert.ok(variables.includes(`JUPYTER_TOKEN=${lab.token}`));
              });
              await t.step(
                "kernels save figures to out/lab/figures/, apart from the main job's",
                async () => {
                  const proxy = [...tree].find(([, p]) => p.cmdline.includes("kernel_proxy.py"))!;
                  const environ = await new Deno.Command("cat", {
                    args: [`/proc/${proxy[0]}/environ`],
                    stdout: "piped",
                  }).output();
                  const variables = new TextDecoder().decode(environ.stdout).split("\0");
                  assert.ok(variables.includes(`FIGURES_DIR=${ROOT}/out/lab/figures`));
                  assert.match(lab.log(), /Figures the notebooks save go to out\/lab\/figures\//);
                },
              );
              await t.step(
                "the printed URL opens JupyterLab; without the token, no access",
                async () => {
                  const page = await fetch(lab.url);
                  assert.equal(page.status, 200);
                  assert.match(await page.text(), /<title>JupyterLab<\/title>/);
                  const denied = await fetch(`${lab.base}/api/kernels`);
                  await denied.body?.cancel();
                  assert.equal(denied.status, 403);
                },
              );
            }

            const started = Date.now();
            for (const [i, signal] of stop.signals.entries()) {
              // the second while the kernels shut down (that takes about 1 s)
              if (i > 0) await new Promise((r) => setTimeout(r, 300));
              lab.child.kill(signal);
            }
            const { code } = await Promise.race([
              lab.child.status,
              new Promise<never>((_, reject) =>
                setTimeout(
                  () => reject(new Error(`still running after 30 s:\n${lab.log()}`)),
                  30_000,
                )
              ),
            ]);
            const seconds = (Date.now() - started) / 1000;
            console.log(`    ${stop.name}: exit ${code} after ${seconds.toFixed(1)} s`);
            assert.equal(code, stop.code, lab.log().slice(-3000));
            assert.ok(seconds < 15, `took ${seconds} s`);
            const survivors = [];
            for (const [pid, p] of tree) if (await alive(pid)) survivors.push(p.cmdline);
            assert.deepEqual(survivors, [], "processes of the task still running");
            const strays = [...(await processes()).values()].filter((p) =>
              p.state !== "Z" &&
              (p.cmdline.includes(`kernel-${kernel.id}`) || p.cmdline.includes(`port=${lab.port}`))
            );
            assert.deepEqual(strays, []);
            assert.ok(portIsFree(lab.port), `port ${lab.port} still taken`);
            assert.match(lab.log(), /Shutting down 1 kernel/);
          } finally {
            // after a failure: stop it as a user would, then leave nothing behind
            socket?.close();
            try {
              lab.child.kill("SIGTERM");
            } catch {
              // exited
            }
            await Promise.race([lab.child.status, new Promise((r) => setTimeout(r, 15_000))]);
            for (const [pid] of tree) {
              if (await alive(pid)) Deno.kill(pid, "SIGKILL");
            }
            await lab.child.status;
          }
        });
      }
    } finally {
      await Deno.remove(home.dir, { recursive: true });
    }
  },
});

// ---- git ---------------------------------------------------------------------------------

async function isCheckout(): Promise<boolean> {
  try {
    const out = await new Deno.Command("git", {
      args: ["rev-parse", "--show-toplevel"],
      cwd: ROOT,
      stdout: "piped",
      stderr: "null",
    }).output();
    if (out.code !== 0) return false;
    const top = new TextDecoder().decode(out.stdout).trim();
    return (await Deno.realPath(top)) === (await Deno.realPath(ROOT));
  } catch {
    return false; // no git
  }
}

async function git(
  cwd: string,
  args: string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command("git", {
    args: ["-c", "user.name=Lab hygiene test", "-c", "user.email=test@localhost", ...args],
    cwd,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const out = await child.output();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}

async function gitOk(cwd: string, args: string[]): Promise<string> {
  const out = await git(cwd, args);
  assert.equal(out.code, 0, `git ${args.join(" ")}: ${out.stderr}`);
  return out.stdout;
}

/**
 * A fresh clone of this checkout in a temp folder, with the working tree's changes (modified,
 * new and deleted files) committed on top: the repository as it would be once committed, so
 * that what is tested is the working tree, as everywhere else in the suite. In CI the working
 * tree is HEAD and nothing is added.
 *
 * @param filter Configure the nbstripout filter first (then notebooks are committed through it).
 */
async function workingTreeClone(filter: boolean): Promise<{ dir: string; clone: string }> {
  const dir = await Deno.makeTempDir({ prefix: "lab-hygiene-" });
  const clone = `${dir}/clone`;
  await gitOk(dir, ["clone", "--quiet", ROOT, clone]);
  if (filter) assert.equal(await configureNotebookFilter(clone, VENV), true);
  const list = (...args: string[]) =>
    gitOk(ROOT, ["ls-files", "-z", ...args]).then((out) => out.split("\0").filter(Boolean));
  const deleted = new Set(await list("--deleted"));
  for (const path of await list("--modified", "--others", "--exclude-standard")) {
    if (deleted.has(path)) continue;
    await Deno.mkdir(`${clone}/${path}`.replace(/\/[^/]*$/, ""), { recursive: true });
    await Deno.copyFile(`${ROOT}/${path}`, `${clone}/${path}`);
  }
  for (const path of deleted) await Deno.remove(`${clone}/${path}`).catch(() => {});
  await gitOk(clone, ["add", "--all"]);
  if ((await gitOk(clone, ["status", "--porcelain"])) !== "") {
    await gitOk(clone, ["commit", "--quiet", "-m", "the working tree"]);
  }
  return { dir, clone };
}

/** Commits the clone's notebooks as the filter stores them (a no-op once HEAD's are so). */
async function renormalize(clone: string): Promise<void> {
  await gitOk(clone, ["add", "--renormalize", "notebooks"]);
  if ((await gitOk(clone, ["status", "--porcelain"])) !== "") {
    await gitOk(clone, ["commit", "--quiet", "-m", "renormalized"]);
  }
}

/** What the filter makes of a notebook's text (nbstripout as the filter runs it). */
async function stripped(notebook: string): Promise<string> {
  const child = new Deno.Command(`${VENV}/bin/nbstripout`, {
    args: ["--keep-id", "--extra-keys", NBSTRIPOUT_EXTRA_KEYS],
    cwd: "/", // outside any repository: only these options
    stdin: "piped",
    stdout: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(notebook));
  await writer.close();
  const out = await child.output();
  assert.equal(out.code, 0);
  return new TextDecoder().decode(out.stdout);
}

Deno.test({
  name: "configureNotebookFilter() sets the clone's own .git/config, once, and git survives it",
  ignore: !isGitCheckout,
  fn: async (t) => {
    const { dir, clone } = await workingTreeClone(false);
    try {
      await t.step("first call configures, second changes nothing", async () => {
        assert.equal(await configureNotebookFilter(clone, VENV), true);
        const config = await Deno.readTextFile(`${clone}/.git/config`);
        assert.match(config, /\[filter "nbstripout"\]/);
        assert.equal(await configureNotebookFilter(clone, VENV), false);
        assert.equal(await Deno.readTextFile(`${clone}/.git/config`), config);
        assert.equal(
          (await gitOk(clone, ["check-attr", "filter", `notebooks/${NOTEBOOK}`])).trim(),
          `notebooks/${NOTEBOOK}: filter: nbstripout`,
        );
      });

      await t.step("outputs, counts, the kernel's language version: no change", async () => {
        await renormalize(clone); // see the next test
        const path = `${clone}/notebooks/${NOTEBOOK}`;
        const nb = JSON.parse(await Deno.readTextFile(path)) as Notebook & {
          metadata: Record<string, unknown>;
        };
        const code = nb.cells.find((c) => c.cell_type === "code")!;
        code.execution_count = 7;
        code.outputs = [{ output_type: "stream", name: "stdout", text: ["hello\n"] }];
        (nb.metadata.language_info as Record<string, unknown>).version = "6.0.3";
        await Deno.writeTextFile(path, JSON.stringify(nb, null, 1) + "\n");
        assert.equal(await gitOk(clone, ["diff"]), "");
        // `git status` would list it until the next `git add` (it compares sizes first): that
        // is what tasks/lab_config/ does after a save in Lab; see the JupyterLab test.
        await gitOk(clone, ["add", `notebooks/${NOTEBOOK}`]);
        assert.equal(await gitOk(clone, ["status", "--porcelain"]), "");
      });

      await t.step("without .venv/ the filter passes notebooks through and says so", async () => {
        await configureNotebookFilter(clone, `${dir}/no-venv`);
        const path = `${clone}/notebooks/${NOTEBOOK}`;
        await Deno.writeTextFile(path, (await Deno.readTextFile(path)) + "\n");
        const status = await git(clone, ["status", "--porcelain"]);
        assert.equal(status.code, 0);
        assert.equal(status.stdout, ` M notebooks/${NOTEBOOK}\n`);
        const diff = await git(clone, ["diff", "--stat"]);
        assert.equal(diff.code, 0);
        assert.match(diff.stderr, /no-venv\/bin\/nbstripout is missing.*`\.\/denow task setup`/);
      });

      await t.step(
        "not a checkout (a tarball), or inside another repository: nothing",
        async () => {
          const tarball = `${dir}/tarball`;
          await Deno.mkdir(tarball);
          assert.equal(await configureNotebookFilter(tarball, VENV), false);
          await assert.rejects(() => Deno.stat(`${tarball}/.git`), Deno.errors.NotFound);
          const config = await Deno.readTextFile(`${clone}/.git/config`);
          assert.equal(await configureNotebookFilter(`${clone}/notebooks`, VENV), false);
          assert.equal(await Deno.readTextFile(`${clone}/.git/config`), config);
        },
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "committed notebooks are as the nbstripout filter stores them",
  ignore: !isGitCheckout,
  fn: async () => {
    const paths = (await gitOk(ROOT, ["ls-files", "notebooks/*.ipynb"])).trim().split("\n");
    assert.ok(paths.length >= 3, paths.join(", "));
    const differ: string[] = [];
    for (const path of paths) {
      const blob = await gitOk(ROOT, ["show", `HEAD:${path}`]);
      if ((await stripped(blob)) !== blob) differ.push(path);
    }
    assert.deepEqual(
      differ,
      [],
      "Saving these in JupyterLab will show them modified: with the filter set (deno task setup), " +
        "run `git add --renormalize notebooks/` and commit",
    );
  },
});

// ---- JupyterLab in Chromium on a fresh clone -----------------------------------------------

/** Ctrl+S, then waits until Lab has the server's answer (the tab is no longer dirty). */
async function save(page: Page): Promise<void> {
  await page.keyboard.press("Control+s");
  await page.waitForFunction(
    () => !document.querySelector(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty"),
    undefined,
    { timeout: 30_000, polling: 100 },
  );
}

/** The parts of a saved notebook these checks read. */
interface SavedNotebook {
  cells: {
    id?: string;
    source: string | string[];
    outputs?: unknown[];
    execution_count?: number | null;
  }[];
  metadata: { language_info?: Record<string, unknown>; kernelspec?: { name?: string } };
}

function readNotebookText(json: string): SavedNotebook {
  return JSON.parse(json);
}

Deno.test({
  name: "JupyterLab: run all, save and a new cell leave a fresh clone's git status clean",
  ignore: skipBrowserTests() || !isGitCheckout,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const { dir, clone } = await workingTreeClone(true);
    await renormalize(clone); // see "committed notebooks are as the filter stores them"
    assert.equal(await gitOk(clone, ["status", "--porcelain"]), "");
    const path = `${clone}/notebooks/${NOTEBOOK}`;
    // The clone's own npm packages, as setup installs them (from Deno's cache: about 1 s). Its
    // .venv/ is a link to this checkout's: a full `deno task setup` in a fresh clone takes about
    // 26 s with pip's cache warm, and 250 MB; what setup does in git is its own function above.
    // Setup is therefore not run there (it would re-register the kernel in the linked .venv/).
    const install = await new Deno.Command(Deno.execPath(), {
      args: ["install", "--frozen", "--quiet"],
      cwd: clone,
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.equal(install.code, 0, new TextDecoder().decode(install.stderr));
    await Deno.symlink(VENV, `${clone}/.venv`);
    await Deno.writeTextFile(`${clone}/.git/info/exclude`, "/.venv\n", { append: true });

    // The clone's `deno task lab` (its command, without the setup dependency), for a user who
    // never ran Jupyter: only autosave off and every cell attached to the page, as
    // tests/jupyterlab.ts does; nothing about news, which must come from the project's defaults.
    const home = await freshJupyterHome();
    for (
      const [plugin, value] of [
        ["docmanager-extension/plugin", { autosave: false }],
        ["notebook-extension/tracker", { windowingMode: "none" }],
      ] as const
    ) {
      const file =
        `${home.env.JUPYTER_CONFIG_DIR}/lab/user-settings/@jupyterlab/${plugin}.jupyterlab-settings`;
      await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
      await Deno.writeTextFile(file, JSON.stringify(value));
    }
    const task = JSON.parse(await Deno.readTextFile(`${clone}/deno.json`)).tasks.lab.command;
    const [, ...command] = (task as string).split(" ");
    const labTask = await startLabTask(home.env, {
      cwd: clone,
      command: [Deno.execPath(), ...command],
    });
    const lab: Lab = {
      base: labTask.base,
      token: labTask.token,
      root: `${clone}/notebooks`,
      url: (notebook) =>
        `${labTask.base}/lab/tree/${encodeURIComponent(notebook)}?reset&token=${labTask.token}`,
      stop: async () => {
        labTask.child.kill("SIGTERM");
        await labTask.child.status;
      },
    };
    const { browser, close } = await launchBrowser();
    await Deno.mkdir(SCREENSHOTS, { recursive: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
      await openNotebook(page, lab, NOTEBOOK);
      await runAllCells(page, 300_000);
      await save(page);
      const saved = await waitFor("the save", 30_000, async () => {
        const nb = readNotebookText(await Deno.readTextFile(path));
        return nb.cells.some((c) => (c.outputs ?? []).length > 0) ? nb : undefined;
      });

      await t.step("Lab saved outputs and the kernel's language version ...", () => {
        assert.ok(saved.cells.filter((c) => (c.outputs ?? []).length > 0).length >= 5);
        assert.equal(typeof saved.metadata.language_info?.version, "string");
      });

      await t.step("... and git status is clean", async () => {
        const status = await git(clone, ["status", "--porcelain"]);
        assert.equal(status.code, 0);
        assert.equal(status.stdout, "", status.stderr);
        assert.equal(status.stderr, "");
        const ignored = await gitOk(clone, ["status", "--porcelain", "--ignored"]);
        assert.match(ignored, /!! notebooks\/\.ipynb_checkpoints\//);
      });

      await t.step("no news pop-up, no notification", async () => {
        assert.equal(await page.locator(".Toastify__toast").count(), 0);
        assert.equal(
          (await page.locator(".jp-Notification-Status-Text").textContent())?.trim(),
          "0",
        );
        const shown = await page.evaluate(() => document.body.innerText);
        assert.ok(!shown.includes("Jupyter news"), "a news pop-up is showing");
      });
      await page.screenshot({ path: `${SCREENSHOTS}/lab_hygiene.png` });

      await t.step("a cell added in Lab keeps the id Lab gave it, outputs stripped", async () => {
        await page.locator(".jp-Notebook .jp-Cell").last().click();
        await page.keyboard.press("Escape");
        await page.keyboard.press("b");
        await page.keyboard.press("Enter");
        await page.keyboard.type("1 + 1");
        await page.keyboard.press("Control+Enter"); // run in place (Shift+Enter adds a cell)
        await waitForIdle(page, 60_000);
        await save(page);
        const worktree = await waitFor("the save", 30_000, async () => {
          const nb = readNotebookText(await Deno.readTextFile(path));
          return nb.cells.length === saved.cells.length + 1 ? nb : undefined;
        });
        const added = worktree.cells.at(-1)!;
        assert.equal(text(added.source), "1 + 1");
        // a real change: listed, and left unstaged
        assert.equal(await gitOk(clone, ["status", "--porcelain"]), ` M notebooks/${NOTEBOOK}\n`);
        await gitOk(clone, ["add", `notebooks/${NOTEBOOK}`]);
        const stored = readNotebookText(await gitOk(clone, ["show", `:notebooks/${NOTEBOOK}`]));
        assert.deepEqual(stored.cells.map((c) => c.id), worktree.cells.map((c) => c.id));
        assert.match(added.id ?? "", /^[0-9a-f-]{8,}$/);
        assert.ok(stored.cells.every((c) => (c.outputs ?? []).length === 0));
        assert.ok(
          stored.cells.every((c) => c.execution_count === undefined || c.execution_count === null),
        );
        assert.equal(stored.metadata.language_info?.version, undefined);
        assert.equal(stored.metadata.language_info?.name, "typescript");
        assert.equal(stored.metadata.kernelspec?.name, "deno-activations");
        const diff = await gitOk(clone, ["diff", "--cached", "--stat"]);
        assert.match(diff, /1 file changed, \d+ insertions?\(\+\)\n$/);
      });
      await page.close();
    } finally {
      await close();
      await lab.stop();
      await Deno.remove(dir, { recursive: true });
      await Deno.remove(home.dir, { recursive: true });
    }
  },
});
