"""Plots and the gradient check given the wrong things: a clear error naming the argument."""

import matplotlib.pyplot as plt
import pytest

from nosmoke_lib import Network, gradient_check, numerical_gradients, plots

NET = Network([2, 2, 1], seed=0)

CASES = [
    ("draw no network", lambda: plots.draw_network(None), TypeError, ["net", "Network"]),
    ("draw a list", lambda: plots.draw_network([[1, 2]]), TypeError, ["net"]),
    ("matmul of 0 rows", lambda: plots.draw_matmul(0, 2, 3), ValueError, ["n_rows", ">= 1"]),
    ("matmul of text", lambda: plots.draw_matmul(2, "2", 3), TypeError, ["n_inner"]),
    ("loss of text", lambda: plots.plot_loss("abc"), TypeError, ["history"]),
    ("loss of None", lambda: plots.plot_loss(None), TypeError, ["history"]),
    ("loss of a 3-D array", lambda: plots.plot_loss([[[1.0]]]), ValueError, ["history"]),
    ("projector mode 'on'", lambda: plots.projector_mode("yes"), TypeError, ["on", "True or False"]),
    ("activation unknown", lambda: plots.plot_activation("swish"), ValueError, ["activation", "swish"]),
    ("gradient check eps 0", lambda: gradient_check(NET, [[1.0, 2.0]], [[1.0]], eps=0), ValueError, ["eps", "> 0"]),
    ("gradient check of None", lambda: gradient_check(None, [[1.0, 2.0]], [[1.0]]), TypeError, ["net", "Network"]),
    (
        "numerical gradients eps text",
        lambda: numerical_gradients(NET, [[1.0, 2.0]], [[1.0]], eps="1e-5"),
        TypeError,
        ["eps"],
    ),
]


@pytest.mark.parametrize("name, call, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_bad_call_is_refused_naming_the_argument(name, call, error, words):
    try:
        with pytest.raises(error) as info:
            call()
    finally:
        plt.close("all")
    for word in words:
        assert word in str(info.value), f"{name}: {word!r} not in {info.value}"
