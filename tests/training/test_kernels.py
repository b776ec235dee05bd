"""The fast path's in-place activations compute exactly the core's formulas."""

import numpy as np
import pytest

from nosmoke_lib.core.activations import ACTIVATIONS, Activation
from nosmoke_lib.training.kernels import IN_PLACE, in_place


def test_every_activation_has_an_in_place_twin():
    assert sorted(IN_PLACE) == sorted(ACTIVATIONS)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_in_place_equals_the_formula_and_leaves_its_inputs_alone(name):
    act = ACTIVATIONS[name]
    f, df = in_place(act)
    z = np.linspace(-4.0, 4.0, 24).reshape(4, 6)
    a = act.f(z)
    z_before, a_before = z.copy(), a.copy()

    out = np.full_like(z, np.nan)
    f(z, out=out)
    np.testing.assert_array_equal(out, a)

    out = np.full_like(z, np.nan)
    df(z, a, out=out)
    np.testing.assert_allclose(out, act.df(z, a), rtol=1e-15, atol=0)

    np.testing.assert_array_equal(z, z_before)
    np.testing.assert_array_equal(a, a_before)


def test_an_activation_of_ones_own_gets_a_copying_stand_in():
    cube = Activation("cube", lambda z: z**3, lambda z, a: 3 * z**2)
    f, df = in_place(cube)
    z = np.array([[-2.0, 0.5, 3.0]])
    out = np.empty_like(z)
    f(z, out=out)
    np.testing.assert_array_equal(out, z**3)
    df(z, out, out=out)
    np.testing.assert_array_equal(out, 3 * z**2)
