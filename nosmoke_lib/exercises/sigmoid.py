"""Exercises of ``02_sigmoid``: the sigmoid's slope at 0, its derivative from the output, tanh's likewise."""

from __future__ import annotations

import numpy as np

from . import Exercise, _show, number_answer, run_answer


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _describe(answer) -> str:
    return "a function" if callable(answer) else f"{answer!r:.60}"


def _judge_slope_at_zero(answer):
    if callable(answer):
        return False, f"expected one number; got {_describe(answer)}."
    value, problem = number_answer(answer, "one number")
    if problem:
        return False, problem
    if np.isclose(value, 0.25, rtol=1e-3, atol=1e-9):
        return True, "σ(0) = 0.5, so σ'(0) = 0.5 · (1 − 0.5) = 0.25: the steepest the sigmoid ever gets."
    known = {
        0.5: "0.5 is σ(0), the output; the slope is a · (1 − a) with a = σ(0).",
        0.0: "the sigmoid is not flat at 0: it is steepest there.",
        1.0: "a slope of 1 would be the identity's; the sigmoid rises more gently.",
    }
    for wrong, message in known.items():
        if np.isclose(value, wrong, atol=1e-9):
            return False, message
    return False, f"{value:.4g} is {'too large' if value > 0.25 else 'too small'}."


_OUTPUTS = [
    (np.array([0.1, 0.5, 0.9]),),
    (np.array([[0.01, 0.25], [0.75, 0.99]]),),  # a layer's outputs: a matrix
    (np.array(0.5),),
    (np.linspace(0.001, 0.999, 7),),
]
_TANH_OUTPUTS = [
    (np.array([-0.9, 0.0, 0.5]),),
    (np.array([[-0.99, -0.25], [0.25, 0.99]]),),
    (np.array(0.0),),
    (np.linspace(-0.999, 0.999, 7),),
]


def _derivative_judge(reference, again, name, again_message):
    """A judge for a derivative written from the output ``a``; recognises ``again`` (f applied to a once more)."""

    def judge(answer):
        if not callable(answer):
            return False, f"expected a function; got {type(answer).__name__}."
        for (a,) in _OUTPUTS if name == "sigmoid" else _TANH_OUTPUTS:
            result = run_answer(answer, a.copy())
            if result is None:
                return False, "your function returns None: replace the ... with code that returns the slope."
            got, want = np.asarray(result, dtype=float), reference(a)
            if got.shape != want.shape:
                return False, f"for a = {_show(a)} the result has shape {got.shape}; expected {want.shape}."
            if not np.allclose(got, want, rtol=1e-7, atol=1e-9):
                if np.allclose(got, again(a), rtol=1e-7, atol=1e-9):
                    return False, again_message
                return False, f"for a = {_show(a)} you return {_show(got)}; expected {_show(want)}."
        return (
            True,
            f"it agrees with {'the sigmoid' if name == 'sigmoid' else name}'s slope on all {len(_OUTPUTS)} test cases, from the output alone.",
        )

    return judge


slope_at_zero = Exercise(
    key="02.1",
    question="What is σ'(0), the slope of the sigmoid at z = 0? Give a number.",
    judge=_judge_slope_at_zero,
    hint="σ'(z) = σ(z) · (1 − σ(z)); start from σ(0).",
    solution="0.25",
    mistake="0.5",
)

sigmoid_derived = Exercise(
    key="02.2",
    question="Write sigmoid_derived(a): the sigmoid's slope, given its OUTPUT a = σ(z) (as the C# SigmoidDerived).",
    judge=_derivative_judge(
        lambda a: a * (1.0 - a),
        lambda a: _sigmoid(a) * (1.0 - _sigmoid(a)),
        "sigmoid",
        "you put a through the sigmoid again: a already IS σ(z), so the slope is just a · (1 − a).",
    ),
    hint="σ'(z) = σ(z) · (1 − σ(z)), and σ(z) is the a you are given.",
    solution="""
def sigmoid_derived(a):
    return a * (1 - a)
""",
    mistake="""
def sigmoid_derived(a):
    s = 1 / (1 + np.exp(-a))   # the sigmoid applied to the output once more
    return s * (1 - s)
""",
)

tanh_derived = Exercise(
    key="02.3",
    question="Write tanh_derived(a): the slope of tanh, given its OUTPUT a = tanh(z).",
    judge=_derivative_judge(
        lambda a: 1.0 - a**2,
        lambda a: 1.0 - np.tanh(a) ** 2,
        "tanh",
        "you put a through tanh again: a already IS tanh(z), so the slope is just 1 − a².",
    ),
    hint="tanh'(z) = 1 − tanh(z)², and tanh(z) is the a you are given.",
    solution="""
def tanh_derived(a):
    return 1 - a**2
""",
    mistake="""
def tanh_derived(a):
    return 1 - np.tanh(a) ** 2   # tanh applied to the output once more
""",
)

__all__ = ["slope_at_zero", "sigmoid_derived", "tanh_derived"]
