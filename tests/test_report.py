"""The class report (grading.report) on a generated class, graded once by the class command.

The class: the demo's three students, four adversarial submissions (one of which cannot be graded),
and pairs built for the similarity detector: a student's own correct solutions (the cases module's
alternatives), an exact copy of them, a copy with renamed variables and new formatting, a copy with
independent lines reordered, and a second independent correct solution written differently. The
page is then opened in Debian's Chromium (Playwright); its screenshot goes to build/report/.
"""
from __future__ import annotations

import ast
import io
import itertools
import os
import re
import shutil
import subprocess
import sys
import tokenize
from collections import Counter

import nbformat
import pytest

from grading import adversarial, autograde, cases, demo, report, sandbox, submissions
from grading.course import REPO, CourseCopy, gradebook_scores, read_notebook, source_notebook

A = "01_missing_values"
SHOTS = REPO / "build" / "report"
ATTACKS = ("patch_np_allclose", "rebind_check_helpers", "os_exit", "invalid_json")
ORIGINAL, COPIES = "own-alt", ("copy-exact", "copy-renamed", "copy-reordered")
INDEPENDENT = ("perfect", ORIGINAL, "own-second")  # correct, and written independently of each other

# a second student's own correct solutions, written differently from the reference and the alternatives
SECOND = {
    "ex1_missing_summary": '''
def missing_summary(df):
    n = df.isnull().sum().astype("int64")
    result = n.to_frame("n_missing")
    result["pct_missing"] = 100.0 * n / df.shape[0]
    return result.sort_values(by="n_missing", ascending=False, kind="stable")''',
    "ex2_complete_case": '''
def complete_case(df, subset):
    without_gaps = df.loc[df[subset].notnull().all(axis="columns")]
    return without_gaps.drop_duplicates()''',
    "ex3_impute_simple": '''
def impute_simple(train, test, columns, strategy):
    if strategy == "mean":
        fill_values = {c: train[c].mean() for c in columns}
    elif strategy == "median":
        fill_values = {c: train[c].median() for c in columns}
    else:
        raise ValueError("strategy는 mean 또는 median이어야 합니다")
    return train.fillna(fill_values), test.fillna(fill_values)''',
    "ex4_impute_with_model": '''
from sklearn.linear_model import LinearRegression

def impute_with_model(train, test, target, features):
    rows = ~train[target].isnull()
    reg = LinearRegression()
    reg.fit(train[features][rows], train[target][rows])

    def fill(part):
        part = part.copy()
        holes = part[target].isnull()
        if holes.sum() > 0:
            part.loc[holes, target] = reg.predict(part.loc[holes, features])
        return part

    return fill(train), fill(test)''',
    "ex5_interpolate_series": '''
def interpolate_series(s):
    out = s.interpolate(method="time", limit_direction="both")
    return out''',
    "ex6_variance_ratio": '''
def variance_ratio(original, imputed):
    before = np.nanvar(original.to_numpy(dtype=float), ddof=1)
    after = np.nanvar(imputed.to_numpy(dtype=float), ddof=1)
    return float(after / before)''',
    "q1_answer": "q1_answer = int('2')",
    "q2_answer": "q2_answer = 2  # 둘 다",
    "q3_answer": "q3_answer = 4 - 2",
    "q4_answer": "q4_answer = 3",
}
RENAMES = {"rows": "records", "row": "r", "column": "col", "n": "count_", "kept": "filtered", "imputer": "imp",
           "outputs": "results", "frame": "part", "known": "observed_mask", "X": "design", "coef": "weights",
           "out": "res", "missing": "gap_mask", "Xf": "design_new", "values": "vals", "t": "stamps", "seen": "mask",
           "sample_var": "svar", "mean": "avg"}


# ------------------------------------------------------------------------- how copies are disguised
def renamed(code: str) -> str:
    """Local names replaced (never an attribute), 2-space indents, single quotes, comments added."""
    tokens, previous = [], None
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.NAME and tok.string in RENAMES and previous != ".":
            tok = tok._replace(string=RENAMES[tok.string])
        tokens.append(tok)
        previous = tok.string
    text = tokenize.untokenize((t.type, t.string) for t in tokens)
    lines = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        indent = (len(line) - len(body)) // 4 * 2
        if body.startswith("def "):
            lines += ["", " " * indent + "# 내가 짠 함수"]
        if '"' in body and "'" not in body:
            body = body.replace('"', "'")
        lines.append(" " * indent + body.replace(", ", ","))
    return "\n".join(lines)


def reordered(code: str) -> str:
    """Adjacent one-line assignments that do not read each other's names swap places."""
    lines = code.split("\n")

    def assignment(line):
        try:
            node = ast.parse(line.strip()).body
        except SyntaxError:
            return None
        if len(node) != 1 or not isinstance(node[0], ast.Assign):
            return None
        written = {n.id for t in node[0].targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        read = {n.id for n in ast.walk(node[0].value) if isinstance(n, ast.Name)}
        return written, read

    i = 0
    while i < len(lines) - 1:
        a, b = assignment(lines[i]), assignment(lines[i + 1])
        indent = lambda s: len(s) - len(s.lstrip())  # noqa: E731
        if a and b and indent(lines[i]) == indent(lines[i + 1]) and not a[0] & b[1] and not b[0] & a[1] \
                and not a[0] & b[0]:
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            i += 2
        else:
            i += 1
    return "\n".join(lines)


def test_disguises_change_the_text():
    code = cases.load(A).ALTERNATIVES["ex4_impute_with_model"][0].code
    assert renamed(code) != code and "design" in renamed(code) and "X =" not in renamed(code)
    assert reordered(code) != code and sorted(reordered(code).split("\n")) == sorted(code.split("\n"))


# ------------------------------------------------------------------------- the class, graded once
@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("report-class")
    course = CourseCopy(root / "course", only=[A])
    students = demo.demo_submissions(course, A)
    release = read_notebook(course.release_notebook(A))
    reference = submissions.reference_answers(source_notebook(A))
    own = {exercise: variants[0].code.strip("\n") for exercise, variants in cases.load(A).ALTERNATIVES.items()}
    students[ORIGINAL] = submissions.fill(release, {**reference, **own})
    students["copy-exact"] = submissions.fill(release, {**reference, **own})
    students["copy-renamed"] = submissions.fill(release, {**reference, **{k: renamed(v) for k, v in own.items()}})
    students["copy-reordered"] = submissions.fill(release, {**reference, **{k: reordered(v) for k, v in own.items()}})
    students["own-second"] = submissions.fill(release, {**reference, **{k: v.strip("\n") for k, v in SECOND.items()}})
    for student, notebook in students.items():
        course.submit(student, A, notebook)
    for attack in [a for a in adversarial.attacks(port=9) if a.name in ATTACKS]:
        folder = course.root / "submitted" / f"attack-{attack.name}" / A
        if attack.raw is not None:
            folder.mkdir(parents=True)
            (folder / attack.filename).write_text(attack.raw, encoding="utf-8")
        else:
            course.submit(f"attack-{attack.name}", A, submissions.fill(release, {**reference, **attack.answers}))
    outcomes = autograde.run(course.root, [A], workers=2, use_sandbox=sandbox.available() is None, timeout=60,
                             progress=False, check_canary=False, submission_timeout=300, db_url=course.db_url)
    made = report.write(course.root, A, course.db_url, out=root / "reports")
    pairs = {frozenset((p.a, p.b)): p for p in made.pairs}
    print("\n" + report.summary(made))
    print("detector scores on the test pairs:")
    for a, b in itertools.combinations((*INDEPENDENT, *COPIES), 2):
        p = pairs[frozenset((a, b))]
        print(f"  {a:<15} {b:<15} {p.score:6.2f}  ({p.share_a:.2f}/{p.share_b:.2f}, {p.overlap} chars)"
              f"{'  flagged' if p.flagged else ''}")
    return course, outcomes, made, pairs


def score(course, student):
    return sum(c.score or 0 for c in gradebook_scores(course.db_url, A)[student].values())


def test_the_detector_pairs_were_graded_as_written(graded):
    course, outcomes, made, _ = graded
    full = score(course, "perfect")
    assert {o.student for o in outcomes if not o.graded} == {"attack-invalid_json"}
    for student in (*INDEPENDENT, *COPIES):  # all correct: disguises kept the copies working
        assert score(course, student) == full, student


def test_copies_rank_above_every_independent_pair(graded):
    _, _, _, pairs = graded
    copy_pairs = [pairs[frozenset(p)] for p in itertools.combinations((ORIGINAL, *COPIES), 2)]
    independent = [pairs[frozenset(p)] for p in itertools.combinations(INDEPENDENT, 2)]
    independent += [pairs[frozenset((c, other))] for c in COPIES for other in INDEPENDENT if other != ORIGINAL]
    assert min(p.score for p in copy_pairs) > max(p.score for p in independent)
    assert all(p.flagged for p in copy_pairs)
    assert not [p for p in independent if p.flagged]
    # the page's own ranking puts every copy pair above them too
    ranked = [frozenset((p.a, p.b)) for p in graded[2].pairs]
    worst_copy = max(ranked.index(frozenset((p.a, p.b))) for p in copy_pairs)
    best_independent = min(ranked.index(frozenset((p.a, p.b))) for p in independent)
    assert worst_copy < best_independent


def test_failure_reasons_equal_those_of_the_autograded_notebooks(graded):
    course, outcomes, made, _ = graded
    ungraded = {o.student for o in outcomes if not o.graded}
    expected = Counter()
    for student, cells in gradebook_scores(course.db_url, A).items():
        path = course.autograded_notebook(student, A)
        notebook = nbformat.read(path, as_version=4) if student not in ungraded else None
        for cell_id, cell in cells.items():
            if cell.score is None or cell.score >= cell.max_score:
                continue
            if notebook is None:
                expected[(cell_id, "ungraded")] += 1
                continue
            graded_cell = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == cell_id)
            if graded_cell.cell_type == "markdown":  # a written answer left as the stub: nbgrader's own 0
                expected[(cell_id, "written")] += 1
                continue
            error = next(o for o in graded_cell.outputs if o.output_type == "error")
            expected[(cell_id, report.reason_key(error.ename, error.evalue))] += 1
    got = Counter()
    for exercise in made.exercises:
        for reason in exercise.reasons:
            key = "ungraded" if reason.key.startswith("채점하지 못한 제출물") else reason.key
            key = "written" if reason.key.startswith("서술형 답을 쓰지 않음") else key
            got[(exercise.cell, key)] += reason.count
    assert got == expected
    assert expected  # the class does lose points
    # the reasons as students saw them, with the values stripped
    by_cell = {e.cell: e for e in made.exercises}
    keys = {r.key for r in by_cell["ex1_missing_summary_test"].reasons}
    assert any(k.startswith("✋") and "아직 작성하지 않았습니다" in k for k in keys), keys   # untouched
    assert "❌ 반환값['pct_missing']의 값이 다릅니다 (N곳)" in keys, keys                   # partial's mutant
    assert not [k for k in keys if re.search(r"기대 |실제 |\d곳", k)], keys
    # ordered by the points they cost the class
    lost = [e.lost for e in made.exercises]
    assert lost == sorted(lost, reverse=True)


def test_overview_and_pending_manual_grading_match_the_gradebook(graded):
    course, _, made, _ = graded
    scores = gradebook_scores(course.db_url, A)
    assert len(made.data.submissions) == len(scores)
    assert sorted(made.totals) == sorted(sum(c.score or 0 for c in cells.values()) for cells in scores.values())
    written = next(e for e in made.exercises if e.cell == "written_compare_methods")
    assert written.pending == sum(1 for cells in scores.values() if cells["written_compare_methods"].score is None) > 0


def test_timing_comes_from_the_autograde_records(graded):
    _, outcomes, made, _ = graded
    for outcome in outcomes:
        seconds, source = made.times[outcome.student]
        if outcome.graded:
            assert source == "record" and seconds == pytest.approx(outcome.seconds, abs=0.01)
    assert made.cells and all(c.mean >= 0 and c.max >= c.mean for c in made.cells)
    assert any(c.judged for c in made.cells)


def test_integrity_lists_the_attacks_and_no_honest_student(graded):
    _, _, made, _ = graded
    flagged = {f.student for f in made.findings}
    assert {"attack-patch_np_allclose", "attack-rebind_check_helpers", "attack-os_exit"} <= flagged
    assert not flagged & {*INDEPENDENT, *COPIES, "partial", "untouched"}


def test_page_is_one_self_contained_file(graded):
    _, _, made, _ = graded
    page = made.path.read_text(encoding="utf-8")
    assert made.path.name == f"{A}.html" and "<title>01_missing_values 반 보고서</title>" in page
    sources = re.findall(r'<img[^>]*src="([^"]+)"', page)
    assert len(sources) >= 4 and all(s.startswith("data:image/png;base64,") for s in sources)
    assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://github.com/blingenf/copydetect"', ""))
    assert "살펴볼 이유이지 판정이 아닙니다" in page


def test_plots_use_a_hangul_font_where_one_is_installed(graded):
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    _, _, made, _ = graded
    if made.font is None:  # the plots then use English labels (mlcourse.notebook.plot_text)
        pytest.skip("no Hangul font here (make venv installs fonts-nanum as root)")
    path = font_manager.findfont(font_manager.FontProperties(family=made.font), fallback_to_default=False)
    assert FT2Font(path).get_char_index(ord("한")) != 0


def test_command_line_prints_the_path_and_a_summary(graded, tmp_path):
    course, _, _, _ = graded
    proc = subprocess.run([sys.executable, "-m", "grading.report", A, "--course", str(course.root),
                           "--db", course.db_url, "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"보고서: {tmp_path / (A + '.html')}" in proc.stdout and "유사도 검토 대상" in proc.stdout
    assert (tmp_path / f"{A}.html").is_file()


def test_reason_keys_strip_the_concrete_values():
    key = report.reason_key
    assert key("CheckFailed", "❌ 반환값의 값이 다릅니다 (3곳). 첫 위치 502: 기대 3.5, 실제 2") == "❌ 반환값의 값이 다릅니다 (N곳)"
    assert key("CheckFailed", "❌ train_filled의 shape가 다릅니다: 기대 (4, 2), 실제 (3, 2)") == "❌ train_filled의 shape가 다릅니다"
    assert key("AssertionError", "❌ q1: 정답이 아닙니다.") == "❌ q1: 정답이 아닙니다."
    assert key("KeyError", "'age'") == key("KeyError", "'salary'") == "KeyError: '…'"
    assert key("ZeroDivisionError", "division by zero") == "ZeroDivisionError: division by zero"


# ------------------------------------------------------------------------- in a real browser
CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "")
                 if p and os.access(p, os.X_OK)), None)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make venv installs it as root)")
def test_page_renders_in_chromium(graded):
    from playwright.sync_api import sync_playwright

    _, _, made, _ = graded
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
        page.goto(made.path.as_uri())
        page.wait_for_load_state("load")
        title = page.title()
        sections = page.locator("section h2").all_inner_texts()
        images = page.locator("img").evaluate_all("els => els.map(e => [e.complete, e.naturalWidth])")
        pairs_shown = page.locator(".pair").count()
        note = page.locator(".note").inner_text()
        page.screenshot(path=SHOTS / f"{A}-report.png", full_page=True)
        page.locator("#similarity").scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / f"{A}-report-similarity.png")
        browser.close()
    assert title == f"{A} 반 보고서"
    assert [s.split(".")[0] for s in sections] == ["1", "2", "3", "4"] and "무결성" in sections[3], sections
    assert len(images) >= 4 and all(done and width > 0 for done, width in images), images
    assert pairs_shown == len(made.flagged) >= 6
    assert "판정이 아닙니다" in note
    assert problems == []
