"""nosmoke_lib: the small numpy library behind the course "Neural Networks — No Smoke".

Its folders are its layers, each importing only the ones listed before it
(``tests/test_layout.py`` checks it):

- ``core``: what a learner reads to understand a network (numpy, and scipy's sigmoid);
- ``training``: the fast training loop, proved equal to the core's;
- ``data``: the data sets, and splitting, one-hot and scaling;
- ``network``: the ``Network`` class, which checks its arguments and uses core and training;
- ``evaluation``: measures of a trained network, the original's reports, experiments;
- ``plots``, ``widgets``, ``exercises``: what the notebooks show and ask.

``plots``, ``widgets`` and ``exercises`` import matplotlib and ipywidgets
when they are first used, and ``data`` imports scikit-learn only to split
and scale, so ``import nosmoke_lib`` stays fast.
"""

import sys

from . import evaluation
from .core import activations, descent, gradcheck
from .core.activations import ACTIVATIONS, get_activation, sigmoid
from .core.descent import descend_1d
from .core.gradcheck import gradient_check, numerical_gradients
from .data import Dataset, export_split, load_csv, load_iris, load_wheat_seeds, make_math_func, one_hot, scaler, split
from .network import History, Network

# Modules that moved keep their old names: nosmoke_lib.gradcheck (DESIGN.md's contract), .activations,
# .descent, and .results (the reports, now in evaluation).
for _old, _module in {
    "activations": activations,
    "descent": descent,
    "gradcheck": gradcheck,
    "results": evaluation,
}.items():
    sys.modules[f"{__name__}.{_old}"] = _module


def _show_figure(fig) -> None:
    from .plots.display import show_figure  # matplotlib is imported here, when a figure is shown

    show_figure(fig)


def _figures_with_text_alternatives() -> None:
    """In a notebook, show every matplotlib figure sharp and with a text alternative (``plots.display``).

    Registered by the figure's class name, so matplotlib need not be imported
    yet; outside IPython nothing happens.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None and hasattr(shell, "display_formatter"):
        formatter = shell.display_formatter.ipython_display_formatter  # takes over the whole display
        formatter.for_type_by_name("matplotlib.figure", "Figure", _show_figure)


_figures_with_text_alternatives()

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
