"""Grading quality: blank, reference, mutants, alternatives, Colab-saved and edited-test submissions,
all graded by real nbgrader, and the per-exercise verdicts that tests/ assert and the report prints.

To keep CI fast without dropping a case, variants of *independent* exercises share a submission:
one variant per exercise, never two exercises that a case module's DEPENDS links (directly or
through another). A mutant is caught when its exercise scores 0 while every exercise neither in its
submission nor calling a mutated function keeps full marks; an
alternative is accepted when every autograded cell keeps full marks. A packed submission whose
kernel died or ran out of time proves nothing: its variants count as missed/rejected.
"""
from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import cases, submissions
from .course import CellScore, CourseCopy, read_notebook, source_notebook

EDITED_TEST_SOURCE = 'passed("확인 셀을 지웠습니다")'
COLAB_EDITED = "colab-edited-reference"  # the reference saved by Colab, with one test cell emptied


@dataclass
class Submission:
    student: str
    kind: str                 # blank, reference, mutant, alternative, colab, edited_test
    notebook: object = None
    raw: str | None = None    # exact JSON text (Colab format), used instead of `notebook`
    exercise: str | None = None  # the solution cell a single mutant/alternative replaces
    variant: cases.Variant | None = None
    packed: dict = field(default_factory=dict)  # exercise -> Variant, for packed mutants/alternatives


@dataclass
class QualityRun:
    assignment: str
    submissions: list[Submission]
    scores: dict[str, dict[str, CellScore]]
    autograded_cells: list[str] = field(default_factory=list)
    broken: set = field(default_factory=set)  # students whose kernel died or ran out of time

    def of(self, kind: str) -> list[Submission]:
        return [s for s in self.submissions if s.kind == kind]

    def cell_scores(self, student: str) -> dict[str, CellScore]:
        return self.scores.get(student, {})

    def exercise_score(self, student: str, exercise: str) -> float | None:
        cell = self.cell_scores(student).get(check_cell_id(exercise))
        return None if cell is None else cell.score

    def max_score(self, exercise: str) -> float:
        reference = self.cell_scores(self.of("reference")[0].student)
        return reference[check_cell_id(exercise)].max_score


def check_cell_id(solution_cell: str) -> str:
    """Naming rule of the course: the test cell of solution cell X is X_test."""
    return f"{solution_cell}_test"


def pack(table: dict[str, list], linked: dict[str, set]) -> list[dict]:
    """Bins of {exercise: variant}: one variant per exercise, no two linked exercises together."""
    bins: list[dict] = []
    for exercise, variants in table.items():
        for variant in variants:
            for bin_ in bins:
                if exercise not in bin_ and not linked.get(exercise, set()) & set(bin_):
                    bin_[exercise] = variant
                    break
            else:
                bins.append({exercise: variant})
    return bins


def build(assignment: str, release_nb, source_nb) -> list[Submission]:
    reference = submissions.reference_answers(source_nb)
    module = cases.load(assignment)
    # an exercise and every exercise that calls its function, directly or not, never share a submission
    linked = {e: cases.dependents(assignment, e) for e in {**module.MUTANTS, **module.ALTERNATIVES}}
    for exercise, users in list(linked.items()):
        for user in users:
            linked.setdefault(user, set()).add(exercise)
    full = submissions.fill(release_nb, reference)
    # A student who empties a locked test cell: nbgrader must restore it from the gradebook. The
    # honest one of the two also comes as Colab saves it: one run proves both (CI time).
    exercise, variants = next(iter(module.MUTANTS.items()))
    edited = check_cell_id(exercise)
    subs = [
        Submission("blank", "blank", notebook=release_nb),
        Submission("reference", "reference", notebook=full),
        Submission(COLAB_EDITED, "colab",
                   raw=submissions.colab_saved(submissions.replace_cell(full, edited, EDITED_TEST_SOURCE)),
                   exercise=exercise),
    ]
    for kind, table in (("mutant", module.MUTANTS), ("alternative", module.ALTERNATIVES)):
        for number, bin_ in enumerate(pack(table, linked), 1):
            answers = {exercise: variant.code.strip("\n") for exercise, variant in bin_.items()}
            subs.append(Submission(f"{kind}-pack{number}", kind, notebook=submissions.fill(release_nb, {**reference, **answers}),
                                   packed=bin_))
    mutant = submissions.fill(release_nb, {**reference, exercise: variants[0].code.strip("\n")})
    subs.append(Submission("edited-test-mutant", "edited_test",
                           notebook=submissions.replace_cell(mutant, edited, EDITED_TEST_SOURCE),
                           exercise=exercise, variant=variants[0]))
    return subs


def grade(assignment: str, subs: list[Submission], workdir: Path, workers: int):
    """Autograde `subs` with real nbgrader, sharded over `workers` course copies run in parallel:
    (scores, students whose notebook ran out of time or lost its kernel)."""
    shards = [subs[i::workers] for i in range(workers)]
    shards = [s for s in shards if s]

    def run(index_and_shard):
        index, shard = index_and_shard
        course = CourseCopy(workdir / f"shard{index}", only=[assignment])
        course.generate(assignment)
        for sub in shard:
            course.submit(sub.student, assignment, sub.notebook, raw=sub.raw)
        course.autograde(assignment)
        broken = {sub.student for sub in shard if _broken(course.autograded_notebook(sub.student, assignment))}
        return course.scores(assignment), broken

    scores: dict[str, dict[str, CellScore]] = {}
    broken: set = set()
    with ThreadPoolExecutor(max_workers=len(shards)) as pool:
        for part, lost in pool.map(run, enumerate(shards)):
            scores.update(part)
            broken |= lost
    return scores, broken


def _broken(path: Path) -> bool:
    if not path.is_file():
        return True
    return any(o.get("ename") in ("DeadKernelError", "SubmissionTimeout")
               for c in read_notebook(path).cells if c.cell_type == "code" for o in c.get("outputs", []))


def run(assignment: str, workdir: Path | None = None, workers: int | None = None) -> QualityRun:
    workers = workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="grading-quality-") as tmp:
        root = Path(workdir or tmp)
        prep = CourseCopy(root / "prep", only=[assignment])
        release_nb = read_notebook(prep.generate(assignment))
        source_nb = source_notebook(assignment)
        subs = build(assignment, release_nb, source_nb)
        scores, broken = grade(assignment, subs, root, workers)
    autograded = [name for name, cell in scores["reference"].items() if cell.score is not None]
    return QualityRun(assignment, subs, scores, autograded, broken)


def verdicts(run_: QualityRun) -> dict[str, dict[str, list]]:
    """exercise -> {"caught": [...], "missed": [...], "accepted": [...], "rejected": [...]} (variant names)."""
    table: dict[str, dict[str, list]] = {}
    for sub in run_.of("mutant") + run_.of("alternative"):
        cells = run_.cell_scores(sub.student)
        mutated = {check_cell_id(e) for e in sub.packed}
        if sub.kind == "mutant":  # a wrong function may also fail the exercises that call it
            mutated |= {check_cell_id(user) for e in sub.packed for user in cases.dependents(run_.assignment, e)}
        others_full = bool(cells) and sub.student not in run_.broken and all(
            c.score == c.max_score for name, c in cells.items() if name in run_.autograded_cells and name not in mutated)
        for exercise, variant in sub.packed.items():
            row = table.setdefault(exercise, {"caught": [], "missed": [], "accepted": [], "rejected": []})
            score, full = run_.exercise_score(sub.student, exercise), run_.max_score(exercise)
            if sub.kind == "mutant":
                row["caught" if score == 0 and others_full else "missed"].append(variant.name)
            else:
                row["accepted" if score == full and others_full else "rejected"].append(variant.name)
    return table


def report(run_: QualityRun) -> str:
    lines = [f"Grading quality: {run_.assignment} (real nbgrader autograde, {len(run_.submissions)} submissions)", ""]
    ref = run_.cell_scores("reference")
    total = sum(c.max_score for n, c in ref.items() if n in run_.autograded_cells)

    def points(student):
        cells = run_.cell_scores(student)
        return sum(cells[n].score or 0 for n in run_.autograded_cells if n in cells)

    for sub in run_.submissions:
        if sub.kind in ("blank", "reference", "colab", "edited_test"):
            lines.append(f"  {sub.student:<28} {points(sub.student):5.1f} / {total:g}")
    lines += ["", f"  {'exercise':<26} {'mutants caught':>15} {'alternatives accepted':>22}"]
    for exercise, row in verdicts(run_).items():
        caught = f"{len(row['caught'])}/{len(row['caught']) + len(row['missed'])}"
        accepted = f"{len(row['accepted'])}/{len(row['accepted']) + len(row['rejected'])}"
        problems = [f"missed: {m}" for m in row["missed"]] + [f"rejected: {r}" for r in row["rejected"]]
        lines.append(f"  {exercise:<26} {caught:>15} {accepted:>22}  {'; '.join(problems)}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    from .course import assignments

    for name in sys.argv[1:] or assignments():
        print(report(run(name)))
