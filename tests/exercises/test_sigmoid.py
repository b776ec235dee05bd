"""The checkers of 02_sigmoid: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises or that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import sigmoid as sx

from .helpers import verdict
from .test_neuron import assert_junk_gets_a_message


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# -- 02.1 tanh's slope from its output --------------------------------------------------


def test_tanh_derived_right_answer_passes():
    assert verdict(sx.tanh_derived, lambda a: 1 - a**2)[0] is True
    assert verdict(sx.tanh_derived, lambda a: (1 - a) * (1 + a))[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda a: 1 - np.tanh(a) ** 2, "through tanh again"),
        (lambda a: a * (1 - a), "sigmoid's slope"),
        (lambda a: 1 + a**2, "expected"),
        (lambda a: float(np.sum(1 - a**2)), "shape"),
    ],
)
def test_tanh_derived_names_the_slip(answer, expected):
    ok, message = verdict(sx.tanh_derived, answer)
    assert ok is False and expected in message, message


# -- 02.2 where the sigmoid saturates --------------------------------------------------------


def test_saturation_right_answer_passes_and_is_where_the_slope_is_one_percent():
    z = sx.SATURATION_Z
    a = sigmoid(z)
    assert math.isclose(a * (1 - a), 0.0025, rel_tol=1e-9)
    assert verdict(sx.saturation_z, z)[0] is True
    assert verdict(sx.saturation_z, round(z, 2))[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (-sx.SATURATION_Z, "positive z is asked"),
        (sigmoid(sx.SATURATION_Z), "OUTPUT a"),
        (0.0025, "the slope itself"),
        (4.585, "1 % of 1"),
        (math.log(99), "OUTPUT reaches 0.99"),
        (3.0, "too small"),
        (9.0, "too large"),
    ],
)
def test_saturation_names_the_slip(answer, expected):
    ok, message = verdict(sx.saturation_z, answer)
    assert ok is False and expected in message, message


@pytest.mark.parametrize("junk", ["5.986", True, math.nan, math.inf, [5.9, 6.0], lambda: 5.986])
def test_saturation_turns_junk_away(junk):
    ok, message = verdict(sx.saturation_z, junk)
    assert ok is False and "expected" in message, message


# -- 02.3 the bipolar sigmoid's slope from its output -------------------------------------------


def test_bipolar_right_answers_pass():
    assert verdict(sx.bipolar_derived, lambda a: (1 - a**2) / 2)[0] is True
    assert verdict(sx.bipolar_derived, sx.bipolar_derived.answer())[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda a: 1 - a**2, "tanh's slope"),
        (lambda a: 2 * a * (1 - a), "not σ(z)"),
        (lambda a: a * (1 - a), "sigmoid's slope"),
        (lambda a: (1 - (2 * sigmoid(a) - 1) ** 2) / 2, "through f again"),
        (lambda a: 2 * sigmoid(a) * (1 - sigmoid(a)), "slope at z = a"),  # the same numbers, said both ways
        (lambda a: (1 + a**2) / 2, "expected"),
    ],
)
def test_bipolar_names_the_slip(answer, expected):
    ok, message = verdict(sx.bipolar_derived, answer)
    assert ok is False and expected in message, message


# -- junk never raises ------------------------------------------------------------------------


@pytest.mark.parametrize("exercise", [sx.tanh_derived, sx.bipolar_derived], ids=lambda e: e.key)
def test_function_exercises_answer_junk_with_a_message(exercise):
    assert_junk_gets_a_message(exercise)
