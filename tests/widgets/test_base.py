"""What every widget is built on: a sharp image with its text alternative, named controls, and the code line's HTML."""

import base64
import html
import io
import re

import PIL.Image

from nosmoke_lib import plots
from nosmoke_lib import widgets as w
from nosmoke_lib.widgets.accessibility import names_bundle
from nosmoke_lib.widgets.base import code_html


def test_display_carries_a_static_image_with_its_text_alternative_for_readers_without_a_kernel(iris_split):
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], epochs=50)
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    source, width, alt = re.fullmatch(
        r'<img src="data:image/png;base64,([^"]+)" width="(\d+)" height="\d+" alt="([^"]*)">', bundle["text/html"]
    ).groups()
    assert base64.b64decode(source) == widget.image.value
    assert html.unescape(alt) == widget.image.tooltip == plots.describe_figure(widget.figure)
    assert int(width) == plots.css_width(widget.figure)


def test_the_image_has_twice_its_shown_pixels_and_its_alt_text_follows_the_controls(iris_split):
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], epochs=50)
    pixels = PIL.Image.open(io.BytesIO(widget.image.value)).size
    assert widget.image.layout.width == f"{pixels[0] // plots.DENSITY}px" and widget.image.layout.max_width == "100%"
    before = widget.image.tooltip
    assert "Line training J (60 samples): from" in before
    widget.epochs.value = 400
    assert widget.image.tooltip != before and widget.image.tooltip == plots.describe_figure(widget.figure)


def test_a_snapshot_replay_describes_the_frame_on_show(iris_split):
    X_train, _, y_train, _ = iris_split
    replay = w.replay_widget(X_train, y_train, hidden=3, epochs=200, record_every=20)
    first = replay.image.tooltip
    replay.epoch.value = 0
    assert replay.image.tooltip != first and replay.image.tooltip == plots.describe_figure(replay.figure)


def test_displaying_a_widget_first_displays_the_patch_that_names_its_controls(iris_split, monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda data, raw=False: shown.append((data, raw)))
    X_train, _, y_train, _ = iris_split
    widget = w.training_widget(X_train, y_train, [4, 8, 3], epochs=50)
    widget._ipython_display_()
    (patch, raw_patch), (bundle, raw_widget) = shown
    assert raw_patch and raw_widget and patch == names_bundle()
    assert "noUi" not in patch["text/plain"] and "aria-label" in patch["application/javascript"]
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == widget.model_id


def test_code_html_escapes_each_line_and_joins_them_with_line_breaks():
    page = code_html("net = Network([4, 8, 3], activation='tanh')", "print(a < b & c > d)")
    assert page == (
        "<code style='user-select:all'>net = Network([4, 8, 3], activation=&#x27;tanh&#x27;)"
        "<br>print(a &lt; b &amp; c &gt; d)</code>"
    )
    assert code_html("<script>alert(1)</script>").count("<script>") == 0
