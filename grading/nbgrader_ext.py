"""nbgrader extensions the course config (nbgrader_config.py) plugs in."""
from __future__ import annotations

import re

from traitlets import Integer
from nbgrader.preprocessors import DeduplicateIds, Execute, NbGraderPreprocessor
from nbgrader.utils import is_grade, is_locked, is_solution

GUARD_LINE = '__import__("mlcourse.guard", fromlist=["restore"]).restore(globals())'


class GuardedExecute(Execute):
    """nbgrader's Execute, running mlcourse.guard.restore before every test cell.

    The line is prepended only while the cell runs; the stored source stays the instructor's.
    """

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not is_grade(cell):
            return super().preprocess_cell(cell, resources, index)
        original = cell.source
        cell.source = f"{GUARD_LINE}\n{original}"
        try:
            return super().preprocess_cell(cell, resources, index)
        finally:
            cell.source = original


class ShortTestErrors(NbGraderPreprocessor):
    """In feedback, a failed test cell shows its Korean error message only: the traceback would
    quote the hidden test lines around the failing assertion, and 'expected ...' details would
    give away the hidden inputs' answers."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and is_grade(cell):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    message = re.split(r"[.:]?\s*(?:첫 위치|기대 )", str(output.evalue), maxsplit=1)[0]
                    output.evalue = message
                    output.traceback = [f"{output.ename}: {message}"]
        return cell, resources


class LimitOutputBytes(NbGraderPreprocessor):
    """nbgrader's LimitOutput caps lines; a few enormous lines would still bloat the autograded
    notebook, the gradebook's formgrader view and the feedback. Keep the head of each output."""

    max_chars = Integer(100_000, help="characters kept of one output").tag(config=True)

    def _clip(self, text: str) -> str:
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n… (출력이 너무 길어 {len(text):,}자 중 앞부분 {self.max_chars:,}자만 보관했습니다)\n"

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if "text" in output:
                output.text = self._clip(output.text)
            for mime in ("text/plain", "text/html"):
                if mime in output.get("data", {}):
                    output.data[mime] = self._clip(output.data[mime])
        return cell, resources


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


from nbgrader.preprocessors import GetGrades  # noqa: E402  (kept here: this part of the file is feedback's)


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
