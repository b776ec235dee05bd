"""Shared fixtures for the nosmoke_lib unit tests."""

import numpy as np
import pytest

from nosmoke_lib import load_iris, one_hot, split


@pytest.fixture(scope="session")
def iris():
    return load_iris()


@pytest.fixture(scope="session")
def iris_split(iris):
    """The slide's 60 / 35 split of raw Iris: X_train, X_test, y_train, y_test."""
    return split(iris.X, iris.y, seed=0)


@pytest.fixture
def rng():
    return np.random.default_rng(12345)


@pytest.fixture
def data(rng):
    """Five samples for a [4, 8, 3] network: X, labels y, one-hot Y."""
    X = rng.normal(size=(5, 4))
    y = np.array([0, 1, 2, 1, 0])
    return X, y, one_hot(y, 3)


@pytest.fixture
def assert_refused():
    """``assert_refused(call, error, words)``: ``call()`` raises ``error``, and its message holds every one of ``words``."""

    def check(call, error, words):
        with pytest.raises(error) as info:
            call()
        missing = [word for word in words if word not in str(info.value)]
        assert not missing, f"{missing} not in the message: {info.value}"
        return info.value

    return check
