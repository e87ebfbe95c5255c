/**
 * The slider page's script, run in the browser: no formula, only table look-up in the
 * embedded curves and the pixel mapping of each panel.
 *
 * @module
 */

/**
 * The page's script, called with the figure's id: no formula, only table look-up and the
 * pixel mapping. Plain ES2015 without template literals; everything lives inside one
 * function call per figure (no globals). It finds its own figure by
 * `document.currentScript` (JupyterLab re-creates output scripts in place), else by id.
 */
export const SLIDER_RUNTIME: string = `(function (id) {
  var me = document.currentScript;
  var root = me && me.closest ? me.closest(".asf") : null;
  if (!root || root.id !== id) root = document.getElementById(id);
  if (!root || root.getAttribute("data-asf-ready")) return;
  root.setAttribute("data-asf-ready", "1");
  var cfg = JSON.parse(root.querySelector("script.asf-data").textContent);
  var NS = "http://www.w3.org/2000/svg";

  // little-endian float32 / float64 arrays from base64
  function view(b64) {
    var s = atob(b64), u = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return new DataView(u.buffer);
  }
  function floats(b64, size) {
    var v = view(b64), n = v.byteLength / size, a = new Float64Array(n);
    for (var i = 0; i < n; i++) a[i] = size === 4 ? v.getFloat32(4 * i, true) : v.getFloat64(8 * i, true);
    return a;
  }
  var X = floats(cfg.x, 8), DATA = [floats(cfg.y, 4), floats(cfg.dy, 4)];
  var outer = root.querySelector("svg"), charts = outer ? outer.querySelectorAll("svg") : [];
  if (charts.length < 2) return;

  // the static figure's number format for read-outs
  function fmt(v) {
    if (!isFinite(v)) return String(v);
    var a = Math.abs(v);
    var s = a >= 1e4 || (v !== 0 && a < 1e-3) ? v.toExponential(3) : String(+v.toFixed(4));
    return s === "-0" ? "0" : s;
  }
  function el(name, attrs, title) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (title) {
      var t = document.createElementNS(NS, "title");
      t.textContent = title;
      e.appendChild(t);
    }
    return e;
  }

  var params = cfg.params;
  var idx = params.map(function (p) { return p.default; });
  var inputs = Array.prototype.slice.call(root.querySelectorAll("input[data-asf-param]"));
  var offsets = [], total = 0;
  params.forEach(function (p) { offsets.push(total); total += p.grid.length; });

  // index of the embedded curve for the current slider positions
  function record() {
    var i;
    if (cfg.mode === "product") {
      var r = 0;
      for (i = 0; i < params.length; i++) r = r * params[i].grid.length + idx[i];
      return r;
    }
    for (i = 0; i < params.length; i++) if (idx[i] !== params[i].default) return offsets[i] + idx[i];
    return offsets[0] + idx[0];
  }

  // a kink breaks the derivative's line as in the static figure (pair_figure's clipPolyline)
  function broken(kinks, x0, y0, x1, y1) {
    for (var q = 0; q < kinks.length; q++) {
      var k = kinks[q], jump = Math.abs(k[1] - k[2]);
      if (jump > 1e-9 && ((x0 < k[0] && k[0] < x1) ||
        ((x0 === k[0] || x1 === k[0]) && Math.abs(y1 - y0) > jump / 2))) return true;
    }
    return false;
  }

  function drawPanel(p, chart, data, r, kinks) {
    var o = r * p.n, d = "", open = false, px = NaN, py = NaN;
    for (var i = 0; i < p.n; i++) {
      var x = X[p.i0 + i], y = data[o + i];
      if (!isFinite(y)) { open = false; continue; }
      var join = open && !(p.kinks && broken(kinks, px, py, x, y));
      d += (join ? "L" : "M") + (p.ax * x + p.bx) + "," + (p.ay * y + p.by);
      open = true; px = x; py = y;
    }
    var curve = chart.querySelector('g[aria-description^="curve"]');
    var paths = curve ? curve.querySelectorAll("path") : [];
    if (paths.length) {
      paths[0].setAttribute("d", d);
      for (var m = 1; m < paths.length; m++) paths[m].remove();
    }
    var hover = chart.querySelector('g[aria-description="hover"]');
    if (hover) {
      while (hover.firstChild) hover.removeChild(hover.firstChild);
      p.hover.forEach(function (h) {
        var v = data[o + h[1]];
        if (!(isFinite(v) && v >= p.yw[0] && v <= p.yw[1])) return;
        var title = "x = " + h[0].toFixed(p.digits) + ", " + p.yLabel + " = " + fmt(v);
        hover.appendChild(el("circle", { cx: p.ax * h[0] + p.bx, cy: p.ay * v + p.by, r: 5 }, title));
      });
    }
    if (!p.kinks) return;
    Array.prototype.forEach.call(chart.querySelectorAll('g[aria-description^="kink"]'), function (g) {
      g.remove();
    });
    var limits = el("g", { "aria-label": "dot", "aria-description": "kink limit",
      fill: "white", stroke: cfg.color, "stroke-width": 2.5 });
    var values = el("g", { "aria-label": "dot", "aria-description": "kink value",
      fill: cfg.color, stroke: "white", "stroke-width": 1.5 });
    function inside(v) { return v >= p.yw[0] && v <= p.yw[1]; }
    function dot(g, x, v, title) {
      g.appendChild(el("circle", { cx: p.ax * x + p.bx, cy: p.ay * v + p.by, r: 6 }, title));
    }
    kinks.forEach(function (k) {
      if (!(k[0] >= p.xw[0] && k[0] <= p.xw[1])) return;
      var title = "kink at x = " + k[0] + ": limit from the left " + fmt(k[1]) +
        ", from the right " + fmt(k[2]) + ", value used " + fmt(k[3]);
      if (Math.abs(k[1] - k[2]) > 1e-9) {
        [k[1], k[2]].filter(inside).forEach(function (v) { dot(limits, k[0], v, title); });
      }
      if (inside(k[3])) dot(values, k[0], k[3], title);
    });
    chart.appendChild(limits);
    chart.appendChild(values);
  }

  // redraws both panels and writes the slider state back (also restoring a tampered range)
  function sync() {
    var shown = {};
    params.forEach(function (p, i) {
      var v = p.grid[idx[i]], input = inputs[i];
      shown[p.name] = v;
      if (!input) return;
      input.min = String(p.grid[0]);
      input.max = String(p.grid[p.grid.length - 1]);
      input.step = String(p.step);
      if (Number(input.value) !== v) input.value = String(v);
      var out = input.parentNode.querySelector("output");
      if (out) out.textContent = v.toFixed(p.digits);
    });
    var r = record();
    cfg.panels.forEach(function (p, k) { drawPanel(p, charts[k], DATA[k], r, cfg.kinks[r] || []); });
    root.setAttribute("data-asf-values", JSON.stringify(shown));
    root.setAttribute("data-asf-record", String(r));
  }

  // any input value becomes the nearest grid index, clamped to [0, n - 1]
  function onInput(e) {
    var i = Number(e.target.getAttribute("data-asf-param")), p = params[i];
    if (!p) return;
    var k = Math.round((Number(e.target.value) - p.grid[0]) / p.step);
    if (!isFinite(k)) k = p.default;
    k = Math.max(0, Math.min(p.grid.length - 1, k));
    for (var j = 0; j < params.length; j++) {
      if (j === i) idx[j] = k;
      else if (cfg.mode === "lines") idx[j] = params[j].default;
    }
    sync();
  }
  inputs.forEach(function (input) {
    input.addEventListener("input", onInput);
    input.addEventListener("change", onInput);
  });
  sync();
})`;
