"""The original program's result reporting: verdicts, errors, "undefined", average prediction error.

After "run the test set", the original program listed every test sample as
*real* vs *estimated*, said "undefined" when no output of the network was
sure enough (above 0.8 for Iris, 0.75 for wheat seeds), and summed up with
the total errors and undefined samples, as counts and percentages, and the
average estimation error. This module computes exactly that, from the
network's outputs ``Yhat`` and the true classes; it needs numpy only.

Two different questions are kept apart:

* **Is the best guess right?** The best guess is the class with the largest
  output (``np.argmax``, what ``Network.predict`` and scikit-learn use).
  A wrong best guess is an *error*; ``error_rate`` is ``1 - accuracy``.
* **Is the network sure?** A sample whose largest output stays below the
  threshold gets the verdict "undefined": the network declines to decide.
  An undefined sample may still have a right best guess, so undefined
  samples are counted on their own, not added to the errors.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from ._validate import _describe, as_labels, as_matrix, as_number

#: The verdict of a sample whose outputs all stay below the threshold.
UNDEFINED = -1

_WRONG_STYLE = "background-color:#FBE3D6;color:#000"  # a light tint of Okabe–Ito vermillion
_CELL = "padding:2px 8px;white-space:nowrap;text-align:{}"


def _threshold(threshold) -> float:
    return as_number("threshold", threshold, low=0, high=1)


def verdicts(Yhat, threshold=0.8) -> np.ndarray:
    """Per sample the class whose output passes the certainty threshold, or -1 ("undefined").

    A sample's verdict is its largest output's class when that output is at
    least ``threshold``; when every output stays below it, the verdict is
    ``UNDEFINED`` (-1). With sigmoid outputs two classes can both pass a
    threshold; the larger one wins, as with ``np.argmax``.

    Parameters
    ----------
    Yhat : array of shape (n_samples, n_classes)
        The network's outputs (``net.predict_proba(X)``); a 1-D array is one sample.
    threshold : float in [0, 1]
        The certainty an output must reach. The original program used 0.8
        for Iris and 0.75 for wheat seeds; 0 gives every sample a verdict.

    Returns
    -------
    np.ndarray of int, shape (n_samples,)

    Examples
    --------
    >>> verdicts([[0.1, 0.9, 0.2], [0.1, 0.6, 0.5]]).tolist()
    [1, -1]
    >>> verdicts([[0.1, 0.6, 0.5]], threshold=0.5).tolist()
    [1]
    """
    Yhat = as_matrix("Yhat", Yhat)
    threshold = _threshold(threshold)
    return np.where(Yhat.max(axis=1) >= threshold, np.argmax(Yhat, axis=1), UNDEFINED)


@dataclass(frozen=True)
class ReportRow:
    """One sample of a report: its real class, the verdict, the best guess, the outputs.

    Attributes
    ----------
    real : str
        The true class name.
    estimated : str
        The verdict: a class name, or "undefined" when no output passed the threshold.
    best_guess : str
        The class with the largest output (the network's answer if forced to choose).
    probabilities : tuple of float
        The network's outputs for this sample, one per class.
    correct : bool
        Whether the best guess is the real class.
    """

    real: str
    estimated: str
    best_guess: str
    probabilities: tuple
    correct: bool

    @property
    def undefined(self) -> bool:
        """Whether no output reached the threshold."""
        return self.estimated == "undefined"


@dataclass(frozen=True, eq=False, repr=False)
class ClassificationReport:
    """The test run's results, as the original program reported them. Build it with ``classification_report``.

    Attributes
    ----------
    rows : tuple of ReportRow
        Real vs estimated, per sample, in the order of the samples.
    target_names : tuple of str
    threshold : float
        The certainty an output had to reach for a verdict.
    n_samples, n_errors, n_undefined : int
        How many samples; how many have a wrong best guess; how many got "undefined".
    n_sure_and_wrong : int
        Errors the network was sure about (a verdict, and a wrong one): the dangerous kind.
    error_percent, undefined_percent : float
        ``n_errors`` and ``n_undefined`` as percentages of ``n_samples``.
    error_rate : float
        ``n_errors / n_samples``: the fraction of wrong best guesses, ``1 - accuracy``.
    average_prediction_error : float
        The mean over samples of the mean absolute difference between the
        one-hot truth ``Y`` and the outputs ``Yhat``: ``mean(|Y - Yhat|)``.
        0 means every output was exactly 1 for the real class and 0 for the
        others; a network answering 1/3 for every class of three scores 4/9.
        It sees what the error rate cannot: how far from sure a right answer was.
    y_true, predicted, verdicts : np.ndarray of int
        The true classes, the best guesses, and the verdicts (-1 for undefined).
    """

    rows: tuple
    target_names: tuple
    threshold: float
    n_samples: int
    n_errors: int
    n_undefined: int
    n_sure_and_wrong: int
    error_percent: float
    undefined_percent: float
    error_rate: float
    average_prediction_error: float
    y_true: np.ndarray
    predicted: np.ndarray
    verdicts: np.ndarray

    def summary(self) -> str:
        """The original's closing lines: errors, undefined, average prediction error."""
        n = self.n_samples
        return "\n".join(
            [
                f"errors: {self.n_errors} of {n} ({self.error_percent:.1f}%), error rate {self.error_rate:.3f}",
                f"undefined (no output >= {self.threshold:g}): {self.n_undefined} of {n} ({self.undefined_percent:.1f}%)",
                f"sure and wrong: {self.n_sure_and_wrong} of {n}",
                f"average prediction error: {self.average_prediction_error:.4f}",
            ]
        )

    def _shown(self, wrong_only):
        return [(i, row) for i, row in enumerate(self.rows) if not (wrong_only and row.correct)]

    def _estimate(self, row) -> str:
        return f"undefined ({row.best_guess}?)" if row.undefined else row.estimated

    def to_text(self, wrong_only=False) -> str:
        """Real vs estimated as a plain-text table (wrong rows marked ``✗``), then the summary.

        Parameters
        ----------
        wrong_only : bool
            List only the samples whose best guess is wrong.

        Examples
        --------
        >>> print(classification_report([0, 1], [[0.9, 0.2], [0.7, 0.4]], ["a", "b"]).to_text())
        i  real  estimated           a      b  correct
        0  a     a               0.900  0.200  yes
        1  b     undefined (a?)  0.700  0.400  ✗ no
        errors: 1 of 2 (50.0%), error rate 0.500
        undefined (no output >= 0.8): 1 of 2 (50.0%)
        sure and wrong: 0 of 2
        average prediction error: 0.4000
        """
        shown = self._shown(wrong_only)
        names = list(self.target_names)
        w_i = max(1, len(str(len(self.rows) - 1)))
        w_real = max([4] + [len(row.real) for _, row in shown])
        w_est = max([9] + [len(self._estimate(row)) for _, row in shown])
        w_p = [max(5, len(name)) for name in names]
        head = f"{'i':>{w_i}}  {'real':<{w_real}}  {'estimated':<{w_est}}  "
        head += "  ".join(f"{name:>{w}}" for name, w in zip(names, w_p)) + "  correct"
        lines = [head]
        for i, row in shown:
            probabilities = "  ".join(f"{p:>{w}.3f}" for p, w in zip(row.probabilities, w_p))
            mark = "yes" if row.correct else "✗ no"
            lines.append(f"{i:>{w_i}}  {row.real:<{w_real}}  {self._estimate(row):<{w_est}}  {probabilities}  {mark}")
        return "\n".join(lines) + "\n" + self.summary()

    def to_html(self, wrong_only=False) -> str:
        """Real vs estimated as an HTML table: wrong rows tinted and marked ``✗``; then the summary.

        A notebook shows the report this way (``_repr_html_``).

        Examples
        --------
        >>> page = classification_report([0, 1], [[0.9, 0.2], [0.7, 0.4]], ["a", "b"]).to_html()
        >>> page.count("✗ no"), "0.700" in page
        (1, True)
        """
        shown = self._shown(wrong_only)
        left, right = _CELL.format("left"), _CELL.format("right")
        header = ["i", "real", "estimated", *(f"p({name})" for name in self.target_names), "correct"]
        aligns = [right, left, left, *([right] * len(self.target_names)), left]
        cells = "".join(f'<th style="{a}">{html.escape(h)}</th>' for h, a in zip(header, aligns))
        body = [f"<tr>{cells}</tr>"]
        for i, row in shown:
            estimate = html.escape(self._estimate(row))
            if row.undefined:
                estimate = f"<i>{estimate}</i>"
            values = [str(i), html.escape(row.real), estimate, *(f"{p:.3f}" for p in row.probabilities)]
            values.append("yes" if row.correct else "<b>✗ no</b>")
            tds = "".join(f'<td style="{a}">{v}</td>' for v, a in zip(values, aligns))
            body.append(f"<tr>{tds}</tr>" if row.correct else f'<tr style="{_WRONG_STYLE}">{tds}</tr>')
        summary = "<br>".join(html.escape(line) for line in self.summary().splitlines())
        title = f"<p><b>Real vs estimated</b> (verdict when an output reaches {self.threshold:g}; wrong rows tinted, marked ✗)</p>"
        return f"{title}<table>{''.join(body)}</table><p>{summary}</p>"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return (
            f"ClassificationReport({self.n_samples} samples: {self.n_errors} wrong ({self.error_percent:.1f}%), "
            f"{self.n_undefined} undefined ({self.undefined_percent:.1f}%), "
            f"average prediction error {self.average_prediction_error:.4f})"
        )


def classification_report(y_true, Yhat, target_names, threshold=0.8) -> ClassificationReport:
    """Real vs estimated for every sample, the errors, the undefined verdicts and the average prediction error.

    Parameters
    ----------
    y_true : array of int, shape (n_samples,)
        The true classes (indices into ``target_names``).
    Yhat : array of shape (n_samples, n_classes)
        The network's outputs for the same samples (``net.predict_proba(X)``).
    target_names : list of str
        One name per class (per column of ``Yhat``).
    threshold : float in [0, 1]
        The certainty an output must reach for a verdict (see ``verdicts``).

    Returns
    -------
    ClassificationReport
        Shows itself as an HTML table in a notebook; ``to_text()`` for plain text.

    Examples
    --------
    >>> report = classification_report([0, 1, 1], [[0.9, 0.1], [0.6, 0.3], [0.2, 0.7]], ["a", "b"])
    >>> report.n_errors, report.n_undefined, round(report.error_percent, 1)
    (1, 2, 33.3)
    >>> round(report.average_prediction_error, 4)
    0.3333
    """
    Yhat = as_matrix("Yhat", Yhat)
    n, k = Yhat.shape
    y_true = as_labels("y_true", y_true, n=n)
    if y_true.max() >= k:
        raise ValueError(f"y_true holds class {y_true.max()}, but Yhat has only {k} columns (classes 0..{k - 1})")
    if isinstance(target_names, (str, bytes)) or not hasattr(target_names, "__len__"):
        raise TypeError(f"target_names must be a list of {k} class names; got {_describe(target_names)}")
    names = tuple(str(name) for name in target_names)
    if len(names) != k:
        raise ValueError(f"target_names must name the {k} classes (one per column of Yhat); got {len(names)}: {names}")
    threshold = _threshold(threshold)

    predicted = np.argmax(Yhat, axis=1)
    verdict = verdicts(Yhat, threshold)
    correct = predicted == y_true
    Y = np.eye(k)[y_true]  # one-hot truth
    rows = tuple(
        ReportRow(
            real=names[t],
            estimated="undefined" if v == UNDEFINED else names[v],
            best_guess=names[p],
            probabilities=tuple(float(x) for x in Yhat[i]),
            correct=bool(c),
        )
        for i, (t, p, v, c) in enumerate(zip(y_true, predicted, verdict, correct))
    )
    n_errors = int(n - correct.sum())
    n_undefined = int(np.sum(verdict == UNDEFINED))
    return ClassificationReport(
        rows=rows,
        target_names=names,
        threshold=threshold,
        n_samples=n,
        n_errors=n_errors,
        n_undefined=n_undefined,
        n_sure_and_wrong=int(np.sum(~correct & (verdict != UNDEFINED))),
        error_percent=100.0 * n_errors / n,
        undefined_percent=100.0 * n_undefined / n,
        error_rate=n_errors / n,
        average_prediction_error=float(np.mean(np.abs(Y - Yhat))),
        y_true=y_true,
        predicted=predicted,
        verdicts=verdict,
    )


__all__ = ["UNDEFINED", "ClassificationReport", "ReportRow", "classification_report", "verdicts"]


# -- regression: real vs estimated numbers --------------------------------


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
class RegressionReport:
    """Real vs estimated numbers, as the original program reported a regression. Build it with ``regression_report``.

    Attributes
    ----------
    rows : tuple of RegressionRow
        Real vs estimated, per sample, in the order of the samples.
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

    def summary(self) -> str:
        """The closing lines: average estimation error, the largest error, the count beyond the threshold."""
        n = self.n_samples
        return "\n".join(
            [
                f"average estimation error: {self.average_estimation_error:.4f}",
                f"largest error: {self.max_error:.4f}",
                f"error > {self.threshold:g}: {self.n_beyond} of {n} ({self.beyond_percent:.1f}%)",
            ]
        )

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
        right = _CELL.format("right")
        header = ["i", "real", "estimated", "error", ""]
        cells = "".join(f'<th style="{right}">{h}</th>' for h in header)
        body = [f"<tr>{cells}</tr>"]
        for i, row in shown:
            values = [str(i), f"{row.real:.3f}", f"{row.estimated:.3f}", f"{row.error:.3f}"]
            values.append("<b>✗</b>" if row.beyond else "")
            tds = "".join(f'<td style="{right}">{v}</td>' for v in values)
            body.append(f'<tr style="{_WRONG_STYLE}">{tds}</tr>' if row.beyond else f"<tr>{tds}</tr>")
        more = len(self.rows) - len(shown)
        if more:
            body.append(f'<tr><td colspan="5">... ({more} more samples)</td></tr>')
        summary = "<br>".join(html.escape(line) for line in self.summary().splitlines())
        title = f"<p><b>Real vs estimated</b> (errors larger than {self.threshold:g} tinted, marked ✗)</p>"
        return f"{title}<table>{''.join(body)}</table><p>{summary}</p>"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return (
            f"RegressionReport({self.n_samples} samples: average estimation error "
            f"{self.average_estimation_error:.4f}, {self.n_beyond} with error > {self.threshold:g} "
            f"({self.beyond_percent:.1f}%))"
        )


def _values(name, value, n=None) -> np.ndarray:
    """One number per sample: a 1-D array, or a column (n, 1) such as ``predict_proba``'s output."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a 1-D array of numbers, one per sample; got {_describe(value)}")
    try:
        raw = np.asarray(value)
        array = raw.astype(float) if raw.dtype.kind not in "US" else None  # "1.5" must not pass as 1.5
    except (TypeError, ValueError):
        array = None
    if array is None:
        raise TypeError(f"{name} must be a 1-D array of numbers, one per sample; got {_describe(value)}")
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
        raise ValueError(f"{name} must have one value per sample of y_true ({n}); got {len(array)}")
    return array


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
    y_true = _values("y_true", y_true)
    y_pred = _values("y_pred", y_pred, n=len(y_true))
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


__all__ += ["RegressionReport", "RegressionRow", "regression_report"]
