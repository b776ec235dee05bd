"""The checkers of 06_gradient_descent: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, inf, several values, an answer that raises) gets a message saying what is expected, never an
exception."""

import numpy as np
import pytest

from nosmoke_lib.exercises import descent as gd
from nosmoke_lib.exercises import number_answer

from .helpers import verdict

NUMBER_EXERCISES = [gd.largest_alpha, gd.steps_to_bottom, gd.alpha_by_validation]


@pytest.mark.parametrize(
    ("exercise", "answer", "expected"),
    [
        (gd.largest_alpha, 1.0, "J = w**2"),
        (gd.largest_alpha, 2 / 3, "derivative of 3x**2 is 6x"),
        (gd.largest_alpha, 1 / 6, "the best alpha, not the largest"),
        (gd.largest_alpha, 0.5, "too large"),
        (gd.steps_to_bottom, 26, "round up"),
        (gd.steps_to_bottom, 26.25, "not a whole number"),
        (gd.steps_to_bottom, 40, "too large"),
        (gd.alpha_by_validation, 0.03, "the 40 flowers it trained on"),
        (gd.alpha_by_validation, 0.001, "not the lowest J on the validation flowers"),
        (gd.alpha_by_validation, 0.02, "not one of the candidates"),
    ],
)
def test_06_names_the_slip(exercise, answer, expected):
    ok, message = verdict(exercise, answer)
    assert ok is False and expected in message, message


@pytest.mark.parametrize(
    ("exercise", "answer"), [(gd.largest_alpha, 1 / 3), (gd.steps_to_bottom, 27), (gd.alpha_by_validation, 0.01)]
)
def test_06_right_answers_pass(exercise, answer):
    assert verdict(exercise, answer)[0] is True
    assert verdict(exercise, np.float64(answer))[0] is True


# Junk answers for every number exercise: tests/exercises/test_hostile_checkers.py.


def test_the_06_answers_are_what_the_analysis_says():
    assert gd._STEPS == 27 and 3.5 * 0.8**27 < 0.01 < 3.5 * 0.8**26
    results = gd._results()
    assert gd._best(1) == 0.01  # lowest validation J ...
    assert gd._best(0) == 0.03  # ... not lowest training J: the exercise tells the two apart
    assert results[0.01][1] < min(results[a][1] for a in gd.CANDIDATES if a != 0.01)


def test_number_answer_accepts_numbers_of_any_kind():
    for value in (3, 3.0, np.float32(3), np.array(3.0), np.array([3.0])):
        assert number_answer(value) == (3.0, None)
