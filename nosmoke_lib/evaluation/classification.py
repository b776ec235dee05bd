"""The original program's result reporting: verdicts, errors, "undefined", average prediction error.

After "run the test set", the original program listed every test sample as
*real* vs *estimated*, said "undefined" when no output of the network was
sure enough (above 0.8 for Iris, 0.75 for wheat seeds), and summed up with
the total errors and undefined samples, as counts and percentages, and the
average estimation error. This module computes exactly that for classes,
from the network's outputs ``Yhat`` and the true classes (``regression``
does it for numbers).

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

from .._validate import _describe, as_labels, as_matrix, as_number
from ..data import one_hot
from .reports import LEFT, RIGHT, Report

#: The verdict of a sample whose outputs all stay below the threshold.
UNDEFINED = -1


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
class ClassificationReport(Report):
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
    average_prediction_error: float
    y_true: np.ndarray
    predicted: np.ndarray
    verdicts: np.ndarray

    @property
    def error_rate(self) -> float:
        return self.n_errors / self.n_samples

    @property
    def error_percent(self) -> float:
        return 100.0 * self.error_rate

    @property
    def undefined_percent(self) -> float:
        return 100.0 * self.n_undefined / self.n_samples

    def summary_lines(self) -> list:
        """Errors, undefined verdicts, sure-and-wrong answers, average prediction error."""
        n = self.n_samples
        return [
            f"errors: {self.n_errors} of {n} ({self.error_percent:.1f}%), error rate {self.error_rate:.3f}",
            f"undefined (no output >= {self.threshold:g}): {self.n_undefined} of {n} ({self.undefined_percent:.1f}%)",
            f"sure and wrong: {self.n_sure_and_wrong} of {n}",
            f"average prediction error: {self.average_prediction_error:.4f}",
        ]

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
        header = ["i", "real", "estimated", *(f"p({name})" for name in self.target_names), "correct"]
        aligns = [RIGHT, LEFT, LEFT, *([RIGHT] * len(self.target_names)), LEFT]
        rows = []
        for i, row in self._shown(wrong_only):
            estimate = html.escape(self._estimate(row))
            if row.undefined:
                estimate = f"<i>{estimate}</i>"
            values = [str(i), html.escape(row.real), estimate, *(f"{p:.3f}" for p in row.probabilities)]
            rows.append(([*values, "yes" if row.correct else "<b>✗ no</b>"], not row.correct))
        title = f"(verdict when an output reaches {self.threshold:g}; wrong rows tinted, marked ✗)"
        return self._html(title, header, aligns, rows)

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
    if not isinstance(target_names, (list, tuple, np.ndarray)):  # a set or dict has no order to trust
        raise TypeError(
            f"target_names must be a list of {k} class names, in class order; got {_describe(target_names)}"
        )
    names = tuple(str(name) for name in target_names)
    if len(names) != k:
        raise ValueError(f"target_names must name the {k} classes (one per column of Yhat); got {len(names)}: {names}")
    threshold = _threshold(threshold)

    predicted = np.argmax(Yhat, axis=1)
    verdict = verdicts(Yhat, threshold)
    correct = predicted == y_true
    Y = one_hot(y_true, k)  # the truth as the outputs should have been
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
    undefined = verdict == UNDEFINED
    counts = {"n_errors": int(n - correct.sum()), "n_undefined": int(undefined.sum())}
    counts["n_sure_and_wrong"] = int(np.sum(~correct & ~undefined))
    return ClassificationReport(
        rows,
        names,
        threshold,
        n,
        **counts,
        average_prediction_error=float(np.mean(np.abs(Y - Yhat))),
        y_true=y_true,
        predicted=predicted,
        verdicts=verdict,
    )
