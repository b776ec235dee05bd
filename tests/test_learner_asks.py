"""What learners of other courses ask about the starting weights, answered by initial_weights_widget, headless.

Each test sets the controls as a learner would and checks the numbers the widget shows.
"""

import ipywidgets
import numpy as np
import pytest

from nosmoke_lib import Network
from nosmoke_lib import widgets as w


@pytest.fixture(scope="module")
def widget(iris_split):
    X_train, _, y_train, _ = iris_split
    return w.initial_weights_widget(X_train, y_train)


def set_controls(widget, scale, equal=False):
    with widget.changing():
        widget.weight_scale.value = scale
        widget.equal.value = equal
    return widget.numbers


def test_controls_are_a_log_slider_from_001_to_30_and_a_checkbox(widget):
    assert isinstance(widget.weight_scale, ipywidgets.FloatLogSlider)
    assert widget.weight_scale.continuous_update is False
    assert widget.weight_scale.min == pytest.approx(-2) and 10**widget.weight_scale.max == pytest.approx(30)
    assert isinstance(widget.equal, ipywidgets.Checkbox) and widget.equal.value is False


def test_saturation_rises_and_the_slopes_fall_with_the_weight_scale(widget):
    scales = [0.01, 0.1, 1.0, 3.0, 10.0, 30.0]
    shares, slopes = zip(*[(n["saturated"], n["mean_slope"]) for n in (set_controls(widget, s) for s in scales)])
    assert all(a <= b for a, b in zip(shares, shares[1:])), shares
    assert all(a > b for a, b in zip(slopes, slopes[1:])), slopes
    assert shares[0] == 0.0 and shares[-1] > 0.9
    assert slopes[0] == pytest.approx(0.25, abs=1e-3) and slopes[-1] < 0.01


def test_the_numbers_are_the_starting_networks_hidden_layer(widget, iris_split):
    X_train = iris_split[0]
    numbers = set_controls(widget, 10.0)
    A2 = Network([4, 8, 3], seed=0, weight_scale=10.0).forward(X_train)[1]
    assert np.array_equal(widget.A2, A2)
    assert numbers["saturated"] == pytest.approx(np.mean((A2 < 0.01) | (A2 > 0.99)))
    assert numbers["mean_slope"] == pytest.approx(np.mean(A2 * (1 - A2)))
    assert f"{numbers['saturated']:.0%}" in widget.status.value


def test_a_large_scale_stalls_training(widget):
    default = set_controls(widget, 1.0)
    large = set_controls(widget, 30.0)
    drop_default = default["initial_loss"] - default["final_loss"]
    drop_large = large["initial_loss"] - large["final_loss"]
    assert drop_default > 10 and drop_large < 0.01 * drop_default
    assert widget.history.epochs_run == widget.epochs


def test_equal_starting_weights_keep_the_hidden_neurons_identical(widget):
    assert set_controls(widget, 0.1, equal=False)["distinct_neurons"] == 8
    numbers = set_controls(widget, 0.1, equal=True)
    assert numbers["distinct_neurons"] == 1
    assert numbers["saturated"] == 0.0  # not stuck: the neurons stay equal although they learn
    assert numbers["final_loss"] < numbers["initial_loss"] - 5
    W1, b1 = widget.trained.weights[0], widget.trained.biases[0]
    assert not np.allclose(W1, widget.start.weights[0])  # they did move ...
    assert np.allclose(W1, W1[:, :1]) and np.allclose(b1, b1[0])  # ... all in step
    assert np.allclose(widget.A2_trained, widget.A2_trained[:, :1])
    assert "1 of 8" in widget.status.value


def test_setting_a_control_redraws_the_picture(widget):
    set_controls(widget, 1.0)
    before = widget.image.value
    widget.weight_scale.value = 30.0
    assert widget.image.value != before
    assert widget.history.alpha == widget.alpha
