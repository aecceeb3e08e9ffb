"""Per-assignment grading cases: plausible wrong answers (mutants) and correct alternatives.

Each assignment module defines MUTANTS and ALTERNATIVES: solution cell grade_id -> [Variant].
A Variant's code replaces that whole solution cell in the release notebook. DEPENDS (optional):
grade_id -> [grade_ids of the exercises whose functions it is specified to call].
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    name: str     # short id, used in student ids and reports
    mistake: str  # the student's reasoning this models (for mutants) or how it differs
    code: str


MODULES = {"01_missing_values": "nb01_missing_values", "02_smote": "nb02_smote", "03_outliers": "nb03_outliers",
           "05_lime_shap": "nb05_lime_shap", "07_xgboost_grid_search": "nb07_xgboost_grid_search",
           "08_drift": "nb08_drift", "10_cnn_autoencoder": "nb10_cnn_autoencoder"}


def load(assignment: str):
    return importlib.import_module(f"{__name__}.{MODULES[assignment]}")


def dependents(assignment: str, exercise: str) -> set[str]:
    """Solution cells whose exercise calls `exercise`, directly or through another one (the
    module's DEPENDS): a mutant of `exercise` may cost them their points too, an alternative not."""
    depends = getattr(load(assignment), "DEPENDS", {})
    found, frontier = set(), {exercise}
    while frontier:
        frontier = {user for user, uses in depends.items() if set(uses) & frontier} - found
        found |= frontier
    return found
