"""The checkers of 04_layer_cascading: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises, an answer that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import cascade as ex

from .helpers import raises, verdict


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def layers(X, weights, biases):
    out = [X]
    for W, b in zip(weights, biases):
        out.append(sigmoid(out[-1] @ W + b))
    return out


def no_bias(X, weights, biases):
    return layers(X, weights, [0 * b for b in biases])


def linear_output(X, weights, biases):
    out = layers(X, weights, biases)
    return out[:-1] + [out[-2] @ weights[-1] + biases[-1]]


def without_X(X, weights, biases):
    return layers(X, weights, biases)[1:]


def last_only(X, weights, biases):
    return layers(X, weights, biases)[-1]


def mutates(X, weights, biases):
    out = [A.copy() for A in layers(X, weights, biases)]
    for W in weights:
        W[...] = 0.0
    weights.clear()
    return out


def test_04_3_right_answers_pass():
    assert verdict(ex.forward_layers, layers)[0] is True
    assert verdict(ex.forward_layers, ex.forward_layers.answer())[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (no_bias, "without biases"),
        (linear_output, "the last layer is z, not f(z)"),
        (without_X, "it starts with X itself"),
        (last_only, "you return only the last layer"),
        (raises, "your answer raised ZeroDivisionError"),
        (lambda X, w, b: None, "returns None"),
        (lambda X, w, b: "layers", "expected a list"),
        ("5.7", "expected a function"),
        (True, "expected a function"),
        (math.nan, "expected a function"),
    ],
    ids=repr,
)
def test_04_3_names_the_slip(answer, expected):
    ok, message = verdict(ex.forward_layers, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_04_3_an_answer_that_changes_its_inputs_spoils_nothing():
    assert verdict(ex.forward_layers, mutates)[0] is True
    assert verdict(ex.forward_layers, layers)[0] is True
    assert all(len(weights) == len(biases) and weights[0].any() for _, weights, biases in ex._CASES)


def test_04_3_hint_does_not_give_the_code():
    assert "np.exp" not in ex.forward_layers.hint and "append" not in ex.forward_layers.hint


def test_04_2_the_answer_is_what_the_network_says():
    shares = ex.near_half_shares()
    assert shares[0.8] < 0.5 <= min(shares[s] for s in ex.SCALES if s < 0.8)


@pytest.mark.parametrize(
    ("exercise", "answer", "expected"),
    [
        (ex.scale_leaving_half, 0.8, None),
        (ex.scale_leaving_half, np.float64(0.8), None),
        (ex.scale_leaving_half, 0.4, "not fewer than half"),
        (ex.scale_leaving_half, 0.2, "not fewer than half"),
        (ex.scale_leaving_half, 1.0, "a smaller candidate"),
        (ex.scale_leaving_half, 0.5, "not one of the candidates"),
        (ex.n_parameters, 67, None),
        (ex.n_parameters, 56, "weights only"),
        (ex.n_parameters, 71, "input layer has no bias"),
        (ex.n_parameters, 15, "counts neurons"),
        (ex.n_parameters, 80, "too large"),
    ],
)
def test_04_1_and_04_2(exercise, answer, expected):
    ok, message = verdict(exercise, answer)
    assert ok is (expected is None) and (expected is None or expected in message), message


@pytest.mark.parametrize("exercise", [ex.n_parameters, ex.scale_leaving_half], ids=lambda e: e.key)
@pytest.mark.parametrize("junk", ["5.7", "0.8", True, math.nan, math.inf, [0.8, 1.0], raises, mutates], ids=repr)
def test_04_number_answers_turn_junk_away(exercise, junk):
    ok, message = verdict(exercise, junk)
    assert ok is False and "expected" in message and "Hint:" in message, message
