"""Replay and representation, driven headless: move a control as a learner would, check the numbers."""

import numpy as np
import pytest

from nosmoke_lib import Network, load_iris, split, widgets

ALPHA, EPOCHS, EVERY = 0.01, 400, 20  # short runs: the same code paths as the defaults, quicker


@pytest.fixture(scope="module")
def iris_train():
    iris = load_iris()
    X_train, _, y_train, _ = split(iris.X, iris.y, seed=0)
    return X_train, y_train


@pytest.fixture(scope="module")
def replay(iris_train):
    X, y = iris_train
    return widgets.replay_widget(X, y, features=(2, 3), alpha=ALPHA, epochs=EPOCHS, record_every=EVERY)


def fresh(sizes, X, y, epochs):
    net = Network(sizes, seed=0)
    net.fit(X, y, alpha=ALPHA, epochs=epochs)
    return net


# -- replay_widget ---------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 7, EPOCHS // EVERY])
def test_replay_slider_shows_the_parameters_of_a_fresh_network_trained_that_long(replay, iris_train, k):
    X, y = iris_train
    trained = replay.history
    replay.epoch.value = k * EVERY
    assert replay.frame.epoch == k * EVERY
    twin = fresh([2, 8, 3], X[:, [2, 3]], y, k * EVERY)
    shown = replay.frame.network
    for mine, theirs in zip(shown.weights + shown.biases, twin.weights + twin.biases):
        assert np.allclose(mine, theirs)
    assert replay.marker.get_xdata()[0] == k * EVERY
    assert replay.marker.get_ydata()[0] == pytest.approx(twin.loss(X[:, [2, 3]], y))
    assert replay.history is trained, "moving the slider must not retrain"


def test_replay_draws_the_snapshot_regions_and_weights(replay, iris_train):
    X, y = iris_train
    replay.epoch.value = 0
    start_png, start_widths = replay.image.value, [line.get_linewidth() for line in replay.synapses]
    replay.epoch.value = EPOCHS
    assert replay.image.value != start_png
    net = replay.frame.network
    assert np.array_equal(replay.regions_image.get_array(), net.predict(replay.points).reshape(60, 60))
    weights = np.concatenate([W.ravel() for W in net.weights])
    widths = np.array([line.get_linewidth() for line in replay.synapses])
    assert np.allclose(widths, 0.3 + 6.0 * np.abs(weights) / replay.biggest_weight)
    assert widths.mean() > np.mean(start_widths), "the weights grew during training"
    assert "training accuracy" in replay.status.value and f"epoch {EPOCHS}" in replay.status.value


def test_play_button_is_linked_to_the_slider(replay):
    play, slider = replay.play, replay.epoch
    assert (play.min, play.max, play.step) == (slider.min, slider.max, slider.step) == (0, EPOCHS, EVERY)
    assert len(replay.history.snapshots) == EPOCHS // EVERY + 1


def test_changing_a_feature_dropdown_retrains_on_those_features(iris_train):
    X, y = iris_train
    widget = widgets.replay_widget(X, y, features=(2, 3), alpha=ALPHA, epochs=EPOCHS, record_every=EVERY)
    widget.epoch.value = 10 * EVERY
    before = widget.history
    widget.feature_x.value = 0
    assert widget.features == (0, 3) and widget.history is not before
    assert np.array_equal(widget.X2, X[:, [0, 3]])
    twin = fresh([2, 8, 3], X[:, [0, 3]], y, EPOCHS)
    assert np.array_equal(widget.history.loss, Network([2, 8, 3], seed=0).fit(X[:, [0, 3]], y, ALPHA, EPOCHS).loss)
    widget.epoch.value = EPOCHS
    assert np.allclose(widget.frame.network.weights[0], twin.weights[0])
    assert widget.regions_ax.get_xlabel().startswith("sepal_length")


def test_epochs_must_be_a_multiple_of_record_every(iris_train):
    X, y = iris_train
    with pytest.raises(ValueError, match="multiple of record_every"):
        widgets.replay_widget(X, y, epochs=100, record_every=30)


# -- representation_widget -------------------------------------------------------------------------


@pytest.mark.parametrize("k", [0, 5, EPOCHS // EVERY])
def test_representation_widget_plots_the_hidden_layer_of_that_snapshot(iris_train, k):
    X, y = iris_train
    widget = widgets.representation_widget(X, y, alpha=ALPHA, epochs=EPOCHS, record_every=EVERY)
    widget.epoch.value = k * EVERY
    net = Network([4, 2, 3], seed=0)
    if k:
        net.fit(X, y, alpha=ALPHA, epochs=k * EVERY)
    A2 = net.forward(X)[1]
    for species, scatter in enumerate(widget.points):
        assert np.allclose(scatter.get_offsets(), A2[y == species])
    assert np.allclose(widget.frame.A2, A2)
    assert widget.marker.get_xdata()[0] == k * EVERY


def test_training_moves_the_species_apart_in_the_hidden_layer(iris_train):
    X, y = iris_train
    widget = widgets.representation_widget(X, y, epochs=2000, record_every=25)
    widget.epoch.value = 0
    before = widget.frame.A2.copy()
    widget.epoch.value = 2000
    after = widget.frame.A2

    def closest_centres(A2):
        centres = [A2[y == c].mean(axis=0) for c in range(3)]
        return min(np.linalg.norm(a - b) for i, a in enumerate(centres) for b in centres[i + 1 :])

    assert closest_centres(after) > 5 * closest_centres(before)


# -- take the setting home: the code line under each widget gives what the widget shows ------------


@pytest.mark.parametrize("epoch", [0, EVERY, 13 * EVERY, EPOCHS])
def test_replay_code_line_gives_the_network_on_show(iris_train, epoch):
    X, y = iris_train
    widget = widgets.replay_widget(X, y, features=(2, 3), alpha=ALPHA, epochs=EPOCHS, record_every=EVERY)
    widget.feature_x.value = 0  # a dropdown retrains: the code follows
    widget.epoch.value = epoch
    assert "X_train[:, [0, 3]]" in widget.code or epoch == 0
    result = eval(widget.code, {"Network": Network, "X_train": X, "y_train": y})
    if epoch == 0:  # untrained: the line builds the network and trains nothing
        assert isinstance(result, Network)
        J = result.loss(X[:, [0, 3]], y)
    else:
        J = result.final_loss
    assert f"J = {J:.4g}," in widget.status.value
    assert np.allclose(widget.frame.J, J)
    assert widget.code_box.value.endswith(f"epochs={epoch})</code>" if epoch else "seed=0)</code>")


def test_representation_code_line_gives_the_network_on_show(iris_train):
    X, y = iris_train
    widget = widgets.representation_widget(X, y, alpha=ALPHA, epochs=EPOCHS, record_every=EVERY)
    widget.epoch.value = 7 * EVERY
    assert widget.code == f"Network([4, 2, 3], seed=0).fit(X_train, y_train, alpha={ALPHA}, epochs={7 * EVERY})"
    history = eval(widget.code, {"Network": Network, "X_train": X, "y_train": y})
    assert f"J = {history.final_loss:.4g}," in widget.status.value


# -- show weights: the numbers of the snapshot on the replay's network -----------------------------


def test_show_weights_writes_each_snapshots_weights_and_biases_without_retraining(iris_train):
    X, y = iris_train
    widget = widgets.replay_widget(X, y, features=(2, 3), alpha=ALPHA, epochs=EPOCHS, record_every=EVERY)
    assert not widget.weight_labels and widget.figure.get_size_inches()[1] == 4
    trained, before = widget.history, widget.image.value
    widget.show_weights.value = True
    assert widget.history is trained, "ticking the box only redraws"
    assert widget.image.value != before and widget.figure.get_size_inches()[1] > 4, "the network gets room"
    for epoch in (EVERY, EPOCHS):
        widget.epoch.value = epoch
        net = widget.frame.network
        weights = np.concatenate([W.ravel() for W in net.weights])
        assert [t.get_text() for t in widget.weight_labels] == [f"{w:.2f}" for w in weights]
        assert [t.get_text() for t in widget.bias_labels] == [f"{b:.2f}" for b in np.concatenate(net.biases)]
    assert "numbers: the weights" in widget.network_ax.get_title()
    widget.show_weights.value = False
    assert not widget.weight_labels and widget.history is trained


def test_show_weights_on_a_network_too_big_says_so(iris_train):
    X, y = iris_train
    widget = widgets.replay_widget(X, y, hidden=16, alpha=ALPHA, epochs=100, record_every=50, show_weights=True)
    assert not widget.weight_labels and not widget.bias_labels
    assert "80 synapses are too many" in widget.network_ax.get_title()
