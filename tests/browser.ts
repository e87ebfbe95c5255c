/**
 * Debian's Chromium driven by playwright-core, for the end-to-end tests. When Chromium is
 * missing the browser tests are skipped with a visible message, except under `CI=true`,
 * where a missing browser is a failure.
 *
 * @module
 */
import fs from "node:fs";
import type { Browser } from "playwright-core";

// playwright-core probes /proc/sys/fs/binfmt_misc/WSLInterop with fs.existsSync when it
// loads; Deno answers with a NotCapable error (that path needs --allow-all) instead of
// `false`. Make the probe say "no" so the tests keep their narrow permissions.
const existsSync = fs.existsSync;
fs.existsSync = ((path: fs.PathLike) => {
  try {
    return existsSync(path);
  } catch {
    return false;
  }
}) as typeof fs.existsSync;

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable, or `undefined` when none is installed. */
export function findChromium(): string | undefined {
  const fromEnv = Deno.env.get("CHROMIUM");
  for (const path of fromEnv ? [fromEnv, ...CANDIDATES] : CANDIDATES) {
    try {
      if (Deno.statSync(path).isFile) return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Whether browser tests should be skipped here; prints why. Under `CI=true` a missing
 * Chromium throws instead.
 *
 * @returns `true` to skip.
 */
export function skipBrowserTests(): boolean {
  if (findChromium()) return false;
  const message = "Chromium not found (apt-get install chromium): browser tests skipped";
  if (Deno.env.get("CI") === "true") throw new Error(`${message} - not allowed under CI=true`);
  console.warn(`%cSKIPPED: ${message}`, "color: yellow");
  return true;
}

/**
 * Launches headless Chromium with a fresh profile and no background networking.
 *
 * @returns The browser and a `close()`.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: apt-get install chromium");
  const root = Deno.uid?.() === 0;
  const { chromium } = await import("playwright-core"); // after the existsSync guard above
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...(root ? ["--no-sandbox"] : []), // Chromium refuses to sandbox as root
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ], // playwright gives each launch a fresh, temporary profile
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
