"""nbgrader extensions the course config (nbgrader_config.py) plugs in."""
from __future__ import annotations

import json
import re

import nbformat

from traitlets import Integer
from nbgrader.preprocessors import DeduplicateIds, GetGrades, NbGraderPreprocessor
from nbgrader.utils import is_grade, is_locked, is_solution


class ShortTestErrors(NbGraderPreprocessor):
    """In feedback, a failed test cell shows its Korean error message only: the traceback would
    quote the hidden test lines around the failing assertion, and 'expected ...' details would
    give away the hidden inputs' answers. A worked example that failed because an exercise it uses
    is wrong shows one line too (its reason is the exercise's own message); only the student's
    own solution cells keep their traceback, which is how they find their bug."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or (is_solution(cell) and not is_grade(cell)):
            return cell, resources
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                message = str(output.evalue)
                if is_grade(cell):
                    message = re.split(r"[.:]?\s*(?:첫 위치|기대 )", message, maxsplit=1)[0]
                output.evalue = message
                output.traceback = [f"{output.ename}: {message}"]
        return cell, resources


MAX_OUTPUT_CHARS = 100_000        # one output, any MIME type
MAX_NOTEBOOK_CHARS = 10_000_000   # the whole graded notebook
CLIPPED = "출력이 너무 커서"         # marks a clipped output (grading.autograde reports it)


def clip_output(output, max_chars: int = MAX_OUTPUT_CHARS) -> None:
    """Keep an output under `max_chars`: text keeps its head, anything else (images, JSON,
    markdown too large) is replaced by a note."""
    def clip(text: str) -> str:
        if len(text) <= max_chars:
            return text
        return text[:max_chars] + f"\n… ({CLIPPED} {len(text):,}자 중 앞부분 {max_chars:,}자만 보관했습니다)\n"

    if isinstance(output.get("text"), str):
        output["text"] = clip(output["text"])
    if output.get("output_type") == "error":
        output["evalue"] = clip(str(output.get("evalue", "")))
        output["traceback"] = [clip(str(line)) for line in output.get("traceback", [])[:200]]
    data = output.get("data")
    if isinstance(data, dict):
        for mime in list(data):
            value = data[mime]
            size = len(value) if isinstance(value, str) else len(json.dumps(value, default=str))
            if size <= max_chars:
                continue
            if mime in ("text/plain", "text/html", "text/markdown", "text/latex") and isinstance(value, str):
                data[mime] = clip(value)
            else:
                del data[mime]
                data.setdefault("text/plain", f"({CLIPPED} {mime} 출력 {size:,}자를 보관하지 않았습니다)")


class LimitOutputBytes(NbGraderPreprocessor):
    """nbgrader's LimitOutput caps lines; a few enormous outputs (text, images, JSON) would still
    bloat the autograded notebook, the gradebook's formgrader view and the feedback. Each output is
    clipped, then a notebook still too large loses the outputs of its largest non-test cells."""

    max_chars = Integer(MAX_OUTPUT_CHARS, help="characters kept of one output").tag(config=True)
    max_notebook_chars = Integer(MAX_NOTEBOOK_CHARS, help="characters of all outputs together").tag(config=True)

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
                clip_output(output, self.max_chars)
        sizes = sorted(((len(json.dumps(c.get("outputs", []))), i) for i, c in enumerate(nb.cells)
                        if c.cell_type == "code" and not is_grade(c)), reverse=True)
        total = sum(len(json.dumps(c.get("outputs", []))) for c in nb.cells if c.cell_type == "code")
        for size, index in sizes:
            if total <= self.max_notebook_chars:
                break
            nb.cells[index].outputs = [nbformat.v4.new_output(
                "stream", name="stdout", text=f"({CLIPPED} 노트북 전체 크기 제한을 넘어 이 셀의 출력을 지웠습니다)\n")]
            total -= size
        return nb, resources


class DeduplicateIdsFixed(DeduplicateIds):
    """nbgrader's DeduplicateIds empties a duplicated cell's metadata (`{}`) instead of removing it,
    and CheckCellMetadata then rejects the whole notebook as 'schema too old': one copy-pasted test
    cell would cost a student everything. Here the duplicate becomes an ordinary cell; the first
    occurrence keeps the grade_id and OverwriteCells restores its source from the gradebook."""

    def preprocess_cell(self, cell, resources, cell_index):
        if not (is_grade(cell) or is_solution(cell) or is_locked(cell)):
            return cell, resources
        grade_id = cell.metadata.nbgrader["grade_id"]
        if grade_id in self.grade_ids:
            self.log.warning("Cell with id '%s' exists multiple times!", grade_id)
            del cell.metadata["nbgrader"]
        else:
            self.grade_ids.add(grade_id)
        return cell, resources




class PendingGrades(GetGrades):
    """nbgrader's GetGrades for feedback, also marking each grade still waiting for a grader.

    The gradebook stores such a grade as score 0, so nbgrader's feedback would tell a student
    "0.0 / 3.0" for a written answer nobody has read yet. Here the cell gets `pending: true` and
    the notebook `pending_points`; the course feedback template (grading/templates/feedback) then
    shows 채점 대기 for the cell and leaves its points out of the graded total."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        resources["nbgrader"]["pending_points"] = sum(
            float(c.metadata.nbgrader.get("points") or 0) for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("pending"))
        return nb, resources

    def _get_score(self, cell, resources):
        grade = self.gradebook.find_grade(cell.metadata["nbgrader"]["grade_id"], self.notebook_id,
                                          self.assignment_id, self.student_id)
        cell.metadata.nbgrader["score"] = grade.score
        cell.metadata.nbgrader["points"] = grade.max_score
        cell.metadata.nbgrader["pending"] = grade.auto_score is None and grade.manual_score is None
