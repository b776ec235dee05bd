"""Exercises of ``08_beyond_iris``: min-max scaling, the J of the class shares, "undefined" verdicts, the stopping epoch.

08.2 asks for a number the learner reasons to, 08.3 and 08.4 for code (08.4 a number only code can find);
none of the answers is on the screen.

In the notebook::

    from nosmoke_lib.exercises import beyond as ex
    ex.minmax_value.check(my_scaled_area)
"""

from __future__ import annotations

import functools

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


# -- 08.2 the J of a network that knows only the class shares -------------------
# A training set of 100 kernels: 50 Kama, 25 Rosa, 25 Canadian. A network that answers the shares
# (0.5, 0.25, 0.25) for every kernel has J = 1/2 * (50 * (0.5**2 + 0.25**2 + 0.25**2) + 50 * (0.5**2 + 0.75**2 + 0.25**2))
# = 1/2 * (18.75 + 43.75) = 31.25. Slips: 62.5 (the 1/2 of J forgotten), 33.33 (1/3 for every class, not the shares),
# 16.67 (1/3 and the 1/2 counted twice), 0.3125 (J per kernel, not summed).
_COUNTS = (50, 25, 25)


def _shares_J(counts, answer_shares=None):
    counts = np.asarray(counts, dtype=float)
    shares = counts / counts.sum() if answer_shares is None else np.asarray(answer_shares, dtype=float)
    return 0.5 * sum(n * np.sum((np.eye(len(counts))[k] - shares) ** 2) for k, n in enumerate(counts))


def _judge_shares_loss(answer):
    value, problem = number_answer(answer, "a number (the loss J)")
    if problem:
        return False, problem
    right = _shares_J(_COUNTS)
    thirds = _shares_J(_COUNTS, [1 / 3] * 3)
    slips = [
        (2 * right, "that is twice J: the course's J = 1/2 * sum((Y - Yhat)**2) has a 1/2 in front."),
        (thirds, "that is the J of answering 1/3 for every class; this network answers the shares 0.5, 0.25, 0.25."),
        (2 * thirds, "that answers 1/3 for every class and forgets the 1/2 of J; use the shares 0.5, 0.25, 0.25."),
        (right / sum(_COUNTS), "that is J per kernel; the course's J is summed over all 100 kernels."),
    ]
    for slip, message in slips:
        if np.isclose(value, slip, rtol=2e-3):
            return False, f"{value:.4g}: {message}"
    ok, message = judge_number(right, rtol=2e-3)(value)
    if ok:
        message += " Each Kama row adds 0.5**2 + 0.25**2 + 0.25**2 = 0.375, each other row 0.875; half of 62.5."
    return ok, message


shares_loss = Exercise(
    key="08.2",
    question=(
        "A training set has 100 kernels: 50 Kama, 25 Rosa, 25 Canadian (one-hot targets). A network that has learned "
        "only the class shares answers (0.5, 0.25, 0.25) for every kernel. What is its J = 1/2 * sum((Y - Yhat)**2)?"
    ),
    judge=_judge_shares_loss,
    hint=(
        "Sort the rows by class: all Kama rows have the same target row and the same output row, and so the same "
        "squared error; likewise Rosa and Canadian. Add the three kinds of row, each times how many there are."
    ),
    solution="0.5 * (50 * (0.5**2 + 0.25**2 + 0.25**2) + 2 * 25 * (0.5**2 + 0.75**2 + 0.25**2))",
    mistake="50 * (0.5**2 + 0.25**2 + 0.25**2) + 2 * 25 * (0.5**2 + 0.75**2 + 0.25**2)",
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
            result = run_answer(answer, _YHAT, 0.75)
            if isinstance(result, (str, bytes, bool, np.bool_)):
                kind = "text" if isinstance(result, (str, bytes)) else "a yes/no value (bool)"
                return False, f"your function returns {kind} ({result!r}); return the percentage as a number."
            value = float(np.asarray(result, dtype=float))
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
    hint=(
        "Only each row's largest output matters: does it reach the threshold? Count the rows where it does not, "
        "and turn the count into a percentage of all rows."
    ),
    solution=(
        "def my_undefined_percent(Yhat, threshold):\n    return 100 * np.mean(np.asarray(Yhat).max(axis=1) < threshold)"
    ),
    mistake=(
        "def my_undefined_percent(Yhat, threshold):\n"
        "    return 100 * np.mean(np.asarray(Yhat).max(axis=1) >= threshold)"
    ),
)


# -- 08.4 the stopping epoch, chosen on the validation kernels ------------------
# The notebook's wheat pipeline: 140 / 70 split, the 140 split again into 100 to train on and 40 to validate on,
# min-max scaled with the 100 training kernels. [7, 8, 3], seed 0, alpha 0.1, 4000 epochs measured every 100.
# The validation J is lowest at 2300 (2200 is within 0.1 %, so it counts too); the training J is lowest at the end
# (4000), the test J at 700: the two slips the checker names.
EVERY, EPOCHS, ALPHA = 100, 4000, 0.1


@functools.lru_cache(maxsize=1)
def _curves():
    """(epochs, training J, validation J, test J) every EVERY epochs, as the notebook sets the data up."""
    from ..data import load_wheat_seeds, split
    from ..network import Network

    wheat = load_wheat_seeds()
    X_dev, X_test, y_dev, y_test = split(wheat.X, wheat.y, n_train=140, n_test=70, seed=0)
    X_train, X_val, y_train, y_val = split(X_dev, y_dev, n_train=100, n_test=40, seed=0)
    low, span = X_train.min(axis=0), X_train.max(axis=0) - X_train.min(axis=0)
    scaled = [(X - low) / span for X in (X_train, X_val, X_test)]
    net = Network([7, 8, 3], seed=0)
    rows = []
    for epoch in range(EVERY, EPOCHS + 1, EVERY):
        net.fit(scaled[0], y_train, alpha=ALPHA, epochs=EVERY)
        rows.append([epoch] + [net.loss(X, y) for X, y in zip(scaled, (y_train, y_val, y_test))])
    return np.array(rows)


def _lowest(column):
    rows = _curves()
    return int(rows[np.argmin(rows[:, column]), 0])


def _judge_stopping_epoch(answer):
    value, problem = number_answer(answer, "a whole number of epochs (a multiple of 100)")
    if problem:
        return False, problem
    rows = _curves()
    if value != round(value) or int(value) % EVERY or not EVERY <= value <= EPOCHS:
        return False, f"{value:.4g} is not one of the measured epochs {EVERY}, {2 * EVERY}, ..., {EPOCHS}."
    epoch = int(value)
    train_J, val_J, test_J = rows[epoch // EVERY - 1, 1:]
    if val_J <= rows[:, 2].min() * 1.001:
        return True, (
            f"after {epoch} epochs the validation J is {val_J:.3f}, its lowest; later the network keeps fitting "
            "the 100 training kernels better and the 40 others worse."
        )
    if epoch == _lowest(1):
        return False, (
            f"{epoch} has the lowest J on the training kernels ({train_J:.3f}): it always falls. "
            "Measure net.loss on the validation kernels after each 100 epochs."
        )
    if epoch == _lowest(3):
        return False, f"{epoch} is best on the test kernels: they must not choose anything. Use the validation kernels."
    side = "early: it is still falling there" if epoch < _lowest(2) else "late: it is rising again there"
    return False, f"after {epoch} epochs the validation J is {val_J:.3f}; that is too {side}."


stopping_epoch = Exercise(
    key="08.4",
    question=(
        "Train a fresh Network([7, 8, 3], seed=0) on Xs_train, y_train with alpha = 0.1, 100 epochs at a time, "
        "40 times; after each 100 epochs measure J on the validation kernels Xs_val, y_val. After how many epochs "
        "is the validation J lowest?"
    ),
    judge=_judge_stopping_epoch,
    hint=(
        "fit continues from the network's current weights, so calling it again with epochs=100 trains 100 epochs more. "
        "Keep each validation J in a list; the position of the smallest gives the epoch."
    ),
    solution="2300",
    mistake="4000",
)
