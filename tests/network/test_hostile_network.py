"""Hostile and careless calls to Network and fit: a clear error naming the argument, never a silent wrong answer."""

import threading
import warnings

import numpy as np
import pytest

from nosmoke_lib import Network
from nosmoke_lib.network.network import MAX_EPOCHS

X4 = np.random.default_rng(0).normal(size=(12, 4))
Y3 = np.tile([0, 1, 2], 4)

# (id, a call, error type, words the message must contain)
CASES = [
    ("billion neurons", lambda: Network([4, 10**9, 3]), ValueError, ["sizes", "weights and biases", "at most"]),
    ("sizes as a set", lambda: Network({4, 8, 3}), TypeError, ["sizes"]),
    ("sizes as text", lambda: Network("4,8,3"), TypeError, ["sizes"]),
    ("sizes as a dict", lambda: Network({4: 1, 3: 2}), TypeError, ["sizes"]),
    ("a layer of 0", lambda: Network([4, 0, 3]), ValueError, ["sizes[1]", ">= 1"]),
    ("a float size", lambda: Network([4, 8.5, 3]), TypeError, ["sizes[1]", "whole number"]),
    ("one layer", lambda: Network([4]), ValueError, ["sizes", "at least"]),
    ("negative seed", lambda: Network([4, 3], seed=-1), ValueError, ["seed", ">= 0"]),
    ("float seed", lambda: Network([4, 3], seed=1.5), TypeError, ["seed"]),
    ("bias as text", lambda: Network([4, 3], bias="yes"), TypeError, ["bias"]),
    ("unknown activation", lambda: Network([4, 3], activation="softmax"), ValueError, ["activation", "softmax"]),
    ("too few activations", lambda: Network([4, 5, 3], activation=["tanh"]), ValueError, ["activation", "2"]),
    ("huge weight scale", lambda: Network([4, 3], weight_scale=10**400), ValueError, ["weight_scale", "finite"]),
    ("1-D X", lambda: Network([1, 2]).predict(np.arange(20.0)), ValueError, ["X", "reshape(-1, 1)"]),
    ("X with 3 columns", lambda: Network([4, 3]).predict(X4[:, :3]), ValueError, ["X", "4 columns"]),
    ("complex X", lambda: Network([2, 1]).predict([[1 + 2j, 3]]), TypeError, ["X", "complex"]),
    ("text X", lambda: Network([2, 1]).predict([["1", "2"]]), TypeError, ["X", "numbers"]),
    ("ragged X", lambda: Network([2, 1]).predict([[1, 2], [3]]), TypeError, ["X"]),
    ("nan X", lambda: Network([2, 1]).predict([[np.nan, 1]]), ValueError, ["X", "finite", "row 0"]),
    ("empty X", lambda: Network([2, 1]).predict(np.empty((0, 2))), ValueError, ["X", "empty"]),
    ("3-D X", lambda: Network([2, 1]).predict(np.ones((2, 2, 2))), ValueError, ["X", "2-D"]),
    ("label too big", lambda: Network([4, 3]).fit(X4, Y3 + 1), ValueError, ["Y", "class 3", "3 outputs"]),
    ("negative label", lambda: Network([4, 3]).fit(X4, Y3 - 1), ValueError, ["Y", ">= 0"]),
    ("float labels", lambda: Network([4, 3]).fit(X4, Y3 + 0.5), TypeError, ["Y", "whole-number"]),
    ("Y rows", lambda: Network([4, 3]).fit(X4, Y3[:5]), ValueError, ["Y", "12"]),
    ("alpha 0", lambda: Network([4, 3]).fit(X4, Y3, alpha=0), ValueError, ["alpha", "> 0"]),
    ("alpha text", lambda: Network([4, 3]).fit(X4, Y3, alpha="0.1"), TypeError, ["alpha", "number"]),
    ("alpha bool", lambda: Network([4, 3]).fit(X4, Y3, alpha=True), TypeError, ["alpha", "number"]),
    ("alpha nan", lambda: Network([4, 3]).fit(X4, Y3, alpha=float("nan")), ValueError, ["alpha", "finite"]),
    ("alpha 10**400", lambda: Network([4, 3]).fit(X4, Y3, alpha=10**400), ValueError, ["alpha", "finite"]),
    ("epochs 10**12", lambda: Network([4, 3]).fit(X4, Y3, epochs=10**12), ValueError, ["epochs", f"{MAX_EPOCHS}"]),
    ("epochs 0", lambda: Network([4, 3]).fit(X4, Y3, epochs=0), ValueError, ["epochs", ">= 1"]),
    ("epochs float", lambda: Network([4, 3]).fit(X4, Y3, epochs=10.0), TypeError, ["epochs", "whole number"]),
    ("momentum 1", lambda: Network([4, 3]).fit(X4, Y3, momentum=1.0), ValueError, ["momentum", "< 1"]),
    ("batch too big", lambda: Network([4, 3]).fit(X4, Y3, batch_size=13), ValueError, ["batch_size", "<= 12"]),
    ("shuffle text", lambda: Network([4, 3]).fit(X4, Y3, shuffle="yes"), TypeError, ["shuffle"]),
    (
        "a snapshot every epoch of a long run",
        lambda: Network([4, 3]).fit(X4, Y3, epochs=10**6, record_every=1),
        ValueError,
        ["record_every", "snapshots"],
    ),
    ("validation not a pair", lambda: Network([4, 3]).fit(X4, Y3, validation=X4), TypeError, ["validation"]),
    ("validation columns", lambda: Network([4, 3]).fit(X4, Y3, validation=(X4[:, :2], Y3)), ValueError, ["X_val"]),
    ("tol negative", lambda: Network([4, 3]).fit(X4, Y3, tol=-1), ValueError, ["tol", ">= 0"]),
    ("patience 0", lambda: Network([4, 3]).fit(X4, Y3, patience=0), ValueError, ["patience", ">= 1"]),
    ("progress text", lambda: Network([4, 3]).fit(X4, Y3, progress="yes"), TypeError, ["progress"]),
    ("weights None", lambda: Network([4, 3]).set_parameters(None, [np.zeros(3)]), ValueError, ["weights"]),
    ("weights a dict", lambda: Network([4, 3]).set_parameters({0: 1}, [np.zeros(3)]), TypeError, ["weights"]),
    (
        "biases for no bias",
        lambda: Network([4, 3], bias=False).set_parameters([np.ones((4, 3))], [1]),
        ValueError,
        ["biases"],
    ),
]


@pytest.mark.parametrize("name, call, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_bad_call_is_refused_naming_the_argument(name, call, error, words):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(error) as info:
            call()
    for word in words:
        assert word in str(info.value), f"{name}: {word!r} not in {info.value}"


@pytest.mark.parametrize("alpha", [0.5, 5.0, 1e6, 1e300])
def test_a_diverged_run_keeps_the_last_finite_weights_and_final_loss_is_their_J(alpha):
    net = Network([4, 8, 3], ["relu", "identity"], seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = net.fit(X4 * 10, Y3, alpha=alpha, epochs=300)
        assert history.diverged is not None
        assert all(np.isfinite(W).all() for W in net.weights + net.biases)
        assert history.final_loss == net.loss(X4 * 10, Y3)
        twin = Network([4, 8, 3], ["relu", "identity"], seed=0)
        if history.diverged > 1:
            twin.fit(X4 * 10, Y3, alpha=alpha, epochs=history.diverged - 1)
        assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, twin.weights + twin.biases))
        assert f"weights of epoch {max(history.diverged - 1, 0)} kept" in repr(history)
        net.predict(X4)  # still usable, and quietly so


@pytest.mark.parametrize("options", [{}, {"tol": 1e-3, "patience": 3}, {"validation": (X4[:6], Y3[:6])}])
def test_final_loss_is_always_the_networks_loss(options):
    net = Network([4, 5, 3], seed=1)
    history = net.fit(X4, Y3, alpha=0.05, epochs=200, **options)
    assert history.final_loss == net.loss(X4, Y3)


def test_fit_twice_counts_every_epoch_in_trained_with():
    net = Network([4, 3], seed=0)
    net.fit(X4, Y3, epochs=30)
    net.fit(X4, Y3, epochs=20, alpha=0.02)
    assert net.trained_with["epochs"] == 50
    assert [run["epochs"] for run in net.trained_with["runs"]] == [30, 20]
    assert net.trained_with["alpha"] == 0.02


def test_weights_made_infinite_by_hand_are_refused_not_predicted_from():
    net = Network([4, 3])
    net.weights[0][0, 0] = np.inf
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"weights\[0\].*inf or nan"):
            net.predict(X4)


def test_a_second_thread_cannot_train_the_same_network_at_once():
    net, errors, started = Network([4, 8, 3], seed=0), [], threading.Event()
    original = net._training

    class Announcing:  # the lock, saying when the first fit holds it
        def acquire(self, blocking=True):
            got = original.acquire(blocking)
            started.set()
            return got

        def release(self):
            original.release()

    net._training = Announcing()
    first = threading.Thread(target=lambda: net.fit(X4, Y3, epochs=30_000, progress=False))
    first.start()
    started.wait(5)
    try:
        net.fit(X4, Y3, epochs=10)
    except RuntimeError as problem:
        errors.append(str(problem))
    first.join()
    assert errors and "another thread" in errors[0] and "net.copy()" in errors[0]
