"""Plots of the course. Each function takes ``ax=None`` and returns what it drew.

Colours come from the Okabe–Ito palette, which stays distinct for readers
with colour-blindness; lines differ by style too, so a grey-scale print works.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FormatStrFormatter, LogLocator, NullLocator

from .activations import get_activation

#: Okabe–Ito: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
OKABE_ITO = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"
LINESTYLES = ["-", "--", ":", "-."]

IRIS_SHORT = ["SL", "SW", "PL", "PW"]
IRIS_SPECIES = ["Setosa", "Versicolor", "Virginica"]


def _axes(ax, figsize=(6, 3.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def new_figure(figsize=(6, 3.5), dpi=80) -> Figure:
    """A matplotlib Figure outside pyplot: widgets draw into it without showing it twice.

    Fixed margins rather than a layout engine: a redraw then takes ~30 ms, not ~90.
    """
    fig = Figure(figsize=figsize, dpi=dpi)
    fig.subplots_adjust(left=0.13, right=0.97, top=0.9, bottom=0.16)
    return fig


def figure_png(fig: Figure) -> bytes:
    """The figure rendered as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def plot_loss(history, ax=None, label="training J", color=BLUE, linestyle="-", log=True):
    """J after every epoch; a diverged run says where it stopped, on the plot.

    Parameters
    ----------
    history : History or array of losses

    Returns
    -------
    matplotlib.lines.Line2D
    """
    ax = _axes(ax)
    losses = np.asarray(getattr(history, "loss", history), dtype=float)
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
    ax = _axes(ax)
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
    ax = _axes(ax)
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


def draw_network(net, ax=None, input_names=None, output_names=None, max_width=6.0):
    """Every neuron and synapse: line width by |weight|, colour by sign (blue +, vermillion −, dashed).

    Parameters
    ----------
    net : Network
    input_names, output_names : list of str, optional
        E.g. ``IRIS_SHORT`` and ``IRIS_SPECIES``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax, figsize=(6, 4))
    sizes, gap = net.sizes, 3.0  # layers stand `gap` apart, neurons 1 apart
    positions = [[(gap * x, (n - 1) / 2 - j) for j in range(n)] for x, n in enumerate(sizes)]  # centred columns
    biggest = max(float(np.abs(W).max()) for W in net.weights) or 1.0
    for layer, W in enumerate(net.weights):
        for i, (x0, y0) in enumerate(positions[layer]):
            for j, (x1, y1) in enumerate(positions[layer + 1]):
                w = W[i, j]
                ax.plot(
                    [x0, x1],
                    [y0, y1],
                    color=BLUE if w >= 0 else VERMILLION,
                    linestyle="-" if w >= 0 else "--",
                    linewidth=0.3 + max_width * abs(w) / biggest,
                    alpha=0.8,
                    zorder=1,
                )
    top = (max(sizes) - 1) / 2
    for layer, column in enumerate(positions):
        xs, ys = zip(*column)
        ax.scatter(xs, ys, s=220, facecolor="white", edgecolor="black", zorder=2)
        names = input_names if layer == 0 else output_names if layer == len(sizes) - 1 else None
        for j, (x, y) in enumerate(column):
            if names is not None and j < len(names):
                left = layer == 0
                ax.text(x - 0.4 if left else x + 0.4, y, names[j], ha="right" if left else "left", va="center")
        label = "INPUT" if layer == 0 else "OUTPUT" if layer == len(sizes) - 1 else "HIDDEN"
        ax.text(gap * layer, top + 0.7, f"{label}\n({sizes[layer]})", ha="center", va="bottom", fontsize="small")
    ax.set_xlim(-2.2, gap * (len(sizes) - 1) + 2.8)
    ax.set_ylim(-top - 0.6, top + 1.8)
    ax.axis("off")
    ax.set_title(f"Network {sizes}: blue = positive weight, dashed vermillion = negative")
    return ax
