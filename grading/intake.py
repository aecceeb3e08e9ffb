"""Taking a submission in: regular files only, copied into a fresh folder before nbgrader sees them.

nbgrader runs outside the sandbox with the grader's rights: whatever it reads or writes in a
student's folder it would follow through a symbolic link (another student's notebook, the
gradebook, any file it then makes world-readable) or block on (a FIFO). So `make autograde`
never lets nbgrader near the submitted folder: each expected notebook is checked with lstat,
opened without following links, size-limited, and copied as a plain file into a staging folder
that nbgrader grades instead. Everything else in the folder is left behind.
"""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024


class Rejected(Exception):
    """The submission cannot be taken in; the message is the reason shown in the score table."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "심볼릭 링크"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "장치 파일"
    if stat.S_ISSOCK(mode):
        return "소켓"
    return "일반 파일이 아닌 것"


def check_folder(path: Path) -> None:
    """A real directory, not a link to one."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise Rejected("제출 폴더가 없습니다") from None
    if not stat.S_ISDIR(mode):
        raise Rejected(f"제출 폴더가 {_kind(mode)}입니다 (채점하지 않습니다)")


def read_regular(path: Path, max_bytes: int = MAX_NOTEBOOK_BYTES) -> bytes:
    """The bytes of a regular file, never through a link, never blocking on a FIFO."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise Rejected(f"{path.name} 제출 없음") from None
    if not stat.S_ISREG(mode):
        raise Rejected(f"{path.name}이(가) {_kind(mode)}입니다 (일반 파일만 채점합니다)")
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise Rejected(f"{path.name}이(가) 일반 파일이 아닙니다")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Rejected(f"{path.name}이(가) 너무 큽니다 ({max_bytes // (1024 * 1024)} MB 초과)")
    return data


def stage(course_root: Path, assignment: str, student: str, notebooks: list[str], staging: Path,
          max_bytes: int = MAX_NOTEBOOK_BYTES) -> Path:
    """Copy the expected notebooks of one submission into staging/<student>/<assignment>/."""
    student_folder = course_root / "submitted" / student
    check_folder(student_folder)
    folder = student_folder / assignment
    check_folder(folder)
    target = staging / student / assignment
    shutil.rmtree(staging / student, ignore_errors=True)
    target.mkdir(parents=True)
    for name in notebooks:
        (target / name).write_bytes(read_regular(folder / name, max_bytes))
    timestamp = folder / "timestamp.txt"  # nbgrader's submission time, when the exchange wrote one
    if os.path.lexists(timestamp):
        try:
            (target / "timestamp.txt").write_bytes(read_regular(timestamp, 1024))
        except Rejected:
            pass
    return target
