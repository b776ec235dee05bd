"""Every notebook as a teacher projects it: in Voilà (code hidden, widgets live), in headless chromium.

One standalone ``voila`` serves a temporary copy of the notebooks (the ``voila`` fixture). For each
notebook: its page (``/voila/render/<name>``) loads, Voilà runs every cell, and then no output may
be an error or stderr, no widget may fail to display ("Error displaying widget") and the page may
raise no JavaScript error. Then, where the notebook has sliders, they are dragged with the mouse:
alpha and epochs when it has a training widget, else its first slider; the plot under them must be
redrawn within a second of the release (the same drag as ``test_browser.py``).

And the route a teacher uses from JupyterLab: Voilà's server extension answers
``/voila/render/<path>`` on the Jupyter server itself, and the notebook toolbar's "Render with
Voilà" button opens it beside the notebook.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from . import accessibility
from .servers import NOTEBOOKS, SCREENSHOTS
from .test_browser import _drag_sliders, _shot, _wait

pytestmark = pytest.mark.browser

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PAGE_TIMEOUT = 120  # s for Voilà to run a notebook's cells and send the page

# Requests that fail here and do no harm, with the reason. Anything else that fails to load (from
# the server on 127.0.0.1 above all) fails the test.
KNOWN_FAILED_REQUESTS = {
    # Voilà's "lab" template links Font Awesome's CSS from a CDN, for icons in buttons; without a
    # network (here, or in a classroom offline) the icons are missing and nothing else is. No widget
    # in the course uses an icon.
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/v4-shims.min.css",
}

# Voilà has sent the page (every cell ran) and shown the cells (its spinner is gone).
SHOWN_JS = """() => {
  const cells = document.getElementById('rendered_cells');
  return !document.getElementById('loading') && !!cells && cells.style.display !== 'none'
    && !document.querySelector('script[type="application/vnd.voila.cell-output+json"]');
}"""

# Widget outputs have no mime type of their own; each holds its widget once the manager rendered it.
WIDGETS_JS = """() => {
  const outputs = Array.from(document.querySelectorAll('#rendered_cells .jp-OutputArea-output'))
    .filter(o => !o.hasAttribute('data-mime-type'));
  const broken = outputs.filter(o => o.textContent.includes('Error displaying widget')).length;
  const rendered = outputs.filter(o => o.querySelector('.jupyter-widgets')).length;
  return {outputs: outputs.length, rendered, broken};
}"""

# Where the page's links to notebooks lead (absolute URLs, as the browser resolved them).
NOTEBOOK_LINKS_JS = """() => Array.from(document.querySelectorAll('#rendered_cells a[href]'))
  .map(a => a.href).filter(h => new URL(h).pathname.endsWith('.ipynb'))"""

# What a teacher would see on the projector when something went wrong.
ERROR_OUTPUTS = ", ".join(
    [
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',  # stderr and tracebacks
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]',
        ".jupyter-widgets-error-widget",
    ]
)


def _notebooks():
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def _widget_displays(notebook: Path) -> int:
    """How many widgets the notebook displays (its committed outputs hold one widget view each)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(WIDGET_VIEW in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


@pytest.fixture
def voila_page(browser):
    """A fresh browser context and page; collects page errors and failed requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.page_errors = []
    page.failed_requests = []
    page.on("pageerror", lambda error: page.page_errors.append(error.message))
    page.on("requestfailed", lambda request: page.failed_requests.append(f"{request.url} ({request.failure})"))
    yield page
    context.close()  # the server culls the page's kernel 30 s later (see VoilaServer in servers.py)


def _open(page, url: str, widgets: int) -> float:
    """Open a Voilà page and wait until its cells are shown and ``widgets`` widgets rendered; return
    the seconds from the request to the last widget."""
    start = time.monotonic()
    page.goto(url, timeout=PAGE_TIMEOUT * 1000)  # returns once Voilà has run every cell
    _wait("Voilà to show the cells", lambda: page.evaluate(SHOWN_JS), 30)

    def rendered():
        state = page.evaluate(WIDGETS_JS)
        return state["broken"] or state["rendered"] >= widgets

    _wait(f"{widgets} widget(s) to render", rendered, 30)
    return time.monotonic() - start


def _problems(page) -> list[str]:
    """Everything on the page that says something went wrong."""
    problems = []
    for text in page.locator(ERROR_OUTPUTS).all_text_contents():
        problems.append(f"error output: {text.strip()[:2000]}")
    text = page.locator("body").text_content() or ""
    for needle in (
        "Error displaying widget",
        "Traceback (most recent call last)",
        "There was an error when executing cell",  # Voilà's notice when show_tracebacks is off
    ):
        if needle in text:
            problems.append(f"the page says {needle!r}")
    problems += [f"JavaScript error: {message}" for message in page.page_errors]
    problems += [
        f"failed to load: {request}"
        for request in page.failed_requests
        if request.split(" (")[0] not in KNOWN_FAILED_REQUESTS
    ]
    return problems


@pytest.fixture(scope="module")
def voila_host_rules(browser, voila, browser_report):
    """What Voilà breaks on plain Markdown (``accessibility.PLAIN``): its own markup's rules, and those
    its styling breaks in the content."""
    (voila.root / accessibility.PLAIN_NAME).write_text(json.dumps(accessibility.PLAIN), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = context.new_page()
        _open(page, voila.render_url(accessibility.PLAIN_NAME), 0)
        markup, rules = accessibility.plain_markdown_rules(page)
    finally:
        context.close()
    browser_report["rows"].append(("voila-plain-markdown", "axe: rules the host's styling breaks", sorted(rules)))
    return markup, rules


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda p: p.stem)
def test_voila_page_runs_and_its_sliders_redraw(voila_page, voila, notebook: Path, browser_report, voila_host_rules):
    page = voila_page
    test_id = f"voila-{notebook.stem}"
    widgets = _widget_displays(notebook)
    seconds = _open(page, voila.render_url(notebook.name), widgets)
    browser_report["rows"].append((test_id, f"page shown, {widgets} widget(s) rendered", f"{seconds:.2f} s"))
    _shot(page, test_id, "1-opened")
    problems = _problems(page)
    assert not problems, "\n".join(problems) + f"\n--- voila.log:\n{voila.log_tail()}"
    # Voilà hides the code: no input area may show.
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "Voilà shows code cells"
    # The links to the previous and next notebooks lead to their Voilà pages.
    for href in page.evaluate(NOTEBOOK_LINKS_JS):
        path = urlsplit(href).path
        assert path.startswith("/voila/render/") and (voila.root / path.rsplit("/", 1)[1]).is_file(), href
    accessibility.assert_named(page, test_id, browser_report, images=accessibility.figures_in(notebook))
    accessibility.check(page, test_id, browser_report, plain=voila_host_rules)
    _drag_sliders(page, test_id, browser_report)
    problems = _problems(page)
    assert not problems, "\n".join(problems) + f"\n--- voila.log:\n{voila.log_tail()}"


def test_voila_test_sees_errors(voila_page, voila):
    """The checks above are not blind: a notebook that writes to stderr and raises is reported on
    both counts, and the slider it shows (which renders) is not taken for a problem."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("import sys\nprint('a warning', file=sys.stderr)"),
        nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.IntSlider(description='fine')"),
        nbformat.v4.new_code_cell("1 / 0"),
    ]
    nbformat.write(nb, voila.root / "zz_broken.ipynb")
    _open(voila_page, voila.render_url("zz_broken.ipynb"), 1)
    problems = "\n".join(_problems(voila_page))
    assert "a warning" in problems
    assert "ZeroDivisionError" in problems
    assert "widget" not in problems.lower(), problems


def test_accessibility_checks_see_a_nameless_slider_and_a_picture_without_alt(voila_page, voila, browser_report):
    """The accessibility checks are not blind: ipywidgets' own slider and a bare PNG (what a notebook
    shows without the course's patch and figures) fail both axe-core and the names check; the same
    slider after the course's patch has its name."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.IntSlider(description='bare')"),
        nbformat.v4.new_code_cell(
            "import io, matplotlib.pyplot as plt\nfrom IPython.display import Image\nbuffer = io.BytesIO()\n"
            "plt.figure(figsize=(2, 1)).savefig(buffer, format='png')\nImage(buffer.getvalue())"
        ),
    ]
    nbformat.write(nb, voila.root / "zz_inaccessible.ipynb")
    _open(voila_page, voila.render_url("zz_inaccessible.ipynb"), 1)
    with pytest.raises(pytest.fail.Exception) as failed:
        accessibility.check(voila_page, "voila-zz_inaccessible", browser_report)
    assert "image-alt (critical)" in str(failed.value) and "aria-input-field-name (serious)" in str(failed.value)
    with pytest.raises(AssertionError, match="without a name or text alternative"):
        accessibility.assert_named(voila_page, "voila-zz_inaccessible", browser_report, images=1)
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import ipywidgets\nfrom IPython.display import display\nfrom nosmoke_lib.widgets.accessibility import "
            "names_bundle\ndisplay(names_bundle(), raw=True)\nipywidgets.IntSlider(description='named')"
        )
    ]
    nbformat.write(nb, voila.root / "zz_named.ipynb")
    _open(voila_page, voila.render_url("zz_named.ipynb"), 1)
    handle = voila_page.locator('[role="slider"]')
    _wait("the patch to name the slider", lambda: handle.get_attribute("aria-label") == "named", 5)
    accessibility.assert_named(voila_page, "voila-zz_named", browser_report, images=0)
    accessibility.check(voila_page, "voila-zz_named", browser_report)


@pytest.mark.parametrize("jupyter", ["lab"], indirect=True)
def test_jupyterlab_opens_voila_beside_the_notebook(browser, jupyter, browser_report):
    """In JupyterLab, the notebook toolbar's "Render with Voilà" button opens the notebook's Voilà
    page (``/voila/render/<path>`` of the Jupyter server, from Voilà's server extension) in a tab
    beside it; the page runs and its widgets render."""
    from playwright.sync_api import Error as PlaywrightError  # here: without it the suite skips

    name = "05_backpropagation.ipynb"
    test_id = f"lab-voila-preview-{Path(name).stem}"
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(error.message))
    try:
        start = time.monotonic()
        page.goto(jupyter.notebook_url(name))
        page.locator(".jp-Notebook .jp-Cell").first.wait_for()
        jupyter.join_shutdown()
        page.get_by_role("button", name="Render with Voilà").click()
        # A notebook JupyterLab has not run yet is untrusted: Voilà's preview asks first, as it
        # will a teacher who opens the course's notebooks for the first time.
        render_anyway = page.get_by_role("button", name="Render anyway")
        frame_element = page.locator("iframe[src*='voila/render/']")
        render_anyway.or_(frame_element).first.wait_for()
        if render_anyway.is_visible():
            _shot(page, test_id, "0-untrusted")
            render_anyway.click()
        frame_element.wait_for(timeout=30_000)
        src = frame_element.get_attribute("src")
        assert src.split("?")[0].endswith(f"/voila/render/{name}"), src
        frame = frame_element.element_handle().content_frame()

        def in_frame(script: str):
            try:
                return frame.evaluate(script)
            except PlaywrightError:  # the frame is still navigating to the Voilà page
                return None

        _wait("the Voilà preview to show the cells", lambda: in_frame(SHOWN_JS), PAGE_TIMEOUT)
        widgets = _widget_displays(NOTEBOOKS / name)
        _wait(
            f"{widgets} widget(s) to render in the preview",
            lambda: (in_frame(WIDGETS_JS) or {"rendered": 0})["rendered"] >= widgets,
            30,
        )
        browser_report["rows"].append(
            (test_id, "Render with Voilà: preview shown", f"{time.monotonic() - start:.2f} s")
        )
        frame.locator("img.widget-image").first.scroll_into_view_if_needed()
        _shot(page, test_id, "1-preview")
        broken = frame.locator(ERROR_OUTPUTS).all_text_contents()
        assert not broken, "error output in the Voilà preview:\n" + "\n---\n".join(broken)
        assert "Error displaying widget" not in (frame.locator("body").text_content() or "")
        assert frame.locator("img.widget-image").count() >= 1
        assert not errors, f"JavaScript errors in the page: {errors}"
    finally:
        context.close()
        jupyter.shutdown_sessions_meanwhile()


# Every figure on the page: its shown size and its pixels (the widget's and the plots' alike).
SHARPNESS_JS = """() => Array.from(document.querySelectorAll('#rendered_cells img')).map(img => {
  const box = img.getBoundingClientRect();
  return {shown: box.width, pixels: img.naturalWidth, alt: img.alt};
})"""

PROJECTOR_SHOT = "voila-projector-1920x1080.png"


def test_projector_mode_in_voila_is_sharp_at_1920x1080(browser, voila, browser_report):
    """A teacher's projector: Voilà full screen at 1920 x 1080, the notebook started with
    ``plots.projector_mode()``. Every figure, the widget's included, has at least twice the pixels it
    is shown with (sharp on a 2x screen, and never stretched from a smaller image); the screenshot
    goes to tests/browser/screenshots/ (docs/projector_voila.png is one)."""
    name = "06_gradient_descent.ipynb"
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell("from nosmoke_lib import plots\n\nplots.projector_mode()"))
    nbformat.write(nb, voila.root / "zz_projector.ipynb")
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = context.new_page()
        _open(page, voila.render_url("zz_projector.ipynb"), _widget_displays(NOTEBOOKS / name))
        figures = page.evaluate(SHARPNESS_JS)
        assert len(figures) >= accessibility.figures_in(NOTEBOOKS / name)
        for figure in figures:
            assert figure["pixels"] >= 2 * figure["shown"] - 1, f"blurred: {figure}"
            assert figure["alt"], f"no text alternative: {figure}"
        widest = max(figure["shown"] for figure in figures)
        assert widest >= 700, f"projector mode should draw large figures; the widest is {widest:.0f} px"
        page.locator("img.widget-image").first.scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / PROJECTOR_SHOT))
        browser_report["rows"].append(
            ("voila-projector", f"{len(figures)} figures at 2x or more", f"widest {widest:.0f} px shown")
        )
    finally:
        context.close()
