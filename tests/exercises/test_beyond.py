"""The checkers of 08_beyond_iris: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, inf, several values, a function that raises or changes its inputs) gets a message saying what
is expected, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import beyond as bx

from .helpers import raises, verdict

NUMBER_EXERCISES = [bx.minmax_value, bx.shares_loss, bx.stopping_epoch]


@pytest.mark.parametrize(
    ("exercise", "answer", "expected"),
    [
        (bx.minmax_value, 15.26 / 21.18, "area / max"),
        (bx.minmax_value, 15.26 / (21.18 - 10.59), "forgot to subtract the minimum"),
        (bx.minmax_value, (15.26 - 10.59) / 21.18, "divides by the maximum"),
        (bx.minmax_value, 0.9, "too large"),
        (bx.shares_loss, 62.5, "has a 1/2 in front"),
        (bx.shares_loss, 100 / 3, "answering 1/3 for every class"),
        (bx.shares_loss, 200 / 3, "forgets the 1/2 of J"),
        (bx.shares_loss, 0.3125, "J per kernel"),
        (bx.shares_loss, 20, "too small"),
        (bx.stopping_epoch, 4000, "lowest J on the training kernels"),
        (bx.stopping_epoch, 700, "best on the test kernels"),
        (bx.stopping_epoch, 1000, "too early"),
        (bx.stopping_epoch, 3500, "too late"),
        (bx.stopping_epoch, 2250, "not one of the measured epochs"),
        (bx.stopping_epoch, 5000, "not one of the measured epochs"),
    ],
)
def test_08_names_the_slip(exercise, answer, expected):
    ok, message = verdict(exercise, answer)
    assert ok is False and expected in message, message


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [
        (bx.minmax_value, (15.26 - 10.59) / (21.18 - 10.59)),
        (bx.shares_loss, 31.25),
        (bx.stopping_epoch, 2300),
        (bx.stopping_epoch, 2200),  # within 0.1 % of the lowest validation J: as good a stop
    ],
)
def test_08_right_answers_pass(exercise, answer):
    assert verdict(exercise, answer)[0] is True
    assert verdict(exercise, np.float64(answer))[0] is True


# Junk answers for every number exercise: tests/exercises/test_hostile_checkers.py.


def right_percent(Yhat, threshold):
    return 100 * np.mean(np.asarray(Yhat).max(axis=1) < threshold)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda Yhat, t: np.mean(np.asarray(Yhat).max(axis=1) < t), "the fraction"),
        (lambda Yhat, t: 100 * np.mean(np.asarray(Yhat).max(axis=1) >= t), "DO get a verdict"),
        (lambda Yhat, t: 100 * np.mean(np.asarray(Yhat).max(axis=1) <= t), "exactly at the threshold"),
        (lambda Yhat, t: 100 * np.mean(np.asarray(Yhat).min(axis=1) < t), "expected"),
        (lambda Yhat, t: None, "returns None"),
        (lambda Yhat, t: "12.5", "returns text"),
        (lambda Yhat, t: True, "yes/no value"),
        (raises, "your answer raised ZeroDivisionError"),
        ("5.7", "expected a function"),
        (True, "expected a function"),
        (math.nan, "expected a function"),
    ],
)
def test_08_3_names_the_slip(answer, expected):
    ok, message = verdict(bx.undefined_percent, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_08_3_right_answer_passes_even_if_it_changes_its_inputs():
    def mutates(Yhat, threshold):
        result = right_percent(Yhat, threshold)
        Yhat[:] = 0.0  # spoils only its own copy
        return result

    assert verdict(bx.undefined_percent, right_percent)[0] is True
    assert verdict(bx.undefined_percent, mutates)[0] is True
    assert np.all(bx._YHAT.max(axis=1) > 0.3)  # the checker's cases are untouched


def test_the_08_answers_are_what_the_notebook_setup_says():
    assert math.isclose(bx._shares_J(bx._COUNTS), 31.25)
    assert math.isclose(bx._shares_J((20, 20, 20)), 20.0)  # notebook 06's plateau: 1/3 for 20 flowers per class
    assert bx._lowest(2) == 2300 and bx._lowest(1) == 4000 and bx._lowest(3) == 700
    two_rows = ([0.5, 0.2], [0.1, 0.9])  # one undefined at 0.75, one not
    assert np.isclose(right_percent(two_rows, 0.75), 50.0)
