"""Overfitting under sliders, driven headless: train and test loss against the hidden width and the flowers."""

import numpy as np
import pytest

from nosmoke_lib import Network, evaluation, load_iris, widgets


@pytest.fixture(scope="module")
def overfitting():
    iris = load_iris()
    return widgets.overfitting_widget(iris.X, iris.y, hidden=4, n_train=10, epochs=300)


def set_sliders(widget, **values):
    """Move several sliders, as a learner would, with one retraining at the end."""
    with widget.changing():
        for name, value in values.items():
            getattr(widget, name).value = value
    return widget


def test_overfitting_widget_retrains_when_a_slider_moves():
    iris = load_iris()
    widget = widgets.overfitting_widget(iris.X, iris.y, hidden=4, n_train=10, epochs=300)
    first = widget.curves
    widget.n_train.value = 30
    assert widget.curves is not first and widget.curves.n_train == 30
    widget.hidden.value = 2
    assert widget.curves.network.sizes == [2, 2, 3]
    assert all(s.continuous_update is False for s in (widget.hidden, widget.n_train, widget.epochs, widget.seed))
    assert "test flowers" in widget.status.value


# -- take the setting home: the code line under the widget gives what the widget shows -------------


@pytest.mark.parametrize(
    "hidden, n_train, epochs, seed",
    [(32, 10, 1000, 1), (4, 7, 300, 0), (16, 45, 500, 3), (1, 97, 200, 9)],
)
def test_overfitting_code_lines_give_the_final_loss_the_widget_shows(overfitting, hidden, n_train, epochs, seed):
    widget = set_sliders(overfitting, hidden=hidden, n_train=n_train, epochs=epochs, seed=seed)
    final_J = f"{widget.curves.history.final_loss:.4g}"
    assert f"final J = {final_J}" in widget.status.value  # what the widget prints, to 4 significant digits

    namespace = {"Network": Network, "evaluation": evaluation, "iris": load_iris()}  # the notebook's names
    exec(widget.data_code, namespace)
    assert np.array_equal(namespace["X_few"], widget.X_few) and np.array_equal(namespace["y_few"], widget.y_few)
    history = eval(widget.code, namespace)
    assert f"{history.final_loss:.4g}" == final_J
    assert np.array_equal(history.loss, widget.curves.history.loss)
    assert f"alpha=5 / {n_train}, epochs={epochs}" in widget.code and f"seed={seed}" in widget.code
    for line in (widget.data_code, widget.code):
        assert line.replace("'", "&#x27;") in widget.code_box.value
    assert "user-select:all" in widget.code_box.value


def test_overfitting_widget_shows_accuracy_and_final_loss_beside_the_plot(overfitting):
    widget = set_sliders(overfitting, hidden=32, n_train=10, epochs=1000, seed=1)
    curves, beside = widget.curves, widget.numbers.get_text()
    ax = widget.figure.axes[0]
    assert widget.numbers.get_position()[0] > ax.get_position().x1, "to the right of the plot"
    assert f"training  {curves.train_accuracy:6.1%}" in beside and f"test      {curves.test_accuracy:6.1%}" in beside
    assert f"final J   {curves.history.final_loss:.4g}" in beside
    net = curves.network
    assert curves.history.final_loss == pytest.approx(net.loss(widget.X_few, widget.y_few))
    assert curves.test_accuracy == np.mean(net.predict(widget.X_new) == widget.y_new)
    assert curves.train_accuracy == 1.0 and curves.test_accuracy < 0.8, "the default draw memorises"
