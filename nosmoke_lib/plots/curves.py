"""Curves: the loss during training, an activation and its slope, 1-D descent, train vs test.

Each function takes ``ax=None`` (a new figure) and returns what it drew.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FormatStrFormatter, LogLocator, NullLocator

from .._validate import as_vector
from ..core.activations import get_activation
from .style import BLUE, ORANGE, VERMILLION, get_axes


def plot_loss(history, ax=None, label="training J", color=BLUE, linestyle="-", log=True):
    """J after every epoch; a diverged run says where it stopped, on the plot.

    Parameters
    ----------
    history : History or array of losses

    Returns
    -------
    matplotlib.lines.Line2D
    """
    ax = get_axes(ax)
    losses = history.loss if hasattr(history, "loss") else as_vector("history", history)
    epochs = np.arange(1, len(losses) + 1)
    (line,) = ax.plot(epochs, losses, color=color, linestyle=linestyle, label=label)
    if log and len(losses) and np.all(losses > 0):
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))  # labels even within one decade
        ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
        ax.yaxis.set_minor_locator(NullLocator())  # minor log ticks cost a third of the redraw
    ax.set_xlabel("epoch")
    ax.set_ylabel("J = ½ Σ (Y − Ŷ)²")
    ax.set_title("Loss during training")
    diverged = getattr(history, "diverged", None)
    if diverged is not None:
        ax.text(
            0.5,
            0.5,
            f"diverged at epoch {diverged}",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize="x-large",
            color=VERMILLION,
            fontweight="bold",
        )
    return line


def plot_activation(name, ax=None, z=None):
    """An activation f(z) and its derivative f'(z), side by side on one axis.

    Returns
    -------
    (Line2D, Line2D): f and f'
    """
    ax = get_axes(ax)
    act = get_activation(name)
    z = np.linspace(-6, 6, 241) if z is None else np.asarray(z, dtype=float)
    a = act.f(z)
    (f_line,) = ax.plot(z, a, color=BLUE, label=f"{act.name}(z)")
    (df_line,) = ax.plot(z, act.df(z, a), color=ORANGE, linestyle="--", label=f"{act.name}'(z)")
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.axvline(0, color="grey", linewidth=0.5)
    ax.set_xlabel("z (net input)")
    ax.set_ylabel("output")
    ax.set_title(f"{act.name} and its derivative")
    ax.legend(loc="upper left")
    return f_line, df_line


def plot_descent_1d(f, path, ax=None, x_range=None):
    """A 1-D curve and the steps gradient descent took on it (start marked, arrows between steps)."""
    ax = get_axes(ax)
    xs = np.asarray(path.x)
    lo, hi = x_range if x_range is not None else (min(xs.min(), -3.0) - 0.5, max(xs.max(), 3.0) + 0.5)
    grid = np.linspace(lo, hi, 300)
    ax.plot(grid, [f(v) for v in grid], color="grey", label="J(w)")
    visible = (xs >= lo) & (xs <= hi)
    ax.plot(
        xs[visible],
        np.asarray(path.y)[visible],
        color=VERMILLION,
        marker="o",
        markersize=4,
        linestyle="-",
        linewidth=1,
        label="steps",
    )
    ax.plot(xs[:1], path.y[:1], marker="s", color=BLUE, markersize=9, linestyle="none", label="start")
    ax.set_xlabel("w")
    ax.set_ylabel("J(w)")
    title = "Gradient descent on one weight"
    if path.diverged is not None:
        title += f": diverged at step {path.diverged}"
    ax.set_title(title)
    ax.legend(loc="upper center")
    return ax


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
    ax = get_axes(ax)
    keep = curves.epochs > 0 if log_epochs else slice(None)
    epochs, train_J, test_J = curves.epochs[keep], curves.train_J[keep], curves.test_J[keep]
    (train,) = ax.plot(epochs, train_J, color=BLUE, label=f"training ({curves.n_train} flowers)")
    (test,) = ax.plot(epochs, test_J, color=ORANGE, linestyle="--", label="test (never seen)")
    ax.fill_between(epochs, train_J, test_J, color=ORANGE, alpha=0.15, linewidth=0, label="the gap")
    if log_epochs:
        ax.set_xscale("log")
    ax.set_xlabel("epoch" + (" (log scale)" if log_epochs else ""))
    ax.set_ylabel("J per flower")
    ax.set_ylim(bottom=0)
    ax.set_title(title or f"{curves.hidden} hidden neurons, {curves.n_train} training flowers")
    ax.legend(loc="lower left")
    return train, test


def plot_learning_curve(curve, ax=None):
    """Training and test accuracy against the number of training flowers.

    Returns
    -------
    (Line2D, Line2D): training and test accuracy
    """
    ax = get_axes(ax)
    (train,) = ax.plot(curve.sizes, curve.train_accuracy, color=BLUE, marker="o", label="training flowers")
    (test,) = ax.plot(curve.sizes, curve.test_accuracy, color=ORANGE, marker="s", linestyle="--", label="test flowers")
    ax.set_xlabel("flowers in the training set")
    ax.set_ylabel("accuracy")
    ax.set_ylim(min(0.5, float(np.min(curve.test_accuracy)) - 0.05), 1.02)
    ax.set_title("How many flowers do you need?")
    ax.legend(loc="lower right")
    return train, test
