"""Exercises of ``06_gradient_descent``: one step by hand, the largest alpha, the step's direction.

In the notebook::

    from nosmoke_lib.exercises import descent as ex
    ex.next_position.check(my_w1)
"""

from __future__ import annotations

import numpy as np

from . import Exercise, judge_number

# -- 06.1 the next position -----------------------------------------------
# w0 = 2.0, slope -3.0, alpha = 0.1: w1 = w0 - alpha * slope = 2.3 (a step to the right).
_W0, _SLOPE, _ALPHA = 2.0, -3.0, 0.1


def _judge_next_position(answer):
    value = float(np.asarray(answer, dtype=float))
    if np.isclose(value, _W0 + _ALPHA * _SLOPE):
        return False, f"{value:.4g} moved left, with the slope: the slope is negative, so the step goes right."
    return judge_number(_W0 - _ALPHA * _SLOPE, rtol=1e-3)(answer)


next_position = Exercise(
    key="06.1",
    question=(
        "You stand at w0 = 2.0 where the slope dJ/dw is -3.0, and alpha = 0.1. "
        "Where are you after one step of gradient descent?"
    ),
    judge=_judge_next_position,
    hint="w1 = w0 - alpha * slope; minus a negative number moves you right.",
    solution="2.0 - 0.1 * (-3.0)",
    mistake="2.0 + 0.1 * (-3.0)",
)


# -- 06.2 the largest alpha that still converges on J = w**2 ---------------
# dJ/dw = 2w, so w <- w - alpha * 2w = (1 - 2 alpha) w: it shrinks while |1 - 2 alpha| < 1, i.e. alpha < 1.


def _judge_largest_alpha(answer):
    value = float(np.asarray(answer, dtype=float))
    if np.isclose(value, 0.5, rtol=1e-2):
        return False, "alpha = 0.5 lands on the minimum in one step: the best alpha, not the largest that converges."
    if np.isclose(value, 2.0, rtol=1e-2):
        return False, "2.0 forgets the 2 of the slope: dJ/dw = 2w, so each step multiplies w by (1 - 2 alpha)."
    return judge_number(1.0, rtol=1e-2)(answer)


largest_alpha = Exercise(
    key="06.2",
    question=(
        "On J(w) = w**2, gradient descent converges for every alpha below some limit and not above it. "
        "What is that limit?"
    ),
    judge=_judge_largest_alpha,
    hint="One step is w <- w - alpha * 2w = (1 - 2 alpha) w: for which alphas does that factor make w smaller in size?",
    solution="1.0",
    mistake="0.5",
)


# -- 06.3 the direction of the step ---------------------------------------


def _judge_direction(answer):
    if not isinstance(answer, str):
        return False, f'expected the word "left" or "right" (a string); got {type(answer).__name__}.'
    word = answer.strip().lower()
    if word == "left":
        return (
            True,
            "a positive slope means J grows to the right, so downhill is to the left: w -= alpha * slope shrinks w.",
        )
    if word == "right":
        return False, "to the right J grows (that is what a positive slope says): that step goes uphill."
    return False, f'answer "left" or "right"; got {answer!r}.'


step_direction = Exercise(
    key="06.3",
    question='The slope at your position is positive. Does gradient descent step "left" or "right"?',
    judge=_judge_direction,
    hint="A positive slope means J increases as w increases; the update is w -= alpha * slope.",
    solution='"left"',
    mistake='"right"',
)
