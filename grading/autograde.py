"""Grade a whole class: every submission in submitted/, in parallel, each kernel sandboxed.

    make autograde ASSIGNMENT=01_missing_values [WORKERS=4] [SANDBOX=0] [SCHEDULER=tcp://HOST:8786] [FORCE=1]
    python -m grading.autograde 01_missing_values [--workers N] [--no-sandbox] [--timeout S]
                                                   [--scheduler tcp://HOST:PORT] [--force]

Each worker process keeps one nbgrader API (real `nbgrader autograde`, one submission at a time)
and its own sandbox identities (grading.sandbox): nbgrader's execute step is the judge
(grading.judge), so test cells run in a kernel that never ran student code. A submission is
taken in as regular files only (grading.intake), and a canary (the reference answers) goes through
the same pipeline before the batch. Results land in the course gradebook, the same one
`nbgrader formgrader` and `nbgrader export` read (SQLite by default, NBGRADER_DB_URL or --db for
PostgreSQL). A submission that cannot be graded (missing, renamed, not JSON, kernel killed) gets
0 on every cell and a reason; it never stops the batch or touches another student's grades.
Workers are this machine's processes, or with --scheduler (or DASK_SCHEDULER_ADDRESS) the workers
of a Dask distributed cluster (grading.cluster). A second run grades only what is missing or was
resubmitted since; --force grades everything again.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import queue
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from . import grader, sandbox, submissions as building, tamper
from .course import REPO, CourseCopy, gradebook_scores, read_notebook
from .grader import RECORD, Outcome, Settings, record_zero, submissions  # noqa: F401 (the batch's public names)


# ----------------------------------------------------------------------------------- workers
def _worker(index: int, settings: Settings, jobs, results) -> None:
    import logging
    import warnings

    # nbgrader's and the kernels' logs would bury the progress bar: they go to a file instead
    log = open(settings.scratch / f"worker{index}.log", "ab", buffering=0)
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    api, staging = grader.make_api(settings, index)
    while (job := jobs.get()) is not None:
        try:
            results.put(grader.grade_one(api, staging, settings, *job))
        except Exception as exc:  # one broken submission must not take the worker down
            try:
                record_zero(settings.db_url, *job)
            except Exception:
                pass
            results.put(Outcome(*job, False, f"채점기 오류: {type(exc).__name__}: {exc}"[:200], 0.0))


def _grade_here(settings: Settings, jobs_list: list[tuple[str, str]], workers: int, bar) -> list[Outcome]:
    """This machine's process pool: one nbgrader per process, fed from a queue."""
    context = multiprocessing.get_context("spawn")
    jobs, results = context.Queue(), context.Queue()
    for job in jobs_list:
        jobs.put(job)
    for _ in range(workers):
        jobs.put(None)
    processes = [context.Process(target=_worker, args=(i, settings, jobs, results), daemon=True)
                 for i in range(workers)]
    for process in processes:
        process.start()
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
        record_zero(settings.db_url, *job)
        outcomes.append(Outcome(*job, False, "채점기 작업자가 중단되어 채점하지 못했습니다", 0.0))
    for process in processes:
        process.join(timeout=30)
    return outcomes


# ----------------------------------------------------------------------------------- batch
class Progress:
    """submissions done / total, failures, elapsed time and ETA; one line when stderr is a terminal."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.done, self.failed, self.start, self.stream = total, 0, 0, time.perf_counter(), stream

    def step(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += not outcome.graded
        elapsed = time.perf_counter() - self.start
        eta = elapsed / self.done * (self.total - self.done)
        bar = "#" * int(30 * self.done / self.total)
        line = (f"[{bar:<30}] {self.done}/{self.total}  실패 {self.failed}  경과 {elapsed:5.0f}s  "
                f"남은 시간 ~{eta:4.0f}s  {outcome.student}/{outcome.assignment}")
        if self.stream.isatty():
            self.stream.write("\r" + line[:120].ljust(120) + ("\n" if self.done == self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def gradebook_url(course_root: Path, db_url: str | None = None) -> str:
    """--db, else NBGRADER_DB_URL (as nbgrader_config.py reads it), else the course's SQLite file."""
    return db_url or os.environ.get("NBGRADER_DB_URL") or "sqlite:///" + str(Path(course_root).resolve() / "gradebook.db")


def reference_submission(course_root: Path, assignment: str):
    """The reference answers filled into the release notebook: what the canary submits."""
    release = read_notebook(course_root / "release" / assignment / f"{assignment}.ipynb")
    source = read_notebook(course_root / "source" / assignment / f"{assignment}.ipynb")
    return building.fill(release, building.reference_answers(source))


def canary_problem(scores: dict, graded_notebook) -> str:
    """Why the canary's {cell: (score, max)} are not full marks ('' when they are)."""
    lost = sorted(name for name, (score, full) in scores.items() if score is not None and score < full)
    if not lost:
        return ""
    errors = [f"{o.ename}: {o.evalue}" for c in (graded_notebook.cells if graded_notebook else [])
              if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    return f"만점이 아닌 셀 {', '.join(lost)}; 첫 오류: {(errors or ['(출력 없음)'])[0][:300]}"


def _canary(settings: Settings, assignment: str) -> str:
    """Grade the reference answers through the same pipeline, in a throw-away copy of the course
    with its own gradebook: why they do not score full marks ('' when they do)."""
    course = CourseCopy(settings.scratch / "canary", only=[assignment], origin=settings.course_root)
    course.generate(assignment)
    course.submit("canary", assignment, reference_submission(course.root, assignment))
    copy = Settings(course.root, course.db_url, settings.sandbox, settings.timeout, settings.limits,
                    settings.scratch / "canary-work", settings.submission_timeout)
    api, staging = grader.make_api(copy, 0)
    outcome = grader.grade_one(api, staging, copy, assignment, "canary")
    if not outcome.graded:
        return outcome.reason
    cells = gradebook_scores(course.db_url, assignment).get("canary", {})
    graded = course.autograded_notebook("canary", assignment)
    return canary_problem({n: (c.score, c.max_score) for n, c in cells.items()},
                          read_notebook(graded) if graded.is_file() else None)


def _cluster_canary(cluster, settings: Settings, assignment: str) -> str:
    """The same check on one of the cluster's workers (nothing stored here)."""
    from nbgrader.api import Gradebook

    notebook = reference_submission(settings.course_root, assignment)
    name = f"{assignment}.ipynb"
    result = cluster.grade_files(assignment, "canary", {name: nbformat.writes(notebook).encode()})
    if not result["graded"] or not result["rows"]:
        return result["reason"] or "채점되지 않았습니다"
    with Gradebook(settings.db_url) as gradebook:
        full = {g.name: g.max_score for n in gradebook.find_assignment(assignment).notebooks for g in n.grade_cells}
    scores = {cell: (auto, full[cell]) for row in result["rows"]["notebooks"].values()
              for cell, (auto, _) in row["grades"].items() if cell in full}
    graded = result["files"].get(name)
    return canary_problem(scores, nbformat.reads(graded.decode(), as_version=4) if graded else None)


def _stop_for_canary(assignment: str, problem: str) -> None:
    if problem:
        raise SystemExit(f"기준 답안(canary)이 같은 채점 과정에서 만점을 받지 못해 채점을 멈춥니다 ({assignment}).\n"
                         f"  이유: {problem}\n  환경(가상환경, mlcourse 설치, 샌드박스)을 확인하세요.")


def canary(settings: Settings, assignments: list[str]) -> None:
    """Stop before grading a class to zero (a kernel that cannot import mlcourse, a broken set-up)."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        for assignment in assignments:
            _stop_for_canary(assignment, pool.submit(_canary, settings, assignment).result())


def plan(course_root: Path, db_url: str, assignments: list[str], force: bool, key: str) -> tuple[list, list[Outcome]]:
    """(submissions to grade, outcomes of those an earlier run already graded as they are now, the
    same way: see grader.grading_key). Every student gets a gradebook row here, before workers
    that would race to create it (PostgreSQL refuses the second)."""
    from nbgrader.api import Gradebook

    jobs, reused = [], []
    with Gradebook(db_url) as gradebook:
        in_gradebook = {(a, s.student.id) for a in assignments for s in gradebook.find_assignment(a).submissions}
        for student in sorted({s for a in assignments for s in submissions(course_root, a)}):
            gradebook.update_or_create_student(student)
    for assignment in assignments:
        for student in submissions(course_root, assignment):
            earlier = None if force or (assignment, student) not in in_gradebook else \
                grader.earlier_outcome(course_root, assignment, student, key)
            (reused.append(earlier) if earlier else jobs.append((assignment, student)))
    return jobs, reused


def run(course_root: Path, assignments: list[str], *, workers: int | None = None, use_sandbox: bool = True,
        timeout: int = 120, limits: sandbox.Limits = sandbox.Limits(), db_url: str | None = None,
        progress: bool = True, submission_timeout: int = 600, check_canary: bool = True,
        scheduler: str | None = None, force: bool = True, worker_wait: float = 300.0) -> list[Outcome]:
    """Grade the class; with `scheduler` on that Dask cluster (giving up on what is left after
    `worker_wait` seconds without a worker). force=False grades only what no earlier run graded as
    it is now (the command line's default; --force grades everything)."""
    course_root = Path(course_root).resolve()
    db_url = gradebook_url(course_root, db_url)
    if use_sandbox and not scheduler and (problem := sandbox.available()):
        raise SystemExit(f"샌드박스를 쓸 수 없습니다: {problem}\n샌드박스 없이 채점하려면 --no-sandbox (README 참고).")
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        missing = sorted(set(assignments) - {a.name for a in gradebook.assignments})
    if missing:
        raise SystemExit(f"성적부에 없는 과제입니다: {', '.join(missing)}. 먼저 `make release`로 배포하세요.")
    key = grader.grading_key(course_root, use_sandbox, timeout, limits, submission_timeout)
    jobs_list, reused = plan(course_root, db_url, assignments, force, key)
    if reused and progress:
        print(f"이미 채점된 제출물 {len(reused)}개는 건너뜁니다 (모두 다시 채점하려면 --force).", file=sys.stderr)
    if not jobs_list:
        return sorted(reused, key=lambda o: (o.assignment, o.student))
    with tempfile.TemporaryDirectory(prefix="autograde-") as scratch:
        os.chmod(scratch, 0o755)  # sandboxed kernels (other uids) reach their runtime dir through it
        settings = Settings(course_root, db_url, use_sandbox, timeout, limits, Path(scratch), submission_timeout, key=key)
        names = sorted({a for a, _ in jobs_list})
        if scheduler:
            from .cluster import Cluster, WorkerMismatch

            with Cluster(settings, scheduler, names, worker_wait) as cluster:
                try:
                    for assignment in names if check_canary else []:
                        _stop_for_canary(assignment, _cluster_canary(cluster, settings, assignment))
                    bar = Progress(len(jobs_list)) if progress else None  # after the canary: its ETA is the class's
                    outcomes = cluster.grade(jobs_list, bar)
                except WorkerMismatch as exc:  # a worker that cannot grade this course: stop, grade nobody to 0
                    raise SystemExit(f"채점을 멈춥니다: {exc}") from None
        else:
            if check_canary:
                canary(settings, names)
            bar = Progress(len(jobs_list)) if progress else None
            outcomes = _grade_here(settings, jobs_list, max(1, min(workers or os.cpu_count() or 1, len(jobs_list))), bar)
    return sorted(outcomes + reused, key=lambda o: (o.assignment, o.student))


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
    parser.add_argument("--scheduler", default=os.environ.get("DASK_SCHEDULER_ADDRESS") or None,
                        help="grade on this Dask cluster, tcp://HOST:PORT (default: DASK_SCHEDULER_ADDRESS, else this machine)")
    parser.add_argument("--force", action="store_true", help="grade every submission again, not only new or changed ones")
    args = parser.parse_args(argv)
    if args.no_sandbox:
        print("⚠️  샌드박스 없이 채점합니다: 학생 코드가 채점자 권한으로 실행됩니다 (성적부, source/, 네트워크 접근 가능).",
              file=sys.stderr)
    limits = sandbox.Limits(memory_mb=args.memory_mb)
    outcomes = run(args.course, args.assignments, workers=args.workers, use_sandbox=not args.no_sandbox,
                   timeout=args.timeout, limits=limits, db_url=args.db, submission_timeout=args.submission_timeout,
                   scheduler=args.scheduler, force=args.force)
    if not outcomes:
        print(f"채점할 제출물이 없습니다: submitted/<학생ID>/{args.assignments[0]}/ 에 노트북을 두세요.")
        return 0
    print("\n".join(score_lines(gradebook_url(args.course, args.db), outcomes)))
    report = tamper.report(Path(args.course).resolve(), outcomes)
    print("\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
