"""The result report: verdicts, counts and percentages on hand-made examples, and its errors for bad input."""

import numpy as np
import pytest

from nosmoke_lib import Network
from nosmoke_lib.evaluation import UNDEFINED, classification_report, verdicts

NAMES = ["setosa", "versicolor", "virginica"]

# Five hand-made samples. Truth: 0, 1, 2, 1, 2.
#   0: sure and right        1: right best guess, but unsure (0.7 < 0.8)
#   2: sure and wrong (0.9)  3: wrong best guess, unsure      4: right, exactly at the threshold
Y_TRUE = [0, 1, 2, 1, 2]
YHAT = [
    [0.95, 0.05, 0.00],
    [0.10, 0.70, 0.20],
    [0.00, 0.90, 0.10],
    [0.60, 0.30, 0.10],
    [0.00, 0.20, 0.80],
]


def test_a_sample_is_undefined_exactly_when_its_largest_output_is_below_the_threshold():
    assert verdicts(YHAT).tolist() == [0, UNDEFINED, 1, UNDEFINED, 2]
    assert verdicts(YHAT, threshold=0.5).tolist() == [0, 1, 1, 0, 2]
    assert verdicts([[0.79, 0.1, 0.1]]).tolist() == [UNDEFINED]
    assert verdicts([[0.1, 0.8, 0.1]]).tolist() == [1]  # reaching the threshold is enough


def test_two_outputs_above_the_threshold_give_the_larger_one():
    assert verdicts([[0.85, 0.95, 0.0]]).tolist() == [1]


def test_a_single_row_is_one_sample():
    assert verdicts([0.1, 0.9, 0.0]).tolist() == [1]


def test_counts_and_percentages_on_a_hand_made_example():
    report = classification_report(Y_TRUE, YHAT, NAMES)
    assert report.n_samples == 5
    assert report.n_errors == 2  # samples 2 and 3
    assert report.n_undefined == 2  # samples 1 and 3
    assert report.n_sure_and_wrong == 1  # sample 2
    assert report.error_percent == pytest.approx(40.0)
    assert report.undefined_percent == pytest.approx(40.0)
    assert report.error_rate == pytest.approx(0.4)
    assert [row.correct for row in report.rows] == [True, True, False, False, True]
    assert [row.estimated for row in report.rows] == ["setosa", "undefined", "versicolor", "undefined", "virginica"]
    assert [row.best_guess for row in report.rows] == ["setosa", "versicolor", "versicolor", "setosa", "virginica"]
    assert report.rows[1].real == "versicolor" and report.rows[1].probabilities == (0.1, 0.7, 0.2)


def test_average_prediction_error_is_the_mean_absolute_difference_from_the_one_hot_truth():
    # |Y - Yhat| summed per row: 0.1, 0.6, 1.8, 1.4, 0.4 -> total 4.3 over 15 entries
    report = classification_report(Y_TRUE, YHAT, NAMES)
    assert report.average_prediction_error == pytest.approx(4.3 / 15)
    assert classification_report([0, 1], [[1.0, 0.0], [0.0, 1.0]], ["a", "b"]).average_prediction_error == 0.0
    thirds = classification_report([0, 1, 2], np.full((3, 3), 1 / 3), NAMES)
    assert thirds.average_prediction_error == pytest.approx(4 / 9)


def test_the_error_count_agrees_with_a_trained_networks_accuracy(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train, epochs=300)
    Yhat = net.predict_proba(X_test)
    report = classification_report(y_test, Yhat, NAMES)
    accuracy = np.mean(net.predict(X_test) == y_test)
    assert report.n_errors == round((1 - accuracy) * len(y_test))
    assert np.array_equal(report.verdicts == UNDEFINED, Yhat.max(axis=1) < 0.8)


def test_the_text_and_html_mark_the_wrong_rows_with_rounded_numbers():
    report = classification_report(Y_TRUE, YHAT, NAMES)
    lines = report.to_text().splitlines()
    assert lines[0].split() == ["i", "real", "estimated", "setosa", "versicolor", "virginica", "correct"]
    assert [line.endswith("✗ no") for line in lines[1:6]] == [False, False, True, True, False]
    assert "undefined (setosa?)" in lines[4] and "0.600" in lines[4]
    assert "errors: 2 of 5 (40.0%)" in report.to_text()
    assert len(report.to_text(wrong_only=True).splitlines()) == 1 + 2 + 4
    page = report._repr_html_()
    assert page.count("background-color") == 2 and page.count("✗ no") == 2
    assert "0.950" in page and "0.95<" not in page
    assert repr(report) == (
        "ClassificationReport(5 samples: 2 wrong (40.0%), 2 undefined (40.0%), average prediction error 0.2867)"
    )


def test_names_are_escaped_in_html():
    page = classification_report([0, 1], [[0.9, 0.1], [0.1, 0.9]], ["<a>", "b&c"])._repr_html_()
    assert "&lt;a&gt;" in page and "b&amp;c" in page and "<a>" not in page


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: verdicts([[0.5, np.nan]]), "Yhat"),
        (lambda: verdicts([], threshold=0.8), "Yhat"),
        (lambda: verdicts(YHAT, threshold=1.5), "threshold"),
        (lambda: verdicts(YHAT, threshold=-0.1), "threshold"),
        (lambda: classification_report([0, 1], YHAT, NAMES), "y_true"),
        (lambda: classification_report([0, 1, 2, 3, 0], YHAT, NAMES), "y_true"),
        (lambda: classification_report([0, 1, 2, 1, -1], YHAT, NAMES), "y_true"),
        (lambda: classification_report(Y_TRUE, YHAT, ["setosa", "versicolor"]), "target_names"),
        (lambda: classification_report(Y_TRUE, np.ones((5, 3, 1)), NAMES), "Yhat"),
        (lambda: classification_report(Y_TRUE, YHAT, NAMES, threshold=2), "threshold"),
    ],
)
def test_bad_inputs_raise_a_value_error_naming_the_argument(call, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        call()


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: verdicts("0.9"), "Yhat"),
        (lambda: verdicts(YHAT, threshold="0.8"), "threshold"),
        (lambda: classification_report(Y_TRUE, YHAT, "setosa"), "target_names"),
        (lambda: classification_report([0.5, 1, 2, 1, 2], YHAT, NAMES), "y_true"),
    ],
)
def test_inputs_of_the_wrong_type_raise_a_type_error_naming_the_argument(call, argument):
    with pytest.raises(TypeError, match=rf"^{argument}\b"):
        call()
