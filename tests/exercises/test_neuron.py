"""The checkers of 01_neuron: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises or that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import neuron as nx

from .helpers import raises, vandal, verdict


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# -- 01.1 the net input --------------------------------------------------------------


def test_net_input_right_answers_pass():
    assert verdict(nx.net_input, lambda x, w, b: np.dot(x, w) + b)[0] is True
    assert verdict(nx.net_input, lambda x, w, b: sum(xk * wk for xk, wk in zip(x, w)) + b)[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda x, w, b: np.dot(x, w), "the bias is missing"),
        (lambda x, w, b: x * w + b, "add the products up"),
        (lambda x, w, b: sigmoid(np.dot(x, w) + b), "asked is z itself"),
        (lambda x, w, b: np.dot(x, w) - b, "expected"),
    ],
)
def test_net_input_names_the_slip(answer, expected):
    ok, message = verdict(nx.net_input, answer)
    assert ok is False and expected in message, message


# -- 01.2 one neuron's output -------------------------------------------------------------

Z = 5.0 * 0.5 - 3.0 + 1.5 * 0.5 + 0.5 - 1.0


def test_neuron_output_right_answer_passes():
    assert verdict(nx.neuron_output, sigmoid(Z))[0] is True
    assert verdict(nx.neuron_output, np.float64(sigmoid(Z)))[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Z, "net input z"),
        (sigmoid(Z + 1.0), "bias b = -1 is missing"),
        (sigmoid(-Z), "minus in the exponent"),
        (1.5, "between 0 and 1"),
        (0.9, "too large"),
    ],
)
def test_neuron_output_names_the_slip(answer, expected):
    ok, message = verdict(nx.neuron_output, answer)
    assert ok is False and expected in message, message


# -- 01.3 a separating bias -------------------------------------------------------------


def midway(X, y, w):
    v = X @ w
    return -(v[y == 0].max() + v[y != 0].min()) / 2


def test_separating_bias_right_answers_pass():
    assert verdict(nx.separating_bias, midway)[0] is True
    assert verdict(nx.separating_bias, lambda X, y, w: -(X @ w)[y == 0].max() - 1e-3)[0] is True  # near an edge


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda X, y, w: -midway(X, y, w), "wrong sign"),
        (lambda X, y, w: -((X @ w)[y == 0].mean() + (X @ w)[y != 0].mean()) / 2, "not the averages"),
        (lambda X, y, w: -(X @ w), "one bias"),
        (lambda X, y, w: 100.0, "too large"),
        (lambda X, y, w: -100.0, "too small"),
    ],
)
def test_separating_bias_names_the_slip(answer, expected):
    ok, message = verdict(nx.separating_bias, answer)
    assert ok is False and expected in message, message


def test_separating_bias_works_on_iris_with_the_notebooks_weights():
    from nosmoke_lib import load_iris

    iris = load_iris()
    w = np.array([-0.5, -0.5, 1.0, 1.0])
    b = midway(iris.X, iris.y, w)
    outputs = sigmoid(iris.X @ w + b)
    assert outputs[iris.y == 0].max() < 0.5 < outputs[iris.y != 0].min()


# -- junk never raises ---------------------------------------------------------------------

JUNK = ["5.7", True, math.nan, raises, vandal, lambda *args: "5.7", lambda *args: True, 3]


def assert_junk_gets_a_message(exercise):
    """Junk answers get a hint, an answer that raises is told so, and a vandal spoils nothing (02 uses it too)."""
    for junk in JUNK:
        ok, message = verdict(exercise, junk)
        assert ok is False and "Hint:" in message, (junk, message)
    ok, message = verdict(exercise, raises)
    assert ok is False and "your answer raised ZeroDivisionError" in message
    assert verdict(exercise, exercise.answer())[0] is True, "a vandal spoiled the checker's cases"


@pytest.mark.parametrize("exercise", [nx.net_input, nx.separating_bias], ids=lambda e: e.key)
def test_function_exercises_answer_junk_with_a_message(exercise):
    assert_junk_gets_a_message(exercise)


@pytest.mark.parametrize("junk", ["5.7", "0.4378", True, math.nan, math.inf, [0.4, 0.5], sigmoid])
def test_neuron_output_turns_junk_away(junk):
    ok, message = verdict(nx.neuron_output, junk)
    assert ok is False and "expected" in message, message
