"""Build submissions from a release notebook the way students produce them.

A submission is always the *release* notebook (what students receive) with some solution cells
filled in: by the reference solution from source/, by a mutant (a plausible wrong answer) or by
a correct alternative. Other transformations model what happens to a notebook on its way back:
saved by Colab, a test cell edited.
"""
from __future__ import annotations

import copy
import json
import re

_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def solution_ids(notebook) -> list[str]:
    return [grade_id(c) for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]


def reference_answers(source_notebook) -> dict[str, str]:
    """grade_id -> the instructor's solution as a student would type it (markers removed)."""
    answers = {}
    for cell in source_notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            lines = [line for line in cell.source.split("\n") if not _MARKER.match(line)]
            answers[meta["grade_id"]] = "\n".join(lines)
    return answers


def fill(release_notebook, answers: dict[str, str]):
    """A copy of the release notebook with the given solution cells replaced."""
    notebook = copy.deepcopy(release_notebook)
    unknown = set(answers) - set(solution_ids(notebook))
    if unknown:
        raise KeyError(f"no solution cell with grade_id {sorted(unknown)}")
    for cell in notebook.cells:
        if grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return notebook


def replace_cell(notebook, cell_id: str, source: str):
    """A copy with any cell (e.g. a locked test cell) rewritten, as a student might."""
    notebook = copy.deepcopy(notebook)
    matches = [c for c in notebook.cells if grade_id(c) == cell_id]
    if not matches:
        raise KeyError(cell_id)
    matches[0].source = source
    return notebook


def colab_saved(notebook) -> str:
    """The notebook as Google Colab saves it: nbformat 4.0, no cell ids, Colab metadata."""
    data = json.loads(json.dumps(notebook))
    data["nbformat_minor"] = 0
    data["metadata"] = {
        "colab": {"provenance": [], "name": "01_missing_values.ipynb", "gpuType": "T4"},
        "kernelspec": {"name": "python3", "display_name": "Python 3"},
        "language_info": {"name": "python"},
        "accelerator": "GPU",
    }
    for index, cell in enumerate(data["cells"]):
        cell.pop("id", None)
        cell["metadata"]["id"] = f"c0LaB{index:04d}"
        if cell["cell_type"] == "code":
            cell["metadata"]["colab"] = {"base_uri": "https://localhost:8080/"}
            cell["metadata"]["outputId"] = f"0ut{index:04d}"
    return json.dumps(data, indent=2, ensure_ascii=False)
