"""The notebooks as a whole: their template, outputs, slides, claims, figures, and the static site."""

import importlib.util

# The static site is built and checked in a venv of its own (requirements-docs.txt; .ci/run does it
# first, see test_site.py): the course's venv has no jupyter-book, so there is nothing to collect.
collect_ignore = [] if importlib.util.find_spec("jupyter_book") else ["test_site.py"]
