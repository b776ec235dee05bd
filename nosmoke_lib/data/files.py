"""Files in and out: read a CSV file's rows with errors that name the file and line; write without half files."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from .._validate import _describe

#: The largest file the course reads (100 MB): a data set for this course is far smaller.
MAX_FILE_BYTES = 100_000_000


def readable_file(path, name="path") -> Path:
    """``path`` as a Path to an existing file, or FileNotFoundError / IsADirectoryError / TypeError naming it."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name} must be a file name (str or Path); got {_describe(path)}")
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{name}: {path} is a folder; give the file inside it, e.g. {path / 'data.csv'}")
    if not path.is_file():
        raise FileNotFoundError(f"{name}: no file at {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"{path}: {path.stat().st_size:,} bytes; the course reads files of at most {MAX_FILE_BYTES:,}")
    return path


def read_text(path: Path) -> str:
    """The file's text, as UTF-8 (a BOM is dropped); other encodings get a message saying how to save it."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"{path}:1: the file is UTF-16 text; save it as UTF-8 (in Excel: 'CSV UTF-8')")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw[: problem.start].count(b"\n") + 1
        raise ValueError(
            f"{path}:{line}: byte {raw[problem.start]:#04x} is not UTF-8 text (latin-1 or Windows-1252?);"
            " save the file as UTF-8 (in Excel: 'CSV UTF-8')"
        ) from None


def read_rows(path: Path) -> list:
    """The non-blank rows of a CSV file as ``(line number, cells)``, cells stripped of spaces."""
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)  # an unclosed quote is an error
    rows = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, [cell.strip() for cell in cells]))
    except csv.Error as problem:
        raise ValueError(f"{path}:{reader.line_num}: not a readable CSV row ({problem})") from None
    return rows


def write_atomically(path, text: str, name="path") -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder: a failure leaves no half file."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name} must be a file name (str or Path); got {_describe(path)}")
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{name}: {path} is a folder; give a file name inside it")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
