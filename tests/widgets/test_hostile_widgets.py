"""Widgets never move a value into their sliders' range in silence: out of range is a clear ValueError."""

import numpy as np
import pytest

from nosmoke_lib import Network, load_iris, split, widgets

IRIS = load_iris()
X, _, Y, _ = split(IRIS.X, IRIS.y)
NET = Network([4, 3, 3], seed=0)


def square(x):
    return x * x


def slope(x):
    return 2 * x


CASES = [
    (
        "alpha 100",
        lambda: widgets.training_widget(X, Y, [4, 8, 3], alpha=100),
        ValueError,
        ["alpha", "<= 10", "slider"],
    ),
    ("epochs 5", lambda: widgets.training_widget(X, Y, [4, 8, 3], epochs=5), ValueError, ["epochs", ">= 10"]),
    (
        "neuron weight 5",
        lambda: widgets.neuron_widget([1, 2], ["a", "b"], weights=[5, -7]),
        ValueError,
        ["weights[0]", "<= 2"],
    ),
    ("neuron bias 50", lambda: widgets.neuron_widget([1, 2], ["a", "b"], bias=50), ValueError, ["bias", "<= 10"]),
    ("neuron names", lambda: widgets.neuron_widget([1, 2], ["a"]), ValueError, ["names", "2"]),
    ("cascade width 0", lambda: widgets.cascade_widget(width=0), ValueError, ["width", ">= 1"]),
    ("cascade depth 9", lambda: widgets.cascade_widget(hidden_layers=9), ValueError, ["hidden_layers", "<= 4"]),
    (
        "weight scale 100",
        lambda: widgets.initial_weights_widget(X, Y, weight_scale=100),
        ValueError,
        ["weight_scale", "<= 30"],
    ),
    ("descent steps 500", lambda: widgets.descent_widget(square, slope, steps=500), ValueError, ["steps", "<= 100"]),
    ("descent alpha 0", lambda: widgets.descent_widget(square, slope, alpha=0), ValueError, ["alpha", ">="]),
    ("descent f not a function", lambda: widgets.descent_widget(3, slope), TypeError, ["f and df"]),
    ("replay features", lambda: widgets.replay_widget(X, Y, features=(2, 9)), ValueError, ["features[1]"]),
    ("replay one feature", lambda: widgets.replay_widget(X, Y, features=(2,)), ValueError, ["features", "2 column"]),
    (
        "overfitting hidden 200",
        lambda: widgets.overfitting_widget(IRIS.X, IRIS.y, hidden=200),
        ValueError,
        ["hidden", "<= 64"],
    ),
    (
        "run case threshold",
        lambda: widgets.run_case_widget(NET, X, Y, list("abcd"), list("xyz"), threshold=5),
        ValueError,
        ["threshold", "<= 1"],
    ),
    (
        "run case names",
        lambda: widgets.run_case_widget(NET, X, Y, list("abc"), list("xyz")),
        TypeError,
        ["feature_names", "4"],
    ),
    (
        "run case not a network",
        lambda: widgets.run_case_widget("net", X, Y, list("abcd"), list("xyz")),
        TypeError,
        ["net"],
    ),
]


@pytest.mark.parametrize("name, call, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_value_outside_the_slider_is_refused(assert_refused, name, call, error, words):
    assert_refused(call, error, words)


def test_values_at_the_ends_of_the_sliders_are_kept_exactly():
    assert widgets.training_widget(X, Y, [4, 8, 3], alpha=10, epochs=10).alpha.value == pytest.approx(10)
    neuron = widgets.neuron_widget([1, 2], ["a", "b"], weights=[2, -2], bias=-10)
    assert [s.value for s in neuron.weight_sliders] == [2, -2] and neuron.bias_slider.value == -10
    assert np.isclose(widgets.initial_weights_widget(X, Y, weight_scale=30).weight_scale.value, 30)
