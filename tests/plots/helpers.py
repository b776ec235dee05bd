"""What the plot tests share: axes to draw on, and the check that a plot is titled and labelled."""

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def new_axes(figsize=(6, 4)):
    """Axes on a figure outside pyplot (nothing left open between tests), with a canvas to render on."""
    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig.add_subplot()


def assert_title_and_labels(name, plot):
    """``plot(ax)`` gives ``ax`` a title, and axis labels where the axes are shown."""
    ax = new_axes()
    plot(ax)
    assert ax.get_title().strip(), f"{name}: no title"
    if ax.axison:  # a drawing with its axes switched off (a network, matrices) needs only its title
        assert ax.get_xlabel().strip(), f"{name}: no x label"
        assert ax.get_ylabel().strip(), f"{name}: no y label"
