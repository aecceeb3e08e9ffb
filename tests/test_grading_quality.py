"""The graders, graded: real `nbgrader generate_assignment` + `nbgrader autograde` on a temporary
copy of the course. Blank scores 0, reference full, every mutant loses its exercise's points,
every alternative keeps them, Colab-saved and edited-test submissions grade honestly.
"""
import json

import pytest

from grading import cases, quality
from grading.course import assignments
from grading.quality import COLAB_EDITED, EDITED_TEST_SOURCE, check_cell_id
from grading.submissions import grade_id


def variants(table_name):
    for assignment in assignments():
        for exercise, items in getattr(cases.load(assignment), table_name).items():
            for variant in items:
                yield pytest.param(assignment, exercise, variant, id=f"{assignment}-{exercise}-{variant.name}")


def autograded(run, student):
    cells = run.cell_scores(student)
    assert cells, f"{student} was not graded"
    return {name: cells[name] for name in run.autograded_cells}


@pytest.mark.parametrize("assignment", assignments())
def test_untouched_release_scores_zero_on_every_autograded_cell(quality_runs, assignment):
    run = quality_runs[assignment]
    assert run.autograded_cells
    assert {n: c.score for n, c in autograded(run, "blank").items() if c.score != 0} == {}


@pytest.mark.parametrize("assignment", assignments())
def test_reference_scores_full_marks(quality_runs, assignment):
    run = quality_runs[assignment]
    assert {n: (c.score, c.max_score) for n, c in autograded(run, "reference").items() if c.score != c.max_score} == {}


@pytest.mark.parametrize("assignment", assignments())
def test_colab_saved_notebook_with_an_emptied_test_cell_grades_as_the_reference(quality_runs, assignment):
    run = quality_runs[assignment]
    (colab,) = run.of("colab")
    raw = json.loads(colab.raw)
    assert raw["nbformat_minor"] == 0 and "colab" in raw["metadata"]  # really as Colab saves it
    sources = ["".join(c["source"]) for c in raw["cells"] if grade_id(c) == check_cell_id(colab.exercise)]
    assert sources == [EDITED_TEST_SOURCE]  # really with the emptied test cell, restored by nbgrader
    assert autograded(run, COLAB_EDITED) == autograded(run, "reference")


@pytest.mark.parametrize("assignment", assignments())
def test_edited_test_cell_is_restored_and_a_mutant_behind_it_scores_zero(quality_runs, assignment):
    run = quality_runs[assignment]
    (sub,) = run.of("edited_test")
    sources = [c.source for c in sub.notebook.cells if grade_id(c) == check_cell_id(sub.exercise)]
    assert sources == [EDITED_TEST_SOURCE]
    assert run.exercise_score(sub.student, sub.exercise) == 0


@pytest.fixture(scope="session")
def verdict_tables(quality_runs):
    class Verdicts(dict):  # computed per notebook when first asked, like quality_runs
        def __missing__(self, assignment):
            self[assignment] = quality.verdicts(quality_runs[assignment])
            return self[assignment]

    return Verdicts()


@pytest.mark.parametrize("assignment, exercise, variant", list(variants("MUTANTS")))
def test_mutant_loses_its_exercise_points(verdict_tables, assignment, exercise, variant):
    # caught: its exercise scores 0 while every exercise outside its (packed) submission keeps full marks
    assert variant.name in verdict_tables[assignment][exercise]["caught"], f"not caught: {variant.mistake}"


@pytest.mark.parametrize("assignment, exercise, variant", list(variants("ALTERNATIVES")))
def test_correct_alternative_keeps_full_marks(verdict_tables, assignment, exercise, variant):
    assert variant.name in verdict_tables[assignment][exercise]["accepted"], variant.mistake


@pytest.mark.parametrize("assignment", assignments())
def test_packed_submissions_never_pair_linked_exercises(quality_runs, assignment):
    for sub in quality_runs[assignment].of("mutant") + quality_runs[assignment].of("alternative"):
        for exercise in sub.packed:
            assert not cases.dependents(assignment, exercise) & set(sub.packed), (sub.student, exercise)


def test_a_mutant_may_take_the_exercises_that_call_it_along(monkeypatch):
    """DEPENDS: ex2's mutant also zeroes ex3 (which calls ex2's function) and ex4 (which calls ex3's):
    still caught. A mutant that zeroes an unrelated exercise, or an alternative that zeroes a caller, is not."""
    from grading.course import CellScore

    class Module:
        DEPENDS = {"ex3": ["ex2"], "ex4": ["ex3"]}
        MUTANTS = ALTERNATIVES = {}

    def scores(**points):
        return {f"{e}_test": CellScore(points.get(e, 1.0), 1.0) for e in ("ex1", "ex2", "ex3", "ex4")}

    def sub(student, kind, exercise):
        return quality.Submission(student, kind, packed={exercise: cases.Variant(student, "", "")})

    run = quality.QualityRun("tiny", [
        quality.Submission("reference", "reference"),
        sub("m-dependants", "mutant", "ex2"), sub("m-unrelated", "mutant", "ex3"), sub("a-breaks", "alternative", "ex2"),
    ], {"reference": scores(), "m-dependants": scores(ex2=0, ex3=0, ex4=0), "m-unrelated": scores(ex3=0, ex1=0),
        "a-breaks": scores(ex3=0)}, ["ex1_test", "ex2_test", "ex3_test", "ex4_test"])
    monkeypatch.setattr(cases, "load", lambda name: Module)
    assert cases.dependents("tiny", "ex2") == {"ex3", "ex4"} and cases.dependents("tiny", "ex3") == {"ex4"}
    table = quality.verdicts(run)
    assert table["ex2"]["caught"] == ["m-dependants"] and table["ex2"]["rejected"] == ["a-breaks"]
    assert table["ex3"]["missed"] == ["m-unrelated"]
