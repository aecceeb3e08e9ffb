"""Source notebooks follow the course anatomy; release/ is exactly what nbgrader generates from them."""
import json
import re

import pytest

from grading import cases
from grading.course import REPO, CourseCopy, assignments, source_notebook
from grading.quality import check_cell_id
from mlcourse import config

ASSIGNMENTS = assignments()


def source(name):
    return source_notebook(name)


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def split_secret(cell):
    """(secret lines, public lines) of a source cell: solution and hidden-test regions are secret,
    and so is the whole of a written-answer (markdown solution) cell."""
    if nbgrader_meta(cell).get("solution") and cell.cell_type == "markdown":
        return cell.source.split("\n"), []
    inside, secret, public = False, [], []
    for line in cell.source.split("\n"):
        if "### BEGIN SOLUTION" in line or "### BEGIN HIDDEN TESTS" in line:
            inside = True
        elif "### END SOLUTION" in line or "### END HIDDEN TESTS" in line:
            inside = False
        else:
            (secret if inside else public).append(line)
    return secret, public


def test_there_is_at_least_one_assignment():
    assert "01_missing_values" in ASSIGNMENTS


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_source_notebook_has_no_outputs(name):
    for cell in source(name).cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_is_fresh_from_source(name, tmp_path):
    course = CourseCopy(tmp_path, only=[name])
    generated = json.loads(course.generate(name).read_text(encoding="utf-8"))
    committed = json.loads((REPO / "release" / name / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert committed == generated, "release/ is stale: run `make release` and commit it"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_contains_no_solution_or_hidden_test_text(name):
    text = (REPO / "release" / name / f"{name}.ipynb").read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    released = json.loads(text)
    released_lines = {line.strip() for cell in released["cells"] for line in "".join(cell["source"]).split("\n")}
    secret, public = set(), set()
    for cell in source(name).cells:
        hidden, shown = split_secret(cell)
        secret |= {line.strip() for line in hidden if len(line.strip()) > 12}
        public |= {line.strip() for line in shown}
    leaked = sorted((secret - public) & released_lines)
    assert not leaked, leaked[:5]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_anatomy_title_badge_setup_hints_budget(name):
    nb = source(name)
    title = nb.cells[0].source
    assert title.startswith(f"# {name[:2]}. ") and "학습 목표" in title
    badge = f"colab.research.google.com/github/{config.COURSE_REPO}/blob/{config.COURSE_BRANCH}/release/{name}/{name}.ipynb"
    assert badge in title, "the Colab badge must point at this notebook in mlcourse.config.COURSE_REPO"
    setup = next(c for c in nb.cells if c.cell_type == "code")
    assert nbgrader_meta(setup).get("locked"), "the setup cell must be locked"
    assert f"git+https://github.com/{config.COURSE_REPO}@{config.COURSE_BRANCH}" in setup.source
    assert re.search(r"^SEED = setup_notebook\(", setup.source, re.M), \
        "the setup cell states the seed once: SEED = setup_notebook() or SEED = setup_notebook(packages=(...))"
    for cell in nb.cells:
        if nbgrader_meta(cell).get("grade_id", "").endswith("_description"):
            assert "<details><summary>힌트</summary>" in cell.source, nbgrader_meta(cell)["grade_id"]
    assert nb.metadata["course"]["budget_seconds"] > 0


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_autograded_answer_has_a_test_with_hidden_tests(name):
    cells = {nbgrader_meta(c).get("grade_id"): c for c in source(name).cells if nbgrader_meta(c)}
    answers = [gid for gid, c in cells.items() if nbgrader_meta(c).get("solution") and c.cell_type == "code"]
    assert answers
    for gid in answers:
        test = cells.get(check_cell_id(gid))
        assert test is not None, f"{gid} has no test cell {check_cell_id(gid)}"
        meta = nbgrader_meta(test)
        assert meta.get("grade") and meta.get("locked") and meta.get("points", 0) > 0
        assert "### BEGIN HIDDEN TESTS" in test.source and "### END HIDDEN TESTS" in test.source
        visible = test.source.split("### BEGIN HIDDEN TESTS")[0]
        # a visible check ends with passed(...): printing, never a value nbgrader would read as partial credit
        assert re.search(r"^passed\(.*\)\s*$", visible.strip().split("\n")[-1]), gid


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_exercise_has_two_mutants_and_an_alternative(name):
    module = cases.load(name)
    cells = [c for c in source(name).cells if nbgrader_meta(c).get("solution") and c.cell_type == "code"]
    for gid in (nbgrader_meta(c)["grade_id"] for c in cells):
        assert len(module.MUTANTS.get(gid, [])) >= 2, f"{gid}: fewer than two mutants"
        assert len(module.ALTERNATIVES.get(gid, [])) >= 1, f"{gid}: no correct alternative"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solution_and_test_cells_carry_raises_exception(name):
    """Run All must not stop at an unsolved exercise: JupyterLab and nbclient go on past a cell
    tagged `raises-exception` (tests/test_run_all.py: grading is unchanged by the tag)."""
    for cell in source(name).cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and (meta.get("solution") or meta.get("grade")):
            assert "raises-exception" in cell.metadata.get("tags", []), \
                f"{meta['grade_id']}: add the cell tag `raises-exception` (README: 새 노트북을 추가할 때)"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_depends_names_real_solution_cells(name):
    module = cases.load(name)
    cells = {nbgrader_meta(c)["grade_id"] for c in source(name).cells if nbgrader_meta(c).get("solution")}
    for user, used in getattr(module, "DEPENDS", {}).items():
        assert user in cells and set(used) <= cells and user not in used, (user, used)
