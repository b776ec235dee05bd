"""nosmoke_lib: the small numpy library behind the course "Neural Networks — No Smoke".

The core (``activations``, ``network``, ``gradcheck``, ``descent``) needs
numpy and scipy only; ``plots``, ``widgets`` and ``exercises`` import
matplotlib and ipywidgets when they are first used, and ``data`` imports
scikit-learn only to split and scale, so ``import nosmoke_lib`` stays fast.
"""

from .activations import ACTIVATIONS, get_activation, sigmoid
from .data import Dataset, export_split, load_csv, load_iris, load_wheat_seeds, make_math_func, one_hot, scaler, split
from .descent import descend_1d
from .gradcheck import gradient_check, numerical_gradients
from .network import History, Network

__version__ = "1.0.0"

__all__ = [
    "ACTIVATIONS",
    "Dataset",
    "History",
    "Network",
    "descend_1d",
    "export_split",
    "get_activation",
    "gradient_check",
    "load_csv",
    "load_iris",
    "load_wheat_seeds",
    "make_math_func",
    "numerical_gradients",
    "one_hot",
    "scaler",
    "sigmoid",
    "split",
]
