"""The lessons' widgets, driven headless: one neuron, the activations, the cascade of layers, 1-D descent."""

import numpy as np
import pytest

from nosmoke_lib import sigmoid
from nosmoke_lib import widgets as w


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
