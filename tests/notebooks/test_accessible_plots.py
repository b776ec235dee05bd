"""Every figure the course draws can be read without telling colours apart.

``tests/plots/`` checks the library's plot functions one by one; this checks
what a learner actually sees: every figure each notebook renders, the ones its
cells draw with pyplot and the widgets' ones included. Each notebook is run
with a first cell that wraps matplotlib's rendering, so that every figure is
inspected (``figure_problems``) when it is turned into a picture, and a last
cell that reads back what was found.

Two ways lead from a figure to a picture in the course, and both are wrapped:

- ``FigureCanvasBase.print_figure``: the inline backend's PNG (IPython's
  ``print_figure``) and ``FigureWidget``'s (``plots.figure_png`` -> ``savefig``);
- ``FigureCanvasAgg.buffer_rgba``: the replay widgets blit (they draw the
  still parts once and only the moving ones per snapshot) and read the pixels
  straight off the canvas, without ``print_figure``.

A figure passes if every axes has a title, every axes with its axis shown has
an x and a y label, every colour is from the Okabe–Ito palette (or a tint of
one, or a grey), every colormap is colour-blind safe, and no two series in one
axes differ by colour alone.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import ipykernel.kernelspec
import nbformat
import numpy as np
import pytest
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from matplotlib import colormaps
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap, to_rgb, to_rgba_array
from matplotlib.figure import Figure
from nbclient import NotebookClient

from nosmoke_lib import plots
from nosmoke_lib.plots import OKABE_ITO

HERE = Path(__file__).resolve().parent
NOTEBOOKS = sorted((HERE.parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))

PALETTE = [to_rgb(c) for c in OKABE_ITO]
#: Colormaps that stay ordered and distinct with every kind of colour-blindness (perceptually uniform, or grey).
SAFE_COLORMAPS = {"viridis", "cividis", "plasma", "inferno", "magma", "gray", "Greys", "binary"}
TOLERANCE = 0.02  # on 0..1 channels: hex rounding and mixing leave less than this


# -- what is checked in one figure ----------------------------------------------------------------


def safe_colour(colour) -> bool:
    """An Okabe–Ito colour, one of them lightened towards white, or a grey (black and white included).

    Lightened: ``c + (1 - c) * a`` for one ``a`` in [0, 1] on all three channels, what a translucent
    fill over white or a tinted background (the replay's decision regions) makes of the colour.
    """
    rgb = np.array(to_rgb(colour))
    if np.ptp(rgb) < TOLERANCE:
        return True
    for base in PALETTE:
        base = np.array(base)
        room = 1 - base
        if np.any((room < TOLERANCE) & (np.abs(rgb - base) > TOLERANCE)):
            continue  # a channel already at 1 cannot change when lightened
        amounts = ((rgb - base) / np.where(room < TOLERANCE, 1, room))[room >= TOLERANCE]
        if np.ptp(amounts) < 2 * TOLERANCE and -TOLERANCE <= amounts.mean() <= 1:
            return True
    return False


def safe_colormap(cmap) -> bool:
    """A colour-blind-safe colormap, or a list of safe colours (a colormap of categories)."""
    if cmap.name.removesuffix("_r") in SAFE_COLORMAPS:
        return True
    return isinstance(cmap, ListedColormap) and all(safe_colour(c) for c in cmap.colors)


def _painted(colours, widths=(1,)) -> list:
    """The colours that show: not fully transparent, and (for edges) drawn with a width above 0."""
    if not np.any(np.asarray(widths) > 0):
        return []
    return [tuple(c) for c in to_rgba_array(colours) if c[3] > 0]


def _colour_problems(ax) -> list[str]:
    """The colours the axes paints with that are not safe, one message per artist."""
    found = []  # (artist description, colour or colormap name)
    for line in ax.lines:
        colours = [line.get_color()]
        if str(line.get_marker()) not in ("None", "", " "):
            colours += [line.get_markerfacecolor(), line.get_markeredgecolor()]
        found += [(f"line {line.get_label()!r}", c) for c in _painted(colours)]
    for patch in ax.patches:
        colours = _painted(patch.get_facecolor()) + _painted(patch.get_edgecolor(), patch.get_linewidth())
        found += [(f"{type(patch).__name__} {patch.get_label()!r}", c) for c in colours]
    for artist in [*ax.collections, *ax.images]:
        what = f"{type(artist).__name__} {artist.get_label()!r}"
        data = artist.get_array()
        if data is not None and np.ndim(data) <= 2:  # coloured by value: its colormap decides (RGB images have none)
            if not safe_colormap(artist.get_cmap()):
                found.append((what, f"colormap {artist.get_cmap().name}"))
            continue
        if hasattr(artist, "get_facecolor"):
            colours = _painted(artist.get_facecolor()) + _painted(artist.get_edgecolor(), artist.get_linewidth())
            found += [(what, c) for c in colours]
    problems = []
    for what, colour in found:
        if isinstance(colour, str):
            problems.append(f"{what}: {colour} is not colour-blind safe (use viridis or cividis)")
        elif not safe_colour(colour):
            rgb = "#" + "".join(f"{round(255 * v):02x}" for v in colour[:3])
            problems.append(f"{what}: colour {rgb} is not Okabe–Ito, a tint of it or a grey")
    return list(dict.fromkeys(problems))


def _line_style(line) -> tuple:
    """What tells a line apart without colour: its dash pattern (none for markers only) and its marker."""
    # get_linestyle() calls every custom dash tuple "--"; the dash pattern itself tells them apart.
    dashes = "none" if line.get_linestyle() in ("None", "", " ") else str(line._unscaled_dash_pattern)
    marker = str(line.get_marker())
    return dashes, "none" if marker in ("None", "", " ") else marker


def _style_problems(ax) -> list[str]:
    """Series a legend names (labels not starting with "_") that share their style and marker."""
    series = {}
    for line in ax.lines:  # several lines with one label are one series drawn in parts: styled once
        if not line.get_label().startswith("_"):
            series.setdefault(line.get_label(), ("line", _line_style(line)))
    for scatter in ax.collections:
        if scatter.get_label().startswith("_") or not hasattr(scatter, "get_offsets") or not scatter.get_paths():
            continue
        marker = scatter.get_paths()[0].vertices  # a scatter draws one marker path at every point
        series.setdefault(scatter.get_label(), ("scatter", str(np.round(marker, 3).tolist())))
    by_style = {}
    for label, style in series.items():
        by_style.setdefault(style, []).append(label)
    return [
        f"{kind}s {', '.join(map(repr, labels))} differ by colour only: give each a line style or marker"
        for (kind, _), labels in by_style.items()
        if len(labels) > 1
    ]


def _text_problems(ax, fig) -> list[str]:
    """A title for every axes; an x and a y label for an axes that shows its axis."""
    problems = []
    colorbar = getattr(ax, "_colorbar", None)
    if colorbar is not None:  # a colorbar's own text is the label along it; the title is its plot's
        return [] if colorbar.long_axis.get_label_text().strip() else ["colorbar without a label"]
    # A twin drawn over another axes (a second y axis, a hidden one for histograms) has that one's title.
    same_place = [a for a in fig.axes if np.allclose(a.get_position().bounds, ax.get_position().bounds)]
    titled = [a for a in same_place if any(a.get_title(loc=loc).strip() for loc in ("left", "center", "right"))]
    if not titled and not fig.get_suptitle().strip():
        problems.append("no title (nor a suptitle)")
    if ax.axison:
        # An axes may leave its label to another that shares that axis with it: the two have the same
        # limits by construction, so the one label names both (subplots(sharex=True) labelled only at the
        # bottom). Merely sitting in the same column is not enough: an unshared axis may show anything.
        for which in "xy":
            shared = getattr(ax, f"get_shared_{which}_axes")().get_siblings(ax)
            own = [a for a in shared if getattr(a, f"get_{which}label")().strip()]
            if not own and not getattr(fig, f"get_sup{which}label")().strip():
                problems.append(f"no {which} label (nor one on an axes sharing its {which})")
    return problems


def figure_problems(fig) -> list[str]:
    """What makes the figure hard to read, one message per problem (naming its axes); empty if it passes."""
    problems = []
    for n, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        name = f"axes {n} {ax.get_title()[:60]!r}"
        found = _text_problems(ax, fig) + _colour_problems(ax) + _style_problems(ax)
        problems += [f"{name}: {p}" for p in found]
    return problems


# -- watching a notebook render --------------------------------------------------------------------


def watch_rendering() -> dict:
    """Wrap matplotlib's rendering so that every figure is inspected on its way to a picture.

    Returns
    -------
    dict
        Filled in as figures are rendered: "figures" (how many renderings were inspected),
        "cells" (the cells that rendered one) and "problems" (``[cell, message]`` pairs). In a
        kernel a cell is numbered by the order it ran in after this call, from 0; elsewhere it is ``None``.
    """
    from IPython import get_ipython

    report = {"figures": 0, "cells": [], "problems": []}
    print_figure, buffer_rgba = FigureCanvasBase.print_figure, FigureCanvasAgg.buffer_rgba
    state = {"cell": None, "printing": False}

    def inspect(fig):
        report["figures"] += 1
        report["cells"] = sorted({*report["cells"], state["cell"]} - {None})
        report["problems"] += [[state["cell"], p] for p in figure_problems(fig)]

    def watched_print_figure(self, *args, **kwargs):
        inspect(self.figure)
        state["printing"] = True  # the PNG it writes reads buffer_rgba: one picture, inspected once
        try:
            return print_figure(self, *args, **kwargs)
        finally:
            state["printing"] = False

    def watched_buffer_rgba(self):
        if not state["printing"]:
            inspect(self.figure)
        return buffer_rgba(self)

    FigureCanvasBase.print_figure = watched_print_figure
    FigureCanvasAgg.buffer_rgba = watched_buffer_rgba
    shell = get_ipython()
    if shell is not None:  # counted, not the cell's [n]: IPython versions differ in when they raise that
        state["cell"] = -1
        shell.events.register("pre_run_cell", lambda _info: state.update(cell=state["cell"] + 1))
    return report


WATCH = f"""import sys
sys.path.insert(0, {str(HERE)!r})
import test_accessible_plots
sys.path.pop(0)
_accessible_plots = test_accessible_plots.watch_rendering()"""
READ = "import json\nprint(json.dumps(_accessible_plots))"


class CurrentEnvKernel(AsyncKernelManager):
    """python3 run by this interpreter, as nbval's --nbval-current-env: never a python3 kernelspec installed elsewhere."""

    @property
    def kernel_spec(self):
        return KernelSpec(resource_dir=ipykernel.kernelspec.RESOURCES, **ipykernel.kernelspec.get_kernel_dict())


async def run_notebook(path: Path) -> dict:
    """Execute the notebook (in its folder) between WATCH and READ; returns its problems by cell and the cells with a PNG.

    Returns
    -------
    dict
        "figures": renderings inspected; "problems": {cell index: [messages]}; "drew": the indices of
        the cells that rendered a figure; "shown": those of the cells whose output holds a PNG.
        Indices count the notebook's cells from 0, as ``nb.cells`` does.
    """
    nb = nbformat.read(path, as_version=4)
    nb.cells = [nbformat.v4.new_code_cell(WATCH), *nb.cells, nbformat.v4.new_code_cell(READ)]
    client = NotebookClient(
        nb, timeout=600, kernel_manager_class=CurrentEnvKernel, resources={"metadata": {"path": str(path.parent)}}
    )
    await client.async_execute()
    printed = [o.text for o in nb.cells[-1].outputs if o.output_type == "stream" and o.name == "stdout"]
    report = json.loads("".join(printed))
    ran = [k - 1 for k, cell in enumerate(nb.cells) if cell.get("execution_count") is not None]  # k - 1: WATCH
    index = dict(enumerate(ran[1:]))  # the cells in the order they ran, after WATCH
    problems = {}
    for count, message in report["problems"]:
        problems.setdefault(index[count], {})[message] = None  # a widget redrawn shows the same problem again
    from figures import shows_figure  # here: the kernel imports this module too, without tests/ on its path

    shown = [
        k - 1
        for k, cell in enumerate(nb.cells)
        if any(shows_figure(output.get("data", {})) for output in cell.get("outputs", []))
    ]
    return {
        "figures": report["figures"],
        "problems": {k: list(messages) for k, messages in sorted(problems.items())},
        "drew": [index[count] for count in report["cells"]],
        "shown": shown,
    }


@pytest.fixture(scope="module")
def rendered():
    """``rendered(path)``: run_notebook's report for that notebook, executed (figures watched) when first asked for.

    One notebook at a time: two kernels started at once can be handed the same TCP port by jupyter_client
    ("Address already in use"), and one of them dies (seen with jupyter_client 8.6 and 8.10).
    """
    reports = {}

    def render(path):
        if path.stem not in reports:
            # In a thread with an event loop of its own: the browser suite's Playwright keeps one running in this thread.
            with ThreadPoolExecutor(1) as thread:
                reports[path.stem] = thread.submit(lambda: asyncio.run(run_notebook(path))).result()
        return reports[path.stem]

    return render


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_a_notebook_shows_is_readable_without_colour(rendered, path):
    report = rendered(path)
    assert report["figures"] > 0, "no figure was rendered: is the inline backend on?"
    assert set(report["shown"]) <= set(report["drew"]), "a cell shows a picture the watch did not see"
    found = [f"cell {k}: {message}" for k, messages in report["problems"].items() for message in messages]
    assert not found, f"{path.name}:\n" + "\n".join(found)


# -- the check itself can fail -------------------------------------------------------------------


@pytest.fixture
def watch(monkeypatch):
    """watch_rendering in this process, undone after the test (monkeypatch keeps the originals)."""
    monkeypatch.setattr(FigureCanvasBase, "print_figure", FigureCanvasBase.print_figure)
    monkeypatch.setattr(FigureCanvasAgg, "buffer_rgba", FigureCanvasAgg.buffer_rgba)
    return watch_rendering()


def test_a_figure_without_title_and_with_red_and_green_lines_alike_is_reported(watch):
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [0, 1, 4], color="red", label="training")
    ax.plot([0, 1, 2], [0, 2, 3], color="green", label="test")
    ax.legend()
    plots.figure_png(fig)  # as a FigureWidget renders
    problems = [message for _, message in watch["problems"]]
    assert watch["figures"] == 1
    assert any("no title" in p for p in problems)
    assert any("no x label" in p for p in problems) and any("no y label" in p for p in problems)
    assert any("colour #ff0000" in p for p in problems) and any("colour #008000" in p for p in problems)
    assert any("'training', 'test' differ by colour only" in p for p in problems)


def test_a_blitted_figure_is_inspected_and_a_readable_one_passes(watch):
    fig = Figure()
    canvas = FigureCanvasAgg(fig)
    plots.plot_activation("sigmoid", ax=fig.add_subplot())
    canvas.draw()
    canvas.buffer_rgba()  # as the replay widgets read their pixels
    assert watch["figures"] == 1 and watch["problems"] == []


def test_what_counts_as_a_safe_colour_and_colormap():
    assert all(safe_colour(c) for c in [*OKABE_ITO, "white", "grey", "0.8", plots.light(plots.ORANGE)])
    assert not any(safe_colour(c) for c in ["red", "green", "C0", "#1f77b4"])
    assert safe_colormap(colormaps["viridis"]) and safe_colormap(colormaps["cividis_r"])
    assert not safe_colormap(colormaps["jet"]) and not safe_colormap(colormaps["RdYlGn"])
    assert safe_colormap(ListedColormap([plots.light(c) for c in plots.SPECIES_COLORS]))
