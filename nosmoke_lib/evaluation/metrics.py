"""How good is a trained network? One measure for classes, one for numbers (scikit-learn computes both)."""

from __future__ import annotations

import numpy as np


def accuracy(net, X, y) -> float:
    """The share of samples whose predicted class (largest output) is their class.

    ``y`` holds class indices, or one-hot rows (their largest entry is the class).

    Examples
    --------
    >>> from nosmoke_lib import Network
    >>> accuracy(Network([2, 3], seed=0), [[1.0, 2.0], [0.5, -1.0]], [2, 2])
    0.5
    """
    from sklearn.metrics import accuracy_score

    labels = np.asarray(y) if np.ndim(y) == 1 else np.argmax(y, axis=1)
    return float(accuracy_score(labels, net.predict(X)))


def average_error(net, X, Y) -> float:
    """Regression: the mean |Y - Yhat| over samples and outputs, in the units the network was trained on."""
    from sklearn.metrics import mean_absolute_error

    return float(mean_absolute_error(np.reshape(Y, (len(X), -1)), net.predict_proba(X)))
