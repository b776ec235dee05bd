"""Exercises with answer checkers: feedback for the learner, never an exception.

Each notebook's exercises live in a module named after it
(``nosmoke_lib.exercises.neuron`` for ``01_neuron``, ...). An exercise is
an :class:`Exercise`; in the notebook::

    from nosmoke_lib.exercises import neuron as ex
    def my_net_input(x, w, b):
        ...                      # the learner's answer
    ex.net_input.check(my_net_input)

``check`` prints what is right, or a hint for what is wrong (``feedback``
returns the verdict and the message instead). It never raises: a placeholder ``...``, a wrong type or an
answer that itself raises all get a message instead. ``show_solution()``
prints the worked answer, for a teacher or after a real attempt.
"""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass
class Exercise:
    """One exercise: a question, a judge of answers, a hint and a solution.

    Parameters
    ----------
    key : str
        "notebook.number", e.g. "01.2".
    question : str
    judge : callable(answer) -> (bool, str)
        Says whether the answer is right and why; may raise, ``check`` catches.
    hint : str
        What to look at when the answer is wrong.
    solution : str
        Python source of a right answer: an expression, or a ``def``.
    mistake : str
        Python source of a typical wrong answer (the tests check that the
        judge rejects it).
    """

    key: str
    question: str
    judge: Callable
    hint: str
    solution: str
    mistake: str

    def feedback(self, answer) -> tuple[bool, str]:
        """Whether ``answer`` is right, and the message saying so. Never raises."""
        if answer is ... or answer is None:
            return False, f"Exercise {self.key}: not answered yet. Replace the ... with your answer.\nHint: {self.hint}"
        try:
            ok, message = self.judge(answer)
        except AnswerFailed as failed:  # the learner's code failed: say so, do not crash the notebook
            problem = failed.__cause__
            ok, message = False, f"your answer raised {type(problem).__name__}: {problem}"
        except Exception as problem:  # the answer is of a kind the checker cannot read
            ok = False
            message = f"this answer could not be checked ({type(problem).__name__}: {problem}); look at what it returns"
        if ok:
            return True, f"✓ Exercise {self.key}: right! {message}".rstrip()
        return False, f"✗ Exercise {self.key}: not yet: {message}\nHint: {self.hint}"

    def check(self, answer) -> None:
        """Print feedback on ``answer``: what is right, or a hint. Never raises."""
        print(self.feedback(answer)[1])

    def answer(self, source=None):
        """The solution's value (for a ``def``, the function it defines); or that of other ``source``."""
        namespace = {"np": np}
        source = textwrap.dedent(self.solution if source is None else source).strip()
        if source.startswith("def "):
            exec(source, namespace)
            return namespace[source.split()[1].split("(")[0]]
        return eval(source, namespace)

    def show_solution(self) -> None:
        """Print the worked solution."""
        print(f"Solution to exercise {self.key}:\n{textwrap.dedent(self.solution).strip()}")

    def __repr__(self) -> str:
        return f"Exercise {self.key}: {self.question}"


class AnswerFailed(Exception):
    """The learner's own function raised (as opposed to the checker)."""


def run_answer(answer, *args, copies=True):
    """Call the learner's function on deep copies of ``args``: it cannot change the checker's cases.

    Whatever it raises comes back as ``AnswerFailed``, so feedback can say that the answer raised it.
    ``copies=False`` hands over the arguments themselves, for a judge that checks they come back unchanged.
    """
    args = copy.deepcopy(args) if copies else args
    try:
        return answer(*args)
    except Exception as problem:
        raise AnswerFailed(problem) from problem


def number_answer(answer, what="a number"):
    """``(value, None)`` for an answer that is one finite real number, else ``(None, a message)``.

    Text ("5.7"), True/False, NaN, infinities and several values get a message that says
    what kind of answer is expected, instead of being read as a number.

    >>> number_answer("5.7")[1]
    "expected a number, written without quotes; got the text '5.7'."
    """
    if isinstance(answer, (str, bytes)):
        return None, f"expected {what}, written without quotes; got the text {answer!r}."
    if isinstance(answer, (bool, np.bool_)):
        return None, f"expected {what}; got {answer}, a yes/no value (bool)."
    try:
        array = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None, f"expected {what}; got {type(answer).__name__}."
    if array.size != 1:
        return None, f"expected one number ({what}); got {array.size} values."
    value = float(array.reshape(()))
    if not np.isfinite(value):
        return None, f"expected {what}; got {value}, which is not a finite number."
    return value, None


def judge_number(expected, rtol=1e-2, atol=1e-6, unit=""):
    """A judge for a numeric answer within a relative tolerance (text, bools and NaN are turned away)."""

    def judge(answer):
        value, problem = number_answer(answer)
        if problem:
            return False, problem
        if np.isclose(value, expected, rtol=rtol, atol=atol):
            return True, f"{value:.4g}{unit} is it."
        direction = "too large" if value > expected else "too small"
        return False, f"{value:.4g}{unit} is {direction}."

    return judge


def judge_function(reference, cases, rtol=1e-7, atol=1e-9):
    """A judge for a function answer: compares it with ``reference`` on every case (a tuple of arguments).

    The answer gets copies of the arguments, so an answer that changes its inputs cannot spoil the cases.
    """

    def judge(answer):
        if not callable(answer):
            return False, f"expected a function; got {type(answer).__name__}."
        for args in cases:
            result = run_answer(answer, *args)
            if result is None:
                return False, "your function returns None: replace the ... with code that returns the result."
            try:
                got = np.asarray(result, dtype=float)
            except (TypeError, ValueError):
                return False, f"your function returns {type(result).__name__}; expected numbers (an array)."
            want = np.asarray(reference(*copy.deepcopy(args)), dtype=float)
            if got.shape != want.shape:
                return False, f"for inputs {_show(args)} the result has shape {got.shape}; expected {want.shape}."
            if not np.allclose(got, want, rtol=rtol, atol=atol):
                return False, f"for inputs {_show(args)} you return {_show(got)}; expected {_show(want)}"
        return True, f"it agrees with the reference on all {len(cases)} test cases."

    return judge


def _show(value) -> str:
    """A short, rounded text of a value for feedback: numbers, arrays, and tuples or lists of them."""
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):  # e.g. a list of weight matrices of different shapes
        if isinstance(value, list):
            return "[" + ", ".join(_show(v) for v in value) + "]"
        return repr(value)[:60]
    if array.ndim == 0:
        return f"{float(array):.4g}"
    return np.array2string(np.round(array, 4), separator=", ", threshold=12)


def all_exercises() -> list:
    """Every exercise of the course, in notebook order."""
    import importlib
    import pkgutil

    found = []
    for module in pkgutil.iter_modules(__path__):
        mod = importlib.import_module(f"{__name__}.{module.name}")
        found += [value for value in vars(mod).values() if isinstance(value, Exercise)]
    return sorted(found, key=lambda exercise: exercise.key)


def show_solutions(notebook=None) -> None:
    """Print the worked solutions, for a teacher: all of them, or one notebook's ("05").

    Examples
    --------
    >>> show_solutions("02")  # doctest: +ELLIPSIS
    Solution to exercise 02.1:
    ...
    """
    exercises = all_exercises()
    notebooks = sorted({exercise.key.split(".")[0] for exercise in exercises})
    wanted = None if notebook is None else str(notebook).strip().zfill(2)
    if wanted is not None and wanted not in notebooks:
        print(f"No exercises for notebook {notebook!r}: the notebooks with exercises are {', '.join(notebooks)}.")
        return
    for exercise in exercises:
        if wanted is None or exercise.key.split(".")[0] == wanted:
            exercise.show_solution()
