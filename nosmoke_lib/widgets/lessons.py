"""The lessons' widgets: one neuron, the activations, the cascade of layers, 1-D gradient descent."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import plots
from .._validate import _describe, as_number, as_vector
from ..core.activations import ACTIVATIONS, get_activation
from ..core.descent import descend_1d
from ..network import Network
from .base import FigureWidget, in_range, log_slider


class NeuronWidget(FigureWidget):
    """One neuron: a slider per weight and one for the bias; the output on the activation curve."""

    def __init__(self, x, names, weights, bias, activation):
        self.x = as_vector("x", x)
        self.act = get_activation(activation)
        if len(weights) != len(self.x) or len(names) != len(self.x):
            raise ValueError(
                f"weights and names must have one entry per input ({len(self.x)}); got {len(weights)} and {len(names)}"
            )
        self.weight_sliders = [
            widgets.FloatSlider(
                value=in_range(f"weights[{i}]", w, -2, 2),
                min=-2,
                max=2,
                step=0.05,
                description=f"w ({name})",
                continuous_update=False,
            )
            for i, (w, name) in enumerate(zip(weights, names))
        ]
        self.bias_slider = widgets.FloatSlider(
            value=in_range("bias", bias, -10, 10), min=-10, max=10, step=0.1, description="b", continuous_update=False
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
        self.choice = widgets.Dropdown(
            options=list(ACTIVATIONS), value=get_activation(name).name, description="activation"
        )
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
        hidden_layers = in_range("hidden_layers", hidden_layers, 0, 4, whole=True)
        self.depth = widgets.IntSlider(
            value=hidden_layers, min=0, max=4, description="hidden layers", continuous_update=False
        )
        width = in_range("width", width, 1, 10, whole=True)
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
        if not callable(f) or not callable(df):
            raise TypeError(f"f and df must be functions of one number; got {_describe(f)} and {_describe(df)}")
        self.f, self.df, self.x0, self.x_range = f, df, as_number("x0", x0), x_range
        self.alpha = log_slider("alpha", alpha, low=-3, high=0.5)
        steps = in_range("steps", steps, 1, 100, whole=True)
        self.steps = widgets.IntSlider(value=steps, min=1, max=100, description="steps", continuous_update=False)
        super().__init__([self.alpha, self.steps], figsize=(6, 3.5))

    def compute(self):
        self.path = descend_1d(self.f, self.df, self.x0, self.alpha.value, self.steps.value)
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
