"""1-D gradient descent: the slope's sign picks the direction, alpha decides converge or diverge."""

import warnings

import numpy as np
import pytest

from nosmoke_lib import descend_1d


def parabola(x):
    return x**2


def slope(x):
    return 2 * x


def test_a_good_alpha_converges_to_the_minimum():
    path = descend_1d(parabola, slope, x0=3.0, alpha=0.1, steps=200)
    assert path.diverged is None
    assert abs(path.x[-1]) < 1e-8
    assert path.converged
    assert path.x[0] == 3.0
    assert len(path.x) == len(path.y) == 201
    np.testing.assert_allclose(path.y, path.x**2)
    assert np.all(np.diff(path.y) < 0)  # every step goes downhill


def test_each_step_is_x_minus_alpha_times_slope():
    path = descend_1d(parabola, slope, x0=3.0, alpha=0.1, steps=5)
    np.testing.assert_allclose(path.x, 3.0 * 0.8 ** np.arange(6))  # x - 0.1 * 2x = 0.8 x


def test_negative_slope_moves_right_positive_slope_moves_left():
    left = descend_1d(parabola, slope, x0=-2.0, alpha=0.1, steps=1)
    assert slope(-2.0) < 0 and left.x[1] > left.x[0]
    right = descend_1d(parabola, slope, x0=2.0, alpha=0.1, steps=1)
    assert slope(2.0) > 0 and right.x[1] < right.x[0]
    # a shifted curve, minimum at x = 5: from the left it keeps moving right
    path = descend_1d(lambda x: (x - 5) ** 2, lambda x: 2 * (x - 5), x0=0.0, alpha=0.05, steps=300)
    assert np.all(np.diff(path.x) > 0)
    assert path.x[-1] == pytest.approx(5.0, abs=1e-6)


def test_a_tiny_alpha_barely_moves():
    path = descend_1d(parabola, slope, x0=3.0, alpha=1e-4, steps=20)
    assert path.diverged is None
    assert 2.9 < path.x[-1] < 3.0
    assert not path.converged


def test_too_large_alpha_diverges_quietly():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = descend_1d(parabola, slope, x0=3.0, alpha=1.5, steps=1000)
    # x - 1.5 * 2x = -2x: the distance doubles every step until |x| passes the limit 1e6
    assert isinstance(path.diverged, int) and not isinstance(path.diverged, bool)
    assert path.diverged == int(np.ceil(np.log2(1e6 / 3.0)))
    assert len(path.x) == path.diverged
    assert np.all(np.isfinite(path.x)) and np.all(np.isfinite(path.y))
    assert np.all(np.abs(path.x) <= 1e6)
    assert not path.converged


@pytest.mark.parametrize("alpha", [0, -0.1, float("nan"), float("inf"), "0.1", None])
def test_bad_alpha(alpha):
    with pytest.raises((ValueError, TypeError), match="alpha"):
        descend_1d(parabola, slope, x0=1.0, alpha=alpha, steps=10)


@pytest.mark.parametrize(("kwargs", "name"), [({"steps": 0}, "steps"), ({"steps": 2.5}, "steps"), ({"x0": "1"}, "x0")])
def test_other_bad_arguments(kwargs, name):
    arguments = {"x0": 1.0, "alpha": 0.1, "steps": 10} | kwargs
    with pytest.raises((ValueError, TypeError), match=name):
        descend_1d(parabola, slope, **arguments)
