"""A Dask cluster of separate processes on 127.0.0.1: a scheduler and N single-threaded workers,
each worker with its own scratch folder. What an instructor starts by hand on grading machines
(`dask scheduler`, `dask worker`), started here for tests/ and `make benchmark-grading`.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .course import REPO, nbgrader_env


class LocalDaskCluster:
    def __init__(self, folder: Path, workers: int = 2, dashboard: bool = True):
        self.folder, self.count, self.dashboard = Path(folder), workers, dashboard
        self.scheduler: subprocess.Popen | None = None
        self.workers: dict[str, subprocess.Popen] = {}
        self.address = ""

    def __enter__(self) -> "LocalDaskCluster":
        self.folder.mkdir(parents=True, exist_ok=True)
        info = self.folder / "scheduler.json"
        command = [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                   "--scheduler-file", str(info)]
        # its HTTP server (dashboard or not) listens on 127.0.0.1 only, as every process here does
        command += ["--dashboard-address", "127.0.0.1:0", "--dashboard" if self.dashboard else "--no-dashboard"]
        self.scheduler = self._start(command, "scheduler")
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                self.__exit__()
                raise RuntimeError(f"Dask scheduler did not start: {(self.folder / 'scheduler.log').read_text()[-2000:]}")
            time.sleep(0.2)
        self.address = json.loads(info.read_text())["address"]
        for index in range(self.count):
            self.add_worker(f"w{index}")
        if self.count:
            self.wait_for_workers(self.count)
        return self

    def add_worker(self, name: str) -> None:
        scratch = self.folder / name
        scratch.mkdir(exist_ok=True)
        self.workers[name] = self._start(
            [sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--name", name, "--nthreads", "1",
             "--no-nanny", "--memory-limit", "0", "--host", "127.0.0.1", "--dashboard-address", "127.0.0.1:0",
             "--no-dashboard", "--local-directory", str(scratch)], name)

    def wait_for_workers(self, count: int, timeout: float = 120) -> None:
        from distributed import Client

        with Client(self.address, timeout="30s", set_as_default=False) as client:
            client.wait_for_workers(count, timeout=timeout)

    def kill(self, name: str) -> None:
        """SIGKILL one worker process (a machine that drops out mid-batch)."""
        os.killpg(self.workers[name].pid, signal.SIGKILL)  # the worker and the kernels it started
        self.workers[name].wait()

    def _start(self, command: list[str], name: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")
        env = {**nbgrader_env(), "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def __exit__(self, *exc) -> None:
        for process in [*self.workers.values(), self.scheduler]:
            if process and process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for process in [*self.workers.values(), self.scheduler]:
            if process:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
