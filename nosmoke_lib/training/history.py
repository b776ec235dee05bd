"""What ``Network.fit`` returns: the loss per epoch and how the run ended."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


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
        A diverged network keeps the weights of the epoch before (the last
        with a finite J), so it still predicts as it did then.
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
    measured_final_loss : float or None
        J of the weights the network kept, measured after training, so that
        ``final_loss == net.loss(X, Y)`` exactly.
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
    measured_final_loss: float | None = None

    @property
    def epochs_run(self) -> int:
        """How many epochs of updates were made."""
        return len(self.loss)

    @property
    def final_loss(self) -> float:
        """J of the weights the network ends with (the best epoch's, with a validation set)."""
        if self.measured_final_loss is not None:
            return self.measured_final_loss
        last = len(self.loss) if self.best_epoch is None else self.best_epoch
        return float(self.loss[last - 1]) if last else self.initial_loss

    def __repr__(self) -> str:
        state = f"J={self.final_loss:.4g}"
        if self.diverged is not None:
            state = f"diverged at epoch {self.diverged}, weights of epoch {max(self.diverged - 1, 0)} kept, {state}"
        if self.stopped in ("converged", "early stopping"):
            state += f", {self.stopped} after {self.epochs_run} epochs"
        return f"History(epochs={self.epochs}, alpha={self.alpha:g}, {state}, {self.seconds:.3f} s)"
