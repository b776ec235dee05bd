"""What counts as a figure in a notebook's committed outputs, for the tests that count them."""


def shows_figure(data: dict) -> bool:
    """True if an output's data is a figure: an ``<img>`` (the course's figures and widget snapshots,
    ``nosmoke_lib.plots.display``) or a bare PNG (what a figure is without the course)."""
    return "image/png" in data or "<img " in "".join(data.get("text/html", ""))
