"""The drawings: the numbers on the network drawing, and a title on every drawing."""

import numpy as np
import pytest

from nosmoke_lib import Network, load_iris, plots, split

from .helpers import assert_title_and_labels, new_axes


def labels(ax, gid):
    return [t for t in ax.texts if t.get_gid() == gid]


@pytest.fixture(scope="module")
def trained():
    """A [4, 2, 3] network trained a little on Iris: weights of every size and both signs."""
    iris = load_iris()
    X, _, y, _ = split(iris.X, iris.y)
    net = Network([4, 2, 3], seed=0)
    net.fit(X, y, alpha=0.01, epochs=300)
    return net


# -- the numbers on the network drawing ------------------------------------------------------------


def test_show_values_writes_every_weight_and_bias_rounded_to_two_decimals(trained):
    ax = plots.draw_network(trained, ax=new_axes(), input_names=plots.IRIS_SHORT, show_values=True)
    weights = np.concatenate([W.ravel() for W in trained.weights])  # W1 row by row, then W2: the lines' order
    texts = [t.get_text() for t in labels(ax, "weight")]
    assert texts == [f"{w:.2f}" for w in weights]
    assert np.allclose([float(t) for t in texts], np.round(weights, 2))
    biases = np.concatenate(trained.biases)
    assert [t.get_text() for t in labels(ax, "bias")] == [f"{b:.2f}" for b in biases]
    assert "weights on the synapses" in ax.get_title() and "biases in the neurons" in ax.get_title()


def test_each_weight_sits_on_its_own_synapse(trained):
    ax = plots.draw_network(trained, ax=new_axes(), show_values=True)
    for line, text in zip(ax.lines, labels(ax, "weight")):
        (x0, x1), (y0, y1) = line.get_xdata(), line.get_ydata()
        x, y = text.get_position()
        t = (x - x0) / (x1 - x0)
        assert 0.1 < t < 0.9, "along the line, clear of both neurons"
        assert y == pytest.approx(y0 + t * (y1 - y0)), "on the line"


@pytest.mark.parametrize("sizes, figsize", [([4, 2, 3], (6, 4)), ([2, 8, 3], (13, 4.5))])
def test_the_weight_labels_do_not_pile_up(sizes, figsize):
    ax = new_axes(figsize)
    plots.draw_network(Network(sizes, seed=0), ax=ax, show_values=True)
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels(ax, "weight")]  # the upright box around a turned label
    assert len(boxes) == sum(a * b for a, b in zip(sizes, sizes[1:]))
    overlaps = []
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            area = max(0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0, min(a.y1, b.y1) - max(a.y0, b.y0))
            overlaps.append(area / min(a.width * a.height, b.width * b.height))
    assert max(overlaps) < 0.5, "no label hides half of another"
    assert np.mean(np.array(overlaps) > 0) < 0.02, "almost every pair of labels is apart"


def test_no_numbers_unless_asked(trained):
    ax = plots.draw_network(trained, ax=new_axes(), input_names=plots.IRIS_SHORT, output_names=plots.IRIS_SPECIES)
    assert not labels(ax, "weight") and not labels(ax, "bias")
    assert len(ax.texts) == 4 + 3 + 3, "only the names and the three layer headings"
    assert "\n" not in ax.get_title()


def test_a_network_too_big_for_numbers_gets_none_and_the_title_says_why():
    net = Network([4, 8, 3], seed=0)  # 32 + 24 = 56 synapses
    ax = plots.draw_network(net, ax=new_axes(), show_values=True)
    assert not labels(ax, "weight") and not labels(ax, "bias")
    assert "56 synapses are too many" in ax.get_title() and "at most 40" in ax.get_title()
    ax = plots.draw_network(net, ax=new_axes(), show_values=True, max_values=60)
    assert len(labels(ax, "weight")) == 56


def test_a_network_without_bias_gets_weights_only():
    ax = plots.draw_network(Network([2, 2, 1], bias=False, seed=0), ax=new_axes(), show_values=True)
    assert len(labels(ax, "weight")) == 6 and not labels(ax, "bias")
    assert "biases" not in ax.get_title()


# -- every drawing: a title (its axes are switched off) --------------------------------------------


DRAWINGS = {
    "plots.draw_network": lambda ax: plots.draw_network(Network([4, 3, 3], seed=0), ax=ax),
    "plots.draw_matmul": lambda ax: plots.draw_matmul(60, 4, 8, ax=ax),
}


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_every_plot_has_a_title_and_axis_labels(name):
    assert_title_and_labels(name, DRAWINGS[name])
