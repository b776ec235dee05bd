"""A Play button and an epoch slider over the snapshots of one training run, redrawn by blitting."""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg

from .. import plots
from .._validate import as_int
from .base import FigureWidget


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
        super().__init__([self.play, self.epoch, *extra_controls], figsize=figsize, code=True)
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
        self.show_figure(self._snapshot_png())
        self.show_code(self.code)

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
