"""Class-scale grading: a Dask cluster of separate processes and a real PostgreSQL gradebook.

Part of the adversarial suite's class (honest submissions and attacks) is graded again through
`python -m grading.autograde --scheduler` on a local cluster (a scheduler and two single-threaded
workers on 127.0.0.1, each with its own folder), into PostgreSQL. One worker is killed in the
middle of the batch. Scores, reasons and the tamper report must be those of the local run, every
submission graded once. Needs root, bubblewrap and PostgreSQL (`make` installs them).
"""
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from grading import adversarial, autograde, cluster, grader, sandbox, tamper
from grading.course import REPO, CourseCopy, nbgrader_env
from grading.dask_local import LocalDaskCluster

A = adversarial.ASSIGNMENT
problem = sandbox.available()
if problem and not os.environ.get("CI"):
    pytest.skip(f"sandbox unavailable here: {problem}", allow_module_level=True)

# cheap to grade, and between them: cheats, tampering, a gradebook write, process killing, a kernel
# that exits, links and broken files refused on the instructor's machine before any task is sent
ATTACKS = ["eq_always_true_frame", "patch_mlcourse_check", "kernel_do_execute", "write_gradebook", "kill_processes",
           "os_exit", "delete_test_cell", "symlink_gradebook", "invalid_json", "wrong_notebook_name"]
HONEST = ["honest-perfect-1", "honest-blank", "honest-partial", "honest-colab"]


def plant(course, attacks=ATTACKS, honest=HONEST):
    plan = [a for a in adversarial.attacks(port=9) if a.name in attacks]
    outside = course.root.parent / "outside.txt"
    outside.write_text("secret")
    adversarial.plant_class(course, plan, outside, honest=honest)
    return [*honest, *(f"attack-{a.name}" for a in plan)]


def grade_on_cluster(course, address, db_url, *extra):
    """The command line, with the limits the local suite ran under."""
    return subprocess.run([sys.executable, "-m", "grading.autograde", A, "--course", str(course.root),
                           "--scheduler", address, "--timeout", str(adversarial.CELL_TIMEOUT),
                           "--submission-timeout", str(adversarial.SUBMISSION_TIMEOUT), *extra],
                          capture_output=True, text=True, cwd=REPO,
                          env={**nbgrader_env(), "NBGRADER_DB_URL": db_url}, timeout=900)


def gradebook_rows(db_url, student):
    """Everything autograde writes for a student: per cell (auto score, needs manual grade, manual
    score, auto comment), the late penalty, the timestamp."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        notebook = gradebook.find_submission_notebook(A, A, student)
        comments = {c.name: c.auto_comment for c in notebook.comments}
        return ({g.name: (g.auto_score, g.needs_manual_grade, g.manual_score, comments.get(g.name))
                 for g in notebook.grades}, notebook.late_submission_penalty, notebook.assignment.timestamp)


def killer(dask, stop, victim="w0", spare=("canary", "attack-os_exit")):
    """Kill `victim` (SIGKILL, with its kernels) a second into a task of a student not in `spare`
    (the kernel-killing submission must show it runs once), then let a fresh worker join: what the
    fault test expects of the cluster. Never after `stop` is set."""
    killed = {}

    def watch():
        while not stop.is_set():
            started = cluster.worker_log(dask.folder / victim)
            student = started[-1].split("/", 1)[1] if started else ""
            if student and student not in spare:
                time.sleep(1.0)  # a submission takes several seconds: still in the middle of it
                if stop.is_set() or cluster.worker_log(dask.folder / victim) != started:
                    continue
                killed["student"] = student
                dask.kill(victim)
                dask.add_worker("w2")
                return
            time.sleep(0.1)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread, killed


@pytest.fixture(scope="module")
def graded(suite, postgres, tmp_path_factory):
    root = tmp_path_factory.mktemp("cluster")
    db_url = postgres("cluster_class")
    course = CourseCopy(root / "course", only=[A], db_url=db_url)
    students = plant(course)
    with LocalDaskCluster(root / "dask", workers=2) as dask:
        stop = threading.Event()
        thread, killed = killer(dask, stop)
        out = grade_on_cluster(course, dask.address, db_url)
        stop.set()
        thread.join(timeout=5)
        started = [t for w in dask.folder.iterdir() if w.is_dir() for t in cluster.worker_log(w)]
        rows = {s: gradebook_rows(db_url, s) for s in students}
        # a re-run after an "interrupted" batch: one submission lost its record; its essay was graded by hand
        (course.root / "autograded" / "honest-blank" / A / autograde.RECORD).unlink()
        _grade_by_hand(db_url, "honest-blank")
        rerun = grade_on_cluster(course, dask.address, db_url)
        restarted = Counter(t for w in dask.folder.iterdir() if w.is_dir() for t in cluster.worker_log(w)) - Counter(started)
    print(out.stderr[-3000:])
    return {"course": course, "db_url": db_url, "students": students, "out": out, "killed": killed,
            "started": started, "rows": rows, "rerun": rerun, "restarted": restarted}


MANUAL = "written_compare_methods"


def submission_counts(db_url):
    """student -> submissions in the gradebook, checking each has exactly one grade row per grade cell."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.connect() as connection:
        counts = dict(connection.execute(text(
            "SELECT student_id, count(*) FROM submitted_assignment GROUP BY student_id")).all())
        grades = connection.execute(text("SELECT count(*) FROM grade")).scalar()
        cells = connection.execute(text("SELECT count(*) FROM grade_cells")).scalar()
    engine.dispose()
    assert grades == cells * sum(counts.values())
    return counts


def _grade_by_hand(db_url, student):
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        gradebook.find_grade(MANUAL, A, A, student).manual_score = 2.0
        gradebook.db.commit()


def test_the_cluster_batch_ends_with_a_score_per_student_and_the_dashboard_address(graded):
    out = graded["out"]
    assert out.returncode == 0, out.stderr[-3000:]
    assert re.search(r"Dask 대시보드: http://127\.0\.0\.1:\d+/status", out.stderr), out.stderr[-2000:]
    total = len(graded["students"])
    assert f"{total}/{total}  실패 " in out.stderr  # the progress bar, failures counted, reached the end
    for student in graded["students"]:
        assert re.search(rf"^{re.escape(student)}\s+{A}\s+\d", out.stdout, re.M), student


def test_gradebook_rows_and_reasons_are_the_local_runs(graded, suite):
    local_reasons = {o.student: o.reason for o in suite["outcomes"] if isinstance(o, autograde.Outcome)}
    table = graded["out"].stdout.split("\n\n")[0].splitlines()[1:]
    reasons = {line.split()[0]: re.split(r"\d+/21(?: \(\+\d+ 수동\))?", line, maxsplit=1)[1].strip() for line in table}
    for student in graded["students"]:
        local = gradebook_rows(suite["course"].db_url, student)
        assert graded["rows"][student][:2] == local[:2], student  # every cell's scores, flags, comments; penalty
        assert reasons[student] == local_reasons[student], student


def test_the_tamper_report_is_the_local_runs(graded, suite):
    local = tamper.report(suite["course_root"], [o for o in suite["outcomes"] if isinstance(o, autograde.Outcome)])
    students = set(graded["students"])
    lines = [line for line in local.splitlines()[1:] if line.split()[0] in students]
    assert lines and all(line in graded["out"].stdout for line in lines)


def test_a_killed_worker_costs_no_submission_and_each_is_graded_once(graded):
    killed = graded["killed"].get("student")
    assert killed, "no worker was killed mid-task"
    started = graded["started"]
    assert started.count(f"{A}/{killed}") == 2  # its task ran again on another worker
    assert all(started.count(f"{A}/{s}") <= 1 for s in graded["students"] if s != killed)
    assert submission_counts(graded["db_url"]) == {s: 1 for s in graded["students"]}  # none lost, none duplicated


def test_a_kernel_that_kills_itself_is_a_reasoned_zero_graded_once(graded):
    assert graded["started"].count(f"{A}/attack-os_exit") == 1  # not a task retried from worker to worker
    line = next(line for line in graded["out"].stdout.splitlines() if line.startswith("attack-os_exit "))
    assert "커널 종료" in line


def test_a_regrade_keeps_what_a_person_graded(graded):
    cells, _, _ = gradebook_rows(graded["db_url"], "honest-blank")
    assert cells[MANUAL][2] == 2.0 and cells[MANUAL][1]  # kept, and marked for review again
    assert cells["ex1_missing_summary_test"][:3] == (0.0, False, None)


def test_a_rerun_grades_only_what_is_missing(graded):
    rerun = graded["rerun"]
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"이미 채점된 제출물 {len(graded['students']) - 1 - 3}개는 건너뜁니다" in rerun.stderr  # 3 never reach a worker
    assert {t: n for t, n in graded["restarted"].items() if not t.endswith("/canary")} == {f"{A}/honest-blank": 1}
    assert re.search(r"^honest-perfect-1\s+\S+\s+18/21", rerun.stdout, re.M)  # reused grades are still reported


def test_the_autograded_folder_serves_feedback_as_a_local_run(graded):
    course = graded["course"]
    course.generate_feedback(A)
    assert (course.root / "feedback" / "honest-partial" / A / f"{A}.html").is_file()


def test_postgres_gradebook_with_concurrent_local_workers_matches_sqlite(suite, postgres, tmp_path):
    db_url = postgres("local_class")
    course = CourseCopy(tmp_path / "course", only=[A], db_url=db_url)
    students = plant(course, ["os_exit", "kill_processes", "symlink_gradebook"], ["honest-perfect-1", "honest-partial"])
    outcomes = autograde.run(course.root, [A], workers=2, timeout=adversarial.CELL_TIMEOUT, progress=False,
                             db_url=db_url, check_canary=False, submission_timeout=adversarial.SUBMISSION_TIMEOUT)
    assert sorted(o.student for o in outcomes) == sorted(students)
    for student in students:
        assert gradebook_rows(db_url, student)[:2] == gradebook_rows(suite["course"].db_url, student)[:2], student
    assert submission_counts(db_url) == {s: 1 for s in students}  # none lost, none duplicated


def test_force_grades_everything_again_and_the_default_only_what_changed(graded):
    course, db_url = graded["course"], graded["db_url"]
    key = grader.grading_key(course.root, True, adversarial.CELL_TIMEOUT, sandbox.Limits(), adversarial.SUBMISSION_TIMEOUT)
    jobs, reused = autograde.plan(course.root, db_url, [A], force=True, key=key)
    assert sorted(s for _, s in jobs) == sorted(graded["students"]) and reused == []
    (course.root / "submitted" / "honest-perfect-1" / A / f"{A}.ipynb").write_text(
        (course.root / "submitted" / "honest-blank" / A / f"{A}.ipynb").read_text())  # resubmitted
    jobs, reused = autograde.plan(course.root, db_url, [A], force=False, key=key)
    assert sorted(s for _, s in jobs) == ["attack-invalid_json", "attack-symlink_gradebook",
                                          "attack-wrong_notebook_name", "honest-perfect-1"]
    assert all(o.reused for o in reused)
    jobs, _ = autograde.plan(course.root, db_url, [A], force=False, key=key + " timeout=120")
    assert len(jobs) == len(graded["students"])  # graded differently now: everyone again


def test_without_workers_the_command_gives_up_with_a_reason_instead_of_waiting_forever(tmp_path):
    course = CourseCopy(tmp_path / "course", only=[A])
    plant(course, [], ["honest-perfect-1", "honest-blank"])
    with LocalDaskCluster(tmp_path / "dask", workers=0, dashboard=False) as dask:
        start = time.monotonic()
        outcomes = autograde.run(course.root, [A], scheduler=dask.address, check_canary=False, progress=False,
                                 worker_wait=2)
        assert time.monotonic() - start < 60
        assert {(o.student, o.graded, o.reason) for o in outcomes} == {
            ("honest-perfect-1", False, cluster.NO_WORKERS), ("honest-blank", False, cluster.NO_WORKERS)}
        assert not (course.root / "autograded" / "honest-blank").exists()  # a re-run grades them
        with pytest.raises(SystemExit, match="canary"):  # nor does the canary wait forever
            autograde.run(course.root, [A], scheduler=dask.address, progress=False, worker_wait=2)


def test_a_worker_result_cannot_write_outside_its_submissions_folder(tmp_path):
    for name in ("../other/x.ipynb", "/etc/passwd", "a/../../b", ""):
        with pytest.raises(ValueError):
            cluster.store(tmp_path, "sqlite://", A, "ana", {"graded": False, "files": {name: b"x"}, "rows": None})
    assert not (tmp_path / "other").exists()
