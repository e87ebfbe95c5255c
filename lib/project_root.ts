/**
 * The project's root folder, computed in this one place for the library (the default
 * figures folder), the tasks, the tests and the benchmarks.
 *
 * @module
 */

/** The project's root folder (the one holding deno.json and lib/), without a trailing slash. */
export const PROJECT_ROOT: string = decodeURIComponent(new URL("../", import.meta.url).pathname)
  .replace(/\/$/, "");
