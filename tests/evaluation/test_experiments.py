"""Experiments on training: the loss on flowers trained on against flowers never seen, and learning curves."""

import numpy as np
import pytest

from nosmoke_lib import evaluation, load_iris, scaler

# -- train vs test ---------------------------------------------------------------------------------


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


# -- learning curves -------------------------------------------------------------------------------


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


def test_snapshots_give_back_the_network_and_its_loss_at_each_epoch():
    from nosmoke_lib import Network, evaluation, load_iris

    iris = load_iris()
    X, y = iris.X[::5], iris.y[::5]
    net, history = evaluation.train_with_snapshots(X, y, [4, 3, 3], alpha=0.01, epochs=40, record_every=20)
    assert [epoch for epoch, _, _ in history.snapshots] == [0, 20, 40]
    fresh = Network([4, 3, 3], seed=0)
    fresh.fit(X, y, alpha=0.01, epochs=20)
    at_20 = evaluation.network_at(net, history.snapshots[1])
    assert all((a == b).all() for a, b in zip(at_20.weights, fresh.weights))
    assert (
        evaluation.loss_at(history, 20) == history.loss[19] and evaluation.loss_at(history, 0) == history.initial_loss
    )
    epochs, J = evaluation.loss_along(net, history, X, y)
    assert epochs.tolist() == [0, 20, 40] and J[1] == pytest.approx(fresh.loss(X, y))


def test_train_test_data_scales_with_the_training_flowers_only():
    from nosmoke_lib import evaluation, load_iris

    iris = load_iris()
    X_few, X_new, y_few, y_new = evaluation.train_test_data(iris.X, iris.y, n_train=12, features=(2, 3), seed=3)
    assert X_few.shape == (12, 2) and X_new.shape == (50, 2) and len(y_few) == 12 and len(y_new) == 50
    assert abs(X_few.mean(axis=0)).max() < 1e-12 and abs(X_new.mean(axis=0)).max() > 1e-3
