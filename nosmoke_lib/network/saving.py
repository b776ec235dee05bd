"""A network to and from JSON: plain numbers, no pickle, safe to share and to read."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .._validate import _describe
from ..data.files import readable_file, write_atomically

FORMAT = "nosmoke_lib.Network"


def to_dict(net) -> dict:
    """Everything needed to rebuild ``net``, as plain JSON types; refuses weights that are not finite."""
    for name, arrays in (("weights", net.weights), ("biases", net.biases or [])):
        for i, array in enumerate(arrays):
            if not np.isfinite(array).all():
                raise ValueError(f"{name}[{i}] hold inf or nan: such a network cannot be saved (JSON has no inf)")
    return {
        "format": FORMAT,
        "version": 1,
        "sizes": net.sizes,
        "activation": [a.name for a in net.activations],
        "bias": net.bias,
        "seed": net.seed,
        "weight_scale": net.weight_scale,
        "weights": [W.tolist() for W in net.weights],
        "biases": [b.tolist() for b in net.biases] if net.bias else None,
        "trained_with": net.trained_with,
    }


def from_dict(cls, data: dict, source: str = "the data"):
    """Rebuild a ``cls`` network from ``to_dict``'s output, checking every field before building anything."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f'{source} is not a saved nosmoke_lib Network (no "format": "{FORMAT}" field)')
    missing = [key for key in ("sizes", "activation", "bias", "weights", "biases") if key not in data]
    if missing:
        raise ValueError(f"{source} has no {missing[0]!r} field")
    trained_with = data.get("trained_with") or {}
    if not isinstance(trained_with, dict):
        raise ValueError(f'{source}: "trained_with" must be an object (a dict); got {_describe(trained_with)}')
    try:
        net = cls(data["sizes"], data["activation"], data["bias"], data.get("seed", 0), data.get("weight_scale", 1.0))
        net.set_parameters(data["weights"], data["biases"])
    except (TypeError, ValueError) as problem:
        raise ValueError(f"{source} holds a broken network: {problem}") from None
    net.trained_with = dict(trained_with)
    return net


def save(net, path) -> Path:
    """Write ``net`` to a JSON file."""
    return write_atomically(path, json.dumps(to_dict(net), indent=1, allow_nan=False))


def load(cls, path):
    """Read a network written by ``save``."""
    path = readable_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_constant=_no_constants)
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not a text file in UTF-8: not a saved network") from None
    except json.JSONDecodeError as problem:
        raise ValueError(f"{path} is not valid JSON: {problem}") from None
    except RecursionError:
        raise ValueError(f"{path} nests its brackets too deeply to be a saved network") from None
    except ValueError as problem:  # NaN or Infinity, which save never writes
        raise ValueError(f"{path}: {problem}") from None
    return from_dict(cls, data, source=str(path))


def _no_constants(name):
    raise ValueError(f"{name} is not a number a saved network may hold")
