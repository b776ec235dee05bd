"""Fixtures for the browser suite: a real Jupyter server per frontend and one headless chromium.

Each frontend (JupyterLab, Notebook 7) gets one server for the whole session (``servers.py``: on a
free port of 127.0.0.1 with a random token, serving a temporary copy of ``notebooks/``, with fresh
settings).

Voilà (``voila``, the same Python's ``-m voila``) gets one server of its own for the session, set up
the same way (``voila`` fixture), for ``test_voila.py``.

The browser is Debian's ``chromium`` driven by the Playwright Python package (never a browser that
Playwright downloads). When either is missing the tests are skipped locally, with how to install
it, and fail under CI (``CI=true``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from .servers import FRONTENDS, REPO, SCREENSHOTS, JupyterServer, VoilaServer, unavailable

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these chromium keeps opening connections to Google services, which fail here.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives JupyterLab and Notebook 7 in headless chromium")


@pytest.fixture(scope="session")
def playwright_instance():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable(
            "the Playwright Python package is missing: pip install -r requirements-test.txt "
            "(the suite uses Debian's chromium, never run `playwright install`)"
        )
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        unavailable(
            f"chromium not found (looked for {CHROMIUM}); install it with `sudo apt-get install chromium` "
            "or point the CHROMIUM environment variable at a chromium binary"
        )
    manager = sync_playwright().start()
    yield manager
    manager.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session", params=list(FRONTENDS))
def jupyter(request):
    """One Jupyter server per frontend for the whole session (tests are grouped by frontend)."""
    with tempfile.TemporaryDirectory(prefix=f"nosmoke-browser-{request.param}-") as base:
        server = JupyterServer(request.param, Path(base))
        yield server
        server.stop()


@pytest.fixture(scope="session")
def voila():
    """One standalone Voilà server for the whole session (``test_voila.py``)."""
    if importlib.util.find_spec("voila") is None:
        unavailable("Voilà is missing: pip install -r requirements.txt")
    with tempfile.TemporaryDirectory(prefix="nosmoke-browser-voila-") as base:
        server = VoilaServer(Path(base))
        yield server
        server.stop()


_REPORT = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def browser_report(pytestconfig):
    """Rows (test id, what, value) the tests record; printed after the run and saved to report.json."""
    report = pytestconfig.stash.setdefault(_REPORT, {"rows": [], "start": time.monotonic(), "end": None})
    return report


@pytest.fixture(autouse=True)
def _browser_clock(browser_report):
    yield
    browser_report["end"] = time.monotonic()


def pytest_terminal_summary(terminalreporter, config):
    report = config.stash.get(_REPORT, None)
    if not report or report["end"] is None:
        return
    seconds = report["end"] - report["start"]
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "report.json").write_text(
        json.dumps({"rows": report["rows"], "seconds": round(seconds, 1)}, indent=1), encoding="utf-8"
    )
    terminalreporter.section("browser suite")
    for row in report["rows"]:
        terminalreporter.write_line("  ".join(str(x) for x in row))
    terminalreporter.write_line(
        f"browser suite: {seconds:.1f} s from the first setup to the last test's end; "
        f"screenshots and report.json in {SCREENSHOTS.relative_to(REPO)}/"
    )
