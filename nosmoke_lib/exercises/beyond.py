"""Exercises of ``08_beyond_iris``: min-max scaling, denormalising a prediction, the share of "undefined" verdicts.

In the notebook::

    from nosmoke_lib.exercises import beyond as ex
    ex.minmax_value.check(my_scaled_area)
"""

from __future__ import annotations

import numpy as np

from . import Exercise, judge_function, judge_number, number_answer, run_answer

# -- 08.1 min-max scale one measurement -------------------------------------
# Kernel areas in a training set run from 10.59 to 21.18; the kernel measures 15.26.
# Right: (15.26 - 10.59) / (21.18 - 10.59) = 0.441. Typical slips: dividing by the
# largest value only (0.7205), or forgetting to subtract the minimum in the numerator (1.441).
_AREA, _LOW, _HIGH = 15.26, 10.59, 21.18


def _judge_minmax(answer):
    value, problem = number_answer(answer)
    if problem:
        return False, problem
    if np.isclose(value, _AREA / _HIGH, rtol=1e-3):
        return (
            False,
            f"{value:.4g} is area / max; min-max scaling first subtracts the minimum, then divides by the range.",
        )
    if np.isclose(value, _AREA / (_HIGH - _LOW), rtol=1e-3):
        return False, f"{value:.4g} divides by the range but forgot to subtract the minimum from the area first."
    if np.isclose(value, (_AREA - _LOW) / _HIGH, rtol=1e-3):
        return False, f"{value:.4g} divides by the maximum; divide by the range, max - min."
    return judge_number((_AREA - _LOW) / (_HIGH - _LOW), rtol=1e-3)(answer)


minmax_value = Exercise(
    key="08.1",
    question=(
        f"In the training set, kernel areas run from {_LOW} to {_HIGH}. A kernel has area {_AREA}. "
        "What is its min-max scaled area (a number between 0 and 1)?"
    ),
    judge=_judge_minmax,
    hint="x' = (x - min) / (max - min): the minimum maps to 0, the maximum to 1.",
    solution=f"({_AREA} - {_LOW}) / ({_HIGH} - {_LOW})",
    mistake=f"{_AREA} / {_HIGH}",
)


# -- 08.2 denormalise a prediction ------------------------------------------
# Targets from 0.2 to 2.2 were scaled to [0, 1]; the network says 0.25.
# Right: 0.2 + 0.25 * (2.2 - 0.2) = 0.7. Slips: 0.25 * 2.2 = 0.55 (scaling by the maximum),
# 0.25 * 2.0 = 0.5 (forgetting to add the minimum back), 0.25 itself (not denormalised).
_Y_LOW, _Y_HIGH, _OUT = 0.2, 2.2, 0.25


def _judge_denormalise(answer):
    value, problem = number_answer(answer)
    if problem:
        return False, problem
    right = _Y_LOW + _OUT * (_Y_HIGH - _Y_LOW)
    if np.isclose(value, _OUT * (_Y_HIGH - _Y_LOW), rtol=1e-3):
        return False, f"{value:.4g} stretches the output by the range but forgets to add the minimum back."
    if np.isclose(value, _OUT * _Y_HIGH, rtol=1e-3):
        return False, f"{value:.4g} multiplies by the maximum; multiply by the range (max - min), then add min."
    if np.isclose(value, _OUT, rtol=1e-3):
        return False, f"{value:.4g} is still in the scaled units of the network's output; undo the scaling."
    if np.isclose(value, (_OUT - _Y_LOW) / (_Y_HIGH - _Y_LOW), rtol=1e-3):
        return False, f"{value:.4g} scales the output again; denormalising is the inverse: y = min + y' (max - min)."
    return judge_number(right, rtol=1e-3)(answer)


denormalise = Exercise(
    key="08.2",
    question=(
        f"Regression targets from {_Y_LOW} to {_Y_HIGH} were min-max scaled to [0, 1] for training. "
        f"For a new sample the network outputs {_OUT}. What is its prediction in the original units?"
    ),
    judge=_judge_denormalise,
    hint="Invert x' = (x - min) / (max - min): x = min + x' * (max - min).",
    solution=f"{_Y_LOW} + {_OUT} * ({_Y_HIGH} - {_Y_LOW})",
    mistake=f"{_OUT} * ({_Y_HIGH} - {_Y_LOW})",
)


# -- 08.3 the percentage of "undefined" verdicts ----------------------------


def _undefined_percent(Yhat, threshold):
    Yhat = np.asarray(Yhat, dtype=float)
    return 100.0 * np.mean(Yhat.max(axis=1) < threshold)


# Row 1's largest output equals the threshold 0.75 exactly: a verdict, not undefined.
# Row 3 has two outputs above 0.5 but none at 0.75: undefined, although "any output low" would also say so.
_YHAT = np.array(
    [
        [0.92, 0.05, 0.01],
        [0.10, 0.75, 0.30],
        [0.02, 0.15, 0.97],
        [0.60, 0.55, 0.20],
        [0.05, 0.85, 0.10],
        [0.30, 0.35, 0.40],
        [0.81, 0.02, 0.77],
        [0.05, 0.10, 0.74],
    ]
)
_CASES = [(_YHAT, 0.75), (_YHAT, 0.5), (_YHAT[[3, 5]], 0.9), (_YHAT, 0.95)]


def _judge_undefined(answer):
    if callable(answer):
        try:
            value = float(np.asarray(run_answer(answer, _YHAT, 0.75), dtype=float))
        except Exception:  # let judge_function report it
            value = None
        right = _undefined_percent(_YHAT, 0.75)
        if value is not None and np.isclose(value, right / 100):
            return False, f"you return {value:.4g}, the fraction; the question asks for percent (times 100)."
        if value is not None and np.isclose(value, 100 - right):
            return False, f"you return {value:.4g}%, the share of samples that DO get a verdict."
        if value is not None and np.isclose(value, 100 * np.mean(_YHAT.max(axis=1) <= 0.75)):
            return False, (
                f"you return {value:.4g}%: a largest output exactly at the threshold (0.75) reaches it, "
                "so that sample gets a verdict; use < threshold for undefined."
            )
    return judge_function(_undefined_percent, _CASES)(answer)


undefined_percent = Exercise(
    key="08.3",
    question=(
        "Write my_undefined_percent(Yhat, threshold): the percentage of samples (rows of Yhat) whose verdict is "
        '"undefined", i.e. whose largest output stays below the threshold.'
    ),
    judge=_judge_undefined,
    hint="Yhat.max(axis=1) < threshold marks the undefined rows; np.mean of it is their fraction; times 100.",
    solution=(
        "def my_undefined_percent(Yhat, threshold):\n    return 100 * np.mean(np.asarray(Yhat).max(axis=1) < threshold)"
    ),
    mistake=(
        "def my_undefined_percent(Yhat, threshold):\n"
        "    return 100 * np.mean(np.asarray(Yhat).max(axis=1) >= threshold)"
    ),
)
