"""The course as a static site, read without a kernel: Jupyter Book 1.x (Sphinx + MyST-NB).

The build runs no notebook: its pages show the committed outputs, and each widget as the PNG
snapshot stored beside its widget view (docs/site/_config.yml says why). Here the site is built as
the README says, from scratch and with warnings as errors (a broken cross-link is a warning), and
then every notebook must be a page, with every picture its outputs hold, and every link between the
pages must land on a page and an anchor that exist.

jupyter-book lives in a venv of its own (requirements-docs.txt), not in the course's: there this
file is skipped. To run it:

    python3 -m venv .docsvenv && .docsvenv/bin/pip install -r requirements-docs.txt
    .docsvenv/bin/python -m pytest --noconftest -o addopts="" -p no:cacheprovider tests/notebooks/test_site.py

(``--noconftest`` and the empty ``addopts``: the course's conftest and options need the course's
packages, which the docs venv does not have.) Afterwards ``pytest tests/browser/test_site_page.py``
in the course's venv opens the built pages in chromium.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from figures import shows_figure

pytest.importorskip(
    "jupyter_book",
    reason="jupyter-book is not installed in this environment: the site is built in a venv of its own "
    "(pip install -r requirements-docs.txt; see tests/notebooks/test_site.py)",
)

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "docs" / "site"
HTML = SITE / "_build" / "html"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))

# The README's command, with --all (every page read again, so every warning is seen again) and
# -W --keep-going (warnings are errors, all of them reported). Nitpicky mode stays off.
BUILD = [
    *(sys.executable, "-c", "import sys; from jupyter_book.cli.main import main; sys.exit(main())"),
    *("build", str(REPO), "--config", str(SITE / "_config.yml"), "--toc", str(SITE / "_toc.yml")),
    *("--path-output", str(SITE), "--builder", "html", "--all", "-W", "--keep-going"),
]


class Page(HTMLParser):
    """The ids, links and images of one HTML page."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])


def _pictures(notebook: Path) -> int:
    """How many pictures the notebook's page must show: one per output holding a figure (plots, and
    the widgets' snapshots) and one per image in its Markdown."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    outputs = sum(shows_figure(o.get("data", {})) for c in cells for o in c.get("outputs", []))
    markdown = sum(len(re.findall(r"!\[", "".join(c["source"]))) for c in cells if c["cell_type"] == "markdown")
    return outputs + markdown


@pytest.fixture(scope="module")
def site():
    start = time.monotonic()
    result = subprocess.run(BUILD, cwd=REPO, capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - start
    log = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # no colours in the message
    problems = [line for line in log.splitlines() if re.search(r"WARNING|ERROR|Exception|Traceback", line)]
    assert result.returncode == 0, f"jupyter-book build failed (exit {result.returncode}):\n" + "\n".join(
        problems or log.splitlines()[-40:]
    )
    print(f"site built in {seconds:.1f} s into {HTML.relative_to(REPO)}")
    return {path: Page(path) for path in HTML.rglob("*.html") if "_static" not in path.parts}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_is_a_page_with_its_pictures(site, notebook: Path):
    path = HTML / "notebooks" / f"{notebook.stem}.html"
    assert path in site, f"no page for {notebook.name}: is it in docs/site/_toc.yml?"
    page = site[path]
    expected = _pictures(notebook)
    assert page.images, f"{path.name} shows no picture"
    assert len(page.images) == expected, (
        f"{path.name} shows {len(page.images)} pictures, its outputs hold {expected} "
        "(a widget shown as its widget view instead of its snapshot?)"
    )
    for src in page.images:  # figures are inline (data:), with their alt text; Markdown's pictures are files
        if not src.startswith("data:image/png;base64,"):
            assert (path.parent / unquote(src)).is_file(), f"{path.name}: picture {src} is not in the build"
    html = path.read_text(encoding="utf-8")
    # Widgets as pictures, not as their text form, and no widget JavaScript from a CDN.
    assert "(children=" not in html, f"{path.name} shows a widget as text"
    for script in ("require.min.js", "embed-amd.js", "html-manager"):
        assert script not in html, f"{path.name} loads {script}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebooks_links_become_links_between_pages(site, notebook: Path):
    """Each link a notebook's Markdown holds to another notebook or to the README (the "course
    map") is a link to that page, and its anchor, on the site."""
    page = site[HTML / "notebooks" / f"{notebook.stem}.html"]
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    markdown = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    targets = set(re.findall(r"\]\(([^)\s]+\.(?:ipynb|md)(?:#[^)\s]*)?)\)", markdown))
    links = {(urlsplit(href).path, _anchor(urlsplit(href).fragment)) for href in page.links}
    for target in sorted(targets):
        expected = re.sub(r"\.(ipynb|md)(?=#|$)", ".html", target)
        path, _, fragment = expected.partition("#")
        # The anchor may be spelled as JupyterLab does (case kept) and land on MyST's (lower case).
        assert (path, _anchor(fragment)) in links, f"{notebook.name} links to {target}; its page does not"


def _anchor(fragment: str) -> str:
    return re.sub(r"[^\w-]", "", unquote(fragment).lower())


def test_every_link_between_pages_resolves(site):
    broken = []
    for path, page in site.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.exists():
                broken.append(f"{path.relative_to(HTML)}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = site[target].ids if target in site else Page(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(HTML)}: {href} (no id {parts.fragment!r} there)")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_the_site_has_its_home_and_about_pages(site):
    for name in (
        "index.html",
        "docs/site/intro.html",
        "README.html",
        "docs/teaching.html",
        "docs/classroom.html",
        "docs/accessibility.html",
        "data/README.html",
    ):
        assert (HTML / name).is_file(), f"{name} is missing from the build"
