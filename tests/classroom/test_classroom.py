"""A class on one JupyterHub: every student runs every course notebook at once, and nothing is left.

Each test runs ``tools/classroom/load_test.py`` as a separate process, as a teacher would, and reads its JSON report.
The three-student class is the measured case (``docs/classroom.md``); the other two check that a
failing notebook is reported as one, and that an interrupted run still stops all it started.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from . import LOAD_TEST, load_test

pytestmark = pytest.mark.classroom

REPO = load_test.REPO


def start(tmp_path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(LOAD_TEST), "--json", str(tmp_path / "report.json"), *args],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float) -> str:
    """The run's output; on a time-out, SIGTERM (the script then stops all it started) and fail."""
    try:
        return process.communicate(timeout=timeout)[0]
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGTERM)
        try:
            output = process.communicate(timeout=120)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0]
        pytest.fail(f"the load test took more than {timeout:.0f} s:\n{output}")


def leftovers(workdir: str) -> list[str]:
    """Processes still working in the run's temporary folder: the hub, proxy, servers and kernels all do."""
    found = []
    for p in psutil.process_iter(["pid", "cwd", "cmdline"]):
        cwd, cmdline = p.info["cwd"] or "", " ".join(p.info["cmdline"] or [])
        if cwd.startswith(workdir) or workdir in cmdline:
            found.append(f"{p.info['pid']}: {cmdline}")
    return found


def assert_all_stopped(report: dict):
    assert report["cleanup"]["alive_after_cleanup"] == []
    assert report["cleanup"]["processes_seen"] >= 3  # at least the proxy, a server and a kernel
    assert leftovers(report["workdir"]) == []
    assert not Path(report["workdir"]).exists()


# Three notebooks, not nine: every notebook runs under nbval, the figure check and three front ends
# already; what this class tests is the hub (logins, servers, the proxy, kernels over websockets at
# once, cleanup), and these three hold every kind of widget. tools/classroom/load_test.py runs all.
CLASS_NOTEBOOKS = ["01", "05", "09"]


def test_a_class_of_three_runs_its_notebooks_at_once(tmp_path, classroom_tools):
    t0 = time.monotonic()
    output = finish(start(tmp_path, "--students", "3", "--notebooks", *CLASS_NOTEBOOKS), timeout=170)
    elapsed = time.monotonic() - t0
    print(output)
    [report] = json.loads((tmp_path / "report.json").read_text())
    assert "aborted" not in report, output
    assert report["failed"] == 0, report["failures"]
    assert report["notebooks_run"] == 3 * len(load_test.course_notebooks(load_test.NOTEBOOKS, CLASS_NOTEBOOKS)) == 9
    assert report["median_seconds"] <= report["p95_seconds"] <= report["max_seconds"]
    assert 50 < report["memory_per_student_mib"]["median"] < 2000
    assert report["cpu_seconds_per_student_median"] > report["server_cpu_seconds_per_student_median"] > 0
    assert report["websocket_protocols"] == [load_test.WS_PROTOCOL], "the load test speaks JupyterLab's protocol"
    assert_all_stopped(report)
    assert elapsed < 120, f"a class of 3 took {elapsed:.0f} s, more than 2 minutes"


def notebook(path: Path, *cells: tuple[str, list[str]]):
    path.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "execution_count": None,
                        "metadata": {"tags": tags},
                        "outputs": [],
                        "source": src,
                    }
                    for src, tags in cells
                ],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )


def test_a_failing_notebook_is_reported_and_everything_stops(tmp_path, classroom_tools):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook(folder / "01_fine.ipynb", ("x = 6 * 7", []), ("assert x == 42", []))
    notebook(
        folder / "02_broken.ipynb",
        ("raise ValueError('expected, and tagged so')", ["raises-exception"]),
        ("y = 1", []),
        ("1 / 0", []),
        ("print('never run')", []),
    )
    process = start(tmp_path, "--students", "1", "--notebook-dir", str(folder))
    output = finish(process, timeout=120)
    assert process.returncode == 1, output
    [report] = json.loads((tmp_path / "report.json").read_text())
    assert (report["notebooks_run"], report["failed"]) == (2, 1)
    [failure] = report["failures"]
    assert failure["notebook"] == "02_broken.ipynb"
    assert failure["error"] == "code cell 3: ZeroDivisionError: division by zero"
    assert "FAILED student001 02_broken.ipynb" in output
    assert_all_stopped(report)


def test_an_interrupted_class_stops_everything(tmp_path, classroom_tools):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook(folder / "01_long.ipynb", ("import time\ntime.sleep(120)", []))
    process = start(tmp_path, "--students", "1", "--notebook-dir", str(folder))
    lines = []
    try:
        for line in process.stdout:  # wait until the servers are up and the lesson has begun
            lines.append(line)
            if "servers up" in line:
                break
        time.sleep(3)  # the kernel is running its cell
        workdir = lines[0].rsplit(" in ", 1)[1].strip()
        assert leftovers(workdir), "the hub, its proxy, a server and a kernel run in the run's folder"
    finally:
        process.send_signal(signal.SIGTERM)
    output = "".join(lines) + finish(process, timeout=90)
    assert process.returncode == 130, output
    assert "interrupted: everything started was stopped" in output
    assert leftovers(workdir) == []
    assert not Path(workdir).exists()
