"""The course's data sets: Iris, wheat seeds, the original's synthetic function, and your own CSV.

Every loader checks the file as it reads it; an error names the file and
the line, so a learner with a broken copy knows where to look.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._validate import as_int
from .names import DATA_DIR, IRIS_FEATURES, IRIS_SPECIES, WHEAT_FEATURES, WHEAT_VARIETIES


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
    path = Path(path)
    if kind not in ("auto", "classification", "regression"):
        raise ValueError(f'kind must be "auto", "classification" or "regression"; got {kind!r}')
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows = [(number, row) for number, row in enumerate(rows, start=1) if any(cell.strip() for cell in row)]
    if not rows:
        raise ValueError(f"{path}:1: the file is empty; expected a header row and data rows")
    header_line, header = rows[0]
    header = [name.strip() for name in header]
    if target not in header:
        raise ValueError(f"{path}:{header_line}: no target column {target!r} in the header {header}")
    if len(rows) < 2:
        raise ValueError(f"{path}:{header_line}: the file has a header but no data rows")
    t = header.index(target)
    features, values, labels = [h for h in header if h != target], [], []
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise ValueError(f"{path}:{line}: expected {len(header)} cells as in the header; got {len(row)}")
        cells = [cell.strip() for cell in row]
        numbers = []
        for name, cell in zip(header, cells):
            if name == target:
                continue
            try:
                numbers.append(float(cell))
            except ValueError:
                raise ValueError(f"{path}:{line}: column {name!r} must be a number; got {cell!r}") from None
            if not np.isfinite(numbers[-1]):
                raise ValueError(f"{path}:{line}: column {name!r} must be a finite number; got {cell!r}")
        values.append(numbers)
        labels.append((line, cells[t]))
    X = np.array(values, dtype=float)

    if kind == "auto":
        kind = "regression" if classes is None and all(_is_number(cell) for _, cell in labels) else "classification"
    if kind == "regression":
        try:
            y = np.array([float(cell) for _, cell in labels])
        except ValueError:
            line, cell = next((line, cell) for line, cell in labels if not _is_number(cell))
            raise ValueError(
                f"{path}:{line}: target {target!r} must be a number for regression; got {cell!r}"
            ) from None
        return Dataset(X, y, features, [target])

    names = list(classes) if classes is not None else list(dict.fromkeys(cell for _, cell in labels))
    index = {name: i for i, name in enumerate(names)}
    y = np.empty(len(labels), dtype=int)
    for i, (line, cell) in enumerate(labels):
        if cell not in index:
            raise ValueError(f"{path}:{line}: unknown class {cell!r} in column {target!r}; expected one of {names}")
        y[i] = index[cell]
    return Dataset(X, y, features, names)


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
    n = as_int("n", n, low=1)
    X = np.random.default_rng(as_int("seed", seed)).random((n, 3))
    return Dataset(X, math_func(*X.T), ["x", "y", "z"], ["(sin x + cosh y) * x / (1 + z)"])
