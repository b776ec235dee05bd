"""Exercises of ``05_backpropagation``: the output delta, the gradient of W2, one step by hand.

In the notebook::

    from nosmoke_lib.exercises import backprop as ex
    ex.output_delta.check(my_output_delta)
"""

from __future__ import annotations

import numpy as np

from . import Exercise, judge_function, judge_number


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# -- 05.1 the output delta ------------------------------------------------


def _reference_delta(Yhat, Y):
    return (Yhat - Y) * Yhat * (1 - Yhat)


_DELTA_CASES = [
    (np.array([[0.2, 0.7, 0.1]]), np.array([[0.0, 1.0, 0.0]])),
    (np.array([[0.9, 0.4, 0.3], [0.1, 0.2, 0.6]]), np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])),
]


def _judge_delta(answer):
    if callable(answer):
        Yhat, Y = _DELTA_CASES[1]
        result = answer(Yhat.copy(), Y.copy())
        if result is not None and np.shape(result) == Y.shape:
            got = np.asarray(result, dtype=float)
            if np.allclose(got, -_reference_delta(Yhat, Y)):
                return (
                    False,
                    "you return minus the right delta: that is the slide's Error = Y - Yhat, which climbs uphill.",
                )
            if np.allclose(got, Yhat - Y):
                return False, "that is the Error alone: multiply it, element-wise, by sigma'(Yhat)."
    return judge_function(_reference_delta, _DELTA_CASES)(answer)


output_delta = Exercise(
    key="05.1",
    question=(
        "Write output_delta(Yhat, Y): the delta of a sigmoid output layer, the error that goes "
        "downhill times sigma'(Yhat), element-wise. Yhat and Y have shape (n_samples, n_outputs)."
    ),
    judge=_judge_delta,
    hint="Error = Yhat - Y (the code's sign), and for a sigmoid sigma'(Z3) = Yhat * (1 - Yhat); multiply with *, not @.",
    solution="def output_delta(Yhat, Y):\n    return (Yhat - Y) * Yhat * (1 - Yhat)",
    mistake="def output_delta(Yhat, Y):\n    return (Y - Yhat) * Yhat * (1 - Yhat)",
)


# -- 05.2 the gradient of W2 ----------------------------------------------

_rng = np.random.default_rng(5)
_GRAD_CASES = [
    (_rng.random((5, 4)), _rng.normal(size=(5, 3))),
    (_rng.random((2, 8)), _rng.normal(size=(2, 3))),
]
del _rng


def _judge_grad_W2(answer):
    if callable(answer):
        A2, delta = _GRAD_CASES[0]
        result = answer(A2.copy(), delta.copy())
        if result is not None and np.shape(result) == (delta.shape[1], A2.shape[1]):
            return False, (
                f"your result has shape {np.shape(result)}: that is dJ/dW2 transposed. "
                f"W2 has shape (neurons in, neurons out) = {(A2.shape[1], delta.shape[1])}."
            )
    return judge_function(lambda A2, delta: A2.T @ delta, _GRAD_CASES)(answer)


grad_W2 = Exercise(
    key="05.2",
    question=(
        "Write grad_W2(A2, delta): dJ/dW2 (the slide's W_error) from the hidden layer's output A2, "
        "shape (n_samples, n_hidden), and the output delta, shape (n_samples, n_outputs)."
    ),
    judge=_judge_grad_W2,
    hint="LayerOutput^T · Delta: the result must have W2's shape (n_hidden, n_outputs), and it sums over samples.",
    solution="def grad_W2(A2, delta):\n    return A2.T @ delta",
    mistake="def grad_W2(A2, delta):\n    return delta.T @ A2",
)


# -- 05.3 J after one step ------------------------------------------------
# One sigmoid neuron, no bias: x = 2, y = 1, w = 0, alpha = 2.
# Yhat = sigma(0) = 0.5, J = 0.125; delta = (0.5 - 1) * 0.25 = -0.125;
# W_error = x * delta = -0.25; w = 0 - 2 * (-0.25) = 0.5; J = 1/2 (1 - sigma(1))**2.
_J_BEFORE = 0.5 * (1 - _sigmoid(0.0)) ** 2
_J_AFTER = 0.5 * (1 - _sigmoid(2 * 0.5)) ** 2
_J_UPHILL = 0.5 * (1 - _sigmoid(2 * -0.5)) ** 2


def _judge_J_after(answer):
    value = float(np.asarray(answer, dtype=float))
    if np.isclose(value, _J_BEFORE, rtol=1e-3):
        return False, f"{value:.4g} is J before the step (Yhat = sigma(0) = 0.5); now move w and compute J again."
    if np.isclose(value, _J_UPHILL, rtol=1e-2):
        return (
            False,
            f"{value:.4g} is larger than J before the step ({_J_BEFORE:.4g}): your step went uphill (check the Error's sign).",
        )
    return judge_number(_J_AFTER, rtol=1e-2)(answer)


J_after_one_step = Exercise(
    key="05.3",
    question=(
        "One sigmoid neuron without bias: input x = 2, target y = 1, weight w = 0, alpha = 2, "
        "J = 1/2 (y - Yhat)**2. Do one step of the slide (Error, Delta, W_error, w -= alpha * W_error) "
        "and give J after it."
    ),
    judge=_judge_J_after,
    hint="Yhat = sigma(x * w) = 0.5 and sigma'(Yhat) = 0.25; W_error = x * delta; then the new w gives a new Yhat.",
    solution="0.5 * (1 - 1 / (1 + np.exp(-2 * 0.5))) ** 2  # w becomes 0.5, Yhat = sigma(1)",
    mistake="0.5 * (1 - 1 / (1 + np.exp(-2 * -0.5))) ** 2  # Error = y - Yhat moves w to -0.5",
)
