"""Exercises of ``07_iris_workflow``: an error rate, the verdict with its threshold, accuracy from a confusion matrix.

In the notebook::

    from nosmoke_lib.exercises import iris as ex
    ex.error_rate.check(my_error_percent)
"""

from __future__ import annotations

import numpy as np

from . import Exercise, judge_function, judge_number, number_answer, run_answer

# -- 07.1 the error rate from a count ---------------------------------------
# 2 of the 35 test flowers wrong: 2 / 35 = 5.71 %. Typical slips: dividing by the
# 60 training flowers (3.33 %), or giving the fraction 0.0571 instead of percent.
_WRONG, _N_TEST, _N_TRAIN = 2, 35, 60


def _judge_error_rate(answer):
    value, problem = number_answer(answer)
    if problem:
        return False, problem
    right = 100 * _WRONG / _N_TEST
    if np.isclose(value, 100 * _WRONG / _N_TRAIN, rtol=1e-2):
        return False, f"{value:.4g}% divides by the {_N_TRAIN} training flowers; the errors were made on the test set."
    if np.isclose(value, right / 100, rtol=1e-2):
        return False, f"{value:.4g} is the fraction; the question asks for percent (times 100)."
    if np.isclose(value, 100 - right, rtol=1e-2):
        return False, f"{value:.4g}% is the accuracy, the share of right answers; the error rate is the wrong ones."
    return judge_number(right, rtol=1e-2, unit="%")(answer)


error_rate = Exercise(
    key="07.1",
    question=(
        "A network trained on the 60 training flowers gets 2 of the 35 test flowers wrong. "
        "What is its error rate, in percent?"
    ),
    judge=_judge_error_rate,
    hint="error rate = errors / number of samples tested, times 100 for percent.",
    solution="100 * 2 / 35",
    mistake="100 * 2 / 60",
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
_CASES = [(_YHAT, 0.8), (_YHAT, 0.6), (_YHAT[[1, 3]], 0.9), (_YHAT, 0.4)]


def _judge_verdicts(answer):
    if callable(answer):
        try:
            fixed = np.asarray(run_answer(answer, _YHAT, 0.8), dtype=float)
        except Exception:  # let judge_function report it
            fixed = None
        if fixed is not None and fixed.shape == (5,) and np.array_equal(fixed, _verdicts(_YHAT, 0.5)):
            return False, (
                f"for threshold 0.8 you return {fixed.astype(int).tolist()}: flower 1 (largest output 0.65) "
                "is not sure enough; compare with the threshold argument, not a fixed 0.5."
            )
    return judge_function(_verdicts, _CASES)(answer)


verdict = Exercise(
    key="07.2",
    question=(
        "Write my_verdicts(Yhat, threshold): for every row of Yhat, the index of its largest output "
        'when that output is at least threshold, else -1 ("undefined").'
    ),
    judge=_judge_verdicts,
    hint="Yhat.max(axis=1) >= threshold says which rows are sure; np.where(sure, Yhat.argmax(axis=1), -1).",
    solution=(
        "def my_verdicts(Yhat, threshold):\n    return np.where(Yhat.max(axis=1) >= threshold, Yhat.argmax(axis=1), -1)"
    ),
    mistake=(
        "def my_verdicts(Yhat, threshold):\n    return np.where(Yhat.max(axis=1) >= 0.5, Yhat.argmax(axis=1), -1)"
    ),
)


# -- 07.3 accuracy from a confusion matrix ----------------------------------
# Rows: the true species; columns: the predicted species (scikit-learn's layout).
CONFUSION = np.array(
    [
        [12, 0, 0],
        [0, 9, 3],
        [0, 1, 10],
    ]
)


def _judge_accuracy(answer):
    value, problem = number_answer(answer)
    if problem:
        return False, problem
    right = np.trace(CONFUSION) / CONFUSION.sum()  # 31 / 35
    if np.isclose(value, 1 - right, rtol=1e-3):
        return False, f"{value:.4g} is the error rate (the off-diagonal share); accuracy is the diagonal's share."
    if np.isclose(value, 100 * right, rtol=1e-3):
        return False, f"{value:.4g} is in percent; give the accuracy as a fraction between 0 and 1."
    if np.isclose(value, np.trace(CONFUSION) / len(CONFUSION), rtol=1e-3):
        return False, f"{value:.4g} divides by the 3 classes; divide by the number of flowers, the sum of all entries."
    return judge_number(right, rtol=1e-3)(answer)


accuracy = Exercise(
    key="07.3",
    question=(
        "A confusion matrix of 35 test flowers (rows: true species, columns: predicted) is "
        "[[12, 0, 0], [0, 9, 3], [0, 1, 10]]. What is the accuracy, as a fraction between 0 and 1?"
    ),
    judge=_judge_accuracy,
    hint="The right answers are on the diagonal; accuracy = (sum of the diagonal) / (sum of all entries).",
    solution="(12 + 9 + 10) / 35",
    mistake="(3 + 1) / 35",
)
