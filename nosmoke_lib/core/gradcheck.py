"""Gradient checking: is backpropagation's answer the true derivative?

Nudge one weight by +eps and by -eps, measure J both times, and the slope
between the two points is the derivative, with no calculus at all:

    dJ/dw ~ (J(w + eps) - J(w - eps)) / (2 * eps)

Do it for every weight and compare with ``net.gradients``: if they disagree,
backpropagation is wrong.
"""

import numpy as np

from .._validate import as_network, as_number


def numerical_gradients(net, X, Y, eps=1e-5):
    """dJ/dW and dJ/db by central differences, shaped like ``net.gradients(X, Y)``.

    Slow on purpose: two forward passes per parameter.

    >>> from nosmoke_lib import Network
    >>> dW, db = numerical_gradients(Network([2, 2, 1]), [[1.0, 2.0]], [[1.0]])
    >>> [g.shape for g in dW]
    [(2, 2), (2, 1)]
    """
    net, eps = as_network("net", net), as_number("eps", eps, low=0, low_open=True)

    def slope(array, index):
        kept = array[index]
        array[index] = kept + eps
        J_plus = net.loss(X, Y)
        array[index] = kept - eps
        J_minus = net.loss(X, Y)
        array[index] = kept  # put the weight back exactly as it was
        return (J_plus - J_minus) / (2 * eps)

    def slopes(array):
        return np.array([slope(array, index) for index in np.ndindex(array.shape)]).reshape(array.shape)

    dW = [slopes(W) for W in net.weights]
    db = [slopes(b) for b in net.biases] if net.biases is not None else None
    return dW, db


def relative_error(analytic, numeric) -> float:
    """||a - n|| / (||a|| + ||n||) over all parameters together (0 when both are 0)."""
    a = np.concatenate([g.ravel() for g in analytic])
    n = np.concatenate([g.ravel() for g in numeric])
    scale = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / scale) if scale else 0.0


def gradient_check(net, X, Y, eps=1e-5) -> float:
    """The relative error between backpropagation and central differences: below 1e-7, they agree.

    >>> from nosmoke_lib import Network
    >>> gradient_check(Network([3, 4, 2]), [[0.5, -1.0, 2.0]], [[0.0, 1.0]]) < 1e-7
    True
    """
    nW, nb = numerical_gradients(net, X, Y, eps)  # checks net and eps
    dW, db = net.gradients(X, Y)
    return relative_error(dW + (db or []), nW + (nb or []))
