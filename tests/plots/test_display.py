"""Figures in a notebook: an <img> with twice the pixels it is shown with, and the figure's description as alt."""

import base64
import html
import io
import re
import subprocess
import sys

import matplotlib.pyplot as plt
import PIL.Image
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from IPython.utils.capture import capture_output
from matplotlib.figure import Figure

import nosmoke_lib
from nosmoke_lib import plots

IMG = re.compile(r'<img src="data:image/png;base64,([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]*)">')


def _figure():
    fig = Figure(figsize=(4, 2), dpi=100)
    ax = fig.add_subplot(title="Falling <fast> & far", xlabel="epoch", ylabel="J")
    ax.plot([0, 5, 10], [1.0, 0.4, 0.1], label="training J")
    return fig


def test_the_image_has_density_times_the_pixels_it_is_shown_with_and_the_description_as_alt():
    fig = _figure()
    source, width, height, alt = IMG.fullmatch(plots.figure_html(fig)).groups()
    pixels = PIL.Image.open(io.BytesIO(base64.b64decode(source))).size
    shown = (int(width), int(height))
    assert plots.DENSITY == 2 and all(abs(p - plots.DENSITY * s) <= 1 for p, s in zip(pixels, shown))
    assert 350 < int(width) <= 400  # 4 inches at 100 dpi, trimmed to what is drawn
    assert html.unescape(alt) == plots.describe_figure(fig)
    assert "&lt;fast&gt; &amp; far" in alt and "training J: from 1 (epoch 0) to 0.1 (epoch 10)" in alt
    assert 'alt="a chosen text"' in plots.figure_html(fig, alt="a chosen text")


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    yield shell
    shell.display_formatter.ipython_display_formatter.pop(Figure, None)
    InteractiveShell.clear_instance()


def test_in_a_notebook_every_figure_is_shown_as_html_with_alt_text_and_plain_text_gets_the_description(shell):
    with capture_output() as before:
        display(_figure())
    assert "text/html" not in before.outputs[0].data  # IPython alone: a bare picture or its repr
    nosmoke_lib._figures_with_text_alternatives()
    fig = _figure()
    with capture_output() as after:
        display(fig)
    (output,) = after.outputs
    assert set(output.data) == {"text/html", "text/plain"}
    assert IMG.fullmatch(output.data["text/html"]) and output.data["text/plain"] == plots.describe_figure(fig)
    plt.close("all")


def test_importing_the_library_imports_neither_ipython_nor_matplotlib():
    code = "import sys, nosmoke_lib; print(sorted({'IPython', 'matplotlib'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
