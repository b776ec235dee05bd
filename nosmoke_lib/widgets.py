"""Interactive cells of the course, built on ipywidgets.

Every widget here is a ``FigureWidget``: controls above a matplotlib figure,
redrawn as a PNG each time a control changes. Computing and drawing are
separate steps (``compute`` returns numbers, ``draw`` plots them), so a test
can set a slider's value and check the numbers without a browser.

Sliders that retrain use ``continuous_update=False``: the work runs once,
when the handle is released. Displayed in a notebook, a widget also carries
a static PNG of its current state, so a page that runs no kernel still shows
the plot.
"""

from __future__ import annotations

import base64
import html
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np

from . import plots
from .core.activations import ACTIVATIONS, get_activation
from .network import Network


class FigureWidget(widgets.VBox):
    """Controls, a figure rendered as an image, and a line of status text below it."""

    def __init__(self, controls, figsize=(6, 3.5)):
        self.figure = plots.new_figure(figsize)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.status = widgets.HTML()
        self.controls = controls
        super().__init__([widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap")), self.image, self.status])
        self._paused = False
        for control in controls:
            control.observe(self._changed, names="value")
        self.update()

    def _changed(self, _change):
        if not self._paused:
            self.update()

    @contextmanager
    def changing(self):
        """Set several controls at once, then redraw once (not once per control)."""
        self._paused = True
        try:
            yield
        finally:
            self._paused = False
            self.update()

    def update(self) -> None:
        """Recompute from the controls' values and redraw."""
        self.figure.clear()  # this also resets the margins, so set them again
        self.figure.subplots_adjust(**plots.MARGINS)
        self.draw()
        self.image.value = plots.figure_png(self.figure)

    def draw(self) -> None:  # pragma: no cover - every subclass draws
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        # Live: the widget. Static readers (no kernel): the PNG of the current state.
        data = super()._repr_mimebundle_(**kwargs)
        data["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        return data


def _log_slider(description, value, low=-4, high=1):
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=low,
        max=high,
        step=0.1,
        description=description,
        continuous_update=False,
        readout_format=".4g",
    )


class TrainingWidget(FigureWidget):
    """alpha and epochs sliders -> train a fresh network -> its loss curve (and test curve, accuracy).

    With ``explore=True`` it is the original program's "general network":
    controls for the hidden layers, their activation and the output's,
    bias, momentum, batch size and shuffling too.

    Attributes
    ----------
    alpha, epochs : the sliders (``hidden``, ``hidden_activation``, ... when exploring)
    network, history : the last trained network and its History
    code : the one line of Python that reproduces the current state
    """

    def __init__(
        self,
        X,
        Y,
        sizes,
        alpha=0.01,
        epochs=2000,
        X_test=None,
        Y_test=None,
        activation="sigmoid",
        bias=True,
        seed=0,
        momentum=0.0,
        max_epochs=5000,
        explore=False,
    ):
        self.X, self.Y, self.X_test, self.Y_test, self.seed = X, Y, X_test, Y_test, seed
        self.fixed = {
            "sizes": list(sizes),
            "activation": activation,
            "bias": bias,
            "momentum": momentum,
            "batch_size": None,
            "shuffle": False,
        }
        self.alpha = _log_slider("alpha", alpha)
        self.epochs = widgets.IntSlider(
            value=epochs, min=10, max=max(max_epochs, epochs), step=10, description="epochs", continuous_update=False
        )
        controls = [self.alpha, self.epochs]
        if explore:
            names = list(ACTIVATIONS)
            first, last = (activation, activation) if isinstance(activation, str) else (activation[0], activation[-1])
            self.hidden = widgets.Text(
                value=", ".join(map(str, sizes[1:-1])),
                description="hidden",
                placeholder="e.g. 8 or 8, 4",
                continuous_update=False,
            )
            self.hidden_activation = widgets.Dropdown(options=names, value=first, description="hidden f")
            self.output_activation = widgets.Dropdown(options=names, value=last, description="output f")
            self.bias_box = widgets.Checkbox(value=bias, description="bias")
            self.momentum = widgets.FloatSlider(
                value=momentum, min=0, max=0.95, step=0.05, description="momentum", continuous_update=False
            )
            self.batch = widgets.Dropdown(
                options=[("full batch", None), ("10", 10), ("1 (per sample)", 1)], value=None, description="batch"
            )
            self.shuffle = widgets.Checkbox(value=False, description="shuffle")
            controls += [
                self.hidden,
                self.hidden_activation,
                self.output_activation,
                self.bias_box,
                self.momentum,
                self.batch,
                self.shuffle,
            ]
        self.explore = explore
        self.code_box = widgets.HTML()
        super().__init__(controls)
        self.children = (*self.children, self.code_box)

    def settings(self) -> dict:
        """The network and training settings the controls describe now.

        alpha and momentum are rounded to the 4 digits the readout and the
        code line show, so that the line trains exactly what the widget did.
        """
        chosen = dict(self.fixed, alpha=float(f"{self.alpha.value:.4g}"), epochs=self.epochs.value)
        if self.explore:
            sizes = self.fixed["sizes"]
            hidden = [int(n) for n in self.hidden.value.replace(",", " ").split() if n.isdigit() and int(n) > 0]
            chosen["sizes"] = [sizes[0], *hidden, sizes[-1]]
            n_hidden = len(chosen["sizes"]) - 2
            chosen["activation"] = [self.hidden_activation.value] * n_hidden + [self.output_activation.value]
            chosen.update(
                bias=self.bias_box.value,
                momentum=float(f"{self.momentum.value:.4g}"),
                batch_size=self.batch.value,
                shuffle=self.shuffle.value,
            )
        return chosen

    @property
    def code(self) -> str:
        """The line that builds and trains this network, for a new cell."""
        s = self.settings()
        activation = s["activation"]
        if not isinstance(activation, str) and len(set(activation)) == 1:
            activation = activation[0]
        options = "" if activation == "sigmoid" else f", activation={activation!r}"
        options += "" if s["bias"] else ", bias=False"
        fit = f"alpha={s['alpha']:g}, epochs={s['epochs']}"
        fit += f", momentum={s['momentum']:g}" if s["momentum"] else ""
        fit += f", batch_size={s['batch_size']}" if s["batch_size"] else ""
        fit += ", shuffle=True" if s["shuffle"] else ""
        return f"Network({s['sizes']}{options}, seed={self.seed}).fit(X, Y, {fit})"

    def compute(self):
        """Train a fresh network with the controls' values; returns (network, history)."""
        s = self.settings()
        self.network = Network(s["sizes"], s["activation"], s["bias"], self.seed)
        record = None if self.X_test is None else max(1, self.epochs.value // 100)
        self.history = self.network.fit(
            self.X,
            self.Y,
            alpha=s["alpha"],
            epochs=self.epochs.value,
            momentum=s["momentum"],
            batch_size=s["batch_size"],
            shuffle=s["shuffle"],
            record_every=record,
            progress=False,
        )
        self.test_curve = None
        if self.X_test is not None and self.history.diverged is None:
            probe = self.network.copy()
            curve = []
            for epoch, weights, biases in self.history.snapshots:
                probe.set_parameters(weights, biases)
                curve.append((epoch, probe.loss(self.X_test, self.Y_test)))
            self.test_curve = np.array(curve)
        return self.network, self.history

    def accuracy(self, X, Y) -> float:
        """The share of samples whose largest output is their class."""
        labels = np.asarray(Y) if np.ndim(Y) == 1 else np.argmax(Y, axis=1)
        return float(np.mean(self.network.predict(X) == labels))

    def average_error(self, X, Y) -> float:
        """Regression: the mean |Y - Yhat| (in the units the network was trained on)."""
        return float(np.mean(np.abs(np.reshape(Y, (len(X), -1)) - self.network.predict_proba(X))))

    def draw(self):
        net, hist = self.compute()
        ax = self.figure.add_subplot()
        plots.plot_loss(hist, ax=ax, label=f"training J ({len(self.X)} samples)")
        if self.test_curve is not None and len(self.test_curve) > 1:
            ax.plot(
                self.test_curve[1:, 0],
                self.test_curve[1:, 1],
                color=plots.ORANGE,
                linestyle="--",
                label=f"test J ({len(self.X_test)} samples)",
            )
            ax.legend(loc="upper right")
        if hist.diverged is not None:
            text = f"<b style='color:{plots.VERMILLION}'>diverged at epoch {hist.diverged}</b>: alpha is too large"
        else:
            text = f"final J = {hist.final_loss:.4g}"
            score = self.accuracy if net.sizes[-1] > 1 else self.average_error
            name, form = ("accuracy", ".1%") if net.sizes[-1] > 1 else ("average error", ".4g")
            text += f" &nbsp; train {name} {score(self.X, self.Y):{form}}"
            if self.X_test is not None:
                text += f" &nbsp; test {name} {score(self.X_test, self.Y_test):{form}}"
        self.status.value = text + f" &nbsp; ({hist.seconds * 1000:.0f} ms)"
        self.code_box.value = f"<code style='user-select:all'>{html.escape(self.code)}</code>"


def training_widget(X, Y, sizes, alpha=0.01, epochs=2000, **options) -> TrainingWidget:
    """alpha (log slider) and epochs (slider) -> a freshly trained network's loss curve.

    Examples
    --------
    >>> from nosmoke_lib import load_iris, split
    >>> iris = load_iris(); X, _, y, _ = split(iris.X, iris.y)
    >>> w = training_widget(X, y, [4, 8, 3])
    >>> w.alpha.value = 0.03  # what dragging the slider does; the curve is redrawn
    >>> round(w.history.alpha, 2)
    0.03
    """
    return TrainingWidget(X, Y, sizes, alpha, epochs, **options)


class NeuronWidget(FigureWidget):
    """One neuron: a slider per weight and one for the bias; the output on the activation curve."""

    def __init__(self, x, names, weights, bias, activation):
        self.x = np.asarray(x, dtype=float)
        self.act = get_activation(activation)
        self.weight_sliders = [
            widgets.FloatSlider(value=w, min=-2, max=2, step=0.05, description=f"w ({name})", continuous_update=False)
            for w, name in zip(weights, names)
        ]
        self.bias_slider = widgets.FloatSlider(
            value=bias, min=-10, max=10, step=0.1, description="b", continuous_update=False
        )
        self.names = list(names)
        super().__init__([*self.weight_sliders, self.bias_slider], figsize=(6, 3))

    def compute(self):
        """z = x · w + b and the neuron's output f(z)."""
        w = np.array([s.value for s in self.weight_sliders])
        self.z = float(self.x @ w + self.bias_slider.value)
        self.output = float(self.act.f(np.array(self.z)))
        return self.z, self.output

    def draw(self):
        z, a = self.compute()
        ax = self.figure.add_subplot()
        grid = np.linspace(min(-8, z - 1), max(8, z + 1), 300)
        ax.plot(grid, self.act.f(grid), color=plots.BLUE, label=f"{self.act.name}(z)")
        ax.plot([z], [a], marker="o", markersize=10, color=plots.VERMILLION, linestyle="none", label="this neuron")
        ax.set_xlabel("z = Σ x·w + b")
        ax.set_ylabel("output")
        ax.set_title(f"z = {z:.2f}  →  output = {a:.3f}")
        ax.legend(loc="upper left")
        terms = " + ".join(f"{xi:g}·{s.value:.2f}" for xi, s in zip(self.x, self.weight_sliders))
        self.status.value = f"z = {terms} + ({self.bias_slider.value:.2f}) = {z:.3f}; output = {a:.4f}"


def neuron_widget(x, names=plots.IRIS_SHORT, weights=None, bias=0.0, activation="sigmoid") -> NeuronWidget:
    """Sliders over one neuron's weights and bias, showing its output for the inputs ``x``."""
    weights = [0.5] * len(x) if weights is None else weights
    return NeuronWidget(x, names, weights, bias, activation)


class ActivationWidget(FigureWidget):
    """Pick an activation; see f and f'."""

    def __init__(self, name):
        self.choice = widgets.Dropdown(options=list(ACTIVATIONS), value=name, description="activation")
        super().__init__([self.choice], figsize=(6, 3))

    def draw(self):
        ax = self.figure.add_subplot()
        self.lines = plots.plot_activation(self.choice.value, ax=ax)
        self.status.value = f"{self.choice.value}: {get_activation(self.choice.value).f.__doc__.splitlines()[0]}"


def activation_widget(name="sigmoid") -> ActivationWidget:
    """A dropdown over the activations; plots the chosen f(z) and f'(z)."""
    return ActivationWidget(name)


class CascadeWidget(FigureWidget):
    """Depth and width sliders -> the network drawn, and every layer's shape."""

    def __init__(self, n_inputs, n_outputs, hidden_layers, width, n_samples, input_names, output_names):
        self.n_inputs, self.n_outputs, self.n_samples = n_inputs, n_outputs, n_samples
        self.input_names, self.output_names = input_names, output_names
        self.depth = widgets.IntSlider(
            value=hidden_layers, min=0, max=4, description="hidden layers", continuous_update=False
        )
        self.width = widgets.IntSlider(value=width, min=1, max=10, description="width", continuous_update=False)
        super().__init__([self.depth, self.width], figsize=(6, 4))

    def compute(self):
        self.sizes = [self.n_inputs] + [self.width.value] * self.depth.value + [self.n_outputs]
        self.network = Network(self.sizes, seed=0)
        self.shapes = [(self.n_samples, n) for n in self.sizes]
        return self.sizes

    def draw(self):
        sizes = self.compute()
        plots.draw_network(
            self.network, ax=self.figure.add_subplot(), input_names=self.input_names, output_names=self.output_names
        )
        names = ["X"] + [f"A{i + 2}" for i in range(len(sizes) - 1)]
        steps = [f"{name} {shape}" for name, shape in zip(names, self.shapes)]
        weights = ", ".join(f"W{i + 1} {W.shape}" for i, W in enumerate(self.network.weights))
        self.status.value = " → ".join(steps) + f"<br>weights: {weights}"


def cascade_widget(
    n_inputs=4,
    n_outputs=3,
    hidden_layers=1,
    width=8,
    n_samples=60,
    input_names=plots.IRIS_SHORT,
    output_names=plots.IRIS_SPECIES,
) -> CascadeWidget:
    """Sliders over depth and width of a network; draws it and lists the shapes of every layer."""
    return CascadeWidget(n_inputs, n_outputs, hidden_layers, width, n_samples, input_names, output_names)


class DescentWidget(FigureWidget):
    """alpha and steps -> gradient descent's path on a 1-D curve."""

    def __init__(self, f, df, x0, alpha, steps, x_range):
        from .core.descent import descend_1d

        self._descend = descend_1d
        self.f, self.df, self.x0, self.x_range = f, df, x0, x_range
        self.alpha = _log_slider("alpha", alpha, low=-3, high=0.5)
        self.steps = widgets.IntSlider(value=steps, min=1, max=100, description="steps", continuous_update=False)
        super().__init__([self.alpha, self.steps], figsize=(6, 3.5))

    def compute(self):
        self.path = self._descend(self.f, self.df, self.x0, self.alpha.value, self.steps.value)
        return self.path

    def draw(self):
        path = self.compute()
        plots.plot_descent_1d(self.f, path, ax=self.figure.add_subplot(), x_range=self.x_range)
        if path.diverged is not None:
            self.status.value = f"<b style='color:{plots.VERMILLION}'>diverged at step {path.diverged}</b>"
        else:
            self.status.value = f"after {len(path.x) - 1} steps: w = {path.x[-1]:.4f}, J(w) = {path.y[-1]:.4f}"


def descent_widget(f, df, x0=-2.5, alpha=0.1, steps=20, x_range=(-3.5, 3.5)) -> DescentWidget:
    """Sliders over alpha and the number of steps of 1-D gradient descent on ``f``."""
    return DescentWidget(f, df, x0, alpha, steps, x_range)


class RunCaseWidget(FigureWidget):
    """The original program's "run case" and "generate case".

    A slider per measurement (within the data's range) feeds one sample to a
    trained network; the bars are each class's output, the verdict is the
    class whose output passes the certainty threshold, or "undefined" when
    none does. "Generate case" fills in a random test sample and shows its
    true class beside the prediction.
    """

    def __init__(self, net, X, y, feature_names, target_names, threshold, seed):
        from .results import verdicts

        self._verdicts = verdicts
        self.net, self.X, self.y, self.threshold = net, np.asarray(X, dtype=float), np.asarray(y), threshold
        self.feature_names, self.target_names = list(feature_names), list(target_names)
        self.rng = np.random.default_rng(seed)
        low, high = self.X.min(axis=0), self.X.max(axis=0)
        self.sliders = [
            widgets.FloatSlider(
                value=float(np.median(column)),
                min=float(lo),
                max=float(hi),
                step=float(hi - lo) / 100,
                description=name,
                continuous_update=False,
                readout_format=".2f",
            )
            for name, column, lo, hi in zip(self.feature_names, self.X.T, low, high)
        ]
        self.generate = widgets.Button(
            description="Generate case", icon="random", tooltip="fill in a random sample of the test set"
        )
        self.generate.on_click(lambda _button: self.generate_case())
        self.truth = None  # the true class of a generated case, until a slider moves
        super().__init__(self.sliders, figsize=(6, 2.6))
        self.children = (self.children[0], self.generate, *self.children[1:])

    def generate_case(self) -> int:
        """Fill the sliders with a random test sample; returns its row index."""
        row = int(self.rng.integers(len(self.X)))
        with self.changing():  # one redraw, after all sliders moved
            for slider, value in zip(self.sliders, self.X[row]):
                slider.value = float(value)
            self.truth = int(self.y[row])
        return row

    def _changed(self, change):
        if not self._paused:
            self.truth = None  # a hand-made case has no true class
        super()._changed(change)

    def compute(self):
        """The network's outputs for the sliders' sample, and the verdict (class index, or -1 for undefined)."""
        sample = np.array([[s.value for s in self.sliders]])
        self.probabilities = self.net.predict_proba(sample)[0]
        self.verdict = int(self._verdicts(self.probabilities[None, :], self.threshold)[0])
        return self.probabilities, self.verdict

    def draw(self):
        p, verdict = self.compute()
        self.figure.subplots_adjust(left=0.22)  # room for the class names and the label beside them
        ax = self.figure.add_subplot()
        colours = [plots.OKABE_ITO[(i % 7) + 1] for i in range(len(p))]
        ax.barh(self.target_names, p, color=colours, hatch=[["", "//", ".."][i % 3] for i in range(len(p))])
        ax.axvline(self.threshold, color="black", linestyle="--", label=f"certainty {self.threshold:g}")
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        ax.set_xlabel("output (how sure the network is)")
        ax.set_ylabel("class")
        name = "undefined" if verdict < 0 else self.target_names[verdict]
        ax.set_title(f"Verdict: {name}")
        ax.legend(loc="lower right")
        text = f"verdict: <b>{html.escape(name)}</b>"
        if self.truth is not None:
            mark = "✅" if verdict == self.truth else "❌"
            text += f" &nbsp; true class: <b>{html.escape(self.target_names[self.truth])}</b> {mark}"
        self.status.value = text


def run_case_widget(net, X, y, feature_names, target_names, threshold=0.8, seed=0) -> RunCaseWidget:
    """Sliders for one sample's measurements -> each class's output as bars, and the verdict.

    Parameters
    ----------
    net : Network
        A trained network.
    X, y : the samples "Generate case" draws from (the test set) and their classes.
    feature_names, target_names : list of str
    threshold : float
        The certainty an output must reach for a verdict (the original: 0.8
        for Iris, 0.75 for wheat seeds); below it the verdict is "undefined".
    """
    return RunCaseWidget(net, X, y, feature_names, target_names, threshold, seed)


class InitialWeightsWidget(FigureWidget):
    """weight scale (and "equal starting weights") -> the hidden layer at the start, its slopes, a short training run.

    Attributes
    ----------
    weight_scale : FloatLogSlider
    equal : Checkbox
    start, trained : the network before and after the short training run
    A2, slope : the hidden layer's outputs at the start and the sigmoid's derivative there, ``A2 * (1 - A2)``
    A2_trained : the hidden layer's outputs after training
    history : the run's History
    numbers : dict of the figures the status line reports (see ``compute``)
    """

    def __init__(self, X, y, hidden, weight_scale, equal, alpha, epochs, seed):
        self.X, self.y, self.alpha, self.epochs, self.seed = np.asarray(X, dtype=float), y, alpha, epochs, seed
        self.labels = np.asarray(y) if np.ndim(y) == 1 else np.argmax(y, axis=1)
        n_outputs = int(self.labels.max()) + 1 if np.ndim(y) == 1 else np.shape(y)[1]
        self.sizes = [self.X.shape[1], hidden, n_outputs]
        self.weight_scale = widgets.FloatLogSlider(
            value=weight_scale,
            base=10,
            min=-2,
            max=np.log10(30),
            step=0.05,
            description="weight scale",
            continuous_update=False,
            readout_format=".3g",
            style={"description_width": "initial"},
        )
        self.equal = widgets.Checkbox(value=equal, description="equal starting weights")
        reference = Network(self.sizes, seed=seed)  # weight scale 1, random: the curve to compare with
        self.reference = reference.fit(self.X, y, alpha=alpha, epochs=epochs, progress=False)
        super().__init__([self.weight_scale, self.equal], figsize=(8, 5.6))

    def starting_network(self) -> Network:
        """A fresh network at the controls' settings, before any training.

        Random: weights drawn from N(0, (weight scale / sqrt(n_in))**2). Equal: every weight of a layer set
        to weight scale / sqrt(n_in), the size the random ones typically have. Biases start at 0 in both.
        """
        net = Network(self.sizes, seed=self.seed, weight_scale=self.weight_scale.value)
        if self.equal.value:
            scale = self.weight_scale.value
            net.set_parameters(
                [np.full(W.shape, scale / np.sqrt(W.shape[0])) for W in net.weights],
                [np.zeros_like(b) for b in net.biases],
            )
        return net

    def compute(self) -> dict:
        """Build the starting network, measure its hidden layer, train a copy; returns ``numbers``.

        ``numbers`` holds: "saturated" (share of hidden outputs within 0.01 of 0 or 1), "mean_slope"
        (mean of A2 * (1 - A2), at most 0.25), "initial_loss" and "final_loss" (J before and after
        ``epochs`` epochs), "distinct_neurons" (hidden neurons whose trained weights and bias differ
        from every other's; 1 means they all stayed identical).
        """
        self.start = self.starting_network()
        self.A2 = self.start.forward(self.X)[1]
        self.slope = self.A2 * (1 - self.A2)  # sigma'(Z2): the factor every hidden delta carries
        self.trained = self.start.copy()
        self.history = self.trained.fit(self.X, self.y, alpha=self.alpha, epochs=self.epochs, progress=False)
        self.A2_trained = self.trained.forward(self.X)[1]
        neurons = np.vstack([self.trained.weights[0], self.trained.biases[0]]).T  # one row per hidden neuron
        kept = []
        for neuron in neurons:
            if not any(np.allclose(neuron, other) for other in kept):
                kept.append(neuron)
        self.numbers = {
            "saturated": float(np.mean(np.minimum(self.A2, 1 - self.A2) < 0.01)),
            "mean_slope": float(self.slope.mean()),
            "initial_loss": float(self.history.initial_loss),
            "final_loss": float(self.history.final_loss),
            "distinct_neurons": len(kept),
        }
        return self.numbers

    def draw(self):
        n = self.compute()
        scale, kind = self.weight_scale.value, "equal" if self.equal.value else "random"
        self.figure.subplots_adjust(left=0.08, right=0.98, top=0.94, bottom=0.1, hspace=0.5, wspace=0.25)
        (ax_a, ax_slope), (ax_loss, ax_after) = self.figure.subplots(2, 2)
        ax_a.hist(self.A2.ravel(), bins=np.linspace(0, 1, 21), color=plots.BLUE, edgecolor="white")
        ax_a.set(xlim=(0, 1), xlabel="hidden output A2", ylabel="count")
        ax_a.set_title(f"Start: A2 ({n['saturated']:.0%} within 0.01 of 0 or 1)", fontsize=10)
        ax_slope.hist(self.slope.ravel(), bins=np.linspace(0, 0.25, 21), color=plots.ORANGE, edgecolor="white")
        ax_slope.set(xlim=(0, 0.26), xlabel="σ'(Z2) = A2 (1 − A2)", ylabel="count")
        ax_slope.set_title(f"Start: slopes σ'(Z2), mean {n['mean_slope']:.3f}", fontsize=10)
        plots.plot_loss(self.reference, ax=ax_loss, label="scale 1, random", color="grey", linestyle="--")
        plots.plot_loss(self.history, ax=ax_loss, label=f"scale {scale:.3g}, {kind}")
        ax_loss.set_title(f"Training from there, alpha = {self.alpha:g}", fontsize=10)
        ax_loss.legend(loc="lower left", fontsize="small")
        order = np.argsort(self.labels, kind="stable")  # flowers sorted by species
        ax_after.imshow(self.A2_trained[order].T, aspect="auto", cmap="viridis", vmin=0, vmax=1)
        ax_after.set(xlabel="flower, by species (A2: dark 0 … yellow 1)", ylabel="hidden neuron")
        ax_after.set_yticks(range(self.sizes[1]), [str(j + 1) for j in range(self.sizes[1])], fontsize="x-small")
        ax_after.set_title(f"After: A2, {n['distinct_neurons']} distinct neuron(s) of {self.sizes[1]}", fontsize=10)
        self.status.value = (
            f"hidden outputs within 0.01 of 0 or 1: <b>{n['saturated']:.0%}</b> &nbsp; "
            f"mean slope A2(1 − A2): <b>{n['mean_slope']:.4f}</b> &nbsp; "
            f"J: {n['initial_loss']:.2f} → <b>{n['final_loss']:.2f}</b> in {self.epochs} epochs &nbsp; "
            f"distinct hidden neurons: <b>{n['distinct_neurons']} of {self.sizes[1]}</b>"
        )


def initial_weights_widget(
    X, y, hidden=8, weight_scale=1.0, equal=False, alpha=0.01, epochs=1000, seed=0
) -> InitialWeightsWidget:
    """A weight-scale slider and an "equal starting weights" box -> what the starting weights do to training.

    Four panels for a ``[n_features, hidden, n_classes]`` sigmoid network: the hidden outputs A2 at the
    start (large scales pin them near 0 or 1), their slopes A2 (1 − A2) (then near 0, and every hidden
    delta with them), the loss of a short training run beside the default start's (it stalls), and the
    hidden outputs after training (with equal starting weights, all neurons draw the same line).

    Parameters
    ----------
    X : array (n_samples, n_features)
    y : class labels (n_samples,) or one-hot targets (n_samples, n_classes)
    hidden : int
        Hidden neurons.
    weight_scale : float
        The slider's starting value (0.01 .. 30): ``Network(..., weight_scale=...)``.
    equal : bool
        Start with every weight of a layer equal (weight_scale / sqrt(n_in)) instead of random.
    alpha, epochs : the short training run's learning rate and length
    seed : int
        Seeds the random starting weights.

    Returns
    -------
    InitialWeightsWidget
        Its ``numbers`` (saturated share, mean slope, J before and after, distinct hidden neurons)
        follow the controls.

    Examples
    --------
    >>> from nosmoke_lib import load_iris, split
    >>> iris = load_iris(); X, _, y, _ = split(iris.X, iris.y)
    >>> w = initial_weights_widget(X, y)
    >>> w.weight_scale.value = 30  # what dragging the slider does
    >>> w.numbers["saturated"] > 0.9
    True
    >>> w.equal.value = True
    >>> w.numbers["distinct_neurons"]
    1
    """
    return InitialWeightsWidget(X, y, hidden, weight_scale, equal, alpha, epochs, seed)
