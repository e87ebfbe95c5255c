import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plotDocument, serializeSvg } from "./dom.ts";
import { chart, parseSvg } from "../../tests/_helpers/figure_checks.ts";

Deno.test("plotDocument() has a working canvas for Plot's raster mark", () => {
  const ctx = plotDocument().createElement("canvas").getContext("2d");
  assert.ok(ctx);
  const svg = Plot.plot({
    document: plotDocument(),
    marks: [Plot.raster([0, 1, 2, 3], { width: 2, height: 2 })],
  }) as unknown as Element;
  const href = svg.querySelector("image")!.getAttribute("href")!;
  assert.match(href, /^data:image\/png;base64,/);
  assert.equal(plotDocument(), plotDocument());
});

Deno.test("serializeSvg() declares the namespace and drops Plot's style", () => {
  const markup = serializeSvg(chart());
  assert.ok(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(!markup.includes("<style"));
  assert.ok(!/class="plot-/.test(markup));
  parseSvg(markup);
  assert.throws(() => serializeSvg(plotDocument().createElement("div")), TypeError);
});
