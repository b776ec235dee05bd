"""The course's notebooks follow the template and their committed outputs are clean.

nbval (in the default test run) re-executes every notebook and compares the
outputs; these tests check what nbval does not: the structure a learner
relies on, and that nothing committed shows an error or a warning.
"""

import json
import re
from pathlib import Path

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
