"""How good is a trained network? One measure for classes, one for numbers (scikit-learn computes both)."""

from __future__ import annotations

import numpy as np

from .._validate import as_labels, as_matrix, as_network


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

    X = as_matrix("X", X, n_cols=as_network("net", net).sizes[0])
    if np.ndim(y) == 1:
        labels = as_labels("y", y, n=len(X))
    else:
        labels = np.argmax(as_matrix("y", y, n_rows=len(X), n_cols=net.sizes[-1]), axis=1)
    return float(accuracy_score(labels, net.predict(X)))


def average_error(net, X, Y) -> float:
    """Regression: the mean |Y - Yhat| over samples and outputs, in the units the network was trained on."""
    from sklearn.metrics import mean_absolute_error

    X = as_matrix("X", X, n_cols=as_network("net", net).sizes[0])
    Y = np.reshape(Y, (-1, 1)) if np.ndim(Y) == 1 else Y  # one output: a value per sample
    Y = as_matrix("Y", Y, n_rows=len(X), n_cols=net.sizes[-1])
    return float(mean_absolute_error(Y, net.predict_proba(X)))
