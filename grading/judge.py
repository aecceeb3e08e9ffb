"""nbgrader's execute step with a judge: test cells never run in a process that ran student code.

`JudgedExecute` replaces nbgrader's `Execute` in nbgrader_config.py, so `nbgrader autograde`,
`make autograde`, the demo and the grading-quality harness all grade this way. Per notebook it
starts two kernels, each sandboxed (grading.sandbox) when bubblewrap and root allow:
- the student's kernel runs the submission's cells except the test cells, in a private scratch
  directory, and answers the judge's requests through `mlcourse.remote.serve`;
- the judge, a fresh kernel, runs the instructor's cells of the release notebook (setup, worked
  examples; never a solution cell) that the test cells need (`cells_tests_need`) up to each test
  cell, then the test cell as nbgrader restored it. Before each test cell `mlcourse.remote.sync` brings the student's names into the judge as
  plain data or remote handles.
This process relays the judge's requests (a unix socket in the judge's runtime directory) to the
student's kernel and passes the answers back as text; it never decodes them. The test cells'
outputs are the judge's, so nbgrader's scores, formgrader and feedback work unchanged.
"""
from __future__ import annotations

import ast
import asyncio
import base64
import json
import os
import shutil
import socket
import struct
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpec
from jupyter_core.utils import ensure_async, run_sync
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution
from traitlets import Integer, Unicode

from . import sandbox

MAX_REQUEST = 256 * 1024 * 1024
# Two kernels per notebook, and a worker per core: one BLAS/OpenMP thread per kernel keeps them from
# fighting over the cores (small fits ran many times slower oversubscribed; hidden inputs are tiny).
# TensorFlow's own pools too, unless the grader sets them (grading/tolerance.py runs with 1 and 2).
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
ONE_THREAD |= {name: os.environ.get(name, "1") for name in ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")}
CONNECT = 'import mlcourse.remote as _mlcourse_remote; _mlcourse_remote.connect({path!r})'
SYNC = '__import__("mlcourse.remote", fromlist=["sync"]).sync(globals())'
SERVE = '__import__("mlcourse.remote", fromlist=["serve"]).serve("{request}")'


def relay_budget(cell_timeout: float) -> float:
    """How long a student's function may run for a test cell: a little less than the cell's own
    limit, so the judge hears "timeout" from the relay before nbgrader interrupts the judge."""
    return cell_timeout - min(5.0, 0.25 * cell_timeout)


def is_test_cell(cell) -> bool:
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


def _cell_names(source: str) -> tuple[set, set, set, set] | None:
    """(names a cell binds, names it may change in place, names it reads, names it imports), or None
    when that cannot be told: it does not parse, or a magic (`%time x = f()`) runs code unseen. In
    place: an assignment to `x.attr` or `x[i]`, a method call on `x` (`model.fit(...)`)."""
    from IPython.core.inputtransformer2 import TransformerManager

    python = TransformerManager().transform_cell(source)
    if "get_ipython()" in python and "get_ipython()" not in source:
        return None
    try:
        tree = ast.parse(python)
    except (SyntaxError, ValueError):
        return None
    binds, changes, reads, imports = set(), set(), set(), set()

    def root(node):  # the name an attribute/item chain starts from (none for a call's fresh result)
        while isinstance(node, (ast.Attribute, ast.Subscript)):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None

    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (reads if isinstance(node.ctx, ast.Load) else binds).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            binds.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            imports |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
            changes.add(root(node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            changes.add(root(node.func.value))
    return binds | imports, changes - {None}, reads, imports


def cells_tests_need(instructor: list[tuple[int, str]], tests: list[tuple[int, str]],
                     always: set = frozenset()) -> set[int]:
    """Positions of the instructor cells the judge must run, given (position, source) of the
    instructor cells and of the test cells: the first (the set-up), those in `always`, and those that
    bind or change a name that a later test cell, or a later cell kept for one, reads. Worked
    examples that only show something (a plot, a timing, a demo fit) are left out: the student's
    kernel runs them, the judge need not run them twice. A name no kept cell binds reaches a test
    from the student's kernel as data or a handle, like any student name, so a cell is kept whenever
    in doubt (it does not parse; it may change an object in place)."""
    analysed = {position: _cell_names(source) for position, source in [*instructor, *tests]}
    if any(analysed[position] is None for position, _ in tests):
        return {position for position, _ in instructor}
    modules = set().union(*(names[3] for names in analysed.values() if names))
    test_positions = {position for position, _ in tests}
    keep = set(always) | {position for position, _ in instructor[:1]}
    needed = set()
    for position in sorted(analysed, reverse=True):
        names = analysed[position]
        if position in test_positions:
            binds, _, reads, _ = names
            needed |= reads - binds  # what a test cell binds itself it does not need from before
            continue
        provides = names and names[0] | (names[1] - modules)  # a module's method (np.random.seed) changes no name
        if position in keep or names is None or provides & needed:
            keep.add(position)
            needed |= names[2] if names else set()
    return keep


def _error_output(ename: str, message: str) -> NotebookNode:
    return nbformat.v4.new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])


class Relay(threading.Thread):
    """Serves the judge's requests over a unix socket by executing them in the student's kernel."""

    def __init__(self, path: Path, connection_file: str, is_alive):
        super().__init__(daemon=True)
        self.path, self.is_alive = path, is_alive
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        os.chmod(path, 0o666)  # the judge's kernel runs as another uid
        self.server.listen(1)
        self.client = BlockingKernelClient(connection_file=connection_file)
        self.client.load_connection_file()
        self.client.start_channels()
        self.deadline = time.monotonic() + 60
        self.open = False  # only a test cell (and its sync) may reach the student's kernel

    def run(self) -> None:
        try:
            conn, _ = self.server.accept()
        except OSError:
            return
        with conn:
            while True:
                try:
                    header = _recv(conn, 8)
                    size = struct.unpack("!Q", header)[0]
                    if size > MAX_REQUEST:
                        return
                    payload = _recv(conn, size)
                except (OSError, EOFError):
                    return
                try:
                    number = json.loads(payload).get("id")
                except (ValueError, AttributeError):
                    return
                answer = json.dumps({**self.forward(payload), "id": number}).encode("utf-8")
                try:
                    conn.sendall(struct.pack("!Q", len(answer)) + answer)
                except OSError:
                    return

    def forward(self, payload: bytes) -> dict:
        if not self.open:  # an instructor cell, running beside the student's own cells
            return {"relay_error": "강사 셀은 학생 커널에 닿을 수 없습니다"}
        if not self.is_alive():
            return {"relay_error": "학생 커널이 종료되어 함수를 호출할 수 없습니다"}
        expression = SERVE.format(request=base64.b64encode(payload).decode("ascii"))
        msg_id = self.client.execute("", silent=True, store_history=False, allow_stdin=False,
                                     user_expressions={"r": expression}, stop_on_error=False)
        interrupted = False
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0 and not interrupted:
                # the student's function runs past the test cell's time: stop it, report a timeout
                self.client.control_channel.send(self.client.session.msg("interrupt_request", {}))
                interrupted, self.deadline = True, time.monotonic() + 10
                continue
            if left <= 0:
                return {"relay_error": "학생 코드가 시간 제한 안에 끝나지 않았습니다 (중단하지도 못했습니다)", "timeout": True}
            try:
                reply = self.client.get_shell_msg(timeout=min(left, 1.0))
            except Exception:  # queue.Empty: still running
                if not self.is_alive():
                    return {"relay_error": "학생 커널이 종료되었습니다 (os._exit, 메모리 초과 등)"}
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                break
        if interrupted:
            return {"relay_error": "학생 코드가 셀 시간 제한 안에 끝나지 않아 중단했습니다", "timeout": True}
        content = reply.get("content", {})
        result = content.get("user_expressions", {}).get("r", {})
        if content.get("status") != "ok" or result.get("status") != "ok":
            name = result.get("ename") or content.get("ename") or "?"
            return {"relay_error": f"학생 커널이 요청을 처리하지 못했습니다 ({str(name)[:80]})"}
        text = result.get("data", {}).get("text/plain")
        if not isinstance(text, str) or len(text) > MAX_REQUEST:
            return {"relay_error": "학생 커널의 응답이 너무 크거나 올바르지 않습니다"}
        return {"text": text}

    def close(self) -> None:
        try:
            self.server.close()
        finally:
            self.client.stop_channels()


def _recv(conn, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = conn.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class JudgedExecute(Execute):
    """nbgrader's Execute, with the test cells run by a judge kernel (module docstring)."""

    sandbox_mode = Unicode("auto", help="'auto' (sandbox when bubblewrap and root allow), 'on' or 'off'").tag(config=True)
    # make autograde gives each worker its own pair; a plain `nbgrader autograde` takes a pair of its
    # own from its pid, so that concurrent graders never share (or reap) each other's kernels
    student_uid = Integer(-1, help="uid of the sandboxed student kernel (-1: leased, sandbox.lease_uids)").tag(config=True)
    judge_uid = Integer(-1, help="uid of the sandboxed judge kernel (-1: leased with the student's)").tag(config=True)
    memory_mb = Integer(sandbox.Limits.memory_mb).tag(config=True)
    cpu_seconds = Integer(sandbox.Limits.cpu_seconds).tag(config=True)
    submission_timeout = Integer(600, help="seconds for a whole notebook, besides the per-cell timeout").tag(config=True)
    scratch_root = Unicode("", help="where the kernels' private directories go (default: the system's)").tag(config=True)

    # ------------------------------------------------------------------ kernels
    def _use_sandbox(self) -> bool:
        if self.sandbox_mode == "off":
            return False
        problem = sandbox.available()
        if problem and self.sandbox_mode == "on":
            raise RuntimeError(f"샌드박스를 쓸 수 없습니다: {problem}")
        if problem:
            self.log.warning("Grading without a sandbox (%s): student code runs with the grader's rights", problem)
        return not problem

    def _kernel_manager(self, folder: Path, uid: int, sandboxed: bool, env: dict) -> AsyncKernelManager:
        runtime = folder / "runtime"
        runtime.mkdir(parents=True)
        kernel = [sys.executable, "-P", "-m", "ipykernel_launcher", "--IPKernelApp.ignore_cwd=True",
                  "--HistoryManager.enabled=False", "-f", "{connection_file}"]
        env = {"MLCOURSE_DATA_DIR": str(self._course_root() / "data"), **env}
        if sandboxed:
            argv = sandbox.kernel_command(kernel, uid=uid, exposed=self._exposed(), env=env,
                                          limits=sandbox.Limits(memory_mb=self.memory_mb, cpu_seconds=self.cpu_seconds))
        else:
            argv = kernel
        km = AsyncKernelManager(config=self.config, connection_file=str(runtime / "kernel.json"),
                                transport="ipc" if sandboxed else "tcp")
        km._kernel_spec = KernelSpec(argv=argv, display_name="Python 3 (course grading)", language="python",
                                     interrupt_mode="message", env={} if sandboxed else env)
        return km

    def _course_root(self) -> Path:
        return Path(CourseDirectory(config=self.config).root).resolve()

    def _exposed(self) -> list[Path]:
        import importlib.util  # where mlcourse lives, without importing it (numpy, pandas) here

        helper = Path(importlib.util.find_spec("mlcourse").origin).resolve().parent
        return [self._course_root() / "data", helper]

    def _instructor_cells(self, resources) -> tuple[list, dict]:
        """The release notebook's cells the judge runs (code, neither solution nor test) and the
        position of each graded cell in it."""
        info = resources.get("nbgrader", {})
        coursedir = CourseDirectory(config=self.config)
        name = f"{info.get('notebook')}.ipynb"
        for step in (coursedir.release_directory, coursedir.source_directory):
            path = Path(coursedir.format_path(step, ".", info.get("assignment", ""))) / name
            if path.is_file():
                notebook = nbformat.read(str(path), as_version=4)
                break
        else:
            raise RuntimeError(f"release/source notebook not found for {info}")
        cells, anchors = [], {}
        for position, cell in enumerate(notebook.cells):
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id:
                anchors[grade_id] = position
            if cell.cell_type == "code" and not is_grade(cell) and not is_solution(cell):
                cells.append((position, cell))
        return cells, anchors

    # ------------------------------------------------------------------ grading
    def preprocess(self, nb, resources=None, km=None):
        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        self._instructor, self._anchors = self._instructor_cells(self.resources)
        # the test cells as nbgrader restored them (hidden tests included): what the judge must prepare
        always = {position for position, cell in self._instructor if "judge" in cell.metadata.get("tags", [])}
        tests = [(self._anchors.get(cell.metadata["nbgrader"]["grade_id"], len(nb.cells) + index), cell.source)
                 for index, cell in enumerate(nb.cells) if is_test_cell(cell)]
        keep = cells_tests_need([(position, cell.source) for position, cell in self._instructor], tests, always)
        self.log.info("Judge: %d of %d instructor cells are needed by the test cells", len(keep), len(self._instructor))
        self._instructor = [(position, cell) for position, cell in self._instructor if position in keep]
        self._judged_upto = -1
        self._student_dead = False
        self._deadline = time.monotonic() + self.submission_timeout
        sandboxed = self._use_sandbox()
        if sandboxed and (self.student_uid < 0 or self.judge_uid < 0):
            self.student_uid, self.judge_uid = sandbox.lease_uids()
        base = Path(tempfile.mkdtemp(prefix="judge-", dir=self.scratch_root or None))
        os.chmod(base, 0o755)  # sandboxed kernels (other uids) reach their runtime folders through it
        try:
            for role in ("student", "judge"):
                (base / role / "work").mkdir(parents=True)
            self.km = self._kernel_manager(base / "student", self.student_uid, sandboxed, ONE_THREAD)
            judge_km = self._kernel_manager(base / "judge", self.judge_uid, sandboxed, ONE_THREAD)
            # the judge's own list of the same cells: nbclient stores each executed cell at its index
            # (`nb.cells[index] = cell`), and the judge's quiet cells, run as index 0, would otherwise
            # replace the submission's first cell in the graded notebook
            judge_nb = nbformat.NotebookNode({**nb, "cells": list(nb.cells)})
            self.judge = NotebookClient(judge_nb, km=judge_km,
                                        timeout=self.timeout, allow_errors=True, kernel_name="python3",
                                        interrupt_on_timeout=self.interrupt_on_timeout,
                                        error_on_timeout=self.error_on_timeout, startup_timeout=self.startup_timeout,
                                        shutdown_kernel="immediate", log=self.log)
            self.shutdown_kernel = "immediate"  # nothing of either kernel is kept: no graceful wait
            if sandboxed:  # each kernel starts with its uid free of leftovers, and leaves none behind
                sandbox.reap(self.student_uid)
                sandbox.reap(self.judge_uid)
            run_sync(self._grade)(base)
        finally:
            if sandboxed:
                sandbox.reap(self.student_uid)
                sandbox.reap(self.judge_uid)
            shutil.rmtree(base, ignore_errors=True)
        self.set_widgets_metadata()
        # proof for the canary and the tests that this step graded the notebook
        self.nb.metadata["course_grading"] = {"judge": True, "sandbox": sandboxed}
        return self.nb, self.resources

    async def _grade(self, base: Path) -> None:
        """Both kernels start together; while the student's kernel runs the cells before a test,
        the judge already runs the instructor's cells before it (the two never wait on each other
        until the test itself)."""
        await asyncio.gather(self.km.start_kernel(cwd=str(base / "student" / "work")),
                             self.judge.km.start_kernel(cwd=str(base / "judge" / "work")))
        async with self.judge.async_setup_kernel(cleanup_kc=True), self.async_setup_kernel():
            info = await self.async_wait_for_reply(await ensure_async(self.kc.kernel_info()))
            self.nb.metadata["language_info"] = info["content"]["language_info"]
            socket_path = base / "judge" / "runtime" / "relay.sock"
            self.relay = Relay(socket_path, self.km.connection_file, self._student_alive)
            self.relay.start()
            try:
                await self._judge_quietly(CONNECT.format(path=str(socket_path)))
                tests = [i for i, c in enumerate(self.nb.cells) if is_test_cell(c)]
                ahead = asyncio.ensure_future(self._judge_upto(tests[0] if tests else None))
                for index, cell in enumerate(self.nb.cells):
                    if not is_test_cell(cell):
                        await self._student_cell(cell, index)
                        continue
                    await ahead
                    await self._judge_test(cell, index)
                    later = [i for i in tests if i > index]
                    ahead = asyncio.ensure_future(self._judge_upto(later[0] if later else None))
                ahead.cancel()
            finally:
                self.relay.close()

    def _student_alive(self) -> bool:
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        return process is not None and process.poll() is None

    async def _judge_quietly(self, source: str) -> NotebookNode:
        """Run instructor code in the judge; its outputs are not part of the graded notebook."""
        cell = nbformat.v4.new_code_cell(source)
        try:
            await self.judge.async_execute_cell(cell, 0, store_history=False)
        except DeadKernelError:
            self.log.warning("The judge's kernel died")
        for output in cell.outputs:
            if output.output_type == "error":
                self.log.warning("Judge: an instructor cell failed: %s: %s", output.ename, output.evalue)
        return cell

    async def _judge_upto(self, index: int | None) -> None:
        """The release notebook's instructor cells before the test cell at `index` of the submission."""
        if index is None:
            return
        grade_id = self.nb.cells[index].metadata["nbgrader"]["grade_id"]
        upto = self._anchors.get(grade_id, self._judged_upto)
        for position, instructor_cell in self._instructor:
            if self._judged_upto < position < upto:
                await self._judge_quietly(instructor_cell.source)
        self._judged_upto = max(self._judged_upto, upto)

    async def _student_cell(self, cell, index) -> None:
        if cell.cell_type != "code" or not cell.source.strip():
            return
        if time.monotonic() > self._deadline:
            cell.outputs = [_error_output("SubmissionTimeout", f"제출물 전체 시간 제한({self.submission_timeout}초)을 넘어 실행하지 않았습니다")]
        elif self._student_dead:
            cell.outputs = [_error_output("DeadKernelError", "학생 커널이 종료되어 실행하지 못했습니다")]
        else:
            try:
                await self.async_execute_cell(cell, index, store_history=True)
            except DeadKernelError:
                self._student_dead = True
                cell.outputs.append(_error_output("DeadKernelError", "학생 커널이 비정상 종료되었습니다 (os._exit, 메모리 초과 등)"))

    async def _judge_test(self, cell, index) -> None:
        if time.monotonic() > self._deadline:
            cell.outputs = [_error_output("SubmissionTimeout", f"제출물 전체 시간 제한({self.submission_timeout}초)을 넘어 실행하지 않았습니다")]
            return
        self.relay.open = True
        try:
            self.relay.deadline = time.monotonic() + relay_budget(self.timeout or 120)
            await self._judge_quietly(SYNC)
            self.relay.deadline = time.monotonic() + relay_budget(self.timeout or 120)
            await self.judge.async_execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            cell.outputs.append(_error_output("DeadKernelError", "채점 커널이 종료되었습니다"))
        finally:
            self.relay.open = False

    def output(self, outs, msg, display_id, cell_index):
        """Clip each output as it arrives, so a flood never fills the grader's memory."""
        out = super().output(outs, msg, display_id, cell_index)
        if outs:
            from .nbgrader_ext import clip_output

            clip_output(outs[-1])
        return out
