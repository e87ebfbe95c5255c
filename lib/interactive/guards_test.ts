import assert from "node:assert/strict";
import { type Probe, runProbes } from "../../tests/_helpers/health.ts";
import { Figure } from "../figures/figure.ts";
import { makeDataset } from "../training/datasets.ts";
import { frameSliderFigure, saveFrameSlider } from "./frame_slider_figure.ts";
import { epochSliderFigure } from "./epoch_slider.ts";
import { saveInteractive, sliderFigure } from "./slider_figure.ts";

// deno-lint-ignore no-explicit-any -- probes pass what the types forbid, as a careless caller would
const bad = (v: unknown): any => v;

Deno.test("interactive guards refuse bad input before computing, and leave tfjs healthy", async (t) => {
  const frame = new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10);
  const data = makeDataset("xor", { size: 8 });
  const x1 = new Float32Array(2), x2 = new Float32Array(2);
  const snapshot = { epoch: 0, values: new Float32Array(4), loss: NaN, accuracy: NaN };
  const history = { loss: [], accuracy: [] };
  const probes: Probe[] = [
    {
      name: "sliderFigure samples 1e7",
      call: () => sliderFigure("elu", { samples: 1e7 }),
      error: RangeError,
      message: /^Invalid option samples: 10000000 is above the maximum 20000/,
    },
    {
      name: "sliderFigure width 1e6",
      call: () => sliderFigure("elu", { width: 1e6 }),
      error: RangeError,
      message: /^Invalid option width: 1000000 is above the maximum 10000/,
    },
    {
      name: "sliderFigure height -1",
      call: () => sliderFigure("elu", { height: -1 }),
      error: RangeError,
      message: /^Invalid option height: -1 is below the minimum 100/,
    },
    {
      name: "frameSliderFigure with 1001 frames",
      call: () => frameSliderFigure(Array(1001).fill(frame)),
      error: RangeError,
      message: /^frameSliderFigure\(frames\): 1001 frames is above the maximum 1000$/,
    },
    {
      name: "epochSliderFigure with 100,001 snapshots",
      call: () =>
        epochSliderFigure({ x1, x2, snapshots: Array(100_001).fill(snapshot), history }, data),
      error: RangeError,
      message: /^epochSliderFigure\(run\): 100001 snapshots is above the maximum 1000 frames/,
    },
    {
      name: "frameSliderFigure start 5 of 1",
      call: () => frameSliderFigure([frame], { start: 5 }),
      error: RangeError,
      message: /^Invalid option start: 5 is above the maximum 0/,
    },
    {
      name: "sliderFigure(null)",
      call: () => sliderFigure(bad(null)),
      error: TypeError,
      message: /^sliderFigure\(activation\): expected an activation name or declaration, got null$/,
    },
    {
      name: 'sliderFigure("elu", null)',
      call: () => sliderFigure("elu", bad(null)),
      error: TypeError,
      message: /^sliderFigure\(options\): expected an options object, got null$/,
    },
    {
      name: "sliderFigure(a declaration without fn)",
      call: () => sliderFigure(bad({ name: "x", params: [] })),
      error: TypeError,
      message: /^sliderFigure\(activation\): expected an activation name or declaration, got/,
    },
    {
      name: "frameSliderFigure([null])",
      call: () => frameSliderFigure(bad([null])),
      error: TypeError,
      message: /^frameSliderFigure\(frames\[0\]\): expected a Figure, got null$/,
    },
    {
      name: "frameSliderFigure(null)",
      call: () => frameSliderFigure(bad(null)),
      error: TypeError,
      message: /^frameSliderFigure\(frames\): expected an array of figures, got null$/,
    },
    {
      name: "frameSliderFigure captions null",
      call: () => frameSliderFigure([frame], { captions: bad(null) }),
      error: TypeError,
      message: /^Invalid option captions: expected an array of strings, got null$/,
    },
    {
      name: "epochSliderFigure(null, data)",
      call: () => epochSliderFigure(bad(null), data),
      error: TypeError,
      message:
        /^epochSliderFigure\(run\): expected what trainWithSnapshots\(\) returned, got null$/,
    },
    {
      name: "epochSliderFigure(run, null)",
      call: () => epochSliderFigure({ x1, x2, snapshots: [snapshot], history }, bad(null)),
      error: TypeError,
      message: /^epochSliderFigure\(data\): expected \{ x, y \}: points and labels, got null$/,
    },
    {
      name: "saveInteractive(null, name)",
      call: () => saveInteractive(bad(null), "x"),
      error: TypeError,
      message: /^saveInteractive\(figure\): expected an InteractiveFigure, got null$/,
    },
    {
      name: "saveFrameSlider(null, name)",
      call: () => saveFrameSlider(bad(null), "x"),
      error: TypeError,
      message: /^saveFrameSlider\(figure\): expected a FrameSliderFigure, got null$/,
    },
    {
      name: 'saveFrameSlider dir ""',
      call: () => saveFrameSlider(frameSliderFigure([frame]), "x", { dir: "" }),
      error: TypeError,
      message: /^Invalid option dir: expected a non-empty string, got the string ""$/,
    },
  ];
  await runProbes(t, probes);
  assert.equal(frameSliderFigure([frame, frame]).frames, 2);
});
