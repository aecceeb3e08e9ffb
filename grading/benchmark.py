"""`make benchmark`: each notebook's run time, autograding cost and visible-check latency, on 2 cores.

Budgets are printed beside the figures; this is a measurement, not a test. A notebook's own
budgets are in its metadata, set by the issue that adds the notebook: `course.budget_seconds` (run
top to bottom) and, where that issue is stricter than the judge's 1.5x, `course.autograde_ratio`.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat

from . import submissions
from .course import BIN, CourseCopy, assignments, nbgrader_env, read_notebook, source_notebook

AUTOGRADE_RATIO_BUDGET = 1.5  # two kernels since the judge (student's + judge's): the integrity issue's budget
VISIBLE_CHECK_BUDGET_S = 1.0
CORES = 2
REPEATS = 2  # the minimum of a few runs is the least noisy estimate of a wall time


def pin_to_cores(n: int = CORES) -> list[int]:
    """Measure as on the course's 2-core machines, also on a bigger workstation (children inherit)."""
    cores = sorted(os.sched_getaffinity(0))[:n]
    os.sched_setaffinity(0, cores)
    return cores


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=nbgrader_env(), check=True, capture_output=True)
    return time.perf_counter() - start


def cell_seconds(cell) -> float | None:
    timing = cell.get("metadata", {}).get("execution", {})
    try:
        start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
    except KeyError:
        return None
    return (end - start).total_seconds()


def measure(assignment: str, workdir: Path) -> dict:
    course = CourseCopy(workdir / assignment, only=[assignment])
    release_nb = read_notebook(course.generate(assignment))
    source_nb = source_notebook(assignment)
    student_nb = submissions.fill(release_nb, submissions.reference_answers(source_nb))
    course.submit("reference", assignment, student_nb)
    plain_path = course.root / "plain" / assignment / f"{assignment}.ipynb"  # same depth as a submission
    plain_path.parent.mkdir(parents=True)
    nbformat.write(student_nb, plain_path)

    executed = plain_path.with_name("executed.ipynb")
    plain = min(timed([str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", plain_path.name,
                       "--output", executed.name], plain_path.parent) for _ in range(REPEATS))
    autograde = min(timed([str(BIN / "nbgrader"), "autograde", assignment, "--student=reference", "--force"],
                          course.root) for _ in range(REPEATS))
    executed_nb = read_notebook(executed)
    checks = {c.metadata["nbgrader"]["grade_id"]: cell_seconds(c) for c in executed_nb.cells
              if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")}
    return {
        "budget": source_nb.metadata.get("course", {}).get("budget_seconds"),
        "ratio_budget": source_nb.metadata.get("course", {}).get("autograde_ratio", AUTOGRADE_RATIO_BUDGET),
        "plain": plain,
        "autograde": autograde,
        "checks": checks,
    }


def main() -> int:
    cores = pin_to_cores()
    print(f"Benchmark on CPU cores {cores} (min of {REPEATS} runs each)\n")
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        for assignment in sys.argv[1:] or assignments():
            m = measure(assignment, Path(tmp))
            budget = m["budget"]
            ratio = m["autograde"] / m["plain"]
            slowest = max(m["checks"].items(), key=lambda kv: kv[1] or 0)
            verdict = lambda ok: "ok" if ok else "OVER BUDGET"  # noqa: E731
            print(f"{assignment}")
            print(f"  run top to bottom (jupyter nbconvert --execute): {m['plain']:6.1f} s"
                  f"   budget {budget} s: {verdict(budget is None or m['plain'] <= budget)}")
            print(f"  nbgrader autograde, one submission:               {m['autograde']:6.1f} s"
                  f"   = {ratio:.2f}x plain, budget {m['ratio_budget']}x: {verdict(ratio <= m['ratio_budget'])}")
            print(f"  visible checks: median {statistics.median(v for v in m['checks'].values() if v is not None):.3f} s,"
                  f" slowest {slowest[0]} {slowest[1]:.3f} s   budget {VISIBLE_CHECK_BUDGET_S} s:"
                  f" {verdict(slowest[1] <= VISIBLE_CHECK_BUDGET_S)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
