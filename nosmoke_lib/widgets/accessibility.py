"""Accessible names for ipywidgets' controls, in every front end (a small front-end patch, shipped with the course).

ipywidgets 8.1 renders a slider's handle (the element a keyboard and a screen
reader use) with its value but no name, and the Play widget's buttons as bare
icons. ``accessible_names.js`` names them, and gives each widget image its
description as ``alt``. Every course widget displays it before itself
(``FigureWidget``), as a JavaScript output: JupyterLab and Notebook 7 run it
in a notebook the learner runs, Voilà in every page it renders, and it is
harmless where it runs twice. docs/accessibility.md has what upstream lacks.
"""

from __future__ import annotations

from pathlib import Path

#: The patch: a script with no dependencies, run once per page.
SCRIPT = Path(__file__).with_name("accessible_names.js").read_text(encoding="utf-8")


def names_bundle() -> dict:
    """The patch as a display bundle; its plain-text part is empty, so a page that does not run it shows nothing."""
    return {"application/javascript": SCRIPT, "text/plain": ""}
