"""accuracy and average_error, on networks whose outputs are known by hand."""

import numpy as np
import pytest

from nosmoke_lib import Network, make_math_func, scaler, split
from nosmoke_lib.evaluation.metrics import accuracy, average_error


def pass_through(n):
    """A [n, n] network whose outputs are its inputs: identity activation, weights the identity, biases 0."""
    net = Network([n, n], activation="identity", seed=0)
    net.set_parameters([np.eye(n)], [np.zeros(n)])
    return net


# The predicted class of each row is the column of its largest value: 0, 1, 1, 0.
X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 3.0], [5.0, 4.0]])


def test_accuracy_is_the_share_of_samples_whose_largest_output_is_their_class():
    net = pass_through(2)
    assert accuracy(net, X, [0, 1, 1, 0]) == 1.0
    assert accuracy(net, X, [0, 1, 0, 0]) == 0.75  # the third sample is wrong
    assert accuracy(net, X, [1, 0, 0, 1]) == 0.0
    assert isinstance(accuracy(net, X, [0, 1, 0, 0]), float)


def test_accuracy_takes_one_hot_rows_as_their_classes():
    net = pass_through(2)
    one_hot = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 0.0]])  # classes 0, 1, 0, 0
    assert accuracy(net, X, one_hot) == accuracy(net, X, [0, 1, 0, 0]) == 0.75
    sure_enough = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.7, 0.3]])  # the largest entry is the class
    assert accuracy(net, X, sure_enough) == 0.75


def test_accuracy_of_a_trained_network_is_its_share_of_right_predictions(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train, epochs=300)
    right = sum(int(np.argmax(row)) == label for row, label in zip(net.predict_proba(X_test), y_test))
    assert accuracy(net, X_test, y_test) == pytest.approx(right / len(y_test))


def test_average_error_is_the_mean_absolute_difference_for_one_output():
    net = Network([2, 1], activation="identity", seed=0)
    net.set_parameters([np.array([[1.0], [2.0]])], [np.array([0.5])])  # yhat = x1 + 2 x2 + 0.5
    X2 = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])  # yhat = 0.5, 1.5, 2.5, 3.5
    Y = np.array([0.5, 1.0, 3.5, 3.5])  # errors 0, 0.5, 1, 0: their mean is 0.375
    assert average_error(net, X2, Y) == 0.375
    assert average_error(net, X2, Y.reshape(-1, 1)) == 0.375  # a column, as predict_proba gives
    assert isinstance(average_error(net, X2, Y), float)


def test_average_error_averages_over_samples_and_outputs():
    net = pass_through(2)
    Y = np.array([[1.0, 0.0], [0.0, 3.0], [2.0, 3.0], [4.0, 4.0]])  # |Y - X| = 0 0 / 0 2 / 0 0 / 1 0
    assert average_error(net, X, Y) == 3 / 8


def test_average_error_of_a_trained_regression_network():
    data = make_math_func(120, seed=0)
    X_train, X_test, y_train, y_test = split(data.X, data.y, n_train=80, n_test=40, seed=0, stratify=False)
    y_scaler = scaler(y_train.reshape(-1, 1))
    net = Network([3, 5, 1], activation=["tanh", "identity"], seed=0)
    net.fit(X_train, y_scaler.transform(y_train.reshape(-1, 1)), alpha=0.01, epochs=500)
    Y_test = y_scaler.transform(y_test.reshape(-1, 1))
    by_hand = sum(abs(t - p) for t, p in zip(Y_test[:, 0], net.predict_proba(X_test)[:, 0])) / len(y_test)
    assert average_error(net, X_test, Y_test) == pytest.approx(by_hand, rel=1e-12)
    guess_the_mean = np.mean(np.abs(Y_test - Y_test.mean()))
    assert average_error(net, X_test, Y_test) < guess_the_mean
