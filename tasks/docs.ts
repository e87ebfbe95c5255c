/**
 * `deno task docs`: copies the figures README.md shows from out/figures/ (written by
 * `deno task run`) to docs/, so the README's pictures match the notebooks.
 *
 * @module
 */
import { fail, ROOT, taskCommand } from "./project.ts";

/**
 * The figures README.md shows: their names in out/figures/ (the original notebook's, and
 * our before-and-after of its last section) and their file names in docs/ (no spaces:
 * docs/ is part of the published package).
 */
export const README_FIGURES: Readonly<Record<string, string>> = {
  "ELU": "elu",
  "Softmax": "softmax",
  "Linear vs Nonlinear": "linear_vs_nonlinear",
  "Before and After Nonlinear Transformation": "before_and_after_nonlinear_transformation",
};

if (import.meta.main) {
  await Deno.mkdir(`${ROOT}/docs`, { recursive: true });
  for (const [name, file] of Object.entries(README_FIGURES)) {
    const from = `${ROOT}/out/figures/${name}.png`;
    try {
      await Deno.copyFile(from, `${ROOT}/docs/${file}.png.tmp`);
    } catch {
      fail(`${from} is missing.`, `Run \`${taskCommand("run")}\` first.`);
    }
    await Deno.rename(`${ROOT}/docs/${file}.png.tmp`, `${ROOT}/docs/${file}.png`);
    console.error(`docs/${file}.png`);
  }
}
