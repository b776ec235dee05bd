"""The classroom suite. The tool it runs, ``tools/classroom/load_test.py``, is loaded here from its file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

LOAD_TEST = Path(__file__).resolve().parents[2] / "tools" / "classroom" / "load_test.py"


def _load(name: str = "nosmoke_classroom_load_test"):
    """``tools/classroom/load_test.py`` as a module (tools/ is not a package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, LOAD_TEST)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]


load_test = _load()
