"""`make demo`: grade three demo students per assignment with real nbgrader and print the scores.

The demo follows the instructor's order: autograde -> manual grading (formgrader; here a scripted
grader marks only `perfect`'s written answers, as an instructor part-way through would) ->
generate_feedback -> the class report (grading.report, build/demo/reports/). `partial`'s written
answer is still waiting, and its feedback says 채점 대기.
The demo runs in build/demo/, a copy of the course with its own SQLite gradebook, so it never
touches the instructor's real gradebook.db. Afterwards `cd build/demo && nbgrader formgrader`
shows the same submissions, and build/demo/feedback/ holds what students would receive.
"""
from __future__ import annotations

import shutil
import sys

from . import cases, report, submissions
from .course import REPO, CourseCopy, assignments, read_notebook, source_notebook

DEMO_ROOT = REPO / "build" / "demo"


def partial_answers(assignment: str, reference: dict[str, str]) -> dict[str, str]:
    """The reference with every other exercise replaced by its first mutant: a realistic 'partly wrong'."""
    mutants = cases.load(assignment).MUTANTS
    wrong = {exercise: variants[0].code.strip("\n") for exercise, variants in list(mutants.items())[::2]}
    return {**reference, **wrong}


def demo_submissions(course: CourseCopy, assignment: str) -> dict:
    """Generate the assignment in `course`; return its perfect, untouched and partly wrong submissions."""
    release_nb = read_notebook(course.generate(assignment))
    reference = submissions.reference_answers(source_notebook(assignment))
    return {
        "perfect": submissions.fill(release_nb, reference),
        "untouched": release_nb,
        "partial": submissions.fill(release_nb, partial_answers(assignment, reference)),
    }


STEPS = (
    "1. nbgrader autograde        (make autograde: hidden tests, in parallel, sandboxed)",
    "2. manual grading            (nbgrader formgrader: written answers; here only `perfect` is graded)",
    "3. nbgrader generate_feedback (what is not graded yet reads 채점 대기 in the feedback)",
    "4. make report               (the class report: mistakes per exercise, timing, tamper scan, similar pairs)",
)


def grade_manually(course: CourseCopy, assignment: str, student: str, comment: str) -> list[str]:
    """What a grader does in formgrader: full marks and a comment on every grade still pending."""
    from nbgrader.api import Gradebook

    pending = [cell for cell, grade in course.scores(assignment)[student].items() if grade.score is None]
    with Gradebook(course.db_url) as gradebook:
        for cell in pending:
            grade = gradebook.find_grade(cell, assignment, assignment, student)
            grade.manual_score, grade.needs_manual_grade = grade.max_score, False
            gradebook.find_comment(cell, assignment, assignment, student).manual_comment = comment
        gradebook.db.commit()
    return pending


def main() -> int:
    shutil.rmtree(DEMO_ROOT, ignore_errors=True)
    course = CourseCopy(DEMO_ROOT)
    print("Instructor order, as this demo runs it:", *STEPS, sep="\n  ")
    for assignment in assignments():
        demo_students = demo_submissions(course, assignment)
        for student, notebook in demo_students.items():
            course.submit(student, assignment, notebook)
        course.autograde(assignment)
        grade_manually(course, assignment, "perfect", "세 방법의 원리, 장단점, 근거를 모두 다루었습니다. (데모 채점)")
        course.generate_feedback(assignment)
        print(score_table(assignment, course.scores(assignment), list(demo_students)))
        made = report.write(course.root, assignment, course.db_url)
        print(f"Class report: {made.path}")
    print(f"\nFeedback: {DEMO_ROOT / 'feedback'}   Gradebook: {DEMO_ROOT / 'gradebook.db'}")
    print(f"Manual grading of the written answers: cd {DEMO_ROOT.relative_to(REPO)} && nbgrader formgrader, "
          "then generate_feedback again (partial's feedback says 채점 대기 until then)")
    return 0


def score_table(assignment: str, scores, students: list[str]) -> str:
    """One row per student, one column per graded cell (ex1 … q4, written), then the totals."""
    cells = list(scores[students[0]])
    header = f"{'student':<10}" + "".join(f"{c.split('_')[0]:>9}" for c in cells) + f"{'graded total':>14}"
    lines = [f"\n{assignment}: score/max per graded cell ('pending' = waiting for manual grading in formgrader)",
             header, "-" * len(header)]
    for student in students:
        row, total, total_max = f"{student:<10}", 0.0, 0.0
        for cell in cells:
            grade = scores[student][cell]
            if grade.score is None:
                row += f"{'pending':>9}"
                continue
            row += f"{f'{grade.score:g}/{grade.max_score:g}':>9}"
            total, total_max = total + grade.score, total_max + grade.max_score
        lines.append(row + f"{f'{total:g}/{total_max:g}':>14}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
