"""Gradient checking: backpropagation agrees with central differences, and the check can tell when it does not."""

import numpy as np
import pytest

from nosmoke_lib import Network, gradient_check, numerical_gradients
from nosmoke_lib.core.gradcheck import relative_error

SHAPES = [[2, 3, 1], [4, 8, 3], [4, 5, 4, 3], [3, 2, 2, 2, 2]]


def random_problem(sizes, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(6, sizes[0]))
    Y = rng.random(size=(6, sizes[-1]))
    return X, Y


def randomise_biases(net, seed):
    """Biases start at 0; give them values so their gradients are checked away from 0 too."""
    if net.bias:
        rng = np.random.default_rng(seed)
        for b in net.biases:
            b[:] = rng.normal(scale=0.5, size=b.shape)


@pytest.mark.parametrize("sizes", SHAPES, ids=lambda s: "-".join(map(str, s)))
@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
@pytest.mark.parametrize("bias", [True, False])
def test_backpropagation_gives_the_true_gradient(sizes, activation, bias):
    net = Network(sizes, activation=activation, bias=bias, seed=len(sizes))
    randomise_biases(net, seed=1)
    X, Y = random_problem(sizes, seed=sum(sizes))
    assert gradient_check(net, X, Y) < 1e-7


@pytest.mark.parametrize("activation", [["relu", "identity"], ["bent_identity", "sigmoid"], ["tanh", "identity"]])
def test_other_activations_too(activation):
    net = Network([3, 5, 2], activation=activation, seed=2)
    randomise_biases(net, seed=2)
    X, Y = random_problem([3, 5, 2], seed=3)
    assert gradient_check(net, X, Y) < 1e-7


def test_class_labels_as_targets():
    net = Network([4, 6, 3], seed=0)
    X, _ = random_problem([4, 6, 3], seed=0)
    y = np.array([0, 1, 2, 2, 1, 0])
    assert gradient_check(net, X, y) < 1e-7


def test_the_gradient_is_not_trivially_zero():
    """A check that compared two zero vectors would pass anything."""
    net = Network([4, 8, 3], seed=1)
    X, Y = random_problem([4, 8, 3], seed=1)
    dW, db = numerical_gradients(net, X, Y)
    assert all(np.linalg.norm(g) > 1e-3 for g in dW)
    assert all(np.linalg.norm(g) > 1e-3 for g in db)


def test_numerical_gradients_leave_the_weights_unchanged():
    net = Network([3, 4, 2], seed=0)
    randomise_biases(net, seed=0)
    before = [W.copy() for W in net.weights] + [b.copy() for b in net.biases]
    X, Y = random_problem([3, 4, 2], seed=0)
    numerical_gradients(net, X, Y)
    after = net.weights + net.biases
    assert all(np.array_equal(a, b) for a, b in zip(before, after, strict=True))


@pytest.mark.parametrize("corrupt", ["weights", "biases", "one_layer"])
def test_the_check_can_fail(monkeypatch, corrupt):
    net = Network([4, 5, 4, 3], seed=0)
    randomise_biases(net, seed=0)
    X, Y = random_problem([4, 5, 4, 3], seed=0)
    true_gradients = net.gradients

    def wrong_gradients(X, Y):
        dW, db = true_gradients(X, Y)
        if corrupt == "weights":
            return [1.1 * g for g in dW], db
        if corrupt == "biases":
            return dW, [1.1 * g for g in db]
        return [dW[0], -dW[1], dW[2]], db  # a sign error in one layer

    monkeypatch.setattr(net, "gradients", wrong_gradients)
    error = gradient_check(net, X, Y)
    assert error > 1e-3
    if corrupt == "weights":
        # all weight gradients 10% too large: ||0.1 g|| / (||1.1 g|| + ||g||) ~ 0.1 / 2.1, diluted by the biases
        assert error == pytest.approx(0.1 / 2.1, rel=0.5)


def test_relative_error():
    a = [np.array([3.0, 4.0])]
    assert relative_error(a, a) == 0.0
    assert relative_error([np.zeros(2)], [np.zeros(2)]) == 0.0
    assert relative_error(a, [np.array([3.0, 4.0 + 1e-3])]) == pytest.approx(1e-3 / 10, rel=1e-3)
    assert relative_error(a, [-a[0]]) == pytest.approx(1.0)
