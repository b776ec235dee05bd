"""Hostile saved networks: every broken or edited JSON file is refused with its name, before anything is built."""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nosmoke_lib import Network

GOOD = Network([3, 2, 2], seed=0).to_dict()


def edited(**changes):
    return json.dumps({**GOOD, **changes})


# (id, file text or bytes, error type, words)
CASES = [
    ("weights null", edited(weights=None), ValueError, ["bad.json", "weights"]),
    ("weights a dict", edited(weights={"W1": 1}), ValueError, ["bad.json", "weights"]),
    ("weights of text", edited(weights=[[["a", "b"]] * 3, [[1, 2]] * 2]), ValueError, ["bad.json", "weights[0]"]),
    ("a billion neurons", edited(sizes=[3, 10**9, 2]), ValueError, ["bad.json", "at most"]),
    ("sizes text", edited(sizes="3,2,2"), ValueError, ["bad.json", "sizes"]),
    ("trained_with a list", edited(trained_with=[1, 2]), ValueError, ["bad.json", "trained_with"]),
    (
        "no biases field",
        json.dumps({k: v for k, v in GOOD.items() if k != "biases"}),
        ValueError,
        ["bad.json", "biases"],
    ),
    ("wrong format", edited(format="keras"), ValueError, ["bad.json", "not a saved"]),
    ("NaN weight", edited().replace("0.0", "NaN", 1), ValueError, ["bad.json"]),
    ("Infinity weight", json.dumps(GOOD).replace(str(GOOD["weights"][0][0][0]), "Infinity"), ValueError, ["bad.json"]),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, ValueError, ["bad.json"]),
    ("not JSON", "{'format': 'nosmoke_lib.Network'}", ValueError, ["bad.json", "not valid JSON"]),
    ("latin-1 bytes", b'{"format": "caf\xe9"}', ValueError, ["bad.json", "UTF-8"]),
    ("unknown activation", edited(activation=["sigmoid", "swish"]), ValueError, ["bad.json", "swish"]),
    ("bias as text", edited(bias="true"), ValueError, ["bad.json", "bias"]),
]


@pytest.mark.parametrize("name, text, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_broken_file_is_refused_with_its_name(tmp_path, name, text, error, words):
    path = tmp_path / "bad.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(error) as info:
        Network.load(path)
    for word in words:
        assert word in str(info.value), f"{name}: {word!r} not in {info.value}"


def test_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    assert Network.load(path).sizes == [3, 2, 2]


def test_a_folder_is_not_a_network(tmp_path):
    with pytest.raises(IsADirectoryError, match="folder"):
        Network.load(tmp_path)
    with pytest.raises(IsADirectoryError, match="folder"):
        Network([2, 1]).save(tmp_path)


def test_save_refuses_weights_that_are_not_finite_and_leaves_no_file(tmp_path):
    net = Network([2, 1])
    net.weights[0][0, 0] = np.inf
    with pytest.raises(ValueError, match=r"weights\[0\].*inf or nan"):
        net.save(tmp_path / "net.json")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_save_keeps_the_old_file_whole(tmp_path, monkeypatch):
    path = Network([2, 1], seed=1).save(tmp_path / "net.json")
    before = path.read_text()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError, match="disk full"):
        Network([2, 1], seed=2).save(path)
    assert path.read_text() == before and [p.name for p in tmp_path.iterdir()] == ["net.json"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(GOOD)), value=json_values)
def test_any_edit_of_a_field_loads_or_is_refused_with_the_file_name(tmp_path, key, value):
    """Replace one field by anything JSON can hold: a working network, or a ValueError naming the file."""
    path = tmp_path / "edited.json"
    path.write_text(json.dumps({**GOOD, key: value}))
    try:
        net = Network.load(path)
    except ValueError as problem:
        assert "edited.json" in str(problem)
    else:
        assert net.predict(np.ones((2, net.sizes[0]))).shape == (2,)
