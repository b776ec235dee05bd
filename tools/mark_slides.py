"""Mark each notebook's hand-out slides: title, the slide (idea + formula), the first figure, the check, the summary.

    python tools/mark_slides.py notebooks/*.ipynb

Every other cell is marked "skip", so `jupyter nbconvert --to slides` makes a
short deck of each notebook. tests/notebooks/test_slides.py checks the result.
"""

import sys

import nbformat as nbf


def mark(path):
    nb = nbf.read(path, as_version=4)
    kinds = ["skip"] * len(nb.cells)
    section = None
    figure_done = check_done = False
    for i, cell in enumerate(nb.cells):
        src = cell.source
        if cell.cell_type == "markdown":
            headings = [line[3:].strip() for line in src.splitlines() if line.startswith("## ")]
            section = headings[-1] if headings else section
        if i == 0:
            kinds[i] = "slide"
        elif cell.cell_type == "markdown" and src.startswith("## You will learn"):
            kinds[i] = "-"
        elif cell.cell_type == "markdown" and src.startswith("## The slide"):
            kinds[i] = "slide"
        elif cell.cell_type == "markdown" and src.startswith("## Summary"):
            kinds[i] = "slide"
        elif cell.cell_type == "code" and section == "Check it" and not check_done and "assert" in src:
            kinds[i], check_done = "slide", True
        elif (
            cell.cell_type == "code"
            and not figure_done
            and section != "Check it"
            and any(
                "<img " in "".join(o.get("data", {}).get("text/html", ""))
                and "application/vnd.jupyter.widget-view+json" not in o.get("data", {})
                for o in cell.get("outputs", [])
            )
        ):
            kinds[i], figure_done = "slide", True
    for cell, kind in zip(nb.cells, kinds):
        cell.metadata["slideshow"] = {"slide_type": kind}
    nbf.write(nb, path)
    return kinds.count("slide")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(path, mark(path), "slides")
