"""Exercises of ``01_neuron``: the net input as a function, one neuron's output, a bias that separates a species.

In the notebook::

    from nosmoke_lib.exercises import neuron as ex
    ex.net_input.check(my_net_input)

01.1 and 01.3 ask for code, 01.2 for a number that is not on the screen. The learner's
function gets copies of the checker's arrays (an answer that changes its inputs spoils
nothing), text, True/False and NaN are turned away as numbers, and the typical slips
(the bias forgotten, the sigmoid where z is asked, the wrong sign, one value per flower)
get a message of their own.
"""

from __future__ import annotations

import numpy as np

from . import Exercise, _show, number_answer, run_answer

#: The neuron of exercise 01.2: one flower's four measurements (cm), four weights, a bias.
X_FLOWER = np.array([5.0, 3.0, 1.5, 0.5])
W_NEURON = np.array([0.5, -1.0, 0.5, 1.0])
B_NEURON = -1.0


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _one_number(result, what):
    """``(value, None)`` if ``result`` is one finite number, else ``(None, message)``; callables are not numbers."""
    if callable(result):
        return None, f"expected {what}; got a function. Call it, or write the number itself."
    return number_answer(result, what)


def _one_result(answer, args, what, several):
    """The learner's function on copies of ``args``, read as one number: ``(value, None)`` or ``(None, message)``.

    ``several(result)`` is the message for an answer that returns several values instead of one.
    """
    result = run_answer(answer, *args)
    if result is None:
        return None, f"your function returns None: replace the ... with code that returns {what}."
    if not isinstance(result, (str, bytes)) and np.size(result) > 1:
        return None, several(result)
    return _one_number(result, f"{what}, one number")


# -- 01.1 the net input ------------------------------------------------------------

_rng = np.random.default_rng(1)
_CASES = [
    (np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.5, -0.5, 0.25, 1.0]), 2.0),
    (np.array([5.1, 3.5, 1.4, 0.2]), np.array([-0.5, -0.5, 1.0, 1.0]), -1.0),  # the first Iris flower
    (np.array([1.0, 1.0]), np.array([1.0, 1.0]), -3.0),  # any number of inputs
    (_rng.normal(size=4), _rng.normal(size=4), float(_rng.normal())),
]
del _rng


def _judge_net_input(answer):
    """Compares with ``np.dot(x, w) + b`` and recognises a forgotten bias, a missing sum or the sigmoid."""
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    for x, w, b in _CASES:
        inputs = f"x = {_show(x)}, w = {_show(w)}, b = {b:g}"
        got, problem = _one_result(
            answer,
            (x, w, b),
            "z",
            lambda result, inputs=inputs: (
                f"for {inputs} you return {np.size(result)} numbers, {_show(result)}: add the products up."
            ),
        )
        if problem:
            return False, problem
        want = float(np.dot(x, w) + b)
        if np.isclose(got, want, rtol=1e-7, atol=1e-9):
            continue
        if np.isclose(got, np.dot(x, w), rtol=1e-7, atol=1e-9):
            return False, f"for {inputs} you return {got:.4g} = x · w; the bias is missing (expected {want:.4g})."
        if np.isclose(got, _sigmoid(want), rtol=1e-7, atol=1e-9):
            return False, f"for {inputs} you return the output sigmoid(z) = {got:.4g}; asked is z itself."
        return False, f"for {inputs} you return {got:.4g}; expected {want:.4g}."
    return True, f"it agrees with x · w + b on all {len(_CASES)} test cases."


net_input = Exercise(
    key="01.1",
    question="Write net_input(x, w, b): the neuron's net input z = x · w + b for one sample x.",
    judge=_judge_net_input,
    hint="Multiply each input by its weight, add the products up, then add the bias once (not once per input).",
    solution="""
def net_input(x, w, b):
    return np.dot(x, w) + b
""",
    mistake="""
def net_input(x, w, b):
    return np.dot(x, w)   # the bias is forgotten
""",
)


# -- 01.2 one neuron's output ---------------------------------------------------------


def _judge_output(answer):
    value, problem = _one_number(answer, "the output, one number")
    if problem:
        return False, problem
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


neuron_output = Exercise(
    key="01.2",
    question="A neuron has w = [0.5, -1.0, 0.5, 1.0] and b = -1.0. What is its output for x = [5.0, 3.0, 1.5, 0.5]?",
    judge=_judge_output,
    hint="Two stages, as in Build it: first the net input (four products and the bias), then the activation.",
    solution="1 / (1 + np.exp(-(np.dot([5.0, 3.0, 1.5, 0.5], [0.5, -1.0, 0.5, 1.0]) - 1.0)))",
    mistake="1 / (1 + np.exp(-np.dot([5.0, 3.0, 1.5, 0.5], [0.5, -1.0, 0.5, 1.0])))",
)


# -- 01.3 a bias that separates label 0 from the rest --------------------------------
# With v = X @ w, label 0 below 0.5 and every other label above needs max(v[y == 0]) + b < 0 < min(v[y != 0]) + b.

_rng = np.random.default_rng(13)
_SEPARATE_CASES = [
    # (X, y, w): label 0 lies low along w in every case, with a gap before the others
    (
        np.vstack(
            [_rng.normal([5.0, 3.4, 1.5, 0.2], 0.2, size=(6, 4)), _rng.normal([6.3, 2.9, 5.0, 1.7], 0.2, (9, 4))]
        ),
        np.array([0] * 6 + [1] * 5 + [2] * 4),
        np.array([-0.5, -0.5, 1.0, 1.0]),
    ),
    # one label-0 sample near the gap, many others far away: the midpoint of the averages fails here
    (
        np.array([[0.0], [0.2], [0.1], [0.0], [0.3], [0.1], [8.0], [9.0], [30.0], [31.0], [32.0], [33.0]]),
        np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
        np.array([1.0]),
    ),
    (
        np.array([[-4.0, 1.0], [-3.0, 0.0], [2.0, 2.0], [3.0, 1.0]]),
        np.array([0, 0, 1, 1]),
        np.array([2.0, 1.0]),
    ),
]
del _rng


def _gap(X, y, w):
    """(largest x · w of label 0, smallest of the others): a bias b separates them when -right < b < -left."""
    v = X @ w
    return float(v[y == 0].max()), float(v[y != 0].min())


def _judge_separating_bias(answer):
    if not callable(answer):
        return False, f"expected a function separating_bias(X, y, w); got {type(answer).__name__}."
    for X, y, w in _SEPARATE_CASES:
        b, problem = _one_result(
            answer,
            (X, y, w),
            "the bias b",
            lambda result: f"you return {np.size(result)} values: a neuron has one bias, the same for every sample.",
        )
        if problem:
            return False, problem
        left, right = _gap(X, y, w)
        if -right < b < -left:
            continue
        v = X @ w
        means = -(v[y == 0].mean() + v[y != 0].mean()) / 2
        if -right < -b < -left:
            return False, (
                f"b = {b:.4g} has the wrong sign: the boundary is where z = x · w + b = 0, so b = −(the x · w you "
                "want at the boundary)."
            )
        if np.isclose(b, means, rtol=1e-6):
            return False, (
                f"b = {b:.4g} puts the boundary midway between the two averages, and on a case with {len(y)} samples "
                "that leaves a sample on the wrong side: the samples nearest the boundary decide, not the averages."
            )
        if b >= -left:
            wrong = int(np.sum(v[y == 0] + b >= 0))
            return False, (
                f"on a case with {len(y)} samples, b = {b:.4g} is too large: {wrong} of label 0 get an output of 0.5 "
                "or more. Which label-0 sample comes closest to the others?"
            )
        wrong = int(np.sum(v[y != 0] + b <= 0))
        return False, (
            f"on a case with {len(y)} samples, b = {b:.4g} is too small: {wrong} of the others get an output of 0.5 "
            "or less. Which of them comes closest to label 0?"
        )
    return True, f"on all {len(_SEPARATE_CASES)} test cases every label-0 sample is below 0.5 and every other above."


_SEPARATE_SOLUTION = """
def separating_bias(X, y, w):
    v = X @ w                  # x · w for every sample
    left = v[y == 0].max()     # the label-0 sample nearest the others
    right = v[y != 0].min()    # the other sample nearest label 0
    return -(left + right) / 2  # z = v + b = 0 midway in the gap
"""

separating_bias = Exercise(
    key="01.3",
    question=(
        "Write separating_bias(X, y, w): for weights w that put the samples of label 0 below all the others "
        "(in x · w), return one bias b that gives every label-0 sample an output below 0.5 and every other sample "
        "an output above 0.5."
    ),
    judge=_judge_separating_bias,
    hint=(
        "The output is 0.5 exactly where z = x · w + b = 0. Compute x · w for every sample: which two samples, "
        "one of each side, decide where that 0 may go?"
    ),
    solution=_SEPARATE_SOLUTION,
    mistake=_SEPARATE_SOLUTION.replace("return -(left + right) / 2", "return (left + right) / 2  # the sign"),
)

__all__ = ["net_input", "neuron_output", "separating_bias"]
