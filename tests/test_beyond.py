"""Notebook 08's pieces: the run-a-case widget on wheat seeds, the regression report, the example CSV."""

import csv

import numpy as np
import pytest

from nosmoke_lib import Network, load_csv, load_wheat_seeds, make_math_func, scaler, split
from nosmoke_lib.data import DATA_DIR, WHEAT_VARIETIES
from nosmoke_lib.evaluation import UNDEFINED, regression_report
from nosmoke_lib.widgets import run_case_widget

EXAMPLE = DATA_DIR / "examples" / "seeds_small.csv"


# -- the run-a-case widget on wheat seeds ------------------------------------


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


# -- the regression report ---------------------------------------------------

# Errors 0.25, 0.5, 0, 0.5 (all exact in binary): two beyond 0.25; 0.25 itself is not beyond.
Y_TRUE = [1.0, 2.0, 3.0, 4.0]
Y_PRED = [1.25, 2.5, 3.0, 3.5]


def test_regression_report_counts_on_a_hand_made_example():
    report = regression_report(Y_TRUE, Y_PRED, threshold=0.25)
    assert report.n_samples == 4
    assert report.average_estimation_error == pytest.approx(1.25 / 4)
    assert report.max_error == pytest.approx(0.5)
    assert report.n_beyond == 2
    assert report.beyond_percent == pytest.approx(50.0)
    assert [row.beyond for row in report.rows] == [False, True, False, True]
    assert [row.error for row in report.rows] == [0.25, 0.5, 0.0, 0.5]
    assert (report.rows[1].real, report.rows[1].estimated) == (2.0, 2.5)
    assert np.array_equal(report.errors, [0.25, 0.5, 0.0, 0.5])


def test_regression_report_takes_a_column_like_predict_proba_gives():
    flat = regression_report(Y_TRUE, Y_PRED, threshold=0.1)
    column = regression_report(np.reshape(Y_TRUE, (-1, 1)), np.reshape(Y_PRED, (-1, 1)), threshold=0.1)
    assert column.average_estimation_error == flat.average_estimation_error
    assert column.n_beyond == flat.n_beyond == 3


def test_regression_report_as_text_and_html():
    report = regression_report(Y_TRUE, Y_PRED, threshold=0.25)
    text = report.to_text()
    lines = text.splitlines()
    assert lines[0].split() == ["i", "real", "estimated", "error"]
    assert lines[2].split() == ["1", "2.000", "2.500", "0.500", "✗"]
    assert lines[3].split() == ["2", "3.000", "3.000", "0.000"]
    assert "average estimation error: 0.3125" in text
    assert "error > 0.25: 2 of 4 (50.0%)" in text
    short = report.to_text(max_rows=2).splitlines()
    assert short[3] == "... (2 more samples)" and "average estimation error: 0.3125" in short[4]
    page = report._repr_html_()
    assert page.count("<tr") == 5 and page.count("background-color") == 2
    assert "average estimation error: 0.3125" in page
    assert "0.3125" in repr(report) and "2 with error > 0.25" in repr(report)


@pytest.mark.parametrize(
    ("y_true", "y_pred", "threshold", "error", "words"),
    [
        ([1.0, 2.0], [1.0], 0.1, ValueError, "y_pred must have one value per sample"),
        ([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0], 0.1, ValueError, "y_true must be 1-D"),
        ([1.0, np.nan], [1.0, 2.0], 0.1, ValueError, "finite"),
        ("1, 2", [1.0, 2.0], 0.1, TypeError, "y_true must be a 1-D array of numbers"),
        (["1", "2"], [1.0, 2.0], 0.1, TypeError, "y_true"),
        ([], [], 0.1, ValueError, "empty"),
        ([1.0], [1.0], -0.1, ValueError, "threshold must be >= 0"),
        ([1.0], [1.0], "0.1", TypeError, "threshold must be a number"),
    ],
)
def test_regression_report_names_what_is_wrong(y_true, y_pred, threshold, error, words):
    with pytest.raises(error, match=words):
        regression_report(y_true, y_pred, threshold=threshold)


def test_regression_report_of_a_trained_network_beats_guessing_the_mean():
    data = make_math_func(300, seed=0)
    X_train, X_test, y_train, y_test = split(data.X, data.y, n_train=200, n_test=100, seed=0, stratify=False)
    y_scaler = scaler(y_train.reshape(-1, 1))
    net = Network([3, 5, 1], seed=0)
    net.fit(X_train, y_scaler.transform(y_train.reshape(-1, 1)), alpha=0.1, epochs=2000)
    y_pred = y_scaler.inverse_transform(net.predict_proba(X_test))
    report = regression_report(y_test, y_pred, threshold=0.1)
    assert report.average_estimation_error == pytest.approx(np.mean(np.abs(y_test - y_pred[:, 0])))
    assert report.average_estimation_error < np.mean(np.abs(y_test - y_train.mean())) / 5
    assert report.n_beyond == np.sum(np.abs(y_test - y_pred[:, 0]) > 0.1)


# -- the example CSV -------------------------------------------------------


def test_the_example_csv_loads_as_24_kernels_of_three_varieties():
    own = load_csv(EXAMPLE, target="variety")
    assert own.X.shape == (24, 4)
    assert own.feature_names == ["area", "kernel_length", "kernel_width", "asymmetry_coefficient"]
    assert own.target_names == WHEAT_VARIETIES
    assert np.bincount(own.y).tolist() == [8, 8, 8]
    named = load_csv(EXAMPLE, target="variety", classes=WHEAT_VARIETIES)
    assert np.array_equal(named.y, own.y) and np.array_equal(named.X, own.X)


def test_the_example_csv_is_taken_from_wheat_seeds_as_data_readme_says():
    wheat = load_wheat_seeds()
    own = load_csv(EXAMPLE, target="variety", classes=WHEAT_VARIETIES)
    columns = [wheat.feature_names.index(name) for name in own.feature_names]
    for variety in range(3):  # the first 8 kernels of each variety, in file order
        first = wheat.X[wheat.y == variety][:8][:, columns]
        assert np.array_equal(own.X[own.y == variety], first)
    readme = (DATA_DIR / "README.md").read_text()
    assert "examples/seeds_small.csv" in readme


def test_a_broken_copy_of_the_example_is_reported_by_file_and_line(tmp_path):
    with EXAMPLE.open(newline="") as handle:
        rows = list(csv.reader(handle))
    rows[4][0] = "n/a"  # line 5 of the file
    broken = tmp_path / "broken.csv"
    with broken.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(ValueError, match=r"broken\.csv:5: column 'area' must be a number; got 'n/a'"):
        load_csv(broken, target="variety")
