/// <reference lib="dom" />
// Labels in Chromium's own layout: every figure builder, given the registry's longest labels,
// draws each text inside the <svg> that holds it (a nested chart cuts what leaves its box)
// and inside the figure; and the width estimate the figures lay out with is never narrower
// than what Chromium draws. lib/figures/labels_test.ts checks the same figures by the
// estimate alone, without a browser.
import assert from "node:assert/strict";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { labelFigures } from "./_helpers/label_figures.ts";
import { textWidth } from "../lib/figures/text_width.ts";

Deno.test({
  name: "Chromium draws every figure's labels whole (the registry's longest labels)",
  ignore: skipBrowserTests(),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      for await (const [name, figure] of labelFigures()) {
        await t.step(name, async () => {
          await page.setContent(
            `<!DOCTYPE html><html><body style="margin:0">${figure.svg()}</body></html>`,
          );
          const texts = await page.evaluate(() =>
            [...document.querySelectorAll("text")].filter((t) => t.textContent?.trim()).map(
              (t) => {
                const r = t.getBoundingClientRect();
                const cut = [];
                for (let e = t.parentElement; e; e = e.parentElement) {
                  if (e.localName !== "svg") continue;
                  const b = e.getBoundingClientRect();
                  if (
                    r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 ||
                    r.bottom > b.bottom + 0.5
                  ) cut.push(`[${b.left}, ${b.right}] x [${b.top}, ${b.bottom}]`);
                }
                const style = getComputedStyle(t);
                return {
                  text: t.textContent!,
                  cut,
                  // the advance width, before any rotation
                  drawn: (t as SVGTextElement).getComputedTextLength(),
                  fontSize: parseFloat(style.fontSize),
                  bold: Number(style.fontWeight) >= 600,
                };
              },
            )
          );
          assert.ok(texts.length > 0);
          const cut = texts.filter((x) => x.cut.length).map((x) => `"${x.text}" outside ${x.cut}`);
          assert.deepEqual(cut, []);
          for (const x of texts) {
            const estimate = textWidth(x.text, x.fontSize, { bold: x.bold });
            assert.ok(
              estimate >= x.drawn - 0.05 * x.text.length,
              `"${x.text}": estimated ${estimate} px, drawn ${x.drawn} px`,
            );
          }
        });
      }
    } finally {
      await close();
    }
  },
});
