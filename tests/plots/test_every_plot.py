"""Every plot function of the package is checked: each is in the table of the test file of its module."""

import inspect

from nosmoke_lib import plots

from .test_curves import CURVES
from .test_drawing import DRAWINGS

#: The module of the plots (``nosmoke_lib.plots.<module>``) -> the table of its test file.
TABLES = {"curves": CURVES, "drawing": DRAWINGS}


def test_every_plot_function_is_in_the_table_of_its_module():
    """A new plot_* or draw_* function must join its module's table, so that the title test checks it too."""
    found = {}
    for name, function in inspect.getmembers(plots, inspect.isfunction):
        if name.startswith(("plot_", "draw_")):
            found.setdefault(function.__module__.rsplit(".", 1)[-1], set()).add(f"plots.{name}")
    assert found == {module: set(table) for module, table in TABLES.items()}
