"""Drawings: a network with every neuron and synapse, and a matrix product as boxes."""

from __future__ import annotations

import numpy as np

from .._validate import as_int, as_network
from .describe import add_description
from .style import BLUE, ORANGE, SKY, VERMILLION, get_axes


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
    as_network("net", net)
    ax = get_axes(ax, figsize=(6, 4))
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
    layers = ", ".join(str(n) for n in sizes[:-1]) + f" and {sizes[-1]}"
    add_description(
        ax,
        f"A drawing of the network: {layers} neurons from input to output, {n_synapses} synapses;"
        " each line's width is the size of its weight, solid blue lines are positive weights and"
        " dashed vermillion lines negative ones.",
    )
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

    n_rows, n_inner, n_cols = (
        as_int(name, n, low=1, high=10_000)
        for name, n in zip(("n_rows", "n_inner", "n_cols"), (n_rows, n_inner, n_cols))
    )
    ax = get_axes(ax, figsize=(8, 3.5))
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
    add_description(
        ax,
        f"Three grids of cells: {names[0]} with {n_rows} rows and {n_inner} columns, {names[1]} with {n_inner}"
        f" rows and {n_cols} columns, {names[2]} with {n_rows} rows and {n_cols} columns. Row {row} of"
        f" {names[0]} (hatched orange) times column {col} of {names[1]} (hatched sky blue) gives entry"
        f" [{row}, {col}] of {names[2]} (vermillion): {entry}.",
    )
    return ax
