"""Exercises of ``06_gradient_descent``: the largest alpha on a new bowl, steps to the bottom, alpha by validation.

In the notebook::

    from nosmoke_lib.exercises import descent as ex
    ex.largest_alpha.check(my_alpha)

Each asks for a number that is not on the screen: the learner reasons to it
(06.1, 06.2) or computes it (06.3). Text, True/False and NaN are turned away
with a message saying what kind of answer is expected.
"""

from __future__ import annotations

import functools
import math

from . import Exercise, judge_number, number_answer

# -- 06.1 the largest alpha that does not diverge on f(x) = 3x**2 ---------------
# f'(x) = 6x, so x <- x - alpha * 6x = (1 - 6 alpha) x: |1 - 6 alpha| <= 1 for alpha <= 1/3.


def _judge_largest_alpha(answer):
    value, problem = number_answer(answer, "a number (the learning rate)")
    if problem:
        return False, problem
    slips = [
        (
            1.0,
            "1 is the limit for J = w**2 (slope 2w). Here the slope is f'(x) = 6x: one step is x <- (1 - 6 alpha) x.",
        ),
        (2 / 3, "2/3 takes 3x as the slope: the derivative of 3x**2 is 6x."),
        (
            1 / 6,
            "alpha = 1/6 lands on the bottom in one step (1 - 6 alpha = 0): the best alpha, not the largest that does not diverge.",
        ),
        (1 / 12, "1/12 takes 12x as the slope: the derivative of 3x**2 is 6x."),
    ]
    for slip, message in slips:
        if math.isclose(value, slip, rel_tol=1e-2):
            return False, message
    ok, message = judge_number(1 / 3, rtol=1e-2)(value)
    if ok:
        message += " One step is x <- (1 - 6 alpha) x, and |1 - 6 alpha| <= 1 while alpha <= 1/3; just above, every step grows."
    return ok, message


largest_alpha = Exercise(
    key="06.1",
    question=(
        "On the bowl f(x) = 3x**2, gradient descent does not diverge for alpha up to some limit, and diverges above it. "
        "Predict that limit from the analysis of Check it, then run descend_1d just below and just above it."
    ),
    judge=_judge_largest_alpha,
    hint="Write one step x <- x - alpha * f'(x) as a factor times x. For which alphas is that factor at most 1 in size?",
    solution="1 / 3",
    mistake="1.0",
)


# -- 06.2 how many steps to the bottom ------------------------------------------
# On J(w) = (w - 1)**2 + 1/2 from w = -2.5 with alpha = 0.1: |w_n - 1| = 3.5 * 0.8**n < 0.01 first at n = 27.
_START, _ALPHA, _WITHIN = -2.5, 0.1, 0.01
_FACTOR = 1 - 2 * _ALPHA
_STEPS = math.ceil(math.log(_WITHIN / abs(_START - 1)) / math.log(_FACTOR))


def _judge_steps(answer):
    value, problem = number_answer(answer, "a whole number of steps")
    if problem:
        return False, problem
    if value != round(value):
        return False, f"{value:.4g} is not a whole number: count whole steps, and round the way that gets you inside."
    distance = abs(_START - 1) * _FACTOR ** int(value)
    if int(value) == _STEPS - 1:
        return (
            False,
            f"after {int(value)} steps w is still {distance:.4f} from the bottom, not yet within {_WITHIN}: round up.",
        )
    if int(value) == _STEPS:
        return (
            True,
            f"{_STEPS} steps: 3.5 * 0.8**{_STEPS} = {distance:.4f} < {_WITHIN}, and one step fewer is not enough.",
        )
    return judge_number(_STEPS, rtol=0, atol=0.5)(value)


steps_to_bottom = Exercise(
    key="06.2",
    question=(
        "On the bowl J(w) = (w - 1)**2 + 1/2, starting at w = -2.5 with alpha = 0.1: after how many steps is w "
        "first within 0.01 of the bottom w = 1? Reason it out, then check it with descend_1d."
    ),
    judge=_judge_steps,
    hint="Each step multiplies the distance to the bottom, 3.5 at the start, by 1 - 2 alpha. Solve 3.5 * factor**n < 0.01 with logarithms.",
    solution=f"{_STEPS}",
    mistake=f"{_STEPS - 1}",
)


# -- 06.3 alpha chosen on a validation set ----------------------------------------
CANDIDATES = (0.001, 0.003, 0.01, 0.03)


@functools.lru_cache(maxsize=1)
def _results():
    """J on the training, validation and test flowers for each candidate alpha (as the notebook sets it up)."""
    from ..data import load_iris, split
    from ..network import Network

    iris = load_iris()
    X_train, X_test, y_train, y_test = split(iris.X, iris.y)
    X_fit, X_val, y_fit, y_val = split(X_train, y_train, n_train=40, n_test=20, seed=0)
    results = {}
    for alpha in CANDIDATES:
        net = Network([4, 8, 3], seed=0)
        history = net.fit(X_fit, y_fit, alpha=alpha, epochs=2000)
        results[alpha] = (history.final_loss, net.loss(X_val, y_val), net.loss(X_test, y_test))
    return results


def _best(column):
    return min(CANDIDATES, key=lambda alpha: _results()[alpha][column])


def _judge_alpha_by_validation(answer):
    value, problem = number_answer(answer, "a number: one of the candidate alphas")
    if problem:
        return False, problem
    chosen = next((alpha for alpha in CANDIDATES if math.isclose(value, alpha, rel_tol=1e-6)), None)
    if chosen is None:
        return False, f"{value:.4g} is not one of the candidates {list(CANDIDATES)}."
    train_J, val_J, _ = _results()[chosen]
    if chosen == _best(1):
        return (
            True,
            f"alpha = {chosen} has the lowest J on the 20 validation flowers ({val_J:.3f}); the test flowers stay unseen.",
        )
    if chosen == _best(0):
        return False, (
            f"alpha = {chosen} has the lowest J on the 40 flowers it trained on ({train_J:.3f}), but not on the "
            "validation flowers: measure net.loss(X_val, y_val) for each alpha."
        )
    if chosen == _best(2):
        return False, f"alpha = {chosen} is best on the test flowers: they must not choose anything. Use X_val, y_val."
    return False, f"alpha = {chosen} is not the lowest J on the validation flowers ({val_J:.3f}): compare all four."


alpha_by_validation = Exercise(
    key="06.3",
    question=(
        "Train Network([4, 8, 3], seed=0) on the 40 flowers X_fit, y_fit for 2000 epochs with each alpha in "
        "CANDIDATES, measure J on the 20 validation flowers X_val, y_val, and give the alpha with the lowest "
        "validation J."
    ),
    judge=_judge_alpha_by_validation,
    hint="A fresh network for each alpha (fit changes the network). net.loss(X_val, y_val) is the validation J; keep the smallest.",
    solution="0.01",
    mistake="0.03",
)
