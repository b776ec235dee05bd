"""Every exercise checker against hostile answers: answers that change their inputs, and answers of the wrong kind."""

import numpy as np
import pytest

from nosmoke_lib.exercises import all_exercises, show_solutions

EXERCISES = all_exercises()
FUNCTIONS = [exercise for exercise in EXERCISES if callable(exercise.answer())]
NUMBERS = [exercise for exercise in EXERCISES if not callable(exercise.answer())]


def vandalise(value):
    """Change an argument in place, as a careless answer might (``Yhat[Yhat < t] = 0``)."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.flags.writeable:
        value[...] = 0.0
    elif isinstance(value, list):
        for item in value:
            vandalise(item)
        value.clear()
    elif hasattr(value, "weights"):  # a network
        for W in value.weights:
            W[...] = 0.0


def test_the_course_has_both_kinds_of_exercise():
    assert len(FUNCTIONS) >= 10 and len(NUMBERS) >= 5


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=lambda e: e.key)
def test_an_answer_that_changes_its_inputs_spoils_nothing(exercise):
    solution = exercise.answer()

    def after_the_fact(*args):  # the right result, then the inputs vandalised
        result = solution(*args)
        for arg in args:
            vandalise(arg)
        return result

    def before_the_fact(*args):  # the inputs vandalised first
        for arg in args:
            vandalise(arg)
        return solution(*args)

    exercise.feedback(after_the_fact)
    exercise.feedback(before_the_fact)
    ok, message = exercise.feedback(solution)
    assert ok, f"{exercise.key}: after answers that changed their inputs, the solution is judged wrong: {message}"
    ok, _ = exercise.feedback(exercise.answer(exercise.mistake))
    assert not ok, f"{exercise.key}: after answers that changed their inputs, the typical mistake passes"


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.key)
@pytest.mark.parametrize("junk", ["5.714", True, float("nan"), float("inf"), [1.0, 2.0], None, ...])
def test_a_number_exercise_turns_junk_away_saying_what_it_expects(exercise, junk):
    if isinstance(junk, str):
        junk = repr(exercise.answer())  # the right answer, as text
    if isinstance(junk, list) and isinstance(exercise.answer(), tuple):
        junk = [1.5, 2.0]  # a shape is a list of whole numbers: this one is not
    ok, message = exercise.feedback(junk)
    assert not ok, f"{exercise.key} accepted {junk!r}"
    assert any(word in message for word in ("expected", "give the shape", "not answered yet")), message
    assert "nan%" not in message and "raised" not in message


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=lambda e: e.key)
def test_an_answer_that_raises_is_told_so_and_the_checker_never_raises(exercise):
    def raising(*args):
        raise KeyError("my bug")

    ok, message = exercise.feedback(raising)
    assert not ok and "your answer raised KeyError" in message


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=lambda e: e.key)
def test_an_answer_returning_junk_is_not_blamed_for_raising(exercise):
    ok, message = exercise.feedback(lambda *args: "forty-two")
    assert not ok and "your answer raised" not in message, message


@pytest.mark.parametrize("notebook", ["99", 99, "abc", "1.5"])
def test_show_solutions_for_a_notebook_without_exercises_says_which_have_them(notebook, capsys):
    show_solutions(notebook)
    printed = capsys.readouterr().out
    assert "No exercises for notebook" in printed and "01" in printed
