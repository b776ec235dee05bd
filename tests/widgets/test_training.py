"""The training widgets, driven headless: set a control's value as a slider would, check the numbers and the picture.

``training_widget``: alpha and epochs (and, exploring, the whole network) -> the loss curve and a code line.
``initial_weights_widget``: what learners of other courses ask about the starting weights.
"""

import ipywidgets
import numpy as np
import pytest

from nosmoke_lib import Network
from nosmoke_lib import widgets as w

# -- training_widget -------------------------------------------------------------------------------


def test_training_widget_retrains_and_redraws_when_a_slider_moves(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], X_test=X_test, Y_test=y_test)
    first_png, first_loss = widget.image.value, widget.history.final_loss
    assert widget.alpha.continuous_update is False and widget.epochs.continuous_update is False
    assert isinstance(widget.alpha, type(ipywidgets.FloatLogSlider()))

    widget.alpha.value = 0.03
    assert widget.history.alpha == pytest.approx(0.03)
    assert widget.history.final_loss != first_loss
    assert widget.image.value != first_png
    widget.epochs.value = 500
    assert len(widget.history.loss) == 500
    assert "test accuracy" in widget.status.value
    assert widget.test_curve is not None and widget.test_curve[-1, 0] == 500


def test_training_widget_matches_a_fresh_network_and_its_code_line(iris_split):
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], alpha=0.02, epochs=300)
    assert widget.code == "Network([4, 8, 3], seed=0).fit(X, Y, alpha=0.02, epochs=300)"
    fresh = Network([4, 8, 3], seed=0).fit(X_train, y_train, alpha=0.02, epochs=300)
    assert np.array_equal(widget.history.loss, fresh.loss)
    assert "alpha=0.02, epochs=300" in widget.code_box.value


def test_training_widget_reports_divergence_on_the_plot_not_as_a_warning(iris_split, recwarn):
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], activation=["sigmoid", "identity"], alpha=1.0)
    assert widget.history.diverged is not None
    assert f"diverged at epoch {widget.history.diverged}" in widget.status.value
    texts = [t.get_text() for t in widget.figure.axes[0].texts]
    assert f"diverged at epoch {widget.history.diverged}" in texts
    assert not [r for r in recwarn if issubclass(r.category, RuntimeWarning)]


def test_the_general_network_from_the_widgets_and_its_code_line_round_trip(iris_split):
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], epochs=200, explore=True)
    with widget.changing():
        widget.hidden.value = "6, 4"
        widget.hidden_activation.value = "tanh"
        widget.bias_box.value = False
        widget.momentum.value = 0.5
        widget.batch.value = 10
        widget.shuffle.value = True
    assert widget.network.sizes == [4, 6, 4, 3]
    assert [a.name for a in widget.network.activations] == ["tanh", "tanh", "sigmoid"]
    assert widget.network.bias is False
    assert widget.code == (
        "Network([4, 6, 4, 3], activation=['tanh', 'tanh', 'sigmoid'], bias=False, seed=0)"
        ".fit(X, Y, alpha=0.01, epochs=200, momentum=0.5, batch_size=10, shuffle=True)"
    )
    history = eval(widget.code, {"Network": Network, "X": X_train, "Y": y_train})
    assert f"{history.final_loss:.4g}" == f"{widget.history.final_loss:.4g}"
    assert f"final J = {history.final_loss:.4g}" in widget.status.value


def test_a_regression_widget_reports_the_average_error():
    from nosmoke_lib import make_math_func, scaler

    data = make_math_func(80, seed=0)
    y = scaler(data.y.reshape(-1, 1)).transform(data.y.reshape(-1, 1))
    widget = w.training_widget(
        data.X[:60], y[:60], [3, 6, 1], alpha=0.05, epochs=300, X_test=data.X[60:], Y_test=y[60:]
    )
    expected = np.mean(np.abs(y[60:] - widget.network.predict_proba(data.X[60:])))
    assert f"test average error {expected:.4g}" in widget.status.value
    assert "accuracy" not in widget.status.value


@pytest.mark.parametrize(
    ("alpha", "epochs"), [(0.001, 100), (0.01, 2000), (10**-1.4, 730), (10**-0.7, 2500), (2.5, 40)]
)
def test_the_code_line_reproduces_the_final_loss_for_any_slider_setting(iris_split, alpha, epochs):
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3])
    with widget.changing():
        widget.alpha.value, widget.epochs.value = alpha, epochs
    history = eval(widget.code, {"Network": Network, "X": X_train, "Y": y_train})
    assert f"final J = {history.final_loss:.4g}" in widget.status.value
    assert history.alpha == pytest.approx(alpha, rel=1e-3) and history.epochs == epochs


# -- initial_weights_widget: set the controls as a learner would, check the numbers shown --------


@pytest.fixture(scope="module")
def widget(iris_split):
    X_train, _, y_train, _ = iris_split
    return w.initial_weights_widget(X_train, y_train)


def set_controls(widget, scale, equal=False):
    with widget.changing():
        widget.weight_scale.value = scale
        widget.equal.value = equal
    return widget.numbers


def test_controls_are_a_log_slider_from_001_to_30_and_a_checkbox(widget):
    assert isinstance(widget.weight_scale, ipywidgets.FloatLogSlider)
    assert widget.weight_scale.continuous_update is False
    assert widget.weight_scale.min == pytest.approx(-2) and 10**widget.weight_scale.max == pytest.approx(30)
    assert isinstance(widget.equal, ipywidgets.Checkbox) and widget.equal.value is False


def test_saturation_rises_and_the_slopes_fall_with_the_weight_scale(widget):
    scales = [0.01, 0.1, 1.0, 3.0, 10.0, 30.0]
    shares, slopes = zip(*[(n["saturated"], n["mean_slope"]) for n in (set_controls(widget, s) for s in scales)])
    assert all(a <= b for a, b in zip(shares, shares[1:])), shares
    assert all(a > b for a, b in zip(slopes, slopes[1:])), slopes
    assert shares[0] == 0.0 and shares[-1] > 0.9
    assert slopes[0] == pytest.approx(0.25, abs=1e-3) and slopes[-1] < 0.01


def test_the_numbers_are_the_starting_networks_hidden_layer(widget, iris_split):
    X_train = iris_split[0]
    numbers = set_controls(widget, 10.0)
    A2 = Network([4, 8, 3], seed=0, weight_scale=10.0).forward(X_train)[1]
    assert np.array_equal(widget.A2, A2)
    assert numbers["saturated"] == pytest.approx(np.mean((A2 < 0.01) | (A2 > 0.99)))
    assert numbers["mean_slope"] == pytest.approx(np.mean(A2 * (1 - A2)))
    assert f"{numbers['saturated']:.0%}" in widget.status.value


def test_a_large_scale_stalls_training(widget):
    default = set_controls(widget, 1.0)
    large = set_controls(widget, 30.0)
    drop_default = default["initial_loss"] - default["final_loss"]
    drop_large = large["initial_loss"] - large["final_loss"]
    assert drop_default > 10 and drop_large < 0.01 * drop_default
    assert widget.history.epochs_run == widget.epochs


def test_equal_starting_weights_keep_the_hidden_neurons_identical(widget):
    assert set_controls(widget, 0.1, equal=False)["distinct_neurons"] == 8
    numbers = set_controls(widget, 0.1, equal=True)
    assert numbers["distinct_neurons"] == 1
    assert numbers["saturated"] == 0.0  # not stuck: the neurons stay equal although they learn
    assert numbers["final_loss"] < numbers["initial_loss"] - 5
    W1, b1 = widget.trained.weights[0], widget.trained.biases[0]
    assert not np.allclose(W1, widget.start.weights[0])  # they did move ...
    assert np.allclose(W1, W1[:, :1]) and np.allclose(b1, b1[0])  # ... all in step
    assert np.allclose(widget.A2_trained, widget.A2_trained[:, :1])
    assert "1 of 8" in widget.status.value


def test_setting_a_control_redraws_the_picture(widget):
    set_controls(widget, 1.0)
    before = widget.image.value
    widget.weight_scale.value = 30.0
    assert widget.image.value != before
    assert widget.history.alpha == widget.alpha
