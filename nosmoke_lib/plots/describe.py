"""Text alternatives for figures, read from what is drawn, so that they stay true when the numbers change.

A screen reader cannot see a plot. ``describe_figure`` writes what a sighted
reader takes from it: the title, the axes and their ranges, every labelled
line from its first value to its last (a loss curve's start and end), how
many points each group of a scatter has, what share of the plane each class
of a decision-region picture covers. A plot function may add a sentence of
its own with ``add_description`` (a drawing of a network says its layers).
"""

from __future__ import annotations

import weakref

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.colors import ListedColormap
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

#: The sentences plot functions added to an axes (``add_description``); kept only as long as the axes.
_ADDED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: At most this many lines or scatter groups are described one by one; the rest are counted.
MOST = 6


def add_description(ax, sentence: str) -> None:
    """Add ``sentence`` to the text alternative of the axes ``ax`` (what its artists alone do not say)."""
    _ADDED.setdefault(ax, []).append(sentence.strip())


def number(value) -> str:
    """``value`` as a reader takes it from a plot: three significant digits, whole numbers in full.

    Examples
    --------
    >>> [number(v) for v in (0.012345, 2000.0, 123456.0, 3.0e8, -1.5)]
    ['0.0123', '2,000', '123,456', '3e+08', '-1.5']
    """
    value = float(value)
    if value.is_integer() and abs(value) < 1e7:
        return f"{int(value):,}"
    return f"{value:.3g}"


def describe_figure(fig) -> str:
    """A text alternative for ``fig``: one paragraph per axes, each read from what the axes hold.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> ax = fig.add_subplot(title="Loss", xlabel="epoch", ylabel="J")
    >>> _ = ax.plot([0, 10, 20], [0.5, 0.2, 0.1], label="training J")
    >>> describe_figure(fig)
    'Plot "Loss". x axis: epoch, 0 to 20; y axis: J, 0.1 to 0.5. Line training J: from 0.5 (epoch 0) to 0.1 (epoch 20).'
    """
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    heading = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    parts = [f'Figure "{heading}".'] if heading else []
    for i, ax in enumerate(panels):
        try:
            text = describe_axes(ax)
        except Exception as error:  # a plot this cannot read (say, dates) must still be shown
            text = f"A plot this description cannot read ({type(error).__name__}: {error})."
        parts.append(f"Panel {i + 1} of {len(panels)}: {text}" if len(panels) > 1 else text)
    return " ".join(parts) or "An empty figure."


def describe_axes(ax) -> str:
    """The text alternative of one axes: title, axis ranges, then its lines, scatters, bars and regions."""
    title = ax.get_title() or ax.get_title("left")
    parts = [f'Plot "{title}".' if title else "Plot."]
    if not ax.axison and ax in _ADDED:  # a drawing (a network, matrices): its own words say it best
        return " ".join(parts + _ADDED[ax])
    if ax.axison:
        parts.append(f"{_axis(ax, 'x')}; {_axis(ax, 'y')}.")
    parts += _lines(ax) + _scatters(ax) + _bars(ax) + _regions(ax) + _ADDED.get(ax, [])
    return " ".join(parts)


def _axis(ax, which) -> str:
    label = (ax.get_xlabel() if which == "x" else ax.get_ylabel()) or "unlabelled"
    low, high = sorted(ax.get_xlim() if which == "x" else ax.get_ylim())
    ticks = [t for t in (ax.get_xticks() if which == "x" else ax.get_yticks()) if low <= t <= high]
    if len(ticks) >= 2:  # what a reader sees: the first and last tick labels, not the margins
        low, high = ticks[0], ticks[-1]
    scale = (ax.get_xscale() if which == "x" else ax.get_yscale()) == "log"
    return f"{which} axis: {label}, {number(low)} to {number(high)}{' (log scale)' if scale else ''}"


def _lines(ax) -> list[str]:
    lines = [line for line in ax.get_lines() if line.get_visible() and len(np.atleast_1d(line.get_xdata())) > 0]
    named = [line for line in lines if not line.get_label().startswith("_")]
    shown = named or lines  # unlabelled lines are described too when no line has a label
    x_name = ax.get_xlabel().strip()
    x_name = x_name if 0 < len(x_name) <= 20 else "x"  # "(epoch 2000)" reads better than "(x 2000)"
    sentences = [_line(line, x_name) for line in shown[:MOST]]
    if len(shown) > MOST:
        sentences.append(f"And {len(shown) - MOST} more lines.")
    return [s for s in sentences if s]


def _line(line: Line2D, x_name: str = "x") -> str:
    name = line.get_label()
    name = f"Line {name}" if not name.startswith("_") else "A line"
    try:
        x = np.asarray(line.get_xdata(), dtype=float).ravel()
        y = np.asarray(line.get_ydata(), dtype=float).ravel()
    except (TypeError, ValueError):  # categories or dates: say how many points, not their values
        return f"{name}: {len(line.get_xdata())} points."
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    if len(x) == 0:
        return ""
    if np.all(x == x[0]) and len(x) > 1:
        return f"{name}: vertical at {x_name} {number(x[0])}."
    if np.all(y == y[0]) and len(y) > 1:
        return f"{name}: level at y {number(y[0])}."
    if len(x) == 1:
        return f"{name}: one point at ({number(x[0])}, {number(y[0])})."
    text = f"{name}: from {number(y[0])} ({x_name} {number(x[0])}) to {number(y[-1])} ({x_name} {number(x[-1])})"
    ends = {number(y[0]), number(y[-1])}
    low, high = int(np.argmin(y)), int(np.argmax(y))
    if 0 < low < len(y) - 1 and number(y[low]) not in ends:  # a dip in between: a sighted reader sees it
        text += f", lowest {number(y[low])} at {x_name} {number(x[low])}"
    if 0 < high < len(y) - 1 and number(y[high]) not in ends:
        text += f", highest {number(y[high])} at {x_name} {number(x[high])}"
    return text + "."


def _scatters(ax) -> list[str]:
    groups = [c for c in ax.collections if isinstance(c, PathCollection) and c.get_visible()]
    sentences = []
    for group in groups[:MOST]:
        n = len(group.get_offsets())
        name = group.get_label()
        points = f"{n} point{'s' if n != 1 else ''}"
        sentences.append(f"Scatter {name}: {points}." if not name.startswith("_") else f"Scatter of {points}.")
    if len(groups) > MOST:
        sentences.append(f"And {len(groups) - MOST} more scatters.")
    return sentences


def _bars(ax) -> list[str]:
    sentences = []
    for bars in ax.containers:
        heights = getattr(bars, "datavalues", None)
        if heights is None or not len(heights):
            continue
        name = bars.get_label()
        values = ", ".join(number(h) for h in heights[: 3 * MOST])
        sentences.append(f"Bars{'' if name.startswith('_') else ' ' + name}: {values}.")
    return sentences


def _regions(ax) -> list[str]:
    """Class pictures (an image painted with one colour per class): the share of the plane of each class."""
    sentences = []
    names = [c.get_label() for c in ax.collections if isinstance(c, PathCollection)]
    for image in ax.images:
        if not image.get_visible():
            continue
        data = np.asarray(image.get_array())
        if isinstance(image.get_cmap(), ListedColormap) and np.issubdtype(data.dtype, np.number) and data.ndim == 2:
            classes, counts = np.unique(data, return_counts=True)
            share = ", ".join(f"{_class_name(names, c)} {count / data.size:.0%}" for c, count in zip(classes, counts))
            sentences.append(f"Background painted by class: {share} of the plane.")
        elif isinstance(image, AxesImage):
            sentences.append(f"An image of {data.shape[1]} by {data.shape[0]} cells.")
    return sentences


def _class_name(names, c) -> str:
    c = int(c)
    return names[c] if 0 <= c < len(names) and not names[c].startswith("_") else f"class {c}"
