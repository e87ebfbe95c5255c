/**
 * Saving figures and pages: atomic writes into the figures folder (`out/figures/`, or
 * `FIGURES_DIR`), with checked file names.
 *
 * @module
 */
import { PROJECT_ROOT } from "../project_root.ts";
import type { DisplayableFigure } from "../notebook/display.ts";
import { argument, checkOptions, checkString, option, typeError } from "../guards.ts";

/**
 * The folder figures are saved to: the `FIGURES_DIR` environment variable when set, else
 * the project's `out/figures/` (never `notebooks/`). The main job (`deno task run`) sets it
 * to its staging folder, whose files become `out/figures/`; `deno task lab` sets it to
 * `out/lab/figures/`, so figures saved while exploring stay apart from the main job's.
 *
 * @returns A folder path (it may not exist yet; {@linkcode save} creates it).
 *
 * @example
 * ```ts
 * import { figuresDir } from "./saving.ts";
 * console.assert(figuresDir().length > 0);
 * ```
 */
export function figuresDir(): string {
  const env = Deno.env.get("FIGURES_DIR");
  return env ? env : `${PROJECT_ROOT}/out/figures`;
}

/**
 * Longest file name, extension included, in UTF-8 bytes: 255, the limit of Linux, macOS
 * and Windows file systems.
 */
export const MAX_FILE_NAME_BYTES = 255;

// Characters no file name may hold: C0 and C1 controls and DEL, the bidirectional
// formatting characters (ALM, LRM, RLM, U+202A-U+202E, U+2066-U+2069, which can make
// "evil\u202Egnp.svg" display as "evilsvg.png"), line and paragraph separators, and BOM.
const FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/u;

/**
 * Checks a figure name used as a file name: a string of at most
 * {@linkcode MAX_FILE_NAME_BYTES} UTF-8 bytes with its extension, without `/`, `\`, `..`,
 * control characters (C0, DEL, C1), bidirectional formatting characters (U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), line or paragraph separators, a
 * byte order mark, lone surrogates, leading or trailing spaces, or a leading dot. Spaces
 * and any other Unicode are fine ("Leaky ReLU", "Linear vs Nonlinear", "ReLU → GELU").
 *
 * @param name The name without extension.
 * @param extension The longest extension it will be written with (default `".html"`).
 * @returns The name.
 * @throws {TypeError} If the name is not a string or is not a valid file name.
 *
 * @example
 * ```ts
 * import { checkFigureName } from "./saving.ts";
 * console.assert(checkFigureName("Leaky ReLU") === "Leaky ReLU");
 * ```
 */
export function checkFigureName(name: string, extension = ".html"): string {
  checkString(name, "Invalid figure name");
  const bytes = new TextEncoder().encode(name + extension).length;
  const problem = bytes > MAX_FILE_NAME_BYTES
    ? `"${
      name.slice(0, 20)
    }…${extension}" is ${bytes} bytes in UTF-8, above the maximum ${MAX_FILE_NAME_BYTES}`
    : FORBIDDEN.test(name) || !name.isWellFormed()
    ? "it holds a control, bidirectional-formatting or other invisible character"
    : /[\/\\]/.test(name) || name.includes("..")
    ? 'it holds "/", "\\" or ".."'
    : name.trim() !== name
    ? "it starts or ends with a space"
    : name.startsWith(".")
    ? "it starts with a dot"
    : undefined;
  if (problem) {
    throw new TypeError(`Invalid figure name ${JSON.stringify(name)}: ${problem}`);
  }
  return name;
}

/** Options of {@linkcode save} and {@linkcode saveHtml}. */
export interface SaveOptions {
  /** Target folder (default {@linkcode figuresDir}()); created if missing. Not empty. */
  readonly dir?: string;
}

/**
 * Writes `text` or bytes to `<dir>/<file>` atomically: a temporary file in the same
 * folder, then a rename, so readers never see half a file. The temporary file has a
 * random name and is created exclusively (it must not exist, not even as a symlink), so a
 * file or symlink planted in the folder is never followed or overwritten; the rename
 * replaces `<dir>/<file>` itself, never what a symlink there points to.
 *
 * @param dir The folder (created if missing; not empty).
 * @param file The file name.
 * @param data The content.
 * @returns The path written.
 * @throws {TypeError} If `dir` is not a non-empty string.
 * @throws {Error} If the folder cannot be created or written, naming the folder.
 *
 * @example
 * ```ts
 * import { writeAtomic } from "./saving.ts";
 * const dir = Deno.makeTempDirSync();
 * const path = writeAtomic(dir, "a b.txt", "hello");
 * console.assert(Deno.readTextFileSync(path) === "hello");
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function writeAtomic(dir: string, file: string, data: string | Uint8Array): string {
  checkString(dir, option("dir"));
  checkString(file, argument("writeAtomic", "file"));
  const folder = dir.replace(/\/+$/, "") || "/";
  const path = `${folder}/${file}`;
  let temp: string | undefined;
  try {
    Deno.mkdirSync(dir, { recursive: true });
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    for (let attempt = 0; temp === undefined; attempt++) {
      const candidate = `${folder}/.${randomHex(8)}.tmp`;
      try {
        Deno.writeFileSync(candidate, bytes, { createNew: true });
        temp = candidate;
      } catch (error) {
        if (!(error instanceof Deno.errors.AlreadyExists) || attempt >= 9) throw error;
      }
    }
    Deno.renameSync(temp, path);
  } catch (error) {
    if (temp !== undefined) {
      try {
        Deno.removeSync(temp);
      } catch { /* already gone */ }
    }
    throw new Error(
      `Cannot write "${file}" to the figures folder "${dir}": ${(error as Error).message}`,
      { cause: error },
    );
  }
  return path;
}

function randomHex(bytes: number): string {
  return Array.from(
    crypto.getRandomValues(new Uint8Array(bytes)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

/**
 * Saves a figure or a page into the figures folder, atomically (each file appears complete
 * or not at all): a `Figure` as `<name>.svg` and `<name>.png` (2x); an `InteractiveFigure`
 * or a `FrameSliderFigure` as the standalone page `<name>.html` (the original's
 * `Leaky ReLU.html`); anything else that implements {@linkcode DisplayableFigure} as its
 * {@linkcode DisplayableFigure.files}.
 *
 * @param figure The figure or page.
 * @param name File name without extension, e.g. "Leaky ReLU" (see {@linkcode checkFigureName}).
 * @param options `dir` (default {@linkcode figuresDir}()).
 * @returns The paths written, by extension: `{ svg, png }` for a Figure, `{ html }` for a
 *   page.
 * @throws {TypeError} If `figure` is not a {@linkcode DisplayableFigure}, the name is
 *   invalid, or `dir` is not a non-empty string.
 * @throws {RangeError} If a Figure is too large for a PNG at scale 2 (see `Figure.png`).
 * @throws {Error} If the folder cannot be written (the message names the folder).
 *
 * @example
 * ```ts
 * import { Figure } from "./figure.ts";
 * import { save } from "./saving.ts";
 * import { sliderFigure } from "../interactive/slider_figure.ts";
 * const dir = Deno.makeTempDirSync();
 * const { svg, png } = save(new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10), "Leaky ReLU", { dir });
 * console.assert(svg.endsWith("Leaky ReLU.svg") && png.endsWith("Leaky ReLU.png"));
 * const { html } = save(sliderFigure("elu"), "ELU", { dir }); // a page
 * console.assert(html.endsWith("/ELU.html"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function save<Files extends string>(
  figure: DisplayableFigure<Files>,
  name: string,
  options?: SaveOptions,
): Record<Files, string> {
  if (figure === null || typeof figure !== "object" || typeof figure.files !== "function") {
    throw typeError(
      argument("save", "figure"),
      "a Figure, an InteractiveFigure or a FrameSliderFigure (a DisplayableFigure)",
      figure,
    );
  }
  const files = Object.entries(figure.files()) as [Files, () => string | Uint8Array][];
  const longest = files.reduce((a, [ext]) => (ext.length > a.length ? ext : a), "");
  checkFigureName(name, `.${longest}`);
  const dir = targetDir(options, "save");
  // every file's content (a PNG can fail on size) before the first file is written
  const contents = files.map(([ext, content]) => [ext, content()] as const);
  const paths = {} as Record<Files, string>;
  for (const [ext, data] of contents) paths[ext] = writeAtomic(dir, `${name}.${ext}`, data);
  return paths;
}

/**
 * Saves a standalone HTML page as `<name>.html` into the figures folder, atomically (what
 * {@linkcode save} does with an interactive figure's page; any figure's page is `html()`).
 *
 * @param html The page markup.
 * @param name File name without extension (see {@linkcode checkFigureName}).
 * @param options `dir` (default {@linkcode figuresDir}()).
 * @returns The path written.
 * @throws {TypeError} If the name is invalid, `html` is not a string, or `dir` is not a
 *   non-empty string.
 * @throws {Error} If the folder cannot be written (the message names the folder).
 *
 * @example
 * ```ts
 * import { htmlPage } from "./markup.ts";
 * import { saveHtml } from "./saving.ts";
 * const dir = Deno.makeTempDirSync();
 * const path = saveHtml(htmlPage("<p>ELU</p>"), "ELU", { dir });
 * console.assert(path.endsWith("/ELU.html"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveHtml(html: string, name: string, options?: SaveOptions): string {
  checkString(html, argument("saveHtml", "html"), true);
  checkFigureName(name, ".html");
  return writeAtomic(targetDir(options, "saveHtml"), `${name}.html`, html);
}

// The folder of a save: options.dir, else the figures folder; "" is refused (it would
// write to the root of the file system).
function targetDir(options: SaveOptions | undefined, fn: string): string {
  const { dir } = checkOptions(options, argument(fn, "options"));
  if (dir === undefined) return figuresDir();
  return checkString(dir, option("dir"));
}
