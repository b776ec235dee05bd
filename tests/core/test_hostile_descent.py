"""1-D descent with careless functions: a clear TypeError naming f or df, and no warnings on overflow."""

import warnings

import numpy as np
import pytest

from nosmoke_lib import descend_1d

CASES = [
    ("df returns None", dict(f=np.square, df=lambda x: None), TypeError, ["df(", "one real number", "None"]),
    ("df returns text", dict(f=np.square, df=lambda x: "2"), TypeError, ["df(", "'2'"]),
    ("df returns a list", dict(f=np.square, df=lambda x: [x, x]), TypeError, ["df("]),
    ("df returns a bool", dict(f=np.square, df=lambda x: x > 0), TypeError, ["df("]),
    ("f returns None", dict(f=lambda x: None, df=lambda x: 2 * x), TypeError, ["f(", "None"]),
    ("df not a function", dict(f=np.square, df=2.0), TypeError, ["df must be a function"]),
]


@pytest.mark.parametrize("name, functions, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_careless_function_is_named(name, functions, error, words):
    with pytest.raises(error) as info:
        descend_1d(x0=1.0, alpha=0.1, steps=5, **functions)
    for word in words:
        assert word in str(info.value), f"{name}: {word!r} not in {info.value}"


@pytest.mark.parametrize(
    "x0, alpha, steps, word",
    [(10**400, 0.1, 5, "x0"), (1.0, -0.1, 5, "alpha"), (1.0, 0.1, 0, "steps"), (1.0, 0.1, 10**12, "steps")],
)
def test_bad_settings_are_named(x0, alpha, steps, word):
    with pytest.raises(ValueError, match=word):
        descend_1d(np.square, lambda x: 2 * x, x0=x0, alpha=alpha, steps=steps)


def test_an_overflowing_run_is_diverged_not_warned_about():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = descend_1d(np.exp, np.exp, x0=5.0, alpha=100.0, steps=50)
        path = descend_1d(lambda x: x**4, lambda x: 4 * x**3, x0=3.0, alpha=1.0, steps=50)
    assert path.diverged is not None
