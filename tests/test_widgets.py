"""The widgets, driven headless: set a control's value as a slider would, check the numbers and the picture."""

import ipywidgets
import numpy as np
import pytest

from nosmoke_lib import Network, load_iris, sigmoid, split
from nosmoke_lib import widgets as w


@pytest.fixture(scope="module")
def iris_split():
    iris = load_iris()
    return split(iris.X, iris.y, seed=0)


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


def test_display_carries_a_static_png_for_readers_without_a_kernel(iris_split):
    X_train, _, y_train, _ = iris_split
    bundle = w.training_widget(X_train, y_train, [4, 8, 3], epochs=50)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    import base64

    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")


def test_neuron_widget_computes_the_weighted_sum():
    x = np.array([5.1, 3.5, 1.4, 0.2])
    widget = w.neuron_widget(x)
    for slider, value in zip(widget.weight_sliders, [0.2, -0.4, 1.0, 0.5]):
        slider.value = value
    widget.bias_slider.value = -1.5
    z = x @ np.array([0.2, -0.4, 1.0, 0.5]) - 1.5
    assert widget.z == pytest.approx(z)
    assert widget.output == pytest.approx(float(sigmoid(z)))


def test_activation_widget_switches_function():
    widget = w.activation_widget("sigmoid")
    before = widget.image.value
    widget.choice.value = "relu"
    f_line, df_line = widget.lines
    assert np.allclose(f_line.get_ydata(), np.maximum(f_line.get_xdata(), 0))
    assert widget.image.value != before


def test_cascade_widget_follows_depth_and_width():
    widget = w.cascade_widget()
    widget.depth.value, widget.width.value = 3, 5
    assert widget.sizes == [4, 5, 5, 5, 3]
    assert [W.shape for W in widget.network.weights] == [(4, 5), (5, 5), (5, 5), (5, 3)]
    assert "A5 (60, 3)" in widget.status.value


def test_descent_widget_converges_or_diverges_with_alpha():
    widget = w.descent_widget(lambda x: x**2, lambda x: 2 * x, x0=-2.5, alpha=0.1, steps=60)
    assert abs(widget.path.x[-1]) < 1e-3
    widget.alpha.value = 2.0
    assert widget.path.diverged is not None
    assert "diverged" in widget.status.value


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


def test_run_case_shows_each_class_and_the_verdict_or_undefined(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train)
    widget = w.run_case_widget(net, X_test, y_test, ["SL", "SW", "PL", "PW"], ["setosa", "versicolor", "virginica"])
    with widget.changing():
        for slider, value in zip(widget.sliders, [5.0, 3.4, 1.5, 0.2]):  # a typical setosa
            slider.value = value
    assert np.allclose(widget.probabilities, net.predict_proba([[5.0, 3.4, 1.5, 0.2]])[0])
    assert widget.verdict == 0 and "setosa" in widget.status.value
    undecided = np.where(net.predict_proba(X_test).max(axis=1) < 0.8)[0]
    with widget.changing():
        for slider, value in zip(widget.sliders, X_test[undecided[0]]):
            slider.value = value
    assert widget.verdict == -1 and "undefined" in widget.status.value


def test_generate_case_fills_a_test_sample_and_shows_its_true_class(iris_split):
    X_train, X_test, y_train, y_test = iris_split
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train)
    widget = w.run_case_widget(net, X_test, y_test, ["SL", "SW", "PL", "PW"], ["setosa", "versicolor", "virginica"])
    row = widget.generate_case()
    assert [s.value for s in widget.sliders] == X_test[row].tolist()
    assert np.allclose(widget.probabilities, net.predict_proba(X_test[row])[0])
    assert f"true class: <b>{['setosa', 'versicolor', 'virginica'][y_test[row]]}</b>" in widget.status.value
    widget.sliders[0].value = widget.sliders[0].min  # a hand-made change: no true class any more
    assert "true class" not in widget.status.value


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
