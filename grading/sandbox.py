"""Run a student's Jupyter kernel inside a bubblewrap sandbox.

nbgrader starts kernels from a kernelspec; `install_kernelspec` writes one named `python3` (the
name every course notebook uses) whose command is `python -m grading.sandbox ... -- <ipykernel>`.
This module then, as root, sets resource limits and execs bwrap, which drops to an unprivileged
uid of its own. Inside the sandbox the kernel
- has no network (its own empty network namespace; nbgrader talks to it over unix sockets),
- sees the file system read-only, with the course root hidden except data/, the helper package
  and the virtual environment, and a writable working directory of its own,
- runs as a uid reserved for its worker, so RLIMIT_NPROC stops a fork bomb without touching the
  kernels of other workers; RLIMIT_AS, RLIMIT_CPU and RLIMIT_FSIZE bound memory, CPU time and
  file output. A cell that hangs is stopped by nbgrader's per-cell timeout.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

BASE_UID = 61000  # worker k runs kernels as uid BASE_UID + k (no such user needs to exist)


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 3072      # address space of one process; MemoryError beyond it
    cpu_seconds: int = 300     # CPU time of one process; SIGXCPU/SIGKILL beyond it
    processes: int = 256       # threads count too (ipykernel, BLAS); stops fork bombs
    file_mb: int = 64          # largest file the kernel may write


def available() -> str | None:
    """None when sandboxing works here, else the reason (shown with the --no-sandbox advice)."""
    if shutil.which("bwrap") is None:
        return "bubblewrap(bwrap)가 설치되어 있지 않습니다 (apt-get install bubblewrap)"
    if os.geteuid() != 0:
        return "샌드박스는 root로 실행해야 합니다 (커널마다 다른 비특권 uid로 전환하기 위해)"
    return None


def install_kernelspec(jupyter_dir: Path, *, worker: int, hidden: list[Path], exposed: list[Path],
                       env: dict[str, str], limits: Limits) -> Path:
    """Write jupyter_dir/kernels/python3/kernel.json; put jupyter_dir first on JUPYTER_PATH."""
    # the venv's python is a link into the base installation, which may sit in the hidden $HOME
    exposed = [*exposed, Path(sys.base_prefix)]
    options = ["--uid", str(BASE_UID + worker), "--memory-mb", str(limits.memory_mb),
               "--cpu-seconds", str(limits.cpu_seconds), "--processes", str(limits.processes),
               "--file-mb", str(limits.file_mb)]
    for path in hidden:
        options += ["--hide", str(path)]
    for path in exposed:
        options += ["--expose", str(path)]
    for key, value in env.items():
        options += ["--env", f"{key}={value}"]
    spec = {
        "argv": [sys.executable, "-m", "grading.sandbox", *options, "--",
                 # -P and ignore_cwd: a module shipped inside a submission folder (a fake
                 # `mlcourse/`, say) must not shadow the real one
                 sys.executable, "-P", "-m", "ipykernel_launcher", "--IPKernelApp.ignore_cwd=True",
                 "-f", "{connection_file}"],
        "display_name": "Python 3 (sandboxed grading)",
        "language": "python",
        "interrupt_mode": "message",  # bwrap does not forward SIGINT; ipykernel interrupts itself
    }
    folder = jupyter_dir / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def _traversable_parents(path) -> list[str]:
    """bwrap makes missing mount points 0700 root; the kernel's uid must be able to walk through."""
    options = []
    for parent in reversed(Path(path).parents[:-1]):  # outermost first, "/" excluded
        options += ["--perms", "0755", "--dir", str(parent)]
    return options


def bwrap_command(args, workdir: Path, runtime_dir: Path) -> list[str]:
    command = ["bwrap", "--die-with-parent", "--new-session",
               "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
               "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
               "--perms", "1777", "--tmpfs", "/tmp", "--perms", "1777", "--tmpfs", "/var/tmp"]
    home = Path.home()
    if home != Path("/"):
        command += ["--tmpfs", str(home)]
    for path in args.hide:  # the course root (gradebook, source/, submissions), a gradebook elsewhere
        if Path(path).is_dir():
            command += ["--tmpfs", path]
        elif Path(path).exists():
            command += ["--ro-bind", "/dev/null", path]
    for path in args.expose:  # re-shown read-only inside a hidden folder: data/, mlcourse/, .venv
        if Path(path).exists():
            command += [*_traversable_parents(path), "--ro-bind", path, path]
    for path in (workdir, runtime_dir):
        command += [*_traversable_parents(path), "--bind", str(path), str(path)]
    command += ["--chdir", str(workdir), "--setenv", "HOME", "/tmp", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
                # ipykernel would see pid 1 (the namespace's init) as its parent and quit; bwrap's
                # --die-with-parent already ends the kernel with the grader
                "--unsetenv", "JPY_PARENT_PID"]
    for item in args.env:
        key, _, value = item.partition("=")
        command += ["--setenv", key, value]
    command += ["setpriv", f"--reuid={args.uid}", f"--regid={args.uid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    return command + args.kernel


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m grading.sandbox")
    parser.add_argument("--uid", type=int, required=True)
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--processes", type=int, required=True)
    parser.add_argument("--file-mb", type=int, required=True)
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("--expose", action="append", default=[])
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("kernel", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.kernel[:1] == ["--"]:
        args.kernel = args.kernel[1:]
    connection_file = Path(args.kernel[args.kernel.index("-f") + 1])
    workdir, runtime_dir = Path.cwd(), connection_file.parent

    # The unprivileged kernel must read its connection file, create its sockets next to it and
    # write in its working directory; nothing else of the grader's is writable to it.
    os.chmod(connection_file, 0o644)
    os.chmod(runtime_dir, 0o1777)
    os.chown(workdir, args.uid, args.uid)
    for name in os.listdir(workdir):
        os.chown(workdir / name, args.uid, args.uid)

    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (args.memory_mb * mb, args.memory_mb * mb))
    resource.setrlimit(resource.RLIMIT_CPU, (args.cpu_seconds, args.cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_NPROC, (args.processes, args.processes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (args.file_mb * mb, args.file_mb * mb))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    command = bwrap_command(args, workdir, runtime_dir)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
