"""Exercises of ``05_backpropagation``: the hidden layer's gradient, the training loop, a gradient check, tanh.

In the notebook::

    from nosmoke_lib.exercises import backprop as ex
    ex.grad_W1.check(grad_W1)

Every judge hands the learner's function fresh copies of its test arrays, so an
answer that changes its inputs cannot spoil the next test case, and it spots
the typical slips (the sign, sigma applied twice, a missing transpose, a
forgotten derivative) with a message of their own.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..core.activations import get_activation
from ..core.network import train as core_train
from . import Exercise, _show, number_answer, run_answer


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _loss(X, Y, W1, W2):
    return 0.5 * float(np.sum((Y - _sigmoid(_sigmoid(X @ W1) @ W2)) ** 2))


def _numerical_W1(X, Y, W1, W2, eps=1e-6):
    """dJ/dW1 by central differences, on a copy of W1."""
    W1, grad = W1.copy(), np.zeros_like(W1)
    for i in np.ndindex(W1.shape):
        kept = W1[i]
        W1[i] = kept + eps
        J_plus = _loss(X, Y, W1, W2)
        W1[i] = kept - eps
        grad[i] = (J_plus - _loss(X, Y, W1, W2)) / (2 * eps)
        W1[i] = kept
    return grad


def _relative_error(a, n) -> float:
    a, n = np.ravel(a), np.ravel(n)
    scale = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / scale) if scale else 0.0


def _call(answer, args):
    """The answer's result on deep copies of ``args`` (the judge's arrays stay as they were)."""
    return run_answer(answer, *args)


def _as_array(result, shape, what):
    """``(array, None)`` if ``result`` is a finite array of ``shape``, else ``(None, message)``."""
    if result is None:
        return None, f"your function returns None: replace the ... with code that returns {what}."
    try:
        got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return None, f"your function should return {what}, an array; it returns {type(result).__name__}."
    if got.shape != shape:
        return None, f"your result has shape {got.shape}; {what} has shape {shape}."
    if not np.all(np.isfinite(got)):
        return None, "your result holds NaN or inf: look for a division by 0 or an overflow."
    return got, None


def _first_slip(got, slips):
    """The message of the first known slip whose result ``got`` equals, or None."""
    for message, value in slips:
        if value is not None and np.shape(value) == got.shape and np.allclose(got, value, rtol=1e-6, atol=1e-10):
            return message
    return None


# -- 05.1 the hidden layer: delta2 and dJ/dW1 ---------------------------------

_rng = np.random.default_rng(51)
_W1_CASES = [  # (X, Y, W1, W2): first W2 square (3 x 3), so a missing transpose still runs; then 5 x 2
    (_rng.normal(size=(5, 4)), np.eye(3)[[0, 1, 2, 1, 0]], _rng.normal(size=(4, 3)), _rng.normal(size=(3, 3))),
    (_rng.normal(size=(4, 3)), np.eye(2)[[0, 1, 1, 0]], _rng.normal(size=(3, 5)), _rng.normal(size=(5, 2))),
]
del _rng


def _W1_slips(X, Y, W1, W2):
    """(message, dJ/dW1 as the slip computes it) for each typical slip."""
    A2 = _sigmoid(X @ W1)
    Yhat = _sigmoid(A2 @ W2)
    delta3 = (Yhat - Y) * Yhat * (1 - Yhat)
    right = X.T @ ((delta3 @ W2.T) * A2 * (1 - A2))
    twice_out = (Yhat - Y) * _sigmoid(Yhat) * (1 - _sigmoid(Yhat))
    square = W2.shape[0] == W2.shape[1]
    return [
        ("minus the gradient: the error that goes downhill is Yhat - Y, not the slide's Y - Yhat.", -right),
        (
            "sigma applied twice: A2 is already sigma(Z2), so sigma'(Z2) = A2 * (1 - A2), not sigmoid(A2) * (1 - sigmoid(A2)).",
            X.T @ ((delta3 @ W2.T) * _sigmoid(A2) * (1 - _sigmoid(A2))),
        ),
        (
            "sigma applied twice: Yhat is already sigma(Z3), so sigma'(Z3) = Yhat * (1 - Yhat).",
            X.T @ ((twice_out @ W2.T) * _sigmoid(A2) * (1 - _sigmoid(A2))),
        ),
        (
            "sigma applied twice at the output: Yhat is already sigma(Z3), so sigma'(Z3) = Yhat * (1 - Yhat).",
            X.T @ ((twice_out @ W2.T) * A2 * (1 - A2)),
        ),
        (
            "a missing transpose: the error goes back through W2 as delta3 @ W2.T (W2 is hidden x outputs); "
            "with a square W2, delta3 @ W2 runs but is wrong.",
            X.T @ ((delta3 @ W2) * A2 * (1 - A2)) if square else None,
        ),
        (
            "the hidden layer's derivative is forgotten: delta2 = (delta3 @ W2.T) * sigma'(Z2), with sigma'(Z2) = A2 * (1 - A2).",
            X.T @ (delta3 @ W2.T),
        ),
        (
            "the output layer's derivative is forgotten: delta3 = (Yhat - Y) * Yhat * (1 - Yhat).",
            X.T @ (((Yhat - Y) @ W2.T) * A2 * (1 - A2)),
        ),
    ]


def _judge_grad_W1(answer):
    if not callable(answer):
        return False, f"expected a function grad_W1(X, Y, W1, W2); got {type(answer).__name__}."
    for case in _W1_CASES:
        X, Y, W1, W2 = case
        result = _call(answer, case)
        if result is not None and np.shape(result) == W1.T.shape != W1.shape:
            return (
                False,
                f"your result has shape {np.shape(result)}, W1 transposed: X.T @ delta2 has W1's shape {W1.shape}.",
            )
        got, problem = _as_array(result, W1.shape, "dJ/dW1")
        if problem:
            return False, problem
        error = _relative_error(got, _numerical_W1(X, Y, W1, W2))
        if error > 1e-6:
            slip = _first_slip(got, _W1_slips(X, Y, W1, W2))
            return False, slip or (
                f"against the numerical gradient (central differences) your dJ/dW1 has a relative error of {error:.2g}; "
                "it should be below 1e-6."
            )
    return True, f"your dJ/dW1 passes the gradient check on all {len(_W1_CASES)} test networks (relative error < 1e-6)."


grad_W1 = Exercise(
    key="05.1",
    question=(
        "Write grad_W1(X, Y, W1, W2): dJ/dW1 of the talk's network (sigmoid layers, no bias), "
        "J = 1/2 sum((Y - Yhat)**2): the forward pass, delta3, then delta2 and X.T @ delta2."
    ),
    judge=_judge_grad_W1,
    hint=(
        "Forward: A2 = sigma(X @ W1), Yhat = sigma(A2 @ W2). Back: delta3 as in Build it; the error reaches the "
        "hidden layer through W2 (which way round must W2 be for the shapes to fit?), then multiply element-wise "
        "by the hidden layer's slope, written with its output. The result has W1's shape."
    ),
    solution="""
def grad_W1(X, Y, W1, W2):
    A2 = 1 / (1 + np.exp(-(X @ W1)))
    Yhat = 1 / (1 + np.exp(-(A2 @ W2)))
    delta3 = (Yhat - Y) * Yhat * (1 - Yhat)  # sigma'(Z3) = Yhat (1 - Yhat)
    delta2 = (delta3 @ W2.T) * A2 * (1 - A2)  # sigma'(Z2) = A2 (1 - A2)
    return X.T @ delta2
""",
    mistake="""
def grad_W1(X, Y, W1, W2):
    A2 = 1 / (1 + np.exp(-(X @ W1)))
    Yhat = 1 / (1 + np.exp(-(A2 @ W2)))
    delta3 = (Yhat - Y) * Yhat * (1 - Yhat)
    return X.T @ (delta3 @ W2.T)  # the hidden layer's derivative forgotten
""",
)


# -- 05.2 the training loop -----------------------------------------------------

_rng = np.random.default_rng(52)
_TRAIN_CASE = (
    _rng.normal(size=(6, 4)),
    np.eye(3)[[0, 1, 2, 2, 1, 0]],
    _rng.normal(size=(4, 3)),
    _rng.normal(size=(3, 3)),
    0.5,
    5,
)
del _rng


def _reference_J(X, Y, W1, W2, alpha, epochs):
    """J before training and after each epoch, by core.train on copies of the weights."""
    sigmoid = get_activation("sigmoid")
    net = SimpleNamespace(weights=[W1.copy(), W2.copy()], biases=None, activations=[sigmoid, sigmoid])
    return np.array(core_train(net, X, Y, alpha, epochs))


def _judge_train(answer):
    if not callable(answer):
        return False, f"expected a function train(X, Y, W1, W2, alpha, epochs); got {type(answer).__name__}."
    X, Y, W1, W2, alpha, epochs = _TRAIN_CASE
    want = _reference_J(*_TRAIN_CASE)
    result = _call(answer, _TRAIN_CASE)
    if result is None:
        return False, "your function returns None: return the list J, with J before training first."
    try:
        got = np.asarray(result, dtype=float).ravel()
    except (TypeError, ValueError):
        return False, f"return the list of J values (numbers); your function returns {type(result).__name__}."
    if len(got) == epochs and np.allclose(got, want[1:], rtol=1e-8):
        return (
            False,
            f"{epochs} values: J before training is missing. Record J once before the loop, then after each step.",
        )
    if len(got) == epochs and np.allclose(got, want[:-1], rtol=1e-8):
        return False, f"{epochs} values: you record J before each step, so J after the last step is missing."
    if len(got) != epochs + 1:
        return (
            False,
            f"for {epochs} epochs return {epochs + 1} values of J (before training, then after each epoch); got {len(got)}.",
        )
    if not np.isclose(got[0], want[0], rtol=1e-8):
        return False, f"J[0] = {got[0]:.6g}, but J before any step is {want[0]:.6g}: is that J after the first step?"
    if np.allclose(got, got[0]):
        return (
            False,
            "J never changes: the weights do not move. Update them inside the loop (W1 -= alpha * dJdW1, ...).",
        )
    if got[-1] > got[0]:
        return (
            False,
            "J goes up: the step climbs. The error that goes downhill is Yhat - Y, and the step is W -= alpha * dJdW.",
        )
    if not np.allclose(got, want, rtol=1e-10, atol=1e-12):
        return False, f"your J is {_show(got)}; core.train on the same weights gives {_show(want)}."
    return True, f"your loop gives the same {epochs + 1} values of J as core.train, to 1e-10."


_TRAIN_SOLUTION = """
def train(X, Y, W1, W2, alpha, epochs):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    J = [0.5 * np.sum((Y - sigmoid(sigmoid(X @ W1) @ W2)) ** 2)]
    for epoch in range(epochs):
        A2 = sigmoid(X @ W1)
        Yhat = sigmoid(A2 @ W2)
        delta3 = (Yhat - Y) * Yhat * (1 - Yhat)
        delta2 = (delta3 @ W2.T) * A2 * (1 - A2)
        W2 -= alpha * A2.T @ delta3
        W1 -= alpha * X.T @ delta2
        J.append(0.5 * np.sum((Y - sigmoid(sigmoid(X @ W1) @ W2)) ** 2))
    return J
"""

train = Exercise(
    key="05.2",
    question=(
        "Write train(X, Y, W1, W2, alpha, epochs) for the talk's network (sigmoid, no bias): full-batch gradient "
        "descent that moves W1 and W2 and returns J before training and after every epoch (epochs + 1 values)."
    ),
    judge=_judge_train,
    hint=(
        "Record J once before the loop. Each epoch: forward pass, delta3, delta2, the two W_errors, the two "
        "steps against them, then J again. Update the weights in place (W1 -= ...) or rebind them, as you like."
    ),
    solution=_TRAIN_SOLUTION,
    mistake=_TRAIN_SOLUTION.replace(
        "    J = [0.5 * np.sum((Y - sigmoid(sigmoid(X @ W1) @ W2)) ** 2)]", "    J = []  # J before training missing"
    ),
)


# -- 05.3 a gradient check ------------------------------------------------------

_W_CHECK = np.random.default_rng(53).normal(size=(3, 2))


def _f(W):
    return float(np.sum(np.sin(W) * W**2))


def _df(W):
    return np.cos(W) * W**2 + 2 * W * np.sin(W)


def _judge_gradient_check(answer):
    if not callable(answer):
        return False, f"expected a function gradient_check(f, df, W); got {type(answer).__name__}."
    W = _W_CHECK.copy()
    result = run_answer(answer, _f, _df, W, copies=False)  # W itself: it must come back unchanged
    if result is None:
        return False, "your function returns None: replace the ... with code that returns the relative error."
    right, problem = number_answer(result, "the relative error, one number")
    if problem:
        return False, problem
    if not np.array_equal(W, _W_CHECK):
        return False, "your function changed W: after nudging an entry by +eps and -eps, put it back as it was."
    wrong, problem = number_answer(run_answer(answer, _f, lambda W: 2 * _df(W), _W_CHECK.copy()), "the relative error")
    if problem:
        return False, problem
    if np.isclose(right, 1 / 3, rtol=1e-3):
        return False, (
            "for a right derivative you report 1/3: your numerical slope is twice too large. "
            "Central differences divide by the distance between the two points, 2 * eps."
        )
    if np.isclose(wrong, 0.5, rtol=1e-3) or np.isclose(wrong, 1.0, rtol=1e-3):
        return False, "use the course's relative error ||a - n|| / (||a|| + ||n||): both norms in the denominator."
    if 1e-8 < right < 1e-3:
        return False, (
            f"for a right derivative you report {right:.2g}: a forward difference (J(w + eps) - J(w)) / eps? "
            "Central differences (J(w + eps) - J(w - eps)) / (2 eps) are far more accurate (below 1e-8 here)."
        )
    if right >= 1e-3:
        return False, f"for a right derivative you report {right:.3g}: it should be tiny (below 1e-8)."
    if not np.isclose(wrong, 1 / 3, rtol=1e-3):
        return False, f"for a derivative twice too large you report {wrong:.3g}; the relative error is then 1/3."
    return True, "a right derivative gets a relative error below 1e-8, one twice too large gets 1/3."


_CHECK_SOLUTION = """
def gradient_check(f, df, W, eps=1e-5):
    n = np.zeros_like(W)
    for i in np.ndindex(W.shape):
        kept = W[i]
        W[i] = kept + eps
        f_plus = f(W)
        W[i] = kept - eps
        n[i] = (f_plus - f(W)) / (2 * eps)
        W[i] = kept
    a = df(W)
    return np.linalg.norm(a - n) / (np.linalg.norm(a) + np.linalg.norm(n))
"""

gradient_check = Exercise(
    key="05.3",
    question=(
        "Write gradient_check(f, df, W): f(W) is a number, df(W) claims to be its gradient (an array shaped like W). "
        "Return the relative error ||a - n|| / (||a|| + ||n||) between a = df(W) and n, the central-difference "
        "gradient of f at W. Leave W as you found it."
    ),
    judge=_judge_gradient_check,
    hint=(
        "Your numerical_gradient above wants J_of() with no argument: a lambda that calls f on W does it. "
        "Then compare with df(W) as relative_error does."
    ),
    solution=_CHECK_SOLUTION,
    mistake=_CHECK_SOLUTION.replace("(2 * eps)", "eps  # should be 2 * eps"),
)


# -- 05.4 the hidden delta of a tanh layer ----------------------------------------

_rng = np.random.default_rng(54)
_TANH_CASES = [  # (delta3, W2, A2 = tanh(Z2)): first W2 square, then 4 hidden x 2 outputs
    (_rng.normal(size=(5, 3)), _rng.normal(size=(3, 3)), np.tanh(_rng.normal(size=(5, 3)))),
    (_rng.normal(size=(6, 2)), _rng.normal(size=(4, 2)), np.tanh(_rng.normal(size=(6, 4)))),
]
del _rng


def _tanh_slips(delta3, W2, A2):
    back = delta3 @ W2.T
    square = W2.shape[0] == W2.shape[1]
    return [
        (
            "that is the sigmoid's slope A2 * (1 - A2); for tanh, tanh'(z) = 1 - tanh(z)**2, written with A2.",
            back * A2 * (1 - A2),
        ),
        (
            "tanh applied twice: A2 is already tanh(Z2), so tanh'(Z2) = 1 - A2**2, not 1 - tanh(A2)**2.",
            back * (1 - np.tanh(A2) ** 2),
        ),
        (
            "a missing transpose: the error goes back through W2 as delta3 @ W2.T; with a square W2, delta3 @ W2 runs but is wrong.",
            (delta3 @ W2) * (1 - A2**2) if square else None,
        ),
        ("the derivative is forgotten: multiply delta3 @ W2.T element-wise by tanh'(Z2) = 1 - A2**2.", back),
        ("minus the right delta: the sign comes from delta3 and stays as it is.", -back * (1 - A2**2)),
    ]


def _judge_tanh_delta(answer):
    if not callable(answer):
        return False, f"expected a function hidden_delta_tanh(delta3, W2, A2); got {type(answer).__name__}."
    for case in _TANH_CASES:
        delta3, W2, A2 = case
        got, problem = _as_array(_call(answer, case), A2.shape, "delta2")
        if problem:
            return False, problem
        want = (delta3 @ W2.T) * (1 - A2**2)
        if not np.allclose(got, want, rtol=1e-7, atol=1e-10):
            return False, _first_slip(got, _tanh_slips(*case)) or f"you return {_show(got)}; expected {_show(want)}."
    return True, f"it agrees with (delta3 @ W2.T) * (1 - A2**2) on all {len(_TANH_CASES)} test cases."


hidden_delta_tanh = Exercise(
    key="05.4",
    question=(
        "A hidden layer of tanh neurons: A2 = tanh(Z2). Write hidden_delta_tanh(delta3, W2, A2): its delta2, "
        "from the output delta, the weights W2 (hidden x outputs) and the layer's output A2."
    ),
    judge=_judge_tanh_delta,
    hint=(
        "Only the slope changes: derive tanh'(z) and write it with the output a = tanh(z), "
        "as Yhat (1 - Yhat) is sigma'(Z3) written with the output."
    ),
    solution="def hidden_delta_tanh(delta3, W2, A2):\n    return (delta3 @ W2.T) * (1 - A2**2)",
    mistake="def hidden_delta_tanh(delta3, W2, A2):\n    return (delta3 @ W2.T) * A2 * (1 - A2)",
)
