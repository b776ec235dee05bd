"""The snapshot widgets' shared machinery: the Play button drives the slider, and a step never retrains."""

import pytest

from nosmoke_lib import load_iris, split, widgets


@pytest.fixture(scope="module")
def replay():
    iris = load_iris()
    X, _, y, _ = split(iris.X, iris.y)
    return widgets.replay_widget(X, y, epochs=100, record_every=20)


def test_the_slider_steps_through_the_snapshots_only(replay):
    assert (replay.epoch.min, replay.epoch.max, replay.epoch.step) == (0, 100, 20)
    assert replay.snapshot[0] == 100
    replay.epoch.value = 40
    assert replay.snapshot[0] == 40 and "epochs=40" in replay.code_box.value


def test_epochs_must_be_a_multiple_of_record_every():
    iris = load_iris()
    with pytest.raises(ValueError, match="multiple of record_every"):
        widgets.replay_widget(iris.X[:30], iris.y[:30], epochs=100, record_every=30)
