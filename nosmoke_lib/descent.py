"""Gradient descent in one dimension: the "oversimplified" slide.

- Calculate the slope at the current position
- If the slope is negative, move right; if positive, move left
- Repeat until the slope is 0

``x -= alpha * slope`` does all three at once: the minus sign turns a
negative slope into a step to the right.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import as_int, as_number


@dataclass
class Path1D:
    """The positions visited (``x[0]`` is the start), the curve's value at each, and the verdict."""

    x: np.ndarray
    y: np.ndarray
    diverged: int | None

    @property
    def converged(self) -> bool:
        return self.diverged is None and bool(abs(self.x[-1] - self.x[-2]) < 1e-6) if len(self.x) > 1 else False


def descend_1d(f, df, x0, alpha, steps, limit=1e6) -> Path1D:
    """Follow ``x <- x - alpha * df(x)`` for ``steps`` steps from ``x0``.

    Stops early, marking the step as diverged, once |x| exceeds ``limit``
    or stops being finite.

    Examples
    --------
    >>> path = descend_1d(lambda x: x**2, lambda x: 2 * x, x0=3.0, alpha=0.1, steps=50)
    >>> round(float(path.x[-1]), 4)
    0.0
    """
    x = as_number("x0", x0)
    alpha = as_number("alpha", alpha, low=0, low_open=True)
    steps = as_int("steps", steps, low=1)
    xs, diverged = [x], None
    with np.errstate(all="ignore"):
        for step in range(1, steps + 1):
            x = x - alpha * float(df(x))  # slope < 0: x grows (right); slope > 0: x shrinks (left)
            if not abs(x) <= limit:
                diverged = step
                break
            xs.append(x)
        xs = np.array(xs)
        return Path1D(xs, np.array([float(f(v)) for v in xs]), diverged)
