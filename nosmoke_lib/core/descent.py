"""Gradient descent in one dimension: the "oversimplified" slide.

- Calculate the slope at the current position
- If the slope is negative, move right; if positive, move left
- Repeat until the slope is 0

``x -= alpha * slope`` does all three at once: the minus sign turns a
negative slope into a step to the right.
"""

from dataclasses import dataclass

import numpy as np

from .._validate import as_int, as_number


@dataclass
class Path1D:
    """The positions visited (``x[0]`` is the start), the curve's value at each, and the verdict."""

    x: np.ndarray
    y: np.ndarray
    diverged: int | None  # the step at which |x| passed the limit, or None

    @property
    def converged(self) -> bool:
        return self.diverged is None and len(self.x) > 1 and bool(abs(self.x[-1] - self.x[-2]) < 1e-6)


def descend_1d(f, df, x0, alpha, steps, limit=1e6) -> Path1D:
    """Follow ``x <- x - alpha * df(x)`` for ``steps`` steps from ``x0``; diverged once |x| > ``limit``.

    >>> path = descend_1d(lambda x: x**2, lambda x: 2 * x, x0=3.0, alpha=0.1, steps=50)
    >>> round(float(path.x[-1]), 4)
    0.0
    """
    alpha, steps = as_number("alpha", alpha, low=0, low_open=True), as_int("steps", steps, low=1, high=10**6)
    xs, diverged = [as_number("x0", x0)], None
    with np.errstate(all="ignore"):  # a run that overflows is reported as diverged, not warned about
        for step in range(1, steps + 1):
            x = xs[-1] - alpha * _number(df, "df", xs[-1])  # slope < 0: x grows (right); slope > 0: left
            if not abs(x) <= limit:  # also true for inf and nan
                diverged = step
                break
            xs.append(x)
        return Path1D(np.array(xs), np.array([_number(f, "f", x) for x in xs]), diverged)


def _number(function, name, x) -> float:
    if not callable(function):
        raise TypeError(f"{name} must be a function of one number; got {type(function).__name__} {function!r}")
    value = function(x)
    if np.ndim(value) != 0 or np.asarray(value).dtype.kind not in "iuf":  # not a list, text, None or a bool
        raise TypeError(f"{name}({x:g}) must return one real number; got {value!r}")
    return float(value)
