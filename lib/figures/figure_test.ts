import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { panel } from "./layout.ts";
import { Figure } from "./figure.ts";
import { htmlPage } from "./markup.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { plotDocument, serializeSvg } from "./dom.ts";
import {
  chart,
  decodePixels,
  parseSvg,
  pixelVariance,
  pngSize,
  texts,
} from "../../tests/_helpers/figure_checks.ts";

Deno.test("Figure.svg() is a standalone SVG document on white", () => {
  const fig = panel(chart(), { title: "A & <B>" });
  const svg = fig.svg();
  const doc = parseSvg(svg);
  const root = doc.documentElement;
  assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  assert.equal(root.getAttribute("width"), String(fig.width));
  assert.equal(root.querySelector("rect")!.getAttribute("fill"), "white");
  assert.ok(texts(doc).includes("A & <B>"));
});

Deno.test("Figure.png() is a 2x PNG that is not blank", async () => {
  const fig = panel(chart(), { title: "Curve" });
  const png = fig.png();
  assert.deepEqual(pngSize(png), { width: 2 * fig.width, height: 2 * fig.height });
  assert.ok(await pixelVariance(png) > 10);
  assert.deepEqual(pngSize(fig.png({ scale: 1 })), { width: fig.width, height: fig.height });
  // the curve's colour is drawn
  const { data } = await decodePixels(png);
  let pink = 0;
  for (let k = 0; k < data.length; k += 4) {
    if (data[k] > 240 && data[k + 1] < 70 && data[k + 2] > 150 && data[k + 2] < 190) pink++;
  }
  assert.ok(pink > 100, `only ${pink} pink pixels`);
  assert.throws(() => fig.png({ scale: 0 }), RangeError);
});

Deno.test("Figure.png() draws raster images embedded as data URIs", async () => {
  const values = Array.from({ length: 100 }, (_, k) => k);
  const el = Plot.plot({
    document: plotDocument(),
    width: 200,
    height: 200,
    margin: 0,
    color: { scheme: "greys" },
    marks: [Plot.raster(values, { width: 10, height: 10 })],
  }) as unknown as Element;
  const { data, width } = await decodePixels(new Figure(serializeSvg(el), 200, 200).png());
  // not the white background: the raster is drawn over the whole figure
  const at = (x: number, y: number) => data[(y * width + x) * 4];
  assert.ok(at(200, 200) < 250 || at(20, 20) < 250);
  assert.notEqual(at(20, 20), at(380, 380));
});

Deno.test("Figure displays in Jupyter with HTML (live SVG and a still picture) and text", async () => {
  const fig = panel(chart(), { title: "Leaky ReLU", description: "Leaky ReLU curve" });
  const bundle = await fig[JUPYTER_DISPLAY]();
  assert.equal(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  assert.equal(bundle["text/plain"], "Leaky ReLU curve");
  const html = bundle["text/html"];
  // trusted: the <style> shows the inline SVG and hides the picture
  assert.match(html, /<style>[^<]*\.afig-live\{display:block!important\}/);
  assert.match(html, /<div class="afig-live" hidden style="display:none"><svg /);
  assert.ok(html.includes("<title>") || html.includes("Leaky ReLU"));
  // untrusted: JupyterLab's sanitizer drops <style> and <svg> elements (keeping text);
  // what remains must still show a picture, with the leftover text hidden
  const sanitized = html.replace(/<style>[\s\S]*?<\/style>/g, "").replace(
    /<\/?(svg|g|path|text|rect|title|circle|line|image|clipPath)\b[^>]*>/g,
    "",
  );
  const doc = plotDocument().createElement("div");
  doc.innerHTML = sanitized;
  const img = doc.querySelector("img.afig-still")!;
  assert.ok(img, "no fallback image");
  assert.match(img.getAttribute("src")!, /^data:image\/webp;base64,/);
  assert.equal(img.getAttribute("alt"), "Leaky ReLU curve");
  assert.ok(doc.querySelector(".afig-live")!.hasAttribute("hidden"));
  const webp = Uint8Array.from(
    atob(img.getAttribute("src")!.split(",")[1]),
    (c) => c.charCodeAt(0),
  );
  const decoded = await decodePixels(webp);
  assert.deepEqual(
    [decoded.width, decoded.height],
    [1.25 * fig.width, 1.25 * fig.height].map(Math.round),
  );
});

Deno.test("Figure.html() is a self-contained page", () => {
  const page = panel(chart(), { title: "ELU" }).html();
  assert.ok(page.startsWith("<!DOCTYPE html>"));
  assert.ok(page.includes("<title>ELU</title>"));
  assert.ok(page.includes('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(!/(src|href)="(https?:)?\/\//.test(page), "remote resource");
  assert.ok(!page.includes("<script"));
  assert.ok(htmlPage("x", { title: "a<b" }).includes("<title>a&lt;b</title>"));
});

Deno.test("Figure() rejects bad sizes", () => {
  assert.throws(() => new Figure("", 0, 10), RangeError);
  assert.throws(() => new Figure("", 10, NaN), RangeError);
});

Deno.test("prepareStill() draws the still picture on other threads: the same bytes, the bundle a promise until then", async () => {
  const early = panel(chart(), { title: "Leaky ReLU", description: "Leaky ReLU curve" });
  const late = panel(chart(), { title: "Leaky ReLU", description: "Leaky ReLU curve" });
  assert.ok(!(late[JUPYTER_DISPLAY]() instanceof Promise)); // never prepared: drawn at once
  early.prepareStill();
  const pending = early[JUPYTER_DISPLAY]();
  assert.ok(pending instanceof Promise);
  const bundle = await pending;
  assert.deepEqual(bundle, await late[JUPYTER_DISPLAY]());
  assert.ok(!(early[JUPYTER_DISPLAY]() instanceof Promise)); // drawn: no promise any more
  early.prepareStill(); // nothing to do
  assert.ok(!(early[JUPYTER_DISPLAY]() instanceof Promise));
});
