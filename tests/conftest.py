"""Shared fixtures for the nosmoke_lib unit tests."""

import importlib.util

import numpy as np
import pytest

from nosmoke_lib import load_iris, split

# The static site is built and checked in a venv of its own (requirements-docs.txt; .ci/run does it
# first, see test_site.py): the course's venv has no jupyter-book, so there is nothing to collect.
collect_ignore = [] if importlib.util.find_spec("jupyter_book") else ["test_site.py"]


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
