"""Activation functions and their derivatives, each written as its formula.

Backpropagation needs f'(z) for every neuron's net input z. On the way
forward it already computed the output a = f(z), so each derivative takes
both, ``df(z, a)``, and uses whichever gives the simpler formula: the
sigmoid's is a * (1 - a). That is the talk's ``SigmoidDerived(Yhat)``:
sigma'(z3) written with the output Yhat = sigma(z3), never sigma' of Yhat.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.special import expit


def sigmoid(z):
    """The logistic function 1 / (1 + e^-z), numerically stable for any z (scipy's ``expit``).

    >>> float(sigmoid(0.0)), float(sigmoid(-1000.0))
    (0.5, 0.0)
    """
    return expit(z)


def sigmoid_derivative(z, a):
    return a * (1 - a)  # sigma'(z) = sigma(z) * (1 - sigma(z))


def tanh(z):
    """Hyperbolic tangent, outputs in (-1, 1)."""
    return np.tanh(z)


def tanh_derivative(z, a):
    return 1 - a**2  # tanh'(z) = 1 - tanh(z)**2


def relu(z):
    """max(0, z)."""
    return np.maximum(z, 0.0)


def relu_derivative(z, a):
    return np.where(z > 0, 1.0, 0.0)  # 1 where the neuron is active, else 0


def identity(z):
    """f(z) = z: the output layer of a regression network."""
    return np.array(z, dtype=float)  # a copy: changing the output must not change z


def identity_derivative(z, a):
    return np.ones_like(a)


def bent_identity(z):
    """(sqrt(z**2 + 1) - 1) / 2 + z: like identity, but smooth and bent near 0."""
    return (np.sqrt(z**2 + 1) - 1) / 2 + z


def bent_identity_derivative(z, a):
    return z / (2 * np.sqrt(z**2 + 1)) + 1  # needs z: the output alone does not give it


@dataclass(frozen=True)
class Activation:
    """An activation function ``f(z)`` and its derivative ``df(z, a)``."""

    name: str
    f: Callable
    df: Callable

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_derivative),
    "tanh": Activation("tanh", tanh, tanh_derivative),
    "relu": Activation("relu", relu, relu_derivative),
    "identity": Activation("identity", identity, identity_derivative),
    "bent_identity": Activation("bent_identity", bent_identity, bent_identity_derivative),
}


def get_activation(name) -> Activation:
    """The activation called ``name``, one of ``ACTIVATIONS`` (an ``Activation`` is returned as it is).

    >>> get_activation("tanh").name
    'tanh'
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"activation must be a name (str), one of {sorted(ACTIVATIONS)}; got {name!r}")
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {name!r}")
    return ACTIVATIONS[name]
