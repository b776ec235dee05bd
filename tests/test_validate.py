"""The boundary checks every public function shares: what they accept, and how they refuse."""

import numpy as np
import pytest

from nosmoke_lib._validate import as_int, as_labels, as_matrix, as_network, as_number, as_vector


def test_as_matrix_takes_lists_and_one_sample_as_a_row():
    assert as_matrix("X", [[1, 2], [3, 4]]).dtype == float
    assert as_matrix("X", [1, 2, 3]).shape == (1, 3)


@pytest.mark.parametrize(
    "value, error, words",
    [
        ("12", TypeError, ["X must be a 2-D array"]),
        ([["1", "2"]], TypeError, ["real numbers"]),
        ([1 + 1j], TypeError, ["complex"]),
        ([[1, 2], [3]], TypeError, ["table of numbers"]),
        ([[np.inf, 1]], ValueError, ["finite", "row 0, column 0"]),
        (np.empty((0, 3)), ValueError, ["empty"]),
    ],
)
def test_as_matrix_refuses_naming_the_argument(value, error, words, assert_refused):
    assert_refused(lambda: as_matrix("X", value), error, words)


def test_as_matrix_says_how_to_make_a_column():
    with pytest.raises(ValueError, match=r"reshape\(-1, 1\)"):
        as_matrix("X", np.arange(5.0), n_cols=1)


def test_as_vector_takes_one_column_and_refuses_two():
    assert as_vector("y", [[1.0], [2.0]]).tolist() == [1.0, 2.0]
    with pytest.raises(ValueError, match="y must be 1-D"):
        as_vector("y", np.ones((2, 2)))


def test_as_labels_wants_whole_non_negative_numbers():
    assert as_labels("y", [0.0, 2.0]).tolist() == [0, 2]
    with pytest.raises(TypeError, match="whole-number"):
        as_labels("y", [0.5])
    with pytest.raises(ValueError, match=">= 0"):
        as_labels("y", [-1])


@pytest.mark.parametrize(
    "value, error", [(True, TypeError), ("1", TypeError), (10**400, ValueError), (np.nan, ValueError)]
)
def test_as_number_refuses_what_is_not_one_finite_number(value, error):
    with pytest.raises(error, match="alpha"):
        as_number("alpha", value)


def test_bounds_are_said_as_they_are():
    with pytest.raises(ValueError, match=r"alpha must be > 0 and <= 1; got 2"):
        as_number("alpha", 2, low=0, low_open=True, high=1)
    with pytest.raises(ValueError, match="epochs must be >= 1; got 0"):
        as_int("epochs", 0, low=1)


def test_as_network_wants_a_network():
    with pytest.raises(TypeError, match="net must be a Network"):
        as_network("net", [1, 2])
