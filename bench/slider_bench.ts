/**
 * Building the original's interactive figures: the program with its parameters as inputs
 * (compiled once per activation, cached), the still at the defaults with its kinks, and
 * the standalone page. Goal: under 0.5 s per figure on the 2-core machine, so a notebook
 * cell with a slider stays quick. How quickly the page repaints is
 * `bench/slider_repaint.ts`.
 *
 * Run: `deno bench -P bench/slider_bench.ts`.
 *
 * @module
 */
import { sliderFigure } from "../lib/interactive/slider_figure.ts";

for (const name of ["leaky_relu", "elu"]) {
  Deno.bench({
    name: `sliderFigure("${name}") and its page`,
    group: "interactive figure",
    n: 5,
    fn() {
      sliderFigure(name).html();
    },
  });
}
