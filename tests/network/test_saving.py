"""Saving a network to JSON and loading it back: the same predictions bit for bit; broken files refused by name."""

import json

import numpy as np
import pytest

from nosmoke_lib import Network

from .helpers import assert_same_params


@pytest.mark.parametrize(("activation", "bias"), [("sigmoid", True), (["tanh", "relu", "identity"], False)])
def test_save_and_load_give_identical_predictions(iris, tmp_path, activation, bias):
    sizes = [4, 8, 3] if isinstance(activation, str) else [4, 6, 5, 3]
    net = Network(sizes, activation=activation, bias=bias, seed=3)
    net.fit(iris.X, iris.y, alpha=0.001, epochs=20)
    path = net.save(tmp_path / "net.json")
    loaded = Network.load(path)
    assert np.array_equal(loaded.predict_proba(iris.X), net.predict_proba(iris.X))  # bit for bit
    assert_same_params(loaded, net)
    assert loaded.sizes == net.sizes and loaded.bias == net.bias
    assert [a.name for a in loaded.activations] == [a.name for a in net.activations]
    assert loaded.trained_with == net.trained_with
    assert json.loads(path.read_text())["sizes"] == sizes  # plain JSON


def test_load_rejects_broken_files(tmp_path):
    missing = tmp_path / "nothing_here.json"
    with pytest.raises(FileNotFoundError, match="nothing_here.json"):
        Network.load(missing)

    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"format": "nosmoke_lib.Network", "sizes": [4, 8')
    with pytest.raises(ValueError, match=r"corrupt\.json.*not valid JSON"):
        Network.load(corrupt)

    for i, foreign in enumerate([{"name": "a spreadsheet"}, [1, 2, 3], "text", None]):
        path = tmp_path / f"foreign{i}.json"
        path.write_text(json.dumps(foreign))
        with pytest.raises(ValueError, match=rf"foreign{i}\.json.*not a saved nosmoke_lib Network"):
            Network.load(path)

    good = Network([2, 3, 1], seed=0).to_dict()
    no_sizes = dict(good)
    del no_sizes["sizes"]
    (tmp_path / "no_sizes.json").write_text(json.dumps(no_sizes))
    with pytest.raises(ValueError, match="sizes"):
        Network.load(tmp_path / "no_sizes.json")

    wrong_shape = dict(good, weights=[[[1.0, 2.0]], good["weights"][1]])
    (tmp_path / "wrong_shape.json").write_text(json.dumps(wrong_shape))
    with pytest.raises(ValueError, match=r"wrong_shape\.json.*weights\[0\]"):
        Network.load(tmp_path / "wrong_shape.json")
