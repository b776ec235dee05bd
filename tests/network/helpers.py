"""What the Network tests share: a network's parameters, copied, and compared bit for bit."""

import numpy as np


def params(net):
    return [W.copy() for W in net.weights], ([b.copy() for b in net.biases] if net.bias else None)


def assert_same_params(a, b):
    (Wa, ba), (Wb, bb) = params(a), params(b)
    assert all(np.array_equal(x, y) for x, y in zip(Wa, Wb, strict=True))
    assert (ba is None) == (bb is None)
    if ba is not None:
        assert all(np.array_equal(x, y) for x, y in zip(ba, bb, strict=True))
