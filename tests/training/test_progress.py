"""The progress bar of ``Network.fit``: shown on request, never for a short run."""

import time

from nosmoke_lib import Network
from nosmoke_lib.core.activations import Activation, get_activation


def test_no_progress_bar_for_a_short_run_with_a_slow_first_epoch(data, capsys):
    """A hiccup in the first epoch (a busy machine) must not make a 0.1 s run show a bar."""
    X, y, _ = data
    calls = []

    def slow_once(z):
        if not calls:
            time.sleep(0.02)  # at epoch 1 this looks like 2000 epochs * 20 ms = 40 s
        calls.append(1)
        return get_activation("sigmoid").f(z)

    slow = Activation("sigmoid", slow_once, get_activation("sigmoid").df)
    net = Network([4, 8, 3], activation=[slow, "sigmoid"], seed=0)
    hist = net.fit(X, y, epochs=2000)
    assert hist.seconds < 2.0
    assert capsys.readouterr().err == ""


def test_progress_bar_on_request(data, capsys):
    X, y, _ = data
    Network([4, 8, 3], seed=0).fit(X, y, epochs=10, progress=True)
    assert "training" in capsys.readouterr().err
    Network([4, 8, 3], seed=0).fit(X, y, epochs=10, progress=False)
    assert capsys.readouterr().err == ""
