"""Run a grading kernel (the student's or the judge's) inside a bubblewrap sandbox.

grading.judge starts each kernel as `python -m grading.sandbox <options> -- <ipykernel command>`
(`kernel_command`). This module then, as root, sets resource limits and execs bwrap, which drops
to an unprivileged uid of its own. Inside the sandbox the kernel
- has no network (its own empty network namespace; the grader talks to it over unix sockets),
- sees only what a kernel needs, read-only: the system's /usr, /etc and libraries, the Python
  installation and virtual environment, the helper package and data/; not the course root, the
  gradebook, submissions, /work, /opt or /home. Its working directory is a private scratch
  directory, its environment only the variables set here (--clearenv),
- runs as a uid reserved for its role and worker, so RLIMIT_NPROC stops a fork bomb without
  touching other kernels; RLIMIT_AS, RLIMIT_CPU and RLIMIT_FSIZE bound memory, CPU time and file
  output. A cell that hangs is stopped by nbgrader's per-cell timeout.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

BASE_UID = 61000  # grading slot k: student kernel BASE_UID + 2k, its judge + 1 (no such users need to exist)
SLOTS = 4000
LEASES = Path("/run/lock/mlcourse-grading-uids") if Path("/run/lock").is_dir() else Path("/tmp/mlcourse-grading-uids")
_lease = None  # (open lock file, first uid) of this process


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 6144      # address space of one process; MemoryError beyond it (TensorFlow alone reserves ~2.9 GB)
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


SYSTEM_PATHS = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"]
# variables passed through from the grader: thread counts, the OpenBLAS core type that some
# processors need (see the course's environment notes), TensorFlow's numerics switches and the
# course seed (grading/tolerance.py varies them); nothing else of the grader's environment
PASSED_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
              "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "TF_ENABLE_ONEDNN_OPTS", "MLCOURSE_SEED",
              "LANG", "TZ")


def lease_uids() -> tuple[int, int]:
    """The (student, judge) uids of this grading process, leased machine-wide: two grading processes
    on one machine (two `make autograde` runs, the test suite beside a class) never share a uid, so
    neither reaps the other's kernels. The lease is an flock held until the process exits, however it
    exits; the same process always gets the same pair."""
    import fcntl

    global _lease
    if _lease is None:
        LEASES.mkdir(parents=True, exist_ok=True)
        for slot in range(SLOTS):
            handle = open(LEASES / f"slot{slot}", "a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            _lease = (handle, BASE_UID + 2 * slot)
            break
        else:
            raise RuntimeError(f"채점용 uid가 모두 사용 중입니다 ({SLOTS}개): 동시에 도는 채점 프로세스를 확인하세요")
    return _lease[1], _lease[1] + 1


def reap(uid: int, wait_s: float = 5.0) -> None:
    """Kill whatever still runs as a grading uid (a fork bomb's remnants, say) and wait until it is
    gone: RLIMIT_NPROC counts every process of the uid, so leftovers would starve the next kernel."""
    import signal
    import time

    deadline = time.monotonic() + wait_s
    while True:
        pids = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.stat(f"/proc/{entry}").st_uid == uid:
                        pids.append(int(entry))
                except OSError:
                    pass
        if not pids or time.monotonic() > deadline:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.05)


def kernel_command(kernel: list[str], *, uid: int, exposed: list[Path], env: dict[str, str], limits: Limits) -> list[str]:
    """The command line that runs `kernel` sandboxed (used as a kernelspec's argv)."""
    # the venv's python is a link into the base installation, which may sit in a hidden $HOME
    exposed = [*exposed, Path(sys.prefix), Path(sys.base_prefix)]
    options = ["--uid", str(uid), "--memory-mb", str(limits.memory_mb),
               "--cpu-seconds", str(limits.cpu_seconds), "--processes", str(limits.processes),
               "--file-mb", str(limits.file_mb)]
    for path in exposed:
        options += ["--expose", str(Path(path).resolve())]
    env = {"PATH": f"{sys.prefix}/bin:/usr/bin:/bin", **{k: os.environ[k] for k in PASSED_ENV if k in os.environ},
           **env}
    for key, value in env.items():
        options += ["--env", f"{key}={value}"]
    return [sys.executable, "-m", "grading.sandbox", *options, "--", *kernel]


def _traversable_parents(path) -> list[str]:
    """bwrap makes missing mount points 0700 root; the kernel's uid must be able to walk through."""
    options = []
    for parent in reversed(Path(path).parents[:-1]):  # outermost first, "/" excluded
        options += ["--perms", "0755", "--dir", str(parent)]
    return options


def bwrap_command(args, workdir: Path, runtime_dir: Path) -> list[str]:
    command = ["bwrap", "--die-with-parent", "--new-session", "--clearenv",
               "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    for path in SYSTEM_PATHS:
        if os.path.islink(path):
            command += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            command += ["--ro-bind", path, path]
    command += ["--dev", "/dev", "--proc", "/proc",
                "--perms", "1777", "--tmpfs", "/tmp", "--perms", "1777", "--tmpfs", "/var/tmp"]
    for path in args.expose:  # read-only: the Python installation, the venv, mlcourse/, data/
        if Path(path).exists():
            command += [*_traversable_parents(path), "--ro-bind", path, path]
    for path in (workdir, runtime_dir):
        command += [*_traversable_parents(path), "--bind", str(path), str(path)]
    command += ["--chdir", str(workdir), "--setenv", "HOME", "/tmp", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
                "--setenv", "PYTHONDONTWRITEBYTECODE", "1"]
    for item in args.env:
        key, _, value = item.partition("=")
        command += ["--setenv", key, value]
    command += ["/usr/bin/setpriv", f"--reuid={args.uid}", f"--regid={args.uid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    return command + args.kernel


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m grading.sandbox")
    parser.add_argument("--uid", type=int, required=True)
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--processes", type=int, required=True)
    parser.add_argument("--file-mb", type=int, required=True)
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
