"""The original program's "run case" and "generate case", driven headless: on Iris, and on wheat seeds (notebook 08)."""

import numpy as np
import pytest

from nosmoke_lib import Network, load_wheat_seeds, split
from nosmoke_lib.evaluation import UNDEFINED
from nosmoke_lib.widgets import run_case_widget

# -- on Iris ---------------------------------------------------------------------------------------


def test_run_case_shows_each_class_and_the_verdict_or_undefined(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train)
    widget = run_case_widget(net, X_test, y_test, ["SL", "SW", "PL", "PW"], ["setosa", "versicolor", "virginica"])
    with widget.changing():
        for slider, value in zip(widget.sliders, [5.0, 3.4, 1.5, 0.2]):  # a typical setosa
            slider.value = value
    assert np.allclose(widget.probabilities, net.predict_proba([[5.0, 3.4, 1.5, 0.2]])[0])
    assert widget.verdict == 0 and "setosa" in widget.status.value
    undecided = np.where(net.predict_proba(X_test).max(axis=1) < 0.8)[0]
    with widget.changing():
        for slider, value in zip(widget.sliders, X_test[undecided[0]]):
            slider.value = value
    assert widget.verdict == -1 and "undefined" in widget.status.value


def test_generate_case_fills_a_test_sample_and_shows_its_true_class(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train)
    widget = run_case_widget(net, X_test, y_test, ["SL", "SW", "PL", "PW"], ["setosa", "versicolor", "virginica"])
    row = widget.generate_case()
    assert [s.value for s in widget.sliders] == X_test[row].tolist()
    assert np.allclose(widget.probabilities, net.predict_proba(X_test[row])[0])
    assert f"true class: <b>{['setosa', 'versicolor', 'virginica'][y_test[row]]}</b>" in widget.status.value
    widget.sliders[0].value = widget.sliders[0].min  # a hand-made change: no true class any more
    assert "true class" not in widget.status.value


# -- on wheat seeds --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheat_case():
    """A [7, 8, 3] network trained on raw wheat measurements, and the test set the widget draws from."""
    wheat = load_wheat_seeds()
    X_train, X_test, y_train, y_test = split(wheat.X, wheat.y, n_train=140, n_test=70, seed=0)
    net = Network([7, 8, 3], seed=0)
    net.fit(X_train, y_train, alpha=0.01, epochs=2000)
    return net, X_test, y_test, wheat


def make_widget(wheat_case):
    net, X_test, y_test, wheat = wheat_case
    return run_case_widget(net, X_test, y_test, wheat.feature_names, wheat.target_names, threshold=0.75, seed=0)


def set_sample(widget, sample):
    with widget.changing():  # one redraw for all seven sliders
        for slider, value in zip(widget.sliders, sample):
            slider.value = float(value)


def test_sliders_are_one_per_measurement_within_the_test_sets_range(wheat_case):
    _, X_test, _, wheat = wheat_case
    widget = make_widget(wheat_case)
    assert [s.description for s in widget.sliders] == wheat.feature_names
    assert np.allclose([s.min for s in widget.sliders], X_test.min(axis=0))
    assert np.allclose([s.max for s in widget.sliders], X_test.max(axis=0))
    assert all(s.continuous_update is False for s in widget.sliders)


@pytest.mark.parametrize("row", [0, 17, 42])
def test_slider_values_give_the_networks_probabilities_for_that_sample(wheat_case, row):
    net, X_test, _, _ = wheat_case
    widget = make_widget(wheat_case)
    set_sample(widget, X_test[row])
    shown = np.array([s.value for s in widget.sliders])
    assert np.allclose(shown, X_test[row])
    assert np.allclose(widget.probabilities, net.predict_proba(shown[None, :])[0])
    before = widget.probabilities.copy()
    widget.sliders[0].value = float(widget.sliders[0].max)  # one slider alone redraws too
    shown = np.array([s.value for s in widget.sliders])
    assert np.allclose(widget.probabilities, net.predict_proba(shown[None, :])[0])
    assert not np.allclose(widget.probabilities, before)


def test_the_verdict_is_undefined_exactly_when_no_output_reaches_the_threshold(wheat_case):
    net, X_test, y_test, wheat = wheat_case
    largest = net.predict_proba(X_test).max(axis=1)
    unsure, sure = np.flatnonzero(largest < 0.75), np.flatnonzero(largest >= 0.75)
    assert len(unsure) > 0 and len(sure) > 0  # the test set holds both kinds
    widget = make_widget(wheat_case)
    for row in unsure[:3]:
        set_sample(widget, X_test[row])
        assert widget.probabilities.max() < 0.75
        assert widget.verdict == UNDEFINED == -1
        assert "verdict: <b>undefined</b>" in widget.status.value
    for row in sure[:3]:
        set_sample(widget, X_test[row])
        best = int(np.argmax(widget.probabilities))
        assert widget.verdict == best
        assert f"verdict: <b>{wheat.target_names[best]}</b>" in widget.status.value


def test_generate_case_fills_in_a_test_kernel_and_shows_its_true_variety(wheat_case):
    net, X_test, y_test, wheat = wheat_case
    widget = make_widget(wheat_case)
    rows = set()
    for _ in range(5):
        row = widget.generate_case()
        rows.add(row)
        assert np.allclose([s.value for s in widget.sliders], X_test[row])
        assert np.allclose(widget.probabilities, net.predict_proba(X_test[row : row + 1])[0])
        assert widget.truth == y_test[row]
        assert f"true class: <b>{wheat.target_names[y_test[row]]}</b>" in widget.status.value
    assert len(rows) > 1  # random rows, not always the same one
    widget.sliders[2].value = float(widget.sliders[2].min)  # a hand-made case has no true class
    assert widget.truth is None and "true class" not in widget.status.value


def test_the_generate_button_does_what_generate_case_does(wheat_case):
    _, X_test, y_test, wheat = wheat_case
    widget = make_widget(wheat_case)
    twin = make_widget(wheat_case)  # same seed: same random rows
    widget.generate.click()
    row = twin.generate_case()
    assert np.allclose([s.value for s in widget.sliders], X_test[row])
    assert f"true class: <b>{wheat.target_names[y_test[row]]}</b>" in widget.status.value
