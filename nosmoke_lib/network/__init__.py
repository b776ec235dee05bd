"""``Network``, the class the notebooks use: checks at its door, ``core`` for the maths, ``training`` to fit."""

from ..training import DIVERGENCE_FACTOR, History
from .network import Network

__all__ = ["DIVERGENCE_FACTOR", "History", "Network"]
