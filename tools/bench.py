"""How fast is nosmoke_lib? ``python tools/bench.py [--quick]``, from the repository's root, prints a table.

Measured in one run, each timing the median of several repeats (``time.perf_counter``):

- microseconds per training epoch on the slide's Iris set (60 flowers, 4-8-3,
  bias, sigmoid) for ``Network.fit``, for the same network written entry by
  entry in pure Python (as the original C# program looped over every matrix
  entry), and for scikit-learn's ``MLPClassifier`` set up as close as it
  allows (full batch, plain SGD, logistic hidden layer; its output layer and
  loss are softmax + log-loss, so it is a speed comparison, not the same maths);
- the original program's run: 4-3-3, no bias, alpha 0.005, 1,000,000 epochs
  (``--quick``: 100,000);
- the time the widgets take to answer: the training widget retraining and redrawing
  when a slider is released, a replay step, a representation step, a run-a-case answer;
- the time ``import nosmoke_lib`` takes in a fresh interpreter.

To add a measurement, write a function returning a number and add a ``Row``
to the list in ``rows()``.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import numpy as np

from nosmoke_lib import Network, load_iris, split

EPOCHS_NOSMOKE = 2000  # epochs per timed run, chosen so each run takes ~0.05 s or more
EPOCHS_LOOPS = 10
EPOCHS_MLP = 500
REPEATS = 5


@cache
def iris_train_test():
    """The slide's split of raw Iris: 60 flowers to train on, 35 to test with."""
    iris = load_iris()
    return split(iris.X, iris.y, seed=0)


def median_seconds(run: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median wall-clock time of ``run()`` over ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the network written element by element -----------------------------------------------------


def fit_loops(weights, biases, X, Y, alpha, epochs):
    """Full-batch backpropagation with Python lists and a loop over every matrix entry.

    The same maths as ``Network.fit`` (sigmoid everywhere, J = 1/2 sum (Y - Yhat)^2),
    written the way the original C# program wrote it: no matrix library at all.
    Returns the trained weights and biases as lists of lists.
    """
    W = [[list(row) for row in layer] for layer in weights]
    b = [list(layer) for layer in biases]
    n = len(X)
    for _ in range(epochs):
        A = [X]  # forward: every neuron of every layer, one sample at a time
        for Wl, bl in zip(W, b, strict=True):
            layer = []
            for a in A[-1]:
                out = []
                for j in range(len(bl)):
                    z = bl[j]
                    for i in range(len(a)):
                        z += a[i] * Wl[i][j]
                    out.append(1.0 / (1.0 + math.exp(-z)))
                layer.append(out)
            A.append(layer)
        # backward: delta = (Yhat - Y) * f'(Yhat), then through each layer's weights
        delta = [
            [(yh - y) * yh * (1.0 - yh) for yh, y in zip(row_hat, row, strict=True)]
            for row_hat, row in zip(A[-1], Y, strict=True)
        ]
        for k in reversed(range(len(W))):
            prev = A[k]
            if k > 0:  # the error one layer back, computed before W[k] changes
                back = []
                for s in range(n):
                    row = []
                    for i in range(len(prev[s])):
                        total = 0.0
                        for j in range(len(delta[s])):
                            total += delta[s][j] * W[k][i][j]
                        row.append(total * prev[s][i] * (1.0 - prev[s][i]))
                    back.append(row)
            for i in range(len(W[k])):
                for j in range(len(W[k][i])):
                    grad = 0.0
                    for s in range(n):
                        grad += prev[s][i] * delta[s][j]
                    W[k][i][j] -= alpha * grad
            for j in range(len(b[k])):
                grad = 0.0
                for s in range(n):
                    grad += delta[s][j]
                b[k][j] -= alpha * grad
            if k > 0:
                delta = back
    return W, b


def _loop_inputs(net: Network):
    X_train, _, y_train, _ = iris_train_test()
    Y = np.eye(net.sizes[-1])[y_train]
    weights = [W.tolist() for W in net.weights]
    biases = [b.tolist() for b in net.biases]
    return weights, biases, X_train.tolist(), Y.tolist()


@cache
def check_loops_match_network(epochs: int = 5) -> bool:
    """Assert that ``fit_loops`` trains to the same weights as ``Network.fit``: a fair comparison."""
    X_train, _, y_train, _ = iris_train_test()
    net = Network([4, 8, 3], seed=0)
    W, b = fit_loops(*_loop_inputs(net), alpha=0.01, epochs=epochs)
    net.fit(X_train, y_train, alpha=0.01, epochs=epochs, progress=False)
    for mine, theirs in zip(W + b, net.weights + net.biases, strict=True):
        assert np.allclose(mine, theirs, rtol=1e-10, atol=1e-12), "fit_loops and Network.fit disagree"
    return True


# -- the measurements ---------------------------------------------------------------------------


@cache
def us_per_epoch_nosmoke() -> float:
    """Microseconds per epoch of ``Network([4, 8, 3]).fit`` on the 60 training flowers."""
    X_train, _, y_train, _ = iris_train_test()

    def run():
        Network([4, 8, 3], seed=0).fit(X_train, y_train, alpha=0.01, epochs=EPOCHS_NOSMOKE, progress=False)

    run()  # warm up
    return median_seconds(run, repeats=2 * REPEATS + 1) / EPOCHS_NOSMOKE * 1e6


@cache
def us_per_epoch_loops() -> float:
    """Microseconds per epoch of ``fit_loops``, the same network in pure Python."""
    check_loops_match_network()
    inputs = _loop_inputs(Network([4, 8, 3], seed=0))
    return median_seconds(lambda: fit_loops(*inputs, alpha=0.01, epochs=EPOCHS_LOOPS)) / EPOCHS_LOOPS * 1e6


@cache
def us_per_epoch_mlp() -> float:
    """Microseconds per epoch of scikit-learn's MLPClassifier, full-batch SGD, every epoch run."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X_train, _, y_train, _ = iris_train_test()

    def run():
        mlp = MLPClassifier(
            hidden_layer_sizes=(8,),
            activation="logistic",
            solver="sgd",
            batch_size=len(X_train),
            momentum=0.0,
            learning_rate_init=0.01,
            alpha=0.0,
            shuffle=False,
            max_iter=EPOCHS_MLP,
            n_iter_no_change=EPOCHS_MLP + 1,
            random_state=0,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            mlp.fit(X_train, y_train)
        assert mlp.n_iter_ == EPOCHS_MLP, f"MLPClassifier stopped after {mlp.n_iter_} epochs"

    run()  # warm up
    return median_seconds(run) / EPOCHS_MLP * 1e6


@cache
def original_run(epochs: int = 1_000_000) -> dict:
    """The original program's training: 4-3-3, sigmoid, no bias, alpha 0.005; run once."""
    X_train, X_test, y_train, y_test = iris_train_test()
    net = Network([4, 3, 3], bias=False, seed=0)
    start = time.perf_counter()
    hist = net.fit(X_train, y_train, alpha=0.005, epochs=epochs, progress=False)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "loss": hist.final_loss,
        "accuracy": float(np.mean(net.predict(X_test) == y_test)),
        "diverged": hist.diverged,
    }


def ms_per_training_widget_update() -> float:
    """Milliseconds for the Iris training widget to retrain and redraw at its defaults (a slider released)."""
    from nosmoke_lib.widgets import training_widget

    X_train, X_test, y_train, y_test = iris_train_test()
    widget = training_widget(X_train, y_train, [4, 8, 3], X_test=X_test, Y_test=y_test)
    return median_seconds(widget.update, repeats=9) * 1000


def ms_per_snapshot(widget, repeats: int = 15) -> float:
    """Median milliseconds for a snapshot widget to show another recorded epoch after its slider moved (no training)."""
    epochs = list(range(0, widget.n_epochs + 1, widget.record_every))
    start, times = widget.epoch.value, []
    for k in range(repeats):
        began = time.perf_counter()
        widget.epoch.value = epochs[k % (len(epochs) - 1)]  # what dragging the slider does: one redraw
        times.append(time.perf_counter() - began)
    widget.epoch.value = start
    return statistics.median(times) * 1000


def ms_per_replay_step() -> float:
    """Milliseconds for the replay widget to show another recorded epoch (no training)."""
    from nosmoke_lib.widgets import replay_widget

    X_train, _, y_train, _ = iris_train_test()
    return ms_per_snapshot(replay_widget(X_train, y_train))


def ms_per_representation_step() -> float:
    """Milliseconds for the representation widget to show another recorded epoch."""
    from nosmoke_lib.widgets import representation_widget

    X_train, _, y_train, _ = iris_train_test()
    return ms_per_snapshot(representation_widget(X_train, y_train))


def ms_per_run_case_update() -> float:
    """Milliseconds for "run a case" to answer a changed measurement."""
    from nosmoke_lib.widgets import run_case_widget

    X_train, X_test, y_train, y_test = iris_train_test()
    net = Network([4, 8, 3], seed=0)
    net.fit(X_train, y_train)
    widget = run_case_widget(net, X_test, y_test, ["SL", "SW", "PL", "PW"], ["setosa", "versicolor", "virginica"])
    return median_seconds(widget.update, repeats=15) * 1000


def import_seconds(runs: int = 5) -> float:
    """Median time of ``import nosmoke_lib`` in ``runs`` fresh interpreters."""
    code = "import time; t=time.perf_counter(); import nosmoke_lib; print(time.perf_counter()-t)"
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(done.stdout.strip()))
    return statistics.median(times)


# -- the table ----------------------------------------------------------------------------------


class Row(NamedTuple):
    """One line of the table: ``function()`` returns the number shown in ``unit``.

    ``target`` is ``(">=", 8.0)``, ``("<", 25.0)`` and so on, or None for a figure without one.
    """

    name: str
    function: Callable[[], float]
    unit: str = ""
    target: tuple[str, float] | None = None


def rows(quick: bool = False) -> list[Row]:
    """The table's rows, in order. Add a measurement here."""
    epochs = 100_000 if quick else 1_000_000
    limit = 25.0 * epochs / 1_000_000  # the 1M-epoch target, scaled for --quick
    return [
        Row("Iris 4-8-3, 60 samples: nosmoke Network.fit", us_per_epoch_nosmoke, "us/epoch"),
        Row("  same network, pure-Python loops", us_per_epoch_loops, "us/epoch"),
        Row("  scikit-learn MLPClassifier (sgd, full batch)", us_per_epoch_mlp, "us/epoch"),
        Row("  speed-up: MLPClassifier / nosmoke", lambda: us_per_epoch_mlp() / us_per_epoch_nosmoke(), "x", (">=", 8)),
        Row("  speed-up: loops / nosmoke", lambda: us_per_epoch_loops() / us_per_epoch_nosmoke(), "x", (">=", 50)),
        Row(
            f"original 4-3-3, no bias, {epochs:,} epochs: time",
            lambda: original_run(epochs)["seconds"],
            "s",
            ("<", limit),
        ),
        Row("  final loss J", lambda: original_run(epochs)["loss"]),
        Row("  test accuracy (35 flowers)", lambda: 100 * original_run(epochs)["accuracy"], "%"),
        Row("training widget: retrain + redraw, defaults", ms_per_training_widget_update, "ms", ("<=", 150)),
        Row("replay widget: one step (3 panels)", ms_per_replay_step, "ms", ("<=", 150)),
        Row("representation widget: one step", ms_per_representation_step, "ms", ("<=", 150)),
        Row("run-a-case widget: one answer", ms_per_run_case_update, "ms", ("<=", 150)),
        Row("import nosmoke_lib (median of 5 processes)", import_seconds, "s", ("<", 0.3)),
    ]


def _format(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:#.4g}"


def _passes(value: float, target: tuple[str, float]) -> bool:
    op, bound = target
    return {">=": value >= bound, ">": value > bound, "<=": value <= bound, "<": value < bound}[op]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/bench.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="run the original configuration for 100,000 epochs, not 1,000,000"
    )
    args = parser.parse_args(argv)

    import sklearn

    print(
        f"nosmoke_lib bench | Python {platform.python_version()}, numpy {np.__version__}, "
        f"scikit-learn {sklearn.__version__} | {os.cpu_count()} CPUs | timings: median of repeats"
    )
    widths = (48, 12, 9, 9, 6)
    header = ("measure", "value", "unit", "target", "")
    print("  ".join(f"{h:<{w}}" for h, w in zip(header, widths, strict=True)).rstrip())
    print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    missed = 0
    for row in rows(quick=args.quick):
        value = float(row.function())
        target, mark = "", ""
        if row.target is not None:
            target = f"{row.target[0]} {row.target[1]:g}"
            ok = _passes(value, row.target)
            mark = "PASS" if ok else "MISS"
            missed += not ok
        cells = (row.name, _format(value), row.unit, target, mark)
        print(
            f"{cells[0]:<{widths[0]}}  {cells[1]:>{widths[1]}}  "
            + "  ".join(f"{c:<{w}}" for c, w in zip(cells[2:], widths[2:], strict=True)).rstrip(),
            flush=True,
        )
    print(f"{missed} target(s) missed" if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
