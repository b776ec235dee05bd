"""Watch a network learn: replay a training run, and see its hidden layer as a plane.

- ``replay_widget``: train once, keeping a snapshot of the weights every few
  epochs, then scrub through training. At each snapshot you see where the
  loss curve was, how the network split the plane of two measurements into
  species (its decision regions), and the weights in the network drawing.
  Going back is free: the slider loads a snapshot, it never retrains.
- ``representation_widget``: a network with a hidden layer of only two
  neurons, so its hidden layer ``A2`` can be drawn as a plane. Training moves
  the flowers around in that plane until the species lie apart: the network
  *learned a representation* of the data.

Every widget shows under its plot the line of Python that reproduces what it
shows (its ``code``), to copy into a cell and take home.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from .. import plots
from .._validate import as_int, as_labels, as_matrix
from ..data import IRIS_FEATURES, IRIS_SPECIES
from ..evaluation import accuracy, loss_at, network_at, train_with_snapshots
from ..network import Network
from ..plots import decision_regions, hidden_plane_grid, output_regions, paint_regions, plane_grid, scatter_species
from .base import columns
from .snapshots import SnapshotWidget


@dataclass
class Frame:
    """What a snapshot widget shows at one snapshot: the epoch, its loss, the regions and the training accuracy.

    Attributes
    ----------
    epoch : int
    J : float
        The loss after ``epoch`` updates.
    regions : array (grid, grid) of int
        The class the network gives every grid point of the plane on show.
    accuracy : float
        The fraction of training flowers classified right.
    """

    epoch: int
    J: float
    regions: np.ndarray
    accuracy: float


@dataclass
class ReplayFrame(Frame):
    """A ``Frame`` of the replay widget, and the network with that snapshot's parameters (what the drawing shows)."""

    network: Network


class ReplayWidget(SnapshotWidget):
    """Scrub through the training of a ``[2, hidden, 3]`` network on two chosen Iris measurements.

    Attributes
    ----------
    play, epoch : the Play button and the epoch slider (linked)
    feature_x, feature_y : dropdowns choosing the two measurements; changing one retrains
    show_weights : checkbox: the network drawn below, large, with every weight and bias written on it
    net, history : the network trained on the chosen features, and its History
    frame : ReplayFrame of the snapshot on show
    marker : the Line2D marking that snapshot on the loss curve
    weight_labels, bias_labels : the Texts of the numbers (empty unless they are shown)
    code : the line under the plot, e.g.
        ``Network([2, 8, 3], seed=0).fit(X_train[:, [2, 3]], y_train, alpha=0.01, epochs=500)``:
        ``X_train, y_train`` stand for the flowers the widget was given (all
        four measurements; the names notebook 09 uses), the columns are the
        chosen measurements and ``epochs`` is the slider's epoch. It gives the
        network on show, whose J is the one in the status line.
    """

    def __init__(
        self,
        X,
        y,
        *,
        features=(2, 3),
        hidden=8,
        alpha=0.01,
        epochs=2000,
        record_every=25,
        feature_names=IRIS_FEATURES,
        target_names=IRIS_SPECIES,
        grid=60,
        seed=0,
        interval=200,
        show_weights=False,
    ):
        self.X = as_matrix("X", X)
        self.y = as_labels("y", y, n=len(self.X))
        self.feature_names, self.target_names = list(feature_names), list(target_names)
        if len(self.feature_names) != self.X.shape[1]:
            raise ValueError(
                f"feature_names must name the {self.X.shape[1]} columns of X; got {len(self.feature_names)}"
            )
        features = columns("features", features, self.X.shape[1])
        self.hidden, self.alpha, self.grid, self.seed = as_int("hidden", hidden, low=1), alpha, grid, seed
        options = [(name, i) for i, name in enumerate(self.feature_names)]
        self.feature_x = widgets.Dropdown(options=options, value=features[0], description="x axis")
        self.feature_y = widgets.Dropdown(options=options, value=features[1], description="y axis")
        self.show_weights = widgets.Checkbox(value=bool(show_weights), description="show weights")
        controls = [self.feature_x, self.feature_y, self.show_weights]
        super().__init__(controls, epochs, record_every, figsize=(13, 4), interval=interval)

    @property
    def features(self) -> tuple:
        """The column indices of the two chosen measurements."""
        return self.feature_x.value, self.feature_y.value

    def training_key(self):
        return self.features

    def layout_key(self):
        return self.show_weights.value

    @property
    def code(self) -> str:
        """The line that gives the network on show (see the class docstring for the names)."""
        columns = f"X_train[:, {list(self.features)}]"
        return self._fit_line([2, self.hidden, len(self.target_names)], columns, self.epoch.value)

    def train(self) -> None:
        """Train ``[2, hidden, 3]`` on the chosen columns; lay a grid over their plane."""
        self.X2 = self.X[:, list(self.features)]
        sizes = [2, self.hidden, len(self.target_names)]
        self.net, self.history = train_with_snapshots(
            self.X2, self.y, sizes, self.alpha, self.n_epochs, self.record_every, self.seed
        )
        self.points, self.extent = plane_grid(self.X2, self.grid)
        # One line-width scale for every snapshot, so the synapses visibly grow as training goes on.
        self.biggest_weight = max(float(np.abs(W).max()) for _, weights, _ in self.history.snapshots for W in weights)

    def compute(self) -> ReplayFrame:
        """The slider's snapshot: its loss, network, decision regions and accuracy."""
        epoch = self.snapshot[0]
        net = network_at(self.net, self.snapshot)
        regions = decision_regions(net, self.points, self.grid)
        self.frame = ReplayFrame(epoch, loss_at(self.history, epoch), regions, accuracy(net, self.X2, self.y), net)
        return self.frame

    def layout_figure(self) -> None:
        """The three panels and every artist that the snapshots only restyle.

        In a row; with "show weights" the network goes below the other two,
        across the whole width, so that its numbers have room.
        """
        fig, numbers = self.figure, self.show_weights.value
        if numbers:
            fig.set_size_inches(13, 7.6)
            fig.subplots_adjust(left=0.05, right=0.99, top=0.94, bottom=0.01, wspace=0.2, hspace=0.32)
            gs = fig.add_gridspec(2, 2, height_ratios=[1, 1.35])
            panels = gs[0, 0], gs[0, 1], gs[1, :]
        else:
            fig.set_size_inches(13, 4)
            fig.subplots_adjust(left=0.05, right=0.99, top=0.88, bottom=0.14, wspace=0.28)
            gs = fig.add_gridspec(1, 3, width_ratios=[1, 1, 1.25])
            panels = gs[0], gs[1], gs[2]
        self._loss_panel(fig.add_subplot(panels[0]))

        ax = self.regions_ax = fig.add_subplot(panels[1])
        self.regions_image = paint_regions(ax, self.extent, len(self.target_names), self.grid)
        scatter_species(ax, self.X2, self.y, self.target_names)
        ax.set_xlabel(f"{self.feature_names[self.features[0]]} (cm)")
        ax.set_ylabel(f"{self.feature_names[self.features[1]]} (cm)")
        ax.legend(loc="upper left", fontsize="small", framealpha=0.9)

        self.network_ax = fig.add_subplot(panels[2])
        short = [self.feature_names[i].replace("_", " ") for i in self.features]
        plots.draw_network(
            self.net, ax=self.network_ax, input_names=short, output_names=self.target_names, show_values=numbers
        )
        # draw_network draws one line per weight, layer by layer, row by row: W1[0, 0], W1[0, 1], ...
        # Each snapshot restyles these lines, on one scale for all snapshots (draw_network scales
        # every drawing to its own largest weight, which would hide that the weights grow).
        self.synapses = list(self.network_ax.lines)
        if len(self.synapses) != sum(W.size for W in self.net.weights):  # pragma: no cover - a changed draw_network
            raise RuntimeError("plots.draw_network no longer draws one line per weight")
        # The numbers, in the same order (weights) and b1, b2 (biases); a snapshot only changes their texts.
        self.weight_labels = [t for t in self.network_ax.texts if t.get_gid() == "weight"]
        self.bias_labels = [t for t in self.network_ax.texts if t.get_gid() == "bias"]
        self.values_note = self.network_ax.get_title().split("\n")[1] if numbers else ""
        if not numbers:
            self.network_ax.set_xlim(-4.2, 9.4)  # room for the long measurement names in the narrow panel

    def moving_artists(self) -> list:
        regions, network = self.regions_ax, self.network_ax
        return [
            *(self.marker_line, self.marker),  # on the loss curve
            *(self.regions_image, *regions.collections, regions.get_legend(), regions.title),  # flowers over regions
            *(*self.synapses, *network.collections, network.title),  # neurons over synapses
            *(*self.weight_labels, *self.bias_labels),  # numbers over both
        ]

    def draw(self) -> None:
        """Show the snapshot: move the marker, repaint the regions, restyle the synapses."""
        frame = self.compute()
        self._move_marker(frame.epoch, frame.J)
        self.regions_image.set_data(frame.regions)
        self.regions_ax.set_title(f"Decision regions at epoch {frame.epoch}")
        weights = np.concatenate([W.ravel() for W in frame.network.weights])  # the order draw_network drew them
        for line, w in zip(self.synapses, weights):
            line.set_color(plots.BLUE if w >= 0 else plots.VERMILLION)
            line.set_linestyle("-" if w >= 0 else "--")
            line.set_linewidth(0.3 + 6.0 * abs(w) / self.biggest_weight)
        for label, w in zip(self.weight_labels, weights):
            label.set_text(f"{w:.2f}")
        biases = np.concatenate(frame.network.biases) if self.bias_labels else []
        for label, b in zip(self.bias_labels, biases):
            label.set_text(f"{b:.2f}")
        colours = "blue = positive, dashed vermillion = negative"
        note = f"; {self.values_note}" if self.show_weights.value else ""
        self.network_ax.set_title(f"Weights at epoch {frame.epoch}\n{colours}{note}")
        self.status.value = (
            f"epoch {frame.epoch} of {self.n_epochs}: J = {frame.J:.4g}, "
            f"training accuracy {frame.accuracy:.1%} &nbsp; (press ▶ to replay, drag the slider to go back)"
        )


def replay_widget(X, y, **options) -> ReplayWidget:
    """Train ``[2, hidden, 3]`` on two measurements once; then replay training with a Play button and a slider.

    Parameters
    ----------
    X, y : the training flowers (all four measurements) and their species

    Other Parameters
    ----------------
    features : two column indices of X; dropdowns change them (and retrain) [(2, 3)]
    hidden : neurons in the hidden layer [8]
    alpha, epochs : the training run (J is summed over the flowers, as in ``Network.fit``) [0.01, 2000]
    record_every : keep a snapshot every this many epochs (``epochs`` must be a multiple of it) [25]
    feature_names, target_names : the measurements' and the species' names [Iris's]
    grid : the decision regions are predicted on a ``grid`` x ``grid`` raster [60]
    seed : the network's seed [0]
    interval : milliseconds per snapshot when playing [200]
    show_weights : start with the "show weights" box ticked: every weight and
        bias written on the network (for at most 40 synapses, ``hidden <= 8``) [False]

    Under the plot, the line that gives the network on show (``ReplayWidget.code``).

    Examples
    --------
    >>> from nosmoke_lib import load_iris, split
    >>> iris = load_iris(); X, _, y, _ = split(iris.X, iris.y)
    >>> w = replay_widget(X, y, epochs=200, record_every=20)
    >>> w.epoch.value = 100  # what dragging the slider does: no training, just snapshot 5
    >>> w.frame.epoch, len(w.history.snapshots)
    (100, 11)
    """
    return ReplayWidget(X, y, **options)


# -- 2. the hidden layer as a picture: a 2-neuron representation -----------------------------------


@dataclass
class RepresentationFrame(Frame):
    """A ``Frame`` of the representation widget, and ``A2`` (n_samples, 2): every flower's place in the hidden plane."""

    A2: np.ndarray


class RepresentationWidget(SnapshotWidget):
    """A ``[n_features, 2, 3]`` network: its hidden layer A2 drawn as a plane, snapshot by snapshot.

    Attributes
    ----------
    play, epoch : the Play button and the epoch slider (linked)
    net, history : the trained network and its History
    frame : RepresentationFrame of the snapshot on show
    points : one scatter (PathCollection) per species; its offsets are that species' rows of A2
    marker : the Line2D marking the snapshot on the loss curve
    code : the line under the plot, e.g.
        ``Network([4, 2, 3], seed=0).fit(X_train, y_train, alpha=0.01, epochs=500)``, where
        ``X_train, y_train`` stand for the flowers the widget was given (the
        names notebook 09 uses) and ``epochs`` is the slider's epoch
    """

    def __init__(self, X, y, alpha, epochs, record_every, target_names, grid, seed, interval):
        self.X = as_matrix("X", X)
        self.y = as_labels("y", y, n=len(self.X))
        self.target_names, self.alpha, self.grid, self.seed = list(target_names), alpha, grid, seed
        super().__init__([], epochs, record_every, figsize=(10, 4), interval=interval)

    @property
    def code(self) -> str:
        """The line that gives the network on show (see the class docstring for the names)."""
        return self._fit_line([self.X.shape[1], 2, len(self.target_names)], "X_train", self.epoch.value)

    def train(self) -> None:
        sizes = [self.X.shape[1], 2, len(self.target_names)]
        self.net, self.history = train_with_snapshots(
            self.X, self.y, sizes, self.alpha, self.n_epochs, self.record_every, self.seed
        )
        self.grid_points, self.extent = hidden_plane_grid(self.grid)

    def compute(self) -> RepresentationFrame:
        """Where every flower sits in the hidden plane at the slider's snapshot."""
        epoch = self.snapshot[0]
        net = network_at(self.net, self.snapshot)
        A2 = net.forward(self.X)[1]
        regions = output_regions(net, self.grid_points, self.grid)
        self.frame = RepresentationFrame(
            epoch, loss_at(self.history, epoch), regions, accuracy(net, self.X, self.y), A2
        )
        return self.frame

    def layout_figure(self) -> None:
        fig = self.figure
        fig.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.13, wspace=0.55)
        gs = fig.add_gridspec(1, 2, width_ratios=[1.1, 1])
        ax = self.hidden_ax = fig.add_subplot(gs[0])
        self.regions_image = paint_regions(ax, self.extent, len(self.target_names), self.grid, tint=0.7)
        self.points = scatter_species(ax, np.zeros((len(self.X), 2)), self.y, self.target_names)
        ax.set_xlim(self.extent[:2])
        ax.set_ylim(self.extent[2:])
        ax.set_xlabel("hidden neuron 1 (A2[:, 0])")
        ax.set_ylabel("hidden neuron 2 (A2[:, 1])")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", framealpha=0.9)
        self._loss_panel(fig.add_subplot(gs[1]))

    def moving_artists(self) -> list:
        return [self.regions_image, *self.points, self.hidden_ax.title, self.marker_line, self.marker]

    def draw(self) -> None:
        """Show the snapshot: move the flowers and the marker, repaint the output layer's regions."""
        frame = self.compute()
        for c, scatter in enumerate(self.points):
            scatter.set_offsets(frame.A2[self.y == c])
        self.regions_image.set_data(frame.regions)
        self.hidden_ax.set_title(f"The flowers in the hidden layer, epoch {frame.epoch}")
        self._move_marker(frame.epoch, frame.J)
        self.status.value = (
            f"epoch {frame.epoch} of {self.n_epochs}: J = {frame.J:.4g}, training accuracy {frame.accuracy:.1%}."
            " Tinted: the species the output layer gives each point of the hidden plane."
        )


def representation_widget(
    X,
    y,
    alpha=0.01,
    epochs=2000,
    record_every=25,
    target_names=IRIS_SPECIES,
    grid=60,
    seed=0,
    interval=200,
) -> RepresentationWidget:
    """Train a network with a 2-neuron hidden layer; replay where the flowers sit in that layer.

    Examples
    --------
    >>> from nosmoke_lib import load_iris, split
    >>> iris = load_iris(); X, _, y, _ = split(iris.X, iris.y)
    >>> w = representation_widget(X, y, epochs=200, record_every=20)
    >>> w.epoch.value = 0
    >>> w.frame.A2.shape
    (60, 2)
    """
    return RepresentationWidget(X, y, alpha, epochs, record_every, target_names, grid, seed, interval)
