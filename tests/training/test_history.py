"""What ``Network.fit`` returns: the loss after each epoch, the settings, how the run ended."""

import numpy as np
import pytest

from nosmoke_lib import History, Network


def test_history_records_the_loss_after_each_epoch(iris_split):
    X, _, y, _ = iris_split
    net = Network([4, 8, 3], seed=0)
    before = net.loss(X, y)
    after_one = net.copy()
    after_one.fit(X, y, alpha=0.01, epochs=1)

    hist = net.fit(X, y, alpha=0.01, epochs=50)
    assert isinstance(hist, History)
    assert isinstance(hist.loss, np.ndarray) and hist.loss.shape == (50,)
    assert hist.initial_loss == pytest.approx(before, rel=1e-12)
    assert hist.loss[0] == pytest.approx(after_one.loss(X, y), rel=1e-12)
    assert hist.loss[-1] == pytest.approx(net.loss(X, y), rel=1e-12)
    assert hist.final_loss == hist.loss[-1]
    assert hist.loss[-1] < hist.initial_loss
    assert hist.diverged is None
    assert (hist.alpha, hist.epochs, hist.momentum) == (0.01, 50, 0.0)
    assert hist.seconds > 0
    assert hist.snapshots == []
    assert net.trained_with == {"alpha": 0.01, "epochs": 50, "momentum": 0.0}
    assert "J=" in repr(hist)
