"""The data: loading the course's data sets (``loading``) and preparing them for a network (``preparing``)."""

from .loading import Dataset, load_csv, load_iris, load_wheat_seeds, make_math_func, math_func
from .names import DATA_DIR, IRIS_FEATURES, IRIS_SHORT, IRIS_SPECIES, WHEAT_FEATURES, WHEAT_VARIETIES
from .preparing import export_split, one_hot, scaler, split

__all__ = [
    "DATA_DIR",
    "IRIS_FEATURES",
    "IRIS_SHORT",
    "IRIS_SPECIES",
    "WHEAT_FEATURES",
    "WHEAT_VARIETIES",
    "Dataset",
    "export_split",
    "load_csv",
    "load_iris",
    "load_wheat_seeds",
    "make_math_func",
    "math_func",
    "one_hot",
    "scaler",
    "split",
]
