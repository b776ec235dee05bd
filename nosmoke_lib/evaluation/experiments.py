"""Experiments on training: snapshots of a run, and the loss on flowers trained on against flowers never seen.

- ``train_with_snapshots``, ``network_at``, ``loss_at``, ``loss_along``: one
  training run kept every few epochs, and what the network was at each.
- ``train_test_data``, ``train_test_curves``: train on a few flowers, follow
  J on them and on others put aside (overfitting).
- ``learning_curve``: how many flowers does the network need?

Numbers only: ``plots`` draws them, ``widgets`` puts them under sliders.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validate import _describe, as_int, as_matrix, as_network
from ..data import scaler, split
from ..network import History, Network
from .metrics import accuracy


def train_with_snapshots(X, y, sizes, alpha, epochs, record_every, seed=0):
    """Train a fresh ``Network(sizes, seed=seed)`` and keep its weights every ``record_every`` epochs.

    Returns
    -------
    net : Network
        The trained network (its parameters are those of the last snapshot).
    history : History
        ``history.snapshots[k]`` is ``(epoch, weights, biases)`` after ``epoch`` updates.

    Examples
    --------
    >>> net, hist = train_with_snapshots([[0, 0], [1, 1]], [0, 1], [2, 2, 2], 0.5, epochs=100, record_every=50)
    >>> [epoch for epoch, _, _ in hist.snapshots]
    [0, 50, 100]
    """
    net = Network(sizes, seed=seed)
    history = net.fit(X, y, alpha=alpha, epochs=epochs, record_every=record_every, progress=False)
    return net, history


def network_at(net, snapshot) -> Network:
    """A copy of ``net`` holding the parameters of one snapshot ``(epoch, weights, biases)``."""
    if not isinstance(snapshot, (tuple, list)) or len(snapshot) != 3:
        raise TypeError(
            f"snapshot must be one of history.snapshots: (epoch, weights, biases); got {_describe(snapshot)}"
        )
    _, weights, biases = snapshot
    twin = net.copy()
    twin.set_parameters(weights, biases)
    return twin


def loss_at(history, epoch) -> float:
    """J after ``epoch`` updates: ``initial_loss`` for epoch 0, else ``history.loss[epoch - 1]``."""
    epoch = as_int("epoch", epoch, low=0, high=len(history.loss))
    return history.initial_loss if epoch == 0 else float(history.loss[epoch - 1])


def loss_along(net, history, X, Y) -> tuple:
    """J on the samples X, Y for every snapshot of ``history``: ``(epochs, J)`` as two arrays.

    With samples the network never trained on, this is the test (or
    validation) curve beside the training curve ``history.loss``.
    """
    as_network("net", net)
    if not hasattr(history, "snapshots"):
        raise TypeError(f"history must be the History that net.fit returned; got {_describe(history)}")
    epochs = np.array([epoch for epoch, _, _ in history.snapshots])
    J = np.array([network_at(net, snapshot).loss(X, Y) for snapshot in history.snapshots])
    return epochs, J


def _columns(features, n_columns) -> tuple:
    """``features`` checked: distinct column indices of X."""
    if isinstance(features, (str, bytes)) or not isinstance(features, (list, tuple)) or not features:
        raise TypeError(f"features must be a tuple of column indices of X, e.g. (0, 1); got {_describe(features)}")
    picked = tuple(as_int(f"features[{i}]", c, low=0, high=n_columns - 1) for i, c in enumerate(features))
    if len(set(picked)) != len(picked):
        raise ValueError(f"features must name each column once; got {picked}")
    return picked


def hold_out_test_set(X, y, n_test=50, seed=0):
    """Put ``n_test`` flowers aside for testing (stratified); the rest is the pool training sets come from.

    Returns
    -------
    X_pool, X_test, y_pool, y_test
    """
    X = as_matrix("X", X)
    n_test = as_int("n_test", n_test, low=1, high=len(X) - 1)
    return split(X, y, n_train=len(X) - n_test, n_test=n_test, seed=seed)


def training_subset(X_pool, y_pool, n_train, seed=0):
    """``n_train`` flowers of the pool, every species keeping its share (``nosmoke_lib.split``)."""
    n_train = as_int("n_train", n_train, low=1, high=len(X_pool))
    if n_train == len(X_pool):
        return np.asarray(X_pool, dtype=float), np.asarray(y_pool)
    X_train, _, y_train, _ = split(X_pool, y_pool, n_train=n_train, n_test=len(X_pool) - n_train, seed=seed)
    return X_train, y_train


def train_test_data(X, y, n_train=10, features=(0, 1), n_test=50, seed=0, standardize=True):
    """The flowers ``train_test_curves`` trains and tests on: ``X_few, X_new, y_few, y_new``.

    ``n_test`` flowers are put aside (the same ones for every ``n_train`` and
    ``seed``); ``n_train`` of the others are drawn for training (``seed``
    picks which). With ``standardize``, each measurement is scaled to mean 0
    and sd 1 with the numbers of the training flowers only.

    Examples
    --------
    >>> from nosmoke_lib import load_iris
    >>> iris = load_iris()
    >>> X_few, X_new, y_few, y_new = train_test_data(iris.X, iris.y, n_train=10, seed=1)
    >>> X_few.shape, X_new.shape, round(float(abs(X_few.mean(axis=0)).max()), 6)
    ((10, 2), (50, 2), 0.0)
    """
    X = as_matrix("X", X)
    X = X[:, list(_columns(features, X.shape[1]))]
    X_pool, X_test, y_pool, y_test = hold_out_test_set(X, y, n_test)
    X_train, y_train = training_subset(X_pool, y_pool, n_train, seed)
    if standardize:
        scale = scaler(X_train, "standard")
        X_train, X_test = scale.transform(X_train), scale.transform(X_test)
    return X_train, X_test, y_train, y_test


@dataclass
class TrainTestCurves:
    """The loss per flower on the training and on the test flowers, as training goes on.

    Attributes
    ----------
    epochs : array of int
        The epochs at which both losses were measured.
    train_J, test_J : arrays
        J divided by the number of flowers (so sets of different sizes compare).
    train_accuracy, test_accuracy : float
        After the last epoch.
    n_train, hidden : int
    network : Network
        The trained network.
    history : History
        Its training run (``history.final_loss`` is J summed over the training flowers).
    """

    epochs: np.ndarray
    train_J: np.ndarray
    test_J: np.ndarray
    train_accuracy: float
    test_accuracy: float
    n_train: int
    hidden: int
    network: Network
    history: History | None = None

    @property
    def gap(self) -> np.ndarray:
        """test J - train J per flower, at every measured epoch: how much worse unseen flowers do."""
        return self.test_J - self.train_J


def train_test_curves(
    X,
    y,
    n_train=10,
    hidden=32,
    epochs=1000,
    features=(0, 1),
    alpha=None,
    n_test=50,
    seed=0,
    record_every=None,
    standardize=True,
) -> TrainTestCurves:
    """Train ``[len(features), hidden, 3]`` on ``n_train`` flowers; follow J on them and on ``n_test`` others.

    Parameters
    ----------
    X, y : all flowers (e.g. the 150 of Iris) and their species
    n_train : how many of the pool's flowers to train on (stratified)
    hidden : neurons in the hidden layer
    epochs : training epochs
    features : the columns of X to use; the default, sepal length and width,
        is the hard part of Iris: versicolor and virginica overlap there, so a
        network that memorises its few flowers shows it on the others
    alpha : learning rate; None uses ``5 / n_train``. J is summed over the
        flowers, so its gradient grows with their number: dividing by
        ``n_train`` takes the same step per flower for every training-set size
    n_test : flowers put aside for testing, the same ones for every ``n_train``
    seed : which flowers are drawn for training (the network's seed too)
    standardize : scale each measurement to mean 0, sd 1, fitted on the
        training flowers only (the test flowers must not leak into training)

    Examples
    --------
    >>> from nosmoke_lib import load_iris
    >>> iris = load_iris()
    >>> curves = train_test_curves(iris.X, iris.y, n_train=10, hidden=4, epochs=100)
    >>> curves.epochs.tolist()[-1], curves.train_J.shape == curves.test_J.shape
    (100, True)
    """
    hidden, epochs = as_int("hidden", hidden, low=1), as_int("epochs", epochs, low=1)
    X_train, X_test, y_train, y_test = train_test_data(X, y, n_train, features, n_test, seed, standardize)
    alpha = 5.0 / len(X_train) if alpha is None else alpha
    record_every = record_every or max(1, epochs // 100)
    net, history = train_with_snapshots(
        X_train, y_train, [len(features), hidden, int(np.max(y)) + 1], alpha, epochs, record_every, seed
    )
    measured, train_J = loss_along(net, history, X_train, y_train)
    test_J = loss_along(net, history, X_test, y_test)[1]
    return TrainTestCurves(
        measured,
        train_J / len(X_train),
        test_J / len(X_test),
        accuracy(net, X_train, y_train),
        accuracy(net, X_test, y_test),
        len(X_train),
        hidden,
        net,
        history,
    )


@dataclass
class LearningCurve:
    """Accuracy and loss per flower against the size of the training set (means over ``seeds``)."""

    sizes: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    train_J: np.ndarray
    test_J: np.ndarray


def learning_curve(
    X,
    y,
    sizes=(6, 10, 20, 40, 90),
    hidden=8,
    epochs=1000,
    features=(0, 1, 2, 3),
    seeds=(0, 1, 2),
    n_test=50,
) -> LearningCurve:
    """How many flowers do you need? Train on ``sizes`` flowers each and test on the same ``n_test``.

    Every size is trained once per seed (a different draw of flowers and of
    starting weights) and the results are averaged.

    Examples
    --------
    >>> from nosmoke_lib import load_iris
    >>> iris = load_iris()
    >>> curve = learning_curve(iris.X, iris.y, sizes=[6, 30], epochs=100, seeds=[0])
    >>> curve.sizes.tolist(), curve.test_accuracy.shape
    ([6, 30], (2,))
    """
    for name, values in (("sizes", sizes), ("seeds", seeds)):
        if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple, np.ndarray)) or len(values) == 0:
            raise TypeError(f"{name} must be a non-empty list of whole numbers; got {_describe(values)}")
    rows = []
    for n in sizes:
        runs = [
            train_test_curves(X, y, n, hidden, epochs, features, n_test=n_test, seed=s, record_every=epochs)
            for s in seeds
        ]
        rows.append([np.mean([getattr(r, name) for r in runs]) for name in ("train_accuracy", "test_accuracy")])
        rows[-1] += [np.mean([r.train_J[-1] for r in runs]), np.mean([r.test_J[-1] for r in runs])]
    columns = np.array(rows).T
    return LearningCurve(np.array(sizes), *columns)
