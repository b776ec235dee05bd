"""Loading data: the bundled data sets, the CSV loader's checks, the example CSV, the synthetic function."""

import csv
import math

import numpy as np
import pytest
import sklearn.datasets

from nosmoke_lib import Dataset, load_csv, load_iris, load_wheat_seeds, make_math_func
from nosmoke_lib.data import DATA_DIR, WHEAT_VARIETIES

IRIS_TEXT = (DATA_DIR / "iris.csv").read_text()
EXAMPLE = DATA_DIR / "examples" / "seeds_small.csv"  # notebook 08's own CSV


# -- the bundled data sets -------------------------------------------------------------------------


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


# -- broken copies of iris.csv ---------------------------------------------------------------------


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


# -- load_csv on your own data ---------------------------------------------------------------------


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


# -- the example CSV (notebook 08) -----------------------------------------------------------------


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


# -- the synthetic function ------------------------------------------------------------------------


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
