"""Overfitting under sliders: the loss on the flowers trained on against flowers never seen."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validate import as_int, as_labels, as_matrix
from ..evaluation import TrainTestCurves, train_test_curves, train_test_data
from ..plots import plot_train_test
from .base import FigureWidget, columns, in_range


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
        ``X_few, X_new, y_few, y_new = evaluation.train_test_data(iris.X, iris.y, n_train=10, seed=1)``
        and ``Network([2, 32, 3], seed=1).fit(X_few, y_few, alpha=5 / 10, epochs=1000)``.
        ``iris.X, iris.y`` stand for the flowers the widget was given (the
        names notebook 09 uses); ``X_few, y_few`` are the training flowers
        the sliders chose, scaled, as in the notebook's ``train_test_J``. The
        ``History`` that ``code`` returns has the widget's final J.
    """

    def __init__(self, X, y, hidden, n_train, epochs, features, n_test, seed):
        self.X, self.y = as_matrix("X", X), as_labels("y", y, n=len(X))
        self.features = columns("features", features, self.X.shape[1], count=None)
        self.n_test = as_int("n_test", n_test, low=3, high=len(self.X) - 9)
        largest = len(X) - n_test - 3  # split leaves at least one flower per species out of a subset

        def slider(name, description, value, low, high, step=1):
            value = in_range(name, value, low, high, whole=True)
            return widgets.IntSlider(
                value=value, min=low, max=high, step=step, description=description, continuous_update=False
            )

        self.hidden = slider("hidden", "hidden", hidden, 1, 64)
        self.n_train = slider("n_train", "flowers", n_train, 6, largest)
        self.epochs = slider("epochs", "epochs", epochs, 100, 10000, step=100)
        self.seed = slider("seed", "seed", seed, 0, 9)
        super().__init__([self.hidden, self.n_train, self.epochs, self.seed], figsize=(8.6, 3.6), code=True)

    @property
    def data_code(self) -> str:
        """The line that prepares the sliders' flowers (see the class docstring for the names)."""
        options = f"n_train={self.n_train.value}"
        options += f", features={self.features}" if self.features != (0, 1) else ""
        options += f", n_test={self.n_test}" if self.n_test != 50 else ""
        return f"X_few, X_new, y_few, y_new = evaluation.train_test_data(iris.X, iris.y, {options}, seed={self.seed.value})"

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
        self.show_code(self.data_code, self.code)


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
