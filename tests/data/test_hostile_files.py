"""Hostile and careless CSV files: every one gets an error naming the file (and line) and what to fix."""

import string

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nosmoke_lib import load_csv

GOOD = "a,b,t\n1,2,x\n3,4,y\n"

# (name, file contents as str or bytes, load_csv keywords, error type, words the message must contain)
CASES = [
    ("nan target", "a,b,t\n1,2,0.5\n3,4,nan\n", {}, ValueError, ["bad.csv:3", "'t'", "finite"]),
    ("inf target", "a,b,t\n1,2,0.5\n3,4,inf\n", {}, ValueError, ["bad.csv:3", "finite"]),
    ("empty target cell", "a,b,t\n1,2,0.5\n3,4,\n", {}, ValueError, ["bad.csv:3", "target 't' is empty"]),
    ("empty class cell", "a,b,t\n1,2,x\n3,4, \n", {}, ValueError, ["bad.csv:3", "empty"]),
    ("repeated header", "a,a,t\n1,2,x\n3,4,y\n", {}, ValueError, ["bad.csv:1", "'a'", "more than once"]),
    ("unnamed column", "a,,t\n1,2,x\n3,4,y\n", {}, ValueError, ["bad.csv:1", "column 2", "no name"]),
    ("only the target", "t\nx\ny\n", {}, ValueError, ["bad.csv:1", "only column", "feature"]),
    ("semicolons", "a;b;t\n1;2;x\n", {}, ValueError, ["bad.csv:1", "';'", "commas"]),
    ("tabs", "a\tb\tt\n1\t2\tx\n", {}, ValueError, ["bad.csv:1", "'\\t'"]),
    ("no target column", GOOD, {"target": "species"}, ValueError, ["bad.csv:1", "'species'", "header"]),
    ("latin-1", "a,b,t\n1,2,caf\xe9\n".encode("latin-1"), {}, ValueError, ["bad.csv:2", "UTF-8"]),
    ("utf-16", GOOD.encode("utf-16"), {}, ValueError, ["bad.csv", "UTF-16", "UTF-8"]),
    ("empty file", "", {}, ValueError, ["bad.csv:1", "empty"]),
    ("blank lines only", "\n\n  \n", {}, ValueError, ["bad.csv:1", "empty"]),
    ("header only", "a,b,t\n", {}, ValueError, ["bad.csv:1", "no data rows"]),
    ("short row", "a,b,t\n1,2,x\n3,y\n", {}, ValueError, ["bad.csv:3", "expected 3 cells"]),
    ("long row", "a,b,t\n1,2,x\n3,4,5,y\n", {}, ValueError, ["bad.csv:3", "expected 3 cells"]),
    ("text feature", "a,b,t\n1,2,x\n3,four,y\n", {}, ValueError, ["bad.csv:3", "'b'", "'four'"]),
    ("inf feature", "a,b,t\n1,2,x\n3,inf,y\n", {}, ValueError, ["bad.csv:3", "'b'", "finite"]),
    ("nan feature", "a,b,t\n1,nan,x\n", {}, ValueError, ["bad.csv:2", "'a'" if False else "'b'", "finite"]),
    ("huge field", "a,b,t\n1,2,x\n3,4," + "y" * 200_000 + "\n", {}, ValueError, ["bad.csv:3", "CSV"]),
    ("unclosed quote", 'a,b,t\n1,2,"x\n', {}, ValueError, ["bad.csv"]),
    ("unknown class", GOOD, {"classes": ["x", "z"]}, ValueError, ["bad.csv:3", "'y'", "expected one of"]),
    ("duplicate classes", GOOD, {"classes": ["x", "y", "x"]}, ValueError, ["classes", "twice"]),
    ("classes as a string", GOOD, {"classes": "xy"}, TypeError, ["classes", "list"]),
    ("classes as a set", GOOD, {"classes": {"x", "y"}}, TypeError, ["classes", "list"]),
    ("empty classes", GOOD, {"classes": []}, ValueError, ["classes"]),
    ("text target for regression", GOOD, {"kind": "regression"}, ValueError, ["bad.csv:2", "'x'", "number"]),
    ("bad kind", GOOD, {"kind": "clustering"}, ValueError, ["kind", "clustering"]),
    ("target not a name", GOOD, {"target": 2}, TypeError, ["target", "str"]),
    ("empty target name", GOOD, {"target": ""}, TypeError, ["target"]),
    ("too many classes", "a,t\n" + "".join(f"{i},c{i}\n" for i in range(1001)), {}, ValueError, ["bad.csv", "classes"]),
]


@pytest.mark.parametrize("name, contents, options, error, words", CASES, ids=[case[0] for case in CASES])
def test_a_bad_file_is_refused_with_the_file_line_and_the_fix(tmp_path, name, contents, options, error, words):
    path = tmp_path / "bad.csv"
    path.write_bytes(contents if isinstance(contents, bytes) else contents.encode("utf-8"))
    with pytest.raises(error) as info:
        load_csv(path, **{"target": "t", **options})
    for word in words:
        assert word in str(info.value), f"{name}: {word!r} not in {info.value}"


def test_a_folder_is_not_a_missing_file(tmp_path):
    with pytest.raises(IsADirectoryError, match="is a folder"):
        load_csv(tmp_path, target="t")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.csv"):
        load_csv(tmp_path / "nothing.csv", target="t")


@pytest.mark.parametrize("path", [None, 3.5, ["a.csv"]])
def test_a_path_that_is_not_a_file_name(path):
    with pytest.raises(TypeError, match="path"):
        load_csv(path, target="t")


def test_a_bom_and_spaces_are_fine(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_bytes(b"\xef\xbb\xbf a , b ,t\n 1, 2, 0.5\n3,4,1.5\n")
    data = load_csv(path, target="t")
    assert data.feature_names == ["a", "b"] and data.y.tolist() == [0.5, 1.5]


cell = st.text(alphabet=string.printable, max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=1, max_size=4), max_size=6))
def test_any_text_file_loads_or_is_refused_with_its_name(tmp_path, rows):
    """Whatever the file holds: a Dataset of finite numbers, or a ValueError naming the file."""
    path = tmp_path / "any.csv"
    path.write_text("\n".join(",".join(row) for row in [["a", "b", "t"], *rows]), encoding="utf-8")
    try:
        data = load_csv(path, target="t")
    except ValueError as problem:
        assert "any.csv" in str(problem)
    else:
        assert np.isfinite(data.X).all() and len(data.X) == len(data.y) > 0
        if data.y.dtype.kind == "f":
            assert np.isfinite(data.y).all()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200))
def test_any_bytes_load_or_are_refused_with_the_file_name(tmp_path, raw):
    path = tmp_path / "bytes.csv"
    path.write_bytes(b"a,b,t\n" + raw)
    try:
        load_csv(path, target="t")
    except ValueError as problem:
        assert "bytes.csv" in str(problem)
