"""``Network``: the course's network as one object, checked at its door.

Every method checks its arguments once (a clear error that names the
argument, never a numpy broadcasting error), then hands the work to the
code a learner reads: ``core.network`` for the maths, ``training`` for the
fast training loop that is proved equal to ``core.network.train``.
"""

from __future__ import annotations

import copy
import threading

import numpy as np

from .. import training
from .._validate import _describe, as_int, as_labels, as_matrix, as_number
from ..core import network as core
from ..core.activations import get_activation
from ..data import one_hot
from ..training import History
from . import saving

#: The most weights and biases a network may have (80 MB of float64): more is a typo, not a course network.
MAX_PARAMETERS = 10_000_000

#: The most epochs one call of ``fit`` may run: ten times the original program's longest run.
MAX_EPOCHS = 10_000_000

#: The most snapshots one run may keep (``epochs / record_every``).
MAX_SNAPSHOTS = 100_000


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

    Attributes
    ----------
    weights : list of arrays
        W1, W2, ...: the live arrays, ``weights[i].shape == (sizes[i], sizes[i+1])``.
    biases : list of arrays or None
        b1, b2, ... (``biases[i].shape == (sizes[i+1],)``), or None without bias.
    activations : list of Activation
        One per weight layer.

    Examples
    --------
    >>> net = Network([4, 8, 3], seed=0)
    >>> [W.shape for W in net.weights]
    [(4, 8), (8, 3)]
    """

    def __init__(self, sizes, activation="sigmoid", bias=True, seed=0, weight_scale=1.0):
        if not isinstance(sizes, (list, tuple, np.ndarray)) or np.ndim(sizes) != 1:
            raise TypeError(f"sizes must be a list of layer sizes such as [4, 8, 3]; got {_describe(sizes)}")
        if len(sizes) < 2:
            raise ValueError(f"sizes must name at least an input and an output layer, e.g. [4, 3]; got {list(sizes)}")
        self.sizes = [as_int(f"sizes[{i}]", n, low=1) for i, n in enumerate(sizes)]
        n_layers = len(self.sizes) - 1
        n_parameters = sum((n_in + 1) * n_out for n_in, n_out in zip(self.sizes, self.sizes[1:]))
        if n_parameters > MAX_PARAMETERS:
            raise ValueError(
                f"sizes {self.sizes} would need {n_parameters:,} weights and biases; at most {MAX_PARAMETERS:,}"
                " fit in this course's networks (is a size mistyped?)"
            )
        names = list(activation) if isinstance(activation, (list, tuple, np.ndarray)) else [activation] * n_layers
        if len(names) != n_layers:
            raise ValueError(
                f"activation must be one name or a list of {n_layers} (one per weight layer); got {len(names)}: {names}"
            )
        self.activations = [get_activation(name) for name in names]
        if not isinstance(bias, (bool, np.bool_)):
            raise TypeError(f"bias must be True or False; got {_describe(bias)}")
        self.bias = bool(bias)
        self.seed = as_int("seed", seed, low=0)
        self.weight_scale = as_number("weight_scale", weight_scale, low=0)
        self.trained_with: dict = {}
        self._training = threading.Lock()  # one fit at a time: two threads would interleave their steps
        rng = np.random.default_rng(self.seed)
        layers = list(zip(self.sizes[:-1], self.sizes[1:]))
        self.weights = [rng.normal(0.0, self.weight_scale / np.sqrt(n), size=(n, n_out)) for n, n_out in layers]
        self.biases = [np.zeros(n_out) for _, n_out in layers] if self.bias else None

    # -- parameters -------------------------------------------------------
    def set_parameters(self, weights, biases=None) -> None:
        """Replace every weight (and bias) with copies of the given arrays, checking shapes."""
        n_layers = len(self.weights)
        for name, given in (("weights", weights), ("biases", biases if self.bias else [None] * n_layers)):
            if given is None:
                raise ValueError(f"{name} must be a list of {n_layers} arrays, one per layer; got None")
            if not isinstance(given, (list, tuple)):
                raise TypeError(f"{name} must be a list of {n_layers} arrays, one per layer; got {_describe(given)}")
            if len(given) != n_layers:
                raise ValueError(f"{name} must be a list of {n_layers} arrays, one per layer; got {len(given)}")
        if not self.bias and biases is not None:
            raise ValueError(f"biases must be None for a network without bias; got {_describe(biases)}")
        for i, (n_in, n_out) in enumerate(zip(self.sizes, self.sizes[1:])):
            self.weights[i][...] = as_matrix(f"weights[{i}]", weights[i], n_cols=n_out, n_rows=n_in)
            if self.bias:
                self.biases[i][...] = as_matrix(f"biases[{i}]", biases[i], n_cols=n_out, n_rows=1)[0]

    def copy(self) -> Network:
        """An independent copy with the same parameters."""
        twin = Network(self.sizes, [a.name for a in self.activations], self.bias, self.seed, self.weight_scale)
        twin.set_parameters(self.weights, self.biases)
        twin.trained_with = copy.deepcopy(self.trained_with)
        return twin

    def __getstate__(self) -> dict:  # copy.deepcopy and pickle: everything but the lock of a running fit
        return {key: value for key, value in self.__dict__.items() if key != "_training"}

    def __setstate__(self, state) -> None:
        self.__dict__.update(state)
        self._training = threading.Lock()

    # -- checks at the door -----------------------------------------------
    def _inputs(self, X) -> np.ndarray:
        """X as a checked matrix; also refuses to compute with weights that are no longer finite."""
        for name, arrays in (("weights", self.weights), ("biases", self.biases or [])):
            for i, array in enumerate(arrays):
                if not np.isfinite(array).all():
                    raise ValueError(
                        f"the network's {name}[{i}] hold inf or nan (set by hand?): its outputs would mean nothing;"
                        " set_parameters() with finite values, or build or load another network"
                    )
        return as_matrix("X", X, n_cols=self.sizes[0])

    def _targets(self, Y, n: int, name="Y") -> np.ndarray:
        """Y as a matrix of output targets; class labels (1-D) are one-hot encoded."""
        k = self.sizes[-1]
        if np.ndim(Y) == 1 and k > 1 and not isinstance(Y, (str, bytes)):
            labels = as_labels(name, Y, n=n)
            if labels.max() >= k:
                raise ValueError(
                    f"{name} holds class {labels.max()}, but the network has only {k} outputs (classes 0..{k - 1})"
                )
            return one_hot(labels, k)
        if np.ndim(Y) == 1 and k == 1:
            Y = np.reshape(Y, (-1, 1))
        return as_matrix(name, Y, n_cols=k, n_rows=n)

    # -- the maths: core.network ------------------------------------------
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
        with np.errstate(all="ignore"):
            A = core.forward(self, self._inputs(X))[0]
        _finite_outputs(A[-1])
        return A

    def predict_proba(self, X) -> np.ndarray:
        """The output layer's values (Yhat), one row per sample."""
        return self.forward(X)[-1]

    def predict(self, X) -> np.ndarray:
        """The class with the largest output, per sample."""
        return np.argmax(self.predict_proba(X), axis=1)

    def loss(self, X, Y) -> float:
        """J = 1/2 * sum((Y - Yhat)**2), summed over samples and outputs.

        The 1/2 cancels the 2 of the derivative (it is the slide's constant
        in front of the sum). ``Y`` may be one-hot rows or class labels.
        """
        X = self._inputs(X)
        Y = self._targets(Y, len(X))
        with np.errstate(all="ignore"):
            J = core.loss(self, X, Y)
        _finite_outputs(J)
        return J

    def gradients(self, X, Y):
        """dJ/dW and dJ/db for every layer, by backpropagation (``core.network.gradients``).

        Returns
        -------
        dW : list of arrays, the same shapes as ``weights``
        db : list of arrays, the same shapes as ``biases``, or None without bias

        Notes
        -----
        The output error is ``Yhat - Y`` (the code's sign, not the slide's
        ``Y - Yhat``): with it, ``W -= alpha * dW`` goes downhill.
        """
        X = self._inputs(X)
        Y = self._targets(Y, len(X))
        with np.errstate(all="ignore"):
            dW, db = core.gradients(self, X, Y)
        _finite_outputs(*dW, *(db or []))
        return dW, db

    # -- training: the fast path ------------------------------------------
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
            one step per batch of this many samples (1 = sample by sample).
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
            network cannot blow up like that and simply runs to the end. A
            diverged network keeps the weights of the epoch before (the last
            whose J was finite), and ``final_loss`` is always ``self.loss(X, Y)``.

        Raises
        ------
        TypeError, ValueError
            An argument of the wrong kind or out of range, named in the message.
        RuntimeError
            ``fit`` is already running on this network in another thread.

        Notes
        -----
        Each epoch is the loop of ``core.network.train`` (measure J,
        backpropagate, step), run by ``training.fit`` on buffers allocated
        once; a test proves the two equal.

        Examples
        --------
        >>> hist = Network([2, 2, 1], seed=1).fit([[0, 0], [1, 1]], [[0], [1]], alpha=0.5, epochs=100)
        >>> hist.final_loss < hist.initial_loss
        True
        """
        X = self._inputs(X)
        Y = self._targets(Y, len(X))
        epochs = as_int("epochs", epochs, low=1, high=MAX_EPOCHS)
        if record_every is not None:
            record_every = as_int("record_every", record_every, low=1)
            if epochs // record_every > MAX_SNAPSHOTS:
                raise ValueError(
                    f"record_every={record_every} with epochs={epochs} would keep {epochs // record_every:,} snapshots;"
                    f" at most {MAX_SNAPSHOTS:,}: choose record_every >= {-(-epochs // MAX_SNAPSHOTS)}"
                )
        settings = training.Settings(
            alpha=as_number("alpha", alpha, low=0, low_open=True),
            epochs=epochs,
            momentum=as_number("momentum", momentum, low=0, high=1, high_open=True),
            batch_size=None if batch_size is None else as_int("batch_size", batch_size, low=1, high=len(X)),
            shuffle=_flag("shuffle", shuffle),
            record_every=record_every,
            progress=None if progress is None else _flag("progress", progress, "True, False or None"),
            tol=None if tol is None else as_number("tol", tol, low=0),
            validation=None if validation is None else self._validation(validation),
            patience=as_int("patience", patience, low=1),
        )
        if not self._training.acquire(blocking=False):
            raise RuntimeError(
                "this network is being trained already (fit is running in another thread): two runs would mix their"
                " steps. Give each thread its own network, e.g. net.copy()"
            )
        try:
            history = training.fit(self, X, Y, settings)
        finally:
            self._training.release()
        self._record_training(settings, history)
        return history

    def _record_training(self, settings, history) -> None:
        """``trained_with``: the last run's settings, and ``epochs``: every epoch the weights have had, over all runs."""
        kept = history.best_epoch if history.best_epoch is not None else history.epochs_run
        runs = self.trained_with.get("runs", [dict(self.trained_with)] if self.trained_with else [])
        this_run = {"alpha": settings.alpha, "epochs": kept, "momentum": settings.momentum}
        if settings.batch_size is not None:
            this_run.update(batch_size=settings.batch_size, shuffle=settings.shuffle)
        self.trained_with = dict(this_run)
        if runs:  # trained before: epochs counts them all, runs lists each
            self.trained_with.update(epochs=sum(run.get("epochs", 0) for run in runs) + kept, runs=[*runs, this_run])

    def _validation(self, validation):
        if not isinstance(validation, (tuple, list)) or len(validation) != 2:
            raise TypeError(f"validation must be a pair (X_val, Y_val); got {_describe(validation)}")
        X_val = as_matrix("validation X_val", validation[0], n_cols=self.sizes[0])
        return X_val, self._targets(validation[1], len(X_val), name="validation Y_val")

    # -- saving: JSON -----------------------------------------------------
    def to_dict(self) -> dict:
        """Everything needed to rebuild this network, as plain JSON types."""
        return saving.to_dict(self)

    def save(self, path):
        """Write the network to a JSON file (no pickle: safe to share and to read)."""
        return saving.save(self, path)

    @classmethod
    def from_dict(cls, data: dict, source: str = "the data") -> Network:
        """Rebuild a network from ``to_dict``'s output, checking every field."""
        return saving.from_dict(cls, data, source)

    @classmethod
    def load(cls, path) -> Network:
        """Read a network written by ``save``; predictions are bit-for-bit the same."""
        return saving.load(cls, path)

    def __repr__(self) -> str:
        names = [a.name for a in self.activations]
        activation = names[0] if len(set(names)) == 1 else names
        return f"Network({self.sizes}, activation={activation!r}, bias={self.bias}, seed={self.seed})"


def _finite_outputs(*arrays) -> None:
    """A ValueError instead of an answer that overflowed: inputs far too large for the weights."""
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError(
            "X: its values are so large that the network's numbers overflow (inf or nan);"
            " scale X first, e.g. with nosmoke_lib.scaler(X_train).transform(X)"
        )


def _flag(name, value, expected="True or False") -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be {expected}; got {_describe(value)}")
    return bool(value)
