"""What every widget of the course is built on: controls above a figure, a status line, a line of code.

Every widget is a ``FigureWidget``: controls above a matplotlib figure,
redrawn as a PNG each time a control changes. Computing and drawing are
separate steps (``compute`` returns numbers, ``draw`` plots them), so a test
can set a slider's value and check the numbers without a browser.

Sliders that retrain use ``continuous_update=False``: the work runs once,
when the handle is released. Displayed in a notebook, a widget also carries
a static PNG of its current state, so a page that runs no kernel still shows
the plot.
"""

from __future__ import annotations

import base64
import html
from contextlib import contextmanager

import ipywidgets as widgets

from .. import plots


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
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
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
        self.image.value = plots.figure_png(self.figure)

    def draw(self) -> None:  # pragma: no cover - every subclass draws
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        # Live: the widget. Static readers (no kernel): the PNG of the current state.
        data = super()._repr_mimebundle_(**kwargs)
        data["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        return data


def log_slider(description, value, low=-4, high=1):
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=low,
        max=high,
        step=0.1,
        description=description,
        continuous_update=False,
        readout_format=".4g",
    )
