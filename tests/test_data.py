"""Data: the bundled data sets, the CSV loader's checks, the synthetic function, split, one_hot, scaler."""

import math

import numpy as np
import pytest
import sklearn.datasets

from nosmoke_lib import Dataset, load_csv, load_iris, load_wheat_seeds, make_math_func, one_hot, scaler, split
from nosmoke_lib.data import DATA_DIR

IRIS_TEXT = (DATA_DIR / "iris.csv").read_text()


# -- the bundled data sets --------------------------------------------------------


def test_load_iris(iris):
    assert isinstance(iris, Dataset)
    assert iris.X.shape == (150, 4) and iris.X.dtype == np.float64
    assert iris.y.shape == (150,) and np.issubdtype(iris.y.dtype, np.integer)
    assert np.bincount(iris.y).tolist() == [50, 50, 50]
    assert iris.target_names == ["setosa", "versicolor", "virginica"]
    assert iris.feature_names == ["sepal_length", "sepal_width", "petal_length", "petal_width"]


def test_iris_equals_scikit_learns_copy(iris):
    reference = sklearn.datasets.load_iris()
    assert np.array_equal(iris.X, reference.data)
    assert np.array_equal(iris.y, reference.target)
    assert iris.target_names == list(reference.target_names)


def test_load_wheat_seeds():
    seeds = load_wheat_seeds()
    assert seeds.X.shape == (210, 7)
    assert np.bincount(seeds.y).tolist() == [70, 70, 70]
    assert seeds.target_names == ["Kama", "Rosa", "Canadian"]
    assert len(seeds.feature_names) == 7
    assert np.all(np.isfinite(seeds.X)) and np.all(seeds.X > 0)
    # the data set's own definition: compactness C = 4 pi A / P**2 (up to the file's rounding)
    area, perimeter, compactness = seeds.X[:, 0], seeds.X[:, 1], seeds.X[:, 2]
    np.testing.assert_allclose(compactness, 4 * np.pi * area / perimeter**2, rtol=2e-3)


# -- broken copies of iris.csv ------------------------------------------------------


def broken_iris(tmp_path, line_number, new_line, name="broken_iris.csv"):
    """A copy of iris.csv with line ``line_number`` (1-based) replaced by ``new_line``."""
    lines = IRIS_TEXT.splitlines()
    lines[line_number - 1] = new_line
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n")
    return path


def test_an_unchanged_copy_loads_the_same(tmp_path, iris):
    path = broken_iris(tmp_path, 1, IRIS_TEXT.splitlines()[0], name="copy.csv")
    copy = load_iris(path)
    assert np.array_equal(copy.X, iris.X) and np.array_equal(copy.y, iris.y)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such_iris.csv"):
        load_iris(tmp_path / "no_such_iris.csv")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(ValueError, match=r"empty\.csv:1:.*empty"):
        load_iris(path)


def test_header_only(tmp_path):
    path = tmp_path / "header_only.csv"
    path.write_text(IRIS_TEXT.splitlines()[0] + "\n")
    with pytest.raises(ValueError, match=r"header_only\.csv:1:.*no data rows"):
        load_iris(path)


@pytest.mark.parametrize(
    "header",
    [
        "sepal_length,sepal_width,petal_length,petal_wdith,species",  # a typo in a feature
        "sepal_width,sepal_length,petal_length,petal_width,species",  # columns swapped
        "sepal_length,sepal_width,petal_length,petal_width,class",  # no species column
        "5.1,3.5,1.4,0.2,setosa",  # no header at all
    ],
)
def test_wrong_header(tmp_path, header):
    path = broken_iris(tmp_path, 1, header, name="bad_header.csv")
    with pytest.raises(ValueError, match=r"bad_header\.csv:1:"):
        load_iris(path)


@pytest.mark.parametrize(
    ("line", "content", "words"),
    [
        (7, "5.4,abc,1.7,0.4,setosa", "number"),
        (12, "4.8,3.4,1.6,,setosa", "number"),
        (30, "4.7,3.2,1.6,inf,setosa", "finite"),
        (60, "5.2,2.7,3.9,versicolor", "cells"),
        (61, "5.0,2.0,3.5,1.0,1.0,versicolor", "cells"),
        (140, "6.9,3.1,5.4,2.1,virginca", "unknown class"),
    ],
)
def test_broken_cells_name_the_file_and_line(tmp_path, line, content, words):
    path = broken_iris(tmp_path, line, content)
    with pytest.raises(ValueError, match=rf"broken_iris\.csv:{line}:.*{words}"):
        load_iris(path)


def test_line_numbers_count_blank_lines(tmp_path):
    lines = IRIS_TEXT.splitlines()
    lines[9] = "x,3.1,1.5,0.1,setosa"  # line 10 of the file ...
    path = tmp_path / "blank.csv"
    path.write_text("\n".join(lines[:3] + ["", ""] + lines[3:]) + "\n")  # ... becomes line 12
    with pytest.raises(ValueError, match=r"blank\.csv:12:"):
        load_iris(path)


# -- load_csv on your own data -------------------------------------------------------


def test_load_csv_classification(tmp_path):
    path = tmp_path / "pets.csv"
    path.write_text("weight,kind,height\n4.0,cat,25\n30.5,dog,60\n3.5,cat,23\n")
    data = load_csv(path, target="kind")
    assert data.feature_names == ["weight", "height"]
    assert data.target_names == ["cat", "dog"]  # in the order they first appear
    assert np.array_equal(data.X, [[4.0, 25.0], [30.5, 60.0], [3.5, 23.0]])
    assert data.y.tolist() == [0, 1, 0]
    ordered = load_csv(path, target="kind", classes=["dog", "cat", "bird"])
    assert ordered.y.tolist() == [1, 0, 1]
    assert ordered.target_names == ["dog", "cat", "bird"]
    with pytest.raises(ValueError, match=r"pets\.csv:2:.*unknown class 'cat'"):
        load_csv(path, target="kind", classes=["dog"])


def test_load_csv_regression(tmp_path):
    path = tmp_path / "line.csv"
    path.write_text("x,z,t\n0,1,0.5\n1,2,2.5\n2,3,-4.5e1\n")
    data = load_csv(path, target="t")
    assert data.feature_names == ["x", "z"] and data.target_names == ["t"]
    assert np.array_equal(data.X, [[0.0, 1.0], [1.0, 2.0], [2.0, 3.0]])
    assert data.y.dtype == np.float64 and data.y.tolist() == [0.5, 2.5, -45.0]
    as_classes = load_csv(path, target="t", kind="classification")
    assert as_classes.target_names == ["0.5", "2.5", "-4.5e1"] and as_classes.y.tolist() == [0, 1, 2]


def test_load_csv_errors(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("a,b\n1,red\n2,3\n")
    with pytest.raises(ValueError, match=r"mixed\.csv:2:.*number"):
        load_csv(path, target="b", kind="regression")
    with pytest.raises(ValueError, match="no target column 'c'"):
        load_csv(path, target="c")
    with pytest.raises(ValueError, match="kind"):
        load_csv(path, target="b", kind="clustering")


# -- the synthetic function --------------------------------------------------------


def test_make_math_func_values():
    data = make_math_func(50, seed=3)
    assert data.X.shape == (50, 3) and data.y.shape == (50,)
    assert np.all((data.X >= 0.0) & (data.X < 1.0))
    expected = [(math.sin(x) + math.cosh(y)) * x / (1 + z) for x, y, z in data.X.tolist()]
    np.testing.assert_allclose(data.y, expected, rtol=1e-14)
    assert data.feature_names == ["x", "y", "z"]


def test_make_math_func_is_seeded():
    a, b, c = make_math_func(20, seed=1), make_math_func(20, seed=1), make_math_func(20, seed=2)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)
    assert make_math_func(7).X.shape == (7, 3)


@pytest.mark.parametrize(("kwargs", "name"), [({"n": 0}, "n"), ({"n": 2.5}, "n"), ({"seed": "1"}, "seed")])
def test_make_math_func_bad_arguments(kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        make_math_func(**kwargs)


# -- split -------------------------------------------------------------------------


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


# -- one_hot and scaler ------------------------------------------------------------


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
