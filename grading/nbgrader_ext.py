"""nbgrader extensions the course config (nbgrader_config.py) plugs in."""
from __future__ import annotations

import re

from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from nbgrader.utils import is_grade

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
