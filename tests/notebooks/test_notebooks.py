"""The course's notebooks follow the template and their committed outputs are clean.

nbval (in the default test run) re-executes every notebook and compares the
outputs; these tests check what nbval does not: the structure a learner
relies on, and that nothing committed shows an error or a warning.
"""

import base64
import io
import json
import re
from pathlib import Path

import PIL.Image
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CORE = [
    "01_neuron",
    "02_sigmoid",
    "03_matrix_approach",
    "04_layer_cascading",
    "05_backpropagation",
    "06_gradient_descent",
    "07_iris_workflow",
]


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def markdown(nb):
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def code(nb):
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_the_core_course_is_all_there():
    assert [p.stem for p in NOTEBOOKS][: len(CORE)] == CORE


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_template(path):
    nb = load(path)
    first = "".join(nb["cells"][0]["source"])
    number = path.stem[:2]
    assert nb["cells"][0]["cell_type"] == "markdown" and first.startswith(f"# {number} · "), "title cell"
    text = markdown(nb)
    for heading in ["## You will learn", "## The slide", "## Check it", "## Exercises", "## Summary"]:
        assert heading in text, f"missing {heading!r}"
    goals = text.split("## You will learn", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\s*[-*] ", goals, flags=re.M)) == 3, "three learning goals"
    assert "$" in text, "the slide's formula in LaTeX"
    assert "assert " in code(nb), "a check-it cell that can fail"
    assert 2 <= len(re.findall(r"\.check\(", code(nb))) <= 4, "two or three exercises with checkers"
    later = [p for p in NOTEBOOKS if p.stem > path.stem]
    summary = text.split("## Summary", 1)[1]
    target = f"({later[0].name})" if later else "(../README.md#course-map)"
    assert target in summary, f"the summary links to {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_outputs_are_clean(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert not re.search(r"^\s*[!%]\s*pip", source, flags=re.M), "no pip installs in notebooks"
        assert cell["execution_count"] is not None, f"unexecuted cell: {source[:60]!r}"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"error output in {source[:60]!r}"
            assert output.get("name") != "stderr", f"stderr output in {source[:60]!r}: {output.get('text')}"
            text = json.dumps(output.get("data", output.get("text", "")))
            assert "Warning" not in text and "Traceback" not in text, f"warning in {source[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_widget_and_timing_cells_are_ignored_by_nbval(path):
    for cell in load(path)["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code":
            continue
        shows_widget = any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in cell["outputs"])
        if shows_widget or re.search(r"perf_counter|%timeit", source):
            assert source.startswith("# NBVAL_IGNORE_OUTPUT"), f"mark for nbval: {source[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_images_have_alt_text(path):
    assert not re.search(r"!\[\]\(", markdown(load(path))), "every image needs alt text"


def _outputs(nb):
    return [output for cell in nb["cells"] if cell["cell_type"] == "code" for output in cell["outputs"]]


IMG = re.compile(r"<img\b[^>]*>")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_is_a_sharp_image_with_a_text_alternative(path):
    """No bare PNG (front ends show it without alt, one pixel per CSS pixel): an <img> with alt, at 2x."""
    images = 0
    for output in _outputs(load(path)):
        data = output.get("data", {})
        assert "image/png" not in data, "a figure shown as a bare PNG has no text alternative"
        for tag in IMG.findall("".join(data.get("text/html", ""))):
            images += 1
            alt = re.search(r'\balt="([^"]+)"', tag)
            assert alt and len(alt.group(1).split()) >= 5, f"an image without a useful text alternative: {tag[-200:]}"
            width = int(re.search(r'\bwidth="(\d+)"', tag).group(1))
            png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', tag).group(1))
            pixels = PIL.Image.open(io.BytesIO(png)).size[0]
            assert abs(pixels - 2 * width) <= 1, f"shown {width} px wide from {pixels} pixels: not sharp at 2x"
    assert images > 0, "every notebook shows at least one figure"


def _stock_font_characters():
    from matplotlib import font_manager, ft2font

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans Mono"), fallback_to_default=False)
    return set(ft2font.FT2Font(path).get_charmap())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_use_only_characters_a_stock_font_has(path):
    """✅ and ❌ need an emoji font that many lab PCs lack (they show as empty boxes): DejaVu has ✓ and ✗."""
    known = _stock_font_characters() | {ord("\n")}
    for output in _outputs(load(path)):
        data = output.get("data", {})
        text = "".join(output.get("text", "")) + "".join(data.get("text/plain", ""))
        text += IMG.sub("", "".join(data.get("text/html", "")))
        missing = sorted({c for c in text if ord(c) not in known})
        assert not missing, f"characters DejaVu Sans Mono lacks: {missing} in {text[:80]!r}"
