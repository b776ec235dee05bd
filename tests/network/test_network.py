"""Network: shapes, the forward pass, the loss, one step of training, snapshots, copying, bad input.

Saving is in ``test_saving.py``; the History a fit returns and the progress bar are in ``tests/training/``.
"""

import warnings

import numpy as np
import pytest

from nosmoke_lib import Network, split
from nosmoke_lib.core.activations import get_activation

from .helpers import assert_same_params, params

REFERENCE_F = {
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.where(z > 0, z, 0.0),
    "identity": lambda z: z,
}


def no_warnings():
    """A context in which any warning fails the test."""
    context = warnings.catch_warnings()
    context.__enter__()
    warnings.simplefilter("error")
    return context


# -- construction and parameters -------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [[4, 8, 3], [2, 1], [3, 5, 4, 2], [7, 1, 1, 6]])
@pytest.mark.parametrize("bias", [True, False])
def test_weight_and_bias_shapes(sizes, bias):
    net = Network(sizes, bias=bias)
    assert [W.shape for W in net.weights] == list(zip(sizes[:-1], sizes[1:], strict=True))
    if bias:
        assert [b.shape for b in net.biases] == [(n,) for n in sizes[1:]]
        assert all(np.all(b == 0.0) for b in net.biases)  # biases start at 0
    else:
        assert net.biases is None
    assert all(W.dtype == np.float64 for W in net.weights)


def test_initial_weights_are_random_and_scaled():
    net = Network([400, 300, 2], seed=0)
    W = net.weights[0]
    assert abs(W.mean()) < 0.01
    assert W.std() == pytest.approx(1 / np.sqrt(400), rel=0.02)  # N(0, (1/sqrt(n_in))**2)
    half = Network([400, 300, 2], seed=0, weight_scale=0.5)
    np.testing.assert_allclose(half.weights[0], 0.5 * W)


def test_weights_are_live_views(data):
    X, _, _ = data
    net = Network([4, 8, 3], seed=0)
    before = net.forward(X)[-1]
    net.weights[0][...] = 0.0  # in place, through the property
    acts = net.forward(X)
    assert np.all(acts[1] == 0.5)  # sigmoid(X @ 0 + 0)
    assert not np.allclose(acts[-1], before)
    net.biases[0][:] = 1.0
    np.testing.assert_allclose(net.forward(X)[1], 1.0 / (1.0 + np.exp(-1.0)))
    net.weights[1] *= 0.0
    net.biases[1][:] = -2.0
    np.testing.assert_allclose(net.predict_proba(X), 1.0 / (1.0 + np.exp(2.0)))


def test_set_parameters_copies_and_checks_shapes():
    net = Network([3, 2, 1], seed=0)
    W = [np.ones((3, 2)), 2 * np.ones((2, 1))]
    b = [np.full(2, 0.5), np.full(1, -0.5)]
    net.set_parameters(W, b)
    assert np.array_equal(net.weights[1], W[1]) and np.array_equal(net.biases[0], b[0])
    W[0][0, 0] = 99.0
    assert net.weights[0][0, 0] == 1.0
    with pytest.raises(ValueError, match=r"weights\[0\]"):
        net.set_parameters([np.ones((2, 3)), W[1]], b)
    with pytest.raises(ValueError, match="weights"):
        net.set_parameters(W[:1], b)
    with pytest.raises(ValueError, match="biases"):
        net.set_parameters(W, None)


# -- the forward pass and the loss -----------------------------------------------------------------


@pytest.mark.parametrize("bias", [True, False])
def test_forward_equals_a_hand_written_cascade(rng, bias):
    names = ["tanh", "relu", "sigmoid", "identity"]
    net = Network([4, 6, 5, 3, 2], activation=names, bias=bias, seed=3)
    if bias:
        for b in net.biases:
            b[:] = rng.normal(size=b.shape)
    X = rng.normal(size=(7, 4))
    acts = net.forward(X)
    assert len(acts) == 5
    assert np.array_equal(acts[0], X)  # X first
    A = X
    for i, name in enumerate(names):
        z = A @ net.weights[i] + (net.biases[i] if bias else 0.0)
        A = REFERENCE_F[name](z)  # L_next = f(L @ W + b)
        np.testing.assert_allclose(acts[i + 1], A, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(net.predict_proba(X), A, rtol=1e-12, atol=1e-14)


def test_forward_takes_a_single_sample_as_one_row():
    net = Network([4, 8, 3], seed=0)
    sample = [5.1, 3.5, 1.4, 0.2]
    acts = net.forward(sample)
    assert [A.shape for A in acts] == [(1, 4), (1, 8), (1, 3)]
    assert np.array_equal(acts[-1], net.forward([sample])[-1])


def test_predict_is_argmax_of_predict_proba(data):
    X, _, _ = data
    net = Network([4, 8, 3], seed=1)
    proba = net.predict_proba(X)
    assert np.array_equal(net.predict(X), np.argmax(proba, axis=1))
    assert np.array_equal(proba, net.forward(X)[-1])


def test_loss_is_half_the_sum_of_squared_errors(data):
    X, y, Y = data
    net = Network([4, 8, 3], seed=2)
    Yhat = net.predict_proba(X)
    expected = 0.5 * np.sum((Y - Yhat) ** 2)
    assert net.loss(X, Y) == pytest.approx(expected, rel=1e-14)
    assert net.loss(X, y) == pytest.approx(expected, rel=1e-14)  # labels are one-hot encoded
    assert isinstance(net.loss(X, Y), float)


def test_loss_is_summed_not_averaged(data):
    X, _, Y = data
    net = Network([4, 8, 3], seed=2)
    twice = net.loss(np.vstack([X, X]), np.vstack([Y, Y]))
    assert twice == pytest.approx(2 * net.loss(X, Y), rel=1e-14)


def test_class_labels_are_one_hot_encoded(data):
    X, y, Y = data
    net = Network([4, 8, 3], seed=4)
    dW_labels, db_labels = net.gradients(X, y)
    dW_onehot, db_onehot = net.gradients(X, Y)
    assert all(np.array_equal(a, b) for a, b in zip(dW_labels + db_labels, dW_onehot + db_onehot, strict=True))
    h_labels = net.copy().fit(X, y, epochs=5)
    h_onehot = net.copy().fit(X, Y, epochs=5)
    assert np.array_equal(h_labels.loss, h_onehot.loss)
    # Y must be the one-hot rows of the labels, not (say) the labels as a column
    assert net.loss(X, y) != pytest.approx(net.loss(X, np.tile(y[:, None], 3)))


def test_one_dimensional_targets_for_a_single_output_are_values(rng):
    X = rng.normal(size=(6, 3))
    t = rng.normal(size=6)
    net = Network([3, 4, 1], activation=["tanh", "identity"], seed=0)
    assert net.loss(X, t) == net.loss(X, t.reshape(-1, 1))
    expected = 0.5 * np.sum((t - net.predict_proba(X)[:, 0]) ** 2)
    assert net.loss(X, t) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("bias", [True, False])
def test_gradient_shapes(data, bias):
    X, y, _ = data
    net = Network([4, 8, 5, 3], bias=bias, seed=0)
    dW, db = net.gradients(X, y)
    assert [g.shape for g in dW] == [W.shape for W in net.weights]
    if bias:
        assert [g.shape for g in db] == [b.shape for b in net.biases]
    else:
        assert db is None


# -- one step of training --------------------------------------------------------------------------


@pytest.mark.parametrize("bias", [True, False])
def test_one_epoch_of_fit_is_one_gradient_step(iris_split, bias):
    X, _, y, _ = iris_split
    alpha = 0.01
    net = Network([4, 8, 3], bias=bias, seed=3)
    W0, b0 = params(net)
    dW, db = net.gradients(X, y)
    net.fit(X, y, alpha=alpha, epochs=1)
    for W_new, W, g in zip(net.weights, W0, dW, strict=True):
        assert not np.allclose(W_new, W, rtol=0, atol=1e-9)  # it did move
        np.testing.assert_allclose(W_new, W - alpha * g, rtol=1e-12, atol=1e-13)
    if bias:
        for b_new, b, g in zip(net.biases, b0, db, strict=True):
            np.testing.assert_allclose(b_new, b - alpha * g, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("bias", [True, False])
def test_two_epochs_with_momentum(iris_split, bias):
    X, _, y, _ = iris_split
    alpha, m = 0.01, 0.9
    net = Network([4, 8, 3], bias=bias, seed=5)
    step_by_hand = net.copy()

    W0, b0 = params(step_by_hand)
    dW0, db0 = step_by_hand.gradients(X, y)
    vW = [-alpha * g for g in dW0]  # v = m*0 - alpha*dW
    W1 = [W + v for W, v in zip(W0, vW, strict=True)]
    if bias:
        vb = [-alpha * g for g in db0]
        b1 = [b + v for b, v in zip(b0, vb, strict=True)]
    step_by_hand.set_parameters(W1, b1 if bias else None)
    dW1, db1 = step_by_hand.gradients(X, y)
    vW = [m * v - alpha * g for v, g in zip(vW, dW1, strict=True)]  # v = m*v - alpha*dW
    W2 = [W + v for W, v in zip(W1, vW, strict=True)]
    if bias:
        vb = [m * v - alpha * g for v, g in zip(vb, db1, strict=True)]
        b2 = [b + v for b, v in zip(b1, vb, strict=True)]

    hist = net.fit(X, y, alpha=alpha, epochs=2, momentum=m)
    assert hist.momentum == m
    for W_fit, W in zip(net.weights, W2, strict=True):
        np.testing.assert_allclose(W_fit, W, rtol=1e-12, atol=1e-13)
    if bias:
        for b_fit, b in zip(net.biases, b2, strict=True):
            np.testing.assert_allclose(b_fit, b, rtol=1e-12, atol=1e-13)

    without = Network([4, 8, 3], bias=bias, seed=5)
    without.fit(X, y, alpha=alpha, epochs=2)
    assert not np.allclose(without.weights[0], net.weights[0], rtol=0, atol=1e-9)


def test_same_seed_same_numbers_different_seed_different(iris_split):
    X, _, y, _ = iris_split
    a, b, c = Network([4, 8, 3], seed=7), Network([4, 8, 3], seed=7), Network([4, 8, 3], seed=8)
    assert_same_params(a, b)
    assert not np.array_equal(a.weights[0], c.weights[0])
    ha, hb, hc = (n.fit(X, y, epochs=200) for n in (a, b, c))
    assert np.array_equal(ha.loss, hb.loss)
    assert_same_params(a, b)
    assert not np.array_equal(ha.loss, hc.loss)


def test_default_training_classifies_iris(iris):
    """With the default alpha and epochs, a [4, 8, 3] network learns raw Iris from 60 flowers."""
    accuracies = []
    for split_seed in range(5):
        X_train, X_test, y_train, y_test = split(iris.X, iris.y, seed=split_seed)
        for net_seed in range(2):
            net = Network([4, 8, 3], seed=net_seed)
            hist = net.fit(X_train, y_train, progress=False)
            assert hist.diverged is None
            accuracies.append(np.mean(net.predict(X_test) == y_test))
    assert np.mean(accuracies) >= 0.95, accuracies


# -- divergence ------------------------------------------------------------------------------------


@pytest.mark.parametrize("activation", [["sigmoid", "identity"], "identity"])
def test_a_diverging_run_stops_quietly(iris_split, activation):
    X, _, y, _ = iris_split  # unscaled: features up to ~8, so alpha = 1 is far too large
    net = Network([4, 8, 3], activation=activation, seed=0)
    epochs = 1000
    context = no_warnings()
    try:
        hist = net.fit(X, y, alpha=1.0, epochs=epochs)
        text = repr(hist)
    finally:
        context.__exit__(None, None, None)
    assert isinstance(hist.diverged, int) and not isinstance(hist.diverged, bool)
    assert 1 <= hist.diverged <= epochs
    assert len(hist.loss) < epochs
    assert len(hist.loss) == hist.diverged - 1  # the epochs before the one that blew up
    assert np.all(np.isfinite(hist.loss))
    assert np.isfinite(hist.initial_loss) and np.isfinite(hist.final_loss)
    assert f"diverged at epoch {hist.diverged}" in text


def test_a_saturating_sigmoid_network_runs_to_the_end(iris_split):
    X, _, y, _ = iris_split
    net = Network([4, 8, 3], seed=0)
    context = no_warnings()
    try:
        hist = net.fit(X, y, alpha=1e4, epochs=300)
        proba = net.predict_proba(X)
    finally:
        context.__exit__(None, None, None)
    assert hist.diverged is None
    assert len(hist.loss) == 300
    assert np.all(np.isfinite(hist.loss))
    assert np.all(np.isfinite(proba))


# -- snapshots -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("epochs", "every", "expected"), [(25, 10, [0, 10, 20, 25]), (30, 10, [0, 10, 20, 30]), (5, 100, [0, 5])]
)
def test_snapshot_epochs(data, epochs, every, expected):
    X, y, _ = data
    hist = Network([4, 8, 3], seed=0).fit(X, y, epochs=epochs, record_every=every)
    assert [s[0] for s in hist.snapshots] == expected


@pytest.mark.parametrize("bias", [True, False])
def test_a_snapshot_is_the_network_after_that_many_epochs(iris_split, bias):
    X, _, y, _ = iris_split
    net = Network([4, 8, 3], bias=bias, seed=1)
    initial = params(net)
    hist = net.fit(X, y, alpha=0.01, epochs=25, record_every=10)
    for epoch, weights, biases in hist.snapshots:
        fresh = Network([4, 8, 3], bias=bias, seed=1)
        if epoch:
            fresh.fit(X, y, alpha=0.01, epochs=epoch)
        assert all(np.array_equal(w, W) for w, W in zip(weights, fresh.weights, strict=True))
        if bias:
            assert all(np.array_equal(b, B) for b, B in zip(biases, fresh.biases, strict=True))
        else:
            assert biases is None
    # copies, not live views: the first snapshot still holds the starting weights
    assert all(np.array_equal(w, W) for w, W in zip(hist.snapshots[0][1], initial[0], strict=True))
    assert all(np.array_equal(w, W) for w, W in zip(hist.snapshots[-1][1], net.weights, strict=True))


# -- copying, repr ---------------------------------------------------------------------------------


def test_copy_is_independent(iris_split):
    X, _, y, _ = iris_split
    net = Network([4, 8, 3], seed=0)
    twin = net.copy()
    assert_same_params(net, twin)
    assert np.array_equal(twin.predict_proba(X), net.predict_proba(X))
    kept = params(net)
    twin.weights[0][0, 0] += 1.0
    twin.biases[1][:] = 5.0
    twin.fit(X, y, epochs=3)
    for W, W_kept in zip(net.weights, kept[0], strict=True):
        assert np.array_equal(W, W_kept)
    for b, b_kept in zip(net.biases, kept[1], strict=True):
        assert np.array_equal(b, b_kept)
    net.fit(X, y, epochs=3)
    assert not np.array_equal(twin.weights[1], net.weights[1])


@pytest.mark.parametrize(
    ("sizes", "activation", "bias", "seed"),
    [([4, 8, 3], "sigmoid", True, 0), ([2, 5, 1], ["tanh", "identity"], False, 9)],
)
def test_repr_rebuilds_the_same_network(sizes, activation, bias, seed):
    net = Network(sizes, activation=activation, bias=bias, seed=seed)
    text = repr(net)
    assert text.startswith("Network(")
    rebuilt = eval(text, {"Network": Network})  # noqa: S307 - our own repr
    assert_same_params(rebuilt, net)
    assert [a.name for a in rebuilt.activations] == [a.name for a in net.activations]


def test_an_activation_object_is_accepted():
    tanh = get_activation("tanh")
    net = Network([3, 4, 2], activation=tanh, seed=0)
    assert [a.name for a in net.activations] == ["tanh", "tanh"]


# -- bad input -------------------------------------------------------------------------------------


def assert_rejected(call, name):
    """``call()`` raises ValueError or TypeError naming ``name``, never a numpy broadcasting error."""
    with pytest.raises((ValueError, TypeError), match=name) as info:
        call()
    message = str(info.value)
    assert "broadcast" not in message and "operand" not in message and "gufunc" not in message, message


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"sizes": 4}, "sizes"),
        ({"sizes": None}, "sizes"),
        ({"sizes": "4,8,3"}, "sizes"),
        ({"sizes": [4, 0, 3]}, r"sizes\[1\]"),
        ({"sizes": [0, 8, 3]}, r"sizes\[0\]"),
        ({"sizes": [4, -8, 3]}, r"sizes\[1\]"),
        ({"sizes": [4, 2.5, 3]}, r"sizes\[1\]"),
        ({"sizes": [4, "8", 3]}, r"sizes\[1\]"),
        ({"sizes": [4, True, 3]}, r"sizes\[1\]"),
        ({"sizes": [4]}, "sizes"),
        ({"sizes": []}, "sizes"),
        ({"activation": "sigmiod"}, "activation"),
        ({"activation": ["sigmoid", "softmax"]}, "activation"),
        ({"activation": ["sigmoid"]}, "activation"),
        ({"activation": ["sigmoid", "tanh", "relu"]}, "activation"),
        ({"activation": None}, "activation"),
        ({"activation": 3}, "activation"),
        ({"activation": [np.tanh, "sigmoid"]}, "activation"),
        ({"bias": "yes"}, "bias"),
        ({"bias": 1}, "bias"),
        ({"bias": None}, "bias"),
        ({"seed": "0"}, "seed"),
        ({"seed": 1.5}, "seed"),
        ({"weight_scale": -1.0}, "weight_scale"),
        ({"weight_scale": float("nan")}, "weight_scale"),
    ],
)
def test_bad_network_arguments(kwargs, name):
    arguments = {"sizes": [4, 8, 3]} | kwargs
    assert_rejected(lambda: Network(**arguments), name)


BAD_X = {
    "wrong number of columns": np.ones((5, 3)),
    "too many columns": np.ones((5, 5)),
    "3-D": np.ones((5, 4, 1)),
    "empty": np.empty((0, 4)),
    "empty list": [],
    "NaN": np.array([[1.0, 2.0, np.nan, 4.0]] * 5),
    "inf": np.array([[1.0, np.inf, 3.0, 4.0]] * 5),
    "-inf": np.array([[1.0, -np.inf, 3.0, 4.0]] * 5),
    "strings": [["a", "b", "c", "d"]] * 5,
    "a file name": "iris.csv",
    "None": None,
    "ragged": [[1.0, 2.0, 3.0, 4.0], [1.0, 2.0]],
}


@pytest.mark.parametrize("method", ["fit", "loss", "gradients", "forward", "predict", "predict_proba"])
@pytest.mark.parametrize("case", list(BAD_X))
def test_bad_X(data, method, case):
    _, y, _ = data
    net = Network([4, 8, 3], seed=0)
    kept = net.copy()
    bound = getattr(net, method)
    args = (BAD_X[case], y) if method in ("fit", "loss", "gradients") else (BAD_X[case],)
    assert_rejected(lambda: bound(*args), r"\bX\b")
    assert_same_params(net, kept)


BAD_Y = {
    "wrong number of columns": np.ones((5, 2)),
    "one column for three outputs": np.ones((5, 1)),
    "3-D": np.ones((5, 3, 1)),
    "too few rows": np.ones((4, 3)),
    "too many rows": np.ones((6, 3)),
    "too few labels": np.array([0, 1, 2, 0]),
    "too many labels": np.array([0, 1, 2, 0, 1, 2]),
    "label too large": np.array([0, 1, 3, 0, 1]),
    "label equal to outputs": np.array([0, 1, 2, 0, 3]),
    "negative label": np.array([0, -1, 2, 0, 1]),
    "fractional labels": np.array([0.0, 0.5, 1.0, 2.0, 1.0]),
    "NaN": np.full((5, 3), np.nan),
    "inf": np.full((5, 3), np.inf),
    "class names": ["setosa", "virginica", "setosa", "setosa", "versicolor"],
    "a string": "species",
    "None": None,
    "empty": np.empty((0, 3)),
}


@pytest.mark.parametrize("method", ["fit", "loss", "gradients"])
@pytest.mark.parametrize("case", list(BAD_Y))
def test_bad_Y(data, method, case):
    X, _, _ = data
    net = Network([4, 8, 3], seed=0)
    kept = net.copy()
    assert_rejected(lambda: getattr(net, method)(X, BAD_Y[case]), r"\bY\b")
    assert_same_params(net, kept)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"alpha": 0}, "alpha"),
        ({"alpha": 0.0}, "alpha"),
        ({"alpha": -1}, "alpha"),
        ({"alpha": float("nan")}, "alpha"),
        ({"alpha": float("inf")}, "alpha"),
        ({"alpha": "0.1"}, "alpha"),
        ({"alpha": None}, "alpha"),
        ({"alpha": [0.1]}, "alpha"),
        ({"alpha": True}, "alpha"),
        ({"epochs": 0}, "epochs"),
        ({"epochs": -5}, "epochs"),
        ({"epochs": 2.5}, "epochs"),
        ({"epochs": 10.0}, "epochs"),
        ({"epochs": "10"}, "epochs"),
        ({"epochs": None}, "epochs"),
        ({"momentum": -0.1}, "momentum"),
        ({"momentum": 1.0}, "momentum"),
        ({"momentum": 1.5}, "momentum"),
        ({"momentum": float("nan")}, "momentum"),
        ({"momentum": "0.9"}, "momentum"),
        ({"record_every": 0}, "record_every"),
        ({"record_every": -1}, "record_every"),
        ({"record_every": 2.5}, "record_every"),
        ({"progress": "yes"}, "progress"),
    ],
)
def test_bad_fit_settings(data, kwargs, name):
    X, y, _ = data
    net = Network([4, 8, 3], seed=0)
    kept = net.copy()
    assert_rejected(lambda: net.fit(X, y, **kwargs), name)
    assert_same_params(net, kept)
    assert net.trained_with == {}


def test_good_numpy_scalars_are_accepted(data):
    X, y, _ = data
    hist = Network([np.int64(4), 8, 3], seed=np.int32(0)).fit(X, y, alpha=np.float32(0.01), epochs=np.int64(3))
    assert len(hist.loss) == 3


def test_numbers_written_as_text_are_rejected_not_converted():
    net = Network([2, 1])
    with pytest.raises(TypeError, match="X must be a 2-D array of numbers"):
        net.forward([["5.1", "3.5"]])
    with pytest.raises(TypeError, match="Y must be a 2-D array of numbers"):
        net.fit([[5.1, 3.5]], [["1"]])


def test_mini_batches_step_once_per_batch_in_order():
    rng = np.random.default_rng(3)
    X, Y = rng.normal(size=(7, 3)), rng.random((7, 2))
    net, by_hand = Network([3, 4, 2], seed=1), Network([3, 4, 2], seed=1)
    net.fit(X, Y, alpha=0.1, epochs=1, batch_size=3)
    for rows in (slice(0, 3), slice(3, 6), slice(6, 7)):  # batches of 3, 3 and the last 1
        dW, db = by_hand.gradients(X[rows], Y[rows])
        for W, b, gW, gb in zip(by_hand.weights, by_hand.biases, dW, db):
            W -= 0.1 * gW
            b -= 0.1 * gb
    for W, W_hand in zip(net.weights, by_hand.weights):
        assert np.allclose(W, W_hand)


def test_full_batch_ignores_order_and_shuffled_batches_are_seeded():
    rng = np.random.default_rng(4)
    X, Y = rng.normal(size=(12, 3)), rng.random((12, 2))
    full = Network([3, 4, 2]).fit(X, Y, epochs=20, alpha=0.05)
    same = Network([3, 4, 2]).fit(X, Y, epochs=20, alpha=0.05, batch_size=12, shuffle=True)
    assert np.allclose(full.loss, same.loss)
    first = Network([3, 4, 2]).fit(X, Y, epochs=20, alpha=0.05, batch_size=4, shuffle=True)
    again = Network([3, 4, 2]).fit(X, Y, epochs=20, alpha=0.05, batch_size=4, shuffle=True)
    in_order = Network([3, 4, 2]).fit(X, Y, epochs=20, alpha=0.05, batch_size=4)
    assert np.array_equal(first.loss, again.loss)
    assert not np.allclose(first.loss, in_order.loss)


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"batch_size": 0}, ValueError, "batch_size"),
        ({"batch_size": 61}, ValueError, "batch_size"),
        ({"batch_size": 2.5}, TypeError, "batch_size"),
        ({"shuffle": "yes"}, TypeError, "shuffle"),
    ],
)
def test_bad_batch_options(options, error, match):
    X = np.random.default_rng(0).normal(size=(60, 4))
    with pytest.raises(error, match=match):
        Network([4, 3]).fit(X, np.zeros((60, 3)), epochs=1, **options)


def test_tol_stops_a_run_that_has_converged(iris_split):
    X_train, _, y_train, _ = iris_split
    hist = Network([4, 8, 3]).fit(X_train, y_train, epochs=20000, tol=1e-3, patience=20)
    assert hist.stopped == "converged" and hist.epochs_run < 20000
    assert np.all(-np.diff(hist.loss[-21:]) < 1e-3)  # 20 epochs in a row improved by less than tol
    assert "converged after" in repr(hist)


def test_tol_zero_never_stops_a_descent_that_keeps_improving(iris_split):
    X_train, _, y_train, _ = iris_split
    hist = Network([4, 8, 3]).fit(X_train, y_train, alpha=0.001, epochs=500, tol=0.0, patience=5)
    assert hist.stopped == "finished" and hist.epochs_run == 500


def test_early_stopping_keeps_the_best_weights(iris):
    X_few, X_val, y_few, y_val = split(iris.X, iris.y, n_train=9, n_test=60, seed=1)
    options = {"alpha": 0.05, "epochs": 5000}
    hist = (net := Network([4, 30, 3], seed=2)).fit(X_few, y_few, validation=(X_val, y_val), patience=100, **options)
    assert hist.stopped == "early stopping"
    assert hist.best_epoch >= 1 and hist.validation_loss[hist.best_epoch - 1] == hist.validation_loss.min()
    assert hist.epochs_run == hist.best_epoch + 100
    fresh = Network([4, 30, 3], seed=2)
    fresh.fit(X_few, y_few, alpha=0.05, epochs=hist.best_epoch)
    assert np.allclose(net.predict_proba(X_val), fresh.predict_proba(X_val))
    assert hist.final_loss == pytest.approx(fresh.loss(X_few, y_few))


def test_early_stopping_runs_on_while_the_validation_loss_improves(iris_split):
    X_train, _, y_train, _ = iris_split
    hist = Network([4, 8, 3]).fit(X_train, y_train, alpha=0.001, epochs=300, validation=(X_train, y_train))
    assert hist.stopped == "finished" and hist.best_epoch == 300
    assert np.allclose(hist.validation_loss, hist.loss)


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"tol": -1}, ValueError, "tol"),
        ({"tol": "small"}, TypeError, "tol"),
        ({"patience": 0}, ValueError, "patience"),
        ({"validation": np.ones((3, 4))}, TypeError, "validation"),
        ({"validation": (np.ones((3, 5)), [0, 1, 2])}, ValueError, "X_val"),
        ({"validation": (np.ones((3, 4)), [0, 1])}, ValueError, "Y"),
    ],
)
def test_bad_stopping_options(options, error, match):
    X = np.random.default_rng(0).normal(size=(6, 4))
    with pytest.raises(error, match=match):
        Network([4, 3]).fit(X, [0, 1, 2, 0, 1, 2], epochs=1, **options)
