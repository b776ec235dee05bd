"""Shared fixtures for the nosmoke_lib unit tests."""

import numpy as np
import pytest

from nosmoke_lib import load_iris, split


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
