import pytest

from grading import quality
from grading.course import assignments


@pytest.fixture(scope="session")
def quality_runs():
    """assignment -> QualityRun: every grading case of every notebook, graded once by real nbgrader."""
    return {name: quality.run(name) for name in assignments()}
