"""The classroom suite: a real JupyterHub on 127.0.0.1 with a class of students (``tools/classroom/load_test.py``).

It needs the ``jupyterhub`` package in this Python and configurable-http-proxy from npm
(``npm ci --prefix tools/classroom``, node >= 20). Where either is missing the tests are skipped
locally, with how to install them, and fail under CI (``CI=true``).
"""

from __future__ import annotations

import os

import pytest

from . import load_test


@pytest.fixture(scope="session")
def classroom_tools():
    """Skip locally, fail under CI, when JupyterHub or its proxy is missing."""
    problems = load_test.missing()
    if problems:
        reason = "; ".join(problems) + f" (install: {load_test.INSTALL_HINT})"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI=true and the classroom suite cannot run: {reason}", pytrace=False)
        pytest.skip(reason)
