"""Replay, representation and overfitting, driven headless: move a control as a learner would, check the numbers."""

import numpy as np
import pytest

from nosmoke_lib import Network, evaluation, load_iris, scaler, split, widgets

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


def test_train_test_curves_measure_the_loss_per_flower():
    iris = load_iris()
    curves = evaluation.train_test_curves(iris.X, iris.y, n_train=10, hidden=4, epochs=200, record_every=50)
    assert curves.epochs.tolist() == [0, 50, 100, 150, 200] and curves.n_train == 10
    X_pool, X_test, y_pool, y_test = evaluation.hold_out_test_set(iris.X[:, [0, 1]], iris.y)
    X_train, y_train = evaluation.training_subset(X_pool, y_pool, 10)
    scale = scaler(X_train, "standard")
    net = curves.network
    assert curves.train_J[-1] == pytest.approx(net.loss(scale.transform(X_train), y_train) / 10)
    assert curves.test_J[-1] == pytest.approx(net.loss(scale.transform(X_test), y_test) / 50)
    assert np.allclose(curves.gap, curves.test_J - curves.train_J)


def test_training_subsets_are_stratified_and_drawn_from_the_pool_only():
    iris = load_iris()
    numbered = np.column_stack([np.arange(150), iris.X])  # column 0 tells which flower a row is
    pool, test, y_pool, y_test = evaluation.hold_out_test_set(numbered, iris.y)
    assert len(test) == 50 and len(pool) == 100 and np.bincount(y_test).min() >= 16
    assert not set(test[:, 0]) & set(pool[:, 0])
    for n in (6, 30, 100):
        X_train, y_train = evaluation.training_subset(pool, y_pool, n)
        assert len(X_train) == n and np.bincount(y_train, minlength=3).min() >= n // 3 - 1
        assert set(X_train[:, 0]) <= set(pool[:, 0])
    again = evaluation.hold_out_test_set(numbered, iris.y)[1]
    assert np.array_equal(again, test), "the same test flowers every time"


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


def test_learning_curve_has_the_requested_sizes_and_trains_better_than_it_tests_on_few_flowers():
    iris = load_iris()
    sizes = [6, 10, 20]
    curve = evaluation.learning_curve(iris.X, iris.y, sizes=sizes, epochs=500, features=(0, 1), seeds=(0, 1, 2))
    assert curve.sizes.tolist() == sizes
    for values in (curve.train_accuracy, curve.test_accuracy, curve.train_J, curve.test_J):
        assert values.shape == (3,)
    assert np.all((0 <= curve.test_accuracy) & (curve.test_accuracy <= 1))
    assert curve.train_accuracy.mean() >= curve.test_accuracy.mean()
    assert curve.train_J.mean() < curve.test_J.mean()


def test_learning_curve_averages_the_runs_it_names():
    iris = load_iris()
    curve = evaluation.learning_curve(iris.X, iris.y, sizes=[10], hidden=4, epochs=300, features=(0, 1), seeds=(0, 1))
    runs = [evaluation.train_test_curves(iris.X, iris.y, 10, 4, 300, (0, 1), seed=s) for s in (0, 1)]
    assert curve.train_accuracy[0] == pytest.approx(np.mean([run.train_accuracy for run in runs]))
    assert curve.test_accuracy[0] == pytest.approx(np.mean([run.test_accuracy for run in runs]))
    assert curve.train_J[0] == pytest.approx(np.mean([run.train_J[-1] for run in runs]))
    assert curve.test_J[0] == pytest.approx(np.mean([run.test_J[-1] for run in runs]))


# -- take the setting home: the code line under each widget gives what the widget shows ------------


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


# -- show weights: the numbers of the snapshot on the replay's network ------------------------------


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
