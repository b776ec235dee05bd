"""The original program's report of a regression: real vs estimated numbers and the average estimation error."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validate import _describe, as_number, as_vector
from .reports import RIGHT, Report


@dataclass(frozen=True)
class RegressionRow:
    """One sample of a regression report.

    Attributes
    ----------
    real, estimated : float
        The true value and the network's estimate (in the target's own units).
    error : float
        ``|real - estimated|``.
    beyond : bool
        Whether the error exceeds the report's threshold.
    """

    real: float
    estimated: float
    error: float
    beyond: bool


@dataclass(frozen=True, eq=False, repr=False)
class RegressionReport(Report):
    """Real vs estimated numbers, as the original program reported a regression (made by ``regression_report``).

    Attributes
    ----------
    rows : tuple of RegressionRow, one per sample, in their order
    threshold : float
        An error larger than this (in the target's units) counts as "beyond".
    n_samples, n_beyond : int
        How many samples; how many have an error larger than ``threshold``.
    beyond_percent : float
        ``n_beyond`` as a percentage of ``n_samples``.
    average_estimation_error : float
        ``mean(|y_true - y_pred|)``, in the target's units.
    max_error : float
        The largest single error.
    y_true, y_pred, errors : np.ndarray
        The values, the estimates and ``|y_true - y_pred|``, one per sample.
    """

    rows: tuple
    threshold: float
    n_samples: int
    n_beyond: int
    beyond_percent: float
    average_estimation_error: float
    max_error: float
    y_true: np.ndarray
    y_pred: np.ndarray
    errors: np.ndarray

    def summary_lines(self) -> list:
        """The average estimation error, the largest error, the count beyond the threshold."""
        return [
            f"average estimation error: {self.average_estimation_error:.4f}",
            f"largest error: {self.max_error:.4f}",
            f"error > {self.threshold:g}: {self.n_beyond} of {self.n_samples} ({self.beyond_percent:.1f}%)",
        ]

    def _shown(self, max_rows):
        if max_rows is not None and (isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 0):
            raise ValueError(f"max_rows must be None or a whole number >= 0; got {_describe(max_rows)}")
        return list(enumerate(self.rows))[:max_rows]

    def to_text(self, max_rows=None) -> str:
        """Real vs estimated as a plain-text table (errors beyond the threshold marked ``✗``), then the summary.

        Parameters
        ----------
        max_rows : int or None
            Show only the first this many samples (the summary still covers all).

        Examples
        --------
        >>> print(regression_report([1.0, 2.0], [1.05, 2.5], threshold=0.1).to_text())
        i   real  estimated  error
        0  1.000      1.050  0.050
        1  2.000      2.500  0.500  ✗
        average estimation error: 0.2750
        largest error: 0.5000
        error > 0.1: 1 of 2 (50.0%)
        """
        shown = self._shown(max_rows)
        w_i = max(1, len(str(len(self.rows) - 1)))
        cells = [(f"{row.real:.3f}", f"{row.estimated:.3f}", f"{row.error:.3f}") for _, row in shown]
        w_r = max([4] + [len(c[0]) for c in cells])
        w_e = max([9] + [len(c[1]) for c in cells])
        w_x = max([5] + [len(c[2]) for c in cells])
        lines = [f"{'i':>{w_i}}  {'real':>{w_r}}  {'estimated':>{w_e}}  {'error':>{w_x}}"]
        for (i, row), (real, estimated, error) in zip(shown, cells):
            mark = "  ✗" if row.beyond else ""
            lines.append(f"{i:>{w_i}}  {real:>{w_r}}  {estimated:>{w_e}}  {error:>{w_x}}{mark}")
        if len(shown) < len(self.rows):
            lines.append(f"... ({len(self.rows) - len(shown)} more samples)")
        return "\n".join(lines) + "\n" + self.summary()

    def to_html(self, max_rows=None) -> str:
        """Real vs estimated as an HTML table: errors beyond the threshold tinted and marked ``✗``; then the summary."""
        shown = self._shown(max_rows)
        rows = []
        for i, row in shown:
            values = [str(i), f"{row.real:.3f}", f"{row.estimated:.3f}", f"{row.error:.3f}"]
            rows.append(([*values, "<b>✗</b>" if row.beyond else ""], row.beyond))
        title = f"(errors larger than {self.threshold:g} tinted, marked ✗)"
        return self._html(
            title, ["i", "real", "estimated", "error", ""], [RIGHT] * 5, rows, len(self.rows) - len(shown)
        )

    def __repr__(self) -> str:
        return (
            f"RegressionReport({self.n_samples} samples: average estimation error "
            f"{self.average_estimation_error:.4f}, {self.n_beyond} with error > {self.threshold:g} "
            f"({self.beyond_percent:.1f}%))"
        )


def regression_report(y_true, y_pred, threshold=0.1) -> RegressionReport:
    """Real vs estimated for every sample, the average estimation error and the count of errors beyond a threshold.

    Parameters
    ----------
    y_true : array of shape (n_samples,) or (n_samples, 1)
        The true values.
    y_pred : array of shape (n_samples,) or (n_samples, 1)
        The estimates, in the same units (denormalise the network's output first).
    threshold : float >= 0
        An error ``|y_true - y_pred|`` larger than this counts as "beyond" (in the target's units).

    Returns
    -------
    RegressionReport
        Shows itself as an HTML table in a notebook; ``to_text()`` for plain text.

    Examples
    --------
    >>> report = regression_report([1.0, 2.0, 3.0], [1.1, 2.0, 2.5], threshold=0.2)
    >>> round(report.average_estimation_error, 4), report.n_beyond, round(report.beyond_percent, 1)
    (0.2, 1, 33.3)
    """
    y_true = as_vector("y_true", y_true)
    y_pred = as_vector("y_pred", y_pred, n=len(y_true))
    threshold = as_number("threshold", threshold, low=0)
    errors = np.abs(y_true - y_pred)
    beyond = errors > threshold
    rows = tuple(
        RegressionRow(real=float(t), estimated=float(p), error=float(e), beyond=bool(b))
        for t, p, e, b in zip(y_true, y_pred, errors, beyond)
    )
    n, n_beyond = len(y_true), int(beyond.sum())
    return RegressionReport(
        rows=rows,
        threshold=threshold,
        n_samples=n,
        n_beyond=n_beyond,
        beyond_percent=100.0 * n_beyond / n,
        average_estimation_error=float(np.mean(errors)),
        max_error=float(np.max(errors)),
        y_true=y_true,
        y_pred=y_pred,
        errors=errors,
    )
