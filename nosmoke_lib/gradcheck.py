"""Gradient checking: is backpropagation's answer the true derivative?

Nudge one weight by +eps and by -eps, measure the loss both times, and the
slope between them is the derivative, with no calculus at all:

    dJ/dw ~ (J(w + eps) - J(w - eps)) / (2 * eps)

Do it for every weight and compare with ``Network.gradients``. If the two
disagree, backpropagation is wrong: no smoke.
"""

from __future__ import annotations

import numpy as np


def numerical_gradients(net, X, Y, eps=1e-5):
    """dJ/dW and dJ/db by central differences, one parameter at a time.

    Returns lists shaped like ``net.gradients(X, Y)``; slow on purpose (two
    forward passes per parameter), for small networks.

    Examples
    --------
    >>> from nosmoke_lib import Network
    >>> net = Network([2, 2, 1], seed=0)
    >>> dW, db = numerical_gradients(net, [[1.0, 2.0]], [[1.0]])
    >>> [g.shape for g in dW]
    [(2, 2), (2, 1)]
    """

    def slope(array, index):
        kept = array[index]
        array[index] = kept + eps
        J_plus = net.loss(X, Y)
        array[index] = kept - eps
        J_minus = net.loss(X, Y)
        array[index] = kept  # put the weight back exactly as it was
        return (J_plus - J_minus) / (2 * eps)

    def all_slopes(arrays):
        return [np.array([slope(a, i) for i in np.ndindex(a.shape)]).reshape(a.shape) for a in arrays]

    dW = all_slopes(net.weights)
    db = all_slopes(net.biases) if net.bias else None
    return dW, db


def relative_error(analytic, numeric) -> float:
    """||a - n|| / (||a|| + ||n||) over all parameters together (0 when both are 0)."""
    a = np.concatenate([g.ravel() for g in analytic])
    n = np.concatenate([g.ravel() for g in numeric])
    scale = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / scale) if scale else 0.0


def gradient_check(net, X, Y, eps=1e-5) -> float:
    """The relative error between backpropagation and central differences.

    Below 1e-7 means backpropagation computes the true gradient (float64).

    Examples
    --------
    >>> from nosmoke_lib import Network
    >>> net = Network([3, 4, 2], seed=0)
    >>> gradient_check(net, [[0.5, -1.0, 2.0]], [[0.0, 1.0]]) < 1e-7
    True
    """
    dW, db = net.gradients(X, Y)
    nW, nb = numerical_gradients(net, X, Y, eps)
    if net.bias:
        return relative_error(dW + db, nW + nb)
    return relative_error(dW, nW)
