"""The checkers of 07_iris_workflow: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises, a function that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import iris as ex

from .helpers import raises, verdict


def right_verdicts(Yhat, threshold):
    return np.where(Yhat.max(axis=1) >= threshold, Yhat.argmax(axis=1), -1)


def mutating_verdicts(Yhat, threshold):
    answer = right_verdicts(Yhat, threshold)
    Yhat[:] = 0.0  # spoils its input: the checker's cases must not notice
    return answer


NUMBER_EXERCISES = [ex.untrained_error, ex.sure_when_wrong]
VAL, TEST, TRAIN, EVERYONE = ex._sure_when_wrong()


@pytest.mark.parametrize(
    ("exercise", "answer", "expected"),
    [
        (ex.untrained_error, 2 / 3, "real species' output only"),
        (ex.untrained_error, 1 / 3, "two other species' outputs"),
        (ex.untrained_error, 4 / 3, "divides them by 3"),
        (ex.untrained_error, 2 / 9, "squared misses"),
        (ex.untrained_error, 0.5, "too large"),
        (ex.sure_when_wrong, round(TEST, 3), "test flowers"),
        (ex.sure_when_wrong, round(TRAIN, 3), "training flowers"),
        (ex.sure_when_wrong, round(EVERYONE, 3), "largest output of all validation flowers"),
        (ex.sure_when_wrong, 0.8, "the original's threshold"),
        (ex.sure_when_wrong, 1, "count of flowers"),
        (ex.sure_when_wrong, 0.5, "too small"),
    ],
)
def test_07_names_the_slip(exercise, answer, expected):
    ok, message = verdict(exercise, answer)
    assert ok is False and expected in message and "Hint:" in message, message


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [(ex.untrained_error, 4 / 9), (ex.untrained_error, 0.444), (ex.sure_when_wrong, 0.625), (ex.sure_when_wrong, VAL)],
)
def test_07_right_numbers_pass(exercise, answer):
    assert verdict(exercise, answer)[0] is True
    assert verdict(exercise, np.float64(answer))[0] is True


# Junk answers for every number exercise: tests/exercises/test_hostile_checkers.py.


def test_07_verdict_right_answers_pass_even_when_they_change_their_inputs():
    before = ex._YHAT.copy()
    assert verdict(ex.verdict, right_verdicts)[0] is True
    assert verdict(ex.verdict, mutating_verdicts)[0] is True
    assert np.array_equal(ex._YHAT, before), "the checker's cases are untouched"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda Yhat, t: np.where(Yhat.max(axis=1) >= 0.5, Yhat.argmax(axis=1), -1), "not a fixed 0.5"),
        (lambda Yhat, t: np.where(Yhat.max(axis=1) >= t, Yhat.max(axis=1), -1), "the largest output itself"),
        (lambda Yhat, t: np.where(Yhat.max(axis=1) > t, Yhat.argmax(axis=1), -1), "not >"),
        (lambda Yhat, t: Yhat.argmax(axis=1), "for inputs"),
        (lambda Yhat, t: None, "returns None"),
        (raises, "your answer raised ZeroDivisionError"),
        ("5.7", "expected a function"),
        (True, "expected a function"),
        (math.nan, "expected a function"),
    ],
    ids=["fixed 0.5", "value not class", "strict >", "no threshold", "None", "raises", "text", "bool", "nan"],
)
def test_07_verdict_names_the_slip(answer, expected):
    ok, message = verdict(ex.verdict, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_the_07_answers_are_what_the_notebook_computes():
    assert ex._THIRD_ERROR == pytest.approx((2 / 3 + 1 / 3 + 1 / 3) / 3)
    assert float(ex.sure_when_wrong.solution) == pytest.approx(VAL, abs=5e-4)
    assert float(ex.sure_when_wrong.mistake) == pytest.approx(TEST, abs=5e-4)
    # the slips must be told apart from the answer
    assert min(abs(VAL - other) for other in (TEST, TRAIN, EVERYONE, 0.8)) > 1e-2
