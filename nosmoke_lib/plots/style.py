"""The course's look: the Okabe–Ito palette, figures for widgets, and projector mode.

Colours come from the Okabe–Ito palette, which stays distinct for readers
with colour-blindness; lines differ by style too, so a grey-scale print works.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from .display import DENSITY

#: Okabe–Ito: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
OKABE_ITO = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"
LINESTYLES = ["-", "--", ":", "-."]

#: One colour and one marker per species (class), wherever classes are drawn.
SPECIES_COLORS = [OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3]]
SPECIES_MARKERS = ["o", "s", "^"]


def light(color, amount=0.6):
    """``color`` mixed with ``amount`` of white: a background tint for a region."""
    return tuple(c + (1 - c) * amount for c in to_rgb(color))


def get_axes(ax, figsize=(6, 3.5)):
    """``ax``, or the axes of a new pyplot figure when ``ax`` is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


#: Fixed margins (fractions of the figure) for widget figures; see ``new_figure``.
MARGINS = {"left": 0.13, "right": 0.97, "top": 0.9, "bottom": 0.16}


def new_figure(figsize=(6, 3.5), dpi=80) -> Figure:
    """A matplotlib Figure outside pyplot: widgets draw into it without showing it twice.

    It has ``DENSITY`` times ``dpi`` pixels per inch, to be shown at ``dpi``
    CSS pixels per inch (``css_width``): sharp on HiDPI screens and projectors.
    Fixed margins rather than a layout engine: a redraw then takes ~30 ms, not ~90.
    """
    scale = plt.rcParams["font.size"] / 10.0  # projector mode's larger fonts need a larger figure
    fig = Figure(figsize=(figsize[0] * scale, figsize[1] * scale), dpi=dpi * DENSITY)
    fig.subplots_adjust(**MARGINS)
    return fig


def css_width(fig: Figure) -> int:
    """The width in CSS pixels to show ``fig`` at: its pixels divided by ``DENSITY``, never stretched."""
    return round(fig.get_figwidth() * fig.dpi / DENSITY)


def figure_png(fig: Figure) -> bytes:
    """The figure rendered as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


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
    if not isinstance(on, bool):
        raise TypeError(f"on must be True or False; got {type(on).__name__} {on!r}")
    if on:
        plt.rcParams.update(PROJECTOR_STYLE)
    else:
        defaults = plt.rcParamsDefault
        plt.rcParams.update({key: defaults[key] for key in PROJECTOR_STYLE})
