import assert from "node:assert/strict";
import { ACTIVATIONS } from "./activations.ts";
import { activationRows, formulaTable } from "./activation_table.ts";
import { JUPYTER_DISPLAY } from "../notebook/display.ts";
import { tf } from "../tf.ts";

Deno.test("activationRows() gives tidy rows matching closed forms", async (t) => {
  const before = tf.memory().numTensors;
  await t.step("sigmoid at a few points (float32, 1e-7 absolute)", () => {
    const xs = [-2, 0, 3];
    const rows = activationRows("sigmoid", xs);
    rows.forEach((r, i) => {
      const s = 1 / (1 + Math.exp(-xs[i]));
      assert.equal(r.x, xs[i]);
      assert.ok(Math.abs(r.y - s) < 1e-7 && Math.abs(r.dy - s * (1 - s)) < 1e-7, JSON.stringify(r));
    });
  });
  await t.step("parameters pass through", () => {
    const [r] = activationRows("leaky_relu", [-2], { alpha: 0.1 });
    assert.ok(Math.abs(r.y + 0.2) < 1e-7 && Math.abs(r.dy - 0.1) < 1e-7);
  });
  await t.step("unknown names are explained", () => {
    assert.throws(() => activationRows("nope", [1]), /"nope".*"sigmoid"/s);
  });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("formulaTable() lists every activation with its TeX", () => {
  const all = formulaTable()[JUPYTER_DISPLAY]();
  const lines = all["text/markdown"].split("\n");
  assert.equal(lines.length, ACTIVATIONS.length + 2);
  assert.match(lines[2], /^\| Identity \| `identity` \| \$f\(x\) = x\$/);
  const leaky = formulaTable(["leaky_relu"])[JUPYTER_DISPLAY]()["text/markdown"];
  assert.match(leaky, /Alpha = 0\.3, `alpha` ∈ \[0, ∞\)/);
  assert.match(leaky, /\| `leaky_relu` · `leaky_relu` · `leaky_relu` \|$/);
  const shrink = formulaTable(["tanhshrink"])[JUPYTER_DISPLAY]()["text/markdown"];
  assert.match(shrink, /\| `tanhshrink` · `tanh_shrink` · – \|$/);
  const rrelu = formulaTable(["rrelu"])[JUPYTER_DISPLAY]()["text/markdown"];
  assert.match(rrelu, /Lower l = 0\.125, `lower` ∈ \[0, upper\]; Upper u = 0\.3333/);
  assert.throws(() => formulaTable(["nope"]), /"nope"/);
});
