"""Measuring a trained network: accuracy and errors, the original's reports, and experiments on training."""

from .classification import UNDEFINED, ClassificationReport, ReportRow, classification_report, verdicts
from .experiments import (
    LearningCurve,
    TrainTestCurves,
    hold_out_test_set,
    learning_curve,
    loss_along,
    loss_at,
    network_at,
    train_test_curves,
    train_test_data,
    train_with_snapshots,
    training_subset,
)
from .metrics import accuracy, average_error
from .regression import RegressionReport, RegressionRow, regression_report

__all__ = [
    "UNDEFINED",
    "ClassificationReport",
    "LearningCurve",
    "RegressionReport",
    "RegressionRow",
    "ReportRow",
    "TrainTestCurves",
    "accuracy",
    "average_error",
    "classification_report",
    "hold_out_test_set",
    "learning_curve",
    "loss_along",
    "loss_at",
    "network_at",
    "regression_report",
    "train_test_curves",
    "train_test_data",
    "train_with_snapshots",
    "training_subset",
    "verdicts",
]
