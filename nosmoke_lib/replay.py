"""Watch a network learn: replay training, see the hidden representation, catch overfitting.

Three things no course shows with a play button:

- ``replay_widget``: train once, keeping a snapshot of the weights every few
  epochs, then scrub through training. At each snapshot you see where the
  loss curve was, how the network split the plane of two measurements into
  species (its decision regions), and the weights in the network drawing.
  Going back is free: the slider loads a snapshot, it never retrains.
- ``representation_widget``: a network with a hidden layer of only two
  neurons, so its hidden layer ``A2`` can be drawn as a plane. Training moves
  the flowers around in that plane until the species lie apart: the network
  *learned a representation* of the data.
- ``train_test_curves``, ``overfitting_widget`` and ``learning_curve``: the
  loss on flowers the network trained on against flowers it never saw, and
  how many flowers it needs.

As in ``widgets``, computing and drawing are separate: ``compute`` returns
numbers a test can check, ``draw`` only plots them. And as ``TrainingWidget``,
every widget shows under its plot the line of Python that reproduces what it
shows (its ``code``), to copy into a cell and take home.
"""

from __future__ import annotations

import html
import io
import statistics
import time
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap, to_rgb

from . import plots
from ._validate import as_int, as_labels, as_matrix
from .data import IRIS_FEATURES, IRIS_SPECIES, scaler, split
from .network import History, Network
from .widgets import FigureWidget

#: One colour (Okabe–Ito, as in the run-case widget) and one marker per species.
SPECIES_COLORS = [plots.OKABE_ITO[1], plots.OKABE_ITO[2], plots.OKABE_ITO[3]]
SPECIES_MARKERS = ["o", "s", "^"]


def _light(color, amount=0.6):
    """``color`` mixed with ``amount`` of white: a background tint for a region."""
    return tuple(c + (1 - c) * amount for c in to_rgb(color))


def _code_html(*lines) -> str:
    """Lines of Python as HTML that one click selects whole, ready to copy into a cell."""
    code = "<br>".join(html.escape(line) for line in lines)
    return f"<code style='user-select:all'>{code}</code>"


# -- computing: numbers only, no drawing -----------------------------------------------------------


def train_with_snapshots(X, y, sizes, alpha, epochs, record_every, seed=0):
    """Train a fresh ``Network(sizes, seed=seed)`` and keep its weights every ``record_every`` epochs.

    Returns
    -------
    net : Network
        The trained network (its parameters are those of the last snapshot).
    history : History
        ``history.snapshots[k]`` is ``(epoch, weights, biases)`` after ``epoch`` updates.

    Examples
    --------
    >>> net, hist = train_with_snapshots([[0, 0], [1, 1]], [0, 1], [2, 2, 2], 0.5, epochs=100, record_every=50)
    >>> [epoch for epoch, _, _ in hist.snapshots]
    [0, 50, 100]
    """
    net = Network(sizes, seed=seed)
    history = net.fit(X, y, alpha=alpha, epochs=epochs, record_every=record_every, progress=False)
    return net, history


def network_at(net, snapshot) -> Network:
    """A copy of ``net`` holding the parameters of one snapshot ``(epoch, weights, biases)``."""
    _, weights, biases = snapshot
    twin = net.copy()
    twin.set_parameters(weights, biases)
    return twin


def loss_at(history, epoch) -> float:
    """J after ``epoch`` updates: ``initial_loss`` for epoch 0, else ``history.loss[epoch - 1]``."""
    return history.initial_loss if epoch == 0 else float(history.loss[epoch - 1])


def plane_grid(X2, size=60, margin=0.5):
    """A ``size`` x ``size`` grid of points covering the samples ``X2`` (two columns), plus a margin.

    Returns
    -------
    points : array (size * size, 2)
        Every grid point, one per row: ready for ``net.predict``.
    extent : (x_min, x_max, y_min, y_max)
        The rectangle the grid covers (for ``imshow``).
    """
    X2 = as_matrix("X2", X2, n_cols=2)
    (x_min, y_min), (x_max, y_max) = X2.min(axis=0) - margin, X2.max(axis=0) + margin
    xs, ys = np.linspace(x_min, x_max, size), np.linspace(y_min, y_max, size)
    gx, gy = np.meshgrid(xs, ys)  # row r of the grid is one y value: the picture's row r
    return np.column_stack([gx.ravel(), gy.ravel()]), (x_min, x_max, y_min, y_max)


def decision_regions(net, points, size):
    """The class ``net`` predicts at every grid point, as a ``size`` x ``size`` picture (row = y)."""
    return net.predict(points).reshape(size, size)


def accuracy(net, X, y) -> float:
    """The fraction of samples whose predicted class is their class."""
    return float(np.mean(net.predict(X) == np.asarray(y)))


# -- the play button and the epoch slider, shared by the two replay widgets -----------------------


class SnapshotWidget(FigureWidget):
    """A Play button linked to an epoch slider over the snapshots of one training run.

    The slider's value is an epoch (a multiple of ``record_every``); moving it
    loads that snapshot's weights and redraws, without training. The Play
    button moves the slider in the browser (``jslink``), one snapshot per
    ``interval`` milliseconds.

    Subclasses set ``self.net`` and ``self.history`` (in ``train``), compute
    a frame for an epoch (``compute``), draw it (``draw``) and say how to get
    it (``code``: the line under the plot, kept up to date as the slider moves).
    """

    def __init__(self, extra_controls, epochs, record_every, figsize, interval=200):
        self.n_epochs = as_int("epochs", epochs, low=1)
        self.record_every = as_int("record_every", record_every, low=1)
        if self.n_epochs % self.record_every:
            raise ValueError(
                f"epochs must be a multiple of record_every, so the slider can reach every snapshot;"
                f" got epochs={epochs}, record_every={record_every}"
            )
        slider = dict(value=epochs, min=0, max=epochs, step=record_every)
        self.play = widgets.Play(interval=interval, **slider)
        self.epoch = widgets.IntSlider(description="epoch", continuous_update=True, **slider)
        widgets.jslink((self.play, "value"), (self.epoch, "value"))
        self._trained_on = self._laid_out_for = None
        self.code_box = widgets.HTML()
        super().__init__([self.play, self.epoch, *extra_controls], figsize=figsize)
        self.children = (*self.children, self.code_box)
        self.play.unobserve(self._changed, names="value")  # the slider it moves redraws; not twice

    @property
    def snapshot(self):
        """The snapshot ``(epoch, weights, biases)`` the slider points at."""
        return self.history.snapshots[self.epoch.value // self.record_every]

    def training_key(self):
        """What training depends on; a change of it retrains (the epoch slider is not part of it)."""
        return ()

    def layout_key(self):
        """What the figure's layout depends on besides training; a change of it lays the figure out anew."""
        return ()

    def train(self) -> None:  # pragma: no cover - every subclass trains
        raise NotImplementedError

    @property
    def code(self) -> str:  # pragma: no cover - every subclass says how to get its network
        """The line of Python that gives the network on show."""
        raise NotImplementedError

    def _fit_line(self, sizes, X_name, epoch) -> str:
        """``Network(sizes, seed=...).fit(X_name, y_train, alpha=..., epochs=epoch)``; untrained at epoch 0."""
        untrained = f"Network({list(sizes)}, seed={self.seed})"
        if epoch == 0:
            return untrained
        return f"{untrained}.fit({X_name}, y_train, alpha={float(self.alpha)!r}, epochs={epoch})"

    def update(self) -> None:
        """Retrain only if the training settings changed; then draw the slider's snapshot and its code."""
        if self._trained_on != self.training_key():
            self.train()
            self._trained_on = self.training_key()
        if self._laid_out_for != (self._trained_on, self.layout_key()):
            self.figure.clear()
            self.layout_figure()
            self._draw_background()
            self._laid_out_for = (self._trained_on, self.layout_key())
        self.draw()
        self.image.value = self._snapshot_png()
        self.code_box.value = _code_html(self.code)

    def layout_figure(self) -> None:  # pragma: no cover - every subclass lays out its panels
        raise NotImplementedError

    def moving_artists(self) -> list:  # pragma: no cover - every subclass names them
        """What changes from one snapshot to the next, in drawing order (the rest is drawn once)."""
        raise NotImplementedError

    # Blitting: a full matplotlib draw of the figure (axes, ticks, labels, every line) takes
    # most of a redraw. The parts that are the same at every snapshot are drawn once per
    # training run and kept as pixels; a snapshot pastes them and draws only what moves.

    def _draw_background(self) -> None:
        """Draw everything but the moving artists once, and keep the pixels."""
        self.canvas = FigureCanvasAgg(self.figure)
        for artist in self.moving_artists():
            artist.set_animated(True)  # left out of a full draw
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)

    def _snapshot_png(self) -> bytes:
        """The kept background with the moving artists drawn on top, as PNG bytes."""
        self.canvas.restore_region(self.background)
        for artist in self.moving_artists():
            self.figure.draw_artist(artist)
        pixels = np.asarray(self.canvas.buffer_rgba())[:, :, :3]
        buffer = io.BytesIO()
        PIL.Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def step_seconds(self, repeats=15) -> float:
        """The median time of one redraw after the slider moved to another snapshot (no training)."""
        start_value, times = self.epoch.value, []
        epochs = range(0, self.n_epochs + 1, self.record_every)
        for k in range(repeats):
            self._paused = True  # move the slider without redrawing: the redraw is timed below
            self.epoch.value = epochs[(start_value // self.record_every + 1 + k) % len(epochs)]
            self._paused = False
            start = time.perf_counter()
            self.update()
            times.append(time.perf_counter() - start)
        self.epoch.value = start_value
        return statistics.median(times)

    def _loss_panel(self, ax):
        """The loss curve of the whole run, and the marker that shows where the slider is."""
        plots.plot_loss(self.history, ax=ax)
        ax.margins(y=0.08)  # room for the marker at either end
        ax.set_title("Loss: where training is")
        (self.marker,) = ax.plot([], [], marker="o", markersize=9, color=plots.VERMILLION, linestyle="none")
        self.marker_line = ax.axvline(0, color=plots.VERMILLION, linestyle=":", linewidth=1)

    def _move_marker(self, epoch, J):
        self.marker.set_data([epoch], [J])
        self.marker_line.set_xdata([epoch, epoch])


# -- 1. replay: loss, decision regions and weights at every snapshot -------------------------------


@dataclass
class ReplayFrame:
    """What the replay widget shows at one snapshot.

    Attributes
    ----------
    epoch : int
    J : float
        The loss after ``epoch`` updates.
    network : Network
        The network with that snapshot's parameters (what the drawing shows).
    regions : array (grid, grid) of int
        The predicted class at every grid point of the two features' plane.
    accuracy : float
        The fraction of training flowers classified right.
    """

    epoch: int
    J: float
    network: Network
    regions: np.ndarray
    accuracy: float


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
        features,
        hidden,
        alpha,
        epochs,
        record_every,
        feature_names,
        target_names,
        grid,
        seed,
        interval,
        show_weights=False,
    ):
        self.X = as_matrix("X", X)
        self.y = as_labels("y", y, n=len(self.X))
        self.feature_names, self.target_names = list(feature_names), list(target_names)
        if len(self.feature_names) != self.X.shape[1]:
            raise ValueError(
                f"feature_names must name the {self.X.shape[1]} columns of X; got {len(self.feature_names)}"
            )
        if len(features) != 2:
            raise ValueError(f"features must be two column indices, e.g. (2, 3); got {features!r}")
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
        self.frame = ReplayFrame(epoch, loss_at(self.history, epoch), net, regions, accuracy(net, self.X2, self.y))
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
        k = len(self.target_names)
        colours = ListedColormap([_light(SPECIES_COLORS[c % 3]) for c in range(k)])
        self.regions_image = ax.imshow(
            np.zeros((self.grid, self.grid)),
            extent=self.extent,
            origin="lower",
            aspect="auto",
            cmap=colours,
            vmin=-0.5,
            vmax=k - 0.5,
            interpolation="nearest",
        )
        _scatter_species(ax, self.X2, self.y, self.target_names)
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


def replay_widget(
    X,
    y,
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
) -> ReplayWidget:
    """Train ``[2, hidden, 3]`` on two measurements once; then replay training with a Play button and a slider.

    Parameters
    ----------
    X, y : the training flowers (all four measurements) and their species
    features : two column indices of X; dropdowns change them (and retrain)
    hidden : neurons in the hidden layer
    alpha, epochs : the training run (J is summed over the flowers, as in ``Network.fit``)
    record_every : keep a snapshot every this many epochs (``epochs`` must be a multiple of it)
    grid : the decision regions are predicted on a ``grid`` x ``grid`` raster
    interval : milliseconds per snapshot when playing
    show_weights : start with the "show weights" box ticked: every weight and
        bias written on the network (for at most 40 synapses, ``hidden <= 8``)

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
    return ReplayWidget(
        X,
        y,
        features,
        hidden,
        alpha,
        epochs,
        record_every,
        feature_names,
        target_names,
        grid,
        seed,
        interval,
        show_weights,
    )


# -- 2. the hidden layer as a picture: a 2-neuron representation -----------------------------------


@dataclass
class RepresentationFrame:
    """What the representation widget shows at one snapshot.

    Attributes
    ----------
    epoch : int
    J : float
    A2 : array (n_samples, 2)
        Every flower's hidden layer output: where it sits in the hidden plane.
    regions : array (grid, grid) of int
        The class the output layer gives every point of the hidden plane.
    accuracy : float
    """

    epoch: int
    J: float
    A2: np.ndarray
    regions: np.ndarray
    accuracy: float


def hidden_plane_grid(size=60):
    """A grid over the unit square and a little beyond: a sigmoid hidden layer's outputs lie inside it."""
    return plane_grid(np.array([[0.0, 0.0], [1.0, 1.0]]), size, margin=0.04)


def output_regions(net, points, size):
    """The class the output layer alone gives every point of the hidden plane: argmax f(A2 @ W2 + b2)."""
    W2, act = net.weights[-1], net.activations[-1]
    b2 = net.biases[-1] if net.bias else 0.0
    return np.argmax(act.f(points @ W2 + b2), axis=1).reshape(size, size)


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
            epoch, loss_at(self.history, epoch), A2, regions, accuracy(net, self.X, self.y)
        )
        return self.frame

    def layout_figure(self) -> None:
        fig = self.figure
        fig.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.13, wspace=0.55)
        gs = fig.add_gridspec(1, 2, width_ratios=[1.1, 1])
        ax = self.hidden_ax = fig.add_subplot(gs[0])
        k = len(self.target_names)
        colours = ListedColormap([_light(SPECIES_COLORS[c % 3], 0.7) for c in range(k)])
        self.regions_image = ax.imshow(
            np.zeros((self.grid, self.grid)),
            extent=self.extent,
            origin="lower",
            aspect="auto",
            cmap=colours,
            vmin=-0.5,
            vmax=k - 0.5,
            interpolation="nearest",
        )
        self.points = _scatter_species(ax, np.zeros((len(self.X), 2)), self.y, self.target_names)
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


# -- 3. overfitting: flowers it trained on against flowers it never saw ----------------------------


def hold_out_test_set(X, y, n_test=50, seed=0):
    """Put ``n_test`` flowers aside for testing (stratified); the rest is the pool training sets come from.

    Returns
    -------
    X_pool, X_test, y_pool, y_test
    """
    X = as_matrix("X", X)
    return split(X, y, n_train=len(X) - n_test, n_test=n_test, seed=seed)


def training_subset(X_pool, y_pool, n_train, seed=0):
    """``n_train`` flowers of the pool, every species keeping its share (``nosmoke_lib.split``)."""
    n_train = as_int("n_train", n_train, low=1, high=len(X_pool))
    if n_train == len(X_pool):
        return np.asarray(X_pool, dtype=float), np.asarray(y_pool)
    X_train, _, y_train, _ = split(X_pool, y_pool, n_train=n_train, n_test=len(X_pool) - n_train, seed=seed)
    return X_train, y_train


def train_test_data(X, y, n_train=10, features=(0, 1), n_test=50, seed=0, standardize=True):
    """The flowers ``train_test_curves`` trains and tests on: ``X_few, X_new, y_few, y_new``.

    ``n_test`` flowers are put aside (the same ones for every ``n_train`` and
    ``seed``); ``n_train`` of the others are drawn for training (``seed``
    picks which). With ``standardize``, each measurement is scaled to mean 0
    and sd 1 with the numbers of the training flowers only.

    Examples
    --------
    >>> from nosmoke_lib import load_iris
    >>> iris = load_iris()
    >>> X_few, X_new, y_few, y_new = train_test_data(iris.X, iris.y, n_train=10, seed=1)
    >>> X_few.shape, X_new.shape, round(float(abs(X_few.mean(axis=0)).max()), 6)
    ((10, 2), (50, 2), 0.0)
    """
    X = as_matrix("X", X)[:, list(features)]
    X_pool, X_test, y_pool, y_test = hold_out_test_set(X, y, n_test)
    X_train, y_train = training_subset(X_pool, y_pool, n_train, seed)
    if standardize:
        scale = scaler(X_train, "standard")
        X_train, X_test = scale.transform(X_train), scale.transform(X_test)
    return X_train, X_test, y_train, y_test


@dataclass
class TrainTestCurves:
    """The loss per flower on the training and on the test flowers, as training goes on.

    Attributes
    ----------
    epochs : array of int
        The epochs at which both losses were measured.
    train_J, test_J : arrays
        J divided by the number of flowers (so sets of different sizes compare).
    train_accuracy, test_accuracy : float
        After the last epoch.
    n_train, hidden : int
    network : Network
        The trained network.
    history : History
        Its training run (``history.final_loss`` is J summed over the training flowers).
    """

    epochs: np.ndarray
    train_J: np.ndarray
    test_J: np.ndarray
    train_accuracy: float
    test_accuracy: float
    n_train: int
    hidden: int
    network: Network
    history: History | None = None

    @property
    def gap(self) -> np.ndarray:
        """test J - train J per flower, at every measured epoch: how much worse unseen flowers do."""
        return self.test_J - self.train_J


def train_test_curves(
    X,
    y,
    n_train=10,
    hidden=32,
    epochs=1000,
    features=(0, 1),
    alpha=None,
    n_test=50,
    seed=0,
    record_every=None,
    standardize=True,
) -> TrainTestCurves:
    """Train ``[len(features), hidden, 3]`` on ``n_train`` flowers; follow J on them and on ``n_test`` others.

    Parameters
    ----------
    X, y : all flowers (e.g. the 150 of Iris) and their species
    n_train : how many of the pool's flowers to train on (stratified)
    hidden : neurons in the hidden layer
    epochs : training epochs
    features : the columns of X to use; the default, sepal length and width,
        is the hard part of Iris: versicolor and virginica overlap there, so a
        network that memorises its few flowers shows it on the others
    alpha : learning rate; None uses ``5 / n_train``. J is summed over the
        flowers, so its gradient grows with their number: dividing by
        ``n_train`` takes the same step per flower for every training-set size
    n_test : flowers put aside for testing, the same ones for every ``n_train``
    seed : which flowers are drawn for training (the network's seed too)
    standardize : scale each measurement to mean 0, sd 1, fitted on the
        training flowers only (the test flowers must not leak into training)

    Examples
    --------
    >>> from nosmoke_lib import load_iris
    >>> iris = load_iris()
    >>> curves = train_test_curves(iris.X, iris.y, n_train=10, hidden=4, epochs=100)
    >>> curves.epochs.tolist()[-1], curves.train_J.shape == curves.test_J.shape
    (100, True)
    """
    X_train, X_test, y_train, y_test = train_test_data(X, y, n_train, features, n_test, seed, standardize)
    alpha = 5.0 / n_train if alpha is None else alpha
    record_every = record_every or max(1, epochs // 100)
    net, history = train_with_snapshots(
        X_train, y_train, [len(features), hidden, int(np.max(y)) + 1], alpha, epochs, record_every, seed
    )
    measured, train_J, test_J = [], [], []
    for snapshot in history.snapshots:
        probe = network_at(net, snapshot)
        measured.append(snapshot[0])
        train_J.append(probe.loss(X_train, y_train) / len(X_train))
        test_J.append(probe.loss(X_test, y_test) / len(X_test))
    return TrainTestCurves(
        np.array(measured),
        np.array(train_J),
        np.array(test_J),
        accuracy(net, X_train, y_train),
        accuracy(net, X_test, y_test),
        len(X_train),
        hidden,
        net,
        history,
    )


def plot_train_test(curves, ax=None, title=None, log_epochs=True):
    """The training and the test loss per flower against the epoch, the gap between them shaded.

    Parameters
    ----------
    curves : TrainTestCurves
    log_epochs : bool
        A log scale for the epochs (epoch 0 left out): the early epochs, where
        most happens, get as much room as the late ones.

    Returns
    -------
    (Line2D, Line2D): the training and the test curve
    """
    ax = plots._axes(ax)
    keep = curves.epochs > 0 if log_epochs else slice(None)
    epochs, train_J, test_J = curves.epochs[keep], curves.train_J[keep], curves.test_J[keep]
    (train,) = ax.plot(epochs, train_J, color=plots.BLUE, label=f"training ({curves.n_train} flowers)")
    (test,) = ax.plot(epochs, test_J, color=plots.ORANGE, linestyle="--", label="test (never seen)")
    ax.fill_between(epochs, train_J, test_J, color=plots.ORANGE, alpha=0.15, linewidth=0, label="the gap")
    if log_epochs:
        ax.set_xscale("log")
    ax.set_xlabel("epoch" + (" (log scale)" if log_epochs else ""))
    ax.set_ylabel("J per flower")
    ax.set_ylim(bottom=0)
    ax.set_title(title or f"{curves.hidden} hidden neurons, {curves.n_train} training flowers")
    ax.legend(loc="lower left")
    return train, test


class OverfittingWidget(FigureWidget):
    """Sliders for the hidden width, the training flowers, the epochs and their draw -> train and test J.

    Beside the plot: accuracy on the training and the test flowers, and the
    final loss. Under it: the lines of Python that give the same network.

    Attributes
    ----------
    hidden, n_train, epochs, seed : the sliders (each retrains when released);
        ``seed`` picks which flowers are drawn for training
    curves : TrainTestCurves of the last run
    X_few, X_new, y_few, y_new : the (scaled) training and test flowers of the last run
    data_code, code : the two lines under the plot, e.g.
        ``X_few, X_new, y_few, y_new = replay.train_test_data(iris.X, iris.y, n_train=10, seed=1)``
        and ``Network([2, 32, 3], seed=1).fit(X_few, y_few, alpha=5 / 10, epochs=1000)``.
        ``iris.X, iris.y`` stand for the flowers the widget was given (the
        names notebook 09 uses); ``X_few, y_few`` are the training flowers
        the sliders chose, scaled, as in the notebook's ``train_test_J``. The
        ``History`` that ``code`` returns has the widget's final J.
    """

    def __init__(self, X, y, hidden, n_train, epochs, features, n_test, seed):
        self.X, self.y, self.features, self.n_test = X, y, tuple(features), n_test
        largest = len(X) - n_test - 3  # split leaves at least one flower per species out of a subset

        def slider(description, value, low, high, step=1):
            return widgets.IntSlider(
                value=value, min=low, max=high, step=step, description=description, continuous_update=False
            )

        self.hidden = slider("hidden", hidden, 1, 64)
        self.n_train = slider("flowers", n_train, 6, largest)
        self.epochs = slider("epochs", epochs, 100, 10000, step=100)
        self.seed = slider("seed", seed, 0, 9)
        self.code_box = widgets.HTML()
        super().__init__([self.hidden, self.n_train, self.epochs, self.seed], figsize=(8.6, 3.6))
        self.children = (*self.children, self.code_box)

    @property
    def data_code(self) -> str:
        """The line that prepares the sliders' flowers (see the class docstring for the names)."""
        options = f"n_train={self.n_train.value}"
        options += f", features={self.features}" if self.features != (0, 1) else ""
        options += f", n_test={self.n_test}" if self.n_test != 50 else ""
        return f"X_few, X_new, y_few, y_new = replay.train_test_data(iris.X, iris.y, {options}, seed={self.seed.value})"

    @property
    def code(self) -> str:
        """The line that trains the network on show; returns its History (see the class docstring)."""
        sizes = [len(self.features), self.hidden.value, int(np.max(self.y)) + 1]
        fit = f"alpha=5 / {self.n_train.value}, epochs={self.epochs.value}"  # train_test_curves' alpha, exactly
        return f"Network({sizes}, seed={self.seed.value}).fit(X_few, y_few, {fit})"

    def compute(self) -> TrainTestCurves:
        """Train on the sliders' settings; the losses on training and test flowers as training went."""
        self.X_few, self.X_new, self.y_few, self.y_new = train_test_data(
            self.X, self.y, self.n_train.value, self.features, self.n_test, self.seed.value
        )
        self.curves = train_test_curves(
            self.X,
            self.y,
            self.n_train.value,
            self.hidden.value,
            self.epochs.value,
            self.features,
            n_test=self.n_test,
            seed=self.seed.value,
        )
        return self.curves

    def draw(self) -> None:
        curves = self.compute()
        self.figure.subplots_adjust(right=0.7)  # room for the numbers on the right
        plot_train_test(curves, ax=self.figure.add_subplot())
        final_J = curves.history.final_loss
        numbers = (
            f"after {curves.epochs[-1]} epochs\n\n"
            f"accuracy\n  training  {curves.train_accuracy:6.1%}\n  test      {curves.test_accuracy:6.1%}\n\n"
            f"final J   {final_J:.4g}\n\n"
            f"J per flower\n  training  {curves.train_J[-1]:.4f}\n  test      {curves.test_J[-1]:.4f}"
        )
        self.numbers = self.figure.text(0.73, 0.88, numbers, va="top", ha="left", family="monospace")
        self.status.value = (
            f"final J = {final_J:.4g} &nbsp; accuracy on the {curves.n_train} training flowers "
            f"{curves.train_accuracy:.1%}, on the {self.n_test} test flowers {curves.test_accuracy:.1%}; "
            f"J per flower: training {curves.train_J[-1]:.3f}, test {curves.test_J[-1]:.3f}"
        )
        self.code_box.value = _code_html(self.data_code, self.code)


def overfitting_widget(X, y, hidden=32, n_train=10, epochs=1000, features=(0, 1), n_test=50, seed=1):
    """Train and test loss per flower, with sliders for hidden width, training flowers, epochs and their draw.

    Few flowers and many neurons (or epochs): the training loss goes to 0,
    the test loss does not follow, and the shaded gap between them is
    overfitting. The default draw (``seed=1``) of 10 flowers shows it
    clearly; the ``seed`` slider draws others. See ``train_test_curves``
    for the parameters. Beside the plot: the accuracies and the final J;
    under it, the code that gives the same network (``OverfittingWidget.code``).
    """
    return OverfittingWidget(X, y, hidden, n_train, epochs, features, n_test, seed)


@dataclass
class LearningCurve:
    """Accuracy and loss per flower against the size of the training set (means over ``seeds``)."""

    sizes: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    train_J: np.ndarray
    test_J: np.ndarray


def learning_curve(
    X,
    y,
    sizes=(6, 10, 20, 40, 90),
    hidden=8,
    epochs=1000,
    features=(0, 1, 2, 3),
    seeds=(0, 1, 2),
    n_test=50,
) -> LearningCurve:
    """How many flowers do you need? Train on ``sizes`` flowers each and test on the same ``n_test``.

    Every size is trained once per seed (a different draw of flowers and of
    starting weights) and the results are averaged.

    Examples
    --------
    >>> from nosmoke_lib import load_iris
    >>> iris = load_iris()
    >>> curve = learning_curve(iris.X, iris.y, sizes=[6, 30], epochs=100, seeds=[0])
    >>> curve.sizes.tolist(), curve.test_accuracy.shape
    ([6, 30], (2,))
    """
    rows = []
    for n in sizes:
        runs = [
            train_test_curves(X, y, n, hidden, epochs, features, n_test=n_test, seed=s, record_every=epochs)
            for s in seeds
        ]
        rows.append([np.mean([getattr(r, name) for r in runs]) for name in ("train_accuracy", "test_accuracy")])
        rows[-1] += [np.mean([r.train_J[-1] for r in runs]), np.mean([r.test_J[-1] for r in runs])]
    columns = np.array(rows).T
    return LearningCurve(np.array(sizes), *columns)


def plot_learning_curve(curve, ax=None):
    """Training and test accuracy against the number of training flowers.

    Returns
    -------
    (Line2D, Line2D): training and test accuracy
    """
    ax = plots._axes(ax)
    (train,) = ax.plot(curve.sizes, curve.train_accuracy, color=plots.BLUE, marker="o", label="training flowers")
    (test,) = ax.plot(
        curve.sizes, curve.test_accuracy, color=plots.ORANGE, marker="s", linestyle="--", label="test flowers"
    )
    ax.set_xlabel("flowers in the training set")
    ax.set_ylabel("accuracy")
    ax.set_ylim(min(0.5, float(np.min(curve.test_accuracy)) - 0.05), 1.02)
    ax.set_title("How many flowers do you need?")
    ax.legend(loc="lower right")
    return train, test


# -- drawing helpers ------------------------------------------------------------------------------


def _scatter_species(ax, X2, y, target_names):
    """One scatter per species (its colour and marker); returns the scatters, species order."""
    return [
        ax.scatter(
            X2[y == c, 0],
            X2[y == c, 1],
            color=SPECIES_COLORS[c % 3],
            marker=SPECIES_MARKERS[c % 3],
            edgecolor="black",
            linewidth=0.6,
            s=36,
            label=name,
            zorder=3,
        )
        for c, name in enumerate(target_names)
    ]


__all__ = [
    "ReplayWidget",
    "RepresentationWidget",
    "OverfittingWidget",
    "replay_widget",
    "representation_widget",
    "overfitting_widget",
    "train_with_snapshots",
    "network_at",
    "loss_at",
    "train_test_curves",
    "train_test_data",
    "plot_train_test",
    "learning_curve",
    "plot_learning_curve",
    "hold_out_test_set",
    "training_subset",
]
