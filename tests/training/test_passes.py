"""The fast path's bookkeeping: the bias folded into the weights as a last row, and back."""

import numpy as np

from nosmoke_lib import Network
from nosmoke_lib.training.passes import fold, unfold


def test_fold_puts_the_bias_under_the_weights_and_unfold_writes_them_back_in_place():
    net = Network([3, 4, 2], seed=0)
    net.biases[0][:] = [1.0, 2.0, 3.0, 4.0]
    params = fold(net.weights, net.biases)
    assert [P.shape for P in params] == [(4, 4), (5, 2)]
    np.testing.assert_array_equal(params[0][3], [1.0, 2.0, 3.0, 4.0])
    W0 = net.weights[0]
    params[0][:] = 7.0
    unfold(params, net.weights, net.biases)
    assert net.weights[0] is W0 and np.all(W0 == 7.0) and np.all(net.biases[0] == 7.0)


def test_without_bias_fold_is_a_copy():
    net = Network([3, 2], bias=False, seed=0)
    params = fold(net.weights, None)
    params[0][:] = 0.0
    assert not np.all(net.weights[0] == 0.0)
