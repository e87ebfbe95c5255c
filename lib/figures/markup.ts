/**
 * Small pieces of markup shared by figures and pages: base64 for data URIs, XML
 * escaping, and the minimal standalone HTML page.
 *
 * @module
 */
import { argument, checkOptions, checkString, option } from "../guards.ts";

/**
 * Base64 of bytes (for data URIs and Jupyter mime bundles).
 *
 * @param bytes The bytes.
 * @returns Their base64 encoding.
 *
 * @example
 * ```ts
 * import { base64 } from "./markup.ts";
 * console.assert(base64(new Uint8Array([104, 105])) === "aGk=");
 * ```
 */
export function base64(bytes: Uint8Array): string {
  let s = "";
  for (let k = 0; k < bytes.length; k += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  }
  return btoa(s);
}

/**
 * Escapes text for XML/HTML text and double-quoted attribute values.
 *
 * @param text Any text.
 * @returns The text with `&`, `<`, `>` and `"` escaped.
 *
 * @example
 * ```ts
 * import { escapeXml } from "./markup.ts";
 * console.assert(escapeXml('a < "b"') === "a &lt; &quot;b&quot;");
 * ```
 */
export function escapeXml(text: string): string {
  return String(text).replace(
    /[&<>"]/g,
    (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Options of {@linkcode htmlPage}. */
export interface HtmlPageOptions {
  /** The page's `<title>`. */
  readonly title?: string;
  /** Extra markup for `<head>` (inline `<style>` or `<script>` only: no remote resources). */
  readonly head?: string;
}

/**
 * Wraps body markup in a minimal standalone HTML page (UTF-8, white background, system
 * fonts, no remote resources).
 *
 * @param body Markup for `<body>`.
 * @param options `title` and extra `head` markup.
 * @returns The page.
 * @throws {TypeError} If `body`, `title` or `head` is not a string.
 *
 * @example
 * ```ts
 * import { htmlPage } from "./markup.ts";
 * const page = htmlPage("<p>hi</p>", { title: "Leaky ReLU" });
 * console.assert(page.startsWith("<!DOCTYPE html>") && page.includes("<title>Leaky ReLU</title>"));
 * ```
 */
export function htmlPage(body: string, options?: HtmlPageOptions): string {
  checkString(body, argument("htmlPage", "body"), true);
  const { title = "Figure", head = "" } = checkOptions(options, argument("htmlPage", "options"));
  checkString(title, option("title"), true);
  checkString(head, option("head"), true);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>body{margin:16px;background:white;color:black;font-family:system-ui,sans-serif}svg{max-width:100%;height:auto}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}
