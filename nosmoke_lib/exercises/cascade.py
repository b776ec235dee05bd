"""Exercises of ``04_layer_cascading``: counting parameters, the weight size that ends "about 0.5", every layer with biases.

Each asks for what is not on the screen: a count to reason out (04.1), a number to measure with a few
lines of code (04.2), and a forward pass that returns every layer, biases included (04.3).
"""

from __future__ import annotations

import functools
import math

import numpy as np

from . import Exercise, number_answer, run_answer


def _judge_parameters(answer):
    if callable(answer):
        return False, "expected a whole number; got a function."
    value, problem = number_answer(answer, "a whole number")
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


# -- 04.2 the smallest weight_scale at which most outputs leave 0.5 ------------------------------
SCALES = (0.2, 0.4, 0.6, 0.8, 1.0, 2.0)


@functools.lru_cache(maxsize=1)
def near_half_shares() -> dict:
    """For each scale in SCALES: the share of the 180 untrained outputs within 0.05 of 0.5 (as 04 sets it up)."""
    from ..data import load_iris, split
    from ..network import Network

    iris = load_iris()
    X = split(iris.X, iris.y, n_train=60, n_test=35, seed=0)[0]
    shares = {}
    for scale in SCALES:
        Yhat = Network([4, 8, 6, 3], bias=False, seed=0, weight_scale=scale).forward(X)[-1]
        shares[scale] = float(np.mean(np.abs(Yhat - 0.5) < 0.05))
    return shares


def _smallest_below_half() -> float:
    return min(scale for scale, share in near_half_shares().items() if share < 0.5)


def _judge_scale(answer):
    value, problem = number_answer(answer, "a number: one of the scales in ex.SCALES")
    if problem:
        return False, problem
    chosen = next((scale for scale in SCALES if math.isclose(value, scale, rel_tol=1e-6)), None)
    if chosen is None:
        return False, f"{value:.4g} is not one of the candidates {list(SCALES)}."
    shares, right = near_half_shares(), _smallest_below_half()
    share = f"at weight_scale {chosen}, {shares[chosen]:.0%} of the 180 outputs are within 0.05 of 0.5"
    if chosen == right:
        return True, f"{share}, and at every smaller scale half or more are."
    if shares[chosen] >= 0.5:
        return False, f"{share}: that is not fewer than half. Count the outputs, not the flowers."
    return False, f"{share}, fewer than half; but a smaller candidate already gets below half."


# -- 04.3 every layer, biases included -------------------------------------------------------------
def _layers_reference(X, weights, biases):
    layers = [np.asarray(X, dtype=float)]
    for W, b in zip(weights, biases):
        layers.append(_sigmoid(layers[-1] @ W + b))
    return layers


def _case(rng, sizes, n):
    weights = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    return rng.normal(size=(n, sizes[0])), weights, [rng.normal(size=b) for b in sizes[1:]]


_rng = np.random.default_rng(4)
_CASES = [
    (np.array([[1.0, 2.0]]), [np.array([[0.5], [-0.25]])], [np.array([0.25])]),  # one layer: 2 -> 1
    _case(_rng, [4, 8, 3], 5),  # Iris-like 4-8-3
    _case(_rng, [4, 5, 4, 3], 3),  # three layers, as on the slide
]


def _judge_layers(answer):
    """Compares every layer with the cascade's and names the typical slips: a missing bias, a last layer
    without its activation, X left out of the list, only the last layer returned."""
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    for X, weights, biases in _CASES:
        inputs = f"X of shape {X.shape} and weights of shapes {[W.shape for W in weights]}"
        result = run_answer(answer, X, weights, biases)
        if result is None:
            return False, "your function returns None: replace the ... with code that returns the list of layers."
        want = _layers_reference(X, weights, biases)
        if isinstance(result, np.ndarray):
            if result.shape == want[-1].shape:
                return False, "you return only the last layer: return the list of every layer, [X, A2, ..., Yhat]."
            return False, f"for {inputs} you return one array of shape {result.shape}; expected a list of layers."
        if not isinstance(result, (list, tuple)):
            return False, f"your function returns {type(result).__name__}; expected a list of arrays."
        if len(result) == len(want) - 1:
            return False, f"for {inputs} your list has {len(result)} layers; it starts with X itself: {len(want)}."
        if len(result) != len(want):
            return False, f"for {inputs} your list has {len(result)} layers; expected {len(want)}: X and one per W."
        for number, (got, layer) in enumerate(zip(result, want), start=1):
            try:
                got = np.asarray(got, dtype=float)
            except (TypeError, ValueError):
                return False, f"layer {number} of your list is not an array of numbers."
            if got.shape != layer.shape:
                return False, f"for {inputs}, layer {number} has shape {got.shape}; expected {layer.shape}."
        got = [np.asarray(g, dtype=float) for g in result]
        if all(np.allclose(g, w, rtol=1e-7, atol=1e-9) for g, w in zip(got, want)):
            continue
        no_bias = _layers_reference(X, weights, [np.zeros_like(b) for b in biases])
        if all(np.allclose(g, w) for g, w in zip(got, no_bias)):
            return False, f"for {inputs} your layers are those of the cascade without biases: add b to every A @ W."
        last_z = want[-2] @ weights[-1] + biases[-1]
        if all(np.allclose(g, w) for g, w in zip(got[:-1], want[:-1])) and np.allclose(got[-1], last_z):
            return False, f"for {inputs} the last layer is z, not f(z): the output layer needs the sigmoid too."
        first = next(n for n, (g, w) in enumerate(zip(got, want), start=1) if not np.allclose(g, w))
        return False, f"for {inputs}, layer {first} differs from the cascade's; the layers before it agree."
    return True, f"every layer agrees with the cascade on all {len(_CASES)} test networks."


n_parameters = Exercise(
    key="04.1",
    question="How many parameters (weights and biases) does a [4, 8, 3] network with bias have?",
    judge=_judge_parameters,
    hint="Count the lines between the columns of circles, one weight matrix at a time; then which neurons have a bias?",
    solution="4 * 8 + 8 * 3 + 8 + 3",
    mistake="4 * 8 + 8 * 3",
)

scale_leaving_half = Exercise(
    key="04.2",
    question=(
        "For the untrained [4, 8, 6, 3] network (bias=False, seed=0) on the 60 training flowers: what is the "
        "smallest weight_scale in SCALES at which fewer than half of the 180 outputs lie within 0.05 of 0.5?"
    ),
    judge=_judge_scale,
    hint="The table of Larger weights measures this share for three scales; do the same for each scale in ex.SCALES.",
    solution="0.8",
    mistake="0.4",
)

forward_layers = Exercise(
    key="04.3",
    question=(
        "Write forward_layers(X, weights, biases): every layer of the cascade A = sigmoid(A @ W + b), "
        "as a list [X, A2, ..., Yhat], for any number of layers."
    ),
    judge=_judge_layers,
    hint="The three lines of Build it, repeated by a loop over the pairs (W, b); keep every A, the first one too.",
    solution="""
def forward_layers(X, weights, biases):
    layers = [X]
    for W, b in zip(weights, biases):
        layers.append(1 / (1 + np.exp(-(layers[-1] @ W + b))))  # A_next = f(A @ W + b)
    return layers
""",
    mistake="""
def forward_layers(X, weights, biases):
    layers = [X]
    for W, b in zip(weights, biases):
        layers.append(1 / (1 + np.exp(-(layers[-1] @ W))))  # the bias forgotten
    return layers
""",
)

__all__ = ["n_parameters", "scale_leaving_half", "forward_layers", "SCALES", "near_half_shares"]
