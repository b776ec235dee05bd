"""Activation functions: values, derivatives, stability and lookup."""

import math
import warnings

import numpy as np
import pytest

from nosmoke_lib import ACTIVATIONS, get_activation, sigmoid
from nosmoke_lib.core.activations import Activation

NAMES = ["sigmoid", "tanh", "relu", "identity", "bent_identity"]

# The textbook formulas, written independently of the library, one value at a time.
REFERENCE = {
    "sigmoid": lambda z: 1.0 / (1.0 + math.exp(-z)),
    "tanh": math.tanh,
    "relu": lambda z: max(z, 0.0),
    "identity": lambda z: z,
    "bent_identity": lambda z: (math.sqrt(z * z + 1.0) - 1.0) / 2.0 + z,
}


def test_the_original_set_is_available():
    assert sorted(ACTIVATIONS) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_values_match_the_textbook_formula(name):
    z = np.linspace(-6.0, 6.0, 97)
    expected = np.array([REFERENCE[name](v) for v in z])
    np.testing.assert_allclose(get_activation(name).f(z), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_differences(name):
    act = get_activation(name)
    z = np.linspace(-5.0, 5.0, 201)
    z = z[np.abs(z) > 1e-3]  # relu has a kink at 0; stay away from it for every function alike
    h = 1e-6
    numeric = (act.f(z + h) - act.f(z - h)) / (2 * h)
    analytic = act.df(z, act.f(z))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", NAMES)
def test_derivative_is_not_trivially_constant_where_it_should_vary(name):
    """Guards the test above: a df that ignored its input would still have to match."""
    act = get_activation(name)
    z = np.array([-2.0, 0.5, 2.0])
    d = act.df(z, act.f(z))
    if name == "identity":
        assert np.all(d == 1.0)
    elif name == "relu":
        assert d.tolist() == [0.0, 1.0, 1.0]
    else:
        assert len(set(np.round(d, 12).tolist())) > 1


def test_sigmoid_is_stable_at_the_extremes():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert float(sigmoid(-1000.0)) == 0.0
        assert float(sigmoid(1000.0)) == 1.0
        z = np.array([-1e308, -745.0, -709.0, 0.0, 709.0, 1e308])
        a = sigmoid(z)
        d = get_activation("sigmoid").df(z, a)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(d))
    assert np.all((a >= 0.0) & (a <= 1.0))
    assert a[3] == 0.5


def test_the_naive_formula_would_have_overflowed():
    """Why the stable sigmoid exists: 1 / (1 + exp(1000)) warns about overflow."""
    with pytest.warns(RuntimeWarning, match="overflow"):
        np.exp(np.float64(1000.0))


@pytest.mark.parametrize("name", NAMES)
def test_allocating_variant_does_not_alias_its_input(name):
    act = get_activation(name)
    z = np.linspace(-1.0, 1.0, 5)
    a = act.f(z)
    a += 100.0
    assert np.all(np.abs(z) <= 1.0)


def test_lookup_returns_the_named_activation():
    for name in NAMES:
        act = get_activation(name)
        assert isinstance(act, Activation)
        assert act.name == name
        assert get_activation(act) is act


def test_unknown_name_lists_the_known_names():
    with pytest.raises(ValueError, match="activation") as info:
        get_activation("softmaxx")
    message = str(info.value)
    assert "softmaxx" in message
    for name in NAMES:
        assert name in message


@pytest.mark.parametrize("bad", [None, 3, 1.5, ["sigmoid"], np.tanh])
def test_non_string_is_a_type_error(bad):
    with pytest.raises(TypeError, match="activation"):
        get_activation(bad)
