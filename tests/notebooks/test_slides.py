"""Hand-out slides: every notebook carries slide metadata, and `jupyter nbconvert --to slides` builds a deck of it."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from figures import shows_figure

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def slide_cells(nb):
    return [c for c in nb["cells"] if c["metadata"].get("slideshow", {}).get("slide_type") == "slide"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_marks_its_title_slide_figure_check_and_summary(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert all("slide_type" in c["metadata"].get("slideshow", {}) for c in nb["cells"]), "every cell has a slide type"
    slides = slide_cells(nb)
    sources = ["".join(c["source"]) for c in slides]
    assert sources[0].startswith(f"# {path.stem[:2]} · "), "the title opens the deck"
    assert any(s.startswith("## The slide") and "$" in s for s in sources), "the slide's idea and formula"
    assert any("assert" in s for s in sources), "a check that would fail if the claim were false"
    assert any(any(shows_figure(o.get("data", {})) for o in c.get("outputs", [])) for c in slides), "a figure"
    assert sources[-1].startswith("## Summary")


def test_nbconvert_builds_one_section_per_slide_with_every_figure(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "slides",
            "--output-dir",
            str(tmp_path),
            *map(str, NOTEBOOKS),
        ],
        check=True,
        capture_output=True,
    )
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        html = (tmp_path / f"{path.stem}.slides.html").read_text(encoding="utf-8")
        slides = html.split('<div class="slides">', 1)[1]
        top_sections = len(re.findall(r"<section>\s*<section>", slides))
        assert top_sections == len(slide_cells(nb)), path.stem
        shown = [c for c in nb["cells"] if c["metadata"]["slideshow"]["slide_type"] != "skip"]
        figures = sum(shows_figure(o.get("data", {})) for c in shown for o in c.get("outputs", []))
        assert slides.count("data:image/png;base64") >= figures, f"{path.stem}: every figure is in the deck"
        assert "Traceback" not in slides and "output_error" not in slides
