"""Exercises of ``07_iris_workflow``: the error of a network that learned nothing, the verdict, how sure it was when wrong.

In the notebook::

    from nosmoke_lib.exercises import iris as ex
    ex.untrained_error.check(my_error)

07.1 asks for a number the learner reasons to, 07.3 for one the learner computes on the
validation flowers; neither is on the screen. Text, True/False and NaN are turned away
with a message saying what kind of answer is expected.
"""

from __future__ import annotations

import functools

import numpy as np

from . import Exercise, judge_function, judge_number, number_answer, run_answer

# -- 07.1 the average prediction error of a network that answers 1/3 everywhere ----
# Per flower: |1 - 1/3| on the real species' output and |0 - 1/3| on the two others,
# (2/3 + 1/3 + 1/3) / 3 = 4/9, whatever the flowers.
_THIRD_ERROR = 4 / 9


def _judge_untrained_error(answer):
    value, problem = number_answer(answer, "a number (an average of |Y - Yhat|)")
    if problem:
        return False, problem
    slips = [
        (2 / 3, "2/3 is the miss on the real species' output only; average it with the two other outputs' misses."),
        (1 / 3, "1/3 is the miss on each of the two other species' outputs; the real species' output misses by 2/3."),
        (4 / 3, "4/3 adds up the three outputs' misses; the average prediction error divides them by 3."),
        (2 / 9, "2/9 averages the squared misses (as J does); the average prediction error takes |Y - Yhat|."),
    ]
    for slip, message in slips:
        if np.isclose(value, slip, rtol=1e-2):
            return False, message
    ok, message = judge_number(_THIRD_ERROR, rtol=1e-2)(value)
    if ok:
        message += " Per flower (2/3 + 1/3 + 1/3) / 3 = 4/9, the same for every flower, so for any set of them."
    return ok, message


untrained_error = Exercise(
    key="07.1",
    question=(
        "A network that has learned nothing answers 1/3 for every species of every flower. "
        "What is its average prediction error, on any set of Iris flowers?"
    ),
    judge=_judge_untrained_error,
    hint=(
        "Take one flower: its wanted outputs Y are a 1 and two 0s, its outputs all 1/3. "
        "How far is each output from what it should be, and what is the mean of the three?"
    ),
    solution="(abs(1 - 1 / 3) + 2 * abs(0 - 1 / 3)) / 3",
    mistake="abs(1 - 1 / 3)",
)


# -- 07.2 the verdict with a certainty threshold ----------------------------


def _verdicts(Yhat, threshold):
    Yhat = np.asarray(Yhat, dtype=float)
    return np.where(Yhat.max(axis=1) >= threshold, Yhat.argmax(axis=1), -1)


# Rows whose largest output lies between 0.5 and the threshold catch a fixed 0.5;
# rows whose largest output is not in column 0 catch returning the value instead of the class.
_YHAT = np.array(
    [
        [0.92, 0.05, 0.01],
        [0.10, 0.65, 0.30],
        [0.02, 0.15, 0.97],
        [0.40, 0.45, 0.20],
        [0.05, 0.85, 0.10],
    ]
)
_CASES = [(_YHAT, 0.8), (_YHAT, 0.6), (_YHAT[[1, 3]], 0.9), (_YHAT, 0.4), (_YHAT[[0, 4]], 0.85)]


def _judge_verdicts(answer):
    if callable(answer):
        try:
            got = np.asarray(run_answer(answer, _YHAT, 0.8), dtype=float)
        except Exception:  # let judge_function report it
            got = None
        if got is not None and got.shape == (5,):
            if np.array_equal(got, _verdicts(_YHAT, 0.5)):
                return False, (
                    f"for threshold 0.8 you return {got.astype(int).tolist()}: flower 1 (largest output 0.65) "
                    "is not sure enough; compare with the threshold argument, not a fixed 0.5."
                )
            if np.allclose(got, np.where(_YHAT.max(axis=1) >= 0.8, _YHAT.max(axis=1), -1)):
                return (
                    False,
                    "you return the largest output itself; the verdict is its position (0, 1 or 2), the class.",
                )
        edge = _judge_edge(answer)
        if edge:
            return False, edge
    return judge_function(_verdicts, _CASES)(answer)


def _judge_edge(answer):
    """An output exactly at the threshold is sure ("reaches" it): catch ``>`` instead of ``>=``."""
    try:
        got = np.asarray(run_answer(answer, np.array([[0.8, 0.1, 0.1]]), 0.8), dtype=float)
    except Exception:
        return None
    if got.shape == (1,) and got[0] == -1:
        return "an output of exactly 0.8 reaches the threshold 0.8 and gets a verdict: compare with >=, not >."
    return None


verdict = Exercise(
    key="07.2",
    question=(
        "Write my_verdicts(Yhat, threshold): for every row of Yhat, the index of its largest output "
        'when that output is at least threshold, else -1 ("undefined").'
    ),
    judge=_judge_verdicts,
    hint=(
        "Two facts per row: its largest output (is it >= threshold?) and the position of that output. "
        "numpy gives both along axis=1, and picks between two arrays element by element with a condition."
    ),
    solution=(
        "def my_verdicts(Yhat, threshold):\n    return np.where(Yhat.max(axis=1) >= threshold, Yhat.argmax(axis=1), -1)"
    ),
    mistake=(
        "def my_verdicts(Yhat, threshold):\n    return np.where(Yhat.max(axis=1) >= 0.5, Yhat.argmax(axis=1), -1)"
    ),
)


# -- 07.3 how sure the network was when it was wrong, on the validation flowers ----


@functools.lru_cache(maxsize=1)
def _sure_when_wrong():
    """The largest best-guess output among wrongly guessed flowers: (validation, test, training), and the
    largest best-guess output of all validation flowers, for the notebook's network and split."""
    from ..data import load_iris, split
    from ..network import Network

    iris = load_iris()
    X_train, X_test, y_train, y_test = split(iris.X, iris.y, n_train=60, n_test=35, seed=0)
    rows = np.arange(150.0).reshape(-1, 1)
    rows_train, rows_test, _, _ = split(rows, iris.y, n_train=60, n_test=35, seed=0)
    rows_val = np.setdiff1d(np.arange(150), np.concatenate([rows_train.ravel(), rows_test.ravel()]).astype(int))
    X_val, y_val = iris.X[rows_val], iris.y[rows_val]
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train, progress=False)

    def largest_wrong(X, y):
        Yhat = net.predict_proba(X)
        wrong = Yhat.argmax(axis=1) != y
        return float(Yhat.max(axis=1)[wrong].max())

    largest_val = float(net.predict_proba(X_val).max())
    return largest_wrong(X_val, y_val), largest_wrong(X_test, y_test), largest_wrong(X_train, y_train), largest_val


def _judge_sure_when_wrong(answer):
    value, problem = number_answer(answer, "a number between 0 and 1 (an output of the network)")
    if problem:
        return False, problem
    val, test, train, everyone = _sure_when_wrong()
    if np.isclose(value, test, atol=5e-4):
        return False, f"{value:.4g} is found on the test flowers: they must not choose anything. Use X_val, y_val."
    if np.isclose(value, train, atol=5e-4):
        return (
            False,
            f"{value:.4g} is found on the training flowers; the question is about the validation flowers X_val.",
        )
    if np.isclose(value, everyone, atol=5e-4):
        return False, f"{value:.4g} is the largest output of all validation flowers; keep only those guessed wrong."
    if np.isclose(value, 0.8):
        return (
            False,
            "0.8 is the original's threshold, not something measured: compute the outputs of the wrong guesses.",
        )
    if value == round(value) and value >= 1:
        return False, f"{value:.4g} looks like a count of flowers; the question asks for an output, between 0 and 1."
    if np.isclose(value, val, atol=5e-4):
        return True, (
            f"{val:.3f}: the network was at most that sure when wrong on a validation flower, so any threshold "
            "above it (0.8 among them) makes every validation mistake undefined."
        )
    return judge_number(val, rtol=0, atol=5e-4)(value)


sure_when_wrong = Exercise(
    key="07.3",
    question=(
        "Run the notebook's trained net on the 55 validation flowers X_val, find those whose best guess is wrong, "
        "and give the largest output of such a flower's best guess."
    ),
    judge=_judge_sure_when_wrong,
    hint=(
        "net.predict_proba(X_val) gives the outputs; a flower's best guess is the position of its largest output, "
        "and it is wrong where that differs from y_val. Among those rows, the largest output is the answer."
    ),
    solution="0.625",
    mistake="0.641",
)
