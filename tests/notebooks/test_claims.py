"""Every claim a notebook makes about a result is checked by a cell that would fail if it were false.

A notebook under this test lists its claims in its metadata::

    nb.metadata["nosmoke"]["claims"] = [{"claim": "<the sentence>", "check": "<a string of the check cell>"}, ...]

and marks each claimed sentence in its markdown with ``<sup>✓</sup>`` right after it (the reader sees a small
✓: "a cell below asserts this"). The tests hold the two together:

- every listed claim stands, word for word and followed by the mark, in a markdown cell;
- every mark in the markdown belongs to a listed claim (nothing is marked and left unlisted);
- every check string occurs in exactly one code cell, and that cell contains an ``assert``.

For now this applies to 05_backpropagation, 06_gradient_descent and 09_representations only (issue 14); to take
another notebook in, mark its claims, list them in its metadata and add its name to ``CLAIMED``.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CLAIMED = ["05_backpropagation", "06_gradient_descent", "09_representations"]
MARK = "<sup>✓</sup>"


def load(stem):
    return json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))


def sources(nb, kind):
    return ["".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == kind]


def claims(nb):
    listed = nb["metadata"].get("nosmoke", {}).get("claims", [])
    assert listed, "no claims listed in the metadata: nb.metadata['nosmoke']['claims']"
    return listed


@pytest.mark.parametrize("stem", CLAIMED)
def test_every_listed_claim_is_marked_in_the_text(stem):
    nb = load(stem)
    text = "\n".join(sources(nb, "markdown"))
    for entry in claims(nb):
        assert set(entry) == {"claim", "check"}, entry
        assert entry["claim"] + MARK in text, f"claim not in the markdown, or not marked: {entry['claim'][:80]!r}"


@pytest.mark.parametrize("stem", CLAIMED)
def test_every_marked_sentence_is_listed(stem):
    nb = load(stem)
    listed = [entry["claim"] for entry in claims(nb)]
    for cell in sources(nb, "markdown"):
        for before in cell.split(MARK)[:-1]:
            assert any(before.endswith(claim) for claim in listed), f"a marked sentence is not listed: {before[-80:]!r}"
    assert len(listed) == len(set(listed)), "a claim is listed twice"


@pytest.mark.parametrize("stem", CLAIMED)
def test_every_claim_has_one_cell_that_asserts_it(stem):
    nb = load(stem)
    code = sources(nb, "code")
    for entry in claims(nb):
        cells = [source for source in code if entry["check"] in source]
        assert len(cells) == 1, f"check {entry['check']!r} is in {len(cells)} code cells; it must be in exactly one"
        assert re.search(r"^\s*assert ", cells[0], flags=re.M), f"the cell of {entry['check']!r} asserts nothing"


def test_the_claimed_notebooks_exist():
    assert all((NOTEBOOKS / f"{stem}.ipynb").exists() for stem in CLAIMED)
