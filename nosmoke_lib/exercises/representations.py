"""Exercises of ``09_representations``: when early stopping stops, when setosa leaves the others, the gap.

In the notebook::

    from nosmoke_lib.exercises import representations as ex
    ex.stopping_epoch.check(my_stopping_epoch);

Each needs code the notebook does not show: 09.1 and 09.3 are functions the learner writes, 09.2 is a
number found by a loop over the snapshots. The checkers call the learner's function on copies of the
inputs (``run_answer``) and read numbers through ``number_answer``: they never raise.
"""

from __future__ import annotations

import functools

import numpy as np

from ..network import Network
from . import Exercise, number_answer, run_answer

# -- 09.1 the epoch at which early stopping stops ------------------------------------------------------
# validation_loss[i] is J after epoch i + 1; an epoch is an improvement if its J is below every earlier one;
# fit stops at the first epoch that comes `patience` epochs after the last improvement, else runs them all.


def _stopping_reference(validation_loss, patience):
    best_J, best_epoch = np.inf, 0
    for epoch, J in enumerate(validation_loss, start=1):
        if J < best_J:
            best_J, best_epoch = J, epoch
        elif epoch - best_epoch >= patience:
            return epoch
    return len(validation_loss)


def _stopping_slips(validation_loss, patience):
    """What the typical slips return on a curve: {message: value}."""
    curve = list(validation_loss)
    best = int(np.argmin(curve)) + 1  # the lowest epoch of the whole curve (the first, if tied)
    stop = _stopping_reference(curve, patience)
    best_before_stop = int(np.argmin(curve[:stop])) + 1
    worse_in_a_row, counted = 0, len(curve)  # counts epochs no better than the one before, not than the best
    for epoch in range(2, len(curve) + 1):
        worse_in_a_row = worse_in_a_row + 1 if curve[epoch - 1] >= curve[epoch - 2] else 0
        if worse_in_a_row >= patience:
            counted = epoch
            break
    ties, tie_best = len(curve), (curve[0], 1)  # a tie counted as an improvement
    for epoch, J in enumerate(curve[1:], start=2):
        if J <= tie_best[0]:
            tie_best = (J, epoch)
        elif epoch - tie_best[1] >= patience:
            ties = epoch
            break
    return {
        "that is the epoch with the lowest J, which early stopping keeps; it stops later, once `patience` "
        "epochs have brought nothing better.": best_before_stop,
        "that is one epoch off: validation_loss[i] is J after epoch i + 1 (Python counts from 0, epochs from 1).": (
            stop - 1,
            stop + 1,
        ),
        "you count the epochs that are worse than the one before; fit counts those not better than the best so far.": counted,
        "an equal J is not an improvement: only a J below every earlier one starts the count again.": ties,
        "the best epoch of the whole run plus patience assumes fit sees the future; it stops at the first stretch "
        "of `patience` epochs with nothing better.": best + patience,
    }


_CURVES = (  # (validation J after epochs 1, 2, ..., patience): a plain valley, a dip and a plateau, a tie, no stop
    ([5.0, 4.0, 3.0, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0, 3.1], 3),
    ([5.0, 4.0, 4.2, 4.1, 4.3, 3.0, 2.0, 2.2, 2.4, 2.5, 2.6, 2.7], 4),
    ([3.0, 2.0, 2.5, 2.4, 2.6, 2.3, 2.7, 2.8], 3),
    ([4.0, 3.0, 3.0, 3.0, 3.5, 2.0, 2.1, 2.2], 3),
    ([4.0, 3.0, 3.1, 2.9, 3.0, 2.8, 3.2, 2.7], 3),
    ([3.0, 2.0, 1.0, 0.5], 2),
)


def _judge_stopping_epoch(answer):
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    for curve, patience in _CURVES:
        result = run_answer(answer, list(curve), patience)
        if result is None:
            return False, "your function returns None: replace the ... with code that returns an epoch."
        value, problem = number_answer(result, "a whole number (an epoch)")
        if problem:
            return False, f"for the curve {curve} your function returns something else: {problem}"
        want = _stopping_reference(curve, patience)
        if value == want:
            continue
        where = f"for validation J {curve} and patience={patience} you return {value:g}, expected {want}"
        for message, slip in _stopping_slips(curve, patience).items():
            if value in (slip if isinstance(slip, tuple) else (slip,)) and value != want:
                return False, f"{where}: {message}"
        return False, f"{where}."
    return True, f"it agrees with fit's rule on all {len(_CURVES)} test curves."


stopping_epoch = Exercise(
    key="09.1",
    question=(
        "Write stopping_epoch(validation_loss, patience): validation_loss[i] is the validation J after epoch i + 1. "
        "An epoch improves if its J is below every earlier one; return the first epoch that comes `patience` epochs "
        "after the last improvement, where fit(..., patience=patience) stops (len(validation_loss) if none does)."
    ),
    judge=_judge_stopping_epoch,
    hint=(
        "Walk through the epochs keeping two things: the lowest J so far and the epoch it came from. An epoch is "
        "only an improvement if its J is strictly lower. Stop when the current epoch is `patience` past that best epoch."
    ),
    solution="""
def stopping_epoch(validation_loss, patience):
    best_J, best_epoch = float("inf"), 0
    for epoch, J in enumerate(validation_loss, start=1):  # epochs count from 1
        if J < best_J:
            best_J, best_epoch = J, epoch  # an improvement: the count starts again
        elif epoch - best_epoch >= patience:
            return epoch  # patience epochs without a better J
    return len(validation_loss)
""",
    mistake="""
def stopping_epoch(validation_loss, patience):
    return int(np.argmin(validation_loss)) + 1 + patience  # the best of the whole run: fit cannot see the future
""",
)


# -- 09.2 the first recorded epoch at which the gap around setosa exceeds 0.5 --------------------------------


@functools.lru_cache(maxsize=1)
def _setosa_gaps():
    """(epoch, setosa gap) of every snapshot of the notebook's [4, 2, 3] run."""
    from ..data import load_iris, split

    iris = load_iris()
    X_train, _, y_train, _ = split(iris.X, iris.y)
    history = Network([4, 2, 3], seed=0).fit(X_train, y_train, alpha=0.01, epochs=2000, record_every=25)
    rows = []
    for epoch, weights, biases in history.snapshots:
        A2 = 1 / (1 + np.exp(-(X_train @ weights[0] + biases[0])))
        setosa, others = A2[y_train == 0, 1], A2[y_train != 0, 1]
        rows.append((epoch, max(others.min() - setosa.max(), setosa.min() - others.max())))
    return tuple(rows)


def _first_epoch_over(limit=0.5):
    return next(epoch for epoch, gap in _setosa_gaps() if gap > limit)


def _judge_setosa_epoch(answer):
    value, problem = number_answer(answer, "a whole number (an epoch)")
    if problem:
        return False, problem
    gaps = dict(_setosa_gaps())
    want = _first_epoch_over()
    if value == want:
        return True, f"the gap is {gaps[want]:.2f} at epoch {want}, and {gaps[want - 25]:.2f} one snapshot before."
    if value == want // 25:
        return False, f"{value:g} is the index k of the snapshot; history.snapshots[k] holds epoch 25·k."
    if value in gaps:
        side = "already more than 0.5; look earlier" if gaps[value] > 0.5 else "not yet above 0.5"
        return False, f"at epoch {value:g} the gap is {gaps[value]:.2f}: {side}."
    if value != round(value) or not 0 <= value <= 2000:
        return False, f"{value:g} is not a recorded epoch: snapshots are kept at epochs 0, 25, 50, ..., 2000."
    return False, f"{value:g} is not a recorded epoch: snapshots are kept every 25 epochs."


setosa_epoch = Exercise(
    key="09.2",
    question=(
        "Among the recorded epochs 0, 25, 50, ... of the [4, 2, 3] run, at which one does setosa_gap of the hidden "
        "layer first exceed 0.5?"
    ),
    judge=_judge_setosa_epoch,
    hint="Loop over k = 0, 1, 2, ...: hidden_at(k) gives the epoch and A2, setosa_gap(A2) the gap. Answer the epoch, not k.",
    solution="150",
    mistake="6",
)


# -- 09.3 the gap between held-out and training loss, per flower -------------------------------------------


def _networks():
    """A [4, 2, 3] test network with non-zero biases, 6 training samples and 15 held-out ones."""
    rng = np.random.default_rng(9)
    net = Network([4, 2, 3], seed=int(rng.integers(100)))
    net.set_parameters([rng.normal(size=W.shape) for W in net.weights], [rng.normal(size=b.shape) for b in net.biases])
    X_train, y_train = rng.normal(loc=3.0, size=(6, 4)), rng.integers(0, 3, size=6)
    X_new, y_new = rng.normal(loc=3.0, size=(15, 4)), rng.integers(0, 3, size=15)  # sizes differ: 6 and 15
    return net, X_train, y_train, X_new, y_new


def _gap_reference(net, X_train, y_train, X_new, y_new):
    return net.loss(X_new, y_new) / len(X_new) - net.loss(X_train, y_train) / len(X_train)


def _judge_gap(answer):
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    net, X_train, y_train, X_new, y_new = _networks()
    result = run_answer(answer, net, X_train, y_train, X_new, y_new)
    if result is None:
        return False, "your function returns None: replace the ... with code that returns the gap."
    got, problem = number_answer(result, "one number (the gap)")
    if problem:
        return False, problem
    want = _gap_reference(net, X_train, y_train, X_new, y_new)
    if np.isclose(got, want, rtol=1e-7, atol=1e-12):
        return True, f"the gap is held-out J per flower minus training J per flower: {want:.4f} here."
    if np.isclose(got, -want):
        return False, "the sign is the other way round: the gap is held-out minus training (positive when it overfits)."
    if np.isclose(got, net.loss(X_new, y_new) - net.loss(X_train, y_train)):
        return (
            False,
            "J is summed over the flowers: with 6 training and 15 held-out flowers, divide each J by its count.",
        )
    if np.isclose(got, (net.loss(X_new, y_new) - net.loss(X_train, y_train)) / (len(X_new) + len(X_train))):
        return False, "divide each J by its own number of flowers, not the difference by all of them."
    return False, f"with 6 training and 15 held-out flowers you return {got:.4g}; expected {want:.4g}."


loss_gap = Exercise(
    key="09.3",
    question=(
        "Write loss_gap(net, X_train, y_train, X_new, y_new): the loss per flower on the held-out flowers minus "
        "the loss per flower on the training flowers (net.loss(X, y) gives J, summed over the flowers)."
    ),
    judge=_judge_gap,
    hint="J is a sum over flowers, and the two sets differ in size: make each a mean first. Which one comes first, so that overfitting is positive?",
    solution="""
def loss_gap(net, X_train, y_train, X_new, y_new):
    return net.loss(X_new, y_new) / len(X_new) - net.loss(X_train, y_train) / len(X_train)
""",
    mistake="""
def loss_gap(net, X_train, y_train, X_new, y_new):
    return net.loss(X_new, y_new) - net.loss(X_train, y_train)  # J is a sum: the sets differ in size
""",
)

__all__ = ["stopping_epoch", "setosa_epoch", "loss_gap"]
