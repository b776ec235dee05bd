"""The network of the talk: forward pass, loss, backpropagation, one step, the training loop.

A network here is anything with three lists: ``weights`` (W1, W2, ...: one
matrix of shape (n_in, n_out) per layer), ``biases`` (b1, b2, ..., or None)
and ``activations`` (one f per layer). Names as on the slides, with Welch's
("Neural Networks Demystified") where they differ, for [4, 3, 3]:

    z2 = X  @ W1 + b1     a2 = f(z2)          the slide's L2
    z3 = a2 @ W2 + b2     yHat = f(z3)        the slide's L3, Yhat
    J  = 1/2 * sum((Y - yHat)**2)             summed over samples and outputs

    delta3 = (yHat - Y) * f'(z3)              f'(z3) = yHat * (1 - yHat) for the sigmoid
    delta2 = (delta3 @ W2.T) * f'(z2)         the error passed back through W2
    dJdW2  = a2.T @ delta3    dJdW1 = X.T @ delta2
    W2 -= alpha * dJdW2       W1 -= alpha * dJdW1

The inputs are trusted: ``nosmoke_lib.Network`` checks them once, at its door.
"""

import numpy as np


def forward(net, X):
    """Every layer's output ``A = [X, a2, ..., yHat]`` and net input ``Z = [z2, ..., z_out]``."""
    A, Z = [X], []
    for i, (W, act) in enumerate(zip(net.weights, net.activations)):
        z = A[-1] @ W  # z2 = X @ W1: every neuron's weighted sum, all samples at once
        if net.biases is not None:
            z = z + net.biases[i]
        Z.append(z)
        A.append(act.f(z))  # a2 = f(z2)
    return A, Z


def loss(net, X, Y):
    """J = 1/2 * sum((Y - yHat)**2): the 1/2 cancels the 2 of the derivative."""
    A, _ = forward(net, X)
    return 0.5 * float(np.sum((Y - A[-1]) ** 2))


def gradients(net, X, Y):
    """dJ/dW for every layer (and dJ/db, or None without biases), by backpropagation.

    The error is ``yHat - Y``, the derivative of J: with that sign,
    ``W -= alpha * dJdW`` goes downhill (the slide writes ``Y - yHat`` and ``+=``).
    """
    A, Z = forward(net, X)
    n_layers = len(net.weights)
    dW, db = [None] * n_layers, [None] * n_layers
    delta = (A[-1] - Y) * net.activations[-1].df(Z[-1], A[-1])  # delta3 = (yHat - Y) * f'(z3)
    for i in reversed(range(n_layers)):
        dW[i] = A[i].T @ delta  # dJdW2 = a2.T @ delta3: each weight's share of the error
        db[i] = delta.sum(axis=0)  # a bias is a weight on an input that is always 1
        if i > 0:  # delta2 = (delta3 @ W2.T) * f'(z2)
            delta = (delta @ net.weights[i].T) * net.activations[i - 1].df(Z[i - 1], A[i])
    return dW, (db if net.biases is not None else None)


def step(net, dW, db, alpha):
    """One step of gradient descent: every weight moves against its slope, ``W -= alpha * dJdW``."""
    for W, dJdW in zip(net.weights, dW):
        W -= alpha * dJdW  # in place: the network's own arrays move
    if net.biases is not None:
        for b, dJdb in zip(net.biases, db):
            b -= alpha * dJdb


def train(net, X, Y, alpha, epochs):
    """Full-batch gradient descent, the talk's loop: every epoch sees every sample once.

    Returns J before training and after each epoch (``epochs + 1`` values).
    """
    J = [loss(net, X, Y)]
    for _ in range(epochs):
        dW, db = gradients(net, X, Y)  # backpropagation: which way is downhill, for every weight
        step(net, dW, db, alpha)  # one step that way
        J.append(loss(net, X, Y))  # how far down we are
    return J
