#!/usr/bin/env python3
"""A classroom on this machine: a real JupyterHub, N students, every course notebook run at once.

    python tools/classroom/load_test.py --students 3
    python tools/classroom/load_test.py --students 10 20 30 --json classroom.json

For each class size N the script

1. starts JupyterHub (the ``jupyterhub`` package of this Python) on a free port of 127.0.0.1 with
   configurable-http-proxy (from ``tools/classroom/node_modules``, see ``package.json``), the
   ``DummyAuthenticator`` and ``jupyterhub.spawner.SimpleLocalProcessSpawner``, every home under a
   temporary folder, and a service whose API token (set in the hub's config) may manage users;
2. creates N students through the hub's REST API, starts each one's single-user server (this
   Python's ``jupyterhub-singleuser``: JupyterLab) and gives each student an API token of their own;
3. copies the course's notebooks into every student's home through their server's contents API
   (``~/course/notebooks/``, where nbgitpuller would put them);
4. lets all students start together; each runs the course's notebooks one after the other, as a
   learner does with *Restart Kernel and Run All*: a session (and so a kernel) through
   ``/user/<name>/api/sessions``, every code cell over the kernel's websocket (in the protocol
   JupyterLab speaks, ``v1.kernel.websocket.jupyter.org``), then the session deleted. A cell that raises (unless tagged ``raises-exception``) fails its notebook;
5. stops everything it started, whether the run passed, failed or was interrupted (SIGINT,
   SIGTERM): the servers through the hub's API, then the hub (which stops the proxy), then any
   process it saw under the hub that is still alive, by pid; then it deletes the temporary folder.

It reports per N: notebooks run and failed, the median, 95th percentile and largest seconds per
notebook (from asking for the kernel to the last cell's reply), and per student the peak memory
(RSS of the single-user server plus its kernel, sampled every half second with psutil, or /proc
where psutil is missing; USS and PSS at the end of each notebook) and the CPU seconds used, the
server's share apart. Every request goes to 127.0.0.1 only.

Exit status: 0 when every notebook ran without an error, 1 when one failed, 2 when JupyterHub, the
proxy or node is missing (the message says how to install them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent  # tools/classroom: package.json and node_modules
REPO = HERE.parents[1]
NOTEBOOKS = REPO / "notebooks"
COURSE_DIR = "course/notebooks"  # each student's copy, relative to their home
HOST = "127.0.0.1"  # the only address this script ever talks to
MiB = 1024 * 1024
SAMPLE_EVERY = 0.5  # seconds between memory samples
INSTALL_HINT = (
    "pip install jupyterhub (into this Python) and `npm ci --prefix tools/classroom` "
    "(configurable-http-proxy, needs node >= 20)"
)

try:  # psutil comes with ipykernel; /proc is the fallback
    import psutil
except ImportError:  # pragma: no cover - depends on the environment
    psutil = None


# --- what is needed ------------------------------------------------------------------------------


def proxy_command() -> str | None:
    """configurable-http-proxy: $NOSMOKE_CHP, this folder's node_modules, or one on PATH."""
    for candidate in (
        os.environ.get("NOSMOKE_CHP"),
        HERE / "node_modules" / ".bin" / "configurable-http-proxy",
        shutil.which("configurable-http-proxy"),
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def singleuser_command() -> str | None:
    """The ``jupyterhub-singleuser`` beside this Python, so students' kernels run in this venv."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin"):
        path = folder / "jupyterhub-singleuser"
        if path.is_file():
            return str(path)
    return None


def missing() -> list[str]:
    """What this machine lacks to run the load test (empty when it can run)."""
    import importlib.util

    problems = []
    if importlib.util.find_spec("jupyterhub") is None:
        problems.append(f"the jupyterhub package is not installed in {sys.executable}")
    elif singleuser_command() is None:
        problems.append(f"jupyterhub-singleuser is not beside {sys.executable}")
    if shutil.which("node") is None:
        problems.append("node is not on PATH")
    if proxy_command() is None:
        problems.append("configurable-http-proxy is not installed (tools/classroom/node_modules)")
    if not problems:
        try:
            version = subprocess.run(
                [proxy_command(), "--version"], capture_output=True, text=True, timeout=60
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError) as error:
            version = ""
            problems.append(f"configurable-http-proxy does not run: {error}")
        if not problems and not version:
            problems.append("configurable-http-proxy --version printed nothing (is node >= 20?)")
    return problems


# --- processes: pid -> (ppid, rss bytes, cpu seconds, start time) ---------------------------------

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def processes() -> dict[int, tuple[int, int, float, float]]:
    """Every process of the machine, with its parent, RSS, CPU time and start time."""
    table = {}
    if psutil is not None:
        for p in psutil.process_iter(["ppid", "memory_info", "cpu_times", "create_time"]):
            info = p.info
            if info["memory_info"] is None or info["cpu_times"] is None:
                continue
            cpu = info["cpu_times"].user + info["cpu_times"].system
            table[p.pid] = (info["ppid"], info["memory_info"].rss, cpu, info["create_time"])
        return table
    for entry in os.scandir("/proc"):  # pragma: no cover - the fallback
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        # fields[0] is field 3 of proc(5): ppid is 4, utime 14, stime 15, starttime 22, rss 24
        table[int(entry.name)] = (
            int(fields[1]),
            int(fields[21]) * _PAGE,
            (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS,
            int(fields[19]) / _CLOCK_TICKS,
        )
    return table


def unique_and_proportional_bytes(pids) -> tuple[int, int]:
    """USS and PSS of these processes (0, 0 without psutil).

    USS is the memory no other process shares; PSS adds each shared page divided by the number of
    processes sharing it (the libraries every kernel maps), so PSS summed over a class is its
    memory. Reading them walks /proc/<pid>/smaps (~5 ms a process here): far dearer than RSS.
    """
    uss = pss = 0
    if psutil is not None:
        for pid in pids:
            try:
                info = psutil.Process(pid).memory_full_info()
            except (psutil.Error, OSError):
                continue
            uss, pss = uss + info.uss, pss + getattr(info, "pss", 0)
    return uss, pss


def machine_busy_seconds() -> float:
    """CPU seconds all cores have been busy since boot (Linux /proc/stat; 0 elsewhere)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return 0.0
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / _CLOCK_TICKS


def descendants(table, pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for child, (parent, *_rest) in table.items():
        children.setdefault(parent, []).append(child)
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def still_running(pid: int, start: float) -> bool:
    """The process ``pid`` that started at ``start`` (not a later one with a reused pid) is alive."""
    entry = processes().get(pid)
    return entry is not None and abs(entry[3] - start) < 0.05


def stop_processes(pids: dict[int, float], grace: float = 10.0) -> list[int]:
    """SIGTERM, then SIGKILL after ``grace`` seconds, each of these processes still alive."""
    alive = [pid for pid, start in pids.items() if still_running(pid, start)]
    for pid in alive:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(still_running(p, pids[p]) for p in alive):
        time.sleep(0.2)
    for pid in alive:
        if still_running(pid, pids[pid]):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return alive


# --- statistics --------------------------------------------------------------------------------


def percentile(values, q: float) -> float | None:
    """The q-th percentile (0-100), linear between the closest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values) -> float | None:
    return statistics.median(values) if values else None


def rounded(value, digits=1):
    return None if value is None else round(value, digits)


# --- the notebooks -----------------------------------------------------------------------------


def course_notebooks(folder: Path = NOTEBOOKS, only: list[str] | None = None) -> list[Path]:
    """The course's notebooks (``NN_*.ipynb``), or those whose name starts with one of ``only``."""
    paths = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if only:
        paths = [p for p in paths if any(p.name.startswith(prefix) for prefix in only)]
    if not paths:
        raise SystemExit(f"no notebooks in {folder}" + (f" starting with {only}" if only else ""))
    return paths


def code_cells(notebook: dict) -> list[tuple[str, bool]]:
    """(source, may raise) of every non-empty code cell."""
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if source.strip():
            cells.append((source, "raises-exception" in cell.get("metadata", {}).get("tags", [])))
    return cells


# --- talking to the hub and the servers ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class HTTPError(RuntimeError):
    pass


async def request(method: str, url: str, token: str, body=None, timeout: float = 300.0):
    """One REST call with ``Authorization: token ...``; the decoded JSON answer (or None)."""
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    assert url.startswith(f"http://{HOST}:"), url
    data = None
    if body is not None:
        data = json.dumps(body)
    elif method in ("POST", "PUT", "PATCH"):
        data = ""
    response = await AsyncHTTPClient().fetch(
        HTTPRequest(
            url,
            method=method,
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
            body=data,
            connect_timeout=60,
            request_timeout=timeout,
        ),
        raise_error=False,
    )
    if response.code >= 400 or response.code == 599:
        text = response.body.decode(errors="replace")[:300] if response.body else str(response.error)
        raise HTTPError(f"{method} {url}: {response.code} {text}")
    return json.loads(response.body) if response.body else None


WS_PROTOCOL = "v1.kernel.websocket.jupyter.org"  # what JupyterLab 4, Notebook 7 and Voilà ask for


def encode_v1(channel: str, parts: list[bytes]) -> bytes:
    """A message in the kernel websocket protocol v1 (jupyter_server's ``serialize_msg_to_ws_v1``).

    Eight-byte little-endian integers: how many offsets follow, then the offsets of the channel's
    name and of each part (header, parent header, metadata, content, buffers), then the bytes.
    """
    name = channel.encode()
    offsets = [8 * (1 + 1 + len(parts) + 1)]
    for chunk in (name, *parts):
        offsets.append(offsets[-1] + len(chunk))
    return b"".join([len(offsets).to_bytes(8, "little"), *(o.to_bytes(8, "little") for o in offsets), name, *parts])


def decode_v1(frame: bytes) -> tuple[str, list[bytes]]:
    """The channel and the parts (header, parent header, metadata, content, buffers) of a v1 frame."""
    count = int.from_bytes(frame[:8], "little")
    offsets = [int.from_bytes(frame[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
    channel = frame[offsets[0] : offsets[1]].decode()  # the last offset is the frame's end
    return channel, [frame[offsets[i] : offsets[i + 1]] for i in range(1, count - 1)]


class Kernel:
    """A kernel's websocket (``/api/kernels/<id>/channels``).

    It asks for the protocol JupyterLab uses (v1: the server passes the kernel's message frames
    through as they are). The legacy JSON protocol, which the server answers when v1 is not
    offered, makes the server decode and re-encode every message, outputs and all: CPU that a
    student's browser never costs it (measured: see docs/classroom.md).
    """

    def __init__(self, connection):
        self.connection = connection
        self.session = uuid.uuid4().hex
        self.v1 = connection.selected_subprotocol == WS_PROTOCOL

    @classmethod
    async def connect(cls, url: str, token: str) -> Kernel:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        assert url.startswith(f"ws://{HOST}:"), url
        connection = await websocket_connect(
            HTTPRequest(url, headers={"Authorization": f"token {token}"}, connect_timeout=120, request_timeout=120),
            max_message_size=256 * MiB,
            subprotocols=[WS_PROTOCOL],
        )
        return cls(connection)

    def close(self):
        self.connection.close()

    async def send(self, msg_type: str, content: dict) -> str:
        """Send a request on the shell channel; its msg_id."""
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "username": "student",
            "session": self.session,
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "version": "5.3",
        }
        if self.v1:
            parts = [json.dumps(part).encode() for part in (header, {}, {}, content)]
            await self.connection.write_message(encode_v1("shell", parts), binary=True)
        else:
            message = {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}
            await self.connection.write_message(json.dumps(message))
        return msg_id

    def decode(self, raw) -> tuple[str | None, str, str, dict] | None:
        """(channel, parent msg_id, msg_type, content) of a message; None for one that is not ours."""
        if self.v1:
            if not isinstance(raw, bytes):
                return None
            channel, parts = decode_v1(raw)
            parent = json.loads(parts[1]).get("msg_id")
            kind = json.loads(parts[0])["msg_type"]
            # Only these contents are read: skip decoding the rest (images, widget states).
            wanted = kind.endswith("_reply") or kind in ("status", "error", "stream")
            return channel, parent, kind, json.loads(parts[3]) if wanted else {}
        if isinstance(raw, bytes):  # legacy binary frames carry buffers (widgets): never ours
            return None
        msg = json.loads(raw)
        return msg.get("channel"), msg.get("parent_header", {}).get("msg_id"), msg["header"]["msg_type"], msg["content"]

    async def answers(self, msg_ids: list[str], timeout: float) -> list[dict]:
        """Wait until each request has its reply and the kernel went idle after it.

        Returns, in order, ``{"reply": <reply content>, "errors": [...], "stderr": "..."}``.
        """
        answers = {m: {"reply": None, "idle": False, "errors": [], "stderr": ""} for m in msg_ids}
        pending = set(msg_ids)
        deadline = asyncio.get_running_loop().time() + timeout
        while pending:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError(f"{len(pending)} of {len(msg_ids)} requests unanswered after {timeout:.0f} s")
            try:
                raw = await asyncio.wait_for(self.connection.read_message(), left)
            except asyncio.TimeoutError:
                raise TimeoutError(
                    f"{len(pending)} of {len(msg_ids)} requests unanswered after {timeout:.0f} s"
                ) from None
            if raw is None:
                raise ConnectionError(f"the kernel's websocket closed ({self.connection.close_reason})")
            decoded = self.decode(raw)
            if decoded is None:
                continue
            channel, parent, kind, content = decoded
            answer = answers.get(parent)
            if answer is None:
                continue
            if channel == "shell" and kind.endswith("_reply"):
                answer["reply"] = content
            elif kind == "status" and content.get("execution_state") == "idle":
                answer["idle"] = True
            elif kind == "error":
                answer["errors"].append(f"{content.get('ename')}: {content.get('evalue')}")
            elif kind == "stream" and content.get("name") == "stderr":
                answer["stderr"] += content.get("text", "")
            if answer["reply"] is not None and answer["idle"]:
                pending.discard(parent)
        return [answers[m] for m in msg_ids]

    async def run_all(self, cells: list[tuple[str, bool]], timeout: float) -> tuple[str | None, str]:
        """Run every cell as JupyterLab's *Run All* does: all requests at once, the kernel stopping
        at the first error (except in a cell tagged ``raises-exception``).

        Returns the first error (None if there was none) and what the cells wrote to stderr."""
        msg_ids = []
        for source, may_raise in cells:
            content = {
                "code": source,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": not may_raise,
            }
            msg_ids.append(await self.send("execute_request", content))
        answers = await self.answers(msg_ids, timeout)
        stderr = "".join(answer["stderr"] for answer in answers)
        for number, ((_source, may_raise), answer) in enumerate(zip(cells, answers), 1):
            status = (answer["reply"] or {}).get("status")
            if (answer["errors"] or status != "ok") and not may_raise:
                return f"code cell {number}: " + ("; ".join(answer["errors"]) or f"status {status}"), stderr
        return None, stderr


# --- the classroom -----------------------------------------------------------------------------


@dataclass
class Student:
    name: str
    token: str = ""
    server_pid: int | None = None
    peak_mib: float = 0.0  # server + kernel, the largest sample
    server_idle_mib: float | None = None  # the server alone, before any kernel
    kernel_peak_mib: float = 0.0
    peak_uss_mib: float = 0.0  # server + kernel, memory no other process shares (psutil only)
    peak_pss_mib: float = 0.0  # server + kernel, shared pages divided among their sharers (psutil only)
    server_peak_mib: float = 0.0
    cpu_start: float = 0.0  # the server's CPU seconds when the lesson began
    cpu_by_pid: dict = field(default_factory=dict)  # pid -> last CPU seconds seen
    results: list = field(default_factory=list)

    def cpu_seconds(self) -> float:
        return sum(self.cpu_by_pid.values()) - self.cpu_start

    def server_cpu_seconds(self) -> float:
        """The server's share (the rest is the kernels'): before the lesson only the server ran."""
        return self.cpu_by_pid.get(self.server_pid, 0.0) - self.cpu_start


class Classroom:
    """A JupyterHub with N students on 127.0.0.1; ``async with`` starts it and always stops it."""

    def __init__(self, students: int, workdir: Path | None = None, keep: bool = False, log=print):
        self.n = students
        self.keep = keep
        self.log = log
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="nosmoke-classroom-"))
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.admin_token = secrets.token_hex(32)
        self.hub: subprocess.Popen | None = None
        self.hub_log = self.workdir / "jupyterhub.log"
        self.students = [Student(f"student{i + 1:03d}") for i in range(students)]
        self.seen: dict[int, float] = {}  # every process ever seen under the hub: pid -> start time
        self.hub_peak_mib = 0.0  # the hub and the proxy
        self.hub_cpu = 0.0  # the hub's and the proxy's CPU seconds, last seen
        self.cpu_during_lesson: dict = {}
        self.sampler: asyncio.Task | None = None
        self.report_cleanup: dict = {}

    # configuration ------------------------------------------------------------------------------

    def write_config(self) -> Path:
        env_keep = [
            "CONDA_DEFAULT_ENV",
            "CONDA_ROOT",
            "JUPYTERHUB_SINGLEUSER_APP",
            "LANG",
            "LC_ALL",
            "LD_LIBRARY_PATH",
            "PATH",
            "PYTHONPATH",
            "VIRTUAL_ENV",
        ]
        # The machine's BLAS settings (some processors need OPENBLAS_CORETYPE) reach every kernel.
        env_keep += sorted(k for k in os.environ if k.startswith(("OPENBLAS_", "OMP_", "MKL_")))
        args = ["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        config = {
            "bind_url": self.url,
            "hub_bind_url": f"http://{HOST}:{free_port()}",
            "proxy_api_url": f"http://{HOST}:{free_port()}",
            "proxy_command": [proxy_command()],
            "db_url": f"sqlite:///{self.workdir / 'jupyterhub.sqlite'}",
            "cookie_secret_file": str(self.workdir / "jupyterhub_cookie_secret"),
            "pid_file": str(self.workdir / "jupyterhub.pid"),
            "proxy_pid_file": str(self.workdir / "proxy.pid"),
            "home_dir_template": str(self.workdir / "home" / "{username}"),
            "singleuser": [singleuser_command()],
            "args": args,
            "env_keep": env_keep,
            "admin_token": self.admin_token,
        }
        path = self.workdir / "jupyterhub_config.py"
        path.write_text(
            "# Written by tools/classroom/load_test.py for one run; deleted with its folder.\n"
            f"settings = {json.dumps(config, indent=4)}\n"
            + """
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = settings["bind_url"]
c.JupyterHub.hub_bind_url = settings["hub_bind_url"]
c.JupyterHub.db_url = settings["db_url"]
c.JupyterHub.cookie_secret_file = settings["cookie_secret_file"]
c.JupyterHub.pid_file = settings["pid_file"]
c.JupyterHub.cleanup_servers = True  # the hub's own shutdown stops every server too
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.api_url = settings["proxy_api_url"]
c.ConfigurableHTTPProxy.command = settings["proxy_command"]
c.ConfigurableHTTPProxy.pid_file = settings["proxy_pid_file"]
c.ConfigurableHTTPProxy.log_level = "warn"

c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = settings["home_dir_template"]
c.Spawner.cmd = settings["singleuser"]
c.Spawner.args = settings["args"]
c.Spawner.env_keep = settings["env_keep"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 600  # a whole class logging in at once, on two cores
c.Spawner.http_timeout = 600

# The load test is a service whose token manages users, their servers and their tokens.
c.JupyterHub.services = [{"name": "classroom-load-test", "api_token": settings["admin_token"]}]
c.JupyterHub.load_roles = [
    {
        "name": "classroom-load-test",
        "scopes": ["admin:users", "admin:servers", "tokens"],
        "services": ["classroom-load-test"],
    }
]
"""
        )
        return path

    # starting -----------------------------------------------------------------------------------

    async def __aenter__(self) -> Classroom:
        try:
            await self.start()
        except BaseException:
            await self.stop()
            raise
        return self

    async def __aexit__(self, *exc):
        await self.stop()

    async def hub_api(self, method, path, body=None, timeout=300.0):
        return await request(method, f"{self.url}/hub/api{path}", self.admin_token, body, timeout)

    async def start(self):
        from tornado.httpclient import AsyncHTTPClient

        AsyncHTTPClient.configure(None, max_clients=max(20, 4 * self.n))
        (self.workdir / "home").mkdir(parents=True, exist_ok=True)
        config = self.write_config()
        with self.hub_log.open("wb") as log:
            self.hub = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)],
                cwd=self.workdir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # our Ctrl-C reaches the hub only through stop()
            )
        self.sampler = asyncio.create_task(self.sample_forever())
        t0 = time.monotonic()
        while True:
            if self.hub.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.hub.returncode}:\n{self.hub_log_tail()}")
            try:
                await self.hub_api("GET", "/", timeout=5)
                break
            except (HTTPError, OSError):
                if time.monotonic() - t0 > 120:
                    raise RuntimeError(f"JupyterHub did not answer within 120 s:\n{self.hub_log_tail()}") from None
                await asyncio.sleep(0.3)
        self.hub_seconds = time.monotonic() - t0
        self.log(f"  hub up in {self.hub_seconds:.1f} s; starting {self.n} servers")

        t0 = time.monotonic()
        await self.hub_api("POST", "/users", {"usernames": [s.name for s in self.students]})
        await asyncio.gather(*(self.spawn(s) for s in self.students))
        self.spawn_seconds = time.monotonic() - t0
        self.log(f"  {self.n} servers up in {self.spawn_seconds:.1f} s")

    async def spawn(self, student: Student):
        await self.hub_api("POST", f"/users/{student.name}/server")
        while True:
            model = await self.hub_api("GET", f"/users/{student.name}")
            server = model.get("servers", {}).get("")
            if server is None and not model.get("pending"):
                raise RuntimeError(f"{student.name}'s server failed to start:\n{self.hub_log_tail()}")
            if server and server.get("ready"):
                student.server_pid = server.get("state", {}).get("pid")
                break
            await asyncio.sleep(0.5)
        token = await self.hub_api(
            "POST", f"/users/{student.name}/tokens", {"note": "classroom load test", "expires_in": 4 * 3600}
        )
        student.token = token["token"]

    def hub_log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.hub_log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no hub log)"

    # measuring ----------------------------------------------------------------------------------

    def proxy_pid(self) -> int | None:
        try:
            return int((self.workdir / "proxy.pid").read_text())
        except (OSError, ValueError):
            return None

    def sample(self, only: Student | None = None):
        table = processes()
        if self.hub is not None and self.hub.pid in table:
            under_hub = descendants(table, self.hub.pid)
            for pid in under_hub:
                self.seen[pid] = table[pid][3]
            hub_and_proxy = [self.hub.pid, self.proxy_pid()]
            self.hub_peak_mib = max(self.hub_peak_mib, sum(table[p][1] for p in hub_and_proxy if p in table) / MiB)
            self.hub_cpu = sum(table[p][2] for p in hub_and_proxy if p in table)
        for student in [only] if only else self.students:
            if student.server_pid not in table:
                continue
            kernels = descendants(table, student.server_pid)
            server_rss = table[student.server_pid][1]
            kernel_rss = sum(table[p][1] for p in kernels)
            student.peak_mib = max(student.peak_mib, (server_rss + kernel_rss) / MiB)
            student.kernel_peak_mib = max(student.kernel_peak_mib, kernel_rss / MiB)
            student.server_peak_mib = max(student.server_peak_mib, server_rss / MiB)
            if only is not None:  # at a notebook's end only: smaps is too dear for every half second
                uss, pss = unique_and_proportional_bytes([student.server_pid, *kernels])
                student.peak_uss_mib = max(student.peak_uss_mib, uss / MiB)
                student.peak_pss_mib = max(student.peak_pss_mib, pss / MiB)
            for pid in [student.server_pid, *kernels]:
                student.cpu_by_pid[pid] = table[pid][2]
                self.seen[pid] = table[pid][3]

    async def sample_forever(self):
        while True:
            self.sample()
            await asyncio.sleep(SAMPLE_EVERY)

    # the lesson ---------------------------------------------------------------------------------

    async def hand_out(self, notebooks: list[Path]):
        """Copy the notebooks into every student's ``~/course/notebooks`` (contents API)."""
        contents = [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in notebooks]

        async def one(student):
            base = f"{self.url}/user/{student.name}/api/contents"
            for folder in ("course", COURSE_DIR):
                await request("PUT", f"{base}/{folder}", student.token, {"type": "directory"})
            for name, content in contents:
                body = {"type": "notebook", "format": "json", "content": content}
                await request("PUT", f"{base}/{COURSE_DIR}/{name}", student.token, body)

        await asyncio.gather(*(one(s) for s in self.students))

    async def run_notebook(self, student: Student, path: Path, cells, timeout: float) -> dict:
        base = f"{self.url}/user/{student.name}/api"
        result = {"student": student.name, "notebook": path.name, "ok": False, "error": None}
        t0 = time.monotonic()
        session = kernel = None
        try:
            session = await request(
                "POST",
                f"{base}/sessions",
                student.token,
                {
                    "path": f"{COURSE_DIR}/{path.name}",
                    "type": "notebook",
                    "name": path.name,
                    "kernel": {"name": "python3"},
                },
            )
            ws = f"ws://{HOST}:{self.port}/user/{student.name}/api/kernels/{session['kernel']['id']}/channels"
            kernel = await Kernel.connect(f"{ws}?session_id={uuid.uuid4().hex}", student.token)
            result["protocol"] = WS_PROTOCOL if kernel.v1 else "legacy"
            await kernel.answers([await kernel.send("kernel_info_request", {})], timeout)
            result["kernel_start_seconds"] = time.monotonic() - t0
            result["error"], stderr = await kernel.run_all(cells, timeout - (time.monotonic() - t0))
            result["ok"] = result["error"] is None
            if stderr:
                result["stderr"] = stderr[-2000:]
        except Exception as error:  # a timeout, a closed websocket, an HTTP error: the notebook failed
            result["error"] = f"{type(error).__name__}: {error}"
        result["seconds"] = time.monotonic() - t0
        self.sample(only=student)  # the kernel's last memory and CPU, before it goes
        if kernel is not None:
            kernel.close()
        if session is not None:
            try:
                await request("DELETE", f"{base}/sessions/{session['id']}", student.token)
            except (HTTPError, OSError) as error:
                result["error"] = result["error"] or f"could not delete the session: {error}"
                result["ok"] = False
        return result

    async def lesson(self, notebooks: list[Path], timeout: float) -> float:
        """Every student runs every notebook, all starting together; returns the wall seconds."""
        cells = {p: code_cells(json.loads(p.read_text(encoding="utf-8"))) for p in notebooks}
        self.sample()
        for student in self.students:
            student.server_idle_mib = student.peak_mib
            student.cpu_start = sum(student.cpu_by_pid.values())
        go = asyncio.Event()

        async def one(student):
            await go.wait()
            for path in notebooks:
                result = await self.run_notebook(student, path, cells[path], timeout)
                student.results.append(result)
                mark = "ok" if result["ok"] else f"FAILED ({result['error']})"
                self.log(f"    {student.name} {path.stem}: {result['seconds']:.1f} s {mark}")

        def class_cpu():  # the students' servers and kernels, the hub, the proxy and this script
            return sum(s.cpu_seconds() for s in self.students) + self.hub_cpu + time.process_time()

        tasks = [asyncio.create_task(one(s)) for s in self.students]
        busy0, class0 = machine_busy_seconds(), class_cpu()
        t0 = time.monotonic()
        go.set()
        await asyncio.gather(*tasks)
        seconds = time.monotonic() - t0
        self.sample()
        busy = machine_busy_seconds() - busy0
        ours = class_cpu() - class0
        self.cpu_during_lesson = {
            "available": rounded(seconds * (os.cpu_count() or 1)),
            "busy": rounded(busy),
            "class": rounded(ours),
            # Other work on the machine (other users' jobs) slows the class down: say how much.
            "other": rounded(max(busy - ours, 0.0)) if busy else None,
        }
        return seconds

    # stopping -----------------------------------------------------------------------------------

    async def stop(self):
        """Stop the servers (and so their kernels), the hub (and so the proxy), then any leftover."""
        t0 = time.monotonic()
        if self.hub is not None and self.hub.poll() is None:
            try:
                self.sample()  # record every process the hub has started before it goes
            except Exception:
                pass

            async def stop_server(student):
                try:
                    await self.hub_api("DELETE", f"/users/{student.name}/server", timeout=60)
                except (HTTPError, OSError):
                    pass  # never started, or already stopped; the hub's own shutdown stops it anyway

            try:
                await asyncio.wait_for(asyncio.gather(*(stop_server(s) for s in self.students)), 120)
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:  # DELETE answers 202 while a server is stopping
                    users = await self.hub_api("GET", "/users", timeout=10)
                    if not any(u.get("servers") for u in users):
                        break
                    await asyncio.sleep(0.5)
            except Exception:
                pass
            self.log(f"  servers stopped in {time.monotonic() - t0:.1f} s")
        if self.sampler is not None:
            self.sampler.cancel()
            try:
                await self.sampler
            except (asyncio.CancelledError, Exception):
                pass
            self.sampler = None
        if self.hub is not None:
            if self.hub.poll() is None:
                self.hub.send_signal(signal.SIGTERM)  # the hub stops the proxy and any server left
                try:
                    await asyncio.wait_for(asyncio.to_thread(self.hub.wait), 60)
                except asyncio.TimeoutError:
                    self.hub.kill()
                    self.hub.wait()
            self.report_cleanup["hub_exit_code"] = self.hub.returncode
        # Whatever the hub left behind (it was killed, or a kernel outlived its server): by pid.
        self.report_cleanup["killed_leftovers"] = await asyncio.to_thread(stop_processes, self.seen)
        self.report_cleanup["alive_after_cleanup"] = [p for p, t in self.seen.items() if still_running(p, t)]
        self.report_cleanup["processes_seen"] = len(self.seen)
        self.report_cleanup["seconds"] = rounded(time.monotonic() - t0)
        self.log(f"  everything stopped in {self.report_cleanup['seconds']} s")
        if not self.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)


# --- one class size ----------------------------------------------------------------------------


async def measure(students: int, notebooks: list[Path], timeout: float = 600.0, keep: bool = False, log=print) -> dict:
    """Run one class of ``students`` through ``notebooks``; the report as a dict."""
    t0 = time.monotonic()
    room = Classroom(students, keep=keep, log=log)
    log(f"class of {students}: {len(notebooks)} notebooks each, in {room.workdir}")
    report = {
        "students": students,
        "notebooks_per_student": len(notebooks),
        "workdir": str(room.workdir),
        "cores": os.cpu_count(),
        "load_average_before": rounded(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    try:
        async with room:
            report["hub_start_seconds"] = rounded(room.hub_seconds)
            report["spawn_seconds"] = rounded(room.spawn_seconds)
            await room.hand_out(notebooks)
            report["lesson_seconds"] = rounded(await room.lesson(notebooks, timeout))
    except BaseException as error:
        report["aborted"] = f"{type(error).__name__}: {error}"
        if not isinstance(error, Exception):
            raise
    finally:
        report.update(summarise(room))
        report["wall_seconds"] = rounded(time.monotonic() - t0)
    return report


def summarise(room: Classroom) -> dict:
    results = [r for s in room.students for r in s.results]
    seconds = [r["seconds"] for r in results]
    started = [s for s in room.students if s.peak_mib]
    return {
        "notebooks_run": len(results),
        "failed": sum(not r["ok"] for r in results),
        "failures": [r for r in results if not r["ok"]],
        "median_seconds": rounded(median(seconds), 2),
        "p95_seconds": rounded(percentile(seconds, 95), 2),
        "max_seconds": rounded(max(seconds) if seconds else None, 2),
        "websocket_protocols": sorted({r["protocol"] for r in results if "protocol" in r}),
        "kernel_start_median_seconds": rounded(
            median([r["kernel_start_seconds"] for r in results if "kernel_start_seconds" in r]), 2
        ),
        "by_notebook_median_seconds": {
            name: rounded(median([r["seconds"] for r in results if r["notebook"] == name]), 2)
            for name in sorted({r["notebook"] for r in results})
        },
        "memory_per_student_mib": {
            "median": rounded(median([s.peak_mib for s in started])),
            "max": rounded(max((s.peak_mib for s in started), default=None)),
        },
        "server_idle_mib_median": rounded(median([s.server_idle_mib for s in started if s.server_idle_mib])),
        "kernel_peak_mib_median": rounded(median([s.kernel_peak_mib for s in started])),
        "server_peak_mib_median": rounded(median([s.server_peak_mib for s in started])),
        "unique_mib_per_student_median": rounded(median([s.peak_uss_mib for s in started if s.peak_uss_mib])),
        "proportional_mib_per_student_median": rounded(median([s.peak_pss_mib for s in started if s.peak_pss_mib])),
        "cpu_seconds_per_student_median": rounded(median([s.cpu_seconds() for s in started])),
        "server_cpu_seconds_per_student_median": rounded(median([s.server_cpu_seconds() for s in started])),
        "hub_and_proxy_peak_mib": rounded(room.hub_peak_mib),
        "cpu_seconds_during_lesson": room.cpu_during_lesson,
        "memory_sampler": "psutil" if psutil is not None else "/proc",
        "cleanup": room.report_cleanup,
    }


HEADER = (
    "| students | notebooks run | failed | median s | p95 s | max s | MiB per student (median / max) "
    "| PSS MiB per student | CPU s per student (server's) | servers up in s | lesson s | other work's CPU share |\n"
    "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"
)


def table_row(r: dict) -> str:
    mem = r["memory_per_student_mib"]
    return (
        f"| {r['students']} | {r['notebooks_run']} | {r['failed']} | {r['median_seconds']} | {r['p95_seconds']} "
        f"| {r['max_seconds']} | {mem['median']} / {mem['max']} | {r.get('proportional_mib_per_student_median')} "
        f"| {r['cpu_seconds_per_student_median']} ({r.get('server_cpu_seconds_per_student_median')}) "
        f"| {r.get('spawn_seconds')} | {r.get('lesson_seconds')} | {other_share(r)} |"
    )


def other_share(r: dict) -> str:
    """How much of the machine's CPU other work took during the lesson (it slows the class)."""
    cpu = r.get("cpu_seconds_during_lesson") or {}
    if not cpu.get("available") or cpu.get("other") is None:
        return "?"
    return f"{100 * cpu['other'] / cpu['available']:.0f} %"


def passed(r: dict) -> bool:
    return (
        "aborted" not in r
        and r["failed"] == 0
        and r["notebooks_run"] == r["students"] * r["notebooks_per_student"]
        and not r["cleanup"].get("alive_after_cleanup")
    )


async def main_async(args) -> int:
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):  # stop the class cleanly, then exit
        loop.add_signal_handler(sig, task.cancel)
    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, flush=True))
    notebooks = course_notebooks(Path(args.notebook_dir), args.notebooks)
    reports = []
    try:
        for n in args.students:
            report = await measure(n, notebooks, timeout=args.timeout, keep=args.keep, log=log)
            reports.append(report)
            if args.json:
                Path(args.json).write_text(json.dumps(reports, indent=2) + "\n")
            for failure in report["failures"]:
                print(f"FAILED {failure['student']} {failure['notebook']}: {failure['error']}", file=sys.stderr)
            if "aborted" in report:
                print(f"ABORTED class of {n}: {report['aborted']}", file=sys.stderr)
    except asyncio.CancelledError:
        print("interrupted: everything started was stopped", file=sys.stderr)
        return 130
    print()
    print(HEADER)
    for report in reports:
        print(table_row(report))
    return 0 if all(passed(r) for r in reports) else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--students", type=int, nargs="+", default=[3], metavar="N", help="class sizes, one hub each (default 3)"
    )
    parser.add_argument("--notebooks", nargs="+", metavar="PREFIX", help="only these notebooks, by prefix (e.g. 01 05)")
    parser.add_argument(
        "--notebook-dir", default=str(NOTEBOOKS), help="where the notebooks are (default: the course's)"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds one notebook may take (default 600)")
    parser.add_argument("--json", metavar="FILE", help="write the reports here as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (homes, hub log)")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    args = parser.parse_args(argv)
    problems = missing()
    if problems:
        print("cannot run the classroom load test: " + "; ".join(problems), file=sys.stderr)
        print(f"install: {INSTALL_HINT}", file=sys.stderr)
        return 2
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
