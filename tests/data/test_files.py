"""Reading CSV rows with their line numbers, and writing files whole or not at all."""

import pytest

from nosmoke_lib.data import files


def test_rows_keep_their_line_numbers_and_skip_blank_lines(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n\n 1 , 2 \n,\n3,4\n")
    assert files.read_rows(path) == [(1, ["a", "b"]), (3, ["1", "2"]), (5, ["3", "4"])]


def test_a_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\n")
    assert files.read_rows(path) == [(1, ["a", "b"])]


def test_a_file_larger_than_the_course_reads_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("a,b\n1,2\n")
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 4)
    with pytest.raises(ValueError, match="big.csv"):
        files.readable_file(path)


def test_write_atomically_replaces_the_whole_file(tmp_path):
    path = files.write_atomically(tmp_path / "out.txt", "first")
    files.write_atomically(path, "second")
    assert path.read_text() == "second" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_atomically_wants_a_file_name(tmp_path):
    with pytest.raises(TypeError, match="path"):
        files.write_atomically(3, "text")
    with pytest.raises(IsADirectoryError, match="folder"):
        files.write_atomically(tmp_path, "text")
