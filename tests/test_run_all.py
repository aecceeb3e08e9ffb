"""`raises-exception` on solution and test cells: Run All goes on past an unsolved exercise, and
grading does not change (nbgrader keeps the tag, still scores a failing test cell 0, and
`nbgrader validate` still reports it). A two-cell assignment keeps this fast."""
import json

import nbformat
import pytest

from grading.course import CourseCopy

TAG = "raises-exception"
TINY = "00_tiny"


def tiny_source():
    def cell(source, **nbgrader):
        c = nbformat.v4.new_code_cell(source)
        c.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False,
                                  "task": False, **nbgrader}
        c.metadata["tags"] = [TAG]
        return c

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [
        cell("def answer():\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION",
             solution=True, grade_id="answer"),
        cell("assert answer() == 42, 'wrong'", grade=True, locked=True, points=1, grade_id="answer_test"),
        nbformat.v4.new_code_cell("print('reached the last cell')"),
    ]
    return nb


@pytest.fixture(scope="module")
def tiny_course(tmp_path_factory):
    course = CourseCopy(tmp_path_factory.mktemp("course"), only=["01_missing_values"])
    folder = course.root / "source" / TINY
    folder.mkdir(parents=True)
    nbformat.write(tiny_source(), folder / f"{TINY}.ipynb")
    course.generate(TINY)
    return course


def test_nbgrader_keeps_the_tag_in_the_release(tiny_course):
    released = json.loads(tiny_course.release_notebook(TINY).read_text(encoding="utf-8"))
    tagged = [c["metadata"].get("tags") for c in released["cells"][:2]]
    assert tagged == [[TAG], [TAG]]
    assert "NotImplementedError" in "".join(released["cells"][0]["source"])


def test_a_tagged_failing_test_cell_still_scores_zero_and_the_run_goes_on(tiny_course):
    release = nbformat.read(tiny_course.release_notebook(TINY), as_version=4)
    tiny_course.submit("untouched", TINY, release)
    tiny_course.autograde(TINY, "untouched")
    scores = tiny_course.scores(TINY)["untouched"]
    assert (scores["answer_test"].score, scores["answer_test"].max_score) == (0, 1)
    graded = nbformat.read(tiny_course.autograded_notebook("untouched", TINY), as_version=4)
    assert any(o.output_type == "error" for o in graded.cells[1].outputs)
    assert "reached the last cell" in graded.cells[2].outputs[0].text


def test_nbgrader_validate_still_reports_a_tagged_failing_test_cell(tiny_course):
    proc = tiny_course.nbgrader("validate", str(tiny_course.release_notebook(TINY)), check=False)
    output = proc.stdout + proc.stderr
    assert "VALIDATION FAILED ON 1 CELL(S)" in output, output[-2000:]
    assert "The following cell failed:" in output and "assert answer() == 42" in output
