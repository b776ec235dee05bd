"""The training loop of ``Network.fit``: the core's loop, fast, with every option.

Per epoch it does what ``core.network.train`` does (measure J, backpropagate,
step), on the buffers of ``passes.TrainingPass``. The options live in a
``Settings`` object and what the loop learns along the way in a ``Run``:

- momentum: ``v = momentum * v - alpha * dJdW``, ``W += v``;
- mini-batches (one step per batch), optionally shuffled every epoch;
- divergence: stop, without warnings, once J is not finite or exceeds
  ``DIVERGENCE_FACTOR`` times its starting value, and keep the weights of
  the epoch before (the last whose J was finite);
- ``tol``: stop ("converged") once J improved by less than ``tol`` in each
  of ``patience`` epochs in a row;
- a validation set: stop ("early stopping") when its J has not improved for
  ``patience`` epochs, and keep the weights of its best epoch;
- snapshots of the weights every ``record_every`` epochs, and a progress bar.
"""

from __future__ import annotations

import time
from array import array
from dataclasses import dataclass, field

import numpy as np

from ..core.network import loss
from .history import History
from .passes import Batches, TrainingPass, fold, unfold
from .progress import ProgressBar

#: Training stops as diverged once J exceeds this many times its starting value.
DIVERGENCE_FACTOR = 1e6


@dataclass(frozen=True)
class Settings:
    """The options of one run, already checked by ``Network.fit``."""

    alpha: float
    epochs: int
    momentum: float = 0.0
    batch_size: int | None = None
    shuffle: bool = False
    record_every: int | None = None
    progress: bool | None = None
    tol: float | None = None
    validation: tuple | None = None  # (X_val, Y_val), Y_val as output targets
    patience: int = 20


@dataclass
class Run:
    """What the loop has seen so far, and why it stopped."""

    settings: Settings
    loss: array = field(default_factory=lambda: array("d"))  # grows as it goes: no memory reserved up front
    validation_loss: array = field(default_factory=lambda: array("d"))
    initial_loss: float = np.nan
    limit: float = np.inf
    diverged: int | None = None
    stopped: str = "finished"
    best_J_val: float = np.inf
    best_epoch: int | None = None
    best_params: list | None = None  # with a validation set: copies of the best epoch's parameters
    stalled: int = 0
    previous: float = np.inf
    snapshots: list = field(default_factory=list)

    def measured(self, epoch, J, params, J_val=None) -> bool:
        """Record J after ``epoch`` epochs (and the validation J); True if training must stop here."""
        if epoch == 0:
            self.initial_loss, self.limit = J, DIVERGENCE_FACTOR * J if J > 0 else np.inf
        elif J <= self.limit:  # a diverged run keeps only the finite values
            self.loss.append(J)
        if not J <= self.limit:  # also true for nan and inf
            self.diverged, self.stopped = epoch, "diverged"
            return True
        if J_val is not None and self._no_better_on_validation(epoch, J_val, params):
            self.stopped = "early stopping"
            return True
        if self.settings.tol is not None and epoch:
            self.stalled = self.stalled + 1 if self.previous - J < self.settings.tol else 0
            if self.stalled >= self.settings.patience:
                self.stopped = "converged"
                return True
        self.previous = J
        return False

    def _no_better_on_validation(self, epoch, J_val, params) -> bool:
        if epoch:
            self.validation_loss.append(J_val)
        if J_val < self.best_J_val:
            self.best_J_val, self.best_epoch = J_val, epoch
            for keep, P in zip(self.best_params, params):
                np.copyto(keep, P)
            return False
        return self.best_epoch is not None and epoch - self.best_epoch >= self.settings.patience

    def snapshot(self, epoch, params, sizes, bias):
        """Keep copies of the weights (and biases) after ``epoch`` updates."""
        weights = [P[:n_in].copy() for P, n_in in zip(params, sizes)]
        biases = [P[n_in].copy() for P, n_in in zip(params, sizes)] if bias else None
        self.snapshots.append((epoch, weights, biases))

    def history(self, seconds, final_loss) -> History:
        s = self.settings
        return History(
            loss=np.array(self.loss, dtype=float),
            initial_loss=self.initial_loss,
            diverged=self.diverged,
            seconds=seconds,
            snapshots=self.snapshots,
            alpha=s.alpha,
            epochs=s.epochs,
            momentum=s.momentum,
            stopped=self.stopped,
            validation_loss=np.array(self.validation_loss, dtype=float) if s.validation is not None else None,
            best_epoch=self.best_epoch,
            measured_final_loss=final_loss,
        )


def step(params, grad, velocity, alpha, momentum):
    """W -= alpha * dJ/dW for every layer, or the momentum step; ``grad`` is used up."""
    for P, g, v in zip(params, grad, velocity):
        g *= alpha  # in place: no new arrays in the training loop
        if momentum:
            v *= momentum
            v -= g  # v = momentum * v - alpha * dJ/dW
            P += v
        else:
            P -= g


def fit(net, X, Y, settings: Settings) -> History:
    """Train ``net`` (its ``weights``, ``biases``, ``activations``, ``sizes``) on X, Y; return the History."""
    started = time.perf_counter()
    s, sizes, bias = settings, net.sizes, net.biases is not None
    params = fold(net.weights, net.biases)
    initial = [P.copy() for P in params]

    def make_pass(X_part, Y_part):
        return TrainingPass(params, net.activations, sizes, bias, X_part, Y_part)

    everything = make_pass(X, Y)

    def make_batches():
        if s.batch_size is None or s.batch_size >= len(X):
            return None
        return Batches(make_pass, X, Y, s.batch_size, s.shuffle, net.seed)

    def epoch_of_steps(batches, velocity, measured=True):
        """One epoch's updates; a full batch reuses the forward pass that just measured J."""
        for part in batches or [everything]:
            if part is not everything or not measured:
                part.forward()
            part.backward()
            step(params, part.grad, velocity, s.alpha, s.momentum)

    batches, watch = make_batches(), None if s.validation is None else make_pass(*s.validation)
    velocity = [np.zeros_like(P) for P in params]  # momentum's memory of the last step
    run, bar = Run(s), ProgressBar(s.epochs, s.progress)
    if watch:
        run.best_params = [P.copy() for P in params]
    with np.errstate(all="ignore"):  # a diverging run is reported, not warned about
        for epoch in range(s.epochs + 1):  # the last pass only measures the final J
            J = everything.forward()  # J after `epoch` epochs
            if run.measured(epoch, J, params, watch.forward() if watch else None):
                break
            if s.record_every and (epoch % s.record_every == 0 or epoch == s.epochs):
                run.snapshot(epoch, params, sizes, bias)
            if epoch == s.epochs:
                break
            epoch_of_steps(batches, velocity)
            bar.at(epoch)
        bar.close(len(run.loss))
        if watch:
            for P, best in zip(params, run.best_params):
                np.copyto(P, best)
        elif run.diverged is not None:
            # Keep the weights of the last finite epoch: run the epochs before the blow-up again from the
            # start (the same steps in the same order give the same numbers), rather than copy every epoch.
            for P, P0 in zip(params, initial):
                np.copyto(P, P0)
            velocity, batches = [np.zeros_like(P) for P in params], make_batches()
            for _ in range(max(run.diverged - 1, 0)):
                epoch_of_steps(batches, velocity, measured=False)
        unfold(params, net.weights, net.biases)
        final = loss(net, X, Y)  # J of the weights the network keeps, measured as net.loss measures it
    return run.history(time.perf_counter() - started, final)
