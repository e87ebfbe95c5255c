import assert from "node:assert/strict";
import { checkFigureName, figuresDir, save, saveHtml } from "./saving.ts";
import { panel } from "./layout.ts";
import type { Figure } from "./figure.ts";
import { PROJECT_ROOT } from "../project_root.ts";
import { type DisplayableFigure, JUPYTER_DISPLAY } from "../notebook/display.ts";
import { sliderFigure } from "../interactive/slider_figure.ts";
import { frameSliderFigure } from "../interactive/frame_slider_figure.ts";
import { chart, parseSvg, pngSize } from "../../tests/_helpers/figure_checks.ts";

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
    assert.equal(figuresDir(), `${PROJECT_ROOT}/out/figures`);
  } finally {
    if (before === undefined) Deno.env.delete("FIGURES_DIR");
    else Deno.env.set("FIGURES_DIR", before);
  }
});

Deno.test("save() writes every kind of figure: pages as <name>.html", async (t) => {
  const dir = Deno.makeTempDirSync();
  try {
    await t.step("an InteractiveFigure and a FrameSliderFigure", () => {
      const slider = sliderFigure("elu");
      assert.deepEqual(save(slider, "ELU", { dir }), { html: `${dir}/ELU.html` });
      assert.equal(Deno.readTextFileSync(`${dir}/ELU.html`), slider.html());
      const frames = frameSliderFigure([1, 2].map((r) => panel(chart(), { title: `${r}` })));
      const { html } = save(frames, "Frames", { dir });
      assert.equal(Deno.readTextFileSync(html), frames.html());
    });
    await t.step("anything that implements DisplayableFigure", () => {
      const made: string[] = [];
      const note: DisplayableFigure<"html" | "txt"> = {
        description: "A note",
        html: () => "<p>A note</p>",
        files: () => ({
          html: () => (made.push("html"), "<p>A note</p>"),
          txt: () => (made.push("txt"), "A note"),
        }),
        [JUPYTER_DISPLAY]: () => ({ "text/plain": "A note" }),
      };
      const paths = save(note, "Note", { dir });
      assert.deepEqual(paths, { html: `${dir}/Note.html`, txt: `${dir}/Note.txt` });
      assert.equal(Deno.readTextFileSync(paths.txt), "A note");
      // a bad name is refused before any content is made
      made.length = 0;
      assert.throws(() => save(note, "../Note", { dir }), TypeError);
      assert.deepEqual(made, []);
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
