/**
 * `deno task lab [--port N] [--host H] [-- jupyter options]`: opens the project's
 * JupyterLab on notebooks/ with the project's Deno kernel, bound to 127.0.0.1 by default.
 *
 * @module
 */
import { fail, KERNEL_DISPLAY_NAME, KERNEL_NAME, ROOT, venvBin } from "./project.ts";

function option(name: string, fallback: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  if (i >= 0 && Deno.args[i + 1]) return Deno.args[i + 1];
  const inline = Deno.args.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

const host = option("host", "127.0.0.1");
const portText = option("port", "8888");
const port = Number(portText);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`Invalid port "${portText}": expected an integer from 1 to 65535.`);
}
const passThrough = Deno.args.includes("--") ? Deno.args.slice(Deno.args.indexOf("--") + 1) : [];

try {
  Deno.listen({ hostname: host, port }).close();
} catch (e) {
  if (e instanceof Deno.errors.AddrInUse) {
    fail(
      `Port ${port} on ${host} is already in use (another JupyterLab, perhaps).`,
      `Stop that server, or pick another port: deno task lab --port ${port + 1}`,
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
  `--IdentityProvider.token=${token}`,
  ...(Deno.uid?.() === 0 ? ["--allow-root"] : []), // JupyterLab refuses root without it
  ...passThrough,
];
console.error(
  `\nJupyterLab with the "${KERNEL_DISPLAY_NAME}" kernel, on notebooks/:\n\n` +
    `    http://${host}:${port}/lab?token=${token}\n\n` +
    `Open that URL in a browser; press Ctrl+C here to stop the server.\n`,
);
const child = new Deno.Command(venvBin("jupyter"), { args, cwd: ROOT }).spawn();
Deno.addSignalListener("SIGINT", () => {});
Deno.exit((await child.status).code);
