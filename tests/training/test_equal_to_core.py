"""The fast path (``Network.fit``) equals the core's plain loop, to 1e-12, with every option.

The reference below is built from ``core.network``'s readable functions only:
``train`` for the plain run, and ``gradients`` plus the textbook update for
each option (momentum, batches, shuffling, tol, validation, snapshots).
"""

import numpy as np
import pytest

from nosmoke_lib import Network, one_hot
from nosmoke_lib.core import network as core

TOLERANCE = dict(rtol=1e-12, atol=1e-12)

ARCHITECTURES = [
    ([4, 3, 3], "sigmoid"),  # the talk's network
    ([4, 8, 3], "sigmoid"),  # the course's
    ([4, 6, 5, 3], ["tanh", "relu", "sigmoid"]),
    ([4, 5, 2], ["bent_identity", "identity"]),
]


@pytest.fixture
def data(rng):
    X = rng.normal(size=(24, 4))
    y = rng.integers(0, 3, size=24)
    X_val = rng.normal(size=(10, 4))
    y_val = rng.integers(0, 3, size=10)
    return X, y, X_val, y_val


def targets(net, y):
    return one_hot(y, net.sizes[-1]) if net.sizes[-1] > 2 else one_hot(y % 2, 2)


def assert_same_weights(a, b):
    for Wa, Wb in zip(a.weights, b.weights, strict=True):
        np.testing.assert_allclose(Wa, Wb, **TOLERANCE)
    assert (a.biases is None) == (b.biases is None)
    for ba, bb in zip(a.biases or [], b.biases or [], strict=True):
        np.testing.assert_allclose(ba, bb, **TOLERANCE)


def reference_fit(net, X, Y, alpha, epochs, momentum=0.0, batch_size=None, shuffle=False, tol=None, patience=20):
    """Plain gradient descent from core.gradients; returns J before training and after each epoch."""
    parameters = net.weights + (net.biases or [])
    velocity = [np.zeros_like(P) for P in parameters]
    rng = np.random.default_rng(net.seed)
    size = batch_size or len(X)
    J, stalled = [core.loss(net, X, Y)], 0
    for _ in range(epochs):
        order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
        for start in range(0, len(X), size):
            rows = order[start : start + size]
            dW, db = core.gradients(net, X[rows], Y[rows])
            for P, v, g in zip(parameters, velocity, dW + (db or [])):
                v[...] = momentum * v - alpha * g
                P += v
        J.append(core.loss(net, X, Y))
        if tol is not None:
            stalled = stalled + 1 if J[-2] - J[-1] < tol else 0
            if stalled >= patience:
                break
    return J


@pytest.mark.parametrize("sizes, activation", ARCHITECTURES)
@pytest.mark.parametrize("bias", [True, False])
def test_fit_equals_the_cores_train_loop(data, sizes, activation, bias):
    X, y, _, _ = data
    plain, fast = (Network(sizes, activation, bias=bias, seed=3) for _ in range(2))
    Y = targets(plain, y)
    J = core.train(plain, X, Y, alpha=0.02, epochs=150)
    history = fast.fit(X, Y, alpha=0.02, epochs=150, progress=False)
    assert history.diverged is None
    np.testing.assert_allclose(history.initial_loss, J[0], **TOLERANCE)
    np.testing.assert_allclose(history.loss, J[1:], **TOLERANCE)
    assert_same_weights(fast, plain)


def test_the_reference_is_the_cores_train_loop_when_plain(data):
    X, y, _, _ = data
    a, b = Network([4, 8, 3], seed=1), Network([4, 8, 3], seed=1)
    Y = targets(a, y)
    assert reference_fit(a, X, Y, alpha=0.02, epochs=20) == core.train(b, X, Y, alpha=0.02, epochs=20)
    assert_same_weights(a, b)


OPTIONS = [
    dict(momentum=0.9),
    dict(batch_size=5),  # 24 samples: four batches of 5 and one of 4
    dict(batch_size=1),
    dict(batch_size=8, shuffle=True),
    dict(batch_size=7, shuffle=True, momentum=0.5),
    dict(shuffle=True),  # full batch: the order of a sum does not matter
]


@pytest.mark.parametrize("sizes, activation", ARCHITECTURES)
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()))
def test_fit_with_options_equals_plain_descent(data, sizes, activation, bias, options):
    X, y, _, _ = data
    plain, fast = (Network(sizes, activation, bias=bias, seed=5) for _ in range(2))
    Y = targets(plain, y)
    J = reference_fit(plain, X, Y, alpha=0.01, epochs=60, **options)
    history = fast.fit(X, Y, alpha=0.01, epochs=60, progress=False, **options)
    np.testing.assert_allclose(history.loss, J[1:], **TOLERANCE)
    assert_same_weights(fast, plain)


@pytest.mark.parametrize("bias", [True, False])
def test_tol_stops_where_plain_descent_stops(data, bias):
    X, y, _, _ = data
    plain, fast = Network([4, 8, 3], bias=bias, seed=2), Network([4, 8, 3], bias=bias, seed=2)
    Y = targets(plain, y)
    J = reference_fit(plain, X, Y, alpha=0.01, epochs=5000, tol=1e-3, patience=5)
    history = fast.fit(X, Y, alpha=0.01, epochs=5000, tol=1e-3, patience=5, progress=False)
    assert history.stopped == "converged" and history.epochs_run == len(J) - 1 < 5000
    np.testing.assert_allclose(history.loss, J[1:], **TOLERANCE)
    assert_same_weights(fast, plain)


@pytest.mark.parametrize("bias", [True, False])
def test_validation_keeps_the_weights_of_the_best_epoch(data, bias):
    X, y, X_val, y_val = data
    plain, fast = Network([4, 8, 3], bias=bias, seed=4), Network([4, 8, 3], bias=bias, seed=4)
    Y, Y_val = targets(plain, y), targets(plain, y_val)
    history = fast.fit(X, Y, alpha=0.05, epochs=400, validation=(X_val, Y_val), patience=10**6, progress=False)
    best = int(np.argmin(np.r_[core.loss(plain, X_val, Y_val), history.validation_loss]))
    assert history.best_epoch == best
    core.train(plain, X, Y, alpha=0.05, epochs=best)  # the plain loop, stopped at the best epoch
    assert_same_weights(fast, plain)
    np.testing.assert_allclose(history.final_loss, core.loss(plain, X, Y), **TOLERANCE)
    J_val = []
    twin = Network([4, 8, 3], bias=bias, seed=4)
    for _ in range(5):
        core.train(twin, X, Y, alpha=0.05, epochs=1)
        J_val.append(core.loss(twin, X_val, Y_val))
    np.testing.assert_allclose(history.validation_loss[:5], J_val, **TOLERANCE)


@pytest.mark.parametrize("bias", [True, False])
def test_snapshots_are_the_plain_loops_weights_at_those_epochs(data, bias):
    X, y, _, _ = data
    plain, fast = Network([4, 6, 3], bias=bias, seed=6), Network([4, 6, 3], bias=bias, seed=6)
    Y = targets(plain, y)
    history = fast.fit(X, Y, alpha=0.02, epochs=50, record_every=20, progress=False)
    assert [epoch for epoch, _, _ in history.snapshots] == [0, 20, 40, 50]
    done = 0
    for epoch, weights, biases in history.snapshots:
        if epoch > done:
            core.train(plain, X, Y, alpha=0.02, epochs=epoch - done)
            done = epoch
        snapshot = Network([4, 6, 3], bias=bias)
        snapshot.set_parameters(weights, biases)
        assert_same_weights(snapshot, plain)


def test_a_progress_bar_changes_nothing(data, capsys):
    X, y, _, _ = data
    quiet, shown = Network([4, 8, 3], seed=7), Network([4, 8, 3], seed=7)
    a = quiet.fit(X, y, epochs=30, progress=False)
    b = shown.fit(X, y, epochs=30, progress=True)
    assert "training" in capsys.readouterr().err
    np.testing.assert_array_equal(a.loss, b.loss)
    assert_same_weights(quiet, shown)
