"""Grading one submission: intake, real `nbgrader autograde` through the judge, the run's record.

The same steps whether the batch runs on this machine (grading.autograde's process pool) or on a
Dask cluster (grading.cluster): only where the staged files come from and where the autograded
notebook and the gradebook rows go differ.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import intake, sandbox
from .course import REPO, nbgrader_env
from .nbgrader_ext import CLIPPED

DB_RETRIES = 4  # SQLite allows one writer at a time; a worker that finds it busy tries again
# The run's record of one submission, beside its autograded notebooks (grading.report reads it):
# `nbgrader autograde --force` removes it with them, and nbgrader_config.py's ignore list keeps it
# out of students' feedback and stops a submitted file of that name from being copied in.
RECORD = "grading_record.json"


@dataclass(frozen=True)
class Settings:
    course_root: Path
    db_url: str
    sandbox: bool
    timeout: int
    limits: sandbox.Limits
    scratch: Path
    submission_timeout: int = 600
    autograded: Path | None = None  # where nbgrader writes graded notebooks (None: the course's autograded/)
    key: str = ""  # grading_key(...): what else decides a grade, part of each submission's digest


@dataclass
class Outcome:
    assignment: str
    student: str
    graded: bool        # False: recorded as 0 on every cell without running the notebook to the end
    reason: str         # why it is 0, or what went wrong in some cells ('' when nothing did)
    seconds: float
    reused: bool = False  # graded by an earlier run of the same submission: taken from its record


def submissions(root: Path, assignment: str) -> list[str]:
    return sorted(p.parent.name for p in (root / "submitted").glob(f"*/{assignment}") if p.is_dir())


def expected_notebooks(root: Path, assignment: str) -> list[str]:
    return sorted(p.name for p in (root / "source" / assignment).glob("*.ipynb"))


def precheck(root: Path, assignment: str, student: str, staging: Path) -> str:
    """Take the submission in (grading.intake) and check it is a notebook: why it cannot be
    graded at all, or '' when it can."""
    names = expected_notebooks(root, assignment)
    folder = root / "submitted" / student / assignment
    try:
        intake.check_folder(folder.parent)
        intake.check_folder(folder)
        for name in names:
            if not os.path.lexists(folder / name):
                others = sorted(p.name for p in folder.glob("*.ipynb"))
                return f"노트북 이름이 다릅니다: {others[0]} (기대 {name})" if others else f"{name} 제출 없음"
        staged = intake.stage(root, assignment, student, names, staging)
    except intake.Rejected as exc:
        return str(exc)
    for name in names:
        try:
            nbformat.read(str(staged / name), as_version=4)
        except Exception as exc:  # nbformat raises several types for broken files
            return f"노트북 파일이 올바른 JSON/ipynb가 아닙니다 ({type(exc).__name__})"
    return ""


def code_digest(course_root: Path) -> str:
    """What decides a grade besides the submission: the grading and helper code of this checkout,
    the course's nbgrader_config.py and data/."""
    digest = hashlib.sha256()
    files = [REPO / "grading", REPO / "mlcourse", Path(course_root) / "nbgrader_config.py", Path(course_root) / "data"]
    for top in files:
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def grading_key(course_root: Path, use_sandbox: bool, timeout: int, limits: sandbox.Limits, submission_timeout: int) -> str:
    """Everything but the submission that a grade depends on; a change regrades everyone."""
    return f"{code_digest(course_root)} sandbox={use_sandbox} timeout={timeout}/{submission_timeout} {limits}"


def submission_digest(root: Path, assignment: str, student: str, key: str) -> str | None:
    """What a grade depends on: the submitted notebooks and timestamp, the assignment's source/
    files (a fixed test regrades everyone) and `key` (grading_key). None when the submission cannot
    be read."""
    digest = hashlib.sha256(key.encode())
    folder = root / "submitted" / student / assignment
    try:
        intake.check_folder(folder.parent)
        intake.check_folder(folder)
        source = root / "source" / assignment
        for path in sorted(source.rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                digest.update(str(path.relative_to(source)).encode() + b"\0" + path.read_bytes())
        for name in expected_notebooks(root, assignment):
            digest.update(intake.read_regular(folder / name))
        if os.path.lexists(folder / "timestamp.txt"):
            digest.update(b"timestamp\0" + intake.read_regular(folder / "timestamp.txt", 1024))
    except (intake.Rejected, OSError):
        return None
    return digest.hexdigest()


def explain_failure(result: dict) -> str:
    text = f"{result.get('error') or ''}\n{result.get('log') or ''}"
    if "DeadKernelError" in text or "Kernel died" in text or "kernel died" in text:
        return "커널이 비정상 종료되었습니다 (os._exit, 프로세스 종료, 메모리 초과 등)"
    if "Timeout" in text or "didn't respond" in text or "timed out" in text:
        return "시간 초과: 커널이 응답하지 않았습니다"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "Error" in line] or lines[-1:] or ["알 수 없는 오류"]
    return f"채점 실패: {errors[0][:160]}"


def explain_cells(graded_folder: Path, names: list[str]) -> str:
    """Cell-level trouble in a graded notebook: timeouts, memory errors, deleted test cells."""
    notes = []
    for name in names:
        path = graded_folder / name
        if not path.is_file():
            continue
        for cell in nbformat.read(str(path), as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            for output in cell.get("outputs", []):
                if output.get("output_type") != "error":
                    continue
                if output.ename == "SubmissionTimeout":
                    notes.append("제출물 전체 시간 제한 초과")
                elif output.ename == "DeadKernelError":
                    notes.append(f"커널 종료({grade_id or '학생 셀'})")
                elif output.ename in ("CellTimeoutError", "TimeoutError") or "timeout" in output.ename.lower():
                    notes.append(f"시간 초과({grade_id})")
                elif output.ename == "MemoryError":
                    notes.append(f"메모리 초과({grade_id})")
            if any(CLIPPED in json.dumps(output, ensure_ascii=False) for output in cell.get("outputs", [])):
                notes.append("출력 크기 제한 초과")
    return ", ".join(dict.fromkeys(notes))


def record_zero(db_url: str, assignment: str, student: str) -> None:
    """A submission that could not run still appears in the gradebook, with 0 on every autograded
    cell. What a person entered (manual scores and comments, an extension) stays, as nbgrader's
    own regrade keeps it; such a cell is marked for review again."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        gradebook.update_or_create_student(student)
        submission = gradebook.update_or_create_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score, grade.needs_manual_grade = 0.0, grade.manual_score is not None
            for comment in notebook.comments:
                comment.auto_comment = None
            notebook.late_submission_penalty = None
        gradebook.db.commit()


def make_api(settings: Settings, index: int):
    """One nbgrader API for this process (its own scratch folder and leased sandbox uids) and the
    folder it grades staged submissions from."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    scratch = settings.scratch / f"worker{index}"
    (scratch / "kernels").mkdir(parents=True, exist_ok=True)
    os.chmod(scratch, 0o755)
    os.chmod(scratch / "kernels", 0o755)  # sandboxed kernels (other uids) reach their folders through it
    os.environ.update(nbgrader_env())
    config = PyFileConfigLoader("nbgrader_config.py", path=str(settings.course_root)).load_config()
    config.CourseDirectory.root = str(settings.course_root)
    config.CourseDirectory.db_url = settings.db_url
    # nbgrader reads the staged copy (regular files only), never the student's folder itself
    config.CourseDirectory.submitted_directory = str(scratch / "staged")
    if settings.autograded:
        config.CourseDirectory.autograded_directory = str(settings.autograded)
    config.Execute.timeout = settings.timeout
    config.JudgedExecute.sandbox_mode = "on" if settings.sandbox else "off"
    if settings.sandbox:  # this worker's own uids, leased machine-wide: a grading run beside it never reaps its kernels
        config.JudgedExecute.student_uid, config.JudgedExecute.judge_uid = sandbox.lease_uids()
    config.JudgedExecute.memory_mb = settings.limits.memory_mb
    config.JudgedExecute.cpu_seconds = settings.limits.cpu_seconds
    config.JudgedExecute.submission_timeout = settings.submission_timeout
    config.JudgedExecute.scratch_root = str(scratch / "kernels")
    os.chdir(settings.course_root)
    return NbGraderAPI(config=config), scratch / "staged"


def graded_folder(settings: Settings, assignment: str, student: str) -> Path:
    return (settings.autograded or settings.course_root / "autograded") / student / assignment


def autograde_staged(api, settings: Settings, assignment: str, student: str) -> tuple[bool, str]:
    """Run nbgrader autograde (the judge) on a staged submission: (graded, reason)."""
    for attempt in range(DB_RETRIES):
        result = api.autograde(assignment, student, force=True, create=True)
        busy = "database is locked" in f"{result.get('error')}{result.get('log')}"
        if result["success"] or not busy:
            break
        time.sleep(0.5 * (attempt + 1))
    if not result["success"]:
        return False, explain_failure(result)
    names = expected_notebooks(settings.course_root, assignment)
    return True, explain_cells(graded_folder(settings, assignment, student), names)


def grade_one(api, staging: Path, settings: Settings, assignment: str, student: str) -> Outcome:
    """Take one submission in, grade it into the gradebook and autograded/, write its record."""
    start = time.perf_counter()
    digest = submission_digest(settings.course_root, assignment, student, settings.key)
    reason = precheck(settings.course_root, assignment, student, staging)
    graded = not reason
    if graded:
        graded, reason = autograde_staged(api, settings, assignment, student)
        digest = digest if graded else None  # nbgrader itself failed (a busy database...): a re-run tries again
    if not graded:
        record_zero(settings.db_url, assignment, student)
    outcome = Outcome(assignment, student, graded, reason, time.perf_counter() - start)
    write_record(settings.course_root, outcome, digest)
    return outcome


def write_record(course_root: Path, outcome: Outcome, digest: str | None = None) -> None:
    """Seconds this submission took to grade (intake, both kernels, all cells), whether it could be
    graded and why not, and what was graded (its digest): written where its autograded notebooks
    are (none: nothing to write)."""
    folder = Path(course_root) / "autograded" / outcome.student / outcome.assignment
    if folder.is_dir() and not folder.is_symlink():
        record = {"seconds": round(outcome.seconds, 3), "graded": outcome.graded, "reason": outcome.reason,
                  "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "submission": digest}
        (folder / RECORD).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def earlier_outcome(course_root: Path, assignment: str, student: str, key: str) -> Outcome | None:
    """The outcome an earlier run recorded for exactly this submission graded the same way (same
    digest), else None: a re-run grades only what is missing or changed."""
    folder = Path(course_root) / "autograded" / student / assignment
    digest = submission_digest(Path(course_root), assignment, student, key)
    try:
        if digest is None or folder.is_symlink() or (folder / RECORD).is_symlink():
            return None
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("submission") != digest:
        return None
    return Outcome(assignment, student, bool(record.get("graded")), str(record.get("reason", "")),
                   float(record.get("seconds", 0.0)), reused=True)
