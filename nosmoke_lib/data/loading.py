"""The course's data sets: Iris, wheat seeds, the original's synthetic function, and your own CSV.

Every loader checks the file as it reads it; an error names the file and
the line, so a learner with a broken copy knows where to look.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validate import _describe, as_int
from .files import read_rows, readable_file
from .names import DATA_DIR, IRIS_FEATURES, IRIS_SPECIES, WHEAT_FEATURES, WHEAT_VARIETIES

#: The most classes a target column may hold: more means a column of numbers read as names.
MAX_CLASSES = 1000

#: The most samples ``make_math_func`` draws.
MAX_SAMPLES = 1_000_000


@dataclass
class Dataset:
    """Samples ``X`` (n x features) and targets ``y``.

    For classification ``y`` holds class indices into ``target_names``;
    for regression it holds the target values and ``target_names`` names
    the target column(s).
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: list
    target_names: list

    def __repr__(self) -> str:
        return f"Dataset({len(self.X)} samples, features={self.feature_names}, targets={self.target_names})"


def load_csv(path, target, classes=None, kind="auto") -> Dataset:
    """Read a CSV file with a header row: numeric feature columns and one target column.

    Parameters
    ----------
    path : str or Path
    target : str
        The name of the target column; every other column is a feature.
    classes : list of str, optional
        The allowed class names, in index order. Without it, classes are
        numbered in the order they first appear.
    kind : "auto", "classification" or "regression"
        "auto" treats a target of numbers as regression, of names as classes.

    Examples
    --------
    >>> load_csv(DATA_DIR / "iris.csv", target="species").X.shape
    (150, 4)
    """
    path = readable_file(path)
    if not isinstance(target, str) or not target.strip():
        raise TypeError(f"target must be the name of the target column (a str); got {_describe(target)}")
    if kind not in ("auto", "classification", "regression"):
        raise ValueError(f'kind must be "auto", "classification" or "regression"; got {kind!r}')
    classes = _class_names(classes)
    rows = read_rows(path)
    if not rows:
        raise ValueError(f"{path}:1: the file is empty; expected a header row and data rows")
    header_line, header = rows[0]
    _check_header(path, header_line, header, target)
    if len(rows) < 2:
        raise ValueError(f"{path}:{header_line}: the file has a header but no data rows")
    t = header.index(target)
    features = [h for h in header if h != target]
    values, labels = [], []
    for line, cells in rows[1:]:
        if len(cells) != len(header):
            raise ValueError(f"{path}:{line}: expected {len(header)} cells as in the header; got {len(cells)}")
        values.append([_number(path, line, name, cell) for name, cell in zip(header, cells) if name != target])
        if not cells[t]:
            raise ValueError(f"{path}:{line}: the target {target!r} is empty; every row needs its target")
        labels.append((line, cells[t]))
    X = np.array(values, dtype=float)

    if kind == "auto":
        kind = "regression" if classes is None and all(_is_number(cell) for _, cell in labels) else "classification"
    if kind == "regression":
        y = np.array([_number(path, line, target, cell, "target ") for line, cell in labels])
        return Dataset(X, y, features, [target])

    names = classes if classes is not None else list(dict.fromkeys(cell for _, cell in labels))
    if len(names) > MAX_CLASSES:
        raise ValueError(
            f"{path}: {len(names):,} different classes in {target!r}; at most {MAX_CLASSES:,} (regression?)"
        )
    index = {name: i for i, name in enumerate(names)}
    y = np.empty(len(labels), dtype=int)
    for i, (line, cell) in enumerate(labels):
        if cell not in index:
            raise ValueError(f"{path}:{line}: unknown class {cell!r} in column {target!r}; expected one of {names}")
        y[i] = index[cell]
    return Dataset(X, y, features, names)


def _class_names(classes):
    """``classes`` checked: None, or a list of distinct names."""
    if classes is None:
        return None
    if isinstance(classes, (str, bytes)) or not isinstance(classes, (list, tuple)):
        raise TypeError(
            f"classes must be a list of class names such as ['setosa', 'versicolor']; got {_describe(classes)}"
        )
    names = [str(name) for name in classes]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if not names or repeated:
        raise ValueError(
            f"classes must name each class once; got {list(classes)}" + (f" ({repeated} twice)" if repeated else "")
        )
    return names


def _check_header(path, line, header, target) -> None:
    """Every column named, once; the target among them, and at least one feature beside it."""
    for i, name in enumerate(header):
        if not name:
            raise ValueError(f"{path}:{line}: column {i + 1} of the header has no name")
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise ValueError(f"{path}:{line}: the header names {repeated} more than once; give every column its own name")
    if target not in header:
        separator = next((sep for sep in ";\t|" if len(header) == 1 and sep in header[0]), None)
        hint = f" (the columns seem to be separated by {separator!r}: save the file with commas)" if separator else ""
        raise ValueError(f"{path}:{line}: no target column {target!r} in the header {header}{hint}")
    if len(header) < 2:
        raise ValueError(
            f"{path}:{line}: the only column is the target {target!r}; a network needs feature columns too"
        )


def _number(path, line, name, cell, what="column ") -> float:
    """A cell as a finite float, or a ValueError naming the file, the line and the column."""
    try:
        value = float(cell)
    except ValueError:
        raise ValueError(f"{path}:{line}: {what}{name!r} must be a number; got {cell!r}") from None
    if not np.isfinite(value):
        raise ValueError(f"{path}:{line}: {what}{name!r} must be a finite number; got {cell!r}")
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _load_known(path, features, target, classes) -> Dataset:
    data = load_csv(path, target=target, classes=classes, kind="classification")
    if data.feature_names != features:
        raise ValueError(f"{path}:1: expected the columns {features + [target]}; got {data.feature_names + [target]}")
    return data


def load_iris(path=None) -> Dataset:
    """The 150 Iris flowers (Fisher, 1936): 4 measurements in cm, 3 species.

    Examples
    --------
    >>> iris = load_iris()
    >>> iris.X.shape, iris.target_names
    ((150, 4), ['setosa', 'versicolor', 'virginica'])
    """
    return _load_known(path or DATA_DIR / "iris.csv", IRIS_FEATURES, "species", IRIS_SPECIES)


def load_wheat_seeds(path=None) -> Dataset:
    """210 wheat kernels (UCI "seeds"): 7 measurements, 3 varieties (Kama, Rosa, Canadian)."""
    return _load_known(path or DATA_DIR / "wheat_seeds.csv", WHEAT_FEATURES, "variety", WHEAT_VARIETIES)


def math_func(x, y, z):
    """The original program's regression target: (sin x + cosh y) * x / (1 + z)."""
    return (np.sin(x) + np.cosh(y)) * x / (1.0 + z)


def make_math_func(n=200, seed=0) -> Dataset:
    """``n`` random points x, y, z in [0, 1) and the target ``math_func(x, y, z)``.

    Examples
    --------
    >>> data = make_math_func(5, seed=0)
    >>> data.X.shape, data.y.shape
    ((5, 3), (5,))
    """
    n = as_int("n", n, low=1, high=MAX_SAMPLES)
    X = np.random.default_rng(as_int("seed", seed, low=0)).random((n, 3))
    return Dataset(X, math_func(*X.T), ["x", "y", "z"], ["(sin x + cosh y) * x / (1 + z)"])
