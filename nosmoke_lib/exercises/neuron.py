"""Exercises of ``01_neuron``: the net input as a function, one neuron's output, the bias that gives 0.5."""

from __future__ import annotations

import numpy as np

from . import Exercise, _show, run_answer

#: The neuron of exercises 01.2 and 01.3: one flower's four measurements (cm), four weights, a bias.
X_FLOWER = np.array([5.0, 3.0, 1.5, 0.5])
W_NEURON = np.array([0.5, -1.0, 0.5, 1.0])
B_NEURON = -1.0


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _describe(answer) -> str:
    return "a function" if callable(answer) else f"{answer!r:.60}"


def _as_number(answer):
    """``answer`` as a float, or None when it is not one number."""
    if isinstance(answer, (str, bytes, bool)) or callable(answer):
        return None
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None
    if value.size != 1 or not np.isfinite(value).all():
        return None
    return float(value.reshape(()))


_rng = np.random.default_rng(1)
_CASES = [
    (np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.5, -0.5, 0.25, 1.0]), 2.0),
    (np.array([5.1, 3.5, 1.4, 0.2]), np.array([-0.5, -0.5, 1.0, 1.0]), -1.0),  # the first Iris flower
    (np.array([1.0, 1.0]), np.array([1.0, 1.0]), -3.0),  # any number of inputs
    (_rng.normal(size=4), _rng.normal(size=4), float(_rng.normal())),
]


def _judge_net_input(answer):
    """Compares with ``np.dot(x, w) + b`` and recognises a forgotten bias or a missing sum."""
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    for x, w, b in _CASES:
        result = run_answer(answer, x.copy(), w.copy(), b)
        if result is None:
            return False, "your function returns None: replace the ... with code that returns z."
        got = np.asarray(result, dtype=float)
        want = float(np.dot(x, w) + b)
        inputs = f"x = {_show(x)}, w = {_show(w)}, b = {b:g}"
        if got.shape != ():
            if got.shape == x.shape:
                return False, f"for {inputs} you return one number per input, {_show(got)}: add the products up."
            return False, f"for {inputs} the result has shape {got.shape}; expected one number."
        if np.isclose(got, want, rtol=1e-7, atol=1e-9):
            continue
        if np.isclose(got, np.dot(x, w), rtol=1e-7, atol=1e-9):
            return (
                False,
                f"for {inputs} you return {float(got):.4g} = x · w; the bias is missing (expected {want:.4g}).",
            )
        if np.isclose(got, _sigmoid(want), rtol=1e-7, atol=1e-9):
            return False, f"for {inputs} you return the output sigmoid(z) = {float(got):.4g}; asked is z itself."
        return False, f"for {inputs} you return {float(got):.4g}; expected {want:.4g}."
    return True, f"it agrees with x · w + b on all {len(_CASES)} test cases."


def _judge_output(answer):
    value = _as_number(answer)
    if value is None:
        return False, f"expected one number; got {_describe(answer)}."
    z = float(X_FLOWER @ W_NEURON + B_NEURON)
    expected = _sigmoid(z)
    if np.isclose(value, expected, rtol=1e-3, atol=1e-6):
        return True, f"z = 2.5 − 3 + 0.75 + 0.5 − 1 = {z:g}, and sigmoid({z:g}) = {expected:.4f}."
    known = [
        (z, f"{value:.4g} is the net input z; the neuron's output is sigmoid(z)."),
        (_sigmoid(z - B_NEURON), f"{value:.4g} is sigmoid(x · w): the bias b = {B_NEURON:g} is missing."),
        (_sigmoid(-z), f"{value:.4g} is sigmoid(−z): the sigmoid is 1 / (1 + e^−z), with a minus in the exponent."),
    ]
    for wrong, message in known:
        if np.isclose(value, wrong, rtol=1e-3, atol=1e-6):
            return False, message
    if not 0.0 < value < 1.0:
        return False, f"{value:.4g} cannot be a sigmoid's output: those lie between 0 and 1."
    return False, f"{value:.4g} is {'too large' if value > expected else 'too small'}."


def _judge_bias(answer):
    value = _as_number(answer)
    if value is None:
        return False, f"expected one number; got {_describe(answer)}."
    dot = float(X_FLOWER @ W_NEURON)
    expected = -dot
    if np.isclose(value, expected, rtol=1e-6, atol=1e-9):
        return True, f"x · w = {dot:g}, so b = {expected:g} makes z = 0 and sigmoid(0) = 0.5."
    if np.isclose(value, dot, rtol=1e-6, atol=1e-9):
        return False, f"{value:g} has the wrong sign: it gives z = {2 * dot:g}, not 0."
    if np.isclose(value, 0.5):
        return False, "0.5 is the output we want, not the bias: which z gives sigmoid(z) = 0.5?"
    z = dot + value
    return False, f"with b = {value:g}, z = {z:g} and the output is {_sigmoid(z):.4f}, not 0.5."


net_input = Exercise(
    key="01.1",
    question="Write net_input(x, w, b): the neuron's net input z = x · w + b for one sample x.",
    judge=_judge_net_input,
    hint="Multiply each input by its weight, add the products up (np.dot(x, w)), then add the bias b.",
    solution="""
def net_input(x, w, b):
    return np.dot(x, w) + b
""",
    mistake="""
def net_input(x, w, b):
    return np.dot(x, w)   # the bias is forgotten
""",
)

neuron_output = Exercise(
    key="01.2",
    question="A neuron has w = [0.5, -1.0, 0.5, 1.0] and b = -1.0. What is its output for x = [5.0, 3.0, 1.5, 0.5]?",
    judge=_judge_output,
    hint="First z = x · w + b (four products and the bias), then the output 1 / (1 + e^−z).",
    solution="1 / (1 + np.exp(-(np.dot([5.0, 3.0, 1.5, 0.5], [0.5, -1.0, 0.5, 1.0]) - 1.0)))",
    mistake="1 / (1 + np.exp(-np.dot([5.0, 3.0, 1.5, 0.5], [0.5, -1.0, 0.5, 1.0])))",
)

bias_for_half = Exercise(
    key="01.3",
    question="Same x and w as in 01.2: which bias b makes the neuron's output exactly 0.5?",
    judge=_judge_bias,
    hint="sigmoid(z) = 0.5 exactly when z = 0; solve x · w + b = 0 for b.",
    solution="-np.dot([5.0, 3.0, 1.5, 0.5], [0.5, -1.0, 0.5, 1.0])",
    mistake="np.dot([5.0, 3.0, 1.5, 0.5], [0.5, -1.0, 0.5, 1.0])",
)

__all__ = ["net_input", "neuron_output", "bias_for_half"]
