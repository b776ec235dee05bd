"""Activation functions and their derivatives.

Every activation is a pair: ``f(z)``, applied element-wise to a layer's net
input ``z = A_prev @ W + b``, and ``df(z, a)``, its derivative written with
what backpropagation has at hand: the net input ``z`` *and* the output
``a = f(z)`` it already computed on the way forward. The sigmoid's derivative
uses only the output, ``a * (1 - a)``, exactly as the talk's
``SigmoidDerived`` does; bent identity needs ``z``.

Both functions accept ``out=`` so the training loop can reuse its buffers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.special import expit


def sigmoid(z, out=None):
    """The logistic function 1 / (1 + e^-z), numerically stable for any z.

    The naive formula overflows for z < -709 (``np.exp(710)`` is inf);
    scipy's ``expit`` never does: ``sigmoid(-1000) == 0.0``, ``sigmoid(1000) == 1.0``.

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    """
    return expit(z, out=out) if out is not None else expit(z)


def sigmoid_derivative(z, a, out=None):
    """sigma'(z) = sigma(z) * (1 - sigma(z)) = a * (1 - a): only the output is needed."""
    out = np.subtract(1.0, a, out=out)
    return np.multiply(out, a, out=out)


def tanh(z, out=None):
    """Hyperbolic tangent, outputs in (-1, 1)."""
    return np.tanh(z, out=out)


def tanh_derivative(z, a, out=None):
    """tanh'(z) = 1 - tanh(z)**2 = 1 - a**2."""
    out = np.multiply(a, a, out=out)
    return np.subtract(1.0, out, out=out)


def relu(z, out=None):
    """max(0, z)."""
    return np.maximum(z, 0.0, out=out)


def relu_derivative(z, a, out=None):
    """1 where the neuron is active (a > 0), else 0."""
    if out is None:
        return (a > 0.0).astype(float)
    return np.greater(a, 0.0, out=out)


def identity(z, out=None):
    """f(z) = z: the output layer of a regression network."""
    if out is None:
        return np.array(z, dtype=float, copy=True)
    np.copyto(out, z)
    return out


def identity_derivative(z, a, out=None):
    """f'(z) = 1."""
    if out is None:
        return np.ones_like(a, dtype=float)
    out.fill(1.0)
    return out


def bent_identity(z, out=None):
    """(sqrt(z**2 + 1) - 1) / 2 + z: like identity, but smooth and bent near 0."""
    out = np.multiply(z, z, out=out)
    out += 1.0
    np.sqrt(out, out=out)
    out -= 1.0
    out *= 0.5
    out += z
    return out


def bent_identity_derivative(z, a, out=None):
    """z / (2 * sqrt(z**2 + 1)) + 1: needs the net input z, not the output."""
    out = np.multiply(z, z, out=out)
    out += 1.0
    np.sqrt(out, out=out)
    out *= 2.0
    np.divide(z, out, out=out)
    out += 1.0
    return out


@dataclass(frozen=True)
class Activation:
    """An activation function ``f`` and its derivative ``df(z, a)``."""

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
    """Look an activation up by name.

    Parameters
    ----------
    name : str or Activation
        One of ``"sigmoid"``, ``"tanh"``, ``"relu"``, ``"identity"``,
        ``"bent_identity"`` (an ``Activation`` is returned as it is).

    Examples
    --------
    >>> get_activation("tanh").name
    'tanh'
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(
            f"activation must be a name (str), one of {sorted(ACTIVATIONS)}; got {type(name).__name__} {name!r}"
        )
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {name!r}") from None
