/// <reference lib="dom" />
/**
 * The project's JupyterLab for browser tests: started on 127.0.0.1 with a random port and
 * token, on a scratch copy of the notebooks (so autosave can never touch the committed
 * ones), with autosave off and every cell attached to the page.
 *
 * @module
 */
import type { Page } from "playwright-core";
import { ROOT } from "./notebook_files.ts";

/** A running JupyterLab. */
export interface Lab {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly token: string;
  /** The folder JupyterLab serves (inside notebooks/, so `../lib` imports resolve alike). */
  readonly root: string;
  /** The URL that opens a notebook of `root`. */
  url(notebook: string): string;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 now. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/**
 * Starts JupyterLab on a scratch folder holding copies of the given notebooks.
 *
 * @param notebooks Paths of notebooks to copy in (absolute, or relative to the root).
 * @param env Extra environment for the server and its kernels.
 */
export async function startLab(
  notebooks: string[],
  env: Record<string, string> = {},
): Promise<Lab> {
  // A sibling of notebooks/ at the same depth keeps `../lib/mod.ts` imports working.
  const root = await Deno.makeTempDir({ dir: ROOT, prefix: ".lab-test-" });
  for (const path of notebooks) {
    const source = path.startsWith("/") ? path : `${ROOT}/${path}`;
    await Deno.copyFile(source, `${root}/${source.split("/").pop()}`);
  }
  const settings = `${root}/.settings`;
  const put = async (plugin: string, value: unknown) => {
    await Deno.mkdir(`${settings}/@jupyterlab/${plugin.split(":")[0]}`, { recursive: true });
    await Deno.writeTextFile(
      `${settings}/@jupyterlab/${plugin.split(":")[0]}/${plugin.split(":")[1]}.jupyterlab-settings`,
      JSON.stringify(value),
    );
  };
  await put("docmanager-extension:plugin", { autosave: false });
  await put("notebook-extension:tracker", { windowingMode: "none" });
  await put("apputils-extension:notification", { fetchNews: "false", checkForUpdates: false });

  const port = freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const child = new Deno.Command(`${ROOT}/.venv/bin/jupyter`, {
    args: [
      "lab",
      "--no-browser",
      `--ServerApp.root_dir=${root}`,
      "--ServerApp.ip=127.0.0.1",
      `--ServerApp.port=${port}`,
      "--ServerApp.port_retries=0",
      `--IdentityProvider.token=${token}`,
      `--LabApp.user_settings_dir=${settings}`,
      `--LabApp.workspaces_dir=${root}/.workspaces`,
      ...(Deno.uid?.() === 0 ? ["--allow-root"] : []),
    ],
    env: { ...env, JUPYTER_CONFIG_DIR: `${root}/.config` },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const log: string[] = [];
  (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of child.stderr) log.push(decoder.decode(chunk));
  })();
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (true) {
    try {
      const response = await fetch(`${base}/api/status?token=${token}`);
      await response.body?.cancel();
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`JupyterLab did not start within 60 s:\n${log.join("").slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    token,
    root,
    url: (notebook) => `${base}/lab/tree/${encodeURIComponent(notebook)}?reset&token=${token}`,
    stop: async () => {
      child.kill("SIGTERM");
      await child.status;
      await Deno.remove(root, { recursive: true }).catch(() => {});
    },
  };
}

/**
 * Opens a notebook and waits until the project's kernel has started and is idle (the
 * status bar reads "Deno (activation functions) | Idle"; before the kernel exists the
 * execution indicator already says idle, and running cells then asks for a kernel).
 */
export async function openNotebook(page: Page, lab: Lab, notebook: string): Promise<void> {
  await page.goto(lab.url(notebook));
  await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll(".jp-StatusBar-Widget")]
        .some((w) => /Deno \(activation functions\) \| Idle/.test(w.textContent ?? "")),
    undefined,
    { timeout: 60_000, polling: 250 },
  );
  await waitForIdle(page, 60_000);
}

/** Waits until the kernel of the open notebook reports idle. */
export async function waitForIdle(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const indicator = document.querySelector(".jp-Notebook-ExecutionIndicator");
      return indicator?.getAttribute("data-status") === "idle";
    },
    undefined,
    { timeout, polling: 250 },
  );
}

/** Runs all cells through the Run menu and waits until every code cell has run. */
export async function runAllCells(page: Page, timeout: number): Promise<void> {
  await page.click('.lm-MenuBar-itemLabel:text-is("Run")');
  await page.click('.lm-Menu-itemLabel:text-is("Run All Cells")');
  await page.waitForFunction(
    () => {
      const prompts = [...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")];
      return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p.textContent ?? ""));
    },
    undefined,
    { timeout, polling: 500 },
  );
  await waitForIdle(page, timeout);
}
