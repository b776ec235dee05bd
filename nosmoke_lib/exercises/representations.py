"""Exercises of ``09_representations``: find a snapshot, compute the hidden representation, measure the gap.

In the notebook::

    from nosmoke_lib.exercises import representations as ex
    ex.snapshot_index.check(my_index);
"""

from __future__ import annotations

import numpy as np

from ..network import Network
from . import Exercise, number_answer, run_answer

# -- 09.1 which snapshot holds epoch 500? ------------------------------------------------------------
# record_every=25 keeps epochs 0, 25, 50, ...: epoch 500 is snapshot 500 / 25 = 20 (snapshot 0 is epoch 0).


def _judge_snapshot_index(answer):
    if isinstance(answer, (str, bytes, bool)) or callable(answer):
        return False, f"expected a whole number (an index); got {type(answer).__name__}."
    value, problem = number_answer(answer)
    if problem:
        return False, problem
    if value == 20:
        return True, "snapshots[k] holds epoch 25·k, so epoch 500 is snapshots[20]: 21 snapshots from 0 to 500."
    known = {
        19: "that forgets snapshot 0, the untrained network: snapshots[0] is epoch 0, snapshots[1] epoch 25.",
        21: "21 is how many snapshots there are from epoch 0 to 500; the index of the last of them is one less.",
        500: "500 is the epoch; the list holds one snapshot per 25 epochs.",
        80: "80 is the index of the last snapshot (epoch 2000); which one is epoch 500?",
    }
    if value in known:
        return False, f"{value:g}: {known[value]}"
    return False, f"{value:g} is {'too large' if value > 20 else 'too small'}."


snapshot_index = Exercise(
    key="09.1",
    question=(
        "A network is trained for 2000 epochs with record_every=25. At which index k does "
        "history.snapshots[k] hold the weights after 500 epochs?"
    ),
    judge=_judge_snapshot_index,
    hint="The snapshots are taken at epochs 0, 25, 50, ...: which position in that list is 500? (Python counts from 0.)",
    solution="500 // 25",
    mistake="500 // 25 - 1",
)


# -- 09.2 the hidden representation A2 ---------------------------------------------------------------


def _networks():
    """Test networks [4, 2, 3] (and one [3, 5, 2]) with non-zero biases, and samples for them."""
    rng = np.random.default_rng(9)
    cases = []
    for sizes, n in (([4, 2, 3], 6), ([4, 2, 3], 1), ([3, 5, 2], 4)):
        net = Network(sizes, seed=int(rng.integers(100)))
        net.set_parameters(
            [rng.normal(size=W.shape) for W in net.weights], [rng.normal(size=b.shape) for b in net.biases]
        )
        X = rng.normal(loc=3.0, size=(n, sizes[0]))
        y = rng.integers(0, sizes[-1], size=n)
        cases.append((net, X, y))
    return cases


_CASES = _networks()


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _judge_hidden_layer(answer):
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    for net, X, _ in _CASES:
        result = run_answer(answer, net, X.copy())
        if result is None:
            return False, "your function returns None: replace the ... with code that returns A2."
        got, want = np.asarray(result, dtype=float), net.forward(X)[1]
        where = f"for a {net.sizes} network and {len(X)} samples"
        if got.shape != want.shape:
            extra = " That is the output layer: A2 is the hidden one." if got.shape[-1:] == (net.sizes[-1],) else ""
            return False, f"{where} the result has shape {got.shape}; expected {want.shape}.{extra}"
        if not np.allclose(got, want, rtol=1e-7, atol=1e-9):
            if np.allclose(got, _sigmoid(X @ net.weights[0])):
                return False, f"{where} your A2 has no bias: add net.biases[0] before the sigmoid."
            if np.allclose(got, X @ net.weights[0] + net.biases[0]):
                return False, f"{where} you return the net input z; A2 is sigmoid(z)."
            return False, f"{where} your values differ from net.forward(X)[1] by up to {np.abs(got - want).max():.3g}."
    return True, f"it equals net.forward(X)[1] on all {len(_CASES)} test networks."


hidden_layer = Exercise(
    key="09.2",
    question=(
        "Write hidden_layer(net, X): the hidden layer's outputs A2 = sigmoid(X @ W1 + b1), "
        "from net.weights[0] and net.biases[0] (without calling net.forward)."
    ),
    judge=_judge_hidden_layer,
    hint="W1, b1 = net.weights[0], net.biases[0]; then 1 / (1 + np.exp(-(X @ W1 + b1))).",
    solution="""
def hidden_layer(net, X):
    W1, b1 = net.weights[0], net.biases[0]
    return 1 / (1 + np.exp(-(X @ W1 + b1)))  # A2 = f(X @ W1 + b1)
""",
    mistake="""
def hidden_layer(net, X):
    return 1 / (1 + np.exp(-(X @ net.weights[0])))  # the bias forgotten
""",
)


# -- 09.3 the gap between test and training loss, per flower -------------------------------------------


def _gap_reference(net, X_train, y_train, X_test, y_test):
    return net.loss(X_test, y_test) / len(X_test) - net.loss(X_train, y_train) / len(X_train)


def _judge_gap(answer):
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    net, X_train, y_train = _CASES[0]  # a [4, 2, 3] network and 6 training samples
    rng = np.random.default_rng(10)
    X_test, y_test = rng.normal(loc=3.0, size=(15, 4)), rng.integers(0, 3, size=15)  # sizes differ: 6 and 15
    result = run_answer(answer, net, X_train.copy(), y_train.copy(), X_test.copy(), y_test.copy())
    if result is None:
        return False, "your function returns None: replace the ... with code that returns the gap."
    got = float(np.asarray(result, dtype=float))
    want = _gap_reference(net, X_train, y_train, X_test, y_test)
    if np.isclose(got, want, rtol=1e-7, atol=1e-12):
        return True, f"the gap is test J per flower minus training J per flower: {want:.4f} here."
    if np.isclose(got, -want):
        return False, "the sign is the other way round: the gap is test minus training (positive when it overfits)."
    if np.isclose(got, net.loss(X_test, y_test) - net.loss(X_train, y_train)):
        return False, "J is summed over the flowers: with 6 training and 15 test flowers, divide each J by its count."
    return False, f"with 6 training and 15 test flowers you return {got:.4g}; expected {want:.4g}."


loss_gap = Exercise(
    key="09.3",
    question=(
        "Write loss_gap(net, X_train, y_train, X_test, y_test): the test loss per flower minus "
        "the training loss per flower (net.loss(X, y) gives J, summed over the flowers)."
    ),
    judge=_judge_gap,
    hint="Divide each net.loss(...) by its number of flowers, len(X), before you subtract: test minus training.",
    solution="""
def loss_gap(net, X_train, y_train, X_test, y_test):
    return net.loss(X_test, y_test) / len(X_test) - net.loss(X_train, y_train) / len(X_train)
""",
    mistake="""
def loss_gap(net, X_train, y_train, X_test, y_test):
    return net.loss(X_test, y_test) - net.loss(X_train, y_train)  # J is a sum: the sets differ in size
""",
)

__all__ = ["snapshot_index", "hidden_layer", "loss_gap"]
