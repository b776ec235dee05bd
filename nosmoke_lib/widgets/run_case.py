"""The original program's "run case" and "generate case": one flower's measurements in, the verdict out."""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from .. import plots
from .._validate import _describe, as_int, as_labels, as_matrix, as_number
from ..evaluation import verdicts
from .base import FigureWidget


class RunCaseWidget(FigureWidget):
    """The original program's "run case" and "generate case".

    A slider per measurement (within the data's range) feeds one sample to a
    trained network; the bars are each class's output, the verdict is the
    class whose output passes the certainty threshold, or "undefined" when
    none does. "Generate case" fills in a random test sample and shows its
    true class beside the prediction.
    """

    def __init__(self, net, X, y, feature_names, target_names, threshold, seed):
        if not hasattr(net, "predict_proba") or not hasattr(net, "sizes"):
            raise TypeError(f"net must be a trained Network; got {_describe(net)}")
        self.net, self.X = net, as_matrix("X", X, n_cols=net.sizes[0])
        self.y = as_labels("y", y, n=len(self.X))
        self.threshold = as_number("threshold", threshold, low=0, high=1)
        for name, names, n in (
            ("feature_names", feature_names, net.sizes[0]),
            ("target_names", target_names, net.sizes[-1]),
        ):
            if not isinstance(names, (list, tuple)) or len(names) != n:
                raise TypeError(f"{name} must be a list of {n} names, in order; got {_describe(names)}")
        if self.y.max() >= net.sizes[-1]:
            raise ValueError(f"y holds class {self.y.max()}, but the network has {net.sizes[-1]} outputs")
        self.feature_names, self.target_names = [str(n) for n in feature_names], [str(n) for n in target_names]
        self.rng = np.random.default_rng(as_int("seed", seed, low=0))
        low, high = self.X.min(axis=0), self.X.max(axis=0)
        self.sliders = [
            widgets.FloatSlider(
                value=float(np.median(column)),
                min=float(lo),
                max=float(hi),
                step=float(hi - lo) / 100,
                description=name,
                continuous_update=False,
                readout_format=".2f",
            )
            for name, column, lo, hi in zip(self.feature_names, self.X.T, low, high)
        ]
        self.generate = widgets.Button(
            description="Generate case", icon="random", tooltip="fill in a random sample of the test set"
        )
        self.generate.on_click(lambda _button: self.generate_case())
        self.truth = None  # the true class of a generated case, until a slider moves
        super().__init__(self.sliders, figsize=(6, 2.6))
        self.children = (self.children[0], self.generate, *self.children[1:])

    def generate_case(self) -> int:
        """Fill the sliders with a random test sample; returns its row index."""
        row = int(self.rng.integers(len(self.X)))
        with self.changing():  # one redraw, after all sliders moved
            for slider, value in zip(self.sliders, self.X[row]):
                slider.value = float(value)
            self.truth = int(self.y[row])
        return row

    def _changed(self, change):
        if not self._paused:
            self.truth = None  # a hand-made case has no true class
        super()._changed(change)

    def compute(self):
        """The network's outputs for the sliders' sample, and the verdict (class index, or -1 for undefined)."""
        sample = np.array([[s.value for s in self.sliders]])
        self.probabilities = self.net.predict_proba(sample)[0]
        self.verdict = int(verdicts(self.probabilities[None, :], self.threshold)[0])
        return self.probabilities, self.verdict

    def draw(self):
        p, verdict = self.compute()
        self.figure.subplots_adjust(left=0.22)  # room for the class names and the label beside them
        ax = self.figure.add_subplot()
        colours = [plots.OKABE_ITO[(i % 7) + 1] for i in range(len(p))]
        ax.barh(self.target_names, p, color=colours, hatch=[["", "//", ".."][i % 3] for i in range(len(p))])
        ax.axvline(self.threshold, color="black", linestyle="--", label=f"certainty {self.threshold:g}")
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        ax.set_xlabel("output (how sure the network is)")
        ax.set_ylabel("class")
        name = "undefined" if verdict < 0 else self.target_names[verdict]
        ax.set_title(f"Verdict: {name}")
        ax.legend(loc="lower right")
        text = f"verdict: <b>{html.escape(name)}</b>"
        if self.truth is not None:
            mark = "✓" if verdict == self.truth else "✗"
            text += f" &nbsp; true class: <b>{html.escape(self.target_names[self.truth])}</b> {mark}"
        self.status.value = text


def run_case_widget(net, X, y, feature_names, target_names, threshold=0.8, seed=0) -> RunCaseWidget:
    """Sliders for one sample's measurements -> each class's output as bars, and the verdict.

    Parameters
    ----------
    net : Network
        A trained network.
    X, y : the samples "Generate case" draws from (the test set) and their classes.
    feature_names, target_names : list of str
    threshold : float
        The certainty an output must reach for a verdict (the original: 0.8
        for Iris, 0.75 for wheat seeds); below it the verdict is "undefined".
    """
    return RunCaseWidget(net, X, y, feature_names, target_names, threshold, seed)
