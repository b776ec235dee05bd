"""Exercises of ``02_sigmoid``: tanh's slope from its output, where the sigmoid saturates, a new activation's slope.

In the notebook::

    from nosmoke_lib.exercises import sigmoid as ex
    ex.tanh_derived.check(my_tanh_derived)

02.2 asks for a number that is not on the screen (the learner reasons or searches to
it), 02.3 for a derivative the notebook does not show. The learner's function gets
copies of the test arrays; text, True/False and NaN are turned away as numbers; the
typical slips (the function applied to its output again, a factor forgotten, the
output given where z is asked) get a message of their own.
"""

from __future__ import annotations

import numpy as np

from ..core.activations import sigmoid as _sigmoid  # never overflows, whatever z a learner sends
from . import Exercise, _show, number_answer, run_answer


def _bipolar(z):
    return 2.0 * _sigmoid(z) - 1.0


_TANH_OUTPUTS = [
    np.array([-0.9, 0.0, 0.5]),
    np.array([[-0.99, -0.25], [0.25, 0.99]]),  # a layer's outputs: a matrix
    np.array(0.0),
    np.linspace(-0.999, 0.999, 7),
]


def _derivative_judge(reference, slips, what):
    """A judge for a derivative written from the output ``a``; ``slips`` are (function of a, message) pairs."""

    def judge(answer):
        if not callable(answer):
            return False, f"expected a function of the output a; got {type(answer).__name__}."
        for a in _TANH_OUTPUTS:
            result = run_answer(answer, a)
            if result is None:
                return False, "your function returns None: replace the ... with code that returns the slope."
            try:
                got = np.asarray(result, dtype=float)
            except (TypeError, ValueError):
                return False, f"your function returns {type(result).__name__}; expected numbers, one slope per output."
            want = reference(a)
            if got.shape != want.shape:
                return (
                    False,
                    f"for a = {_show(a)} the result has shape {got.shape}; expected {want.shape}, one slope per output.",
                )
            if not np.all(np.isfinite(got)):
                return False, f"for a = {_show(a)} your result holds NaN or inf."
            if not np.allclose(got, want, rtol=1e-7, atol=1e-9):
                for slip, message in slips:
                    if np.allclose(got, slip(a), rtol=1e-7, atol=1e-9):
                        return False, message
                return False, f"for a = {_show(a)} you return {_show(got)}; expected {_show(want)}."
        return True, f"it agrees with {what} on all {len(_TANH_OUTPUTS)} test cases, from the output alone."

    return judge


# -- 02.1 tanh's slope, from its output --------------------------------------------

tanh_derived = Exercise(
    key="02.1",
    question="Write tanh_derived(a): the slope of tanh at z, given its OUTPUT a = tanh(z).",
    judge=_derivative_judge(
        lambda a: 1.0 - a**2,
        [
            (lambda a: 1.0 - np.tanh(a) ** 2, "you put a through tanh again: a already IS tanh(z)."),
            (lambda a: a * (1.0 - a), "that is the sigmoid's slope a(1 − a); tanh has its own."),
        ],
        "tanh's slope 1 − a²",
    ),
    hint="tanh'(z) = 1 − tanh(z)²: which part of that is the a you are given?",
    solution="""
def tanh_derived(a):
    return 1 - a**2
""",
    mistake="""
def tanh_derived(a):
    return 1 - np.tanh(a) ** 2   # tanh applied to the output once more
""",
)


# -- 02.2 where the sigmoid saturates ------------------------------------------------
# sigma'(z) = a (1 - a) = 0.25 / 100 gives a = (1 + sqrt(0.99)) / 2, and z = ln(a / (1 - a)).

_ROOT = np.sqrt(0.99)
SATURATION_Z = float(np.log((1 + _ROOT) / (1 - _ROOT)))  # about 5.986
_A_AT_SATURATION = (1 + _ROOT) / 2


def _z_for_slope(slope):
    a = (1 + np.sqrt(1 - 4 * slope)) / 2
    return float(np.log(a / (1 - a)))


def _judge_saturation(answer):
    if callable(answer):
        return False, "expected a number (a net input z); got a function. Call it, or write the number itself."
    value, problem = number_answer(answer, "a net input z, one number")
    if problem:
        return False, problem
    if np.isclose(value, SATURATION_Z, rtol=2e-3):
        return True, (
            f"σ'(z) = a(1 − a) = 0.0025 at a = {_A_AT_SATURATION:.5f}, that is z = ln(a / (1 − a)) = {SATURATION_Z:.3f}; "
            "beyond it the neuron learns at less than 1 % of its best speed."
        )
    slips = [
        (-SATURATION_Z, "the slope is symmetric, so −z works as well, but the positive z is asked."),
        (_A_AT_SATURATION, f"{value:.4g} is the OUTPUT a there; asked is the net input z with σ(z) = a."),
        (0.0025, "0.0025 is the slope itself (1 % of 0.25); asked is the z where the slope falls to it."),
        (_z_for_slope(0.01), "that is where the slope falls to 0.01, 1 % of 1; the slope's peak is 0.25, not 1."),
        (
            float(np.log(99.0)),
            "that is where the OUTPUT reaches 0.99; asked is where the SLOPE falls to 1 % of its peak.",
        ),
    ]
    for wrong, message in slips:
        if np.isclose(value, wrong, rtol=2e-3):
            return False, message
    return (
        False,
        f"{value:.4g} is {'too large' if value > SATURATION_Z else 'too small'}: at that z the slope is {float(_sigmoid(value) * (1 - _sigmoid(value))):.3g}.",
    )


saturation_z = Exercise(
    key="02.2",
    question="The sigmoid's slope is largest at z = 0. For which positive z has it fallen to 1 % of that largest value?",
    judge=_judge_saturation,
    hint=(
        "Which output a gives a(1 − a) equal to 1 % of the peak? Solve for a (or search numerically), "
        "then find the z with σ(z) = a."
    ),
    solution="np.log((1 + np.sqrt(0.99)) / (1 - np.sqrt(0.99)))",
    mistake="np.log(99.0)",
)


# -- 02.3 the bipolar sigmoid's slope, from its output ------------------------------

bipolar_derived = Exercise(
    key="02.3",
    question=(
        "The bipolar sigmoid f(z) = 2σ(z) − 1 has outputs in (−1, 1). "
        "Write bipolar_derived(a): its slope at z, given its OUTPUT a = f(z)."
    ),
    judge=_derivative_judge(
        lambda a: (1.0 - a**2) / 2,
        [
            (
                lambda a: 1.0 - a**2,
                "that is tanh's slope 1 − a², twice too large for f = 2σ(z) − 1: check the factors.",
            ),
            (lambda a: 2 * a * (1.0 - a), "a is f(z) = 2σ(z) − 1, not σ(z): write σ(z) with a first."),
            (lambda a: a * (1.0 - a), "a(1 − a) is the sigmoid's slope with its own output; here a is 2σ(z) − 1."),
            (
                lambda a: (1.0 - _bipolar(a) ** 2) / 2,
                "you put a through f again, which gives f'(a), the slope at z = a: a already IS f(z).",
            ),
        ],
        "f'(z) = (1 − a²) / 2",
    ),
    hint="f'(z) = 2σ'(z) = 2σ(z)(1 − σ(z)). Write σ(z) with the output a (solve a = 2σ − 1 for σ), then simplify.",
    solution="""
def bipolar_derived(a):
    s = (a + 1) / 2           # sigma(z), from a = 2 sigma(z) - 1
    return 2 * s * (1 - s)    # = (1 - a**2) / 2
""",
    mistake="""
def bipolar_derived(a):
    return 1 - a**2   # tanh's slope: the factor 1/2 is lost
""",
)

__all__ = ["tanh_derived", "saturation_z", "bipolar_derived"]
