"""The checkers of 05_backpropagation: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises or that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import backprop as bp

from .helpers import raises, vandal, verdict


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# -- 05.1 dJ/dW1 ------------------------------------------------------------------


def grad_W1_with(hidden_slope=lambda A2: A2 * (1 - A2), sign=1, back=lambda d, W2: d @ W2.T, output_slope=None):
    def grad_W1(X, Y, W1, W2):
        A2 = sigmoid(X @ W1)
        Yhat = sigmoid(A2 @ W2)
        slope3 = Yhat * (1 - Yhat) if output_slope is None else output_slope(Yhat)
        delta3 = sign * (Yhat - Y) * slope3
        return X.T @ (back(delta3, W2) * hidden_slope(A2))

    return grad_W1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (grad_W1_with(sign=-1), "Yhat - Y"),
        (grad_W1_with(hidden_slope=lambda A2: sigmoid(A2) * (1 - sigmoid(A2))), "sigma applied twice"),
        (grad_W1_with(output_slope=lambda Yhat: sigmoid(Yhat) * (1 - sigmoid(Yhat))), "sigma applied twice"),
        (grad_W1_with(back=lambda d, W2: d @ W2), "missing transpose"),
        (grad_W1_with(hidden_slope=lambda A2: 1.0), "derivative is forgotten"),
        (grad_W1_with(output_slope=lambda Yhat: 1.0), "output layer's derivative is forgotten"),
        (lambda X, Y, W1, W2: np.zeros(W1.shape[::-1]), "W1 transposed"),
    ],
)
def test_grad_W1_names_the_slip(answer, expected):
    ok, message = verdict(bp.grad_W1, answer)
    assert ok is False and expected in message, message


def test_grad_W1_right_answer_passes_even_if_it_changes_its_inputs():
    def right_then_vandal(X, Y, W1, W2):
        result = grad_W1_with()(X, Y, W1, W2)
        for array in (X, Y, W1, W2):
            array[...] = np.nan
        return result

    assert verdict(bp.grad_W1, grad_W1_with())[0] is True
    assert verdict(bp.grad_W1, right_then_vandal)[0] is True
    assert verdict(bp.grad_W1, grad_W1_with())[0] is True  # the cases are intact


# -- 05.2 the training loop ----------------------------------------------------------


def train_with(sign=1, record_first=True, record_last=True, move=True):
    def train(X, Y, W1, W2, alpha, epochs):
        def J_now():
            return 0.5 * np.sum((Y - sigmoid(sigmoid(X @ W1) @ W2)) ** 2)

        J = [J_now()] if record_first else []
        for _ in range(epochs):
            A2 = sigmoid(X @ W1)
            Yhat = sigmoid(A2 @ W2)
            delta3 = sign * (Yhat - Y) * Yhat * (1 - Yhat)
            delta2 = (delta3 @ W2.T) * A2 * (1 - A2)
            if not record_last:
                J.append(J_now())
            if move:
                W2 -= alpha * A2.T @ delta3
                W1 -= alpha * X.T @ delta2
            if record_last:
                J.append(J_now())
        return J

    return train


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (train_with(sign=-1), "J goes up"),
        (train_with(record_first=False), "J before training is missing"),
        (train_with(record_first=False, record_last=False), "J after the last step is missing"),
        (train_with(move=False), "weights do not move"),
        (lambda X, Y, W1, W2, alpha, epochs: [1.0, 2.0], "return 6 values"),
    ],
)
def test_train_names_the_slip(answer, expected):
    ok, message = verdict(bp.train, answer)
    assert ok is False and expected in message, message


def test_train_right_answer_passes_and_the_case_survives_an_answer_that_moves_the_weights():
    X, Y, W1, W2, *_ = bp._TRAIN_CASE
    before = [a.copy() for a in (X, Y, W1, W2)]
    assert verdict(bp.train, train_with())[0] is True  # it changes W1 and W2 in place ...
    assert all(np.array_equal(a, b) for a, b in zip((X, Y, W1, W2), before))  # ... of copies
    assert verdict(bp.train, train_with())[0] is True


# -- 05.3 a gradient check --------------------------------------------------------------


def check_with(denominator=2, forward=False, both_norms=True, restore=True):
    def gradient_check(f, df, W, eps=1e-5):
        n = np.zeros_like(W)
        for i in np.ndindex(W.shape):
            kept = W[i]
            W[i] = kept + eps
            f_plus = f(W)
            W[i] = kept if forward else kept - eps
            n[i] = (f_plus - f(W)) / (denominator * eps / (2 if forward else 1))
            if restore:
                W[i] = kept
        a = df(W)
        scale = np.linalg.norm(a) + np.linalg.norm(n) if both_norms else np.linalg.norm(n)
        return np.linalg.norm(a - n) / scale

    return gradient_check


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (check_with(denominator=1), "2 * eps"),
        (check_with(forward=True), "forward difference"),
        (check_with(both_norms=False), "both norms"),
        (check_with(restore=False), "changed W"),
        (lambda f, df, W: "0.0", "without quotes"),
        (lambda f, df, W: True, "bool"),
        (lambda f, df, W: math.nan, "not a finite number"),
    ],
)
def test_gradient_check_names_the_slip(answer, expected):
    ok, message = verdict(bp.gradient_check, answer)
    assert ok is False and expected in message, message


def test_gradient_check_right_answer_passes():
    assert verdict(bp.gradient_check, check_with())[0] is True


# -- 05.4 the tanh hidden delta ----------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (lambda d, W2, A2: (d @ W2.T) * A2 * (1 - A2), "sigmoid's slope"),
        (lambda d, W2, A2: (d @ W2.T) * (1 - np.tanh(A2) ** 2), "tanh applied twice"),
        (lambda d, W2, A2: (d @ W2) * (1 - A2**2), "missing transpose"),
        (lambda d, W2, A2: d @ W2.T, "derivative is forgotten"),
        (lambda d, W2, A2: -(d @ W2.T) * (1 - A2**2), "sign"),
        (lambda d, W2, A2: (d @ W2.T).T, "shape"),
    ],
)
def test_tanh_delta_names_the_slip(answer, expected):
    ok, message = verdict(bp.hidden_delta_tanh, answer)
    assert ok is False and expected in message, message


def test_tanh_delta_right_answer_passes_even_if_it_changes_its_inputs():
    def right_then_vandal(delta3, W2, A2):
        result = (delta3 @ W2.T) * (1 - A2**2)
        A2 += 1.0
        return result

    assert verdict(bp.hidden_delta_tanh, right_then_vandal)[0] is True
    assert verdict(bp.hidden_delta_tanh, lambda d, W2, A2: (d @ W2.T) * (1 - A2**2))[0] is True


# -- 05: junk never raises -----------------------------------------------------------------

FUNCTION_EXERCISES = [bp.grad_W1, bp.train, bp.gradient_check, bp.hidden_delta_tanh]


@pytest.mark.parametrize("exercise", FUNCTION_EXERCISES, ids=lambda e: e.key)
@pytest.mark.parametrize("junk", ["5.7", True, math.nan, raises, vandal, lambda *args: "text", 3], ids=repr)
def test_function_exercises_answer_junk_with_a_message(exercise, junk):
    ok, message = verdict(exercise, junk)
    assert ok is False and "Hint:" in message


@pytest.mark.parametrize("exercise", FUNCTION_EXERCISES, ids=lambda e: e.key)
def test_a_vandal_does_not_spoil_the_next_answer(exercise):
    verdict(exercise, vandal)
    assert verdict(exercise, exercise.answer())[0] is True
