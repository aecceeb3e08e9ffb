"""`make benchmark-grading`: one class graded three ways, side by side, on the same submissions.

1. plain sequential `nbgrader autograde` (what nbgrader does out of the box),
2. the course command, parallel and sandboxed (grading.autograde),
3. the same command without the sandbox (to price the sandbox alone).
Each run starts from a fresh copy of the course; the three gradebooks must agree.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from . import autograde
from .course import CourseCopy
from .demo import demo_submissions

ASSIGNMENT = "01_missing_values"


def make_class(root: Path, size: int) -> CourseCopy:
    course = CourseCopy(root, only=[ASSIGNMENT])
    kinds = demo_submissions(course, ASSIGNMENT)
    for i in range(size):
        kind = list(kinds)[i % 3]
        course.submit(f"{kind}-{i:03d}", ASSIGNMENT, kinds[kind])
    return course


def main(size: int = 42) -> int:
    workers = os.cpu_count() or 1
    print(f"{size} submissions of {ASSIGNMENT} (perfect/untouched/partial), {workers} CPU cores\n")
    times, tables = {}, {}
    with tempfile.TemporaryDirectory(prefix="benchmark-grading-") as tmp:
        runs = {
            "sequential nbgrader autograde": lambda c: c.autograde(ASSIGNMENT),
            f"parallel sandboxed ({workers} workers)": lambda c: autograde.run(c.root, [ASSIGNMENT], workers=workers, progress=False),
            f"parallel unsandboxed ({workers} workers)": lambda c: autograde.run(c.root, [ASSIGNMENT], workers=workers,
                                                                               use_sandbox=False, progress=False),
        }
        for index, (name, grade) in enumerate(runs.items()):
            course = make_class(Path(tmp) / f"run{index}", size)
            start = time.perf_counter()
            grade(course)
            times[name] = time.perf_counter() - start
            tables[name] = {s: {n: c.score for n, c in cells.items()} for s, cells in course.scores(ASSIGNMENT).items()}
            print(f"  {name:<36} {times[name]:7.1f} s")
    sequential, sandboxed, unsandboxed = times.values()
    print(f"\n  speed-up vs sequential: {sequential / sandboxed:.2f}x (goal >= 1.7x)")
    print(f"  sandbox overhead:       {100 * (sandboxed / unsandboxed - 1):+.1f} % (goal <= 10 %)")
    agree = len({repr(sorted(t.items())) for t in tables.values()}) == 1
    print(f"  the three gradebooks agree: {'yes' if agree else 'NO'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 42))
