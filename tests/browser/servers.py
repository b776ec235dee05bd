"""The servers of the browser suite: a real Jupyter server (JupyterLab, Notebook 7) or Voilà, and what they serve.

Each server runs on a free port of 127.0.0.1 with a random token, serving a temporary copy of
``notebooks/`` (so nothing the tests do touches the committed files). Its settings, workspaces,
config, data and runtime directories are fresh temporary ones; ``overrides.json`` turns autosave and
the news pop-up off and lets a notebook start its kernel when opened. The fixtures that start them
are in ``conftest.py``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Another folder of notebooks can be tested instead (used to develop the suite).
NOTEBOOKS = Path(os.environ.get("NOSMOKE_BROWSER_NOTEBOOKS") or REPO / "notebooks")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SERVER_START_TIMEOUT = 60  # seconds until /api/status answers

# Settings applied by both servers (jupyterlab_server reads <app_settings_dir>/overrides.json).
OVERRIDES = {
    # No "Would you like to receive official Jupyter news?" toast, no update check.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # Never write the (temporary) notebooks back while the tests run.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # JupyterLab 4 starts a notebook's kernel on open only if its kernelspec exists; with this on it
    # starts the default kernel otherwise instead of asking in a dialog.
    "@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True},
}

FRONTENDS = {
    # frontend: (python -m <module>, URL of a notebook relative to the server root)
    # JupyterLab restores the tabs of its last workspace: a workspace of its own per notebook
    # opens just that notebook.
    "lab": ("jupyterlab", "lab/workspaces/{stem}/tree/{name}"),
    "notebook7": ("notebook", "notebooks/{name}"),
}


def unavailable(reason: str):
    """Skip locally; under CI a browser test that cannot run is a failure."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI=true and the browser suite cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


class _CourseServer:
    """A server process (Jupyter or Voilà) serving a temporary copy of the notebooks from ``base``,
    its output in a log file; what both kinds share: the copy, the start, the wait and the stop."""

    name = "server"

    def _copy_course(self, base: Path) -> None:
        self.base = base
        self.root = base / "notebooks"
        self.root.mkdir()
        for path in NOTEBOOKS.glob("*.ipynb"):
            shutil.copy2(path, self.root / path.name)
        # Links in the notebooks point at ../README.md and ../data; keep them resolvable.
        for name in ("README.md", "data"):
            if (REPO / name).exists():
                (base / name).symlink_to(REPO / name)
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"

    def _start(self, command: list[str], env: dict) -> None:
        self.log_path = self.base / f"{self.name.split()[0]}.log"
        self._log = open(self.log_path, "wb")  # closed in stop()
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=self.root, start_new_session=True
        )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self._probe()
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer in {SERVER_START_TIMEOUT} s:\n{self.log_tail()}")

    def _probe(self) -> None:
        """Raise OSError until the server answers."""
        raise NotImplementedError

    def log_tail(self, lines: int = 40) -> str:
        if not self._log.closed:
            self._log.flush()
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def _terminate(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def stop(self) -> None:
        self._terminate()


class JupyterServer(_CourseServer):
    """A running ``jupyter lab`` / ``jupyter notebook`` and the little REST API the tests need."""

    def __init__(self, frontend: str, base: Path):
        self.frontend = frontend
        self.name = f"jupyter {frontend}"
        self._shutdown = None
        module, self._notebook_url = FRONTENDS[frontend]
        self._copy_course(base)
        names = ("app_settings", "user_settings", "workspaces", "config", "data", "runtime")
        dirs = {name: base / "jupyter" / name for name in names}  # beside notebooks/, README.md and data/
        for path in dirs.values():
            path.mkdir(parents=True)
        (dirs["app_settings"] / "overrides.json").write_text(json.dumps(OVERRIDES, indent=1), encoding="utf-8")
        env = dict(os.environ)
        env.update(
            JUPYTERLAB_SETTINGS_DIR=str(dirs["user_settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            # No ~/.jupyter config nor ~/.local/share/jupyter kernels or extensions leak in.
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTER_DATA_DIR=str(dirs["data"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        )
        # This interpreter runs the server, and so the kernel too ("python" in the kernelspec).
        command = [
            *(sys.executable, "-m", module),
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            # Both servers load both extensions and either may answer /lab/api/settings: set both.
            f"--LabApp.app_settings_dir={dirs['app_settings']}",
            f"--JupyterNotebookApp.app_settings_dir={dirs['app_settings']}",
            f"--LabApp.user_settings_dir={dirs['user_settings']}",
            f"--LabApp.workspaces_dir={dirs['workspaces']}",
        ]
        self._start(command, env)
        self._check_settings()

    # --- REST API -------------------------------------------------------------------------------
    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}/{path.lstrip('/')}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def session_for(self, name: str):
        """The server's session of notebook ``name`` (with its kernel), or None."""
        return next((s for s in self.api("api/sessions") if s["path"] == name), None)

    def kernel_state(self, kernel_id: str) -> str:
        return self.api(f"api/kernels/{kernel_id}")["execution_state"]

    def shutdown_sessions(self) -> None:
        for session in self.api("api/sessions"):
            self.api(f"api/sessions/{session['id']}", method="DELETE")

    def shutdown_sessions_meanwhile(self) -> None:
        """Shut the kernels down while the next page loads (DELETE waits for the kernel to exit)."""
        self.join_shutdown()

        def shutdown():
            try:
                self.shutdown_sessions()
            except (OSError, urllib.error.URLError):
                pass

        self._shutdown = threading.Thread(target=shutdown, daemon=True)
        self._shutdown.start()

    def join_shutdown(self) -> None:
        if self._shutdown is not None:
            self._shutdown.join(timeout=30)
            self._shutdown = None

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/{self._notebook_url.format(name=name, stem=Path(name).stem)}?token={self.token}"

    # --- life cycle -----------------------------------------------------------------------------
    def _probe(self) -> None:
        self.api("api/status")

    def _check_settings(self) -> None:
        """The overrides must have reached the settings the frontend loads."""
        for plugin, values in OVERRIDES.items():
            schema = self.api(f"lab/api/settings/{plugin}")["schema"]["properties"]
            for key, value in values.items():
                assert schema[key]["default"] == value, f"{self.frontend}: override {plugin} {key} not applied"

    def stop(self) -> None:
        self.join_shutdown()
        if self.process.poll() is None:
            try:
                self.shutdown_sessions()
            except (OSError, urllib.error.URLError):
                pass
        self._terminate()


class VoilaServer(_CourseServer):
    """A running standalone ``voila`` serving a temporary copy of the notebooks (as a teacher runs
    ``voila notebooks/``): ``render_url(name)`` is the page of one notebook, code hidden, widgets live."""

    name = "voila"

    def __init__(self, base: Path):
        self._copy_course(base)
        dirs = {name: base / "jupyter" / name for name in ("config", "data", "runtime")}
        for path in dirs.values():
            path.mkdir(parents=True)
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTER_DATA_DIR=str(dirs["data"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        )
        command = [
            *(sys.executable, "-m", "voila"),
            str(self.root),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--Voila.port={self.port}",
            "--Voila.port_retries=0",
            f"--Voila.token={self.token}",
            # A failing cell shows its traceback in the page (by default Voilà hides it behind a
            # one-line notice), so a failure here says what went wrong.
            "--VoilaConfiguration.show_tracebacks=True",
            # Voilà 0.5.13 cannot shut a page's kernel down when the page closes (its request is
            # refused, "'_xsrf' argument missing from POST", voila-dashboards/voila#1458): kernels with
            # no page attached are culled instead, as the README tells teachers to do.
            "--MappingKernelManager.cull_idle_timeout=30",
            "--MappingKernelManager.cull_interval=10",
        ]
        self._start(command, env)

    def render_url(self, name: str) -> str:
        return f"{self.url}/voila/render/{name}?token={self.token}"

    def _probe(self) -> None:
        # The tree page: answers without starting a kernel.
        with urllib.request.urlopen(f"{self.url}/?token={self.token}", timeout=10):
            pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
