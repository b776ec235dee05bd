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


def raises():
    raise ValueError("a function, not a number")


#: Answers of the wrong kind for a number exercise, and the words of the message that says what is expected.
JUNK_NUMBERS = [
    ("5.7", "without quotes"),
    (True, "bool"),
    (float("nan"), "not a finite number"),
    (float("inf"), "not a finite number"),
    ([1.5, 2.0], "one number"),
    (raises, "expected"),
    (object(), "expected"),
    (None, "not answered yet"),
    (..., "not answered yet"),
]
SHAPES = [exercise for exercise in NUMBERS if isinstance(exercise.answer(), tuple)]


@pytest.mark.parametrize("exercise", [e for e in NUMBERS if e not in SHAPES], ids=lambda e: e.key)
@pytest.mark.parametrize("junk, expected", JUNK_NUMBERS, ids=repr)
def test_a_number_exercise_turns_junk_away_saying_what_it_expects(exercise, junk, expected):
    ok, message = exercise.feedback(junk)
    assert not ok, f"{exercise.key} accepted {junk!r}"
    assert expected in message and "Hint:" in message, message
    assert "nan%" not in message and "raised" not in message


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.key)
def test_the_right_answer_as_text_is_turned_away(exercise):
    ok, message = exercise.feedback(repr(exercise.answer()))
    assert not ok and any(word in message for word in ("quotes", "give the shape")), message


@pytest.mark.parametrize("exercise", SHAPES, ids=lambda e: e.key)
@pytest.mark.parametrize("junk", [True, float("nan"), [1.5, 2.0], None], ids=repr)
def test_a_shape_exercise_turns_junk_away(exercise, junk):
    ok, message = exercise.feedback(junk)
    assert not ok and any(word in message for word in ("give the shape", "not answered yet")), message


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
