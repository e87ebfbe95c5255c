/**
 * Building the seed's interactive figures: every slider value's curves by `activation()`
 * (100 Alpha values for Leaky ReLU and ELU), the kinks, the static pair at the default,
 * and the standalone page. Goal: under 0.5 s per figure on the 2-core machine (measured
 * about 0.14 s after warm-up), so a notebook cell with a slider stays quick.
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
