/**
 * The colour bar beside a heatmap: the scheme in 256 steps with a tick axis on its right,
 * as tall as the chart's frame. heatmap_figure.ts re-exports `colorBar()`; the prediction
 * figure draws it for regressions.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotDocument } from "./dom.ts";
import { textWidth } from "./text_width.ts";
import { insertImage, rasterDataUrl } from "./heatmap_raster.ts";

/**
 * A vertical colour bar (256 steps) with a tick axis on its right, sized to sit beside a
 * chart whose frame has the given top and bottom margins.
 *
 * @param domain `[low, high]`.
 * @param scheme Colour of `t` in `[0, 1]`.
 * @param height Height of the chart it accompanies.
 * @param marginTop Chart's top margin.
 * @param marginBottom Chart's bottom margin.
 * @returns An `<svg>` element.
 *
 * @example
 * ```ts
 * import { colorBar } from "./heatmap_figure.ts";
 * import { interpolateBmy } from "./palette.ts";
 * const bar = colorBar([0, 1], interpolateBmy, 300, 10, 40);
 * console.assert(bar.getAttribute("height") === "300");
 * ```
 */
export function colorBar(
  domain: readonly [number, number],
  scheme: (t: number) => string | undefined,
  height: number,
  marginTop: number,
  marginBottom: number,
): Element {
  const [lo, hi] = domain;
  const steps = new Float32Array(256).map((_, k) => lo + (k + 0.5) / 256 * (hi - lo));
  const plot = (marginRight: number) =>
    Plot.plot({
      document: plotDocument(),
      width: 26 + marginRight,
      height,
      marginTop,
      marginBottom,
      marginLeft: 8,
      marginRight,
      style: { fontSize: `${BAR_FONT_SIZE}px`, fontFamily: "DejaVu Sans, system-ui, sans-serif" },
      x: { domain: [0, 1], axis: null },
      y: { domain: [lo, hi], axis: "right", label: null, nice: false },
      marks: [Plot.frame({ stroke: "none" })],
    }) as unknown as Element & Plot.Plot;
  let bar = plot(52);
  // room for the widest tick label right of the bar: the tick (6 px), padding (3 px), text
  const labels = bar.querySelectorAll('[aria-label="y-axis tick label"] text');
  const widest = Math.max(
    0,
    ...Array.from(labels, (t) => textWidth(t.textContent ?? "", BAR_FONT_SIZE)),
  );
  if (widest + 11 > 52) bar = plot(Math.ceil(widest + 11));
  const ys = bar.scale("y")!;
  insertImage(bar, rasterDataUrl(steps, 1, 256, domain, scheme), {
    x: 8,
    y: ys.apply(hi),
    width: 18,
    height: ys.apply(lo) - ys.apply(hi),
    description: "colour bar",
  });
  return bar;
}

// The colour bar's tick labels, in px (the axes' size).
const BAR_FONT_SIZE = 13;
