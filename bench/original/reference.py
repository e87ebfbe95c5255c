"""The original notebook's computations in Python, exactly as the original does them, timed.

Run by bench/original/compare.ts inside the git-ignored .bench-venv (pinned in
bench/original/requirements.txt). One invocation runs one group of rows and writes JSON:

    .bench-venv/bin/python bench/original/reference.py GROUP --out FILE [--reps N] [--tiny]

GROUP is one of: act-original, act-1m, train, predict, figures, notebook, parity,
accuracy, versions. Every timed row reports the first call ("first", which includes
TensorFlow's one-off op/graph set-up and the webdriver start) and N further calls
("times"), in seconds. --tiny shrinks inputs for the smoke test.

The code in the timed regions is the original's own (000_4590a60997804a03.txt), copied
verbatim where possible; where it is not, a comment says why.
"""

import argparse
import json
import math
import os
import platform
import sys
import tempfile
import time
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["KMP_DUPLICATE_LIB_OK"] = "TRUE"
# bokeh's export_png: Debian's chromedriver, --no-sandbox (we run as root here).
os.environ.setdefault("BOKEH_CHROMEDRIVER_PATH", "/usr/bin/chromedriver")
os.environ.setdefault("BOKEH_IN_DOCKER", "1")
# show() after output_file() would try to open a browser tab; write the file only.
os.environ.setdefault("BOKEH_BROWSER", "none")
warnings.filterwarnings("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))

import numpy as np  # noqa: E402

ORIGINAL_ACTIVATIONS = [
    "Identity", "Sigmoid", "Hyperbolic Tangent", "ReLU", "Leaky ReLU", "ELU", "Softmax", "Maxout",
]
ROW_NAME = {
    "Identity": "identity", "Sigmoid": "sigmoid", "Hyperbolic Tangent": "tanh", "ReLU": "relu",
    "Leaky ReLU": "leaky_relu", "ELU": "elu", "Softmax": "softmax", "Maxout": "maxout",
}


def timed(fn, reps):
    """Calls fn() 1 + reps times; returns (first, [times]) in seconds."""
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return first, times


# ---------------------------------------------------------------- the original's code

def original_imports():
    # Cell 1, minus the notebook display set-up (output_notebook is notebook-only).
    global tf, models, layers
    import tensorflow as tf  # noqa: F401
    from tensorflow.keras import models, layers  # noqa: F401
    return tf


def activation_functions(x, method, **kwargs):
    # Cell 2, verbatim.
    VALID_METHOD = {'Identity', 'Sigmoid', 'Hyperbolic Tangent', 'ReLU', 'Leaky ReLU', 'ELU', 'Softmax', 'Maxout'}
    if method not in VALID_METHOD:
        raise ValueError(f"Method must be one of {VALID_METHOD}.")

    tx = tf.Variable(initial_value=x)
    with tf.GradientTape() as tape:
        if method == 'Identity':
            ty = 1. * tx
        elif method == 'Sigmoid':
            ty = 1. / (1. + tf.math.exp(-1 * tx))
        elif method == 'Hyperbolic Tangent':
            ty = (tf.math.exp(tx) - tf.math.exp(-1. * tx)) / (tf.math.exp(tx) + tf.math.exp(-1. * tx))
        elif method == 'ReLU':
            ty = tf.where(tx < 0, tf.zeros_like(tx), tx)
        elif method == 'Leaky ReLU':
            if 'alpha' not in kwargs:
                kwargs['alpha'] = 0.3
            ty = tf.where(tx < 0, kwargs['alpha'] * tx, tx)
        elif method == 'ELU':
            if 'alpha' not in kwargs:
                kwargs['alpha'] = 1.0
            ty = tf.where(tx < 0., kwargs['alpha'] * (tf.math.exp(tx) - 1.), tx)
        elif method == 'Softmax':
            tx = tf.Variable(initial_value=np.meshgrid(x, x))
            ty = tf.exp(tx) / tf.reduce_sum(tf.exp(tx), 0)
        elif method == 'Maxout':
            tx = tf.Variable(initial_value=np.meshgrid(x, x))
            ty = tf.where(tx[0,:,:] < tx[1,:,:], tx[1,:,:], tx[0,:,:])

    ty_grad = tape.gradient(ty, tx)
    if method == 'Softmax':
        ty_grad = tf.Variable([ty[0,:,:] * (1 - ty[0,:,:]),
                               -1 * ty[0,:,:] * ty[1,:,:]])

    return ty.numpy(), ty_grad.numpy()


def make_data():
    # Cell 9, verbatim.
    train_x = np.array([np.concatenate([np.random.normal(2, 0.25, 100), np.random.normal(8, 0.25, 100)]),
                        np.concatenate([np.random.normal(2, 0.25,  50), np.random.normal(8, 0.25, 50),
                                        np.random.normal(2, 0.25,  50), np.random.normal(8, 0.25, 50)])]).T
    train_y = np.zeros(200)
    train_y[0:50] = 1
    train_y[150:200] = 1

    test_x = np.array(np.meshgrid(np.linspace(0., 10., num=200), np.linspace(0., 10., num=200)))
    return train_x, train_y, test_x


def train_linear(train_x, train_y, epochs=100):
    # Cell 10, verbatim (epochs is 100 except in --tiny smoke runs).
    linear_network = models.Sequential()
    linear_network.add(layers.Dense(64, activation='linear', input_shape=(train_x.shape[-1], )))
    linear_network.add(layers.Dense(1, activation='sigmoid'))
    linear_network.compile(optimizer='adam', loss='binary_crossentropy')
    _ = linear_network.fit(train_x, train_y, epochs=epochs, verbose=0)
    return linear_network


def train_nonlinear(train_x, train_y, epochs=100):
    # Cell 11, verbatim.
    nonlinear_network = models.Sequential()
    nonlinear_network.add(layers.Dense(64, activation='elu', input_shape=(train_x.shape[-1], )))
    nonlinear_network.add(layers.Dense(2, activation='elu'))
    nonlinear_network.add(layers.Dense(1, activation='sigmoid'))
    nonlinear_network.compile(optimizer='adam', loss='binary_crossentropy')
    _ = nonlinear_network.fit(train_x, train_y, epochs=epochs, verbose=0)
    return nonlinear_network


def subnetwork_inputs(nonlinear_network, train_x):
    # Cells 13-14, verbatim (the original clips at 0, a ReLU, although the layers use ELU).
    weights_0 = nonlinear_network.layers[0].get_weights()
    transform_0 = np.c_[weights_0[0]]
    bias_0 = weights_0[1]

    weights_1 = nonlinear_network.layers[1].get_weights()
    transform_1 = np.c_[weights_1[0]]
    bias_1 = weights_1[1]

    x_hat_0 = np.matmul(train_x, transform_0) + bias_0
    output_0 = x_hat_0
    output_0[output_0 < 0] = 0

    x_hat_1 = np.matmul(x_hat_0, transform_1) + bias_1
    output_1 = x_hat_1
    output_1[output_1 < 0] = 0
    return output_1


def train_subnetwork(output_1, train_y, epochs=100):
    # Cell 15, verbatim.
    nonlinear_subnetwork = models.Sequential()
    nonlinear_subnetwork.add(layers.Dense(2, activation='linear', input_shape=(output_1.shape[-1], )))
    nonlinear_subnetwork.add(layers.Dense(1, activation='sigmoid'))
    nonlinear_subnetwork.compile(optimizer='adam', loss='binary_crossentropy')
    _ = nonlinear_subnetwork.fit(output_1, train_y, epochs=epochs, verbose=0)
    return nonlinear_subnetwork


def predict_grid(network, test_x):
    # Cell 12's prediction, verbatim (Keras's default batch size 32 and progress bar).
    return network.predict(np.c_[test_x[0].ravel(), test_x[1].ravel()]).reshape(test_x[0].shape)


# ---------------------------------------------------------------- row groups

def group_act(n_line, n_axis, reps):
    original_imports()
    rows = []
    for method in ORIGINAL_ACTIVATIONS:
        if method in ("Softmax", "Maxout"):
            # the original: np.linspace(0., 10., num=200), meshgrid with itself (40,000 pairs)
            x = np.linspace(0., 10., num=n_axis)
            points = n_axis * n_axis
        else:
            x = np.linspace(-30, 30, num=n_line)
            points = n_line
        first, times = timed(lambda: activation_functions(x, method), reps)
        rows.append({"row": f"act:{ROW_NAME[method]}:{points}", "first": first, "times": times})
    return rows


def group_train(reps, epochs):
    original_imports()
    np.random.seed(0)
    train_x, train_y, _ = make_data()
    rows = []
    first, times = timed(lambda: train_linear(train_x, train_y, epochs), reps)
    rows.append({"row": "train:linear", "first": first, "times": times})
    first, times = timed(lambda: train_nonlinear(train_x, train_y, epochs), reps)
    rows.append({"row": "train:nonlinear", "first": first, "times": times})
    return rows


def group_predict(reps, epochs, n_axis):
    original_imports()
    np.random.seed(0)
    train_x, train_y, test_x = make_data()
    if n_axis != 200:
        test_x = np.array(np.meshgrid(np.linspace(0., 10., num=n_axis), np.linspace(0., 10., num=n_axis)))
    net = train_linear(train_x, train_y, epochs)
    first, times = timed(lambda: predict_grid(net, test_x), reps)
    return [{"row": f"predict:grid:{n_axis * n_axis}", "first": first, "times": times}]


def build_figures(data, out_dir):
    """Cells 3-7, 12 and 16: build every figure and save it, as the original does."""
    import colorcet
    from copy import copy
    from bokeh.io import export_png, save
    from bokeh.layouts import row, column
    from bokeh.palettes import linear_palette
    from bokeh.plotting import figure, ColumnDataSource
    from bokeh.models import Range1d, CustomJS, Slider, ColorBar, LinearColorMapper
    from bokeh.resources import CDN

    def path(name):
        return os.path.join(out_dir, name)

    # Cell 3 (the activation values come precomputed from activation_functions).
    colors = ['#000000', '#f59042', '#7ef542', '#42d1f5', '#9c33ff', '#ff33a7']
    for method, color in zip(['Identity', 'Sigmoid', 'Hyperbolic Tangent', 'ReLU', 'Leaky ReLU', 'ELU'], colors):
        xmin, xmax = -5, 5
        ymin, ymax = -1.25, 1.25
        if method == 'Identity':
            xmin, xmax = -3, 3
            ymin, ymax = -3, 3
        elif method in {'ReLU', 'Leaky ReLU', 'ELU'}:
            xmin, xmax = -3, 3
            ymin, ymax = -2, 4
        x = data["x"]
        y, y_grad = data[method]
        p1 = figure(title=method, tooltips=[('x, f(x)', '(@x, @y)')], tools=['pan', 'wheel_zoom', 'reset', 'save'], x_axis_label='x', y_axis_label='f(x)')
        p1.line(x, y, line_width=5, line_color=color)
        p1.x_range=Range1d(xmin, xmax)
        p1.y_range=Range1d(ymin, ymax)
        p2 = figure(title=f'{method} (Derivative)', tooltips=[("x, f'(x)", '(@x, @y)')], tools=['pan', 'wheel_zoom', 'reset', 'save'], x_axis_label='x', y_axis_label="f'(x)")
        p2.line(x, y_grad, line_width=5, line_color=color)
        p2.x_range=Range1d(-5, 5)
        p2.y_range=Range1d(-0.25, 1.25)
        p1.title.text_font_size = p1.xaxis.axis_label_text_font_size = p1.yaxis.axis_label_text_font_size = "16pt"
        p2.title.text_font_size = p2.xaxis.axis_label_text_font_size = p2.yaxis.axis_label_text_font_size = "16pt"
        p1.title.align = p2.title.align = 'center'
        # show(row(p1, p2)) is the notebook display; not part of "saving"
        export_png(row(p1, p2), filename=path(f'{method}.png'))

    # Cells 4 and 5: interactive Leaky ReLU and ELU pages. The original writes them with
    # output_file(...) + show(...); bokeh.io.save writes the same HTML without a browser.
    for name, color, alpha, js_y, js_dy in [
        ('Leaky ReLU', '#9c33ff', 0.3, 'A * x[i]', 'A'),
        ('ELU', '#ff33a7', 1, 'A * (Math.exp(x[i]) - 1)', 'A * Math.exp(x[i])'),
    ]:
        x = np.linspace(-30, 30, num=2000)
        y = copy(x)
        y_grad = np.ones(y.shape)
        if name == 'Leaky ReLU':
            y[x < 0] = 0.3 * x[x < 0]
            y_grad[x < 0] = 0.3
        else:
            y[x < 0] = 1 * (np.e ** x[x < 0] - 1)
            y_grad[x < 0] = 1 * np.e ** x[x < 0]
        xmin, xmax = -3, 3
        ymin, ymax = -2, 4
        source = ColumnDataSource(data=dict(x=x, y=y, y_grad=y_grad))
        alpha_slider = Slider(start=0.01, end=1, value=alpha, step=0.01, title="Alpha")
        callback = CustomJS(args=dict(source=source, alpha=alpha_slider), code=f"""
    const data = source.data;
    const A = alpha.value;
    const x = data['x']
    const y = data['y']
    const y_grad = data['y_grad']
    for (var i = 0; i < x.length; i++) {{
        if(x[i] < 0){{
            y[i] = {js_y}
            y_grad[i] = {js_dy}
        }}
    }}
    source.change.emit();
""")
        p1 = figure(title=name, tooltips=[('x, f(x)', '(@x, @y)')], tools=['save'], x_axis_label='x', y_axis_label="f(x)")
        p1.line('x', 'y', source=source, line_width=5, line_color=color)
        p1.x_range=Range1d(xmin, xmax)
        p1.y_range=Range1d(ymin, ymax)
        p1.title.text_font_size = '16pt'
        p1.xaxis.axis_label_text_font_size = "16pt"
        p1.yaxis.axis_label_text_font_size = "16pt"
        p1.title.align = 'center'
        p2 = figure(title=f'{name} (Derivative)', tooltips=[("x, f'(x)", '(@x, @y)')], tools=['save'], x_axis_label='x', y_axis_label="f'(x)")
        p2.line(x='x', y='y_grad', source=source, line_width=5, line_color=color)
        p2.x_range=Range1d(-5, 5)
        p2.y_range=Range1d(-0.25, 1.25)
        p2.title.text_font_size = '16pt'
        p2.xaxis.axis_label_text_font_size = "16pt"
        p2.yaxis.axis_label_text_font_size = "16pt"
        p2.title.align = 'center'
        alpha_slider.js_on_change('value', callback)
        save(column(row(p1, p2), alpha_slider), filename=path(f"{name}.html"), resources=CDN, title=name)

    def image_figure(title, img, low, high, tooltips, x=0, y=0, dw=10, dh=10, xl='x1', yl='x2'):
        color_mapper = LinearColorMapper(linear_palette(colorcet.bmy, 256), low=low, high=high)
        color_bar = ColorBar(color_mapper=color_mapper, border_line_color=None, location=(0,0))
        kw = {} if tooltips is None else {"tooltips": tooltips}
        p = figure(title=title, tools=['pan', 'wheel_zoom', 'reset', 'save'], x_axis_label=xl, y_axis_label=yl, **kw)
        p.image(image=[img], x=x, y=y, dw=dw, dh=dh, color_mapper=color_mapper)
        p.x_range.range_padding = p.y_range.range_padding = 0
        p.add_layout(color_bar, 'right')
        return p

    def style(*ps):
        for p in ps:
            p.title.text_font_size = p.xaxis.axis_label_text_font_size = p.yaxis.axis_label_text_font_size = "16pt"
            p.title.align = 'center'

    # Cell 6 (Softmax), same calls as the original, factored into image_figure().
    y, y_grad = data['Softmax']
    tip = [('x1', '$x'), ('x2', '$y'), ('f(x)', '@image')]
    dtip = [('x1', '$x'), ('x2', '$y'), ("f'(x)", '@image')]
    p1 = image_figure('Softmax (1st)', y[0,:,:], np.min(y), np.max(y), tip)
    p2 = image_figure('Softmax (Derivative of x1)', y_grad[0,:,:], np.min(y_grad), np.max(y_grad), dtip)
    p3 = image_figure('Softmax (Derivative of x2)', y_grad[1,:,:], np.min(y_grad), np.max(y_grad), dtip)
    style(p1, p2, p3)
    export_png(row(p1, p2, p3), filename=path('Softmax.png'))

    # Cell 7 (Maxout)
    y, y_grad = data['Maxout']
    p1 = image_figure('Maxout', y, np.min(y), np.max(y), tip)
    p2 = image_figure('Maxout (Derivative of x1)', y_grad[1,:,:], np.min(y_grad[0,:,:]), np.max(y_grad[0,:,:]), dtip)
    style(p1, p2)
    export_png(row(p1, p2), filename=path('Maxout.png'))

    # Cell 12 (decision boundaries; predictions precomputed)
    train_x, train_y = data["train_x"], data["train_y"]
    colormap = np.vectorize(lambda v: '#f58742' if v == 0 else '#8d42f5')
    p1 = image_figure('Decision Boundary (Linear)', data["grid_linear"], 0, 1, None)
    p1.circle(train_x[:,0], train_x[:,1].reshape(-1), size=10, color=colormap(train_y), line_color='black', alpha=0.8)
    p2 = image_figure('Decision Boundary (ReLU)', data["grid_nonlinear"], 0, 1, None)
    p2.circle(train_x[:,0], train_x[:,1].reshape(-1), size=10, color=colormap(train_y), line_color='black', alpha=0.8)
    style(p1, p2)
    export_png(row(p1, p2), filename=path('Linear vs Nonlinear.png'))

    # Cell 16
    output_1 = data["output_1"]
    p2 = image_figure('After Nonlinear Transformation', data["grid_sub"], 0, 1, None, x=-1, y=-1, dw=25, dh=25, xl="x'1", yl="x'2")
    p2.circle(output_1[:,0], output_1[:,1].reshape(-1), size=10, color=colormap(train_y), line_color='black', alpha=0.8)
    style(p2)
    export_png(p2, filename=path('Nonlinear Transformation.png'))


def group_figures(reps, epochs, tiny):
    original_imports()
    np.random.seed(0)
    data = {"x": np.linspace(-30, 30, num=2000)}
    for method in ORIGINAL_ACTIVATIONS:
        if method in ("Softmax", "Maxout"):
            data[method] = activation_functions(np.linspace(0., 10., num=200), method)
        else:
            data[method] = activation_functions(data["x"], method)
    train_x, train_y, test_x = make_data()
    lin = train_linear(train_x, train_y, epochs)
    non = train_nonlinear(train_x, train_y, epochs)
    out1 = subnetwork_inputs(non, train_x)
    sub = train_subnetwork(out1, train_y, epochs)
    data.update(train_x=train_x, train_y=train_y, output_1=out1,
                grid_linear=predict_grid(lin, test_x), grid_nonlinear=predict_grid(non, test_x),
                grid_sub=predict_grid(sub, test_x))
    with tempfile.TemporaryDirectory() as out_dir:
        first, times = timed(lambda: build_figures(data, out_dir), reps)
        files = sorted(os.listdir(out_dir))
    return [{"row": "figures", "first": first, "times": times, "files": files}]


def group_notebook(reps, nb_path):
    """Row 5: the original notebook top to bottom on a fresh ipykernel (kernel start included)."""
    import nbformat
    from nbclient import NotebookClient
    nb0 = nbformat.read(nb_path, as_version=4)
    times = []
    for _ in range(reps):
        nb = nbformat.from_dict(json.loads(json.dumps(nb0)))
        with tempfile.TemporaryDirectory() as out_dir:
            client = NotebookClient(nb, timeout=1800, kernel_name="python3",
                                    resources={"metadata": {"path": out_dir}})
            t0 = time.perf_counter()
            client.execute()
            times.append(time.perf_counter() - t0)
            files = sorted(os.listdir(out_dir))
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    return [{"row": "notebook", "first": None, "times": times, "files": files,
             "errors": len(errors)}]


# ---------------------------------------------------------------- parity

EXTREMES = [-1e4, 1e4, -100.0, 100.0, -88.8, 88.8, -30.0, -1e-7, 1e-7, 0.0,
            -1e9, 1e9, -1e20, 1e20, -3.4e38, 3.4e38]
FLT_MAX = 3.4028234663852886e38

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _sig(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _dsig(x):
    e = math.exp(-abs(x))
    return e / (1.0 + e) ** 2


def _softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def _sech2(x):
    e = math.exp(-2 * abs(x))
    return 4 * e / (1 + e) ** 2


def _phi(x):
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _Phi(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


def _exp(x):
    return math.exp(x) if x < 709 else math.inf


def _tanhshrink(x):
    if abs(x) > 0.1:
        return x - math.tanh(x)
    s = x * x  # x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835: x − tanh x cancels near 0
    return x * s * (1 / 3 - s * (2 / 15 - s * (17 / 315 - s * 62 / 2835)))


def _squareplus(x, b=4.0):
    s = math.hypot(x, math.sqrt(b))
    if x >= 0:
        return (x + s) / 2, (1 + x / s) / 2
    return b / (2 * (s - x)), b / (2 * s * (s - x))  # without the cancellation of x + s


def _exact(name, x):
    """f(x), f'(x) in float64 closed forms (left derivative at kinks, like our library)."""
    if name == "identity":
        return x, 1.0
    if name == "sigmoid":
        return _sig(x), _dsig(x)
    if name == "tanh":
        return math.tanh(x), _sech2(x)
    if name == "relu":
        return max(x, 0.0), 1.0 if x > 0 else 0.0
    if name == "leaky_relu":
        return (x if x > 0 else 0.3 * x), (1.0 if x > 0 else 0.3)
    if name == "elu":
        return (x if x > 0 else math.expm1(x)), (1.0 if x > 0 else math.exp(x))
    if name == "selu":
        return (SELU_SCALE * x if x > 0 else SELU_SCALE * SELU_ALPHA * math.expm1(x)), \
            (SELU_SCALE if x > 0 else SELU_SCALE * SELU_ALPHA * math.exp(x))
    if name == "celu":
        return (x if x > 0 else math.expm1(x)), (1.0 if x > 0 else math.exp(x))
    if name == "gelu":
        return x * _Phi(x), _Phi(x) + x * _phi(x)
    if name == "gelu_tanh":
        c = math.sqrt(2 / math.pi)
        u = c * (x + 0.044715 * x ** 3)
        s = _sig(2 * u)
        du = c * (1 + 3 * 0.044715 * x * x)
        return x * s, s + x * 2 * _dsig(2 * u) * du
    if name == "silu":
        s = _sig(x)
        return x * s, s + x * _dsig(x)
    if name == "softplus":
        return _softplus(x), _sig(x)
    if name == "mish":
        sp = _softplus(x)
        return x * math.tanh(sp), math.tanh(sp) + x * _sig(x) * _sech2(sp)
    if name == "softsign":
        return x / (1 + abs(x)), 1 / (1 + abs(x)) ** 2
    if name == "hard_sigmoid":
        return min(max((x + 3) / 6, 0.0), 1.0), (1 / 6 if -3 < x <= 3 else 0.0)
    if name == "hard_silu":
        return x * min(max((x + 3) / 6, 0.0), 1.0), \
            (0.0 if x <= -3 else (2 * x + 3) / 6 if x <= 3 else 1.0)
    if name == "relu6":
        return min(max(x, 0.0), 6.0), (1.0 if 0 < x <= 6 else 0.0)
    if name == "log_sigmoid":
        return -_softplus(-x), _sig(-x)
    if name == "hard_tanh":
        return max(-1.0, min(1.0, x)), (1.0 if -1 < x <= 1 else 0.0)
    if name == "hardshrink":
        return (x if abs(x) > 0.5 else 0.0), (1.0 if abs(x) > 0.5 else 0.0)
    if name == "softshrink":
        return (x - 0.5 if x > 0.5 else x + 0.5 if x < -0.5 else 0.0), \
            (0.0 if -0.5 < x <= 0.5 else 1.0)
    if name == "tanhshrink":
        return _tanhshrink(x), math.tanh(x) ** 2
    if name == "threshold":
        return (x if x > 0 else 0.0), (1.0 if x > 0 else 0.0)
    if name == "squareplus":
        return _squareplus(x)
    if name == "exponential":
        return _exp(x), _exp(x)
    if name == "sparse_plus":
        return (0.0 if x <= -1 else x if x >= 1 else (x + 1) ** 2 / 4), \
            (0.0 if x <= -1 else 1.0 if x >= 1 else (x + 1) / 2)
    if name == "sparse_sigmoid":
        return (0.0 if x <= -1 else 1.0 if x >= 1 else (x + 1) / 2), \
            (0.5 if -1 < x <= 1 else 0.0)
    if name == "swish":
        return _exact("silu", x)
    raise KeyError(name)


def _float32(v):
    """The float32 rounding of an exact value's magnitude: ±inf beyond float32's range."""
    return math.copysign(math.inf, v) if abs(v) > FLT_MAX * (1 + 2 ** -25) else v


def tf_activations():
    """Our registry name -> the TensorFlow / Keras function it is compared with."""
    import keras
    A = keras.activations
    return {
        "identity": ("keras.activations.linear", A.linear),
        "sigmoid": ("tf.math.sigmoid", tf.math.sigmoid),
        "tanh": ("tf.math.tanh", tf.math.tanh),
        "relu": ("tf.nn.relu", tf.nn.relu),
        "leaky_relu": ("tf.nn.leaky_relu(alpha=0.3)", lambda t: tf.nn.leaky_relu(t, alpha=0.3)),
        "elu": ("tf.nn.elu", tf.nn.elu),
        "selu": ("tf.nn.selu", tf.nn.selu),
        "celu": ("keras.activations.celu", A.celu),
        "gelu": ("tf.nn.gelu(approximate=False)", lambda t: tf.nn.gelu(t, approximate=False)),
        "gelu_tanh": ("tf.nn.gelu(approximate=True)", lambda t: tf.nn.gelu(t, approximate=True)),
        "silu": ("tf.nn.silu", tf.nn.silu),
        "softplus": ("tf.math.softplus", tf.math.softplus),
        "mish": ("keras.activations.mish", A.mish),
        "softsign": ("tf.nn.softsign", tf.nn.softsign),
        "hard_sigmoid": ("keras.activations.hard_sigmoid", A.hard_sigmoid),
        "hard_silu": ("keras.activations.hard_silu", A.hard_silu),
        "relu6": ("tf.nn.relu6", tf.nn.relu6),
        "log_sigmoid": ("tf.math.log_sigmoid", tf.math.log_sigmoid),
        "hard_tanh": ("keras.activations.hard_tanh", A.hard_tanh),
        "hardshrink": ("keras.activations.hard_shrink", A.hard_shrink),
        "softshrink": ("keras.activations.soft_shrink", A.soft_shrink),
        "tanhshrink": ("keras.activations.tanh_shrink", A.tanh_shrink),
        "threshold": ("keras.activations.threshold(threshold=0, default_value=0)",
                      lambda t: A.threshold(t, 0.0, 0.0)),
        "squareplus": ("keras.activations.squareplus", A.squareplus),
        "exponential": ("keras.activations.exponential", A.exponential),
        "sparse_plus": ("keras.activations.sparse_plus", A.sparse_plus),
        "sparse_sigmoid": ("keras.activations.sparse_sigmoid", A.sparse_sigmoid),
        "swish": ("tf.nn.silu(beta=1)", lambda t: tf.nn.silu(t, beta=1.0)),
    }


def tf_two_input():
    """Two-input activations: our name -> (TF/Keras label, outputs of [n, 2], exact)."""
    import keras
    A = keras.activations

    def softmax_exact(p):
        d = p[:, 0] - p[:, 1]
        s1 = np.array([_sig(v) for v in d])
        s2 = np.array([_sig(-v) for v in d])
        ds = np.array([_dsig(v) for v in d])  # s1 * s2 without cancellation
        return [s1, s2], [[ds, -ds], [-ds, ds]]

    def maxout_exact(p):
        m = np.where(p[:, 0] >= p[:, 1], p[:, 0], p[:, 1])
        return [m], [[(p[:, 0] >= p[:, 1]).astype(float), (p[:, 0] < p[:, 1]).astype(float)]]

    def log_softmax_exact(p):
        d = p[:, 0] - p[:, 1]
        s1 = np.array([_sig(v) for v in d])
        s2 = np.array([_sig(-v) for v in d])
        y1 = np.array([-_softplus(-v) for v in d])
        y2 = np.array([-_softplus(v) for v in d])
        return [y1, y2], [[s2, -s2], [-s1, s1]]  # δij − softmax_j, 1 − s1 = s2

    def glu_exact(p):
        s = np.array([_sig(v) for v in p[:, 1]])
        ds = np.array([_dsig(v) for v in p[:, 1]])
        return [p[:, 0] * s], [[s, p[:, 0] * ds]]

    def sparsemax_exact(p):
        d = p[:, 0] - p[:, 1]
        p1 = np.clip((d + 1) / 2, 0, 1)
        g = np.where(np.abs(d) < 1, 0.5, 0.0)
        return [p1, 1 - p1], [[g, -g], [-g, g]]

    return {
        "softmax": ("tf.nn.softmax over the pair",
                    lambda t: [tf.nn.softmax(t, axis=-1)[:, i] for i in (0, 1)], softmax_exact),
        "maxout": ("tf.maximum", lambda t: [tf.maximum(t[:, 0], t[:, 1])], maxout_exact),
        "glu": ("keras.activations.glu", lambda t: [A.glu(t, axis=-1)[:, 0]], glu_exact),
        "log_softmax": ("tf.nn.log_softmax over the pair",
                        lambda t: [tf.nn.log_softmax(t, axis=-1)[:, i] for i in (0, 1)],
                        log_softmax_exact),
        "sparsemax": ("keras.activations.sparsemax over the pair",
                      lambda t: [A.sparsemax(t, axis=-1)[:, i] for i in (0, 1)], sparsemax_exact),
    }


def enc(a):
    """float array -> JSON-safe list (non-finite values as JavaScript's "NaN", "Infinity")."""
    out = []
    for v in np.asarray(a, dtype=np.float64).ravel().tolist():
        out.append(v if math.isfinite(v) else "NaN" if math.isnan(v) else
                   "Infinity" if v > 0 else "-Infinity")
    return out


def tf_value_and_grad(fn, x32):
    t = tf.constant(x32, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(t)
        y = fn(t)
    dy = tape.gradient(y, t)
    return y.numpy(), dy.numpy()


def group_parity(n_line, n_axis):
    original_imports()
    grid = np.linspace(-30, 30, num=n_line).astype(np.float32)
    extremes = np.array(EXTREMES, dtype=np.float32)
    out = {"inputs": {"original_grid": enc(grid), "extremes": enc(extremes)}, "one": {}, "two": {}}
    for name, (label, fn) in tf_activations().items():
        entry = {"tf": label}
        for key, x32 in (("original_grid", grid), ("extremes", extremes)):
            y, dy = tf_value_and_grad(fn, x32)
            ex = [_exact(name, float(v)) for v in x32]
            entry[key] = {"y": enc(y), "dy": enc(dy),
                          "exact_y": enc([_float32(e[0]) for e in ex]),
                          "exact_dy": enc([_float32(e[1]) for e in ex])}
        out["one"][name] = entry
    # Two-input activations on the original's meshgrid of linspace(0, 10, 200) (x1 along
    # columns, x2 along rows) and on extreme pairs. Jacobian by GradientTape.
    axis = np.linspace(0., 10., num=n_axis).astype(np.float32)
    ext_axis = np.array(sorted(set([-1e4, -100.0, -30.0, -1e-7, 0.0, 1e-7, 100.0, 1e4])), dtype=np.float32)
    for key, ax in (("original_grid", axis), ("extremes", ext_axis)):
        out["inputs"]["axis_" + key] = enc(ax)
    for name, (label, outputs, exact) in tf_two_input().items():
        entry = {"tf": label}
        for key, ax in (("original_grid", axis), ("extremes", ext_axis)):
            g1, g2 = np.meshgrid(ax, ax)  # values[j, i] = f(x1[i], x2[j])
            pairs = np.stack([g1.ravel(), g2.ravel()], axis=-1).astype(np.float32)
            t = tf.constant(pairs)
            with tf.GradientTape(persistent=True) as tape:
                tape.watch(t)
                outs = outputs(t)
            res = {"y": [], "jac": []}
            for o in outs:
                res["y"].append(enc(o.numpy()))
                g = tape.gradient(o, t).numpy()
                res["jac"].append([enc(g[:, 0]), enc(g[:, 1])])
            # exact (float64) values and Jacobian
            ex_y, ex_j = exact(pairs.astype(np.float64))
            res["exact_y"] = [enc(v) for v in ex_y]
            res["exact_jac"] = [[enc(v) for v in row] for row in ex_j]
            entry[key] = res
        out["two"][name] = entry
    # The original's own activation_functions (float64) on its grid, for reference.
    x64 = np.linspace(-30, 30, num=n_line)
    original = {}
    for method in ORIGINAL_ACTIVATIONS[:6]:
        y, dy = activation_functions(x64, method)
        original[ROW_NAME[method]] = {"y": enc(y), "dy": enc(dy)}
    out["original_float64"] = original
    return out


# ---------------------------------------------------------------- accuracies

def group_accuracy(seeds, epochs):
    import keras
    original_imports()
    rows = []
    for s in seeds:
        keras.utils.set_random_seed(s)  # numpy, python and TF seeds
        train_x, train_y, _ = make_data()
        lin = train_linear(train_x, train_y, epochs)
        non = train_nonlinear(train_x, train_y, epochs)
        out1 = subnetwork_inputs(non, train_x)
        sub = train_subnetwork(out1, train_y, epochs)

        def acc(net, x):
            p = net.predict(x, verbose=0).reshape(-1)
            return float(np.mean((p > 0.5) == (train_y > 0.5)))
        rows.append({"seed": s, "linear": acc(lin, train_x), "nonlinear": acc(non, train_x),
                     "subnetwork": acc(sub, out1)})
    return rows


def versions():
    import bokeh
    import keras
    tf_ = original_imports()
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
    except OSError:
        pass
    return {"python": platform.python_version(), "tensorflow": tf_.__version__, "cpu": cpu,
            "keras": keras.__version__, "bokeh": bokeh.__version__, "numpy": np.__version__,
            "cpu_devices": [d.name for d in tf_.config.list_physical_devices("CPU")],
            "intra_op_threads": tf_.config.threading.get_intra_op_parallelism_threads(),
            "inter_op_threads": tf_.config.threading.get_inter_op_parallelism_threads()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("group")
    ap.add_argument("--out", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--tiny", action="store_true", help="small inputs (smoke test)")
    ap.add_argument("--notebook", default=os.path.join(HERE, "original_notebook.ipynb"))
    ap.add_argument("--seeds", default="0,1,2,3,4")
    a = ap.parse_args()
    n_line = 50 if a.tiny else 2000
    n_axis = 10 if a.tiny else 200
    epochs = 2 if a.tiny else 100
    t0 = time.perf_counter()
    g = a.group
    if g == "act-original":
        result = group_act(n_line, n_axis, a.reps)
    elif g == "act-1m":
        result = group_act(100 if a.tiny else 1_000_000, 10 if a.tiny else 1000, a.reps)
    elif g == "train":
        result = group_train(a.reps, epochs)
    elif g == "predict":
        result = group_predict(a.reps, epochs, n_axis)
    elif g == "figures":
        result = group_figures(a.reps, epochs, a.tiny)
    elif g == "notebook":
        result = group_notebook(a.reps, a.notebook)
    elif g == "parity":
        result = group_parity(n_line, n_axis)
    elif g == "accuracy":
        result = group_accuracy([int(s) for s in a.seeds.split(",")], epochs)
    elif g == "versions":
        result = versions()
    else:
        raise SystemExit(f"Unknown group {g!r}")
    payload = {"side": "python", "group": g, "result": result,
               "wall": time.perf_counter() - t0}
    with open(a.out, "w") as f:
        json.dump(payload, f, allow_nan=False)


if __name__ == "__main__":
    main()
