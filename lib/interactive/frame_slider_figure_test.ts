import assert from "node:assert/strict";
import { frameSliderFigure } from "./frame_slider_figure.ts";
import { linspace } from "../grid.ts";
import { heatmapFigure } from "../figures/heatmap_figure.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";

const x1 = linspace(0, 1, 4), x2 = linspace(0, 1, 4);
const frame = (k: number) =>
  heatmapFigure(
    { x1, x2, values: new Float32Array(16).map((_, i) => ((i * k) % 7) / 7) },
    { title: "f", domain: [0, 1], hoverCells: 4 },
  );

function embedded(html: string) {
  return JSON.parse(
    html.match(/<script type="application\/json" class="fsf-data">(.*?)<\/script>/s)![1],
  );
}

Deno.test("frameSliderFigure() embeds each frame's images and changing read-outs", async (t) => {
  const fig = frameSliderFigure([frame(1), frame(2), frame(3)], {
    label: "k",
    captions: ["one", "two", "three"],
  });
  const data = embedded(fig.html());
  await t.step("one image set and one caption per frame", () => {
    assert.equal(fig.frames, 3);
    assert.equal(data.images.length, 3);
    assert.ok(data.images.every((imgs: string[]) => imgs[0].startsWith("data:image/png;base64,")));
    assert.notEqual(data.images[0][0], data.images[1][0]);
    assert.deepEqual(data.captions, ["one", "two", "three"]);
  });
  await t.step("only read-outs that differ are embedded", () => {
    assert.ok(data.changing.length > 0 && data.changing.length <= 16, String(data.changing.length));
    assert.equal(data.titles[2].length, data.changing.length);
  });
  await t.step("the slider covers the frames and starts at the last", () => {
    assert.match(
      fig.html(),
      /<input type="range" data-lm-suppress-shortcuts="true" min="0" max="2" step="1" value="2"/,
    );
  });
  await t.step("Jupyter bundle: live HTML with a still fallback, and text", () => {
    const bundle = fig[JUPYTER_DISPLAY]();
    assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
    assert.match(bundle["text/html"], /<img class="afig-still"/);
    assert.match(bundle["text/plain"], /slider "k" through 3 frames/);
    const sanitized = bundle["text/html"].replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, "");
    assert.match(sanitized, /<p class="fsf-note">[^<]*\(run the cell to use the k slider\)/);
    assert.doesNotMatch(fig.html(), /<p class="fsf-note"/);
  });
  await t.step("two figures get different ids", () => {
    const again = frameSliderFigure([frame(1), frame(2), frame(3)]);
    assert.notEqual(again.id, fig.id);
  });
  await t.step("bad input", () => {
    assert.throws(() => frameSliderFigure([]), TypeError);
    assert.throws(
      () => frameSliderFigure([frame(1)], { captions: ["a", "b"] }),
      /Expected 1 captions/,
    );
    assert.throws(() => frameSliderFigure([frame(1)], { start: 1 }), RangeError);
    const other = heatmapFigure({ x1, x2, values: new Float32Array(16) }, { hoverCells: 2 });
    assert.throws(() => frameSliderFigure([frame(1), other]), /Frame 1 differs in structure/);
  });
});
