"""What every widget is built on: a static PNG for readers without a kernel, and the code line's HTML."""

from nosmoke_lib import widgets as w
from nosmoke_lib.widgets.base import code_html


def test_display_carries_a_static_png_for_readers_without_a_kernel(iris_split):
    X_train, _, y_train, _ = iris_split
    bundle = w.training_widget(X_train, y_train, [4, 8, 3], epochs=50)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    import base64

    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")


def test_code_html_escapes_each_line_and_joins_them_with_line_breaks():
    page = code_html("net = Network([4, 8, 3], activation='tanh')", "print(a < b & c > d)")
    assert page == (
        "<code style='user-select:all'>net = Network([4, 8, 3], activation=&#x27;tanh&#x27;)"
        "<br>print(a &lt; b &amp; c &gt; d)</code>"
    )
    assert code_html("<script>alert(1)</script>").count("<script>") == 0
