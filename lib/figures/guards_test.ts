import assert from "node:assert/strict";
import { type Probe, runProbes } from "../../tests/_helpers/health.ts";
import { decodePixels, pngSize } from "../../tests/_helpers/figure_checks.ts";
import { linspace } from "../grid.ts";
import { makeDataset } from "../training/datasets.ts";
import { createNetwork, NONLINEAR_NETWORK } from "../training/network.ts";
import { activationFigure } from "./activation_figure.ts";
import { boundaryFigure } from "./boundary_figure.ts";
import { comparisonFigure } from "./comparison_figure.ts";
import { curvesFigure } from "./curves_figure.ts";
import { Figure } from "./figure.ts";
import { heatmapFigure } from "./heatmap_figure.ts";
import { kinkMarkers } from "./kink_markers.ts";
import { htmlPage } from "./markup.ts";
import { clipPolyline } from "./polyline.ts";
import { historyFigure } from "./history_figure.ts";
import { column, panel, row } from "./layout.ts";
import { decisionBoundaryFigure, labelledPoints, transformationFigure } from "./network_figures.ts";
import { overlayFigure } from "./overlay_figure.ts";
import { pairFigure } from "./pair_figure.ts";
import { checkFigureName, save, saveHtml, writeAtomic } from "./saving.ts";
import { swatches } from "./swatches.ts";

// deno-lint-ignore no-explicit-any -- probes pass what the types forbid, as a careless caller would
const bad = (v: unknown): any => v;

Deno.test("figure guards refuse bad input before allocating, and leave tfjs healthy", async (t) => {
  const small = new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10);
  const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
  const data = makeDataset("xor", { size: 40 });
  const x = Array.from(linspace(-5, 5, 101));
  const curve = { x, y: x };
  const grid = { x1: linspace(0, 1, 4), x2: linspace(0, 1, 4), values: new Float32Array(16) };
  const dir = Deno.makeTempDirSync();
  const probes: Probe[] = [
    // sizes: refused before anything is drawn (these took 4 to 24 GB, or crashed V8)
    {
      name: "png scale 1e4 of a 10 x 10 figure",
      call: () => small.png({ scale: 1e4 }),
      error: RangeError,
      message:
        /^Invalid option scale: 10000 makes a 100000 x 100000 pixel image \(10000000000 pixels\) of a 10 x 10 figure, above the maximum 50000000 pixels$/,
    },
    {
      name: 'activationFigure("elu").png({ scale: 100 })',
      call: () => activationFigure("elu").png({ scale: 100 }),
      error: RangeError,
      message:
        /^Invalid option scale: 100 makes a \d+ x \d+ pixel image .* above the maximum 50000000 pixels$/,
    },
    {
      name: "png scale 1e-9",
      call: () => small.png({ scale: 1e-9 }),
      error: RangeError,
      message:
        /^Invalid option scale: 1e-9 makes a 10 x 10 figure less than one pixel wide or high$/,
    },
    {
      name: 'new Figure("", 1e6, 1e6)',
      call: () => new Figure("", 1e6, 1e6),
      error: RangeError,
      message:
        /^Figure\(width\): 1000000 is above the maximum 32768 \(expected a number above 0 and at most 32768\)$/,
    },
    {
      name: "a 30000 x 30000 figure's PNG at scale 2",
      call: () => new Figure("", 30_000, 30_000).png(),
      error: RangeError,
      message: /^Invalid option scale: 2 makes a 60000 x 60000 pixel image/,
    },
    {
      name: "activationFigure width 1e6",
      call: () => activationFigure("elu", { width: 1e6 }),
      error: RangeError,
      message:
        /^Invalid option width: 1000000 is above the maximum 10000 \(expected a number from 100 to 10000\)$/,
    },
    {
      name: "activationFigure width -5",
      call: () => activationFigure("elu", { width: -5 }),
      error: RangeError,
      message: /^Invalid option width: -5 is below the minimum 100/,
    },
    {
      name: "pairFigure height -1",
      call: () => pairFigure({ x, y: x, dy: x }, { height: -1 }),
      error: RangeError,
      message: /^Invalid option height: -1 is below the minimum 100/,
    },
    {
      name: "curvesFigure hoverPoints 1e7",
      call: () => curvesFigure([curve], { hoverPoints: 1e7 }),
      error: RangeError,
      message: /^Invalid option hoverPoints: 10000000 is above the maximum 5000/,
    },
    {
      name: "curvesFigure strokeWidth 1e6",
      call: () => curvesFigure([curve], { strokeWidth: 1e6 }),
      error: RangeError,
      message: /^Invalid option strokeWidth: 1000000 is above the maximum 50/,
    },
    {
      name: "decisionBoundaryFigure resolution 1700",
      call: () => decisionBoundaryFigure(net, data, { resolution: 1700 }),
      error: RangeError,
      message:
        /^Invalid option resolution: 1700 is above the maximum 1000 \(expected an integer from 1 to 1000\)$/,
    },
    {
      name: "heatmapFigure hoverCells 1e4",
      call: () => heatmapFigure(grid, { hoverCells: 1e4 }),
      error: RangeError,
      message: /^Invalid option hoverCells: 10000 is above the maximum 100/,
    },
    {
      name: "heatmapFigure width 0",
      call: () => heatmapFigure(grid, { width: 0 }),
      error: RangeError,
      message: /^Invalid option width: 0 is below the minimum 100/,
    },
    {
      name: "activationFigure softmax gridPoints 5000",
      call: () => activationFigure("softmax", { gridPoints: 5000 }),
      error: RangeError,
      message: /^Invalid option gridPoints: 5000 is above the maximum 1000/,
    },
    {
      name: "overlayFigure x window [-1e6, 1e6]",
      call: () => overlayFigure(["relu"], { x: [-1e6, 1e6] }),
      error: RangeError,
      message:
        /^Invalid option x: \[-1000000,1000000\] needs 400000001 samples at spacing 0\.005, above the maximum 1000000$/,
    },
    {
      name: "historyFigure width 1e9",
      call: () => historyFigure({ loss: [1, 0.5] }, { width: 1e9 }),
      error: RangeError,
      message: /^Invalid option width: 1000000000 is above the maximum 10000/,
    },
    {
      name: "row gap -10",
      call: () => row(small, small, { gap: -10 }),
      error: RangeError,
      message: /^Invalid option gap: -10 is below the minimum 0/,
    },
    {
      name: "a row wider than 32768 px (kept on one line)",
      call: () => row(...Array(40).fill(new Figure("", 1000, 10)), { maxWidth: Infinity }),
      error: RangeError,
      message: /^Figure\(width\): 40624 is above the maximum 32768/,
    },
    // files
    {
      name: 'save(figure, "x", { dir: "" })',
      call: () => save(small, "x", { dir: "" }),
      error: TypeError,
      message: /^Invalid option dir: expected a non-empty string, got the string ""$/,
    },
    {
      name: "save dir null",
      call: () => save(small, "x", { dir: bad(null) }),
      error: TypeError,
      message: /^Invalid option dir: expected a non-empty string, got null$/,
    },
    {
      name: "100 three-byte characters (300 bytes)",
      call: () => save(small, "€".repeat(100), { dir }),
      error: TypeError,
      message:
        /^Invalid figure name "€{100}": "€{20}….svg" is 304 bytes in UTF-8, above the maximum 255$/,
    },
    {
      name: "252 ASCII characters with .svg (256 bytes)",
      call: () => save(small, "a".repeat(252), { dir }),
      error: TypeError,
      message: /is 256 bytes in UTF-8, above the maximum 255$/,
    },
    {
      name: "251 ASCII characters with .html (256 bytes)",
      call: () => saveHtml("<p>x</p>", "a".repeat(251), { dir }),
      error: TypeError,
      message: /is 256 bytes in UTF-8, above the maximum 255$/,
    },
    ...[
      ["right-to-left override U+202E", "evil\u202Egnp"],
      ["left-to-right isolate U+2066", "a\u2066b"],
      ["pop directional isolate U+2069", "a\u2069b"],
      ["right-to-left mark U+200F", "a\u200Fb"],
      ["Arabic letter mark U+061C", "a\u061Cb"],
      ["C1 control U+0085", "a\u0085b"],
      ["C1 control U+009B", "a\u009Bb"],
      ["C0 control U+001B", "a\u001Bb"],
      ["DEL", "a\u007Fb"],
      ["line separator U+2028", "a\u2028b"],
      ["byte order mark", "\uFEFFa"],
      ["a lone surrogate", "a\uD800b"],
    ].map(([what, name]): Probe => ({
      name: `a name with ${what}`,
      call: () => save(small, name, { dir }),
      error: TypeError,
      message: /: it holds a control, bidirectional-formatting or other invisible character$/,
    })),
    {
      name: 'a name with ".."',
      call: () => save(small, "a..b", { dir }),
      error: TypeError,
      message: /: it holds "\/", "\\" or "\.\."$/,
    },
    // null, undefined and wrong types
    {
      name: "new Figure(null, 10, 10)",
      call: () => new Figure(bad(null), 10, 10),
      error: TypeError,
      message: /^Figure\(body\): expected a string, got null$/,
    },
    {
      name: 'new Figure("", "10", 10)',
      call: () => new Figure("", bad("10"), 10),
      error: TypeError,
      message:
        /^Figure\(width\): expected a number above 0 and at most 32768, got the string "10"$/,
    },
    {
      name: "png(null)",
      call: () => small.png(bad(null)),
      error: TypeError,
      message: /^png\(options\): expected an options object, got null$/,
    },
    {
      name: 'png scale "2"',
      call: () => small.png({ scale: bad("2") }),
      error: TypeError,
      message: /^Invalid option scale: expected a number above 0, got the string "2"$/,
    },
    {
      name: "save(null, name)",
      call: () => save(bad(null), "x", { dir }),
      error: TypeError,
      message:
        /^save\(figure\): expected a Figure, an InteractiveFigure or a FrameSliderFigure \(a DisplayableFigure\), got null$/,
    },
    {
      name: "save(figure, null)",
      call: () => save(small, bad(null), { dir }),
      error: TypeError,
      message: /^Invalid figure name: expected a non-empty string, got null$/,
    },
    {
      name: "save options null",
      call: () => save(small, "x", bad(null)),
      error: TypeError,
      message: /^save\(options\): expected an options object, got null$/,
    },
    {
      name: "saveHtml(null, name)",
      call: () => saveHtml(bad(null), "x", { dir }),
      error: TypeError,
      message: /^saveHtml\(html\): expected a string, got null$/,
    },
    {
      name: "activationFigure(null)",
      call: () => activationFigure(bad(null)),
      error: TypeError,
      message:
        /^activationFigure\(activation\): expected a registry name or an Activation \(see resolveActivation\(\)\), got null$/,
    },
    {
      name: 'activationFigure("elu", null)',
      call: () => activationFigure("elu", bad(null)),
      error: TypeError,
      message: /^activationFigure\(options\): expected an options object, got null$/,
    },
    {
      name: 'activationFigure width "400"',
      call: () => activationFigure("elu", { width: bad("400") }),
      error: TypeError,
      message: /^Invalid option width: expected a number from 100 to 10000, got the string "400"$/,
    },
    {
      name: "overlayFigure(null)",
      call: () => overlayFigure(bad(null)),
      error: TypeError,
      message: /^overlayFigure\(names\): expected an array of activation names, got null$/,
    },
    {
      name: "overlayFigure([null])",
      call: () => overlayFigure(bad([null])),
      error: TypeError,
      message:
        /^overlayFigure\(names\[0\]\): expected a registry name or an Activation \(see resolveActivation\(\)\), got null$/,
    },
    {
      name: "historyFigure with a BigInt loss",
      call: () => historyFigure({ loss: bad([1n]) }),
      error: TypeError,
      message: /^Invalid history "run": expected loss\[0\] to be a number, got the bigint 1n$/,
    },
    {
      name: "comparisonFigure(null)",
      call: () => comparisonFigure(bad(null)),
      error: TypeError,
      message: /^comparisonFigure\(rows\): expected an array of result rows, got null$/,
    },
    {
      name: "decisionBoundaryFigure(null, data)",
      call: () => decisionBoundaryFigure(bad(null), data),
      error: TypeError,
      message:
        /^decisionBoundaryFigure\(network\): expected a Network from createNetwork\(\), got null$/,
    },
    {
      name: "decisionBoundaryFigure(net, null)",
      call: () => decisionBoundaryFigure(net, bad(null)),
      error: TypeError,
      message: /^decisionBoundaryFigure\(data\): expected a data set \{ x, y, extent \}, got null$/,
    },
    {
      name: 'decisionBoundaryFigure resolution "20"',
      call: () => decisionBoundaryFigure(net, data, { resolution: bad("20") }),
      error: TypeError,
      message:
        /^Invalid option resolution: expected an integer from 1 to 1000, got the string "20"$/,
    },
    {
      name: "transformationFigure(null)",
      call: () => transformationFigure(bad(null)),
      error: TypeError,
      message: /^transformationFigure\(fit\): expected what fitSubnetwork\(\) returned, got null$/,
    },
    {
      name: "labelledPoints(undefined)",
      call: () => labelledPoints(bad(undefined)),
      error: TypeError,
      message: /^labelledPoints\(data\): expected \{ x, y \}: points and labels, got undefined$/,
    },
    {
      name: "pairFigure(null)",
      call: () => pairFigure(bad(null)),
      error: TypeError,
      message: /^pairFigure\(data\): expected \{ x, y, dy \}, got null$/,
    },
    {
      name: "curvesFigure([null])",
      call: () => curvesFigure(bad([null])),
      error: TypeError,
      message: /^curvesFigure\(curves\[0\]\): expected \{ x, y \}, got null$/,
    },
    {
      name: "curvesFigure with y as a string",
      call: () => curvesFigure([{ x, y: bad("1,2") }]),
      error: TypeError,
      message: /^Invalid x and y of curve 0: expected arrays of numbers, got the string "1,2"$/,
    },
    {
      name: "heatmapFigure(null)",
      call: () => heatmapFigure(bad(null)),
      error: TypeError,
      message: /^Invalid grid: expected \{ x1, x2, values \}, got null$/,
    },
    {
      name: "boundaryFigure points null",
      call: () => boundaryFigure(grid, { points: bad(null) }),
      error: TypeError,
      message: /^Invalid option points: expected \{ x1, x2, label \}, got null$/,
    },
    {
      name: "panel(null)",
      call: () => panel(bad(null)),
      error: TypeError,
      message: /^Expected an <svg> element, got <null>$/,
    },
    {
      name: "column(null)",
      call: () => column(bad(null)),
      error: TypeError,
      message: /^column\(figures\[0\]\): expected a Figure, got null$/,
    },
    {
      name: "swatches(null)",
      call: () => swatches(bad(null)),
      error: TypeError,
      message: /^swatches\(items\): expected an array of \{ label, color \}, got null$/,
    },
  ];
  try {
    await runProbes(t, probes);
    assert.deepEqual(Array.from(Deno.readDirSync(dir)), [], "a refused save wrote a file");
  } finally {
    Deno.removeSync(dir, { recursive: true });
    net.dispose();
  }
});

Deno.test("figures at the limits work, and valid sizes are drawn as before", async (t) => {
  await t.step("a decision boundary at resolution 1000", () => {
    const net = createNetwork(NONLINEAR_NETWORK, { seed: 1 });
    const fig = decisionBoundaryFigure(net, makeDataset("xor"), { resolution: 1000 });
    assert.match(fig.svg(), /<image [^>]*href="data:image\/png;base64,/);
    net.dispose();
  });
  await t.step("the largest names that fit 255 bytes save", () => {
    const dir = Deno.makeTempDirSync();
    try {
      const small = new Figure("<circle cx='5' cy='5' r='4'/>", 10, 10);
      const { svg } = save(small, "a".repeat(251), { dir });
      assert.ok(svg.endsWith(`${"a".repeat(251)}.svg`));
      save(small, "€".repeat(83), { dir }); // 249 bytes + ".svg"
      saveHtml("<p>x</p>", "ReLU → GELU", { dir });
      assert.equal(Array.from(Deno.readDirSync(dir)).length, 5);
      assert.equal(checkFigureName("Leaky ReLU"), "Leaky ReLU");
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  });
  await t.step("a wide figure's notebook picture fits WebP's 16,383 px", async () => {
    const fig = new Figure("<circle cx='5' cy='5' r='4'/>", 14_000, 100);
    const html = fig.notebookHtml();
    const webp = Uint8Array.from(
      atob(/src="data:image\/webp;base64,([^"]+)"/.exec(html)![1]),
      (c) => c.charCodeAt(0),
    );
    const { width, height } = await decodePixels(webp);
    assert.ok(width <= 16_383 && width > 16_000, `${width}`); // 1.25x would be 17,500
    assert.equal(height, Math.round(100 * width / 14_000));
  });
  await t.step("PNG sizes below the limit are unchanged", () => {
    const fig = new Figure("<circle cx='5' cy='5' r='4'/>", 400, 300);
    assert.deepEqual(pngSize(fig.png({ scale: 3 })), { width: 1200, height: 900 });
  });
});

Deno.test("writeAtomic() writes through random, exclusively created temporary files", async (t) => {
  const dir = Deno.makeTempDirSync();
  const victim = `${dir}/victim.txt`;
  Deno.writeTextFileSync(victim, "precious");
  const realRandom = crypto.getRandomValues.bind(crypto);
  try {
    await t.step("a symlink planted at the temporary name is not followed", () => {
      // the first random name is all zeros: plant a symlink there
      Deno.mkdirSync(`${dir}/out`);
      Deno.symlinkSync(victim, `${dir}/out/.0000000000000000.tmp`);
      let calls = 0;
      const stub = (array: Uint8Array) => calls++ === 0 ? array.fill(0) : realRandom(array);
      crypto.getRandomValues = stub as unknown as typeof crypto.getRandomValues;
      const path = writeAtomic(`${dir}/out`, "ELU.svg", "<svg/>");
      crypto.getRandomValues = realRandom;
      assert.equal(calls, 2);
      assert.equal(Deno.readTextFileSync(path), "<svg/>");
      assert.equal(Deno.readTextFileSync(victim), "precious");
      assert.ok(Deno.lstatSync(`${dir}/out/.0000000000000000.tmp`).isSymlink);
    });
    await t.step("a symlink at the target is replaced, not written through", () => {
      Deno.symlinkSync(victim, `${dir}/out/ReLU.svg`);
      writeAtomic(`${dir}/out`, "ReLU.svg", "<svg/>");
      assert.ok(Deno.lstatSync(`${dir}/out/ReLU.svg`).isFile);
      assert.equal(Deno.readTextFileSync(victim), "precious");
    });
    await t.step("temporary names are random and created with createNew", () => {
      const writes: { path: string; createNew?: boolean }[] = [];
      const real = Deno.writeFileSync;
      Deno.writeFileSync = (path, data, options) => {
        writes.push({ path: String(path), createNew: options?.createNew });
        return real(path, data, options);
      };
      try {
        writeAtomic(`${dir}/out`, "a.txt", "1");
        writeAtomic(`${dir}/out`, "a.txt", "2");
      } finally {
        Deno.writeFileSync = real;
      }
      assert.equal(writes.length, 2);
      for (const w of writes) {
        assert.match(w.path, /\/out\/\.[0-9a-f]{16}\.tmp$/);
        assert.equal(w.createNew, true);
      }
      assert.notEqual(writes[0].path, writes[1].path);
      const left = Array.from(Deno.readDirSync(`${dir}/out`), (e) => e.name).sort();
      assert.deepEqual(left, [".0000000000000000.tmp", "ELU.svg", "ReLU.svg", "a.txt"]);
    });
  } finally {
    crypto.getRandomValues = realRandom;
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("figure helpers name the argument of the wrong type", async (t) => {
  const small = new Figure("", 10, 10);
  await runProbes(t, [
    {
      name: "row(figure, null)",
      call: () => row(small, bad(null)),
      error: TypeError,
      message: /^row\(figures\[1\]\): expected a Figure, got null$/,
    },
    {
      name: "historyFigure(null)",
      call: () => historyFigure(bad(null)),
      error: TypeError,
      message: /^historyFigure\(history\): expected a History or a record of them, got null$/,
    },
    {
      name: 'kinkMarkers("relu", null)',
      call: () => kinkMarkers("relu", bad(null)),
      error: TypeError,
      message: /^kinkMarkers\(params\): expected an object, got null$/,
    },
    {
      name: "clipPolyline(null, y, ...)",
      call: () => clipPolyline(bad(null), [0], [0, 1], [0, 1]),
      error: TypeError,
      message: /^clipPolyline\(x\): expected an array of numbers, got null$/,
    },
    {
      name: "htmlPage(undefined)",
      call: () => htmlPage(bad(undefined)),
      error: TypeError,
      message: /^htmlPage\(body\): expected a string, got undefined$/,
    },
  ]);
});
