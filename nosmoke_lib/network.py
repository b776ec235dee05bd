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
    stopped : str
        Why training ended: "finished" (all epochs ran), "diverged",
        "converged" (J improved by less than ``tol`` for ``patience``
        epochs) or "early stopping" (the validation J did not improve for
        ``patience`` epochs).
    validation_loss : np.ndarray or None
        J on the validation set after each epoch, when one was given.
    best_epoch : int or None
        With a validation set: the epoch whose weights the network keeps
        (the lowest validation J).
    """

    loss: np.ndarray
    initial_loss: float
    diverged: int | None
    seconds: float
    snapshots: list = field(default_factory=list)
    alpha: float = 0.0
    epochs: int = 0
    momentum: float = 0.0
    stopped: str = "finished"
    validation_loss: np.ndarray | None = None
    best_epoch: int | None = None

    @property
    def epochs_run(self) -> int:
        """How many epochs of updates were made."""
        return len(self.loss)

    @property
    def final_loss(self) -> float:
        """J of the weights the network ends with (the best epoch's, with a validation set)."""
        last = len(self.loss) if self.best_epoch is None else self.best_epoch
        return float(self.loss[last - 1]) if last else self.initial_loss

    def __repr__(self) -> str:
        state = f"diverged at epoch {self.diverged}" if self.diverged is not None else f"J={self.final_loss:.4g}"
        if self.stopped in ("converged", "early stopping"):
            state += f", {self.stopped} after {self.epochs_run} epochs"
        return f"History(epochs={self.epochs}, alpha={self.alpha:g}, {state}, {self.seconds:.3f} s)"


class _TrainingPass:
    """``gradients`` for a fixed set of samples, on buffers allocated once (the training loop's hot path).

    Each layer's input carries a column of ones when the network has a bias,
    so that one matrix product gives ``A @ W + b`` and ``A.T @ delta`` gives
    dJ/dW and dJ/db together (the bias is the last row of the parameters).
    """

    def __init__(self, net, X, Y):
        n, sizes, bias = len(X), net.sizes, net.bias
        self.params, self.acts, self.Y = net._params, net.activations, Y
        self.inputs = [np.ones((n, size + bias)) for size in sizes[:-1]]
        self.inputs[0][:, : sizes[0]] = X
        self.Yhat = np.empty((n, sizes[-1]))
        self.A = [a[:, :size] for a, size in zip(self.inputs[1:], sizes[1:])] + [self.Yhat]  # layer outputs
        self.Z = [np.empty((n, size)) for size in sizes[1:]]  # net inputs
        self.delta = [np.empty_like(z) for z in self.Z]
        self.slope = [np.empty_like(z) for z in self.Z]  # f'(z)
        self.grad = [np.empty_like(P) for P in self.params]
        self.inputs_T = [a.T for a in self.inputs]
        self.W_T = [P[:size].T for P, size in zip(self.params, sizes)]  # live views, bias row left out
        self.error = np.empty_like(self.Yhat)

    def load(self, X, Y):
        """Put other samples (a batch) of the same count into the buffers."""
        self.inputs[0][:, : X.shape[1]] = X
        self.Y = Y

    def forward(self) -> float:
        """A2 = f(X @ W1 + b1), ...; returns J = 1/2 * sum((Yhat - Y)**2)."""
        for i, act in enumerate(self.acts):
            np.matmul(self.inputs[i], self.params[i], out=self.Z[i])
            act.f(self.Z[i], out=self.A[i])
        np.subtract(self.Yhat, self.Y, out=self.error)  # Error = Yhat - Y: the sign that descends
        return 0.5 * float(np.vdot(self.error, self.error))

    def backward(self) -> None:
        """self.grad[i] = dJ/dW (with dJ/db as its last row), from the last forward pass."""
        acts, delta, slope = self.acts, self.delta, self.slope
        acts[-1].df(self.Z[-1], self.Yhat, out=slope[-1])
        np.multiply(self.error, slope[-1], out=delta[-1])  # delta = Error * f'(Yhat)
        for i in reversed(range(len(acts))):
            np.matmul(self.inputs_T[i], delta[i], out=self.grad[i])  # A_prev.T @ delta
            if i > 0:  # pass the error back: delta_prev = (delta @ W.T) * f'(A_prev)
                np.matmul(delta[i], self.W_T[i], out=delta[i - 1])
                acts[i - 1].df(self.Z[i - 1], self.A[i - 1], out=slope[i - 1])
                delta[i - 1] *= slope[i - 1]


class _Batches:
    """The samples cut into batches, in a new seeded order each epoch when shuffling."""

    def __init__(self, net, X, Y, size, shuffle):
        self.X, self.Y, self.size, self.shuffle = X, Y, size, shuffle
        self.rng = np.random.default_rng(net.seed)
        last = len(X) % size
        self.passes = {size: _TrainingPass(net, X[:size], Y[:size])}
        if last:
            self.passes[last] = _TrainingPass(net, X[:last], Y[:last])

    def __iter__(self):
        order = self.rng.permutation(len(self.X)) if self.shuffle else np.arange(len(self.X))
        for start in range(0, len(order), self.size):
            rows = order[start : start + self.size]
            part = self.passes[len(rows)]
            part.load(self.X[rows], self.Y[rows])
            yield part


class _ProgressBar:
    """A tqdm bar that appears only when a run will last longer than about 2 seconds."""

    def __init__(self, epochs, wanted):
        self.epochs, self.wanted, self.bar = epochs, wanted, None
        self.every, self.next, self.started = max(1, epochs // 200), 1, time.perf_counter()

    def at(self, epoch):
        if epoch < self.next or self.wanted is False:
            return
        self.next += self.every
        if self.bar is None:
            elapsed = time.perf_counter() - self.started
            long_run = elapsed > 1.0 and elapsed / epoch * self.epochs > 2.0  # judged on 1 s, not on one slow epoch
            if self.wanted or long_run:
                from tqdm.auto import tqdm

                self.bar = tqdm(total=self.epochs, initial=epoch, desc="training", unit="epoch", mininterval=0.5)
        else:
            self.bar.update(epoch - self.bar.n)

    def close(self, epoch):
        if self.bar is not None:
            self.bar.update(epoch - self.bar.n)
            self.bar.close()


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
    def fit(
        self,
        X,
        Y,
        alpha=0.01,
        epochs=2000,
        momentum=0.0,
        batch_size=None,
        shuffle=False,
        record_every=None,
        progress=None,
        tol=None,
        validation=None,
        patience=20,
    ) -> History:
        """Train by gradient descent; by default full-batch: every step sees all samples.

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
        batch_size : int or None
            None: one step per epoch on all samples (full batch). Otherwise
            one step per batch of this many samples (1 = the original's
            sample-by-sample training).
        shuffle : bool
            Visit the samples in a new random order every epoch (seeded by
            the network's seed). Only mini-batches notice: a full-batch
            gradient is a sum, and a sum does not depend on the order.
        record_every : int or None
            Keep a copy of the weights every this many epochs, for replay.
        progress : bool or None
            Show a tqdm progress bar; None shows one when the run will
            take more than about 2 seconds.
        tol : float >= 0 or None
            Stop ("converged") once J has improved by less than ``tol`` in
            each of ``patience`` epochs in a row.
        validation : (X_val, Y_val) or None
            Measure J on these samples after every epoch, stop ("early
            stopping") when it has not improved for ``patience`` epochs, and
            keep the weights of its best epoch.
        patience : int >= 1
            How many epochs without progress ``tol`` and ``validation`` wait.

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
        if batch_size is not None:
            batch_size = as_int("batch_size", batch_size, low=1, high=len(X))
        if not isinstance(shuffle, (bool, np.bool_)):
            raise TypeError(f"shuffle must be True or False; got {_describe(shuffle)}")
        if record_every is not None:
            record_every = as_int("record_every", record_every, low=1)
        if progress is not None and not isinstance(progress, bool):
            raise TypeError(f"progress must be True, False or None; got {_describe(progress)}")
        if tol is not None:
            tol = as_number("tol", tol, low=0)
        patience = as_int("patience", patience, low=1)
        if validation is not None:
            if not isinstance(validation, (tuple, list)) or len(validation) != 2:
                raise TypeError(f"validation must be a pair (X_val, Y_val); got {_describe(validation)}")
            X_val = as_matrix("validation X_val", validation[0], n_cols=self.sizes[0])
            validation = (X_val, self._targets(validation[1], len(X_val)))
        self.trained_with = {"alpha": alpha, "epochs": epochs, "momentum": momentum}
        if batch_size is not None:
            self.trained_with.update(batch_size=batch_size, shuffle=bool(shuffle))
        start = time.perf_counter()
        with np.errstate(all="ignore"):  # a diverging run is reported, not warned about
            run = self._descend(
                X, Y, alpha, epochs, momentum, batch_size, shuffle, record_every, progress, tol, validation, patience
            )
        seconds = time.perf_counter() - start
        return History(**run, seconds=seconds, alpha=alpha, epochs=epochs, momentum=momentum)

    def _descend(
        self, X, Y, alpha, epochs, momentum, batch_size, shuffle, record_every, progress, tol, validation, patience
    ):
        """The training loop: measure J, then ``gradients`` + update, on buffers allocated once."""
        everything = _TrainingPass(self, X, Y)
        batches = None if batch_size is None or batch_size >= len(X) else _Batches(self, X, Y, batch_size, shuffle)
        velocity = [np.zeros_like(P) for P in self._params]  # momentum's memory of the last step
        watch = None if validation is None else _TrainingPass(self, *validation)
        best = [P.copy() for P in self._params] if watch else None
        losses, val_losses = np.empty(epochs), np.empty(epochs) if watch else None
        initial, limit, diverged, snapshots, stopped = np.nan, np.inf, None, [], "finished"
        best_J_val, best_epoch, stalled, previous = np.inf, None, 0, np.inf
        progress_bar = _ProgressBar(epochs, progress)
        for epoch in range(epochs + 1):  # the last pass only measures the final J
            J = everything.forward()  # J after `epoch` epochs
            if epoch == 0:
                initial, limit = J, DIVERGENCE_FACTOR * J if J > 0 else np.inf
            else:
                losses[epoch - 1] = J
            if not J <= limit:  # also catches nan and inf
                diverged, stopped, epoch = epoch, "diverged", max(epoch - 1, 0)  # keep only the finite J
                break
            if watch:  # early stopping: remember the best weights on the validation set
                J_val = watch.forward()
                if epoch:
                    val_losses[epoch - 1] = J_val
                if J_val < best_J_val:
                    best_J_val, best_epoch = J_val, epoch
                    for keep, P in zip(best, self._params):
                        np.copyto(keep, P)
                elif epoch - best_epoch >= patience:
                    stopped = "early stopping"
                    break
            if tol is not None and epoch:  # convergence: J has stopped improving
                stalled = stalled + 1 if previous - J < tol else 0
                if stalled >= patience:
                    stopped = "converged"
                    break
            previous = J
            if record_every and (epoch % record_every == 0 or epoch == epochs):
                biases = [b.copy() for b in self.biases] if self.bias else None
                snapshots.append((epoch, [W.copy() for W in self.weights], biases))
            if epoch == epochs:
                break
            for part in batches or [everything]:  # full batch: reuse the forward pass just made
                if part is not everything:
                    part.forward()
                part.backward()
                self._step(part.grad, velocity, alpha, momentum)
            progress_bar.at(epoch)
        progress_bar.close(epoch)
        if watch:
            for keep, P in zip(best, self._params):
                np.copyto(P, keep)
        return {
            "loss": losses[:epoch],
            "initial_loss": initial,
            "diverged": diverged,
            "snapshots": snapshots,
            "stopped": stopped,
            "validation_loss": None if val_losses is None else val_losses[:epoch],
            "best_epoch": best_epoch,
        }

    def _step(self, grad, velocity, alpha, momentum):
        """W -= alpha * dJ/dW for every layer (the bias is the last row of each parameter matrix)."""
        for P, g, v in zip(self._params, grad, velocity):
            g *= alpha  # in place: no new arrays in the training loop
            if momentum:
                v *= momentum
                v -= g  # v = momentum * v - alpha * dJ/dW
                P += v
            else:
                P -= g

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
