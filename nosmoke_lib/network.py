"""A fully connected neural network, trained by backpropagation and gradient descent.

This is the network of the talk, written to be read::

    A2 = f(X  @ W1 + b1)          forward: each layer is a matrix product
    A3 = f(A2 @ W2 + b2)          and an activation (the slide's L2, L3, ...)
    J  = 1/2 * sum((Y - Yhat)**2) the loss, summed over samples and outputs

    delta3 = (Yhat - Y) * f'(A3)  backward: the output error times the slope
    delta2 = (delta3 @ W2.T) * f'(A2)
    W2 -= alpha * A2.T @ delta3   each weight moves against its share of the error
    W1 -= alpha * X.T  @ delta2

``forward``, ``loss`` and ``gradients`` are those lines, one for one.
``fit`` runs the same lines many times; it only adds what makes them fast
(buffers allocated once, the bias folded into the weight matrix as a row
that multiplies a constant column of ones, as the original C# program did).
A test checks that one step of ``fit`` equals one step written from
``gradients``.

It is deliberately not a framework: no autograd, no mini-batches, no GPU.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._validate import _describe, as_int, as_labels, as_matrix, as_number
from .activations import ACTIVATIONS, get_activation

#: Training stops as diverged once J exceeds this many times its starting value.
DIVERGENCE_FACTOR = 1e6

_FORMAT = "nosmoke_lib.Network"


@dataclass
class History:
    """What happened during ``Network.fit``.

    Attributes
    ----------
    loss : np.ndarray
        ``loss[i]`` is J after epoch ``i + 1`` (so ``loss[-1]`` is the final
        loss). A diverged run keeps only the finite values it reached.
    initial_loss : float
        J of the weights training started from.
    diverged : int or None
        The epoch after which J became non-finite or rose above
        ``DIVERGENCE_FACTOR`` times ``initial_loss``; None if it never did.
    seconds : float
        Wall-clock training time.
    snapshots : list of (epoch, weights, biases)
        Copies of the parameters after ``epoch`` updates, every
        ``record_every`` epochs (epoch 0 and the last one included).
    alpha, epochs, momentum : float, int, float
        The settings the run used.
    """

    loss: np.ndarray
    initial_loss: float
    diverged: int | None
    seconds: float
    snapshots: list = field(default_factory=list)
    alpha: float = 0.0
    epochs: int = 0
    momentum: float = 0.0

    @property
    def final_loss(self) -> float:
        """J after the last epoch that ran (the starting J if none did)."""
        return float(self.loss[-1]) if len(self.loss) else self.initial_loss

    def __repr__(self) -> str:
        state = f"diverged at epoch {self.diverged}" if self.diverged is not None else f"J={self.final_loss:.4g}"
        return f"History(epochs={self.epochs}, alpha={self.alpha:g}, {state}, {self.seconds:.3f} s)"


class Network:
    """A fully connected network: ``Network([4, 8, 3])`` has 4 inputs, 8 hidden neurons, 3 outputs.

    Parameters
    ----------
    sizes : list of int
        Neurons per layer, input first. ``[4, 3, 3]`` is the talk's network.
    activation : str or list of str
        ``"sigmoid"`` (default), ``"tanh"``, ``"relu"``, ``"identity"`` or
        ``"bent_identity"``; one name for every layer or one per weight layer.
    bias : bool
        Give every neuron a bias (the talk's simplified network had none).
    seed : int
        Seeds the initial weights: same seed, same network, same numbers.
    weight_scale : float
        Initial weights are drawn from N(0, (weight_scale / sqrt(n_in))**2);
        biases start at 0.

    Examples
    --------
    >>> net = Network([4, 8, 3], seed=0)
    >>> [W.shape for W in net.weights]
    [(4, 8), (8, 3)]
    """

    def __init__(self, sizes, activation="sigmoid", bias=True, seed=0, weight_scale=1.0):
        if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
            raise TypeError(f"sizes must be a list of layer sizes such as [4, 8, 3]; got {_describe(sizes)}")
        if len(sizes) < 2:
            raise ValueError(f"sizes must name at least an input and an output layer, e.g. [4, 3]; got {list(sizes)}")
        self.sizes = [as_int(f"sizes[{i}]", n, low=1) for i, n in enumerate(sizes)]
        n_layers = len(self.sizes) - 1
        names = list(activation) if isinstance(activation, (list, tuple, np.ndarray)) else [activation] * n_layers
        if len(names) != n_layers:
            raise ValueError(
                f"activation must be one name or a list of {n_layers} (one per weight layer); got {len(names)}: {names}"
            )
        self.activations = [get_activation(name) for name in names]
        if not isinstance(bias, (bool, np.bool_)):
            raise TypeError(f"bias must be True or False; got {_describe(bias)}")
        self.bias = bool(bias)
        self.seed = as_int("seed", seed)
        self.weight_scale = as_number("weight_scale", weight_scale, low=0)
        self.trained_with: dict = {}

        # Each layer's weights W (n_in x n_out) and bias b share one matrix:
        # W on top, b as an extra last row. Then [A, 1] @ [[W], [b]] == A @ W + b.
        rng = np.random.default_rng(self.seed)
        self._params = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            P = np.zeros((n_in + self.bias, n_out))
            P[:n_in] = rng.normal(0.0, self.weight_scale / np.sqrt(n_in), size=(n_in, n_out))
            self._params.append(P)

    # -- parameters -------------------------------------------------------
    @property
    def weights(self) -> list:
        """The weight matrices W1, W2, ...: live views, ``weights[i].shape == (sizes[i], sizes[i+1])``."""
        return [P[:n_in] for P, n_in in zip(self._params, self.sizes)]

    @property
    def biases(self) -> list | None:
        """The bias vectors b1, b2, ... (live views), or None for a network without bias."""
        if not self.bias:
            return None
        return [P[n_in] for P, n_in in zip(self._params, self.sizes)]

    def set_parameters(self, weights, biases=None) -> None:
        """Replace every weight (and bias) with copies of the given arrays, checking shapes."""
        if len(weights) != len(self._params):
            raise ValueError(f"weights must be a list of {len(self._params)} matrices; got {len(weights)}")
        if self.bias and (biases is None or len(biases) != len(self._params)):
            raise ValueError(
                f"biases must be a list of {len(self._params)} vectors for a network with bias; got {biases!r:.60}"
            )
        for i, (P, n_in, n_out) in enumerate(zip(self._params, self.sizes, self.sizes[1:])):
            P[:n_in] = as_matrix(f"weights[{i}]", weights[i], n_cols=n_out, n_rows=n_in)
            if self.bias:
                P[n_in] = as_matrix(f"biases[{i}]", biases[i], n_cols=n_out, n_rows=1)[0]

    def copy(self) -> Network:
        """An independent copy with the same parameters."""
        twin = Network(self.sizes, [a.name for a in self.activations], self.bias, self.seed, self.weight_scale)
        for mine, theirs in zip(self._params, twin._params):
            theirs[...] = mine
        twin.trained_with = dict(self.trained_with)
        return twin

    # -- the maths, written to be read ------------------------------------
    def _layers(self):
        biases = self.biases or [None] * len(self._params)
        return zip(self.weights, biases, self.activations)

    def forward(self, X) -> list:
        """Every layer's output for the samples in X: ``[X, A2, A3, ..., Yhat]``.

        Parameters
        ----------
        X : array of shape (n_samples, sizes[0])

        Examples
        --------
        >>> acts = Network([4, 8, 3]).forward([[5.1, 3.5, 1.4, 0.2]])
        >>> [A.shape for A in acts]
        [(1, 4), (1, 8), (1, 3)]
        """
        return self._forward(as_matrix("X", X, n_cols=self.sizes[0]))[0]

    def _forward(self, X):
        A, Z = [X], []
        for W, b, act in self._layers():
            z = A[-1] @ W if b is None else A[-1] @ W + b  # net input of every neuron
            Z.append(z)
            A.append(act.f(z))  # L_next = f(L @ W)
        return A, Z

    def predict_proba(self, X) -> np.ndarray:
        """The output layer's values (Yhat), one row per sample."""
        return self.forward(X)[-1]

    def predict(self, X) -> np.ndarray:
        """The class with the largest output, per sample."""
        return np.argmax(self.predict_proba(X), axis=1)

    def _targets(self, Y, n: int) -> np.ndarray:
        """Y as a matrix of output targets; class labels (1-D) are one-hot encoded."""
        k = self.sizes[-1]
        if np.ndim(Y) == 1 and k > 1 and not isinstance(Y, (str, bytes)):
            labels = as_labels("Y", Y, n=n)
            if labels.max() >= k:
                raise ValueError(
                    f"Y holds class {labels.max()}, but the network has only {k} outputs (classes 0..{k - 1})"
                )
            return np.eye(k)[labels]
        if np.ndim(Y) == 1 and k == 1:
            Y = np.reshape(Y, (-1, 1))
        return as_matrix("Y", Y, n_cols=k, n_rows=n)

    def loss(self, X, Y) -> float:
        """J = 1/2 * sum((Y - Yhat)**2), summed over samples and outputs.

        The 1/2 cancels the 2 of the derivative (it is the slide's constant
        in front of the sum). ``Y`` may be one-hot rows or class labels.
        """
        X = as_matrix("X", X, n_cols=self.sizes[0])
        Y = self._targets(Y, len(X))
        Yhat = self._forward(X)[0][-1]
        return 0.5 * float(np.sum((Y - Yhat) ** 2))

    def gradients(self, X, Y):
        """dJ/dW and dJ/db for every layer, by backpropagation.

        Returns
        -------
        dW : list of arrays, the same shapes as ``weights``
        db : list of arrays, the same shapes as ``biases``, or None without bias

        Notes
        -----
        The output error is ``Yhat - Y`` (the code's sign, not the slide's
        ``Y - Yhat``): with it, ``W -= alpha * dW`` goes downhill.
        """
        X = as_matrix("X", X, n_cols=self.sizes[0])
        Y = self._targets(Y, len(X))
        A, Z = self._forward(X)
        weights = self.weights
        dW, db = [None] * len(weights), [None] * len(weights)
        delta = (A[-1] - Y) * self.activations[-1].df(Z[-1], A[-1])  # Error * f'(Yhat), element-wise
        for i in reversed(range(len(weights))):
            dW[i] = A[i].T @ delta  # how much each weight contributed to the error
            db[i] = delta.sum(axis=0)  # a bias is a weight on a constant input of 1
            if i > 0:
                delta = (delta @ weights[i].T) * self.activations[i - 1].df(Z[i - 1], A[i])
        return dW, (db if self.bias else None)

    # -- training ---------------------------------------------------------
    def fit(self, X, Y, alpha=0.01, epochs=2000, momentum=0.0, record_every=None, progress=None) -> History:
        """Train by full-batch gradient descent: every epoch sees all samples once.

        Parameters
        ----------
        X : array (n_samples, sizes[0])
        Y : array (n_samples, sizes[-1]), or class labels (n_samples,)
        alpha : float > 0
            The learning rate. J is *summed* over samples (as in the
            original), so the right alpha shrinks as the data grows.
            The defaults train raw Iris (60 samples, [4, 8, 3]) well.
        epochs : int >= 1
        momentum : float in [0, 1)
            Keeps a fraction of the previous step: ``v = momentum*v - alpha*dW``, ``W += v``.
        record_every : int or None
            Keep a copy of the weights every this many epochs, for replay.
        progress : bool or None
            Show a tqdm progress bar; None shows one when the run will
            take more than about 2 seconds.

        Returns
        -------
        History
            Loss per epoch, time, snapshots, and ``diverged``: training stops,
            without warnings, at the first epoch whose J is not finite or
            exceeds ``DIVERGENCE_FACTOR`` (a million) times the starting J:
            a run that far uphill never comes back. A saturating sigmoid
            network cannot blow up like that and simply runs to the end.

        Examples
        --------
        >>> hist = Network([2, 2, 1], seed=1).fit([[0, 0], [1, 1]], [[0], [1]], alpha=0.5, epochs=100)
        >>> hist.final_loss < hist.initial_loss
        True
        """
        X = as_matrix("X", X, n_cols=self.sizes[0])
        Y = self._targets(Y, len(X))
        alpha = as_number("alpha", alpha, low=0, low_open=True)
        epochs = as_int("epochs", epochs, low=1)
        momentum = as_number("momentum", momentum, low=0, high=1, high_open=True)
        if record_every is not None:
            record_every = as_int("record_every", record_every, low=1)
        if progress is not None and not isinstance(progress, bool):
            raise TypeError(f"progress must be True, False or None; got {_describe(progress)}")
        self.trained_with = {"alpha": alpha, "epochs": epochs, "momentum": momentum}
        start = time.perf_counter()
        with np.errstate(all="ignore"):  # a diverging run is reported, not warned about
            losses, initial, diverged, snapshots = self._descend(X, Y, alpha, epochs, momentum, record_every, progress)
        return History(losses, initial, diverged, time.perf_counter() - start, snapshots, alpha, epochs, momentum)

    def _descend(self, X, Y, alpha, epochs, momentum, record_every, progress):
        """The training loop of ``gradients`` + update, on buffers allocated once."""
        n, bias, sizes, acts = len(X), self.bias, self.sizes, self.activations
        L = len(self._params)
        # inputs[i] is layer i's input with, when there is a bias, a column of ones.
        inputs = [np.ones((n, size + bias)) for size in sizes[:-1]]
        inputs[0][:, : sizes[0]] = X
        Yhat = np.empty((n, sizes[-1]))
        A = [inputs[i][:, : sizes[i]] for i in range(1, L)] + [Yhat]  # layer outputs (views)
        Z = [np.empty((n, size)) for size in sizes[1:]]  # net inputs
        delta = [np.empty_like(z) for z in Z]
        slope = [np.empty_like(z) for z in Z]  # f'(z) per layer
        grad = [np.empty_like(P) for P in self._params]
        step = [np.zeros_like(P) for P in self._params]  # momentum's velocity
        inputs_T = [a.T for a in inputs]
        W_T = [P[: sizes[i]].T for i, P in enumerate(self._params)]  # live views, bias row left out
        error = np.empty_like(Yhat)

        losses = np.empty(epochs)
        initial, limit, diverged, snapshots = np.nan, np.inf, None, []
        bar, next_check, check_every, started = None, 1, max(1, epochs // 200), time.perf_counter()
        for epoch in range(epochs + 1):  # the last pass only measures the final J
            for i in range(L):  # forward
                np.matmul(inputs[i], self._params[i], out=Z[i])
                acts[i].f(Z[i], out=A[i])
            np.subtract(Yhat, Y, out=error)
            J = 0.5 * float(np.vdot(error, error))
            if epoch == 0:
                initial, limit = J, DIVERGENCE_FACTOR * J if J > 0 else np.inf
            else:
                losses[epoch - 1] = J
            if not J <= limit:  # also catches nan and inf
                diverged = epoch
                losses = losses[: max(epoch - 1, 0)]
                break
            if record_every and (epoch % record_every == 0 or epoch == epochs):
                snapshots.append(
                    (epoch, [w.copy() for w in self.weights], [b.copy() for b in self.biases] if bias else None)
                )
            if epoch == epochs:
                break

            acts[-1].df(Z[-1], Yhat, out=slope[-1])  # backward
            np.multiply(error, slope[-1], out=delta[-1])
            for i in reversed(range(L)):
                np.matmul(inputs_T[i], delta[i], out=grad[i])  # dJ/dW (and dJ/db in the last row)
                if i > 0:  # pass the error back through W, before W changes
                    np.matmul(delta[i], W_T[i], out=delta[i - 1])
                    acts[i - 1].df(Z[i - 1], A[i - 1], out=slope[i - 1])
                    delta[i - 1] *= slope[i - 1]
                if momentum:
                    step[i] *= momentum
                    grad[i] *= alpha
                    step[i] -= grad[i]
                    self._params[i] += step[i]
                else:
                    grad[i] *= alpha
                    self._params[i] -= grad[i]  # W -= alpha * dJ/dW

            if epoch == next_check:  # a progress bar only for long runs
                next_check += check_every
                elapsed = time.perf_counter() - started
                long_run = elapsed > 0.25 and elapsed / epoch * epochs > 2.0  # judged on 0.25 s, not on one noisy epoch
                if bar is None and (progress or (progress is None and long_run)):
                    from tqdm.auto import tqdm

                    bar = tqdm(total=epochs, initial=epoch, desc="training", unit="epoch", mininterval=0.5)
                elif bar is not None:
                    bar.update(epoch - bar.n)
        if bar is not None:
            bar.update(epoch - bar.n)
            bar.close()
        return losses, initial, diverged, snapshots

    # -- saving -----------------------------------------------------------
    def to_dict(self) -> dict:
        """Everything needed to rebuild this network, as plain JSON types."""
        return {
            "format": _FORMAT,
            "version": 1,
            "sizes": self.sizes,
            "activation": [a.name for a in self.activations],
            "bias": self.bias,
            "seed": self.seed,
            "weight_scale": self.weight_scale,
            "weights": [W.tolist() for W in self.weights],
            "biases": [b.tolist() for b in self.biases] if self.bias else None,
            "trained_with": self.trained_with,
        }

    def save(self, path) -> Path:
        """Write the network to a JSON file (no pickle: safe to share and to read)."""
        path = Path(path)
        path.write_text(json.dumps(self.to_dict(), indent=1))
        return path

    @classmethod
    def from_dict(cls, data: dict, source: str = "the data") -> Network:
        """Rebuild a network from ``to_dict``'s output, checking every field."""
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError(f'{source} is not a saved nosmoke_lib Network (no "format": "{_FORMAT}" field)')
        try:
            net = cls(
                data["sizes"], data["activation"], data["bias"], data.get("seed", 0), data.get("weight_scale", 1.0)
            )
            net.set_parameters(data["weights"], data["biases"])
        except KeyError as missing:
            raise ValueError(f"{source} has no {missing} field") from None
        except (TypeError, ValueError) as problem:
            raise ValueError(f"{source} holds a broken network: {problem}") from None
        net.trained_with = dict(data.get("trained_with") or {})
        return net

    @classmethod
    def load(cls, path) -> Network:
        """Read a network written by ``save``; predictions are bit-for-bit the same."""
        path = Path(path)
        if not path.is_file():
            raise ValueError(f"path: no file at {path}")
        try:
            data = json.loads(path.read_text())
        except (json.JSONDecodeError, UnicodeDecodeError) as problem:
            raise ValueError(f"{path} is not valid JSON: {problem}") from None
        return cls.from_dict(data, source=str(path))

    def __repr__(self) -> str:
        names = [a.name for a in self.activations]
        activation = names[0] if len(set(names)) == 1 else names
        return f"Network({self.sizes}, activation={activation!r}, bias={self.bias}, seed={self.seed})"


__all__ = ["Network", "History", "ACTIVATIONS", "DIVERGENCE_FACTOR"]
