"""The checkers of 09_representations: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises or that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib import Network, evaluation, load_iris, scaler, split
from nosmoke_lib.exercises import representations as rp

from .helpers import raises, verdict

# -- 09.1 the stopping epoch ---------------------------------------------------------------------------


def stopping_with(improves=lambda J, best: J < best, start=1, best_of_run=False, stop_at_best=False):
    def stopping_epoch(validation_loss, patience):
        if best_of_run:
            return int(np.argmin(validation_loss)) + 1 + patience
        best_J, best_epoch = math.inf, start
        for epoch, J in enumerate(validation_loss, start=start):
            if improves(J, best_J):
                best_J, best_epoch = J, epoch
            elif epoch - best_epoch >= patience:
                return best_epoch if stop_at_best else epoch
        return len(validation_loss)

    return stopping_epoch


def worse_than_previous(validation_loss, patience):
    in_a_row = 0
    for epoch in range(2, len(validation_loss) + 1):
        in_a_row = in_a_row + 1 if validation_loss[epoch - 1] >= validation_loss[epoch - 2] else 0
        if in_a_row >= patience:
            return epoch
    return len(validation_loss)


def right_but_mutates(validation_loss, patience):
    answer = stopping_with()(validation_loss, patience)
    validation_loss.clear()
    return answer


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (stopping_with(start=0), "one epoch off"),
        (stopping_with(stop_at_best=True), "the epoch with the lowest J"),
        (stopping_with(improves=lambda J, best: J <= best), "an equal J is not an improvement"),
        (stopping_with(best_of_run=True), "sees the future"),
        (worse_than_previous, "worse than the one before"),
        (lambda validation_loss, patience: 3, "expected"),
        (lambda validation_loss, patience: "7", "without quotes"),
        (lambda validation_loss, patience: True, "bool"),
        (lambda validation_loss, patience: math.nan, "not a finite number"),
        (lambda validation_loss, patience: None, "returns None"),
        (raises, "raised ZeroDivisionError"),
        (7, "expected a function"),
        ("5.7", "expected a function"),
        (True, "expected a function"),
        (math.nan, "expected a function"),
    ],
    ids=repr,
)
def test_09_1_names_the_slip(answer, expected):
    ok, message = verdict(rp.stopping_epoch, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_09_1_right_answers_pass_even_if_they_change_their_inputs():
    assert verdict(rp.stopping_epoch, stopping_with())[0] is True
    assert verdict(rp.stopping_epoch, right_but_mutates)[0] is True
    assert verdict(rp.stopping_epoch, rp.stopping_epoch.answer())[0] is True


def test_09_1_the_rule_is_fits_rule():
    iris = load_iris()
    X_pool, _, y_pool, _ = evaluation.hold_out_test_set(iris.X, iris.y, n_test=50)
    X_few, X_val, y_few, y_val = split(X_pool[:, [0, 1]], y_pool, n_train=10, n_test=90, seed=1)
    scale = scaler(X_few, "standard")
    X_few, X_val = scale.transform(X_few), scale.transform(X_val)
    whole = Network([2, 32, 3], seed=1).fit(
        X_few, y_few, alpha=0.5, epochs=400, validation=(X_val, y_val), patience=400
    )
    for patience in (5, 20, 50):
        run = Network([2, 32, 3], seed=1).fit(
            X_few, y_few, alpha=0.5, epochs=400, validation=(X_val, y_val), patience=patience
        )
        assert rp._stopping_reference(list(whole.validation_loss), patience) == run.epochs_run


# -- 09.2 the first epoch with a setosa gap over 0.5 -----------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (6, "the index k"),
        (125, "not yet above 0.5"),
        (175, "already more than 0.5"),
        (140, "not a recorded epoch"),
        (5000, "not a recorded epoch"),
        ("150", "without quotes"),
        (True, "bool"),
        (math.nan, "not a finite number"),
        ([150, 175], "one number"),
        (raises, "expected"),
    ],
    ids=repr,
)
def test_09_2_names_the_slip(answer, expected):
    ok, message = verdict(rp.setosa_epoch, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_09_2_right_answer_passes_and_is_the_first_over_half():
    assert verdict(rp.setosa_epoch, 150)[0] is True and verdict(rp.setosa_epoch, np.float64(150))[0] is True
    gaps = dict(rp._setosa_gaps())
    assert gaps[125] < 0.5 < gaps[150] and all(gap <= 0.5 for epoch, gap in gaps.items() if epoch < 150)


# -- 09.3 the loss gap ------------------------------------------------------------------------------------


def gap_right(net, X_train, y_train, X_new, y_new):
    return net.loss(X_new, y_new) / len(X_new) - net.loss(X_train, y_train) / len(X_train)


def gap_right_but_mutates(net, X_train, y_train, X_new, y_new):
    answer = gap_right(net, X_train, y_train, X_new, y_new)
    X_train[:] = 0
    net.weights[0][:] = 0
    return answer


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda net, Xt, yt, Xn, yn: -gap_right(net, Xt, yt, Xn, yn), "the other way round"),
        (lambda net, Xt, yt, Xn, yn: net.loss(Xn, yn) - net.loss(Xt, yt), "divide each J by its count"),
        (
            lambda net, Xt, yt, Xn, yn: (net.loss(Xn, yn) - net.loss(Xt, yt)) / (len(Xn) + len(Xt)),
            "its own number of flowers",
        ),
        (lambda net, Xt, yt, Xn, yn: 0.5, "expected"),
        (lambda net, Xt, yt, Xn, yn: "0.47", "without quotes"),
        (lambda net, Xt, yt, Xn, yn: True, "bool"),
        (lambda net, Xt, yt, Xn, yn: math.nan, "not a finite number"),
        (lambda net, Xt, yt, Xn, yn: None, "returns None"),
        (raises, "raised ZeroDivisionError"),
        (0.47, "expected a function"),
        ("5.7", "expected a function"),
    ],
    ids=repr,
)
def test_09_3_names_the_slip(answer, expected):
    ok, message = verdict(rp.loss_gap, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_09_3_right_answers_pass_even_if_they_change_their_inputs():
    assert verdict(rp.loss_gap, gap_right)[0] is True
    assert verdict(rp.loss_gap, gap_right_but_mutates)[0] is True
    assert verdict(rp.loss_gap, gap_right)[0] is True  # the cases survived the mutation


def test_09_solutions_are_not_in_the_hints():
    for exercise in (rp.stopping_epoch, rp.setosa_epoch, rp.loss_gap):
        assert "def " not in exercise.hint and "return" not in exercise.hint
        assert exercise.solution.strip() not in exercise.hint
