"""Training under sliders: alpha and epochs (and, exploring, the whole network), and the starting weights."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import plots
from .._validate import as_int
from ..core.activations import ACTIVATIONS
from ..evaluation import accuracy, average_error, loss_along
from ..network import Network
from .base import FigureWidget, in_range, log_slider


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
        self.alpha = log_slider("alpha", alpha)
        epochs = in_range("epochs", epochs, 10, max(as_int("max_epochs", max_epochs, low=10), 10), whole=True)
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
        super().__init__(controls, code=True)

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
            self.test_curve = np.column_stack(loss_along(self.network, self.history, self.X_test, self.Y_test))
        return self.network, self.history

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
            score = accuracy if net.sizes[-1] > 1 else average_error
            name, form = ("accuracy", ".1%") if net.sizes[-1] > 1 else ("average error", ".4g")
            text += f" &nbsp; train {name} {score(net, self.X, self.Y):{form}}"
            if self.X_test is not None:
                text += f" &nbsp; test {name} {score(net, self.X_test, self.Y_test):{form}}"
        self.status.value = text + f" &nbsp; ({hist.seconds * 1000:.0f} ms)"
        self.show_code(self.code)


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
            value=in_range("weight_scale", weight_scale, 0.01, 30),
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
