"""`make benchmark-grading`: one class graded three ways, side by side, on the same submissions.

1. sequential `nbgrader autograde` with the course's configuration (the judge, sandboxed),
2. the course command, parallel and sandboxed (grading.autograde),
3. the same command without the sandbox (to price the sandbox alone),
4. sequential stock nbgrader (its own Execute: one kernel, no judge, no sandbox), to price the judge,
5. the course command on a local Dask cluster (a scheduler and one single-threaded worker per core,
   separate processes on 127.0.0.1), to price shipping each submission to a worker and back.
Each run starts from a fresh copy of the course; the gradebooks must agree. From the cluster's
measured cost per submission, an estimate for a department: 1,000 students x 8 notebooks on 10
machines of 16 cores.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

from . import autograde
from .course import CourseCopy
from .dask_local import LocalDaskCluster
from .demo import demo_submissions

ASSIGNMENT = "01_missing_values"


def make_class(root: Path, size: int) -> CourseCopy:
    course = CourseCopy(root, only=[ASSIGNMENT])
    kinds = demo_submissions(course, ASSIGNMENT)
    for i in range(size):
        kind = list(kinds)[i % 3]
        course.submit(f"{kind}-{i:03d}", ASSIGNMENT, kinds[kind])
    return course


def stock_nbgrader(course: CourseCopy) -> CourseCopy:
    """The copy graded by nbgrader's own Execute step instead of the judge."""
    config = course.root / "nbgrader_config.py"
    text = config.read_text(encoding="utf-8").replace("[JudgedExecute,", "[Execute,")
    config.write_text("from nbgrader.preprocessors import Execute\n" + text, encoding="utf-8")
    return course


def department_estimate(core_seconds: float, students: int = 1000, notebooks: int = 8, machines: int = 10,
                        cores: int = 16) -> float:
    """Wall-clock hours for students x notebooks at `core_seconds` each, one worker per core."""
    return students * notebooks * core_seconds / (machines * cores) / 3600


def main(size: int = 42) -> int:
    workers = os.cpu_count() or 1
    print(f"{size} submissions of {ASSIGNMENT} (perfect/untouched/partial), {workers} CPU cores\n")
    times, tables = {}, {}
    with tempfile.TemporaryDirectory(prefix="benchmark-grading-") as tmp:
        dask = LocalDaskCluster(Path(tmp) / "dask", workers=workers, dashboard=False)
        runs = {
            "sequential nbgrader autograde": lambda c: c.autograde(ASSIGNMENT),
            f"parallel sandboxed ({workers} workers)": lambda c: autograde.run(c.root, [ASSIGNMENT], workers=workers, progress=False),
            f"parallel unsandboxed ({workers} workers)": lambda c: autograde.run(c.root, [ASSIGNMENT], workers=workers,
                                                                               use_sandbox=False, progress=False),
            "sequential stock nbgrader (no judge)": lambda c: stock_nbgrader(c).autograde(ASSIGNMENT),
            f"Dask cluster ({workers} single-threaded workers)": lambda c: autograde.run(
                c.root, [ASSIGNMENT], scheduler=dask.address, progress=False),
        }
        for index, (name, grade) in enumerate(runs.items()):
            course = make_class(Path(tmp) / f"run{index}", size)
            # the cluster runs for its own run only (started before the clock, as an instructor's waits)
            with dask if "Dask" in name else contextlib.nullcontext():
                start = time.perf_counter()
                grade(course)
                times[name] = time.perf_counter() - start
            tables[name] = {s: {n: c.score for n, c in cells.items()} for s, cells in course.scores(ASSIGNMENT).items()}
            print(f"  {name:<36} {times[name]:7.1f} s")
    sequential, sandboxed, unsandboxed, stock, cluster = times.values()
    print(f"\n  speed-up vs sequential: {sequential / sandboxed:.2f}x (goal >= 1.7x)")
    print(f"  sandbox overhead:       {100 * (sandboxed / unsandboxed - 1):+.1f} % (goal <= 10 %)")
    print(f"  judge cost, sequential: {sequential / stock:.2f}x stock nbgrader (two kernels per notebook)")
    print(f"  Dask cluster vs local process pool: {100 * (cluster / sandboxed - 1):+.1f} % (goal <= 10 %)")
    agree = len({repr(sorted(t.items())) for t in tables.values()}) == 1
    print(f"  the {len(tables)} gradebooks agree: {'yes' if agree else 'NO'}")
    cost = cluster * workers / size  # core-seconds per submission, canary included
    print(f"\n  measured on the cluster: {cost:.1f} core-seconds per {ASSIGNMENT} submission")
    print("  1,000 students x 8 notebooks on 10 machines x 16 cores (one single-threaded worker per core):")
    print(f"    every notebook costing what {ASSIGNMENT} costs: {department_estimate(cost) * 60:5.0f} min")
    keras = 60 * workers  # the 'about a minute per submission' on this machine's cores
    print(f"    four of the eight as Keras notebooks at ~1 min on {workers} cores: "
          f"{(department_estimate(cost, notebooks=4) + department_estimate(keras, notebooks=4)) * 60:5.0f} min")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 42))
