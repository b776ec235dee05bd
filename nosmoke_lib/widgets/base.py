"""What every widget of the course is built on: controls above a figure, a status line, a line of code.

Every widget is a ``FigureWidget``: controls above a matplotlib figure,
redrawn as a PNG each time a control changes. The PNG has twice the pixels
it is shown with (sharp on a projector), and the image carries the figure's
description (``plots.describe_figure``) as its text alternative. Computing
and drawing are separate steps (``compute`` returns numbers, ``draw`` plots
them), so a test can set a slider's value and check the numbers without a
browser.

Sliders that retrain use ``continuous_update=False``: the work runs once,
when the handle is released. Displayed in a notebook, a widget also carries
a static image of its current state (with its text alternative), so a page
that runs no kernel still shows the plot, and it displays before itself the
small patch that gives every control a name (``accessibility``).
"""

from __future__ import annotations

import html
from contextlib import contextmanager

import ipywidgets as widgets
from traitlets import Unicode

from .. import plots
from .._validate import _describe, as_int, as_number
from .accessibility import names_bundle


class DescribedImage(widgets.Image):
    """An ipywidgets Image whose ``tooltip`` (its text alternative here) renders as the image's ``title``.

    ipywidgets 8.1's front end reads ``description.length`` to show a tooltip,
    and an Image has no description: the view fails to render. An empty
    description makes the tooltip work (docs/accessibility.md, upstream).
    """

    description = Unicode("").tag(sync=True)


def code_html(*lines) -> str:
    """Lines of Python as HTML that one click selects whole, ready to copy into a cell."""
    code = "<br>".join(html.escape(line) for line in lines)
    return f"<code style='user-select:all'>{code}</code>"


class FigureWidget(widgets.VBox):
    """Controls, a figure rendered as an image, a line of status text below it, and (``code=True``) a line of code.

    The code box shows the Python that reproduces what the widget shows, to
    copy into a cell (``show_code``).
    """

    def __init__(self, controls, figsize=(6, 3.5), code=False):
        self.figure = plots.new_figure(figsize)
        # Shown at its natural size (never stretched to the page), shrunk only to fit a narrow one.
        size = widgets.Layout(width=f"{plots.css_width(self.figure)}px", max_width="100%", height="auto")
        self.image = DescribedImage(format="png", layout=size)
        self.status = widgets.HTML()
        self.code_box = widgets.HTML() if code else None
        self.controls = controls
        children = [widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap")), self.image, self.status]
        super().__init__(children + ([self.code_box] if code else []))
        self._paused = False
        for control in controls:
            control.observe(self._changed, names="value")
        self.update()

    def show_code(self, *lines) -> None:
        """Put these lines of Python in the code box."""
        self.code_box.value = code_html(*lines)

    def _changed(self, _change):
        if not self._paused:
            self.update()

    @contextmanager
    def changing(self):
        """Set several controls at once, then redraw once (not once per control)."""
        self._paused = True
        try:
            yield
        finally:
            self._paused = False
            self.update()

    def update(self) -> None:
        """Recompute from the controls' values and redraw."""
        self.figure.clear()  # this also resets the margins, so set them again
        self.figure.subplots_adjust(**plots.MARGINS)
        self.draw()
        self.show_figure(plots.figure_png(self.figure))

    def show_figure(self, png: bytes) -> None:
        """Show ``png``, the figure as drawn now, with the figure's description as its text alternative."""
        self.image.tooltip = plots.describe_figure(self.figure)
        self.image.value = png

    def draw(self) -> None:  # pragma: no cover - every subclass draws
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        # Live: the widget. Static readers (no kernel): an image of the current state, with its alt text.
        data = super()._repr_mimebundle_(**kwargs)
        data["text/html"] = plots.img_html(self.image.value, self.image.tooltip)
        return data

    def _ipython_display_(self):
        # The patch that names the controls first (it names them as they appear), then the widget.
        from IPython.display import display

        display(names_bundle(), raw=True)
        display(self._repr_mimebundle_(), raw=True)


def in_range(name, value, low, high, whole=False):
    """``value`` checked for a slider from ``low`` to ``high``: a slider would silently move it into its range."""
    check = as_int if whole else as_number
    try:
        return check(name, value, low=low, high=high)
    except ValueError as problem:
        raise ValueError(f"{problem} (the range of its slider)") from None


def log_slider(description, value, low=-4, high=1):
    """A slider over 10**low .. 10**high for ``value`` (checked, and named ``description`` in errors)."""
    return widgets.FloatLogSlider(
        value=in_range(description, value, 10.0**low, 10.0**high),
        base=10,
        min=low,
        max=high,
        step=0.1,
        description=description,
        continuous_update=False,
        readout_format=".4g",
    )


def columns(name, value, n_columns, count=2) -> tuple:
    """``value`` checked as distinct column indices of a table with ``n_columns`` columns (``count`` of them)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise TypeError(f"{name} must be a tuple of column indices such as (2, 3); got {_describe(value)}")
    picked = tuple(as_int(f"{name}[{i}]", c, low=0, high=n_columns - 1) for i, c in enumerate(value))
    if count is not None and len(picked) != count:
        raise ValueError(f"{name} must be {count} column indices, e.g. (2, 3); got {len(picked)}: {picked}")
    if not picked or len(set(picked)) != len(picked):
        raise ValueError(f"{name} must be distinct column indices; got {picked}")
    return picked
