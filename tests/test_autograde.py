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


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    assert sandbox.available() is None, sandbox.available()
    result = adversarial.run_suite(tmp_path_factory.mktemp("adversarial"))
    print("\n" + adversarial.report(result))
    return result


def test_at_least_25_attacks_were_tried(suite):
    assert suite["attempts"] >= 25


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


def test_huge_output_is_clipped_in_the_autograded_notebook(suite):
    graded = suite["course_root"] / "autograded" / "attack-huge_output" / adversarial.ASSIGNMENT / adversarial.NOTEBOOK
    assert graded.stat().st_size < 2_000_000, graded.stat().st_size  # it printed 30 MB


def test_tamper_report_lists_patching_for_review(suite):
    outcomes = [o for o in suite["outcomes"] if hasattr(o, "student")]
    text = tamper.report(suite["course_root"], outcomes)
    for name in ("rebind_check_helpers", "patch_mlcourse_check", "patch_builtins", "patch_np_allclose",
                 "patch_pd_testing", "showtraceback_override", "eq_always_true_frame", "read_gradebook"):
        assert f"attack-{name}" in text, name
    assert "honest-" not in text  # honest code is not accused


def test_feedback_shows_korean_reasons_but_no_hidden_test_or_expected_value(suite):
    course = suite["course"]
    course.generate_feedback(adversarial.ASSIGNMENT)
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
