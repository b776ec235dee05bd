"""Widgets: the interactive cells of the course, each a ``FigureWidget`` (controls above a figure).

- ``lessons``: one neuron, the activations, the cascade of layers, 1-D descent;
- ``training``: alpha and epochs (and the whole network) -> the loss curve; the starting weights;
- ``run_case``: the original program's "run case" and "generate case";
- ``replay``: a training run replayed, and a 2-neuron hidden layer as a plane;
- ``overfitting``: train and test loss against the hidden width and the training flowers.
"""

from .base import FigureWidget, code_html, log_slider
from .lessons import (
    ActivationWidget,
    CascadeWidget,
    DescentWidget,
    NeuronWidget,
    activation_widget,
    cascade_widget,
    descent_widget,
    neuron_widget,
)
from .overfitting import OverfittingWidget, overfitting_widget
from .replay import (
    ReplayFrame,
    ReplayWidget,
    RepresentationFrame,
    RepresentationWidget,
    replay_widget,
    representation_widget,
)
from .run_case import RunCaseWidget, run_case_widget
from .snapshots import SnapshotWidget
from .training import InitialWeightsWidget, TrainingWidget, initial_weights_widget, training_widget

__all__ = [
    "ActivationWidget",
    "CascadeWidget",
    "DescentWidget",
    "FigureWidget",
    "InitialWeightsWidget",
    "NeuronWidget",
    "OverfittingWidget",
    "ReplayFrame",
    "ReplayWidget",
    "RepresentationFrame",
    "RepresentationWidget",
    "RunCaseWidget",
    "SnapshotWidget",
    "TrainingWidget",
    "activation_widget",
    "cascade_widget",
    "code_html",
    "descent_widget",
    "initial_weights_widget",
    "log_slider",
    "neuron_widget",
    "overfitting_widget",
    "replay_widget",
    "representation_widget",
    "run_case_widget",
    "training_widget",
]
