"""Accessibility checks the browser tests run on every page: Deque's axe-core, and names and alt texts counted.

``audit`` runs axe-core (from npm, pinned in ``tests/browser/package.json``:
``npm ci --prefix tests/browser``) over the whole page with the WCAG 2.0 and
2.1 A and AA rules. Each violation is the course's when it is inside what a
notebook puts on the page (its outputs and its rendered Markdown), else the
host's (JupyterLab's, Notebook 7's or Voilà's own markup). ``check`` fails on
a serious or critical violation of the course and records the host's in the
browser report. A rule the front end's own stylesheet breaks on plain
Markdown (``PLAIN``: a heading, a paragraph with a link, a list and a
printed line, measured per front end by ``plain_markdown_rules``) is reported too, not
failed, also where it hits the course's content: Voilà colours links
without underlining them, in any notebook.

``names_and_alt_texts`` asks axe-core's own accessible-name computation for
every image and every control the outputs hold, so a test can assert that
none is nameless and that the count is what the notebook shows.
"""

from __future__ import annotations

import time

import pytest

from .servers import REPO, unavailable

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")
#: What the notebooks put on the page, in all three front ends.
COURSE = ".jp-OutputArea-output, .jp-MarkdownOutput"

AUDIT_JS = """async ([course, tags]) => {
  // No preload: it fetches the page's stylesheets again, which file:// pages refuse; no rule run here needs it.
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], preload: false});
  const found = [];
  for (const rule of result.violations) {
    for (const node of rule.nodes) {
      const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
      found.push({rule: rule.id, impact: node.impact || rule.impact, help: rule.help,
                  target: node.target.join(' >> '), html: node.html.slice(0, 200),
                  course: !!(element && element.closest(course))});
    }
  }
  return found;
}"""

# Every image and control in the outputs, with the name a screen reader announces (axe's computation).
NAMES_JS = """(course) => {
  const shown = element => element.closest(course) && element.checkVisibility();
  axe.setup(document);
  try {
    const controls = 'img, button, select, input, textarea, [role="slider"], [role="button"], [role="checkbox"]';
    const found = Array.from(document.querySelectorAll(controls)).filter(shown).map(element => ({
      kind: element.getAttribute('role') || element.tagName.toLowerCase(),
      name: axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(element)).trim(),
      html: element.outerHTML.slice(0, 160),
    }));
    const sliders = Array.from(document.querySelectorAll('.widget-slider')).filter(shown).length;
    return {found, sliders};
  } finally {
    axe.teardown();
  }
}"""


def _load_axe(page) -> None:
    if not AXE.is_file():
        unavailable(f"axe-core is missing ({AXE.relative_to(REPO)}): run `npm ci --prefix tests/browser`")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))


def audit(page, course: str = COURSE) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page, one per element, marked ``course`` when
    inside an element ``course`` selects."""
    _load_axe(page)
    return page.evaluate(AUDIT_JS, [course, WCAG_AA])


#: A notebook of nothing but plain Markdown and a printed line: what the host's styling alone does.
PLAIN = {
    "cells": [
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": "# A heading\n\nA paragraph with [a link](#A-heading),"
            " `code` and **bold** text.\n\n- an item\n- another",
        },
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": "print('a line')"},
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
PLAIN_NAME = "zz_plain_markdown.ipynb"  # a notebook of nothing of the course's


def plain_markdown_rules(page) -> tuple[set[str], set[str]]:
    """What the host breaks on ``page`` showing ``PLAIN`` (nothing of the course's), from one audit: the rules
    of its own markup, and those its styling breaks in the content."""
    found = audit(page)
    return {v["rule"] for v in found if not v["course"]}, {v["rule"] for v in found if v["course"]}


def check(page, test_id: str, browser_report, plain=None, course: str = COURSE) -> None:
    """Fail on any serious or critical violation in the course's content (``course``: a CSS selector);
    report the host's. With ``plain`` (``plain_markdown_rules`` of the same front end), a rule its styling
    breaks on plain Markdown is reported, not failed, and its own markup may break no rule here that it
    does not break there (so nothing of the course's hides among the host's)."""
    markup, host = plain if plain is not None else (None, set())
    start = time.monotonic()
    found = audit(page, course)
    seconds = time.monotonic() - start
    theirs = sorted({f"{v['rule']} ({v['impact']})" for v in found if not v["course"]})
    browser_report["rows"].append((test_id, "axe: host's own markup", ", ".join(theirs) or "no violation"))
    styled = sorted({v["rule"] for v in found if v["course"] and v["rule"] in host})
    if styled:
        browser_report["rows"].append((test_id, "axe: host's styling of plain Markdown", ", ".join(styled)))
    ours = [v for v in found if v["course"] and v["rule"] not in host]
    browser_report["rows"].append((test_id, "axe: the course's content", f"{len(ours)} violation(s), {seconds:.1f} s"))
    serious = [v for v in ours if v["impact"] in FAILING]
    if serious:
        lines = [f"{v['rule']} ({v['impact']}): {v['help']}\n    {v['html']}" for v in serious]
        pytest.fail("axe-core: serious or critical violations in the course's content:\n" + "\n".join(lines))
    if markup is not None:
        new = {v["rule"]: v["html"] for v in found if not v["course"] and v["rule"] not in markup}
        assert not new, f"the host's markup breaks rules here that it does not on plain Markdown: {new}"


def names_and_alt_texts(page) -> dict:
    """Every visible image and control in the outputs (``found``: its kind, the name a screen reader gives
    it, its HTML), and how many ipywidgets sliders the outputs show (``sliders``)."""
    _load_axe(page)
    return page.evaluate(NAMES_JS, COURSE)


def assert_named(page, test_id: str, browser_report, images: int) -> None:
    """Every image has a text alternative and every control a name; at least ``images`` images are on the
    page, and every slider's handle was found (so the check is not passed by finding nothing)."""
    seen = names_and_alt_texts(page)
    found = seen["found"]
    nameless = [f"{e['kind']}: {e['html']}" for e in found if not e["name"]]
    assert not nameless, "without a name or text alternative:\n" + "\n".join(nameless)
    shown_images = sum(e["kind"] == "img" for e in found)
    handles = sum(e["kind"] == "slider" for e in found)
    browser_report["rows"].append(
        (test_id, "named", f"{shown_images} images, {handles} sliders, {len(found)} in all, none nameless")
    )
    assert shown_images >= images, f"{shown_images} images on the page; the notebook shows {images}"
    assert handles == seen["sliders"], f"{handles} named slider handles for {seen['sliders']} sliders"


def figures_in(notebook) -> int:
    """How many figures a notebook shows: its committed outputs' images (a widget's is its static copy)."""
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    outputs = [o.get("data", {}) for c in cells for o in c.get("outputs", [])]
    return sum("".join(data.get("text/html", "")).count("<img ") for data in outputs)
