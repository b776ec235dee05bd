"""The built static site (docs/site/_build/html), opened from disk (file://) in headless chromium.

Each notebook's page must show every picture its outputs hold, the widgets' snapshots among them,
loaded and drawn, each with a text alternative; nothing from the build's own folder may fail to load,
the page may raise no JavaScript error of its own, and axe-core finds no serious or critical WCAG 2.1
AA violation in its content (``accessibility.py``). When the site is not built (it is built in a venv of its own: see
tests/notebooks/test_site.py) these tests are skipped locally and fail under CI: .ci/run builds it first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from figures import shows_figure

from . import accessibility
from .servers import NOTEBOOKS, REPO, SCREENSHOTS, unavailable

pytestmark = pytest.mark.browser

HTML = REPO / "docs" / "site" / "_build" / "html"

# Page errors and failed requests that are upstream noise, with the reason they do no harm.
KNOWN_PAGE_ERRORS = {
    # sphinx-thebe 0.3.1 (pulled in by Jupyter Book 1.x) writes its settings script into every page
    # twice; the second copy throws. Thebe (live code on a remote kernel) is off for this site.
    "Identifier 'THEBE_JS_URL' has already been declared",
}
KNOWN_FAILED_REQUESTS = {
    # Sphinx loads MathJax from a CDN: without a network the formulas show as their LaTeX source,
    # online they are typeset. Pictures and text need nothing from outside.
    "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js",
}

IMAGES_JS = """() => Array.from(document.querySelectorAll('.cell_output img')).map(img => {
  const box = img.getBoundingClientRect();
  return {src: img.getAttribute('src'), alt: img.getAttribute('alt') || '', loaded: img.complete && img.naturalWidth > 0,
          width: box.width, height: box.height};
})"""


def _pictures(notebook: Path) -> list[bool]:
    """The pictures the notebook's outputs hold, in order: True for a widget's PNG snapshot, False
    for a plot."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    outputs = [o.get("data", {}) for c in cells for o in c.get("outputs", [])]
    return ["application/vnd.jupyter.widget-view+json" in data for data in outputs if shows_figure(data)]


@pytest.fixture(scope="module")
def site_html():
    if not (HTML / "notebooks").is_dir():
        unavailable(
            f"the site is not built ({HTML.relative_to(REPO)} is missing): build it with "
            "`jupyter-book build . --config docs/site/_config.yml --toc docs/site/_toc.yml --path-output docs/site` "
            "in the docs venv (requirements-docs.txt)"
        )
    return HTML


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_site_page_shows_its_pictures(browser, site_html, notebook: Path, browser_report):
    path = site_html / "notebooks" / f"{notebook.stem}.html"
    assert path.is_file(), f"no page for {notebook.name} in the built site"
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors, failed = [], []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.on("requestfailed", lambda request: failed.append(request.url))
    try:
        page.goto(path.as_uri(), wait_until="load")
        images = page.evaluate(IMAGES_JS)
        pictures = _pictures(notebook)
        browser_report["rows"].append(
            (f"site-{notebook.stem}", f"{len(images)} pictures shown", f"{sum(pictures)} of them widget snapshots")
        )
        assert len(images) == len(pictures), (
            f"the page shows {len(images)} pictures in its outputs, its notebook holds {len(pictures)}"
        )
        not_shown = [i["src"] for i in images if not (i["loaded"] and i["width"] > 0 and i["height"] > 0)]
        assert not not_shown, f"pictures not shown: {not_shown}"
        without_alt = [i["src"][:80] for i in images if len(i["alt"].split()) < 5]
        assert not without_alt, f"pictures without a text alternative: {without_alt}"
        # The page's content is the notebook's; the theme's search button and navigation are the host's.
        accessibility.check(page, f"site-{notebook.stem}", browser_report, course="article")
        text = page.locator("body").text_content() or ""
        assert not re.search(r"\w+Widget\(children=|VBox\(children=", text), "a widget shows as text"
        if images:  # the screenshot shows the first widget's snapshot, else the first plot
            first = pictures.index(True) if any(pictures) else 0
            page.locator(".cell_output img").nth(first).scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"site-{notebook.stem}.png"))
        unexpected = [e for e in errors if e not in KNOWN_PAGE_ERRORS]
        assert not unexpected, f"JavaScript errors in the page: {unexpected}"
        unexpected = [url for url in failed if url not in KNOWN_FAILED_REQUESTS]
        assert not unexpected, f"failed to load: {unexpected}"
    finally:
        context.close()
