"""A network to and from JSON: plain numbers, no pickle, safe to share and to read."""

from __future__ import annotations

import json
from pathlib import Path

FORMAT = "nosmoke_lib.Network"


def to_dict(net) -> dict:
    """Everything needed to rebuild ``net``, as plain JSON types."""
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
    """Rebuild a ``cls`` network from ``to_dict``'s output, checking every field."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f'{source} is not a saved nosmoke_lib Network (no "format": "{FORMAT}" field)')
    try:
        net = cls(data["sizes"], data["activation"], data["bias"], data.get("seed", 0), data.get("weight_scale", 1.0))
        net.set_parameters(data["weights"], data["biases"])
    except KeyError as missing:
        raise ValueError(f"{source} has no {missing} field") from None
    except (TypeError, ValueError) as problem:
        raise ValueError(f"{source} holds a broken network: {problem}") from None
    net.trained_with = dict(data.get("trained_with") or {})
    return net


def save(net, path) -> Path:
    """Write ``net`` to a JSON file."""
    path = Path(path)
    path.write_text(json.dumps(to_dict(net), indent=1))
    return path


def load(cls, path):
    """Read a network written by ``save``."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path: no file at {path}")
    try:
        data = json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise ValueError(f"{path} is not valid JSON: {problem}") from None
    return from_dict(cls, data, source=str(path))
