"""Figures as every front end shows them: sharp on any screen, with a text alternative.

JupyterLab, Notebook 7 and Voilà show a matplotlib figure as a bare PNG: no
``alt`` (JupyterLab's image renderer ignores any), and at one pixel per CSS
pixel, so a projector or a HiDPI screen blurs it. In a notebook, ``import
nosmoke_lib`` has every figure shown instead as an HTML ``<img>`` drawn at
``DENSITY`` pixels per CSS pixel, displayed at its natural size and carrying
``describe_figure``'s text as its ``alt`` (``show_figure``). HTML is the one
format all three front ends and the static site render with ``alt`` intact.
"""

from __future__ import annotations

import base64
import html
import io

import PIL.Image

from .describe import describe_figure

#: Image pixels per CSS pixel: 2 is sharp on HiDPI screens and when a projector scales the page up.
DENSITY = 2


def img_html(png: bytes, alt: str, density: float = DENSITY) -> str:
    """An ``<img>`` of the PNG bytes ``png``, shown at 1 / ``density`` of its pixel size, with ``alt``."""
    width, height = PIL.Image.open(io.BytesIO(png)).size
    source = base64.b64encode(png).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{source}" width="{round(width / density)}"'
        f' height="{round(height / density)}" alt="{html.escape(alt)}">'
    )


def figure_html(fig, alt: str | None = None) -> str:
    """``fig`` as an ``<img>``: ``DENSITY`` times its pixels, trimmed to what is drawn, ``alt`` (or its description).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1), dpi=100)
    >>> _ = fig.add_subplot(title="Empty").plot([0, 1], [1, 0], label="falling")
    >>> figure_html(fig).startswith('<img src="data:image/png;base64,')
    True
    >>> 'alt="Plot &quot;Empty&quot;.' in figure_html(fig)
    True
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi * DENSITY, bbox_inches="tight")
    return img_html(buffer.getvalue(), describe_figure(fig) if alt is None else alt)


def show_figure(fig) -> None:
    """Display ``fig`` in the notebook as ``figure_html``; plain-text front ends get its description."""
    from IPython.display import display

    alt = describe_figure(fig)
    display({"text/html": figure_html(fig, alt), "text/plain": alt}, raw=True)
