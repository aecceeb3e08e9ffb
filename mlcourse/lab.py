"""Which nbgrader tools JupyterLab shows: a student gets Validate only, an instructor everything.

    python -m mlcourse.lab student      # the student set-up (make student; conda: after activating)
    python -m mlcourse.lab instructor   # back to nbgrader's default (make instructor)

nbgrader installs its lab plugins and server extensions enabled; a student would see Formgrader and
Create Assignment in an Nbgrader menu, and an Assignment List that fails without an exchange
directory. The switch is written at the environment level (`--sys-prefix`: the pip .venv or the
conda environment), so every JupyterLab started from that environment follows it. The Validate
button (toolbar) and `nbgrader validate` stay for students.
"""
from __future__ import annotations

import subprocess
import sys

# the lab plugins of @jupyter/nbgrader that only instructors use (the menu holds nothing else)
INSTRUCTOR_LAB_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:assignment-list",
    "@jupyter/nbgrader:menu",
)
INSTRUCTOR_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.assignment_list",
)
ROLES = ("student", "instructor")


def commands(role: str) -> list[list[str]]:
    """`jupyter labextension` and `jupyter server extension` for `role`, at the environment level.

    (Run as this environment's python modules: `jupyter server` would run whichever jupyter-server
    comes first on PATH. The user level cannot work: `jupyter server extension disable --user`
    only toggles extensions listed in the user's own config, and nbgrader lists them per environment.)"""
    if role not in ROLES:
        raise ValueError(f"role은 {' 또는 '.join(ROLES)}여야 합니다: {role!r}")
    action = "disable" if role == "student" else "enable"
    return [
        [sys.executable, "-m", "jupyterlab.labextensions", action, "--level", "sys_prefix", *INSTRUCTOR_LAB_PLUGINS],
        [sys.executable, "-m", "jupyter_server", "extension", action, "--sys-prefix", *INSTRUCTOR_SERVER_EXTENSIONS],
    ]


def enabled_instructor_tools() -> list[str]:
    """The instructor-only plugins and server extensions this environment's JupyterLab would load."""
    from jupyter_core.paths import jupyter_config_path, jupyter_path
    from jupyter_server.extension.config import ExtensionConfigManager
    from jupyterlab_server.config import get_page_config

    disabled = get_page_config(jupyter_path("labextensions")).get("disabledExtensions", {})
    if isinstance(disabled, list):  # older page_config format
        disabled = dict.fromkeys(disabled, True)
    server = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
    return ([p for p in INSTRUCTOR_LAB_PLUGINS if not disabled.get(p)]
            + [e for e in INSTRUCTOR_SERVER_EXTENSIONS if server.get(e)])


def configure(role: str) -> None:
    for command in commands(role):
        proc = subprocess.run(command, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(command[1:])} 실패:\n{proc.stdout}{proc.stderr}")
    # `jupyter server extension` exits 0 even when it changed nothing: check what JupyterLab will load
    enabled = enabled_instructor_tools()
    wrong = enabled if role == "student" else sorted(set(INSTRUCTOR_LAB_PLUGINS + INSTRUCTOR_SERVER_EXTENSIONS)
                                                     - set(enabled))
    if wrong:
        raise RuntimeError(f"{role} 설정이 적용되지 않았습니다 (더 높은 우선순위의 설정 파일이 덮어쓰는지 "
                           f"`jupyter server extension list`, `jupyter labextension list`로 확인하세요): {wrong}")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ROLES:
        print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
        return 2
    configure(argv[0])
    if argv[0] == "student":
        print("✅ 학생용 JupyterLab: nbgrader 강사 도구(Formgrader, Create Assignment, Assignment/Course List)를 껐습니다. "
              "Validate 버튼은 그대로 있습니다.")
    else:
        print("✅ 강사용 JupyterLab: nbgrader의 모든 도구(Formgrader, Create Assignment, ...)를 켰습니다.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
