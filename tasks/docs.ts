/**
 * `deno task docs`: copies the figures README.md shows from out/figures/ (written by
 * `deno task run`) to docs/, so the README's pictures match the notebooks.
 *
 * @module
 */
import { fail, ROOT } from "./project.ts";

/** The figures README.md shows. */
export const README_FIGURES = ["ELU", "Softmax", "Linear vs Nonlinear", "Nonlinear Transformation"];

await Deno.mkdir(`${ROOT}/docs`, { recursive: true });
for (const name of README_FIGURES) {
  const from = `${ROOT}/out/figures/${name}.png`;
  try {
    await Deno.copyFile(from, `${ROOT}/docs/${name}.png.tmp`);
  } catch {
    fail(`${from} is missing.`, "Run `deno task run` first.");
  }
  await Deno.rename(`${ROOT}/docs/${name}.png.tmp`, `${ROOT}/docs/${name}.png`);
  console.error(`docs/${name}.png`);
}
