/**
 * The epoch slider's page code: the caption of a frame and the script that swaps the
 * frames in and moves the epoch's marker along the training curves. Typed here, shipped
 * to the page as source (`fn.toString()`), so each function is self-contained.
 * epoch_slider.ts re-exports both.
 *
 * @module
 */
import type { EpochSliderConfig } from "./epoch_slider.ts";

/**
 * The caption of frame `k`: "epoch 40: loss 0.3812, accuracy 87.5%", then the test
 * points' ("; test loss 0.4010, accuracy 85.0%") when measured; no accuracy for
 * regression. Self-contained: the page receives its source.
 *
 * @param c The page's data.
 * @param k The frame.
 * @returns The caption.
 *
 * @example
 * ```ts
 * import { caption } from "./epoch_slider.ts";
 * const c = { epochs: [0, 5], losses: [null, 0.5], accuracies: [null, 0.75], testLosses: [null, 0.6], testAccuracies: [null, 0.7] };
 * console.assert(caption(c, 0) === "epoch 0 (before training)");
 * console.assert(caption(c, 1) === "epoch 5: loss 0.5000, accuracy 75.0%; test loss 0.6000, accuracy 70.0%");
 * ```
 */
export function caption(
  c: Pick<
    EpochSliderConfig,
    "epochs" | "losses" | "accuracies" | "testLosses" | "testAccuracies"
  >,
  k: number,
): string {
  const loss = c.losses[k];
  if (loss === null || loss === undefined) return `epoch ${c.epochs[k]} (before training)`;
  const part = (l: number, a: number | null | undefined) =>
    `loss ${l.toFixed(4)}${typeof a === "number" ? `, accuracy ${(100 * a).toFixed(1)}%` : ""}`;
  const test = c.testLosses?.[k];
  return `epoch ${c.epochs[k]}: ${part(loss, c.accuracies[k])}${
    typeof test === "number" ? `; test ${part(test, c.testAccuracies?.[k])}` : ""
  }`;
}

/**
 * The page's script: the slider swaps the boundary's picture for the frame's and moves a
 * marker along the training curves. Typed here, shipped as source.
 *
 * @param id The figure's element id.
 * @param script The running `<script>`.
 * @param captionOf {@linkcode caption}.
 */
export function epochRuntime(
  id: string,
  script: Element | null,
  captionOf: typeof caption,
): void {
  let root = script?.closest?.(".esf") as HTMLElement | null;
  if (!root || root.id !== id) root = document.getElementById(id);
  if (!root || root.getAttribute("data-esf-ready")) return;
  const figure = root;
  figure.setAttribute("data-esf-ready", "1");
  const c = JSON.parse(
    figure.querySelector("script.esf-data")?.textContent ?? "{}",
  ) as EpochSliderConfig;
  const charts = [...figure.querySelectorAll("svg[data-chart]")] as SVGSVGElement[];
  // the first chart's picture: the boundary's heatmap, or the prediction's cells
  const image = charts[0]?.querySelector("image");
  const input = figure.querySelector('input[type="range"]') as HTMLInputElement;
  const output = figure.querySelector("output") as HTMLOutputElement;
  const NS = "http://www.w3.org/2000/svg";
  const markers = c.curves.map((s, k) => {
    const chart = charts[c.firstCurve + k];
    const line = document.createElementNS(NS, "line");
    line.setAttribute("y1", String(s.y.range[0]));
    line.setAttribute("y2", String(s.y.range[1]));
    line.setAttribute("stroke", "#555");
    line.setAttribute("stroke-dasharray", "4 3");
    line.setAttribute("data-esf", "epoch");
    chart?.appendChild(line);
    return { line, s };
  });
  function show(k: number): void {
    k = Math.max(0, Math.min(c.frames.length - 1, Math.round(k)));
    if (Number(input.value) !== k) input.value = String(k);
    image?.setAttribute("href", c.frames[k]);
    image?.setAttribute("image-rendering", "auto");
    output.textContent = captionOf(c, k);
    for (const { line, s } of markers) {
      const [d0, d1] = s.x.domain, [r0, r1] = s.x.range;
      const epoch = Math.min(d1, Math.max(d0, c.epochs[k]));
      const x = String(r0 + (epoch - d0) * (r1 - r0) / (d1 - d0));
      line.setAttribute("x1", x);
      line.setAttribute("x2", x);
    }
    figure.setAttribute("data-esf-frame", String(k));
  }
  input.addEventListener("input", () => show(Number(input.value)));
  const controls = figure.querySelector(".esf-controls") as HTMLElement;
  controls.hidden = false;
  controls.style.display = "flex";
  show(Number(input.value));
}
