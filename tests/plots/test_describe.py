"""Text alternatives: read from what is drawn, so they change when the numbers change."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nosmoke_lib import Network, load_iris, plots, split

from .helpers import new_axes


def test_a_loss_curve_is_described_by_its_title_axes_and_its_start_and_end_values():
    ax = new_axes()
    plots.plot_loss([0.9, 0.5, 0.3, 0.25], ax=ax, log=False)
    text = plots.describe_figure(ax.figure)
    assert text.startswith(f'Plot "{ax.get_title()}".')
    assert "x axis: epoch" in text and "y axis:" in text
    assert "Line training J: from 0.9 (epoch 1) to 0.25 (epoch 4)." in text


def test_the_description_follows_the_data():
    ax = new_axes()
    (line,) = ax.plot([0, 1, 2], [3.0, 1.0, 2.0], label="J")
    assert "from 3 (x 0) to 2 (x 2), lowest 1 at x 1." in plots.describe_figure(ax.figure)
    line.set_ydata([5.0, 6.0, 4.0])
    assert "from 5 (x 0) to 4 (x 2), highest 6 at x 1." in plots.describe_figure(ax.figure)


def test_scatters_are_counted_per_group_and_regions_give_each_class_its_share():
    iris = load_iris()
    X_train, _, y_train, _ = split(iris.X, iris.y)
    net = Network([2, 4, 3], seed=0)
    net.fit(X_train[:, 2:], y_train, alpha=0.1, epochs=300)
    ax = new_axes()
    points, extent = plots.plane_grid(X_train[:, 2:], size=20)
    image = plots.paint_regions(ax, extent, 3, 20)
    regions = plots.decision_regions(net, points, 20)
    image.set_data(regions)
    plots.scatter_species(ax, X_train[:, 2:], y_train, iris.target_names)
    text = plots.describe_figure(ax.figure)
    for c, name in enumerate(iris.target_names):
        assert f"Scatter {name}: {np.sum(y_train == c)} points." in text
    shares = [f"{name} {np.mean(regions == c):.0%}" for c, name in enumerate(iris.target_names) if (regions == c).any()]
    assert f"Background painted by class: {', '.join(shares)} of the plane." in text


def test_bars_levels_verticals_log_scales_and_panels_are_named():
    fig = Figure()
    left, right = fig.subplots(1, 2)
    left.bar(["a", "b"], [3, 7], label="counts")
    left.axhline(5)
    right.plot([1, 10, 100], [1, 2, 3], label="growth")
    right.set_xscale("log")
    right.axvline(10)
    fig.suptitle("Two panels")
    text = plots.describe_figure(fig)
    assert text.startswith('Figure "Two panels". Panel 1 of 2: Plot.')
    assert "Bars counts: 3, 7." in text and "Panel 2 of 2" in text and "(log scale)" in text
    assert "Line growth: from 1 (x 1) to 3 (x 100)." in text
    ax = new_axes()
    ax.axhline(5)
    ax.axvline(2)
    assert "A line: level at y 5." in plots.describe_figure(ax.figure)
    assert "A line: vertical at x 2." in plots.describe_figure(ax.figure)


def test_a_plot_function_can_add_what_its_artists_do_not_say_and_a_drawing_of_a_network_does():
    ax = new_axes()
    plots.add_description(ax, "The network has 4 inputs.")
    assert plots.describe_figure(ax.figure).endswith("The network has 4 inputs.")
    ax = new_axes()
    plots.draw_network(Network([4, 3, 3], seed=0), ax=ax)
    assert "4, 3 and 3" in plots.describe_figure(ax.figure)


def test_many_lines_are_counted_not_listed_and_an_empty_figure_says_so():
    ax = new_axes()
    for k in range(plots.describe.MOST + 3):
        ax.plot([0, 1], [k, k + 1], label=f"line {k}")
    text = plots.describe_figure(ax.figure)
    assert text.count("Line line") == plots.describe.MOST and "And 3 more lines." in text
    assert plots.describe_figure(Figure()) == "An empty figure."


@pytest.mark.parametrize("value", [np.nan, np.inf])
def test_lines_with_gaps_are_described_from_their_finite_points(value):
    ax = new_axes()
    ax.plot([0, 1, 2], [1.0, value, 3.0], label="gappy")
    assert "Line gappy: from 1 (x 0) to 3 (x 2)." in plots.describe_figure(ax.figure)


def test_a_line_over_categories_is_counted_and_an_unreadable_plot_is_still_described(monkeypatch):
    ax = new_axes()
    ax.plot(["setosa", "versicolor", "virginica"], [1.0, 2.0, 3.0], label="per species")
    assert "Line per species: 3 points." in plots.describe_figure(ax.figure)

    def unreadable(_ax):
        raise ValueError("no numbers here")

    monkeypatch.setattr(plots.describe, "_lines", unreadable)
    assert plots.describe_figure(ax.figure) == "A plot this description cannot read (ValueError: no numbers here)."
