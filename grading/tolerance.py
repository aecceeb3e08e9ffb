"""`make tolerance`: the reference keeps full marks whatever the machine does to the numbers.

Keras notebooks must grade the same on a 2-core CPU and on a Colab GPU. A GPU cannot be had here
(and TensorFlow is too large to carry to the lent one), so the numerics a GPU changes are varied
on the CPU instead: TensorFlow's intra-op threads (1 and 2: another summation order), oneDNN's
kernels off and on (`TF_ENABLE_ONEDNN_OPTS`), and three global seeds (`MLCOURSE_SEED`, read by
`setup_notebook`: other initial weights and shuffles). Each condition grades the reference
submission through real `generate_assignment` + `autograde` (judge and sandbox included).
"""
from __future__ import annotations

import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import submissions
from .course import CourseCopy, assignments, read_notebook, source_notebook

CONDITIONS = {
    "intra-op threads 1": {"TF_NUM_INTRAOP_THREADS": "1"},
    "intra-op threads 2": {"TF_NUM_INTRAOP_THREADS": "2"},
    "oneDNN off": {"TF_ENABLE_ONEDNN_OPTS": "0"},
    "oneDNN on": {"TF_ENABLE_ONEDNN_OPTS": "1"},
    "seed 1": {"MLCOURSE_SEED": "1"},
    "seed 7": {"MLCOURSE_SEED": "7"},
    "seed 2026": {"MLCOURSE_SEED": "2026"},
}


def uses_keras(assignment: str) -> bool:
    """Whether the notebook's setup cell asks for TensorFlow/Keras."""
    for cell in source_notebook(assignment).cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "setup":
            return "keras" in cell.source or "tensorflow" in cell.source
    return False


def grade_reference(assignment: str, env: dict, root: Path) -> dict[str, tuple]:
    """grade cell -> (score, max) of the reference submission graded under `env`."""
    course = CourseCopy(root, only=[assignment], env=env)
    release = read_notebook(course.generate(assignment))
    reference = submissions.fill(release, submissions.reference_answers(source_notebook(assignment)))
    course.submit("reference", assignment, reference)
    course.autograde(assignment)
    cells = course.scores(assignment)["reference"]
    return {name: (cell.score, cell.max_score) for name, cell in cells.items() if cell.score is not None}


def run(assignment: str, conditions: dict = CONDITIONS, workers: int | None = None) -> dict[str, dict]:
    """condition -> {grade cell: (score, max)} for the cells that lost points (empty: full marks)."""
    with tempfile.TemporaryDirectory(prefix="tolerance-") as tmp:
        def one(item):
            index, (label, env) = item
            cells = grade_reference(assignment, env, Path(tmp) / f"condition{index}")
            return label, {name: sm for name, sm in cells.items() if sm[0] != sm[1]}

        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            return dict(pool.map(one, enumerate(conditions.items())))


def main(names: list[str]) -> int:
    names = names or [name for name in assignments() if uses_keras(name)]
    failed = False
    for name in names:
        print(f"Tolerance: {name} (reference graded by real nbgrader under each condition)")
        for label, lost in run(name).items():
            failed |= bool(lost)
            print(f"  {label:<22} {'full marks' if not lost else 'LOST ' + repr(lost)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
