"""Decision regions: the grid over a plane, the class a network gives each point of it, and the tint it is painted in."""

import numpy as np
import pytest

from nosmoke_lib import Network, plots
from nosmoke_lib.plots import regions

from .helpers import new_axes


def larger_coordinate(sizes):
    """A network whose class is the larger of its last layer's two inputs: that layer's weights the identity."""
    net = Network(sizes, activation="identity", seed=0)
    net.weights[-1][...] = np.eye(2)
    net.biases[-1][:] = 0.0
    return net


def test_plane_grid_covers_the_samples_and_a_margin_row_by_row():
    points, extent = regions.plane_grid([[0.0, 0.0], [2.0, 1.0]], size=3, margin=0.5)
    assert extent == pytest.approx((-0.5, 2.5, -0.5, 1.5))
    assert points.shape == (9, 2)
    assert np.allclose(points[:3], [[-0.5, -0.5], [1.0, -0.5], [2.5, -0.5]])  # row 0: the lowest y
    assert np.allclose(points[-1], [2.5, 1.5])
    with pytest.raises(ValueError, match="X2"):
        regions.plane_grid(np.ones((4, 3)))


def test_hidden_plane_grid_covers_the_unit_square():
    points, extent = regions.hidden_plane_grid(size=5)
    assert extent == pytest.approx((-0.04, 1.04, -0.04, 1.04))
    assert points.min() == pytest.approx(-0.04) and points.max() == pytest.approx(1.04)


def test_decision_regions_are_the_predicted_class_at_each_point_row_by_row():
    points, _ = regions.plane_grid([[0.0, 0.0], [2.0, 2.0]], size=3, margin=0.0)  # x and y in 0, 1, 2
    classes = regions.decision_regions(larger_coordinate([2, 2]), points, 3)
    # class 1 where y > x (above the diagonal), else class 0 (argmax takes the first of a tie)
    assert classes.tolist() == [[0, 0, 0], [1, 0, 0], [1, 1, 0]]


def test_output_regions_apply_the_output_layer_alone():
    net = larger_coordinate([4, 2, 2])
    points, _ = regions.hidden_plane_grid(size=3)  # x and y in -0.04, 0.5, 1.04
    assert regions.output_regions(net, points, 3).tolist() == [[0, 0, 0], [1, 0, 0], [1, 1, 0]]


def test_paint_regions_gives_each_class_a_light_species_colour():
    ax = new_axes()
    image = regions.paint_regions(ax, (0.0, 1.0, 0.0, 1.0), n_classes=3, grid=4, tint=0.6)
    assert image.get_extent() == [0.0, 1.0, 0.0, 1.0]
    assert np.allclose(image.cmap.colors, [plots.light(c, 0.6) for c in plots.SPECIES_COLORS])
    assert image.get_array().shape == (4, 4)


def test_scatter_species_draws_one_series_per_species():
    X2 = np.array([[0.0, 1.0], [1.0, 2.0], [2.0, 3.0], [3.0, 4.0]])
    y = np.array([0, 2, 0, 1])
    scatters = regions.scatter_species(new_axes(), X2, y, ["setosa", "versicolor", "virginica"])
    assert [s.get_label() for s in scatters] == ["setosa", "versicolor", "virginica"]
    assert np.array_equal(scatters[0].get_offsets(), X2[[0, 2]])
    assert np.array_equal(scatters[2].get_offsets(), X2[[1]])
