"""Preparing data for a network: split, one_hot, scaler, export_split."""

import numpy as np
import pytest

from nosmoke_lib import load_csv, load_iris, make_math_func, one_hot, scaler, split

# -- split -----------------------------------------------------------------------------------------


def indexed_split(iris, **kwargs):
    """Split Iris with each row's index as an extra column, to see which flowers went where."""
    X = np.column_stack([iris.X, np.arange(len(iris.X))])
    X_train, X_test, y_train, y_test = split(X, iris.y, **kwargs)
    return X_train[:, -1].astype(int), X_test[:, -1].astype(int), y_train, y_test


def test_split_sizes_and_order(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    assert X_train.shape == (60, 4) and X_test.shape == (35, 4)
    assert y_train.shape == (60,) and y_test.shape == (35,)


def test_split_is_disjoint_and_keeps_rows_with_labels(iris):
    train, test, y_train, y_test = indexed_split(iris, seed=0)
    assert len(set(train)) == 60 and len(set(test)) == 35
    assert not set(train) & set(test)
    assert np.array_equal(y_train, iris.y[train]) and np.array_equal(y_test, iris.y[test])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_split_is_stratified(iris, seed):
    _, _, y_train, y_test = indexed_split(iris, seed=seed)
    assert np.bincount(y_train).tolist() == [20, 20, 20]
    counts = np.bincount(y_test, minlength=3)
    assert counts.sum() == 35 and counts.min() >= 11 and counts.max() <= 12


def test_split_is_seeded(iris):
    a, b, c = indexed_split(iris, seed=4), indexed_split(iris, seed=4), indexed_split(iris, seed=5)
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert not np.array_equal(a[0], c[0])


def test_split_without_stratification_takes_regression_targets():
    data = make_math_func(100, seed=0)
    X_train, X_test, y_train, y_test = split(data.X, data.y, n_train=60, n_test=40, stratify=False)
    assert X_train.shape == (60, 3) and y_test.shape == (40,)
    assert sorted(np.concatenate([y_train, y_test]).tolist()) == sorted(data.y.tolist())


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"n_train": 100, "n_test": 51}, "n_train"),
        ({"n_train": 0}, "n_train"),
        ({"n_test": -1}, "n_test"),
        ({"n_train": 60.0}, "n_train"),
        ({"seed": "0"}, "seed"),
    ],
)
def test_split_bad_sizes(iris, kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        split(iris.X, iris.y, **kwargs)


def test_split_bad_labels(iris):
    y = iris.y.copy()
    y[3] = -1
    with pytest.raises(ValueError, match=r"\by\b.*>= 0"):
        split(iris.X, y)
    with pytest.raises(ValueError, match=r"\by\b"):
        split(iris.X, iris.y[:-1])
    with pytest.raises(ValueError, match=r"\bX\b"):
        split(np.full((150, 4), np.nan), iris.y)


# -- one_hot and scaler ----------------------------------------------------------------------------


def test_one_hot():
    labels = [2, 0, 1, 1]
    encoded = one_hot(labels)
    expected = np.zeros((4, 3))
    for row, label in enumerate(labels):
        expected[row, label] = 1.0
    assert np.array_equal(encoded, expected)
    assert np.array_equal(one_hot(labels, n_classes=5)[:, :3], expected)
    assert np.all(one_hot(labels, n_classes=5)[:, 3:] == 0)
    assert np.array_equal(np.argmax(encoded, axis=1), labels)


@pytest.mark.parametrize(
    ("labels", "n_classes", "name"),
    [([0, 3], 3, "n_classes"), ([0, -1], None, r"\by\b"), (["a", "b"], None, r"\by\b"), ([0.5, 1], None, r"\by\b")],
)
def test_one_hot_bad_input(labels, n_classes, name):
    with pytest.raises((ValueError, TypeError), match=name):
        one_hot(labels, n_classes=n_classes)


def test_minmax_scaler(iris_split):
    X_train, X_test, _, _ = iris_split
    s = scaler(X_train)  # minmax by default
    scaled = s.transform(X_train)
    np.testing.assert_allclose(scaled.min(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(scaled.max(axis=0), 1.0, atol=1e-12)
    expected = (X_test - X_train.min(axis=0)) / (X_train.max(axis=0) - X_train.min(axis=0))
    np.testing.assert_allclose(s.transform(X_test), expected, rtol=1e-12)
    np.testing.assert_allclose(s.inverse_transform(s.transform(X_test)), X_test, rtol=1e-12)


def test_standard_scaler(iris_split):
    X_train, _, _, _ = iris_split
    scaled = scaler(X_train, kind="standard").transform(X_train)
    np.testing.assert_allclose(scaled.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(scaled.std(axis=0), 1.0, rtol=1e-12)


def test_scaler_bad_input():
    with pytest.raises(ValueError, match=r"kind.*minmax.*standard"):
        scaler([[1.0], [2.0]], kind="robust")
    with pytest.raises(ValueError, match=r"\bX\b"):
        scaler([[1.0], [np.nan]])


# -- export_split ----------------------------------------------------------------------------------


def test_export_split_round_trips_exactly(tmp_path):
    from nosmoke_lib import export_split

    iris = load_iris()
    X_train, X_test, y_train, y_test = split(iris.X, iris.y, seed=3)
    train, test = export_split(
        tmp_path, X_train, X_test, y_train, y_test, iris.feature_names, iris.target_names, "species"
    )
    back = load_csv(train, target="species", classes=iris.target_names)
    assert np.array_equal(back.X, X_train) and np.array_equal(back.y, y_train)
    assert back.feature_names == iris.feature_names
    assert np.array_equal(load_csv(test, target="species", classes=iris.target_names).y, y_test)


def test_export_split_of_a_regression_target(tmp_path):
    from nosmoke_lib import export_split

    data = make_math_func(20, seed=1)
    X_train, X_test, y_train, y_test = split(data.X, data.y, n_train=12, n_test=8, stratify=False)
    train, _ = export_split(tmp_path, X_train, X_test, y_train, y_test, data.feature_names, None, "f")
    back = load_csv(train, target="f")
    assert np.array_equal(back.y, y_train) and back.target_names == ["f"]


def test_export_split_checks_its_input(tmp_path):
    from nosmoke_lib import export_split

    with pytest.raises(ValueError, match="X_train must have 4 columns"):
        export_split(tmp_path, np.ones((3, 2)), np.ones((2, 4)), [0, 1, 0], [0, 1], list("abcd"), ["x", "y"])
