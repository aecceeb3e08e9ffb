"""The student set-up (README quick start, conda and pip paths) turns off nbgrader's instructor tools
and keeps Validate. tests/test_browser.py checks the result in JupyterLab itself."""
import importlib
import re
import sys
from pathlib import Path

import pytest

from grading.course import REPO
from mlcourse import lab

README = (REPO / "README.md").read_text(encoding="utf-8")
STUDENT_SECTION = README.split("## 학생: 시작하기")[1].split("\n## ")[0]


def test_the_readme_quick_start_gives_the_student_set_up_on_every_path():
    assert "make student" in STUDENT_SECTION  # pip, with make
    assert "python -m mlcourse.lab student" in STUDENT_SECTION  # pip without make, and conda
    conda = STUDENT_SECTION.split("conda를 쓰면")[1]
    assert conda.index("conda activate ml-course") < conda.index("python -m mlcourse.lab student") < conda.index("jupyter lab")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^student: .*\n\t\$\(BIN\)/python -m mlcourse\.lab student$", makefile, re.M)
    assert re.search(r"^instructor: .*\n\t\$\(BIN\)/python -m mlcourse\.lab instructor$", makefile, re.M)


def test_student_commands_disable_the_instructor_tools_at_the_environment_level_and_keep_validate():
    lab_command, server_command = lab.commands("student")
    assert lab_command[:3] == [sys.executable, "-m", "jupyterlab.labextensions"] and "disable" in lab_command
    assert "sys_prefix" in lab_command and "--sys-prefix" in server_command and "disable" in server_command
    disabled = " ".join(lab_command + server_command)
    assert "validate" not in disabled
    for tool in ("formgrader", "create-assignment", "course-list", "assignment-list", "menu", "course_list",
                 "assignment_list"):
        assert tool in disabled
    assert all("enable" in c for c in lab.commands("instructor"))
    with pytest.raises(ValueError):
        lab.commands("teacher")


def test_the_names_match_what_nbgrader_installs():
    """A renamed plugin or extension in a newer nbgrader would silently stay enabled."""
    bundle = Path(sys.prefix, "share", "jupyter", "labextensions", "@jupyter", "nbgrader", "static")
    code = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in bundle.glob("*.js"))
    for plugin in lab.INSTRUCTOR_LAB_PLUGINS:
        assert f'"{plugin}"' in code, plugin
    for module in lab.INSTRUCTOR_SERVER_EXTENSIONS:
        assert hasattr(importlib.import_module(module), "_load_jupyter_server_extension"), module
