"""Grading a class on a Dask distributed cluster: `python -m grading.autograde A --scheduler tcp://HOST:PORT`.

Workers share no file system with the instructor's machine, and never see the gradebook:

- the instructor's process takes each submission in (grading.intake, as a local run does) and
  sends one task per submission carrying the staged notebooks' bytes. With it go, once per
  assignment and worker, the course's files for it (source/ and release/ of the assignment,
  data/, nbgrader_config.py, as this machine has them) and a snapshot of the gradebook's cell
  definitions (no student's data);
- a worker whose grading code is the instructor's (same hash, else the batch stops) grades in a
  course folder of its own made of those files, with a private SQLite copy of the snapshot: real
  `nbgrader autograde` through the judge, sandboxed, exactly as a local worker does;
- it returns plain data: the autograded folder's files and the submission's gradebook rows
  (auto scores, auto comments, late penalty);
- the instructor's process is the only writer of `autograded/` and of the gradebook (SQLite or
  PostgreSQL), doing what nbgrader's SaveAutoGrades does. So `formgrader`, `generate_feedback` and
  `export` work unchanged, manual grades survive a regrade, and a task that a dead worker's loss
  makes Dask run twice still lands once.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sys
import threading
import time
from pathlib import Path, PurePosixPath

from . import grader, sandbox
from .course import nbgrader_env
from .grader import Outcome, Settings

# Tables that define an assignment (no student's data): what a worker's private gradebook needs.
STRUCTURE = ("course", "assignment", "notebook", "base_cell", "source_cell", "grade_cells", "solution_cells",
             "task_cells")
WORKER_LOST = "채점 작업자가 이 제출물을 채점하다 여러 번 중단되어 채점하지 못했습니다 (작업자 로그 확인)"
NO_WORKERS = "클러스터에 채점 작업자가 없어 채점하지 못했습니다 (다시 실행하면 남은 것만 채점합니다)"
_LOCK = threading.Lock()  # nbgrader and the judge change the process's cwd and environment: one task at a time
_STATE: dict = {}  # this process's scratch folder and nbgrader API


class WorkerMismatch(RuntimeError):
    """A worker whose checkout cannot grade this course (stops the batch, never a student's zero)."""


# ------------------------------------------------------------------ what the instructor ships
def assignment_bundle(course_root: Path, assignment: str) -> dict:
    """What a worker grades against, from the instructor's course: source/<assignment>/,
    release/<assignment>/, data/ and nbgrader_config.py, as {path: bytes}."""
    files = {}
    for top in (Path("source") / assignment, Path("release") / assignment, Path("data"), Path("nbgrader_config.py")):
        base = course_root / top
        for path in sorted(base.rglob("*")) if base.is_dir() else [base]:
            if path.is_file() and not path.is_symlink() and ".ipynb_checkpoints" not in path.parts:
                files[str(PurePosixPath(*path.relative_to(course_root).parts))] = path.read_bytes()
    digest = hashlib.sha256(b"".join(k.encode() + b"\0" + v for k, v in sorted(files.items()))).hexdigest()
    return {"assignment": assignment, "digest": digest, "files": files}


def gradebook_snapshot(db_url: str) -> bytes:
    """The gradebook's cell definitions (every assignment, no student) as an SQLite file's bytes."""
    import tempfile

    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, select

    with tempfile.TemporaryDirectory(prefix="gradebook-snapshot-") as tmp:
        url = f"sqlite:///{tmp}/snapshot.db"
        Gradebook(url).close()  # the schema and nbgrader's alembic stamp
        source, target = create_engine(db_url), create_engine(url)
        with source.connect() as read, target.begin() as write:
            for name in STRUCTURE:
                table = Base.metadata.tables[name]
                have = {row[0] for row in write.execute(select(table.c.id))}
                rows = [dict(row._mapping) for row in read.execute(select(table)) if row.id not in have]
                if rows:
                    write.execute(table.insert(), rows)
        source.dispose()
        target.dispose()
        return Path(tmp, "snapshot.db").read_bytes()


def earlier_submission(db_url: str, assignment: str, student: str) -> dict:
    """What the gradebook already holds for this submission and nbgrader's late penalty reads: the
    student's extension and, for a submission without timestamp.txt, the recorded timestamp."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return {}
        return {"extension": submission.extension, "timestamp": submission.timestamp}


# ------------------------------------------------------------------ on a worker
def _worker_log() -> Path:
    """tasks.log in the worker's own folder (--local-directory): which task it started, when."""
    try:
        from distributed import get_worker

        return Path(get_worker().local_directory) / "tasks.log"
    except ValueError:  # called outside a worker
        return _scratch() / "tasks.log"


def _scratch() -> Path:
    """This process's grading folder, under the system's temporary folder: the kernels' sockets
    live below it, and a Unix socket path must stay short (a worker's local directory is deep)."""
    if "scratch" not in _STATE:
        import atexit
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="grading-worker-"))
        os.chmod(folder, 0o755)  # sandboxed kernels (other uids) reach their runtime dir through it
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _STATE["scratch"] = folder
    return _STATE["scratch"]


def _course_folder(scratch: Path, bundle: dict) -> Path:
    """A course root of this worker's own, made of the shipped files."""
    root = scratch / f"course-{bundle['digest'][:16]}"
    if (root / ".complete").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    for relative, data in bundle["files"].items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    (root / ".complete").touch()
    return root


def _check_worker(task: dict, root: Path) -> None:
    """Grading code must be the instructor's (grading/, mlcourse/ of this worker's checkout, with the
    shipped configuration and data), and a sandboxed batch needs the sandbox on every worker."""
    if task["sandbox"] and "sandbox" not in _STATE:
        _STATE["sandbox"] = sandbox.available()
    if task["sandbox"] and _STATE["sandbox"]:
        raise WorkerMismatch(f"작업자 {socket.gethostname()}에서 샌드박스를 쓸 수 없습니다: {_STATE['sandbox']}")
    if ("code", root) not in _STATE:
        _STATE["code", root] = grader.code_digest(root)
    if task["code"] != _STATE["code", root]:
        raise WorkerMismatch(f"작업자 {socket.gethostname()}의 강의 저장소가 채점자 컴퓨터와 다릅니다 "
                             "(grading/, mlcourse/): 모든 작업자를 같은 커밋으로 맞추세요.")


def _rows(db_url: str, assignment: str, student: str) -> dict | None:
    """The submission's rows that autograde wrote, as plain data."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return None
        return {"timestamp": submission.timestamp.isoformat() if submission.timestamp else None, "notebooks": {
            notebook.name: {"late_submission_penalty": notebook.late_submission_penalty,
                            "grades": {g.name: [g.auto_score, g.needs_manual_grade] for g in notebook.grades},
                            "comments": {c.name: c.auto_comment for c in notebook.comments}}
            for notebook in submission.notebooks}}


def _folder_files(folder: Path) -> dict:
    if not folder.is_dir():
        return {}
    return {str(PurePosixPath(*p.relative_to(folder).parts)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def grade_task(task: dict, bundle: dict, snapshot: bytes) -> dict:
    """One submission, on a worker: plain data back (files, gradebook rows, outcome)."""
    from nbgrader.api import Gradebook

    with _LOCK:
        start = time.perf_counter()
        scratch = _scratch()
        assignment, student = task["assignment"], task["student"]
        with open(_worker_log(), "a", encoding="utf-8") as log:  # who graded what, when (and how often)
            log.write(f"{time.strftime('%H:%M:%S')} start {assignment}/{student}\n")
        root = _course_folder(scratch, bundle)
        _check_worker(task, root)
        settings = Settings(root, f"sqlite:///{scratch}/gradebook.db", task["sandbox"], task["timeout"],
                            sandbox.Limits(**task["limits"]), scratch, task["submission_timeout"],
                            autograded=scratch / "autograded")
        if _STATE.get("settings") != settings:
            _STATE["settings"], _STATE["api"] = settings, grader.make_api(settings, 0)
        api, staging = _STATE["api"]
        (scratch / "gradebook.db").write_bytes(snapshot)
        if task["earlier"]:  # the late penalty's inputs, as the instructor's gradebook holds them
            with Gradebook(settings.db_url) as gradebook:
                gradebook.update_or_create_student(student)
                gradebook.update_or_create_submission(assignment, student, **task["earlier"])
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(scratch / "autograded", ignore_errors=True)
        folder = staging / student / assignment
        folder.mkdir(parents=True)
        for name, data in task["files"].items():
            (folder / name).write_bytes(data)
        graded, reason = grader.autograde_staged(api, settings, assignment, student)
        return {"graded": graded, "reason": reason, "seconds": time.perf_counter() - start,
                "worker": f"{socket.gethostname()}:{os.getpid()}",
                "files": _folder_files(grader.graded_folder(settings, assignment, student)),
                "rows": _rows(settings.db_url, assignment, student) if graded else None}


# ------------------------------------------------------------------ back on the instructor's machine
def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(part in ("", ".", "..") for part in path.parts):
        raise ValueError(f"unsafe path from a worker: {name!r}")
    return path


def store(course_root: Path, db_url: str, assignment: str, student: str, result: dict) -> None:
    """Write a worker's result where a local run writes it: autograded/ and the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    if result.get("retry"):  # the cluster failed, not the submission: keep what is there, a re-run grades it
        with Gradebook(db_url) as gradebook:
            try:
                gradebook.find_submission(assignment, student)
                return
            except MissingEntry:
                pass
        grader.record_zero(db_url, assignment, student)  # a new student still appears, with the reason
        return
    names = {_safe_relative(name): data for name, data in result["files"].items()}  # all checked before any write
    for folder in (course_root / "autograded", course_root / "autograded" / student):
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
    folder = course_root / "autograded" / student / assignment
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    shutil.rmtree(folder, ignore_errors=True)  # as `nbgrader autograde --force` does
    for name, data in names.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    rows = result.get("rows")
    if not result["graded"] or rows is None:
        grader.record_zero(db_url, assignment, student)
        return
    with Gradebook(db_url) as gradebook:  # what nbgrader autograde's SaveAutoGrades writes, nothing else
        gradebook.update_or_create_student(student)
        kwargs = {"timestamp": rows["timestamp"]} if rows["timestamp"] else {}
        submission = gradebook.update_or_create_submission(assignment, student, **kwargs)
        for notebook in submission.notebooks:
            row = rows["notebooks"].get(notebook.name, {"grades": {}, "comments": {}, "late_submission_penalty": None})
            for grade in notebook.grades:
                auto, needs_manual = row["grades"].get(grade.name, [0.0, False])
                grade.auto_score = None if auto is None else float(auto)
                grade.needs_manual_grade = bool(needs_manual) or grade.manual_score is not None
            for comment in notebook.comments:
                comment.auto_comment = row["comments"].get(comment.name)
            notebook.late_submission_penalty = row["late_submission_penalty"]
        gradebook.db.commit()


def dashboard(client) -> str:
    """The Dask dashboard's address, or '' when the scheduler has none."""
    info = client.scheduler_info()
    port = info.get("services", {}).get("dashboard")
    if not port:
        return ""
    host = info.get("address", "").split("://")[-1].rsplit(":", 1)[0] or "127.0.0.1"
    return f"http://{host}:{port}/status"


def connect(address: str):
    from distributed import Client

    try:
        client = Client(address, timeout="30s", set_as_default=False)
    except OSError as exc:
        raise SystemExit(f"Dask 스케줄러 {address}에 연결하지 못했습니다: {exc}\n"
                         "README의 '여러 컴퓨터로 채점하기'를 따라 스케줄러와 작업자를 먼저 시작하세요.") from None
    if link := dashboard(client):
        print(f"Dask 대시보드: {link}", file=sys.stderr, flush=True)
    return client


class Cluster:
    """A connection to a running cluster, for grading the jobs of one batch."""

    def __init__(self, settings: Settings, address: str, assignments: list[str], worker_wait: float = 300.0):
        self.settings, self.worker_wait = settings, worker_wait
        os.environ.update(nbgrader_env())  # nbgrader's Gradebook shells out to the venv's alembic
        self.client = connect(address)
        if threaded := sorted(a for a, n in self.client.nthreads().items() if n > 1):
            print(f"⚠️  작업자 {len(threaded)}개가 스레드를 여러 개 씁니다: 채점은 프로세스마다 한 번에 하나씩이므로 "
                  "`dask worker --nthreads 1 --nworkers <코어 수>`로 시작하세요.", file=sys.stderr)
        self.base = {"sandbox": settings.sandbox, "timeout": settings.timeout, "limits": vars(settings.limits),
                     "submission_timeout": settings.submission_timeout,
                     "code": grader.code_digest(settings.course_root)}
        # Once per batch, kept by the workers that need them. Tasks, not scattered data: when a worker
        # holding them dies, the scheduler computes them again instead of losing every task after them.
        self.snapshot = self.client.submit(_value, gradebook_snapshot(settings.db_url), pure=False,
                                           key=f"gradebook-snapshot-{os.urandom(4).hex()}")
        self.bundles = {a: self.client.submit(_value, assignment_bundle(settings.course_root, a), pure=False,
                                              key=f"assignment-{a}-{os.urandom(4).hex()}") for a in assignments}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.client.close()

    def submit(self, assignment: str, student: str, files: dict, earlier: dict | None = None):
        task = {**self.base, "assignment": assignment, "student": student, "files": files, "earlier": earlier or {}}
        return self.client.submit(grade_task, task, self.bundles[assignment], self.snapshot, pure=False,
                                  key=f"grade-{assignment}-{student}-{os.urandom(4).hex()}")

    def grade_files(self, assignment: str, student: str, files: dict) -> dict:
        """One notebook graded on the cluster, nothing stored (the canary)."""
        return next(self.results({self.submit(assignment, student, files): None}))[1]

    def grade(self, jobs: list[tuple[str, str]], bar=None) -> list[Outcome]:
        """Grade `jobs`; write every result here, as a local run does. At most a few tasks per
        worker thread are in flight, so neither this process nor the scheduler holds a whole
        class of notebooks at once."""
        settings, root = self.settings, self.settings.course_root
        outcomes, waiting = [], iter(jobs)
        staging = settings.scratch / "staged"

        def send(pending: dict) -> None:
            window = max(16, 4 * sum(self.client.nthreads().values()))
            while len(pending) < window and (job := next(waiting, None)):
                assignment, student = job
                digest = grader.submission_digest(root, assignment, student, settings.key)
                if reason := grader.precheck(root, assignment, student, staging):
                    grader.record_zero(settings.db_url, assignment, student)
                    outcomes.append(self._finish(Outcome(assignment, student, False, reason, 0.0), digest, bar))
                    continue
                folder = staging / student / assignment
                files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
                shutil.rmtree(staging / student, ignore_errors=True)
                earlier = earlier_submission(settings.db_url, assignment, student)
                if "timestamp.txt" in files:  # nbgrader reads the time from the file
                    earlier.pop("timestamp", None)
                pending[self.submit(assignment, student, files, earlier)] = (assignment, student, digest)

        for (assignment, student, digest), result in self.results({}, send):
            try:
                store(root, settings.db_url, assignment, student, result)
            except Exception as exc:  # noqa: BLE001 (a result that cannot be written never stops the batch)
                result = _zero(f"채점 결과를 기록하지 못했습니다: {type(exc).__name__}: {exc}"[:200])
                store(root, settings.db_url, assignment, student, result)
            outcome = Outcome(assignment, student, result["graded"], result["reason"], result["seconds"])
            outcomes.append(self._finish(outcome, None if result.get("retry") else digest, bar))
        return outcomes

    def results(self, pending: dict, send=lambda pending: None):
        """(context, result) for each of pending's futures as it finishes, `send` topping pending up.
        One that cannot finish is a zero with a reason: its task failed, or no worker was left for
        worker_wait seconds."""
        from distributed import wait
        from distributed.client import FIRST_COMPLETED

        alone_since = None
        send(pending)
        while pending:
            try:
                with self.client.as_current():
                    done = wait(list(pending), timeout=min(5, self.worker_wait), return_when=FIRST_COMPLETED).done
            except TimeoutError:
                done = set()
            for future in done:
                yield pending.pop(future), _result(future)
            send(pending)
            if pending and not self.client.nthreads():  # every worker gone: wait a while, never forever
                alone_since = alone_since or time.perf_counter()
                if time.perf_counter() - alone_since > self.worker_wait:
                    while pending:
                        for future, context in list(pending.items()):
                            future.cancel()
                            del pending[future]
                            yield context, _zero(NO_WORKERS)
                        send(pending)  # the jobs not sent yet end the same way
                    return
            else:
                alone_since = None

    def _finish(self, outcome: Outcome, digest: str | None, bar) -> Outcome:
        grader.write_record(self.settings.course_root, outcome, digest)
        if bar:
            bar.step(outcome)
        return outcome


def _result(future) -> dict:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:  # the scheduler gave up after its allowed-failures worker deaths
        return _zero(WORKER_LOST)
    except WorkerMismatch:
        raise
    except Exception as exc:  # noqa: BLE001 (one broken task never stops the batch)
        return _zero(f"채점기 오류: {type(exc).__name__}: {exc}"[:200])


def _value(value):
    return value


def _zero(reason: str, retry: bool = True) -> dict:
    """A result that is not the submission's: nothing graded (retry: the cluster's fault, so keep
    the student's earlier grade and leave the submission to a re-run)."""
    return {"graded": False, "reason": reason, "seconds": 0.0, "files": {}, "rows": None, "retry": retry}


def worker_log(folder: Path) -> list[str]:
    """The 'ASSIGNMENT/STUDENT' of every task started by the grading processes under a worker's folder."""
    return [line.split(" start ", 1)[1].strip() for log in sorted(folder.rglob("tasks.log"))
            for line in log.read_text(encoding="utf-8").splitlines() if " start " in line]
