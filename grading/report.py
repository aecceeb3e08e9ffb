"""The class report: what the class got wrong, and which submissions look copied.

    make report ASSIGNMENT=01_missing_values
    python -m grading.report 01_missing_values [--db URL] [--out DIR] [--course ROOT]

After grading (make autograde, or plain nbgrader autograde), one self-contained HTML page per
assignment is written to the course's reports/ folder (not committed): plots embedded as PNG,
no external file or network, Korean text. It reads the gradebook (SQLite or any SQLAlchemy URL,
through nbgrader's Gradebook API) and the autograded notebooks only; it never runs student code.

1. Overview: submissions, mean/median total, a histogram of totals, manual grading still pending.
2. Per exercise: pass rate, mean points and the most frequent failure reasons as students saw
   them (the Korean check messages of the test cells' error outputs, grouped with the concrete
   values stripped, counted, with one anonymised example), ordered by the points they cost.
3. Timing: grading seconds per submission (make autograde's grading_record.json; without one, the
   span of the notebook's own cell timestamps) and the slowest cells (nbclient's per-cell records).
4. Integrity: the tamper scan (grading.tamper) of every autograded notebook, and the pairs of
   submissions whose solution cells are unusually alike, by copydetect (MOSS-style winnowing over
   tokens, identifiers normalised), with the release notebook's code as boilerplate to ignore.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import html
import io
import itertools
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import tamper
from .autograde import RECORD, gradebook_url
from .course import REPO

# similarity: a pair is flagged when either side has at least FLAG_SIMILARITY of its fingerprinted
# code in common with the other and the common code is at least MIN_OVERLAP filtered characters long
# (so two students who both wrote the one-line textbook answer are not flagged for it)
FLAG_SIMILARITY = 0.5
MIN_OVERLAP = 100
NOISE_K = 25         # copydetect's defaults: k-grams of 25 filtered characters ...
WINDOW = 1           # ... every one kept (guarantee threshold = noise threshold)
SHOWN_PAIRS = 30     # flagged pairs shown side by side
CHECK_ERRORS = ("CheckFailed", "NotAttempted", "AssertionError")
CUT_VALUES = re.compile(r"[.:,]?\s*(?:첫 위치|기대 |기대:|실제 |실제:).*", re.S)
NUMBER = re.compile(r"(?<![A-Za-z_\d.])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![A-Za-z_\d])")  # not in ex1, q2
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


# ----------------------------------------------------------------------------------- data
@dataclass
class Grade:
    cell: str
    score: float | None   # None: waiting for manual grading
    max_score: float
    cell_type: str        # "code": autograded test cell, "markdown": written answer
    manual_score: float | None = None


@dataclass
class Submission:
    student: str
    grades: dict[str, Grade]
    notebook: object = None       # the autograded notebook (None: there is none)
    record: dict | None = None    # make autograde's grading_record.json

    @property
    def total(self) -> float:
        return sum(g.score for g in self.grades.values() if g.score is not None)

    @property
    def pending(self) -> list[str]:
        return [g.cell for g in self.grades.values() if g.score is None]

    @property
    def graded(self) -> bool:
        """The notebook ran (False: recorded 0 on every cell without running, by make autograde)."""
        if self.record is not None:
            return bool(self.record.get("graded"))
        return self.notebook is not None


@dataclass
class ClassData:
    assignment: str
    course_root: Path
    db_url: str
    submissions: list[Submission]
    cells: list[str]              # grade cells in notebook order
    max_scores: dict[str, float]
    cell_types: dict[str, str]
    release: object = None        # the release notebook (boilerplate for the similarity)

    @property
    def max_total(self) -> float:
        return sum(self.max_scores.values())


def read_class(course_root: Path, assignment: str, db_url: str | None = None) -> ClassData:
    """The gradebook's grades of every submission of `assignment`, with its autograded notebook."""
    from nbgrader.api import Gradebook, MissingEntry

    course_root = Path(course_root).resolve()
    db_url = gradebook_url(course_root, db_url)
    subs = []
    with Gradebook(db_url) as gradebook:
        try:
            found = gradebook.find_assignment(assignment)
        except MissingEntry:
            raise SystemExit(f"성적부에 과제 {assignment}이(가) 없습니다 ({db_url}). 먼저 채점하세요.") from None
        names = [nb.name for nb in found.notebooks]
        for submitted in found.submissions:
            grades = {}
            for notebook in submitted.notebooks:
                for grade in notebook.grades:
                    pending = grade.auto_score is None and grade.manual_score is None
                    grades[grade.name] = Grade(grade.name, None if pending else float(grade.score),
                                               float(grade.max_score), grade.cell_type, grade.manual_score)
            subs.append(Submission(submitted.student_id, grades))
    release = _read(course_root / "release" / assignment / f"{names[0]}.ipynb") if names else None
    for sub in subs:
        folder = course_root / "autograded" / sub.student / assignment
        sub.notebook = _read(folder / f"{names[0]}.ipynb") if names else None
        record = folder / RECORD
        if record.is_file() and not record.is_symlink():
            try:
                sub.record = json.loads(record.read_text(encoding="utf-8"))
            except ValueError:
                sub.record = None
    all_cells = {name for sub in subs for name in sub.grades}
    order = [_grade_id(c) for c in (release or _first_notebook(subs) or nbformat.v4.new_notebook()).cells]
    cells = [c for c in order if c in all_cells] + sorted(all_cells - set(order))
    max_scores, cell_types = {}, {}
    for sub in subs:
        for name, grade in sub.grades.items():
            max_scores.setdefault(name, grade.max_score)
            cell_types.setdefault(name, grade.cell_type)
    subs.sort(key=lambda s: s.student)
    return ClassData(assignment, course_root, db_url, subs, cells, max_scores, cell_types, release)


def _read(path: Path):
    if not path.is_file() or path.is_symlink():
        return None
    try:
        return nbformat.read(str(path), as_version=4)
    except Exception:  # nbformat raises several types for a broken file
        return None


def _first_notebook(subs):
    return next((s.notebook for s in subs if s.notebook is not None), None)


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _cell(notebook, grade_id: str):
    if notebook is None:
        return None
    return next((c for c in notebook.cells if _grade_id(c) == grade_id), None)


def solution_cell_of(test_cell: str) -> str:
    """The course's naming rule: the test cell of solution cell X is X_test."""
    return test_cell[:-5] if test_cell.endswith("_test") else test_cell


# ----------------------------------------------------------------------------------- failure reasons
def reason_key(ename: str, evalue: str) -> str:
    """A failure message as students saw it, with the concrete values stripped: what the check
    expected/found, positions, numbers; student code errors by exception type and message shape."""
    text = " ".join(str(evalue).split())
    if ename in CHECK_ERRORS or text.startswith(("❌", "✋")):
        text = CUT_VALUES.sub("", text)
        text = NUMBER.sub("N", text)
        return text[:200] or ename
    text = NUMBER.sub("N", QUOTED.sub("'…'", text))
    return f"{ename}: {text}"[:200] if text else ename


def cell_failure(sub: Submission, grade: Grade) -> tuple[str, str]:
    """(grouping key, the concrete message) of a test cell that lost points."""
    if not sub.graded:
        reason = (sub.record or {}).get("reason") or "autograded 노트북 없음"
        return f"채점하지 못한 제출물: {NUMBER.sub('N', reason)}"[:200], f"채점하지 못한 제출물: {reason}"
    cell = _cell(sub.notebook, grade.cell)
    if cell is None:
        return "autograded 노트북에 이 셀이 없음", "autograded 노트북에 이 셀이 없습니다"
    if grade.cell_type != "code":  # a written answer: nbgrader gives an unchanged stub 0 by itself
        if grade.manual_score is None:
            return "서술형 답을 쓰지 않음 (배포본 그대로라 nbgrader가 0점)", cell.source.strip()[:400]
        return "수동 채점에서 감점", cell.source.strip()[:400]
    outputs = cell.get("outputs", [])
    error = next((o for o in outputs if o.get("output_type") == "error"), None)
    if error is not None:
        evalue = " ".join(str(error.get("evalue", "")).split())
        return reason_key(error.get("ename", "?"), evalue), f"{error.get('ename', '?')}: {evalue}"[:400]
    if any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in outputs):
        text = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
        return "stderr 출력(경고 등)으로 0점", text.strip()[:400]
    return "오류 출력 없이 점수를 잃음 (수동 채점 또는 다시 채점 필요)", "(출력 없음)"


@dataclass
class Reason:
    key: str
    count: int
    example: str        # one concrete message, no student named
    example_code: str   # that submission's solution cell


@dataclass
class Exercise:
    cell: str
    cell_type: str
    max_score: float
    graded: int          # submissions with a score (not pending)
    passed: int          # ... with full marks
    pending: int
    mean: float | None
    lost: float          # points the class lost on it
    reasons: list[Reason] = field(default_factory=list)

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.graded if self.graded else None


def exercises(data: ClassData) -> list[Exercise]:
    """Per grade cell, ordered by the points they cost the class (most first)."""
    out = []
    for name in data.cells:
        scores = [s.grades[name].score for s in data.submissions if name in s.grades]
        graded = [x for x in scores if x is not None]
        full = data.max_scores[name]
        row = Exercise(name, data.cell_types[name], full, len(graded), sum(1 for x in graded if x >= full),
                       len(scores) - len(graded), statistics.fmean(graded) if graded else None,
                       sum(full - x for x in graded))
        groups: dict[str, list] = defaultdict(list)
        for sub in data.submissions:
            grade = sub.grades.get(name)
            if grade is None or grade.score is None or grade.score >= grade.max_score:
                continue
            key, message = cell_failure(sub, grade)
            groups[key].append((sub, message))
        for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            sub, message = members[0]
            code = _cell(sub.notebook, solution_cell_of(name)) if row.cell_type == "code" else None
            row.reasons.append(Reason(key, len(members), message, code.source if code is not None else ""))
        out.append(row)
    return sorted(out, key=lambda e: (-e.lost, data.cells.index(e.cell)))


# ----------------------------------------------------------------------------------- timing
def _stamp(text) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def cell_span(cell) -> tuple[dt.datetime, dt.datetime] | None:
    """When a cell started and finished, from nbclient's record in its metadata."""
    execution = cell.get("metadata", {}).get("execution", {})
    start = _stamp(execution.get("iopub.status.busy") or execution.get("iopub.execute_input"))
    end = _stamp(execution.get("iopub.status.idle") or execution.get("shell.execute_reply"))
    return (start, end) if start and end and end >= start else None


def submission_seconds(sub: Submission) -> tuple[float | None, str]:
    """(seconds, source): make autograde's record, else the span of the notebook's cell timestamps."""
    if sub.record is not None and isinstance(sub.record.get("seconds"), (int, float)):
        return float(sub.record["seconds"]), "record"
    spans = [s for s in (cell_span(c) for c in (sub.notebook.cells if sub.notebook else [])) if s]
    if not spans:
        return None, "none"
    return (max(e for _, e in spans) - min(s for s, _ in spans)).total_seconds(), "cells"


@dataclass
class CellTime:
    label: str
    judged: bool          # a test cell (run by the judge)
    mean: float
    max: float
    slowest: str          # student of the max
    count: int


def slowest_cells(data: ClassData, top: int = 10) -> list[CellTime]:
    times: dict[str, list] = defaultdict(list)
    labels: dict[str, tuple[str, bool]] = {}
    for sub in data.submissions:
        if sub.notebook is None or not sub.graded:
            continue
        for index, cell in enumerate(sub.notebook.cells):
            span = cell_span(cell) if cell.cell_type == "code" else None
            if span is None:
                continue
            grade_id = _grade_id(cell)
            meta = cell.metadata.get("nbgrader", {})
            if grade_id:
                key, label = grade_id, grade_id
            else:  # an ungraded cell: the same source in many submissions is the same cell
                key = hashlib.sha1(cell.source.encode("utf-8")).hexdigest()[:12]
                first = next((ln.strip() for ln in cell.source.splitlines()
                              if ln.strip() and not ln.strip().startswith("#")), cell.source.strip()[:60])
                label = f"셀 {index}: {first[:60]}"
            labels.setdefault(key, (label, bool(meta.get("grade")) and not meta.get("solution")))
            times[key].append(((span[1] - span[0]).total_seconds(), sub.student))
    rows = []
    for key, values in times.items():
        seconds = [v for v, _ in values]
        worst = max(values)
        rows.append(CellTime(labels[key][0], labels[key][1], statistics.fmean(seconds), worst[0], worst[1], len(values)))
    return sorted(rows, key=lambda r: -r.mean)[:top]


# ----------------------------------------------------------------------------------- integrity
def tamper_findings(data: ClassData) -> list[tamper.Finding]:
    """grading.tamper's static scan, over the autograded notebooks (student code is never run)."""
    findings = []
    for sub in data.submissions:
        path = data.course_root / "autograded" / sub.student / data.assignment / f"{data.assignment}.ipynb"
        if sub.notebook is not None:
            found = tamper.scan_notebook(path, sub.student, data.assignment)
            findings += found
    return findings


def solution_text(notebook) -> str:
    """The solution cells of a notebook, in order, each under a comment naming it."""
    parts = []
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            parts.append(f"# ── {meta.get('grade_id', '?')} ──\n{cell.source.strip()}\n")
    return "\n".join(parts)


def boilerplate_text(release) -> str:
    """What every student was given: the stubs of the solution cells and every other code cell."""
    if release is None:
        return ""
    given = [c.source for c in release.cells if c.cell_type == "code"]
    return solution_text(release) + "\n\n" + "\n\n".join(given)


@dataclass
class Pair:
    a: str
    b: str
    score: float        # the larger of the two sides' shares
    share_a: float      # share of a's fingerprinted solution code found in b
    share_b: float
    overlap: int        # filtered characters in common
    flagged: bool
    code_a: str = ""    # highlighted HTML
    code_b: str = ""


def similarity(data: ClassData) -> tuple[list[Pair], list[str]]:
    """Every pair of submissions with an autograded notebook, most alike first; and the students
    left out (no notebook)."""
    import numpy as np
    from copydetect import CodeFingerprint, compare_files
    from copydetect.utils import highlight_overlap

    def fingerprint(text: str, boilerplate=None):
        return CodeFingerprint("solution.py", NOISE_K, WINDOW, boilerplate=boilerplate, fp=io.StringIO(text))

    boiler = boilerplate_text(data.release)
    hashes = np.array(sorted(fingerprint(boiler).hashes)) if boiler.strip() else None
    docs = {s.student: fingerprint(solution_text(s.notebook), hashes)
            for s in data.submissions if s.notebook is not None}
    skipped = [s.student for s in data.submissions if s.notebook is None]
    pairs = []
    for a, b in itertools.combinations(sorted(docs), 2):
        overlap, (share_a, share_b), slices = compare_files(docs[a], docs[b])
        share_a, share_b = float(share_a), float(share_b)
        score = max(share_a, share_b)
        pair = Pair(a, b, score, share_a, share_b, int(overlap), score >= FLAG_SIMILARITY and overlap >= MIN_OVERLAP)
        if overlap:
            pair._slices = slices  # kept for highlighting the pairs shown
        pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, -p.overlap, p.a, p.b))
    for pair in [p for p in pairs if p.flagged][:SHOWN_PAIRS]:
        slices = pair.__dict__.pop("_slices")
        for side, doc, cut in (("code_a", docs[pair.a], slices[0]), ("code_b", docs[pair.b], slices[1])):
            marked, _ = highlight_overlap(doc.raw_code, cut, "<mark>", "</mark>", escape_html=True)
            setattr(pair, side, marked)
    for pair in pairs:
        pair.__dict__.pop("_slices", None)
    return pairs, skipped


# ----------------------------------------------------------------------------------- the page
@dataclass
class Report:
    data: ClassData
    exercises: list[Exercise]
    times: dict[str, tuple[float | None, str]]
    cells: list[CellTime]
    findings: list[tamper.Finding]
    pairs: list[Pair]
    skipped: list[str]
    font: str | None
    path: Path | None = None

    @property
    def totals(self) -> list[float]:
        return [s.total for s in self.data.submissions]

    @property
    def flagged(self) -> list[Pair]:
        return [p for p in self.pairs if p.flagged]


def build(course_root: Path, assignment: str, db_url: str | None = None) -> Report:
    from mlcourse.notebook import use_hangul_font

    data = read_class(course_root, assignment, db_url)
    font = use_hangul_font()
    pairs, skipped = similarity(data)
    return Report(data, exercises(data), {s.student: submission_seconds(s) for s in data.submissions},
                  slowest_cells(data), tamper_findings(data), pairs, skipped, font)


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(width=6.4, height=3.0):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height))


def plots(report: Report) -> dict[str, str]:
    from mlcourse.notebook import plot_text as t

    out = {}
    data = report.data
    fig, ax = _figure()
    top = data.max_total or 1
    ax.hist(report.totals, bins=min(20, max(5, len(report.totals))), range=(0, top), color="#4c72b0", edgecolor="white")
    ax.set_xlabel(t(f"총점 (만점 {top:g}점, 수동 채점 대기 제외)", f"total (of {top:g}, pending excluded)"))
    ax.set_ylabel(t("제출물 수", "submissions"))
    ax.set_title(t("총점 분포", "Totals"))
    out["totals"] = _png(fig)

    rows = [e for e in report.exercises if e.pass_rate is not None][::-1]
    fig, ax = _figure(6.4, 0.35 * len(rows) + 1.2)
    ax.barh([e.cell for e in rows], [100 * e.pass_rate for e in rows], color="#55a868")
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("만점 비율 (%)", "full marks (%)"))
    ax.set_title(t("연습 문제별 통과율 (아래로 갈수록 많은 점수를 잃음)", "Pass rate per exercise"))
    out["pass_rates"] = _png(fig)

    seconds = [s for s, _ in report.times.values() if s is not None]
    if seconds:
        fig, ax = _figure()
        ax.hist(seconds, bins=min(20, max(5, len(seconds))), color="#8172b2", edgecolor="white")
        ax.set_xlabel(t("제출물 하나의 채점 시간 (초)", "grading time per submission (s)"))
        ax.set_ylabel(t("제출물 수", "submissions"))
        ax.set_title(t("채점 시간 분포", "Grading time"))
        out["times"] = _png(fig)

    if report.pairs:
        fig, ax = _figure()
        ax.hist([100 * p.score for p in report.pairs], bins=20, range=(0, 100), color="#c44e52", edgecolor="white")
        ax.axvline(100 * FLAG_SIMILARITY, color="black", linestyle="--")
        ax.set_yscale("log")
        ax.set_ylim(bottom=0.5)  # a bar of one pair stays visible
        ax.set_xlabel(t("유사도 (%): 한쪽 풀이 코드 중 다른 쪽과 겹치는 비율", "similarity (%)"))
        ax.set_ylabel(t("제출물 쌍 수 (로그)", "pairs (log)"))
        ax.set_title(t(f"모든 쌍의 유사도 (점선: 표시 기준 {100 * FLAG_SIMILARITY:g}%)", "Similarity of all pairs"))
        out["similarity"] = _png(fig)
    return out


CSS = """
body { font-family: "NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo",
       sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; line-height: 1.5; }
h1 { border-bottom: 2px solid #333; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #aaa; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } td, th { border: 1px solid #ccc; padding: .25rem .5rem;
  vertical-align: top; } th { background: #f2f2f2; white-space: nowrap; } td.n { text-align: right; white-space: nowrap; }
table.reasons { width: 100%; } table.reasons td:first-child { width: 35%; } table.reasons pre { white-space: pre-wrap; }
pre { background: #f7f7f7; padding: .5rem; overflow-x: auto; font-size: 12px; margin: 0;
  font-family: "D2Coding", "NanumGothicCoding", "DejaVu Sans Mono", monospace; }
mark { background: #ffd27f; } .note { background: #fff6d6; border-left: 4px solid #e0a800; padding: .5rem 1rem; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; } .pair { margin-bottom: 2rem; }
details summary { cursor: pointer; color: #225; } img { max-width: 100%; }
.muted { color: #666; font-size: 90%; }
"""


def _e(text) -> str:
    return html.escape(str(text))


def _pct(value) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _num(value) -> str:
    return "-" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def render(report: Report) -> str:
    data, images = report.data, plots(report)
    a = _e(data.assignment)
    totals = report.totals
    pending_subs = [s for s in data.submissions if s.pending]
    pending_cells = Counter(c for s in data.submissions for c in s.pending)
    ungraded = [s for s in data.submissions if not s.graded]
    parts = [f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{a} 반 보고서</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>
<h1>{a} 반 보고서</h1>
<p class="muted">만든 시각 {_e(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))} · 성적부 {_e(_safe_url(data.db_url))} ·
채점된 노트북(autograded/)과 성적부만 읽었고 학생 코드는 실행하지 않았습니다.</p>
<nav><a href="#overview">1. 개요</a> · <a href="#exercises">2. 연습 문제별 결과</a> · <a href="#timing">3. 채점 시간</a>
 · <a href="#integrity">4. 무결성 (변조 의심, 유사도)</a></nav>"""]

    # 1. overview
    parts.append(f"""<section id="overview"><h2>1. 개요</h2><table>
<tr><th>성적부의 제출물</th><td class="n">{len(data.submissions)}</td></tr>
<tr><th>채점하지 못한 제출물 (모든 셀 0점)</th><td class="n">{len(ungraded)}</td></tr>
<tr><th>평균 총점</th><td class="n">{_num(statistics.fmean(totals)) if totals else '-'} / {data.max_total:g}</td></tr>
<tr><th>중앙값 총점</th><td class="n">{_num(statistics.median(totals)) if totals else '-'} / {data.max_total:g}</td></tr>
<tr><th>수동 채점 대기</th><td class="n">제출물 {len(pending_subs)}개, 문항 {sum(pending_cells.values())}개</td></tr>
</table>""")
    if pending_cells:
        parts.append("<p>수동 채점 대기 문항: " + ", ".join(f"<code>{_e(c)}</code> {n}개" for c, n in pending_cells.items())
                     + " (formgrader에서 채점한 뒤 보고서를 다시 만드세요).</p>")
    if ungraded:
        parts.append("<p>채점하지 못한 제출물: " + ", ".join(
            f"<code>{_e(s.student)}</code> ({_e((s.record or {}).get('reason') or 'autograded 노트북 없음')})" for s in ungraded) + "</p>")
    parts.append(f'<img alt="총점 분포" src="{images["totals"]}"></section>')

    # 2. exercises
    parts.append("""<section id="exercises"><h2>2. 연습 문제별 결과</h2>
<p>반 전체가 잃은 점수가 많은 순서입니다. 실패 이유는 학생이 본 확인 셀 메시지를 구체적인 값(기대값, 실제값, 위치, 숫자)을
지우고 묶은 것이며, 예시는 학생 이름 없이 그 메시지 하나와 그 학생의 풀이 셀입니다.</p>""")
    parts.append(f'<img alt="통과율" src="{images["pass_rates"]}">')
    parts.append("<table><tr><th>셀</th><th>종류</th><th>배점</th><th>채점됨</th><th>만점 비율</th><th>평균 점수</th>"
                 "<th>잃은 점수 합</th><th>수동 채점 대기</th></tr>")
    for e in report.exercises:
        kind = "자동 채점" if e.cell_type == "code" else "서술형(수동)"
        parts.append(f"<tr><td><a href='#ex-{_e(e.cell)}'><code>{_e(e.cell)}</code></a></td><td>{kind}</td>"
                     f"<td class='n'>{e.max_score:g}</td><td class='n'>{e.graded}</td><td class='n'>{_pct(e.pass_rate)}</td>"
                     f"<td class='n'>{_num(e.mean)}</td><td class='n'>{_num(e.lost)}</td><td class='n'>{e.pending}</td></tr>")
    parts.append("</table>")
    for e in report.exercises:
        if not e.reasons:
            continue
        parts.append(f"<h3 id='ex-{_e(e.cell)}'><code>{_e(e.cell)}</code>: 잃은 점수 {_num(e.lost)}, "
                     f"만점 비율 {_pct(e.pass_rate)}</h3><table class='reasons'><tr><th>실패 이유 (값 제거)</th><th>학생 수</th><th>예시 (익명)</th></tr>")
        for r in e.reasons[:8]:
            code = (f"<details><summary>그 학생의 풀이 셀</summary><pre>{_e(r.example_code)}</pre></details>"
                    if r.example_code.strip() else "")
            parts.append(f"<tr><td>{_e(r.key)}</td><td class='n'>{r.count}</td><td><pre>{_e(r.example)}</pre>{code}</td></tr>")
        rest = e.reasons[8:]
        if rest:
            parts.append(f"<tr><td>그 밖의 이유 {len(rest)}가지</td><td class='n'>{sum(r.count for r in rest)}</td><td></td></tr>")
        parts.append("</table>")
    parts.append("</section>")

    # 3. timing
    known = {k: v for k, v in report.times.items() if v[0] is not None}
    sources = Counter(src for _, src in known.values())
    parts.append("<section id='timing'><h2>3. 채점 시간</h2>")
    parts.append(f"<p>제출물 {len(known)}개의 채점 시간: <code>make autograde</code>의 기록(grading_record.json, 커널 시작과 "
                 f"제출물 받기 포함) {sources['record']}개, 기록이 없어 노트북 셀 시각의 처음~끝으로 잰 것 {sources['cells']}개.</p>")
    if known:
        seconds = [v for v, _ in known.values()]
        parts.append(f"<p>평균 {statistics.fmean(seconds):.1f}초, 중앙값 {statistics.median(seconds):.1f}초, "
                     f"최대 {max(seconds):.1f}초, 합 {sum(seconds):.0f}초.</p>")
        parts.append(f'<img alt="채점 시간 분포" src="{images["times"]}">')
        slow = sorted(known.items(), key=lambda kv: -kv[1][0])[:5]
        parts.append("<table><tr><th>가장 느린 제출물</th><th>초</th><th>출처</th></tr>" + "".join(
            f"<tr><td><code>{_e(s)}</code></td><td class='n'>{v:.1f}</td><td>{'기록' if src == 'record' else '셀 시각'}</td></tr>"
            for s, (v, src) in slow) + "</table>")
    if report.cells:
        parts.append("<h3>가장 느린 셀 (평균)</h3><table><tr><th>셀</th><th>실행</th><th>평균 초</th><th>최대 초</th>"
                     "<th>최대인 제출물</th><th>제출물 수</th></tr>" + "".join(
                         f"<tr><td><code>{_e(c.label)}</code></td><td>{'판정 커널' if c.judged else '학생 커널'}</td>"
                         f"<td class='n'>{c.mean:.2f}</td><td class='n'>{c.max:.2f}</td><td><code>{_e(c.slowest)}</code></td>"
                         f"<td class='n'>{c.count}</td></tr>" for c in report.cells) + "</table>")
    parts.append("</section>")

    # 4. integrity
    parts.append("<section id='integrity'><h2>4. 무결성</h2><h3 id='tamper'>변조 의심 코드</h3>")
    parts.append("<p>학생이 고칠 수 있는 셀(풀이 셀, 추가한 셀)에서 시험이 쓰는 이름을 다시 정의하거나 채점 장치에 손대는 코드를 "
                 "정적으로 찾은 목록입니다(grading.tamper). 판정 커널이 이미 무력화하므로 <b>검토용 단서이며 판정이 아닙니다</b>.</p>")
    if report.findings:
        students = sorted({f.student for f in report.findings})
        parts.append(f"<p>{len(students)}명, {len(report.findings)}건.</p><table><tr><th>학생</th><th>셀</th><th>행</th><th>내용</th></tr>")
        parts += [f"<tr><td><code>{_e(f.student)}</code></td><td><code>{_e(f.cell)}</code></td><td class='n'>{f.line}</td>"
                  f"<td>{_e(f.what)}</td></tr>" for f in report.findings[:300]]
        parts.append("</table>" + (f"<p>… 그 밖 {len(report.findings) - 300}건</p>" if len(report.findings) > 300 else ""))
    else:
        parts.append("<p>의심스러운 코드가 없습니다.</p>")
    flagged = report.flagged
    parts.append(f"""<h3 id='similarity'>풀이 코드 유사도</h3>
<div class="note"><b>유사도는 살펴볼 이유이지 판정이 아닙니다.</b> 짧은 연습 문제는 정답의 모양이 비슷할 수밖에 없고, 같은 교재
예제에서 출발한 풀이도 닮습니다. 아래 코드를 나란히 읽고 사람이 판단하세요.</div>
<p>풀이 셀만 비교합니다. 도구: <a href="https://github.com/blingenf/copydetect">copydetect</a> (MOSS와 같은 winnowing: 코드를 토큰으로
바꾸고 변수·함수 이름은 같은 기호로, 공백과 주석은 지운 뒤 {NOISE_K}자 k-gram 지문을 비교하므로 이름을 바꾸거나 줄 바꿈·들여쓰기를
고쳐도 같은 코드로 봅니다). 배포 노트북(release)의 코드와 풀이 셀의 스텁은 모두가 받은 코드라서 지문에서 뺍니다.
유사도는 한쪽 풀이 지문 중 다른 쪽과 겹치는 비율이며, 두 방향 중 큰 값이 {100 * FLAG_SIMILARITY:g}% 이상이고 겹친 코드가
{MIN_OVERLAP}자(토큰화 뒤) 이상인 쌍을 표시합니다. 비교한 제출물 {len(report.pairs and {p.a for p in report.pairs} | {p.b for p in report.pairs})}개,
쌍 {len(report.pairs)}개, 표시된 쌍 <b>{len(flagged)}</b>개.</p>""")
    if report.skipped:
        parts.append("<p class='muted'>채점된 노트북이 없어 비교하지 않은 제출물: "
                     + ", ".join(f"<code>{_e(s)}</code>" for s in report.skipped) + "</p>")
    if "similarity" in images:
        parts.append(f'<img alt="유사도 분포" src="{images["similarity"]}">')
    parts.append("<table><tr><th>순위</th><th>제출물 A</th><th>제출물 B</th><th>유사도</th><th>A 중 겹침</th><th>B 중 겹침</th>"
                 "<th>겹친 코드(자)</th><th>표시</th></tr>")
    for rank, p in enumerate(report.pairs[:max(15, len(flagged))], 1):
        parts.append(f"<tr><td class='n'>{rank}</td><td><code>{_e(p.a)}</code></td><td><code>{_e(p.b)}</code></td>"
                     f"<td class='n'>{_pct(p.score)}</td><td class='n'>{_pct(p.share_a)}</td><td class='n'>{_pct(p.share_b)}</td>"
                     f"<td class='n'>{p.overlap}</td><td>{'<a href=#pair-%d>검토</a>' % rank if p.flagged else ''}</td></tr>")
    parts.append("</table>")
    for rank, p in enumerate(report.pairs, 1):
        if not p.flagged or not p.code_a:
            continue
        parts.append(f"""<div class="pair" id="pair-{rank}"><h4>{rank}. <code>{_e(p.a)}</code> ↔ <code>{_e(p.b)}</code>:
유사도 {_pct(p.score)} (A {_pct(p.share_a)}, B {_pct(p.share_b)})</h4><p class="muted">색칠한 부분이 두 풀이에서 겹친 코드입니다.</p>
<div class="side"><div><b>{_e(p.a)}</b><pre>{p.code_a}</pre></div><div><b>{_e(p.b)}</b><pre>{p.code_b}</pre></div></div></div>""")
    parts.append("</section>")
    font_note = (f"그래프 글꼴: {_e(report.font)}" if report.font
                 else "한글 글꼴이 없어 그래프는 영어로 표시했습니다 (Debian: fonts-nanum, make venv가 설치)")
    parts.append(f"<footer class='muted'><p>{font_note} · python -m grading.report</p></footer></body></html>")
    return "\n".join(parts)


def _safe_url(url: str) -> str:
    """The gradebook URL without a password."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def summary(report: Report) -> str:
    data = report.data
    totals = report.totals
    lines = [f"{data.assignment}: 제출물 {len(data.submissions)}개, 평균 "
             f"{statistics.fmean(totals) if totals else 0:.1f} / 중앙값 {statistics.median(totals) if totals else 0:.1f}"
             f" (만점 {data.max_total:g}), 수동 채점 대기 {sum(len(s.pending) for s in data.submissions)}문항"]
    for e in [e for e in report.exercises if e.lost > 0][:3]:
        key = e.reasons[0].key if e.reasons else ""
        top = f": {key[:70] + ('…' if len(key) > 70 else '')} ({e.reasons[0].count}명)" if e.reasons else ""
        lines.append(f"  잃은 점수 {e.lost:g}점 {e.cell} (만점 비율 {_pct(e.pass_rate)}){top}")
    lines.append(f"  변조 의심 {len({f.student for f in report.findings})}명 {len(report.findings)}건, "
                 f"유사도 검토 대상 {len(report.flagged)}쌍 / {len(report.pairs)}쌍")
    return "\n".join(lines)


def write(course_root: Path, assignment: str, db_url: str | None = None, out: Path | None = None) -> Report:
    report = build(course_root, assignment, db_url)
    folder = Path(out) if out else Path(course_root) / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    report.path = folder / f"{assignment}.html"
    report.path.write_text(render(report), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grading.report", description=__doc__.split("\n")[0])
    parser.add_argument("assignments", nargs="+")
    parser.add_argument("--course", type=Path, default=REPO, help="course root (default: this repository)")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL of the gradebook (default: gradebook.db)")
    parser.add_argument("--out", type=Path, default=None, help="folder of the HTML pages (default: reports/)")
    args = parser.parse_args(argv)
    written = 0
    for assignment in args.assignments:
        try:
            report = write(args.course, assignment, args.db, args.out)
        except SystemExit as exc:  # not in the gradebook: the other assignments still get theirs
            print(f"⚠️  {exc}", file=sys.stderr)
            continue
        print(f"보고서: {report.path}")
        print(summary(report))
        written += 1
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
