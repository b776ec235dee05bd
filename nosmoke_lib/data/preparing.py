"""Getting data ready for a network: split it, one-hot its classes, scale it, write the split out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

from .._validate import _describe, as_int, as_labels, as_matrix, as_vector
from .files import write_atomically
from .loading import MAX_CLASSES


def split(X, y, n_train=60, n_test=35, seed=0, stratify=True):
    """Split samples into a training and a test set, as the slide does (60 / 35).

    A wrapper around scikit-learn's ``train_test_split`` that checks its
    input first. Stratified by default: each class keeps its share.

    Returns
    -------
    X_train, X_test, y_train, y_test

    Examples
    --------
    >>> from nosmoke_lib import load_iris
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
    if not isinstance(stratify, (bool, np.bool_)):
        raise TypeError(f"stratify must be True or False; got {_describe(stratify)}")
    if stratify:
        try:
            y = as_labels("y", y)
        except (TypeError, ValueError) as problem:
            raise type(problem)(f"{problem}; for regression targets split with stratify=False") from None
        counts = np.bincount(y)
        lonely = [c for c in range(len(counts)) if counts[c] == 1]
        if lonely:
            raise ValueError(
                f"y: class {lonely[0]} has only 1 sample, and a stratified split needs at least 2 of every class"
                " (one on each side); drop that sample, or split with stratify=False"
            )
        n_classes = int(np.count_nonzero(counts))
        if min(n_train, n_test) < n_classes:
            raise ValueError(
                f"a stratified split needs at least {n_classes} samples (one per class) on each side; got n_train={n_train}, n_test={n_test}"
            )
    return train_test_split(
        X,
        y,
        train_size=n_train,
        test_size=n_test,
        random_state=as_int("seed", seed, low=0),
        stratify=y if stratify else None,
    )


def one_hot(y, n_classes=None) -> np.ndarray:
    """Class indices to output-layer targets: 2 -> [0, 0, 1].

    Examples
    --------
    >>> one_hot([0, 2], n_classes=3).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    y = as_labels("y", y)
    if n_classes is None and y.max() >= MAX_CLASSES:
        raise ValueError(
            f"y holds the class {y.max()}: one-hot would need {y.max() + 1:,} outputs; at most {MAX_CLASSES:,}"
        )
    k = int(y.max()) + 1 if n_classes is None else as_int("n_classes", n_classes, low=1, high=MAX_CLASSES)
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
    if not isinstance(kind, str) or kind not in kinds:
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
    >>> from nosmoke_lib import load_csv, load_iris
    >>> iris = load_iris()
    >>> parts = split(iris.X, iris.y)
    >>> train, test = export_split(tempfile.mkdtemp(), *parts, iris.feature_names, iris.target_names, "species")
    >>> load_csv(test, target="species", classes=iris.target_names).X.shape
    (35, 4)
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"folder: {folder} is a file; give a folder for train.csv and test.csv")
    if isinstance(feature_names, (str, bytes)) or not isinstance(feature_names, (list, tuple)):
        raise TypeError(f"feature_names must be a list of column names; got {_describe(feature_names)}")
    if target_names is not None and (
        isinstance(target_names, (str, bytes)) or not isinstance(target_names, (list, tuple))
    ):
        raise TypeError(
            f"target_names must be a list of class names, or None for regression; got {_describe(target_names)}"
        )
    texts = {}
    for name, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):  # check both before writing either
        X = as_matrix(f"X_{name}", X, n_cols=len(feature_names))
        if target_names is not None:
            y = as_labels(f"y_{name}", y, n=len(X))
            if y.max() >= len(target_names):
                raise ValueError(f"y_{name} holds class {y.max()}, but target_names names only {len(target_names)}")
            labels = [target_names[label] for label in y]
        else:
            labels = [repr(float(v)) for v in as_vector(f"y_{name}", y, n=len(X))]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([*feature_names, target])
        for row, label in zip(X, labels):
            writer.writerow([repr(float(v)) for v in row] + [label])
        texts[name] = buffer.getvalue()
    folder.mkdir(parents=True, exist_ok=True)
    return tuple(write_atomically(folder / f"{name}.csv", text) for name, text in texts.items())
