"""The activations of ``core.activations`` again, writing into buffers the training loop owns.

The same formulas, computed with ``out=``, so that an epoch allocates no new
arrays; ``tests/training/test_kernels.py`` checks each against its formula.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from ..core.activations import ACTIVATIONS


def _sigmoid_slope(z, a, out):
    np.subtract(1.0, a, out=out)
    out *= a  # a * (1 - a)


def _tanh_slope(z, a, out):
    np.multiply(a, a, out=out)
    np.subtract(1.0, out, out=out)  # 1 - a**2


def _bent_identity(z, out):
    np.multiply(z, z, out=out)
    out += 1.0
    np.sqrt(out, out=out)
    out -= 1.0
    out *= 0.5
    out += z  # (sqrt(z**2 + 1) - 1) / 2 + z


def _bent_identity_slope(z, a, out):
    np.multiply(z, z, out=out)
    out += 1.0
    np.sqrt(out, out=out)
    out *= 2.0
    np.divide(z, out, out=out)
    out += 1.0  # z / (2 * sqrt(z**2 + 1)) + 1


#: name -> (f(z, out), df(z, a, out)), each filling ``out``
IN_PLACE = {
    "sigmoid": (lambda z, out: expit(z, out=out), _sigmoid_slope),
    "tanh": (lambda z, out: np.tanh(z, out=out), _tanh_slope),
    "relu": (lambda z, out: np.maximum(z, 0.0, out=out), lambda z, a, out: np.greater(z, 0.0, out=out)),
    "identity": (lambda z, out: np.copyto(out, z), lambda z, a, out: out.fill(1.0)),
    "bent_identity": (_bent_identity, _bent_identity_slope),
}


def in_place(act):
    """``act``'s (f, df) writing into ``out``; an activation of one's own gets a copying stand-in."""
    if ACTIVATIONS.get(act.name) is act:
        return IN_PLACE[act.name]
    return (lambda z, out: np.copyto(out, act.f(z)), lambda z, a, out: np.copyto(out, act.df(z, a)))
