"""Hostile calls to the reports and the experiments: clear errors naming the argument."""

import numpy as np
import pytest

from nosmoke_lib import Network, evaluation, load_iris

IRIS = load_iris()
YHAT = np.array([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1]])
NET = Network([4, 3, 3], seed=0)
RUN = NET.copy().fit(IRIS.X[:10], IRIS.y[:10], epochs=20, record_every=10)

CASES = [
    (
        "names as a set",
        lambda: evaluation.classification_report([0, 1], YHAT, {"a", "b", "c"}),
        TypeError,
        ["target_names", "order"],
    ),
    (
        "names as a dict",
        lambda: evaluation.classification_report([0, 1], YHAT, {"a": 0, "b": 1, "c": 2}),
        TypeError,
        ["target_names"],
    ),
    ("names as text", lambda: evaluation.classification_report([0, 1], YHAT, "abc"), TypeError, ["target_names"]),
    (
        "too few names",
        lambda: evaluation.classification_report([0, 1], YHAT, ["a", "b"]),
        ValueError,
        ["target_names", "3"],
    ),
    (
        "class beyond the outputs",
        lambda: evaluation.classification_report([0, 3], YHAT, ["a", "b", "c"]),
        ValueError,
        ["y_true", "class 3"],
    ),
    ("threshold 2", lambda: evaluation.verdicts(YHAT, threshold=2), ValueError, ["threshold", "<= 1"]),
    ("threshold text", lambda: evaluation.verdicts(YHAT, threshold="0.8"), TypeError, ["threshold"]),
    ("regression text", lambda: evaluation.regression_report(["1", "2"], [1, 2]), TypeError, ["y_true", "numbers"]),
    ("regression lengths", lambda: evaluation.regression_report([1, 2, 3], [1, 2]), ValueError, ["y_pred", "3"]),
    (
        "regression nan",
        lambda: evaluation.regression_report([1, np.nan], [1, 2]),
        ValueError,
        ["y_true", "finite", "index 1"],
    ),
    (
        "regression two columns",
        lambda: evaluation.regression_report(np.ones((3, 2)), np.ones(3)),
        ValueError,
        ["y_true", "column"],
    ),
    (
        "features out of range",
        lambda: evaluation.train_test_data(IRIS.X, IRIS.y, features=(0, 7)),
        ValueError,
        ["features[1]", "<= 3"],
    ),
    (
        "features repeated",
        lambda: evaluation.train_test_data(IRIS.X, IRIS.y, features=(1, 1)),
        ValueError,
        ["features", "once"],
    ),
    ("features empty", lambda: evaluation.train_test_data(IRIS.X, IRIS.y, features=()), TypeError, ["features"]),
    ("n_train too big", lambda: evaluation.train_test_data(IRIS.X, IRIS.y, n_train=500), ValueError, ["n_train"]),
    (
        "n_test everything",
        lambda: evaluation.hold_out_test_set(IRIS.X, IRIS.y, n_test=150),
        ValueError,
        ["n_test", "<= 149"],
    ),
    ("hidden 0", lambda: evaluation.train_test_curves(IRIS.X, IRIS.y, hidden=0), ValueError, ["hidden", ">= 1"]),
    ("no sizes", lambda: evaluation.learning_curve(IRIS.X, IRIS.y, sizes=[]), TypeError, ["sizes"]),
    ("no seeds", lambda: evaluation.learning_curve(IRIS.X, IRIS.y, seeds=()), TypeError, ["seeds"]),
    ("a snapshot that is not one", lambda: evaluation.network_at(NET, [1, 2]), TypeError, ["snapshot"]),
    ("an epoch never run", lambda: evaluation.loss_at(RUN, 999), ValueError, ["epoch", "<= 20"]),
    ("accuracy of no network", lambda: evaluation.accuracy(None, IRIS.X, IRIS.y), TypeError, ["net", "Network"]),
    ("accuracy labels short", lambda: evaluation.accuracy(NET, IRIS.X, IRIS.y[:5]), ValueError, ["y", "150"]),
    ("accuracy of a 3-D y", lambda: evaluation.accuracy(NET, IRIS.X[:2], np.ones((2, 2, 2))), ValueError, ["y", "2-D"]),
    ("average error of text", lambda: evaluation.average_error(NET, IRIS.X[:2], ["a", "b"]), TypeError, ["Y"]),
    ("loss along no history", lambda: evaluation.loss_along(NET, None, IRIS.X, IRIS.y), TypeError, ["history"]),
    ("loss along no network", lambda: evaluation.loss_along("net", RUN, IRIS.X, IRIS.y), TypeError, ["net"]),
]


@pytest.mark.parametrize("name, call, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_bad_call_is_refused_naming_the_argument(assert_refused, name, call, error, words):
    assert_refused(call, error, words)
