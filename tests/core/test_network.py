"""The teaching core: short enough to read in one sitting, and the maths the slides say."""

import ast
import inspect
from pathlib import Path

import numpy as np

import nosmoke_lib
from nosmoke_lib import Network, one_hot
from nosmoke_lib.core import network as core
from nosmoke_lib.core.gradcheck import numerical_gradients, relative_error

CORE = Path(nosmoke_lib.__file__).parent / "core"


def test_the_core_is_at_most_300_lines_docstrings_included():
    lines = sum(len(path.read_text().splitlines()) for path in CORE.glob("*.py"))
    assert lines <= 300, f"nosmoke_lib/core/ has {lines} lines; a learner reads it in one sitting only at <= 300"


def test_the_core_uses_no_speed_tricks():
    for path in CORE.glob("*.py"):
        assert "out=" not in path.read_text(), f"{path.name} writes into buffers: that belongs in training/"


def test_the_core_imports_only_numpy_scipy_and_the_boundary_checks():
    allowed = {"numpy", "scipy.special", "collections.abc", "dataclasses", "_validate"}
    for path in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").lstrip(".") in allowed, f"{path.name} imports {node.module}"
            elif isinstance(node, ast.Import):
                assert all(alias.name in allowed for alias in node.names), f"{path.name} imports {node.names}"


def test_every_core_function_prints_as_source():
    source = inspect.getsource(core.train)
    assert "gradients(net, X, Y)" in source and "step(net, dW, db, alpha)" in source
    assert len(source.splitlines()) <= 15


def test_train_returns_J_before_and_after_every_epoch_and_goes_downhill(rng):
    net = Network([4, 8, 3], seed=0)
    X, Y = rng.normal(size=(30, 4)), one_hot(rng.integers(0, 3, 30), 3)
    J = core.train(net, X, Y, alpha=0.01, epochs=40)
    assert len(J) == 41
    assert J[0] == core.loss(Network([4, 8, 3], seed=0), X, Y)
    assert J[-1] == core.loss(net, X, Y)
    assert np.all(np.diff(J) < 0), "a small alpha must lower J at every step"


def test_one_step_moves_every_weight_against_its_slope(rng):
    net = Network([3, 4, 2], seed=1)
    X, Y = rng.normal(size=(5, 3)), rng.random((5, 2))
    before = [W.copy() for W in net.weights] + [b.copy() for b in net.biases]
    dW, db = core.gradients(net, X, Y)
    core.step(net, dW, db, alpha=0.1)
    for old, new, g in zip(before, net.weights + net.biases, dW + db, strict=True):
        np.testing.assert_allclose(new, old - 0.1 * g, rtol=1e-15, atol=1e-15)


def test_backpropagation_is_the_numerical_gradient(rng):
    for bias in (True, False):
        net = Network([3, 5, 4, 2], ["tanh", "bent_identity", "sigmoid"], bias=bias, seed=2)
        X, Y = rng.normal(size=(6, 3)), rng.random((6, 2))
        dW, db = core.gradients(net, X, Y)
        nW, nb = numerical_gradients(net, X, Y)
        assert relative_error(dW + (db or []), nW + (nb or [])) < 1e-8


def test_forward_returns_every_layers_output_and_net_input(rng):
    net = Network([4, 8, 3], seed=0)
    X = rng.normal(size=(7, 4))
    A, Z = core.forward(net, X)
    assert [a.shape for a in A] == [(7, 4), (7, 8), (7, 3)]
    np.testing.assert_allclose(Z[0], X @ net.weights[0] + net.biases[0], rtol=1e-15)
    np.testing.assert_allclose(A[1], 1 / (1 + np.exp(-Z[0])), rtol=1e-14)
