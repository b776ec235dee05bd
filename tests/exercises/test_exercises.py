"""Every exercise's checker: right answers pass, typical mistakes and non-answers get feedback, nothing raises."""

import pytest

from nosmoke_lib.exercises import Exercise, all_exercises, judge_function, judge_number

EXERCISES = all_exercises()


def test_the_course_has_exercises_in_every_notebook():
    notebooks = {exercise.key.split(".")[0] for exercise in EXERCISES}
    assert {"01", "02", "03", "04", "05", "06", "07"} <= notebooks


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_the_solution_passes_its_own_checker(exercise, capsys):
    ok, message = exercise.feedback(exercise.answer())
    assert ok is True and "✓" in message
    exercise.check(exercise.answer())
    assert capsys.readouterr().out == message + "\n"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_a_typical_mistake_is_caught_with_a_hint(exercise, capsys):
    ok, message = exercise.feedback(exercise.answer(exercise.mistake))
    assert ok is False and "✗" in message and "Hint:" in message


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_placeholders_and_crashing_answers_never_raise(exercise, capsys):
    def crashes(*args):
        raise ZeroDivisionError("boom")

    def returns_nothing(*args): ...

    exercise.check(...)
    assert "not answered yet" in capsys.readouterr().out
    for answer in (crashes, returns_nothing, "a string", None):
        ok, message = exercise.feedback(answer)
        assert ok is False and "Hint:" in message


def test_judges_say_what_is_wrong(capsys):
    double = Exercise(
        "00.1",
        "double x",
        judge_function(lambda x: 2 * x, [(1.0,), (3.0,)]),
        "times two",
        "def f(x):\n    return 2 * x",
        "def f(x):\n    return x + 2",
    )
    double.check(double.answer(double.mistake))
    assert "for inputs (1) you return 3; expected 2" in capsys.readouterr().out
    quarter = Exercise("00.2", "sigma'(0)", judge_number(0.25), "a(1 - a)", "0.25", "0.5")
    assert quarter.feedback(0.5) == (False, "✗ Exercise 00.2: not yet: 0.5 is too large.\nHint: a(1 - a)")
    assert quarter.feedback(0.25)[0] is True


def test_a_teacher_can_show_one_notebooks_solutions(capsys):
    from nosmoke_lib.exercises import show_solutions

    show_solutions("05")
    out = capsys.readouterr().out
    keys = [e.key for e in EXERCISES if e.key.startswith("05.")]
    assert keys and all(f"Solution to exercise {key}:" in out for key in keys)
    assert "exercise 04." not in out
