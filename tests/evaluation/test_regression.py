"""The regression report: real vs estimated numbers, the errors beyond a threshold, the average estimation error."""

import numpy as np
import pytest

from nosmoke_lib import Network, make_math_func, scaler, split
from nosmoke_lib.evaluation import regression_report

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
