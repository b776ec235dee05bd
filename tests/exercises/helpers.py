"""What the exercise tests share: the feedback as a checked message, and answers that misbehave."""

import numpy as np


def verdict(exercise, answer):
    """``exercise.feedback(answer)``, checked to be a message (a checker never raises)."""
    ok, message = exercise.feedback(answer)
    assert isinstance(message, str) and message
    return ok, message


def raises(*args):
    """An answer whose own code fails."""
    raise ZeroDivisionError("boom")


def vandal(*args):
    """An answer that spoils the arrays it is given, and returns nonsense."""
    for arg in args:
        if isinstance(arg, np.ndarray):
            arg[...] = np.nan
    return np.nan
