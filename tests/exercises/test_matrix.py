"""The checkers of 03_matrix_approach: right answers pass, typical slips get their own message, and junk
('5.7', True, nan, an answer that raises, an answer that changes its inputs) gets a message, never an exception."""

import math

import numpy as np
import pytest

from nosmoke_lib.exercises import matrix as ex

from .helpers import raises, verdict


def by_rows(A, B):
    Z = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for k in range(A.shape[1]):
            Z[i] += A[i, k] * B[k]
    return Z


def by_columns_of_B(A, B):
    Z = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for k in range(A.shape[1]):
            Z[i] += A[i, k] * B[:, k]
    return Z


def row_never_reset(A, B):
    Z, row = np.zeros((A.shape[0], B.shape[1])), np.zeros(B.shape[1])
    for i in range(A.shape[0]):
        for k in range(A.shape[1]):
            row += A[i, k] * B[k]
        Z[i] = row
    return Z


def three_loops(A, B):
    Z = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for j in range(B.shape[1]):
            for k in range(A.shape[1]):
                Z[i, j] += A[i, k] * B[k, j]
    return Z


def with_matmul(A, B):
    return A @ B


def transposed(A, B):
    return by_rows(A, B).T


def mutates(A, B):
    Z = by_rows(A, B)
    A[...] = 0.0
    B[...] = 0.0
    return Z


def test_03_2_right_answers_pass():
    assert verdict(ex.matmul_rows, by_rows)[0] is True
    assert verdict(ex.matmul_rows, ex.matmul_rows.answer())[0] is True


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (by_columns_of_B, "you combined the columns of B"),
        (row_never_reset, "start every row of Z from zeros"),
        (three_loops, "two loops"),
        (with_matmul, "uses @"),
        (transposed, "shape"),
        (raises, "your answer raised ZeroDivisionError"),
        (lambda A, B: None, "returns None"),
        (lambda A, B: "Z", "expected an array of numbers"),
        ("5.7", "expected a function"),
        (True, "expected a function"),
        (math.nan, "expected a function"),
    ],
    ids=repr,
)
def test_03_2_names_the_slip(answer, expected):
    ok, message = verdict(ex.matmul_rows, answer)
    assert ok is False and expected in message and "Hint:" in message, message


def test_03_2_an_answer_that_changes_its_inputs_spoils_nothing():
    assert verdict(ex.matmul_rows, mutates)[0] is True
    assert verdict(ex.matmul_rows, by_rows)[0] is True
    assert all(A.any() and B.any() for A, B in ex._CASES)


def test_03_2_hint_does_not_give_the_code():
    assert "Z[i] +=" not in ex.matmul_rows.hint and "B[k]" not in ex.matmul_rows.hint


@pytest.mark.parametrize(
    ("exercise", "answer", "expected"),
    [
        (ex.shape_of_product, (35, 3), None),
        (ex.shape_of_product, (35, 8), "shape of X @ W1"),
        (ex.shape_of_product, (3, 35), "transpose"),
        (ex.multiplications, 3360, None),
        (ex.multiplications, np.int64(3360), None),
        (ex.multiplications, 56, "one flower's worth"),
        (ex.multiplications, 1920, "first layer only"),
        (ex.multiplications, 5760, "add the two products"),
        (ex.multiplications, 4000, "too large"),
    ],
)
def test_03_1_and_03_3(exercise, answer, expected):
    ok, message = verdict(exercise, answer)
    assert ok is (expected is None) and (expected is None or expected in message), message


@pytest.mark.parametrize("exercise", [ex.shape_of_product, ex.multiplications], ids=lambda e: e.key)
@pytest.mark.parametrize("junk", ["5.7", "3360", True, math.nan, raises, mutates], ids=repr)
def test_03_number_and_shape_answers_turn_junk_away(exercise, junk):
    ok, message = verdict(exercise, junk)
    assert ok is False and ("expected" in message or "give the shape" in message) and "Hint:" in message, message


def test_03_2_the_notebooks_placeholder_is_not_read_as_using_matmul():
    def matmul_rows(A, B):
        """A @ B, one row of the result at a time, from whole rows of B."""
        ...  # your code here

    ok, message = verdict(ex.matmul_rows, matmul_rows)
    assert ok is False and "returns None" in message, message
