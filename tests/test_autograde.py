"""Grading a class safely: the adversarial suite through the sandboxed parallel command.

Needs root and bubblewrap (`make` installs it); off CI a machine without them skips, on CI it fails.
"""
import os
import re
import subprocess
import sys

import pytest

from grading import adversarial, sandbox, tamper
from grading.course import REPO, CourseCopy, nbgrader_env, read_notebook, source_notebook
from grading.submissions import fill, reference_answers

problem = sandbox.available()
if problem and not os.environ.get("CI"):
    pytest.skip(f"sandbox unavailable here: {problem}", allow_module_level=True)


def test_at_least_25_attacks_were_tried(suite):
    assert suite["attempts"] >= 25


def test_every_attack_class_of_the_integrity_issue_is_tried(suite):
    tried = {name for name, *_ in suite["details"]}
    for name in ("input_transformer", "ast_transformer", "transform_cell", "kernel_do_execute", "run_cell_class_patch",
                 "history_reader", "settrace_hooks", "thread_repatcher", "sys_modules_swap", "agent_lies", "frames_and_gc",
                 "symlink_other_student", "symlink_gradebook", "symlink_root_file", "fifo_notebook",
                 "symlinks_for_feedback", "huge_rich_outputs", "slow_added_cells"):
        assert name in tried, name


def test_nothing_outside_the_kernels_scratch_folders_changes(suite):
    assert suite["files_changed"] == []


def test_gradebook_rows_of_other_students_are_intact(suite):
    assert suite["gradebook_intact"]


def test_feedback_is_only_the_notebooks_html_without_hidden_tests(suite):
    assert suite["feedback_problems"] == []


def test_links_fifos_and_overtime_are_refused_with_a_reason(suite):
    reasons = {name: reason for name, _, _, reason in suite["details"]}
    for name in ("symlink_other_student", "symlink_gradebook", "symlink_root_file"):
        assert "심볼릭 링크" in reasons[name], (name, reasons[name])
    assert "FIFO" in reasons["fifo_notebook"]
    assert "전체 시간 제한" in reasons["slow_added_cells"]
    assert "출력 크기 제한" in reasons["huge_rich_outputs"]


def test_no_point_is_wrongly_gained(suite):
    gained = {name: points for name, _, points, _ in suite["details"] if points}
    assert gained == {}, adversarial.report(suite)


def test_no_batch_is_broken_and_every_submission_has_an_outcome(suite):
    assert suite["batches_broken"] == 0, suite["outcomes"]


def test_honest_grades_stay_exact(suite):
    assert suite["honest_grades_changed"] == 0, suite["honest_changed"]


def test_no_request_leaves_the_sandbox(suite):
    assert suite["network_requests_received"] == 0


def test_unrunnable_submissions_score_zero_with_a_reason(suite):
    reasons = {name: reason for name, _, _, reason in suite["details"]}
    for attack in adversarial.attacks(port=1):
        if attack.whole_zero:
            assert reasons[attack.name], f"{attack.name} has no reason"
    assert "이름이 다릅니다" in reasons["wrong_notebook_name"]
    assert "JSON" in reasons["invalid_json"]
    assert "시간 초과" in reasons["infinite_loop"]
    assert "커널 종료" in reasons["os_exit"]


def test_huge_output_is_clipped_in_the_autograded_notebook(suite):
    reasons = {name: reason for name, _, _, reason in suite["details"]}
    for name in ("huge_output", "huge_rich_outputs"):  # 30 MB of text; 120 MB of images, 30 MB markdown, 20 MB JSON
        graded = suite["course_root"] / "autograded" / f"attack-{name}" / adversarial.ASSIGNMENT / adversarial.NOTEBOOK
        assert graded.is_file(), (name, reasons[name])
        assert graded.stat().st_size < 2_000_000, (name, graded.stat().st_size)


def test_the_judge_graded_every_notebook(suite):
    for graded in (suite["course_root"] / "autograded").glob("*/*/*.ipynb"):
        assert read_notebook(graded).metadata.get("course_grading") == {"judge": True, "sandbox": True}, graded


def test_the_graded_notebook_keeps_the_submissions_cells_in_place(suite):
    # the judge runs quiet cells of its own: they must never land in the graded notebook
    for graded in (suite["course_root"] / "autograded").glob("honest-*/*/*.ipynb"):
        sources = [cell.source for cell in read_notebook(graded).cells]
        assert sources[0].startswith("# ") and not any("mlcourse.remote" in source for source in sources), graded


def test_tamper_report_lists_patching_for_review(suite):
    outcomes = [o for o in suite["outcomes"] if hasattr(o, "student")]
    text = tamper.report(suite["course_root"], outcomes)
    for name in ("rebind_check_helpers", "patch_mlcourse_check", "patch_builtins", "patch_np_allclose",
                 "patch_pd_testing", "showtraceback_override", "eq_always_true_frame", "read_gradebook",
                 "input_transformer", "ast_transformer", "transform_cell", "kernel_do_execute", "run_cell_class_patch",
                 "history_reader", "settrace_hooks", "thread_repatcher", "sys_modules_swap", "frames_and_gc"):
        assert f"attack-{name}" in text, name
    assert "honest-" not in text  # honest code is not accused


def test_feedback_shows_korean_reasons_but_no_hidden_test_or_expected_value(suite):
    course = suite["course"]  # the suite generated feedback after grading
    source = source_notebook(adversarial.ASSIGNMENT)
    hidden = {line.strip() for cell in source.cells
              for line in cell.source.split("### BEGIN HIDDEN TESTS")[-1].split("### END HIDDEN TESTS")[0].split("\n")
              if "### BEGIN HIDDEN TESTS" in cell.source and len(line.strip()) > 20}
    page = (course.root / "feedback" / "honest-partial" / adversarial.ASSIGNMENT / "01_missing_values.html")
    html = page.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    failures = re.findall(r"(?:CheckFailed|AssertionError): [^\n]*", text)
    assert failures and all("❌" in f for f in failures), failures      # a Korean reason per failed test
    assert not [f for f in failures if "기대" in f], failures          # no expected values of hidden inputs
    assert "BEGIN HIDDEN" not in html
    own = read_notebook(course.root / "submitted" / "honest-partial" / adversarial.ASSIGNMENT / adversarial.NOTEBOOK)
    own_lines = {line.strip() for cell in own.cells for line in cell.source.split("\n")}
    assert not [line for line in hidden - own_lines if line in text]  # the student's own code may match


def test_command_line_prints_scores_and_tamper_report(tmp_path):
    course = CourseCopy(tmp_path / "course", only=["01_missing_values"])
    release_nb = read_notebook(course.generate("01_missing_values"))
    answers = reference_answers(source_notebook("01_missing_values"))
    course.submit("ana", "01_missing_values", fill(release_nb, answers))
    course.submit("ben", "01_missing_values", release_nb)
    out = subprocess.run([sys.executable, "-m", "grading.autograde", "01_missing_values", "--course", str(course.root),
                          "--workers", "2"], capture_output=True, text=True, env=nbgrader_env(), cwd=REPO)
    assert out.returncode == 0, out.stderr[-2000:]
    assert re.search(r"ana\s+01_missing_values\s+18/21", out.stdout), out.stdout
    assert re.search(r"ben\s+01_missing_values\s+0/21", out.stdout), out.stdout
    assert "변조 의심 보고서" in out.stdout and "2/2" in out.stderr  # progress bar reached the end


def test_canary_stops_the_batch_when_the_reference_cannot_score_full_marks(tmp_path):
    course = CourseCopy(tmp_path / "course", only=["01_missing_values"])
    release_nb = read_notebook(course.generate("01_missing_values"))
    course.submit("ana", "01_missing_values", release_nb)
    # a course whose data cannot be read: every kernel fails the same way, the reference too
    (course.root / "data" / "penguins.csv").write_text("broken")
    out = subprocess.run([sys.executable, "-m", "grading.autograde", "01_missing_values", "--course", str(course.root),
                          "--workers", "1"], capture_output=True, text=True, env=nbgrader_env(), cwd=REPO)
    assert out.returncode != 0
    assert "canary" in out.stderr and "만점" in out.stderr, out.stderr[-2000:]
    assert not (course.root / "autograded" / "ana").exists()  # nobody was graded to zero


def test_grading_processes_on_one_machine_lease_distinct_uids(tmp_path, monkeypatch):
    """Two grading runs side by side (two `make autograde`, the tests beside a class) must never share
    a kernel uid: each reaps its uids' processes before and after every notebook. A lease lives as
    long as its process, however that ends."""
    monkeypatch.setattr(sandbox, "LEASES", tmp_path)
    lease = ("import sys, time; from pathlib import Path; from grading import sandbox;"
             f"sandbox.LEASES = Path({str(tmp_path)!r}); print(*sandbox.lease_uids(), flush=True); time.sleep(60)")
    holders = [subprocess.Popen([sys.executable, "-c", lease], cwd=REPO, stdout=subprocess.PIPE, text=True)
               for _ in range(3)]
    try:
        pairs = [tuple(map(int, h.stdout.readline().split())) for h in holders]
        uids = [uid for pair in pairs for uid in pair]
        assert len(set(uids)) == 6 and all(judge == student + 1 for student, judge in pairs)
        holders[1].kill()
        holders[1].wait()
        monkeypatch.setattr(sandbox, "_lease", None)
        assert sandbox.lease_uids() == pairs[1]  # the killed holder's slot is free again
        assert sandbox.lease_uids() == pairs[1]  # and stays this process's own
    finally:
        for holder in holders:
            holder.kill()
        monkeypatch.setattr(sandbox, "_lease", None)
