"""nbgrader configuration for the course (instructors run nbgrader from this folder)."""
import os

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearOutput,
                                    IgnorePattern, LimitOutput, OverwriteCells, OverwriteKernelspec, SaveAutoGrades)

from grading.judge import JudgedExecute
from grading.nbgrader_ext import DeduplicateIdsFixed, LimitOutputBytes, ShortTestErrors

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "ml-course"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
# The embedded SQLite gradebook by default; any SQLAlchemy URL (PostgreSQL) via the environment.
c.CourseDirectory.db_url = os.environ.get(
    "NBGRADER_DB_URL", "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")
)
# Data files and the course helper are found through the clone, never copied per student.
# grading_record.json: make autograde's timing record beside an autograded notebook (grading.report),
# never copied into feedback nor taken from a submission.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "grading_record.json"]

# What students see in place of solutions (Korean, like every student-facing message).
# The code stub serves function bodies and quiz answers alike; mlcourse.check.call turns it into
# "✋ ... 아직 작성하지 않았습니다" in the check cell below it.
c.ClearSolutions.code_stub = {
    "python": '# 여기에 코드를 작성하세요\nraise NotImplementedError("이 줄을 지우고 여기에 답을 작성하세요.")'
}
c.ClearSolutions.text_stub = "✏️ 이 셀을 더블클릭해 편집하고, 이 문장을 지운 뒤 여기에 답을 작성하세요."

# nbgrader's default of 30 s per cell is too tight on a loaded 2-core grading machine; a cell
# that hangs is still stopped, and the kernel is interrupted rather than left running.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
# ... and a whole notebook (student's cells and the judge's) gets at most this long
c.JudgedExecute.submission_timeout = 600

# nbgrader's own autograde steps, with Execute replaced by the judge: test cells run in a second,
# fresh kernel that never runs student code, both kernels sandboxed (grading/judge.py).
c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIdsFixed, OverwriteKernelspec, OverwriteCells,
                                      CheckCellMetadata]
# LimitOutputBytes: a submission that prints megabytes is kept to the head of each output.
c.Autograde.autograde_preprocessors = [JudgedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       LimitOutputBytes, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]

# A passing test cell must never lose its points to library noise on stderr (nbgrader scores any
# stderr output as a failure). The setup cell silences warnings; this removes what slips through:
# Python warnings and the C++ log lines of TensorFlow/XLA/absl (I/W/E + 4 digits).
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = (
    r"(?m)(Warning: |warnings\.warn\(|^[IWE]\d{4} \d\d:\d\d|oneDNN custom operations"
    r"|cuda_(dnn|blas|fft)|TF-TRT|absl::InitializeLog)"
)



# Feedback for students: their code, output and scores, never the hidden tests' source. A grade
# still waiting for manual grading reads 채점 대기 (PendingGrades + the course's feedback template,
# found before nbgrader's own), never "0 / 3".
import grading  # noqa: E402
import nbgrader  # noqa: E402
from grading.nbgrader_ext import PendingGrades  # noqa: E402

c.GenerateFeedback.preprocessors = [PendingGrades, ClearHiddenTests, ShortTestErrors, CSSHTMLHeaderPreprocessor]
c.HTMLExporter.extra_template_basedirs = [
    os.path.join(os.path.dirname(grading.__file__), "templates"),
    os.path.join(os.path.dirname(nbgrader.__file__), "server_extensions", "formgrader", "templates"),
]
c.ClearHiddenTests.enforce_metadata = False
