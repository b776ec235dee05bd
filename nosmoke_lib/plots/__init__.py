"""Plots of the course: curves, drawings of networks and matrices, decision regions, and the style they share.

Each plot function takes ``ax=None`` and returns what it drew.
"""

from ..data.names import IRIS_SHORT, IRIS_SPECIES
from .curves import plot_activation, plot_descent_1d, plot_learning_curve, plot_loss, plot_train_test
from .describe import add_description, describe_figure
from .display import DENSITY, figure_html, img_html, show_figure
from .drawing import draw_matmul, draw_network
from .regions import (
    decision_regions,
    hidden_plane_grid,
    output_regions,
    paint_regions,
    plane_grid,
    scatter_species,
)
from .style import (
    BLUE,
    GREEN,
    LINESTYLES,
    MARGINS,
    OKABE_ITO,
    ORANGE,
    PROJECTOR_STYLE,
    PURPLE,
    SKY,
    SPECIES_COLORS,
    SPECIES_MARKERS,
    VERMILLION,
    css_width,
    figure_png,
    get_axes,
    light,
    new_figure,
    projector_mode,
)

__all__ = [
    "BLUE",
    "DENSITY",
    "GREEN",
    "IRIS_SHORT",
    "IRIS_SPECIES",
    "LINESTYLES",
    "MARGINS",
    "OKABE_ITO",
    "ORANGE",
    "PROJECTOR_STYLE",
    "PURPLE",
    "SKY",
    "SPECIES_COLORS",
    "SPECIES_MARKERS",
    "VERMILLION",
    "add_description",
    "decision_regions",
    "describe_figure",
    "draw_matmul",
    "draw_network",
    "css_width",
    "figure_html",
    "figure_png",
    "get_axes",
    "hidden_plane_grid",
    "img_html",
    "light",
    "new_figure",
    "output_regions",
    "paint_regions",
    "plane_grid",
    "plot_activation",
    "plot_descent_1d",
    "plot_learning_curve",
    "plot_loss",
    "plot_train_test",
    "projector_mode",
    "scatter_species",
    "show_figure",
]
