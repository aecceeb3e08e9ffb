"""Grade a whole class: every submission in submitted/, in parallel, each kernel sandboxed.

    make autograde ASSIGNMENT=01_missing_values [WORKERS=4] [SANDBOX=0]
    python -m grading.autograde 01_missing_values [--workers N] [--no-sandbox] [--timeout S]

Each worker process keeps one nbgrader API (real `nbgrader autograde`, one submission at a time)
and its own sandbox identities (grading.sandbox): nbgrader's execute step is the judge
(grading.judge), so test cells run in a kernel that never ran student code. A submission is
taken in as regular files only (grading.intake), and a canary (the reference answers) goes through
the same pipeline before the batch. Results land in the course gradebook, the same one
`nbgrader formgrader` and `nbgrader export` read (SQLite by default, NBGRADER_DB_URL or --db for
PostgreSQL). A submission that cannot be graded (missing, renamed, not JSON, kernel killed) gets
0 on every cell and a reason; it never stops the batch or touches another student's grades.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import queue
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .nbgrader_ext import CLIPPED
from . import intake, sandbox, submissions as building, tamper
from .course import REPO, CourseCopy, gradebook_scores, nbgrader_env, read_notebook

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


@dataclass
class Outcome:
    assignment: str
    student: str
    graded: bool        # False: recorded as 0 on every cell without running the notebook to the end
    reason: str         # why it is 0, or what went wrong in some cells ('' when nothing did)
    seconds: float


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


def explain_failure(result: dict) -> str:
    text = f"{result.get('error') or ''}\n{result.get('log') or ''}"
    if "DeadKernelError" in text or "Kernel died" in text or "kernel died" in text:
        return "커널이 비정상 종료되었습니다 (os._exit, 프로세스 종료, 메모리 초과 등)"
    if "Timeout" in text or "didn't respond" in text or "timed out" in text:
        return "시간 초과: 커널이 응답하지 않았습니다"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "Error" in line] or lines[-1:] or ["알 수 없는 오류"]
    return f"채점 실패: {errors[0][:160]}"


def explain_cells(root: Path, assignment: str, student: str) -> str:
    """Cell-level trouble in a graded notebook: timeouts, memory errors, deleted test cells."""
    notes = []
    for name in expected_notebooks(root, assignment):
        path = root / "autograded" / student / assignment / name
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
    """A submission that could not run still appears in the gradebook, with 0 on every cell."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gradebook:
        gradebook.update_or_create_student(student)
        try:
            gradebook.remove_submission(assignment, student)
        except MissingEntry:
            pass
        submission = gradebook.add_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score, grade.needs_manual_grade = 0.0, False
        gradebook.db.commit()


# ----------------------------------------------------------------------------------- workers
def _make_api(settings: Settings, index: int):
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


def _grade_one(api, staging: Path, settings: Settings, assignment: str, student: str) -> Outcome:
    start = time.perf_counter()
    reason = precheck(settings.course_root, assignment, student, staging)
    graded = not reason
    if graded:
        for attempt in range(DB_RETRIES):
            result = api.autograde(assignment, student, force=True, create=True)
            busy = "database is locked" in f"{result.get('error')}{result.get('log')}"
            if result["success"] or not busy:
                break
            time.sleep(0.5 * (attempt + 1))
        if result["success"]:
            reason = explain_cells(settings.course_root, assignment, student)
        else:
            graded, reason = False, explain_failure(result)
    if not graded:
        record_zero(settings.db_url, assignment, student)
    outcome = Outcome(assignment, student, graded, reason, time.perf_counter() - start)
    write_record(settings.course_root, outcome)
    return outcome


def write_record(course_root: Path, outcome: Outcome) -> None:
    """Seconds this submission took to grade (intake, both kernels, all cells), whether it could be
    graded and why not: written where its autograded notebooks are (none: nothing to write)."""
    folder = Path(course_root) / "autograded" / outcome.student / outcome.assignment
    if folder.is_dir() and not folder.is_symlink():
        record = {"seconds": round(outcome.seconds, 3), "graded": outcome.graded, "reason": outcome.reason,
                  "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        (folder / RECORD).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _worker(index: int, settings: Settings, jobs, results) -> None:
    import logging
    import warnings

    # nbgrader's and the kernels' logs would bury the progress bar: they go to a file instead
    log = open(settings.scratch / f"worker{index}.log", "ab", buffering=0)
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    api, staging = _make_api(settings, index)
    while (job := jobs.get()) is not None:
        try:
            results.put(_grade_one(api, staging, settings, *job))
        except Exception as exc:  # one broken submission must not take the worker down
            try:
                record_zero(settings.db_url, *job)
            except Exception:
                pass
            results.put(Outcome(*job, False, f"채점기 오류: {type(exc).__name__}: {exc}"[:200], 0.0))


# ----------------------------------------------------------------------------------- batch
class Progress:
    """submissions done / total with elapsed time and ETA, on one line when stderr is a terminal."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.done, self.start, self.stream = total, 0, time.perf_counter(), stream

    def step(self, outcome: Outcome) -> None:
        self.done += 1
        elapsed = time.perf_counter() - self.start
        eta = elapsed / self.done * (self.total - self.done)
        bar = "#" * int(30 * self.done / self.total)
        line = (f"[{bar:<30}] {self.done}/{self.total}  경과 {elapsed:5.0f}s  남은 시간 ~{eta:4.0f}s  "
                f"{outcome.student}/{outcome.assignment}")
        if self.stream.isatty():
            self.stream.write("\r" + line[:120].ljust(120) + ("\n" if self.done == self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def gradebook_url(course_root: Path, db_url: str | None = None) -> str:
    """--db, else NBGRADER_DB_URL (as nbgrader_config.py reads it), else the course's SQLite file."""
    return db_url or os.environ.get("NBGRADER_DB_URL") or "sqlite:///" + str(Path(course_root).resolve() / "gradebook.db")


def _canary(settings: Settings, assignment: str) -> str:
    """Grade the reference answers through the same pipeline, in a throw-away copy of the course
    with its own gradebook: why they do not score full marks ('' when they do)."""
    course = CourseCopy(settings.scratch / "canary", only=[assignment], origin=settings.course_root)
    release = read_notebook(course.generate(assignment))
    source = read_notebook(settings.course_root / "source" / assignment / f"{assignment}.ipynb")
    course.submit("canary", assignment, building.fill(release, building.reference_answers(source)))
    copy = Settings(course.root, course.db_url, settings.sandbox, settings.timeout, settings.limits,
                    settings.scratch / "canary-work", settings.submission_timeout)
    api, staging = _make_api(copy, 0)
    outcome = _grade_one(api, staging, copy, assignment, "canary")
    if not outcome.graded:
        return outcome.reason
    cells = gradebook_scores(course.db_url, assignment).get("canary", {})
    lost = sorted(name for name, cell in cells.items() if cell.score is not None and cell.score < cell.max_score)
    if not lost:
        return ""
    graded = course.autograded_notebook("canary", assignment)
    errors = [f"{o.ename}: {o.evalue}" for c in read_notebook(graded).cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    return f"만점이 아닌 셀 {', '.join(lost)}; 첫 오류: {(errors or ['(출력 없음)'])[0][:300]}"


def canary(settings: Settings, assignments: list[str]) -> None:
    """Stop before grading a class to zero (a kernel that cannot import mlcourse, a broken set-up)."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        for assignment in assignments:
            problem = pool.submit(_canary, settings, assignment).result()
            if problem:
                raise SystemExit(f"기준 답안(canary)이 같은 채점 과정에서 만점을 받지 못해 채점을 멈춥니다 ({assignment}).\n"
                                 f"  이유: {problem}\n  환경(가상환경, mlcourse 설치, 샌드박스)을 확인하세요.")


def run(course_root: Path, assignments: list[str], *, workers: int | None = None, use_sandbox: bool = True,
        timeout: int = 120, limits: sandbox.Limits = sandbox.Limits(), db_url: str | None = None,
        progress: bool = True, submission_timeout: int = 600, check_canary: bool = True) -> list[Outcome]:
    course_root = Path(course_root).resolve()
    db_url = gradebook_url(course_root, db_url)
    if use_sandbox and (problem := sandbox.available()):
        raise SystemExit(f"샌드박스를 쓸 수 없습니다: {problem}\n샌드박스 없이 채점하려면 --no-sandbox (README 참고).")
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        missing = sorted(set(assignments) - {a.name for a in gradebook.assignments})
    if missing:
        raise SystemExit(f"성적부에 없는 과제입니다: {', '.join(missing)}. 먼저 `make release`로 배포하세요.")
    jobs_list = [(a, s) for a in assignments for s in submissions(course_root, a)]
    if not jobs_list:
        return []
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs_list)))
    context = multiprocessing.get_context("spawn")
    jobs, results = context.Queue(), context.Queue()
    for job in jobs_list:
        jobs.put(job)
    for _ in range(workers):
        jobs.put(None)
    with tempfile.TemporaryDirectory(prefix="autograde-") as scratch:
        os.chmod(scratch, 0o755)  # sandboxed kernels (other uids) reach their runtime dir through it
        settings = Settings(course_root, db_url, use_sandbox, timeout, limits, Path(scratch), submission_timeout)
        if check_canary:
            canary(settings, sorted({a for a, _ in jobs_list}))
        processes = [context.Process(target=_worker, args=(i, settings, jobs, results), daemon=True)
                     for i in range(workers)]
        for process in processes:
            process.start()
        bar = Progress(len(jobs_list)) if progress else None
        outcomes = []
        while len(outcomes) < len(jobs_list):
            try:
                outcome = results.get(timeout=5)
            except queue.Empty:
                if any(p.is_alive() for p in processes):
                    continue
                break  # every worker is gone: what is left is reported below, the batch still ends
            outcomes.append(outcome)
            if bar:
                bar.step(outcome)
        for job in sorted(set(jobs_list) - {(o.assignment, o.student) for o in outcomes}):
            record_zero(db_url, *job)
            outcomes.append(Outcome(*job, False, "채점기 작업자가 중단되어 채점하지 못했습니다", 0.0))
        for process in processes:
            process.join(timeout=30)
    return sorted(outcomes, key=lambda o: (o.assignment, o.student))


def score_lines(db_url: str, outcomes: list[Outcome]) -> list[str]:
    lines = [f"{'student':<24} {'assignment':<20} {'score':>12}  reason"]
    by_assignment = {}
    for outcome in outcomes:
        scores = by_assignment.setdefault(outcome.assignment, gradebook_scores(db_url, outcome.assignment))
        cells = scores.get(outcome.student, {})
        auto = sum(c.score for c in cells.values() if c.score is not None)
        total = sum(c.max_score for c in cells.values())
        pending = sum(c.max_score for c in cells.values() if c.score is None)
        shown = f"{auto:g}/{total:g}" + (f" (+{pending:g} 수동)" if pending else "")
        lines.append(f"{outcome.student:<24} {outcome.assignment:<20} {shown:>12}  {outcome.reason}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grading.autograde", description=__doc__.split("\n")[0])
    parser.add_argument("assignments", nargs="+")
    parser.add_argument("--course", type=Path, default=REPO, help="course root (default: this repository)")
    parser.add_argument("--workers", type=int, default=None, help="parallel workers (default: CPU cores)")
    parser.add_argument("--no-sandbox", action="store_true", help="run kernels without bubblewrap (trusted code only)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    parser.add_argument("--submission-timeout", type=int, default=600, help="seconds per notebook")
    parser.add_argument("--memory-mb", type=int, default=sandbox.Limits.memory_mb)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL of the gradebook (default: gradebook.db)")
    args = parser.parse_args(argv)
    if args.no_sandbox:
        print("⚠️  샌드박스 없이 채점합니다: 학생 코드가 채점자 권한으로 실행됩니다 (성적부, source/, 네트워크 접근 가능).",
              file=sys.stderr)
    limits = sandbox.Limits(memory_mb=args.memory_mb)
    outcomes = run(args.course, args.assignments, workers=args.workers, use_sandbox=not args.no_sandbox,
                   timeout=args.timeout, limits=limits, db_url=args.db, submission_timeout=args.submission_timeout)
    if not outcomes:
        print(f"채점할 제출물이 없습니다: submitted/<학생ID>/{args.assignments[0]}/ 에 노트북을 두세요.")
        return 0
    print("\n".join(score_lines(gradebook_url(args.course, args.db), outcomes)))
    report = tamper.report(Path(args.course).resolve(), outcomes)
    print("\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
