"""nbgrader_config.py: stderr noise ignored, generous timeout, feedback without hidden tests."""
import nbformat
from traitlets.config.loader import PyFileConfigLoader

from grading.course import REPO

STDERR_NOISE = [
    "/x/sklearn/base.py:465: UserWarning: X does not have valid feature names\n  warnings.warn(\n",
    "W0000 00:00:1732000000.000000    1234 cpu_feature_guard.cc:210] This TensorFlow binary is optimized",
    "I0000 00:00:1732000000.1  99 device_compiler.h:188] Compiled cluster using XLA!",
    "2024-01-01 oneDNN custom operations are on. You may see slightly different numerical results",
]


def config():
    return PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()


def test_library_noise_on_stderr_is_ignored_but_other_stderr_is_kept():
    import re

    c = config()
    assert c.IgnorePattern.enabled is True
    for text in STDERR_NOISE:
        assert re.search(c.IgnorePattern.pattern, text), text
    assert not re.search(c.IgnorePattern.pattern, "❌ 반환값의 값이 다릅니다\n")


def test_cells_get_more_than_the_default_30_seconds():
    assert config().Execute.timeout >= 60


def test_feedback_hides_hidden_tests_and_their_tracebacks():
    c = config()
    names = [p.__name__ for p in c.GenerateFeedback.preprocessors]
    assert "ClearHiddenTests" in names and "ShortTestErrors" in names
    short = next(p for p in c.GenerateFeedback.preprocessors if p.__name__ == "ShortTestErrors")()
    cell = nbformat.v4.new_code_cell("check()\n### BEGIN HIDDEN TESTS\nsecret()\n### END HIDDEN TESTS")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "x_test"}
    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue="❌ 다릅니다",
                                           traceback=["----> 3 secret()", "CheckFailed: ❌ 다릅니다"])]
    cell, _ = short.preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].traceback == ["CheckFailed: ❌ 다릅니다"]
    cell.outputs[0].evalue = "❌ 반환값의 shape가 다릅니다: 기대 (3, 2), 실제 (2, 3)"
    cell, _ = short.preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].traceback == ["CheckFailed: ❌ 반환값의 shape가 다릅니다"]  # no expected values
    example = nbformat.v4.new_code_cell("heat = results.pivot_table(...)")  # a worked example
    own = nbformat.v4.new_code_cell("def f(x):\n    return x[5]\nf([1])")    # the student's solution cell
    own.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "ex1"}
    for code_cell in (example, own):
        code_cell.outputs = [nbformat.v4.new_output("error", ename="KeyError", evalue="'param_x'",
                                                    traceback=["Traceback (most recent call last)", "KeyError: 'param_x'"])]
    assert short.preprocess_cell(example, {}, 0)[0].outputs[0].traceback == ["KeyError: 'param_x'"]
    assert len(short.preprocess_cell(own, {}, 0)[0].outputs[0].traceback) == 2  # how they find their bug


def test_feedback_marks_pending_manual_grades_with_the_course_template():
    from pathlib import Path

    c = config()
    assert c.GenerateFeedback.preprocessors[0].__name__ == "PendingGrades"
    ours, nbgraders = map(Path, c.HTMLExporter.extra_template_basedirs)
    assert (ours / "feedback" / "index.html.j2").is_file() and (nbgraders / "feedback" / "index.html.j2").is_file()
    template = (ours / "feedback" / "index.html.j2").read_text(encoding="utf-8")
    assert "채점 대기" in template and "pending_points" in template
