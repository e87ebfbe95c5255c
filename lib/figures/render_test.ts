import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import {
  checkFigureName,
  column,
  Figure,
  figuresDir,
  htmlPage,
  JUPYTER_DISPLAY,
  panel,
  plotDocument,
  row,
  save,
  saveHtml,
  serializeSvg,
} from "./render.ts";
import {
  decodePixels,
  parseSvg,
  pixelVariance,
  pngSize,
  texts,
} from "../../tests/_helpers/figure_checks.ts";

function chart(): Element {
  return Plot.plot({
    document: plotDocument(),
    width: 300,
    height: 200,
    marks: [Plot.lineY([1, 3, 2], { stroke: "#ff33a7", strokeWidth: 4 })],
  }) as unknown as Element;
}

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

Deno.test("panel() puts a centred title above the chart", () => {
  const fig = panel(chart(), { title: "Leaky ReLU" });
  assert.equal(fig.width, 300);
  assert.ok(fig.height > 200);
  const doc = parseSvg(fig.svg());
  const title = doc.querySelector("text[font-weight=bold]")!;
  assert.equal(title.textContent, "Leaky ReLU");
  assert.equal(title.getAttribute("text-anchor"), "middle");
  assert.equal(Number(title.getAttribute("x")), 150);
});

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
  const bundle = fig[JUPYTER_DISPLAY]();
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
  assert.deepEqual([decoded.width, decoded.height], [2 * fig.width, 2 * fig.height]);
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

Deno.test("row() and column() lay figures out", async (t) => {
  const a = new Figure('<rect width="100" height="50"/>', 100, 50, { titles: ["A"] });
  const b = new Figure('<rect width="200" height="80"/>', 200, 80, { titles: ["B"] });
  await t.step("row", () => {
    const r = row(a, b);
    assert.deepEqual([r.width, r.height], [316, 80]);
    assert.deepEqual(r.titles, ["A", "B"]);
    assert.ok(r.body.includes("translate(116,0)"));
  });
  await t.step("column", () => {
    const c = column(a, b, { gap: 0 });
    assert.deepEqual([c.width, c.height], [200, 130]);
    assert.ok(c.body.includes("translate(0,50)"));
  });
  await t.step("nested", () => {
    const n = column(row(a, b), a);
    assert.deepEqual([n.width, n.height], [316, 146]);
  });
  await t.step("no figures", () => {
    assert.throws(() => row(), TypeError);
    assert.throws(() => column({ gap: 1 }), TypeError);
    assert.throws(() => row(a, "b" as unknown as Figure), TypeError);
  });
});

Deno.test("save() writes <name>.svg and <name>.png atomically", async (t) => {
  const dir = Deno.makeTempDirSync();
  try {
    const fig = panel(chart(), { title: "Leaky ReLU" });
    await t.step("names with spaces", () => {
      for (const name of ["Leaky ReLU", "Linear vs Nonlinear"]) {
        const paths = save(fig, name, { dir });
        assert.equal(paths.svg, `${dir}/${name}.svg`);
        parseSvg(Deno.readTextFileSync(paths.svg));
        assert.deepEqual(pngSize(Deno.readFileSync(paths.png)), {
          width: 2 * fig.width,
          height: 2 * fig.height,
        });
      }
    });
    await t.step("no temporary files left", () => {
      const names = Array.from(Deno.readDirSync(dir), (e) => e.name).sort();
      assert.deepEqual(names, [
        "Leaky ReLU.png",
        "Leaky ReLU.svg",
        "Linear vs Nonlinear.png",
        "Linear vs Nonlinear.svg",
      ]);
    });
    await t.step("creates a missing folder", () => {
      save(fig, "ELU", { dir: `${dir}/new/figures` });
      assert.ok(Deno.statSync(`${dir}/new/figures/ELU.png`).isFile);
    });
    await t.step("bad names", () => {
      for (const bad of ["", "a/b", "..", "../x", "a\nb", "a\u0000", " lead", ".hidden", "a\\b"]) {
        assert.throws(() => save(fig, bad, { dir }), TypeError, JSON.stringify(bad));
      }
      assert.throws(() => checkFigureName(3 as unknown as string), TypeError);
    });
    await t.step("an unwritable folder is named in the error", () => {
      const file = `${dir}/not-a-folder`;
      Deno.writeTextFileSync(file, "");
      assert.throws(() => save(fig, "ELU", { dir: `${file}/sub` }), (e: Error) => {
        assert.match(e.message, /figures folder ".*not-a-folder\/sub"/);
        return true;
      });
    });
    await t.step("not a figure", () => {
      assert.throws(() => save("<svg/>" as unknown as Figure, "x", { dir }), TypeError);
    });
    await t.step("saveHtml", () => {
      const path = saveHtml(fig.html(), "Leaky ReLU", { dir });
      assert.equal(path, `${dir}/Leaky ReLU.html`);
      assert.ok(Deno.readTextFileSync(path).includes("<svg"));
      assert.throws(() => saveHtml("<p/>", "a/b", { dir }), TypeError);
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("figuresDir() reads FIGURES_DIR, else the project's out/figures", () => {
  const before = Deno.env.get("FIGURES_DIR");
  try {
    Deno.env.set("FIGURES_DIR", "/tmp/out/figures");
    assert.equal(figuresDir(), "/tmp/out/figures");
    Deno.env.delete("FIGURES_DIR");
    assert.equal(
      figuresDir(),
      decodeURIComponent(new URL("../../out/figures", import.meta.url).pathname),
    );
  } finally {
    if (before === undefined) Deno.env.delete("FIGURES_DIR");
    else Deno.env.set("FIGURES_DIR", before);
  }
});

Deno.test("Figure() rejects bad sizes", () => {
  assert.throws(() => new Figure("", 0, 10), RangeError);
  assert.throws(() => new Figure("", 10, NaN), RangeError);
});
