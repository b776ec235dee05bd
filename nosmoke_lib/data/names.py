"""The names of the course's data: the measurements and classes of each data set, and where the files are."""

from pathlib import Path

#: The repository's data/ folder (iris.csv, wheat_seeds.csv).
DATA_DIR = Path(__file__).resolve().parents[2] / "data"

IRIS_FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
IRIS_SHORT = ["SL", "SW", "PL", "PW"]  # the same, short enough to label a drawing
IRIS_SPECIES = ["setosa", "versicolor", "virginica"]
WHEAT_FEATURES = [
    "area",
    "perimeter",
    "compactness",
    "kernel_length",
    "kernel_width",
    "asymmetry_coefficient",
    "kernel_groove_length",
]
WHEAT_VARIETIES = ["Kama", "Rosa", "Canadian"]
