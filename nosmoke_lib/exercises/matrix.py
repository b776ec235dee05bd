"""Exercises of ``03_matrix_approach``: a shape, the matrix product row by row, counting multiplications.

03.2 and 03.3 ask for what is not on the screen: a product built from whole rows of ``B`` (the
notebook builds it entry by entry), and a count the learner reasons out.
"""

from __future__ import annotations

import inspect
import re

import numpy as np

from . import Exercise, number_answer, run_answer


def _as_shape(answer):
    """``answer`` as a tuple of whole numbers, or None when it is not a shape."""
    if isinstance(answer, np.ndarray) and answer.ndim == 1:
        answer = answer.tolist()
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (tuple, list)):
        return None
    try:
        values = [float(v) for v in answer]
    except (TypeError, ValueError):
        return None
    if not all(np.isfinite(v) and v == int(v) for v in values):
        return None
    return tuple(int(v) for v in values)


def judge_shape(expected, wrong=None, right="rows from the left matrix, columns from the right one."):
    """A judge for a shape answer (a tuple such as ``(35, 3)``).

    ``wrong`` maps typical wrong shapes to the message that explains them;
    ``right`` is said when the answer is right.
    """
    wrong = wrong or {}

    def judge(answer):
        shape = _as_shape(answer)
        if shape is None:
            given = "a function" if callable(answer) else f"{answer!r:.60}"
            return False, f"give the shape as a tuple of whole numbers, such as (2, 5); got {given}."
        if shape == expected:
            return True, f"{shape}: {right}"
        if shape in wrong:
            return False, f"{shape}: {wrong[shape]}"
        if len(shape) != len(expected):
            return False, f"{shape} has {len(shape)} numbers; a matrix shape has {len(expected)} (rows, columns)."
        if shape[0] != expected[0]:
            return False, f"{shape}: the number of rows is wrong; a product keeps the rows of its left factor."
        return False, f"{shape}: the number of columns is wrong; a product takes the columns of its right factor."

    return judge


def _body(function) -> str:
    """The source of ``function`` without its first line and comments ("" when it cannot be read)."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):  # defined by exec, or a builtin: nothing to read
        return ""
    source = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', "", source)  # docstrings may say "A @ B"
    return "\n".join(line.split("#", 1)[0] for line in source.splitlines()[1:])


def _uses_matmul(function) -> bool:
    """Whether the source of ``function`` (comments removed) uses @, dot or matmul."""
    return bool(re.search(r"@|\bdot\s*\(|\bmatmul\b|\beinsum\b|\btensordot\b", _body(function)))


def _loops(function) -> int:
    """How many ``for`` loops the source of ``function`` has (0 when it cannot be read)."""
    return len(re.findall(r"\bfor\b", _body(function)))


def _matmul_reference(A, B):
    return np.asarray(A, dtype=float) @ np.asarray(B, dtype=float)


_rng = np.random.default_rng(3)
_CASES = [
    (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]])),  # square: swapped indices still run
    (np.arange(9.0).reshape(3, 3), np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 0.0], [3.0, 0.0, 1.0]])),
    (np.array([[1.0, 2.0, 3.0]]), np.array([[1.0], [10.0], [100.0]])),  # (1 x 3) . (3 x 1)
    (_rng.normal(size=(5, 4)), _rng.normal(size=(4, 3))),  # samples x features . features x neurons
]


def _judge_matmul_rows(answer):
    """Compares with ``A @ B`` and recognises the typical slips: columns of B, a row never reset, three loops."""
    if not callable(answer):
        return False, f"expected a function; got {type(answer).__name__}."
    if _uses_matmul(answer):
        return False, "your function uses @ (or dot/matmul): build each row of Z from rows of B, by hand."
    if _loops(answer) > 2:
        return False, (
            "three loops is the entry-by-entry way of Build it. Here each row of Z is a sum of whole rows of B: "
            "two loops (rows i of A, then k), no loop over the columns."
        )
    for A, B in _CASES:
        inputs = f"A of shape {A.shape} and B of shape {B.shape}"
        result = run_answer(answer, A.copy(), B.copy())
        if result is None:
            return False, "your function returns None: replace the ... with code that returns the product."
        try:
            got = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return False, f"your function returns {type(result).__name__}; expected an array of numbers."
        want = _matmul_reference(A, B)
        if got.shape != want.shape:
            return False, f"for {inputs} the result has shape {got.shape}; expected {want.shape}."
        if np.allclose(got, want, rtol=1e-7, atol=1e-9):
            continue
        if A.shape[1] == B.shape[1] and np.allclose(got, A @ B.T):
            return False, (
                f"for {inputs} you combined the columns of B (B[:, k]); row i of A @ B is a sum of B's rows, "
                "B[k], each times A[i, k]."
            )
        if np.allclose(got, np.cumsum(want, axis=0)):
            return False, f"for {inputs} each row carries the rows before it: start every row of Z from zeros."
        wrong = np.argwhere(~np.isclose(got, want, rtol=1e-7, atol=1e-9))
        i, j = wrong[0]
        return False, f"for {inputs}, Z[{i}, {j}] is {got[i, j]:.4g}; expected {want[i, j]:.4g}."
    return (
        True,
        f"it agrees with A @ B on all {len(_CASES)} test cases: row i of A @ B is the rows of B weighted by row i of A.",
    )


def _judge_multiplications(answer):
    if callable(answer):
        return False, "expected a whole number; got a function."
    value, problem = number_answer(answer, "a whole number")
    if problem:
        return False, problem
    if value == 3360:
        return True, "60 × (4·8 + 8·3) = 60 × 56 = 3360 multiplications."
    known = {
        56: "that is one flower's worth; the forward pass handles all 60 at once.",
        1920: "that is the first layer only (60 × 4 × 8); the second layer multiplies too.",
        1440: "that is the second layer only (60 × 8 × 3); the first layer multiplies too.",
        900: "multiplying the sizes 4·8·3 is not it: count each weight matrix's product separately.",
        5760: "60 × 4 × 8 × 3 multiplies the layers together; add the two products instead.",
    }
    if value in known:
        return False, f"{value:g}: {known[value]}"
    return False, f"{value:g} is {'too large' if value > 3360 else 'too small'}."


shape_of_product = Exercise(
    key="03.1",
    question="X holds 35 flowers (35 × 4), W1 is (4 × 8), W2 is (8 × 3). What is the shape of (X @ W1) @ W2?",
    judge=judge_shape(
        (35, 3),
        wrong={
            (35, 8): "that is the shape of X @ W1; now multiply it by W2.",
            (4, 3): "rows come from the left factor: one row per flower, and X has 35.",
            (3, 35): "that is the transpose: rows are samples (35), columns are the last layer's neurons (3).",
        },
    ),
    hint="(n × k) · (k × m) = (n × m): the inner sizes must match and disappear; apply the rule twice.",
    solution="(35, 3)",
    mistake="(35, 8)",
)

matmul_rows = Exercise(
    key="03.2",
    question=(
        "Write matmul_rows(A, B): the matrix product A @ B, one row of the result at a time, each row built from "
        "whole rows of B (no @, no dot, at most two loops)."
    ),
    judge=_judge_matmul_rows,
    hint=(
        "Look at one flower: Z[i, j] = sum over k of A[i, k] * B[k, j], for every j at once. Which row of B does "
        "A[i, k] multiply, and what do you add up over k?"
    ),
    solution="""
def matmul_rows(A, B):
    Z = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):  # every sample: one row of Z
        for k in range(A.shape[1]):  # its k-th input scales the k-th row of B (that input's weights)
            Z[i] += A[i, k] * B[k]
    return Z
""",
    mistake="""
def matmul_rows(A, B):
    Z = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for k in range(A.shape[1]):
            Z[i] += A[i, k] * B[:, k]   # a column of B instead of a row
    return Z
""",
)

multiplications = Exercise(
    key="03.3",
    question="How many multiplications does a forward pass of a [4, 8, 3] network (no bias) make for 60 samples?",
    judge=_judge_multiplications,
    hint="How many multiplications make one entry of X @ W1, and how many entries has it? Then the same for the next layer.",
    solution="60 * (4 * 8 + 8 * 3)",
    mistake="4 * 8 + 8 * 3",
)

__all__ = ["shape_of_product", "matmul_rows", "multiplications", "judge_shape"]
