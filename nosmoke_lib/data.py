"""The course's data: Iris, wheat seeds, the original's synthetic function, and your own CSV.

Every loader checks the file as it reads it; an error names the file and
the line, so a learner with a broken copy knows where to look.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._validate import _describe, as_int, as_labels, as_matrix

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

IRIS_FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
IRIS_SPECIES = ["setosa", "versicolor", "virginica"]
WHEAT_FEATURES = [
    "area",
    "perimeter",
    "compactness",
    "kernel_length",
    "kernel_width",
    "asymmetry_coefficient",
    "kernel_groove_length",
]
WHEAT_VARIETIES = ["Kama", "Rosa", "Canadian"]


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


def split(X, y, n_train=60, n_test=35, seed=0, stratify=True):
    """Split samples into a training and a test set, as the slide does (60 / 35).

    A wrapper around scikit-learn's ``train_test_split`` that checks its
    input first. Stratified by default: each class keeps its share.

    Returns
    -------
    X_train, X_test, y_train, y_test

    Examples
    --------
    >>> iris = load_iris()
    >>> X_train, X_test, y_train, y_test = split(iris.X, iris.y)
    >>> len(X_train), len(X_test)
    (60, 35)
    """
    from sklearn.model_selection import train_test_split

    X = as_matrix("X", X)
    if isinstance(y, (str, bytes)) or np.ndim(y) not in (1, 2):
        raise ValueError(f"y must be 1-D (one target per sample); got {_describe(y)}")
    y = np.asarray(y)
    if len(y) != len(X):
        raise ValueError(f"y must have one entry per row of X ({len(X)}); got {len(y)}")
    n_train = as_int("n_train", n_train, low=1)
    n_test = as_int("n_test", n_test, low=1)
    if n_train + n_test > len(X):
        raise ValueError(
            f"n_train + n_test must be at most the {len(X)} samples; got {n_train} + {n_test} = {n_train + n_test}"
        )
    if stratify:
        y = as_labels("y", y)
        n_classes = len(np.unique(y))
        if min(n_train, n_test) < n_classes:
            raise ValueError(
                f"a stratified split needs at least {n_classes} samples (one per class) on each side; got n_train={n_train}, n_test={n_test}"
            )
    return train_test_split(
        X, y, train_size=n_train, test_size=n_test, random_state=as_int("seed", seed), stratify=y if stratify else None
    )


def one_hot(y, n_classes=None) -> np.ndarray:
    """Class indices to output-layer targets: 2 -> [0, 0, 1].

    Examples
    --------
    >>> one_hot([0, 2], n_classes=3).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    y = as_labels("y", y)
    k = int(y.max()) + 1 if n_classes is None else as_int("n_classes", n_classes, low=1)
    if y.max() >= k:
        raise ValueError(f"n_classes must exceed the largest label {y.max()}; got {k}")
    return np.eye(k)[y]


def scaler(X, kind="minmax"):
    """Fit scikit-learn's ``MinMaxScaler`` (to [0, 1]) or ``StandardScaler`` (mean 0, sd 1) on X.

    Fit it on the training data only, then ``.transform`` both sets and
    ``.inverse_transform`` predictions back to the original units.

    Examples
    --------
    >>> s = scaler([[1.0], [3.0]])
    >>> s.transform([[2.0]]).tolist()
    [[0.5]]
    """
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    kinds = {"minmax": MinMaxScaler, "standard": StandardScaler}
    if kind not in kinds:
        raise ValueError(f"kind must be one of {sorted(kinds)}; got {kind!r}")
    return kinds[kind]().fit(as_matrix("X", X))


def export_split(folder, X_train, X_test, y_train, y_test, feature_names, target_names, target="target"):
    """Write the split as ``train.csv`` and ``test.csv`` (what the original's "export" did).

    Classes are written by name, so ``load_csv(path, target=target,
    classes=target_names)`` reads each file back to the same arrays.
    For regression (``y`` of floats) pass ``target_names=None``.

    Returns
    -------
    (Path, Path): the two files.

    Examples
    --------
    >>> import tempfile
    >>> iris = load_iris()
    >>> parts = split(iris.X, iris.y)
    >>> train, test = export_split(tempfile.mkdtemp(), *parts, iris.feature_names, iris.target_names, "species")
    >>> load_csv(test, target="species", classes=iris.target_names).X.shape
    (35, 4)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
        X = as_matrix(f"X_{name}", X, n_cols=len(feature_names))
        y = as_labels(f"y_{name}", y, n=len(X)) if target_names is not None else np.asarray(y, dtype=float)
        if len(y) != len(X):
            raise ValueError(f"y_{name} must have one entry per row of X_{name} ({len(X)}); got {len(y)}")
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([*feature_names, target])
            for row, label in zip(X, y):
                writer.writerow(
                    [repr(float(v)) for v in row]
                    + [target_names[label] if target_names is not None else repr(float(label))]
                )
        written.append(path)
    return tuple(written)
