/**
 * Saving figures and pages: atomic writes into the figures folder (`out/figures/`, or
 * `FIGURES_DIR`), with checked file names.
 *
 * @module
 */
import { PROJECT_ROOT } from "../project_root.ts";
import { Figure } from "./figure.ts";

/**
 * The folder figures are saved to: the `FIGURES_DIR` environment variable when set
 * (the main job sets it to its staging folder), else the project's `out/figures/`, so a
 * notebook run by hand in JupyterLab saves where `deno task run` does and never litters
 * `notebooks/`.
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
 * Checks a figure name used as a file name: non-empty, at most 200 characters, no `/`,
 * `\`, `..`, control characters, leading/trailing spaces, or a leading dot. Spaces are
 * fine ("Leaky ReLU", "Linear vs Nonlinear").
 *
 * @param name The name without extension.
 * @returns The name.
 * @throws {TypeError} If the name is not a string or is not a valid file name.
 *
 * @example
 * ```ts
 * import { checkFigureName } from "./saving.ts";
 * console.assert(checkFigureName("Leaky ReLU") === "Leaky ReLU");
 * ```
 */
export function checkFigureName(name: string): string {
  if (typeof name !== "string") {
    throw new TypeError(`Invalid figure name ${String(name)}: expected a string`);
  }
  // deno-lint-ignore no-control-regex
  const bad = name === "" || name.length > 200 || /[\/\\\u0000-\u001f\u007f]/.test(name) ||
    name.includes("..") || name.trim() !== name || name.startsWith(".");
  if (bad) {
    throw new TypeError(
      `Invalid figure name ${
        JSON.stringify(name)
      }: expected 1 to 200 characters without "/", "\\", "..", control characters, a leading dot or surrounding spaces`,
    );
  }
  return name;
}

/** Options of {@linkcode save} and {@linkcode saveHtml}. */
export interface SaveOptions {
  /** Target folder (default {@linkcode figuresDir}()); created if missing. */
  readonly dir?: string;
}

let tempCounter = 0;

/**
 * Writes `text` or bytes to `<dir>/<file>` atomically: a temporary file in the same
 * folder, then a rename, so readers never see half a file.
 *
 * @param dir The folder (created if missing).
 * @param file The file name.
 * @param data The content.
 * @returns The path written.
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
  const path = `${dir.replace(/\/+$/, "") || "/"}/${file}`;
  const temp = `${dir}/.${file}.${Deno.pid}.${++tempCounter}.tmp`;
  try {
    Deno.mkdirSync(dir, { recursive: true });
    if (typeof data === "string") Deno.writeTextFileSync(temp, data);
    else Deno.writeFileSync(temp, data);
    Deno.renameSync(temp, path);
  } catch (error) {
    try {
      Deno.removeSync(temp);
    } catch { /* the temporary file was never written */ }
    throw new Error(
      `Cannot write "${file}" to the figures folder "${dir}": ${(error as Error).message}`,
      { cause: error },
    );
  }
  return path;
}

/**
 * Saves a figure as `<name>.svg` and `<name>.png` (2x) into the figures folder,
 * atomically (each file appears complete or not at all).
 *
 * @param figure The figure.
 * @param name File name without extension, e.g. "Leaky ReLU" (see {@linkcode checkFigureName}).
 * @param options `dir` (default {@linkcode figuresDir}()).
 * @returns The paths written.
 * @throws {TypeError} If `figure` is not a {@linkcode Figure} or the name is invalid.
 * @throws {Error} If the folder cannot be written (the message names the folder).
 *
 * @example
 * ```ts
 * import { Figure } from "./figure.ts";
 * import { save } from "./saving.ts";
 * const dir = Deno.makeTempDirSync();
 * const { svg, png } = save(new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10), "Leaky ReLU", { dir });
 * console.assert(svg.endsWith("Leaky ReLU.svg") && png.endsWith("Leaky ReLU.png"));
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function save(
  figure: Figure,
  name: string,
  options: SaveOptions = {},
): { svg: string; png: string } {
  if (!(figure instanceof Figure)) {
    throw new TypeError(`Expected a Figure to save, got ${Object.prototype.toString.call(figure)}`);
  }
  checkFigureName(name);
  const dir = options.dir ?? figuresDir();
  const png = figure.png();
  return {
    svg: writeAtomic(dir, `${name}.svg`, figure.svg()),
    png: writeAtomic(dir, `${name}.png`, png),
  };
}

/**
 * Saves a standalone HTML page as `<name>.html` into the figures folder, atomically
 * (for interactive figures; a {@linkcode Figure}'s own page is `figure.html()`).
 *
 * @param html The page markup.
 * @param name File name without extension (see {@linkcode checkFigureName}).
 * @param options `dir` (default {@linkcode figuresDir}()).
 * @returns The path written.
 * @throws {TypeError} If the name is invalid or `html` is not a string.
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
export function saveHtml(html: string, name: string, options: SaveOptions = {}): string {
  if (typeof html !== "string") {
    throw new TypeError(`Expected HTML markup as a string, got ${typeof html}`);
  }
  checkFigureName(name);
  return writeAtomic(options.dir ?? figuresDir(), `${name}.html`, html);
}
