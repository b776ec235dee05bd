"""Headings answer to JupyterLab's anchors too (a Sphinx extension that docs/site/_config.yml loads).

A notebook links to a heading of another the way JupyterLab names it: the heading's text with its
spaces turned into hyphens, case kept (``05_backpropagation.ipynb#Why-the-starting-weights-matter``).
MyST names the same heading the way GitHub does, ``why-the-starting-weights-matter``, and the
README's links count on that (``README.md#course-map``). This gives every heading JupyterLab's name
as a second one, so that both kinds of links resolve, to the same place; a link to a heading that
does not exist still fails the build.
"""

from __future__ import annotations


def jupyterlab_anchor(text: str) -> str:
    """The id JupyterLab gives a heading: its text, spaces replaced by hyphens."""
    return text.strip().replace(" ", "-")


def add_jupyterlab_anchors(app, doctree) -> None:
    slugs = app.env.metadata.get(app.env.docname, {}).get("myst_slugs")
    if not slugs:
        return
    for line, target, text in list(slugs.values()):
        slugs.setdefault(jupyterlab_anchor(text), (line, target, text))


def setup(app):
    app.connect("doctree-read", add_jupyterlab_anchors)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
