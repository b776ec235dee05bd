"""Backpropagation on buffers allocated once: the hot path of ``Network.fit``.

It computes what ``core.network.gradients`` computes, with two changes that
make it fast and nothing else:

- every array it needs is allocated once, before the first epoch, and
  filled in place (``out=``) ever after;
- the bias is folded into the weights as an extra last row, and each layer's
  input carries a column of ones, so that one product gives ``A @ W + b``
  and ``A.T @ delta`` gives dJ/dW and dJ/db together (the original C#
  program did the same).

``tests/training/test_equal_to_core.py`` proves it equal to the core's loop.
"""

from __future__ import annotations

import numpy as np

from .kernels import in_place


def fold(weights, biases):
    """Each layer's parameters as one matrix: W on top, b (if any) as the last row."""
    if biases is None:
        return [W.copy() for W in weights]
    return [np.vstack([W, b]) for W, b in zip(weights, biases)]


def unfold(params, weights, biases):
    """Copy folded parameters back into the network's own arrays (which stay the same objects)."""
    for i, (P, W) in enumerate(zip(params, weights)):
        np.copyto(W, P[: len(W)])
        if biases is not None:
            np.copyto(biases[i], P[len(W)])


class TrainingPass:
    """Forward and backward for a fixed number of samples; ``grad[i]`` is dJ/dP of layer i."""

    def __init__(self, params, activations, sizes, bias, X, Y):
        n = len(X)
        self.params, self.Y = params, Y
        self.kernels = [in_place(act) for act in activations]
        self.inputs = [np.ones((n, size + bias)) for size in sizes[:-1]]  # [A, 1]: each layer's input
        self.inputs[0][:, : sizes[0]] = X
        self.Yhat = np.empty((n, sizes[-1]))
        self.A = [a[:, :size] for a, size in zip(self.inputs[1:], sizes[1:])] + [self.Yhat]  # layer outputs
        self.Z = [np.empty((n, size)) for size in sizes[1:]]  # net inputs
        self.delta = [np.empty_like(z) for z in self.Z]
        self.slope = [np.empty_like(z) for z in self.Z]  # f'(z)
        self.grad = [np.empty_like(P) for P in params]
        self.inputs_T = [a.T for a in self.inputs]
        self.W_T = [P[:size].T for P, size in zip(params, sizes)]  # live views, bias row left out
        self.error = np.empty_like(self.Yhat)

    def load(self, X, Y):
        """Put other samples (a batch) of the same count into the buffers."""
        self.inputs[0][:, : X.shape[1]] = X
        self.Y = Y

    def forward(self) -> float:
        """z = [A, 1] @ P, A_next = f(z) for every layer; returns J = 1/2 * sum((yHat - Y)**2)."""
        for i, (f, _) in enumerate(self.kernels):
            np.matmul(self.inputs[i], self.params[i], out=self.Z[i])
            f(self.Z[i], out=self.A[i])
        np.subtract(self.Yhat, self.Y, out=self.error)  # Error = yHat - Y: the sign that descends
        return 0.5 * float(np.vdot(self.error, self.error))

    def backward(self) -> None:
        """``grad[i]`` = dJ/dW (with dJ/db as its last row), from the last forward pass."""
        kernels, delta, slope = self.kernels, self.delta, self.slope
        kernels[-1][1](self.Z[-1], self.Yhat, out=slope[-1])
        np.multiply(self.error, slope[-1], out=delta[-1])  # delta3 = (yHat - Y) * f'(z3)
        for i in reversed(range(len(kernels))):
            np.matmul(self.inputs_T[i], delta[i], out=self.grad[i])  # [A, 1].T @ delta
            if i > 0:  # delta2 = (delta3 @ W2.T) * f'(z2)
                np.matmul(delta[i], self.W_T[i], out=delta[i - 1])
                kernels[i - 1][1](self.Z[i - 1], self.A[i - 1], out=slope[i - 1])
                delta[i - 1] *= slope[i - 1]


class Batches:
    """The samples cut into batches, in a new seeded order each epoch when shuffling."""

    def __init__(self, make_pass, X, Y, size, shuffle, seed):
        self.X, self.Y, self.size, self.shuffle = X, Y, size, shuffle
        self.rng = np.random.default_rng(seed)
        self.passes = {size: make_pass(X[:size], Y[:size])}
        last = len(X) % size
        if last:
            self.passes[last] = make_pass(X[:last], Y[:last])

    def __iter__(self):
        order = self.rng.permutation(len(self.X)) if self.shuffle else np.arange(len(self.X))
        for start in range(0, len(order), self.size):
            rows = order[start : start + self.size]
            part = self.passes[len(rows)]
            part.load(self.X[rows], self.Y[rows])
            yield part
