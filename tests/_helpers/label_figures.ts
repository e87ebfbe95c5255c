/**
 * Every figure builder given the registry's longest labels: what the label tests check,
 * in jsdom by the figures' width estimate (lib/figures/labels_test.ts) and in Chromium by
 * its layout (tests/figure_text_test.ts).
 *
 * @module
 */
import { ACTIVATIONS } from "../../lib/activations/activations.ts";
import { activationFigure } from "../../lib/figures/activation_figure.ts";
import { overlayFigure } from "../../lib/figures/overlay_figure.ts";
import { comparisonFigure } from "../../lib/figures/comparison_figure.ts";
import { historyFigure } from "../../lib/figures/history_figure.ts";
import { decisionBoundaryFigure, transformationFigure } from "../../lib/figures/network_figures.ts";
import { curvesFigure } from "../../lib/figures/curves_figure.ts";
import { swatches } from "../../lib/figures/swatches.ts";
import { panel, row } from "../../lib/figures/layout.ts";
import { textWidth } from "../../lib/figures/text_width.ts";
import { Figure } from "../../lib/figures/figure.ts";
import { serializeSvg } from "../../lib/figures/dom.ts";
import { sliderFigure } from "../../lib/interactive/slider_figure.ts";
import { epochSliderFigure } from "../../lib/interactive/epoch_slider.ts";
import { createNetwork, networkLabel } from "../../lib/training/network.ts";
import { makeDataset } from "../../lib/training/datasets.ts";
import { fitSubnetwork } from "../../lib/training/subnetwork.ts";
import { trainWithSnapshots } from "../../lib/training/boundary_snapshots.ts";
import { chart } from "./figure_checks.ts";

type Spec = (typeof ACTIVATIONS)[number];
const widest = (specs: readonly Spec[]) =>
  specs.reduce((a, b) => (textWidth(b.label, 13) > textWidth(a.label, 13) ? b : a));
const ONE = ACTIVATIONS.filter((a) => a.inputs === 1);
/** The one-input activation with the widest label ("GELU (tanh approximation)"). */
export const LONGEST: Spec = widest(ONE);
const LONGEST_TWO = widest(ACTIVATIONS.filter((a) => a.inputs === 2));
const LONGEST_WITH_PARAMS = widest(ONE.filter((a) => a.params.length > 0));

/**
 * Each figure builder with the longest labels, by name; the network figures train a small
 * network of the longest-labelled activation for two epochs.
 */
export async function* labelFigures(): AsyncGenerator<[string, Figure]> {
  yield [`activationFigure("${LONGEST.name}")`, activationFigure(LONGEST.name)];
  yield [
    `activationFigure("${LONGEST.name}", { secondDerivative: true })`,
    activationFigure(LONGEST.name, { secondDerivative: true }),
  ];
  yield [`activationFigure("${LONGEST_TWO.name}")`, activationFigure(LONGEST_TWO.name)];
  yield ['activationFigure("softmax")', activationFigure("softmax")];
  yield [
    `sliderFigure("${LONGEST_WITH_PARAMS.name}")`,
    sliderFigure(LONGEST_WITH_PARAMS.name).still,
  ];
  yield ["overlayFigure(every one-input activation)", overlayFigure(ONE.map((a) => a.name))];
  yield [
    'overlayFigure(["gelu", "gelu_tanh"])',
    overlayFigure(["gelu", "gelu_tanh"], { title: "GELU", x: [-4, 4], y: [-0.5, 3] }),
  ];
  yield [
    "comparisonFigure(every one-input activation)",
    comparisonFigure(
      ONE.map((a, k) => ({
        name: a.name,
        label: a.label,
        finalLoss: 0.1,
        finalAccuracy: k / ONE.length,
        firstEpochAt99: k % 2 ? 10 * k : null,
      })),
      { epochs: 10 * ONE.length },
    ),
  ];
  yield [
    "historyFigure(runs named by the longest label)",
    historyFigure({
      [LONGEST.label]: { loss: [0.7, 0.3, 0.1], accuracy: [0.5, 0.8, 1] },
      linear: { loss: [0.7, 0.6, 0.6], accuracy: [0.5, 0.6, 0.6] },
    }, { title: LONGEST.label }),
  ];
  yield [
    "a panel whose title is wider than its chart",
    panel(chart(), { title: `${LONGEST.label} (Second Derivative) of a narrow chart` }),
  ];
  yield [
    "curvesFigure() with a legend of the longest labels",
    curvesFigure(
      ONE.slice(0, 3).concat(LONGEST).map((a, k) => ({
        x: [0, 1],
        y: [k / 4, k / 4],
        label: a.label,
        color: a.view.color,
      })),
      { width: 200 },
    ),
  ];
  const key = swatches(ONE.map((a) => ({ label: a.label, color: a.view.color })), {
    maxWidth: 400,
    indent: 20,
  });
  const size = (name: string) => Number(key.getAttribute(name));
  yield ["a flowing legend", row(new Figure(serializeSvg(key), size("width"), size("height")))];

  const data = makeDataset("xor", { seed: 1, size: 40 });
  const network = createNetwork({ hidden: [4, 2], activation: LONGEST.name }, { seed: 1 });
  try {
    const title = `Decision Boundary (${networkLabel(network)})`;
    const run = await trainWithSnapshots(network, data, { epochs: 2, every: 1 });
    yield [
      "decisionBoundaryFigure()",
      decisionBoundaryFigure(network, data, { title, resolution: 20 }),
    ];
    yield ["epochSliderFigure()", epochSliderFigure(run, data, { title }).still];
    const fit = await fitSubnetwork(network, data, { epochs: 1, resolution: 20 });
    yield ["transformationFigure()", transformationFigure(fit)];
  } finally {
    network.dispose();
  }
}
