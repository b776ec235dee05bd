"""The curves: a title and axis labels on every one."""

import pytest

from nosmoke_lib import Network, evaluation, load_iris, plots
from nosmoke_lib.core.descent import descend_1d

from .helpers import assert_title_and_labels


def _history():
    return Network([2, 2, 3], seed=0).fit([[0, 0], [1, 1], [1, 0]], [0, 1, 2], alpha=0.5, epochs=20)


def _curves():
    iris = load_iris()
    return evaluation.train_test_curves(iris.X, iris.y, n_train=10, hidden=4, epochs=100, record_every=50)


def _learning_curve():
    iris = load_iris()
    return evaluation.learning_curve(iris.X, iris.y, sizes=[6, 10], hidden=4, epochs=50, seeds=[0])


CURVES = {
    "plots.plot_loss": lambda ax: plots.plot_loss(_history(), ax=ax),
    "plots.plot_activation": lambda ax: plots.plot_activation("tanh", ax=ax),
    "plots.plot_descent_1d": lambda ax: plots.plot_descent_1d(
        lambda x: x**2, descend_1d(lambda x: x**2, lambda x: 2 * x, 2.0, 0.1, 10), ax=ax
    ),
    "plots.plot_train_test": lambda ax: plots.plot_train_test(_curves(), ax=ax),
    "plots.plot_learning_curve": lambda ax: plots.plot_learning_curve(_learning_curve(), ax=ax),
}


@pytest.mark.parametrize("name", sorted(CURVES))
def test_every_plot_has_a_title_and_axis_labels(name):
    assert_title_and_labels(name, CURVES[name])
