"""Hostile calls to split, one_hot, scaler and export_split: clear errors, and no half-written files."""

import numpy as np
import pytest

from nosmoke_lib import export_split, load_iris, one_hot, scaler, split

IRIS = load_iris()

CASES = [
    (
        "a class of one",
        lambda: split(np.ones((10, 2)), [0] * 9 + [1], n_train=5, n_test=5),
        ValueError,
        ["class 1", "stratify=False"],
    ),
    (
        "regression targets",
        lambda: split(np.ones((10, 2)), np.linspace(0, 1, 10), n_train=5, n_test=5),
        TypeError,
        ["y", "stratify=False"],
    ),
    (
        "too many samples",
        lambda: split(IRIS.X, IRIS.y, n_train=100, n_test=60),
        ValueError,
        ["n_train + n_test", "150"],
    ),
    ("negative seed", lambda: split(IRIS.X, IRIS.y, seed=-3), ValueError, ["seed", ">= 0"]),
    ("stratify text", lambda: split(IRIS.X, IRIS.y, stratify="yes"), TypeError, ["stratify"]),
    ("y too short", lambda: split(IRIS.X, IRIS.y[:10]), ValueError, ["y", "150"]),
    ("y as text", lambda: split(IRIS.X, "setosa"), ValueError, ["y"]),
    ("one_hot of a million classes", lambda: one_hot([0, 10**6]), ValueError, ["y", "outputs", "at most"]),
    ("one_hot n_classes too big", lambda: one_hot([0, 1], n_classes=10**7), ValueError, ["n_classes", "<="]),
    ("one_hot n_classes too small", lambda: one_hot([0, 5], n_classes=3), ValueError, ["n_classes", "5"]),
    ("one_hot of floats", lambda: one_hot([0.5, 1]), TypeError, ["y", "whole-number"]),
    ("one_hot of text", lambda: one_hot("012"), TypeError, ["y"]),
    ("scaler kind", lambda: scaler(IRIS.X, "robust"), ValueError, ["kind", "robust"]),
    ("scaler of nan", lambda: scaler([[1.0, np.nan]]), ValueError, ["X", "finite"]),
    (
        "export labels beyond the names",
        lambda: export_split("out", IRIS.X[:2], IRIS.X[:2], [0, 5], [0, 1], ["a", "b", "c", "d"], ["x", "y"]),
        ValueError,
        ["y_train", "class 5"],
    ),
    (
        "export feature names as text",
        lambda: export_split("out", IRIS.X[:2], IRIS.X[:2], [0, 1], [0, 1], "abcd", ["x", "y"]),
        TypeError,
        ["feature_names"],
    ),
    (
        "export target names as a set",
        lambda: export_split("out", IRIS.X[:2], IRIS.X[:2], [0, 1], [0, 1], list("abcd"), {"x", "y"}),
        TypeError,
        ["target_names"],
    ),
]


@pytest.mark.parametrize("name, call, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_bad_call_is_refused_naming_the_argument(assert_refused, tmp_path, monkeypatch, name, call, error, words):
    monkeypatch.chdir(tmp_path)
    assert_refused(call, error, words)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir()), "a failed export wrote files"


def test_a_failed_export_writes_neither_file(tmp_path):
    X_train, X_test, y_train, y_test = split(IRIS.X, IRIS.y)
    with pytest.raises(ValueError, match="X_test"):
        export_split(tmp_path, X_train, X_test[:, :3], y_train, y_test, IRIS.feature_names, IRIS.target_names)
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_file_path_is_refused(tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(NotADirectoryError, match="folder"):
        export_split(tmp_path / "taken", *split(IRIS.X, IRIS.y), IRIS.feature_names, IRIS.target_names)
