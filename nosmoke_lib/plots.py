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

from .core.activations import get_activation

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


#: Fixed margins (fractions of the figure) for widget figures; see ``new_figure``.
MARGINS = {"left": 0.13, "right": 0.97, "top": 0.9, "bottom": 0.16}


def new_figure(figsize=(6, 3.5), dpi=80) -> Figure:
    """A matplotlib Figure outside pyplot: widgets draw into it without showing it twice.

    Fixed margins rather than a layout engine: a redraw then takes ~30 ms, not ~90.
    """
    scale = plt.rcParams["font.size"] / 10.0  # projector mode's larger fonts need a larger figure
    fig = Figure(figsize=(figsize[0] * scale, figsize[1] * scale), dpi=dpi)
    fig.subplots_adjust(**MARGINS)
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


def draw_network(net, ax=None, input_names=None, output_names=None, max_width=6.0, show_values=False, max_values=40):
    """Every neuron and synapse: line width by |weight|, colour by sign (blue +, vermillion −, dashed).

    Parameters
    ----------
    net : Network
    input_names, output_names : list of str, optional
        E.g. ``IRIS_SHORT`` and ``IRIS_SPECIES``.
    show_values : bool
        Also write every weight (2 decimals) on its synapse, turned along it,
        and every bias inside its neuron. Each weight takes the spot along its
        line that keeps it clear of the neurons and of the numbers written
        before it.
    max_values : int
        Numbers are written only for a network of at most this many synapses:
        a bigger one would drown in them, so none are written and the title
        says why.

    Returns
    -------
    matplotlib.axes.Axes
        The texts of the weights have the gid ``"weight"`` and come in the
        order of the lines, ``W1[0, 0], W1[0, 1], ...``, then ``W2``; those of
        the biases have the gid ``"bias"``, ``b1`` first.

    Examples
    --------
    >>> from nosmoke_lib import Network
    >>> net = Network([2, 2, 1], seed=0)
    >>> ax = draw_network(net, show_values=True)
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "weight"] == [f"{w:.2f}" for w in net.weights[0].ravel()] + [
    ...     f"{w:.2f}" for w in net.weights[1].ravel()
    ... ]
    True
    """
    ax = _axes(ax, figsize=(6, 4))
    sizes, gap = net.sizes, 3.0  # layers stand `gap` apart, neurons 1 apart
    positions = [[(gap * x, (n - 1) / 2 - j) for j in range(n)] for x, n in enumerate(sizes)]  # centred columns
    biggest = max(float(np.abs(W).max()) for W in net.weights) or 1.0
    n_synapses = sum(W.size for W in net.weights)
    labelled = show_values and n_synapses <= max_values
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
    neuron_size = 480 if labelled and net.bias else 220  # room for the bias inside
    for layer, column in enumerate(positions):
        xs, ys = zip(*column)
        ax.scatter(xs, ys, s=neuron_size, facecolor="white", edgecolor="black", zorder=2)
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
    title = f"Network {sizes}: blue = positive weight, dashed vermillion = negative"
    if labelled:
        # Where along its line each weight goes, in pixels (the limits are set, so the axes know them).
        # Greedy: a label takes the first spot, from a start outwards, whose box overlaps neither a
        # neuron nor a label placed before it (else the spot that overlaps least). The spots depend on
        # the sizes alone, never on the values: a replay can change the texts and leave them in place.
        to_pixels, points = ax.transData.transform, ax.figure.dpi / 72
        fontsize, half_w, half_h = 7, 0.5 * 0.6 * 7 * 5.5 * points, 0.5 * 1.25 * 7 * points  # "-0.00" and a margin
        radius = (np.sqrt(neuron_size) / 2 + 1) * points
        taken = [(x - radius, y - radius, x + radius, y + radius) for x, y in to_pixels(np.concatenate(positions))]

        def overlap(box):
            return sum(
                max(0.0, min(box[2], b[2]) - max(box[0], b[0])) * max(0.0, min(box[3], b[3]) - max(box[1], b[1]))
                for b in taken
            )

        for layer, W in enumerate(net.weights):
            # Lines spread apart towards the wider layer: start on that side of the middle.
            n_in, n_out = sizes[layer], sizes[layer + 1]
            start_at = 0.5 + 0.25 * (n_out - n_in) / max(n_in, n_out)
            spots = sorted(np.arange(0.15, 0.851, 0.025), key=lambda t: (round(abs(t - start_at), 6), t))
            for i, start in enumerate(positions[layer]):
                for j, end in enumerate(positions[layer + 1]):
                    p0, p1 = to_pixels(np.array([start, end]))
                    angle = np.arctan2(p1[1] - p0[1], p1[0] - p0[0])  # the label turns along its line
                    reach_x = half_w * abs(np.cos(angle)) + half_h * abs(np.sin(angle))  # the turned box
                    reach_y = half_w * abs(np.sin(angle)) + half_h * abs(np.cos(angle))
                    best = None
                    for t in spots:
                        cx, cy = p0 + t * (p1 - p0)
                        box = (cx - reach_x, cy - reach_y, cx + reach_x, cy + reach_y)
                        cost = overlap(box)
                        if best is None or cost < best[0]:
                            best = (cost, t, box)
                        if cost == 0:
                            break
                    _, t, box = best
                    taken.append(box)
                    ax.text(
                        start[0] + t * (end[0] - start[0]),
                        start[1] + t * (end[1] - start[1]),
                        f"{W[i, j]:.2f}",
                        ha="center",
                        va="center",
                        rotation=np.degrees(angle),
                        rotation_mode="anchor",
                        fontsize=fontsize,
                        gid="weight",
                        zorder=3,
                        bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
                    )
        for layer, b in enumerate(net.biases or []):
            for (x, y), value in zip(positions[layer + 1], b):
                ax.text(x, y, f"{value:.2f}", ha="center", va="center", fontsize=6, gid="bias", zorder=3)
        title += "\nnumbers: the weights on the synapses" + (", the biases in the neurons" if net.bias else "")
    elif show_values:
        title += f"\nno numbers: {n_synapses} synapses are too many to label (at most {max_values})"
    ax.set_title(title)
    return ax


def draw_matmul(n_rows, n_inner, n_cols, ax=None, names=("X", "W", "Z"), notes=None, row=0, col=0):
    """The shapes of a matrix product: (n_rows × n_inner) · (n_inner × n_cols) = (n_rows × n_cols).

    One cell per entry. Row ``row`` of the left matrix (orange, hatched) meets column ``col``
    of the right one (sky blue, hatched the other way) in entry ``[row, col]`` of the product
    (vermillion): every entry of the product is one row times one column. Columns and the
    inner size are drawn to scale; a long side of many rows (samples) is squeezed to fit.

    Parameters
    ----------
    n_rows, n_inner, n_cols : int
        E.g. 60 samples, 4 features, 8 neurons.
    names : three str
        The names printed under the three matrices.
    notes : three str, optional
        What the rows and columns mean, printed under the shapes, e.g.
        ``("samples × features", "features × neurons", "samples × neurons")``.
    row, col : int
        The entry of the product to highlight.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = draw_matmul(60, 4, 8)
    >>> ax.get_title()
    '(60 × 4) · (4 × 8) = (60 × 8)'
    """
    from matplotlib.patches import Rectangle

    ax = _axes(ax, figsize=(8, 3.5))
    notes = notes or ("", "", "")
    h = min(1.0, 16.0 / n_rows)  # the height of one row of the left matrix and of the product
    gap = 6.0
    left, middle, right = 0.0, n_inner + gap, n_inner + n_cols + 2 * gap

    def matrix(x0, n, m, row_height, name, note):
        height = n * row_height
        for k in range(n + 1):  # grid lines: one cell per entry
            ax.plot([x0, x0 + m], [-k * row_height] * 2, color="grey", linewidth=0.3 if 0 < k < n else 1.2)
        for k in range(m + 1):
            ax.plot([x0 + k] * 2, [0, -height], color="grey", linewidth=0.3 if 0 < k < m else 1.2)
        ax.text(x0 + m / 2, -height - 0.8, f"{name}  ({n} × {m})\n{note}".strip(), ha="center", va="top")

    def cells(x0, y0, width, height, color, hatch):
        ax.add_patch(
            Rectangle((x0, -y0 - height), width, height, facecolor=color, edgecolor="black", hatch=hatch, zorder=2)
        )

    matrix(left, n_rows, n_inner, h, names[0], notes[0])
    matrix(middle, n_inner, n_cols, 1.0, names[1], notes[1])
    matrix(right, n_rows, n_cols, h, names[2], notes[2])
    cells(left, row * h, n_inner, h, ORANGE, "////")
    cells(middle + col, 0, 1, n_inner, SKY, "\\\\\\\\")
    cells(right + col, row * h, 1, h, VERMILLION, "")
    for x, sign in ((n_inner + gap / 2, "·"), (middle + n_cols + gap / 2, "=")):
        ax.text(x, -min(n_rows * h, n_inner) / 2, sign, ha="center", va="center", fontsize="xx-large")
    entry = f"{names[2]}[{row}, {col}] = {names[0]}[{row}, :] · {names[1]}[:, {col}]"
    ax.annotate(
        f"one entry = one row · one column:\n{entry}",
        xy=(right + col + 1, -(row + 0.5) * h),
        xytext=(right + n_cols + 2, -n_rows * h / 2),
        ha="left",
        va="center",
        color=VERMILLION,
        arrowprops={"arrowstyle": "->", "color": VERMILLION},
    )
    ax.set_xlim(-2, right + n_cols + 27)
    ax.set_ylim(-max(n_rows * h, n_inner) - 4.5, 1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"({n_rows} × {n_inner}) · ({n_inner} × {n_cols}) = ({n_rows} × {n_cols})")
    return ax


#: Projector mode: sizes readable from the back of a classroom.
PROJECTOR_STYLE = {
    "font.size": 16,
    "axes.titlesize": 20,
    "axes.labelsize": 18,
    "xtick.labelsize": 15,
    "ytick.labelsize": 15,
    "legend.fontsize": 15,
    "lines.linewidth": 3.0,
    "lines.markersize": 9,
    "figure.figsize": (9.6, 5.6),
}


def projector_mode(on=True) -> None:
    """Switch the whole notebook's plots to large fonts and thick lines (``on=False`` switches back).

    Call it once at the top of a notebook you project; every figure after it,
    the widgets' included, is drawn for the back row.

    Examples
    --------
    >>> projector_mode()
    >>> plt.rcParams["font.size"]
    16.0
    >>> projector_mode(False)
    >>> plt.rcParams["font.size"]
    10.0
    """
    if on:
        plt.rcParams.update(PROJECTOR_STYLE)
    else:
        defaults = plt.rcParamsDefault
        plt.rcParams.update({key: defaults[key] for key in PROJECTOR_STYLE})
