"""Per-assignment grading cases: plausible wrong answers (mutants) and correct alternatives.

Each assignment module defines MUTANTS and ALTERNATIVES: solution cell grade_id -> [Variant].
A Variant's code replaces that whole solution cell in the release notebook.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    name: str     # short id, used in student ids and reports
    mistake: str  # the student's reasoning this models (for mutants) or how it differs
    code: str


MODULES = {"01_missing_values": "nb01_missing_values", "03_outliers": "nb03_outliers", "08_drift": "nb08_drift"}


def load(assignment: str):
    return importlib.import_module(f"{__name__}.{MODULES[assignment]}")
