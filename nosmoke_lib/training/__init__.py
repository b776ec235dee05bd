"""The fast path: ``Network.fit``'s training loop on buffers, with every option, proved equal to the core."""

from .history import History
from .loop import DIVERGENCE_FACTOR, Settings, fit

__all__ = ["DIVERGENCE_FACTOR", "History", "Settings", "fit"]
