"""Write environment.yml (conda) from pyproject.toml's `course` extra, the one list of pins.

    .venv/bin/python scripts/write_environment.py          # rewrite environment.yml
tests/test_environment.py fails when the committed file differs from what this renders.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "3.11"  # the version the pip path and CI use; Colab's 3.12 is checked by the setup cell


def pins() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["optional-dependencies"]["course"])


def render() -> str:
    lines = [
        "# Generated from pyproject.toml by scripts/write_environment.py; do not edit by hand.",
        "# conda env create -f environment.yml && conda activate ml-course",
        "# The packages come from PyPI through conda's pip, so conda and pip users get the same wheels.",
        "name: ml-course",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={PYTHON}",
        "  - pip",
        "  - pip:",
        *[f"      - {pin}" for pin in pins()],
        "      - -e .  # the course helper package (mlcourse)",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (ROOT / "environment.yml").write_text(render(), encoding="utf-8")
    print("environment.yml written:", len(pins()), "pins")
