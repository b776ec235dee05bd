"""Exercises of ``04_layer_cascading``: counting parameters, a layer's shape, a forward pass over a list of weights."""

from __future__ import annotations

import numpy as np

from . import Exercise, number_answer, run_answer
from .matrix import judge_shape


def _judge_parameters(answer):
    if isinstance(answer, (str, bytes)) or callable(answer):
        return False, f"expected a whole number; got {type(answer).__name__}."
    value, problem = number_answer(answer)
    if problem:
        return False, problem
    if value == 67:
        return True, "W1 has 4·8 = 32 weights, W2 has 8·3 = 24, and the 8 + 3 neurons have a bias each: 56 + 11 = 67."
    known = {
        56: "those are the weights only (4·8 + 8·3); every neuron after the input layer also has a bias.",
        11: "those are the biases only (8 + 3); add the weights of W1 and W2.",
        15: "that counts neurons (4 + 8 + 3), not parameters: count the lines between neurons, and the biases.",
        96: "4·8·3 multiplies the sizes together; count each weight matrix on its own and add them.",
        71: "the input layer has no bias: its 4 neurons just hand on the measurements.",
    }
    if value in known:
        return False, f"{value:g}: {known[value]}"
    return False, f"{value:g} is {'too large' if value > 67 else 'too small'}."


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _forward_reference(X, weights):
    A = np.asarray(X, dtype=float)
    for W in weights:
        A = _sigmoid(A @ W)
    return A


_rng = np.random.default_rng(4)
_CASES = [
    (np.array([[1.0, 2.0]]), [np.array([[0.5], [-0.25]])]),  # one layer: 2 -> 1
    (np.array([[1.0, 0.0], [0.0, 1.0]]), [np.eye(2), np.array([[1.0, -1.0], [2.0, 0.5]])]),
    (_rng.normal(size=(5, 4)), [_rng.normal(size=(4, 8)), _rng.normal(size=(8, 3))]),  # Iris-like 4-8-3
    (_rng.normal(size=(3, 4)), [_rng.normal(size=(4, 5)), _rng.normal(size=(5, 4)), _rng.normal(size=(4, 3))]),
]


def _judge_forward(answer):
    """Like ``judge_function``, but names the weights' shapes (a list of matrices prints badly) and spots
    the most common slip, a last layer left without its activation."""
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    for X, weights in _CASES:
        inputs = f"X of shape {X.shape} and weights of shapes {[W.shape for W in weights]}"
        result = run_answer(answer, X.copy(), [W.copy() for W in weights])
        if result is None:
            return False, "your function returns None: replace the ... with code that returns the last layer."
        got, want = np.asarray(result, dtype=float), _forward_reference(X, weights)
        if got.shape != want.shape:
            return False, f"for {inputs} the result has shape {got.shape}; expected {want.shape}."
        if not np.allclose(got, want, rtol=1e-7, atol=1e-9):
            if np.allclose(got, _forward_reference(X, weights[:-1]) @ weights[-1]):
                return False, f"for {inputs} you return the last layer's z, not sigmoid(z): the output needs f too."
            worst = float(np.abs(got - want).max())
            return False, f"for {inputs} your values differ from the cascade's by up to {worst:.3g}."
    return True, f"it agrees with the cascade on all {len(_CASES)} test networks."


n_parameters = Exercise(
    key="04.1",
    question="How many parameters (weights and biases) does a [4, 8, 3] network with bias have?",
    judge=_judge_parameters,
    hint="W1 is (4 × 8) and W2 is (8 × 3); each neuron of the hidden and output layers has one bias.",
    solution="4 * 8 + 8 * 3 + 8 + 3",
    mistake="4 * 8 + 8 * 3",
)

shape_of_A3 = Exercise(
    key="04.2",
    question="A network [4, 8, 6, 3] gets 35 flowers. What is the shape of A3 (X is A1, the first hidden layer is A2)?",
    judge=judge_shape(
        (35, 6),
        wrong={
            (35, 3): "that is the output layer, A4; A3 is the second hidden layer.",
            (35, 8): "that is A2, the first hidden layer; A3 comes one layer later.",
            (6, 35): "rows are samples (35), columns are the layer's neurons: the other way round.",
            (8, 6): "that is the shape of W2, the weights into A3; A3 itself has one row per flower.",
        },
        right="one row per flower, one column per neuron of the second hidden layer.",
    ),
    hint="Count the layers from X = A1; every layer has one row per sample and one column per neuron.",
    solution="(35, 6)",
    mistake="(35, 3)",
)

forward_pass = Exercise(
    key="04.3",
    question="Write forward(X, weights): the cascade A = sigmoid(A @ W) for every W in the list; return the last A.",
    judge=_judge_forward,
    hint="Start with A = X; in a loop over the weights, A = 1 / (1 + np.exp(-(A @ W))): every layer, the last too.",
    solution="""
def forward(X, weights):
    A = X
    for W in weights:
        A = 1 / (1 + np.exp(-(A @ W)))  # L_next = f(L @ W)
    return A
""",
    mistake="""
def forward(X, weights):
    A = X
    for W in weights[:-1]:
        A = 1 / (1 + np.exp(-(A @ W)))
    return A @ weights[-1]   # the last layer without its activation
""",
)

__all__ = ["n_parameters", "shape_of_A3", "forward_pass"]
