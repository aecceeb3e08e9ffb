"""A throw-away copy of the course on which real nbgrader commands run.

Used by `make demo`, `make grading-report`, `make benchmark` and tests/: every grade reported
comes from `nbgrader generate_assignment` + `nbgrader autograde` and the SQLite gradebook they
write, never from executing notebooks some other way.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the course virtual environment


def assignments() -> list[str]:
    return sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir() and p.name[:2].isdigit())


def nbgrader_env() -> dict:
    env = dict(os.environ)
    # nbgrader shells out to `alembic`, which lives next to the venv's python
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


class NbgraderError(RuntimeError):
    pass


@dataclass
class CellScore:
    score: float | None  # None: waiting for manual grading
    max_score: float


class CourseCopy:
    """source/, data/ and nbgrader_config.py of `origin` (this repository) copied under `root`,
    with its own gradebook."""

    def __init__(self, root: Path, only: list[str] | None = None, origin: Path = REPO, env: dict | None = None,
                 db_url: str | None = None):
        self.root = Path(root)
        self._db_url = db_url  # another gradebook than the copy's own SQLite file (PostgreSQL)
        self.env = dict(env or {})  # set for every nbgrader command (and so for its kernels)
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.copy2(origin / "nbgrader_config.py", self.root / "nbgrader_config.py")
        shutil.copytree(origin / "data", self.root / "data", dirs_exist_ok=True)
        for name in only or assignments():
            shutil.copytree(origin / "source" / name, self.root / "source" / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))

    @property
    def db_url(self) -> str:
        return self._db_url or "sqlite:///" + str(self.root / "gradebook.db")

    def nbgrader(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        env = nbgrader_env() | self.env
        env["NBGRADER_DB_URL"] = self.db_url  # the copy's own gradebook, never the instructor's
        proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=self.root, env=env,
                              capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise NbgraderError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        return proc

    def generate(self, assignment: str) -> Path:
        self.nbgrader("generate_assignment", assignment, "--force")
        return self.release_notebook(assignment)

    def release_notebook(self, assignment: str) -> Path:
        return self.root / "release" / assignment / f"{assignment}.ipynb"

    def submit(self, student: str, assignment: str, notebook, raw: str | None = None) -> Path:
        """Place a notebook (or raw JSON text, to keep Colab's exact format) as a submission."""
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{assignment}.ipynb"
        if raw is not None:
            path.write_text(raw, encoding="utf-8")
        else:
            nbformat.write(notebook, path)
        return path

    def autograde(self, assignment: str, student: str | None = None) -> subprocess.CompletedProcess:
        args = ["autograde", assignment, "--force"]
        if student:
            args.append(f"--student={student}")
        return self.nbgrader(*args)

    def generate_feedback(self, assignment: str) -> subprocess.CompletedProcess:
        return self.nbgrader("generate_feedback", assignment, "--force")

    def autograded_notebook(self, student: str, assignment: str) -> Path:
        return self.root / "autograded" / student / assignment / f"{assignment}.ipynb"

    def scores(self, assignment: str) -> dict[str, dict[str, CellScore]]:
        return gradebook_scores(self.db_url, assignment)


def gradebook_scores(db_url: str, assignment: str) -> dict[str, dict[str, CellScore]]:
    """student -> grade cell id -> score, read from the gradebook nbgrader wrote."""
    from nbgrader.api import Gradebook, MissingEntry

    out: dict[str, dict[str, CellScore]] = {}
    with Gradebook(db_url) as gradebook:
        for student in gradebook.students:
            try:
                notebook = gradebook.find_submission_notebook(assignment, assignment, student.id)
            except MissingEntry:
                continue
            out[student.id] = {
                grade.name: CellScore(
                    None if grade.auto_score is None and grade.manual_score is None else grade.score,
                    grade.max_score,
                )
                for grade in notebook.grades
            }
    return out


def read_notebook(path: Path):
    return nbformat.read(str(path), as_version=nbformat.NO_CONVERT)


def source_notebook(assignment: str):
    """The instructor's notebook of an assignment (solutions and hidden tests)."""
    return read_notebook(REPO / "source" / assignment / f"{assignment}.ipynb")
