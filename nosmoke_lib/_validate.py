"""Checks at the boundary of the public API.

Every error names the argument, says what was expected and shows what was
given, so a learner never has to decode a numpy broadcasting error.
"""

from __future__ import annotations

import numbers

import numpy as np


def _describe(value) -> str:
    """A short description of what was given, for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def _numbers(name: str, value, expected: str) -> np.ndarray:
    """``value`` as a float64 array, or a TypeError saying it should be ``expected``."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be {expected}; got {_describe(value)}")
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError, OverflowError):  # ragged rows, or numbers too large
        raise TypeError(
            f"{name} must be {expected}; got {_describe(value)}, which cannot be read as a table of numbers"
        ) from None
    if raw.dtype.kind == "c":
        raise TypeError(f"{name} must be {expected}; got {_describe(value)}, which holds complex numbers")
    try:
        array = raw.astype(float) if raw.dtype.kind not in "US" else None  # "5.1" must not pass as 5.1
    except (TypeError, ValueError, OverflowError):
        array = None
    if array is None:
        raise TypeError(f"{name} must be {expected}; got {_describe(value)}, which cannot be read as real numbers")
    return array


def as_matrix(name: str, value, *, n_cols: int | None = None, n_rows: int | None = None) -> np.ndarray:
    """Return ``value`` as a finite 2-D float64 array, or raise naming ``name``.

    A 1-D array is taken as one sample (one row).
    """
    array = _numbers(name, value, "a 2-D array of numbers")
    one_row = array.ndim == 1
    if one_row:
        array = array.reshape(1, -1)
    if array.ndim != 2:
        raise ValueError(f"{name} must be 2-D (samples x features); got {array.ndim}-D, shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {array.shape}")
    if not np.isfinite(array).all():
        bad = np.argwhere(~np.isfinite(array))[0]
        raise ValueError(
            f"{name} must contain only finite numbers; got {array[tuple(bad)]} at row {bad[0]}, column {bad[1]}"
        )
    if n_cols is not None and array.shape[1] != n_cols:
        hint = ""
        if one_row and n_cols == 1:
            hint = f" (a 1-D array is one sample; for {array.shape[1]} samples of one feature use X.reshape(-1, 1))"
        elif one_row:
            hint = " (a 1-D array is one sample, one number per feature)"
        raise ValueError(f"{name} must have {n_cols} columns, one per feature; got shape {array.shape}{hint}")
    if n_rows is not None and array.shape[0] != n_rows:
        raise ValueError(f"{name} must have {n_rows} rows (one per sample); got shape {array.shape}")
    return array


def as_vector(name: str, value, *, n: int | None = None) -> np.ndarray:
    """Return ``value`` as a finite 1-D float64 array (one number per sample), or raise naming ``name``.

    One column, such as ``predict_proba``'s output of a one-output network, counts as 1-D.
    """
    array = _numbers(name, value, "a 1-D array of numbers, one per sample")
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one number per sample) or one column; got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {array.shape}")
    if not np.isfinite(array).all():
        bad = int(np.argmax(~np.isfinite(array)))
        raise ValueError(f"{name} must contain only finite numbers; got {array[bad]} at index {bad}")
    if n is not None and len(array) != n:
        raise ValueError(f"{name} must have one value per sample ({n}); got {len(array)}")
    return array


def as_labels(name: str, value, *, n: int | None = None) -> np.ndarray:
    """Return ``value`` as a 1-D array of non-negative integer class labels."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a 1-D array of class indices (0, 1, 2, ...); got {_describe(value)}")
    array = np.asarray(value)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one label per sample); got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {array.shape}")
    if not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.bool_)):
        if (
            not np.issubdtype(array.dtype, np.floating)
            or not np.all(np.isfinite(array))
            or not np.all(array == np.round(array))
        ):
            raise TypeError(
                f"{name} must hold whole-number class indices (0, 1, 2, ...); got dtype {array.dtype}, e.g. {array.flat[0]!r}"
            )
    array = array.astype(int)
    if array.min() < 0:
        raise ValueError(f"{name} must hold class indices >= 0; got {array.min()}")
    if n is not None and array.shape[0] != n:
        raise ValueError(f"{name} must have {n} labels (one per sample); got {array.shape[0]}")
    return array


def as_number(name: str, value, *, low=None, high=None, low_open=False, high_open=False) -> float:
    """Return ``value`` as a finite float within the given bounds, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {_describe(value)}")
    try:
        value = float(value)
    except OverflowError:  # an int such as 10**400 has no float
        raise ValueError(f"{name} must be a finite number; got an int of {len(str(value))} digits") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {value}")
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and (value >= high if high_open else value > high)
    if too_low or too_high:
        lo = "" if low is None else f"{'>' if low_open else '>='} {low:g}"
        hi = "" if high is None else f"{'<' if high_open else '<='} {high:g}"
        raise ValueError(f"{name} must be {' and '.join(filter(None, [lo, hi]))}; got {value:g}")
    return value


def as_int(name: str, value, *, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` as an int within [low, high], or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (int); got {_describe(value)}")
    value = int(value)
    if low is not None and value < low:
        raise ValueError(f"{name} must be >= {low}; got {value}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be <= {high}; got {value}")
    return value


def as_network(name: str, value):
    """``value`` if it is a network (a ``nosmoke_lib.Network``), else a TypeError naming ``name``."""
    if not all(hasattr(value, attribute) for attribute in ("sizes", "weights", "biases", "activations", "loss")):
        raise TypeError(f"{name} must be a Network, e.g. nosmoke_lib.Network([4, 8, 3]); got {_describe(value)}")
    return value
