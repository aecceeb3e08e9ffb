"""What a student sees, in a real browser: Debian's Chromium, driven by Playwright, on JupyterLab.

JupyterLab runs with the student set-up (`python -m mlcourse.lab student`) applied at the level of
an environment: a throw-away prefix that uses the course .venv's packages but has its own
etc/jupyter, so .venv keeps the instructor's tools. JupyterLab listens on 127.0.0.1 (free port,
token) with its own config, data, runtime and settings folders, and is stopped at the end.
Screenshots go to build/browser/ (not committed).

Each release notebook is opened and run with Run → Run All Cells, as a student who has solved
nothing, except for one bug planted in the first function exercise and one Korean plot added at
the end. Then: every code cell ran, each unsolved check shows one Korean line and no traceback,
the planted bug shows its traceback, figures rendered, the plot's Hangul font is real, and no
instructor tool is in the menus. The feedback a student receives is checked in the same browser.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
import venv
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from grading import demo, submissions
from grading.course import REPO, CourseCopy, assignments, read_notebook, source_notebook

CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "")
                 if p and os.access(p, os.X_OK)), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed: `make venv` installs it when run as root "
                             "(or: apt-get install chromium); no browser is downloaded")
SHOTS = REPO / "build" / "browser"
RELEASES = sorted(REPO.glob("release/*/*.ipynb"))
INSTRUCTOR_WORDS = ("Formgrader", "Create Assignment", "Assignment List", "Course List", "Nbgrader")
STUB = re.compile(r"^(\s*)raise NotImplementedError\(.*\)\s*$", re.M)
BUG = r"\1return 1 / 0  # 학생의 실수 (브라우저 테스트가 넣음)"
HANGUL_CELL = """\
# 브라우저 테스트가 넣은 셀: 그래프의 한글 글꼴
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

fig, ax = plt.subplots(figsize=(4, 2.2))
ax.bar(["결측치", "평균 대체", "모델 대체"], [3, 5, 4])
ax.set_title("한글 그래프 확인")
fig.canvas.draw()
_font = font_manager.findfont(ax.title.get_fontproperties())
print("HANGUL_FONT", _font, FT2Font(_font).get_char_index(ord("한")) != 0)
plt.show()
"""


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_test_cell(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


# --------------------------------------------------------------------------- the student's JupyterLab

def student_environment(root: Path) -> Path:
    """An environment prefix running .venv's packages, with the student set-up applied to it."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(root)
    python = root / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "course_venv.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8")
    shutil.copytree(Path(sys.prefix, "etc", "jupyter"), root / "etc" / "jupyter")
    (root / "share").symlink_to(Path(sys.prefix, "share"))
    subprocess.run([python, "-m", "mlcourse.lab", "student"], capture_output=True, text=True, check=True)
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_settings(folder: Path) -> None:
    """Every cell in the DOM (windowing off) and no news or update requests."""
    for plugin, values in {
        "notebook-extension/tracker": {"windowingMode": "none"},
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    }.items():
        path = folder / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@dataclass
class Lab:
    url: str
    token: str
    root: Path
    python: Path

    def get(self, path: str) -> int:
        try:
            with urllib.request.urlopen(f"{self.url}{path}?token={self.token}", timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("lab")
    python = student_environment(base / "env")
    (base / "notebooks").mkdir()
    write_settings(base / "settings")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(base / "config"), "JUPYTER_DATA_DIR": str(base / "data"),
           "JUPYTER_RUNTIME_DIR": str(base / "runtime"), "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces")}
    port, token = free_port(), secrets.token_hex(16)
    log = open(base / "jupyterlab.log", "w")
    proc = subprocess.Popen(
        [python, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={base / 'notebooks'}",
         "--LabApp.expose_app_in_browser=True", *(["--allow-root"] if os.geteuid() == 0 else [])],
        cwd=base / "notebooks", env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Lab(f"http://127.0.0.1:{port}", token, base / "notebooks", python)
    try:
        deadline = time.monotonic() + 90
        while server_status(server) != 200:
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start:\n" + (base / "jupyterlab.log").read_text()[-3000:])
            time.sleep(0.5)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def server_status(server: Lab) -> int | None:
    try:
        return server.get("/api/status")
    except OSError:
        return None


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def test_student_environment_has_no_instructor_server_extensions(lab):
    """The student set-up, applied at the environment level (mlcourse.lab.configure checked what
    loads), leaves no instructor endpoint in the running server."""
    assert lab.get("/formgrader") == 404 and lab.get("/assignments") == 404 and lab.get("/courses") == 404
    assert lab.get("/api/status") == 200


@needs_chromium
def test_no_instructor_tools_in_the_menus_or_launcher(lab, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{lab.url}/lab?token={lab.token}")
    page.wait_for_selector(".jp-Launcher-body", timeout=60_000)
    labels = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Run" in labels and not set(labels) & set(INSTRUCTOR_WORDS), labels
    texts = [page.locator(".jp-Launcher-body").inner_text()]
    for label in labels:
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{label}$")).click()
        texts.append(page.locator(".lm-Menu").last.inner_text())
        page.keyboard.press("Escape")
    commands = page.evaluate("() => window.jupyterapp.commands.listCommands().filter(c => c.startsWith('nbgrader:'))")
    page.screenshot(path=SHOTS / "launcher.png")
    page.close()
    shown = "\n".join(texts)
    assert not [w for w in INSTRUCTOR_WORDS if w in shown], shown
    assert not [c for c in commands if "formgrader" in c or "create-assignment" in c or "list" in c], commands


# --------------------------------------------------------------------------- a student's Run All

def student_copy(release: Path):
    """The release notebook with a bug in the first function exercise and a Korean plot at the end.
    Returns (notebook, grade_id of the test cell of the bugged exercise or None)."""
    nb = nbformat.read(release, as_version=4)
    bugged_test = None
    for index, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and meta.get("solution") and "def " in cell.source and STUB.search(cell.source):
            cell.source = STUB.sub(BUG, cell.source, count=1)
            bugged_test = next(nbgrader_meta(c)["grade_id"] for c in nb.cells[index + 1:] if is_test_cell(c))
            break
    nb.cells.append(nbformat.v4.new_code_cell(HANGUL_CELL))
    return nb, bugged_test


def wait_for(page, script: str, timeout_s: float, what: str) -> None:
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if page.evaluate(script):
                return
        except Error:  # the page is still loading (or reloading after ?reset)
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s:.0f}s waiting for {what}")
        time.sleep(0.5)


NOTEBOOK = "window.jupyterapp.shell.currentWidget"
KERNEL_IDLE = f"() => {{ const w = window.jupyterapp && {NOTEBOOK}; return !!(w && w.sessionContext" \
              f" && w.sessionContext.session && w.sessionContext.session.kernel" \
              f" && w.sessionContext.kernelDisplayStatus === 'idle' && w.content && w.content.widgets.length); }}"
ALL_RAN = f"""() => {{
  const w = {NOTEBOOK};
  const code = w.content.widgets.filter(c => c.model.type === 'code');
  return w.sessionContext.kernelDisplayStatus === 'idle' && code.every(c => c.model.executionCount !== null);
}}"""


def run_all_in_jupyterlab(lab: Lab, browser, release: Path):
    """Open the student's copy, Run → Run All Cells, save; return (page, notebook as saved, bugged test id)."""
    nb, bugged_test = student_copy(release)
    path = lab.root / release.name
    nbformat.write(nb, path)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{lab.url}/lab/tree/{release.name}?reset&token={lab.token}")  # reset: no earlier tabs
    wait_for(page, KERNEL_IDLE, 90, "the notebook's kernel")
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Run$")).click()
    page.screenshot(path=SHOTS / f"{release.stem}-run-menu.png")
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
    budget = json.loads(release.read_text(encoding="utf-8"))["metadata"].get("course", {}).get("budget_seconds", 60)
    wait_for(page, ALL_RAN, 60 + 4 * budget, "Run All Cells to reach the last cell")
    before = path.stat().st_mtime_ns
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == before and time.monotonic() < deadline:
        time.sleep(0.2)
    return page, nbformat.read(path, as_version=4), bugged_test


def error_outputs(cell) -> list:
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def shot(locator, name: str) -> None:
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=SHOTS / name)


@needs_chromium
@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.stem)
def test_run_all_cells_as_a_student(release, lab, browser):
    page, saved, bugged_test = run_all_in_jupyterlab(lab, browser, release)
    stem = release.stem
    cells = page.locator(".jp-Notebook .jp-Cell")
    assert cells.count() == len(saved.cells)
    page.screenshot(path=SHOTS / f"{stem}-after-run-all.png")  # the end of the notebook, reached

    # Run All reached the last cell: every code cell ran, the added plot last of all
    assert all(c.execution_count for c in saved.cells if c.cell_type == "code")
    hangul = "".join(o.get("text", "") for o in saved.cells[-1].outputs if o.output_type == "stream")
    match = re.search(r"HANGUL_FONT (\S+) (True|False)", hangul)
    assert match and match.group(2) == "True" and "DejaVu" not in match.group(1), hangul
    shot(cells.last, f"{stem}-hangul-plot.png")

    # no glyph or font warning anywhere (on stderr it would zero a test cell in grading)
    stderr = "".join(o.get("text", "") for c in saved.cells if c.cell_type == "code"
                     for o in c.outputs if o.output_type == "stream" and o.name == "stderr")
    assert "Glyph" not in stderr and "findfont" not in stderr, stderr[-2000:]

    unsolved_shot = False
    for index, cell in enumerate(saved.cells):
        if not is_test_cell(cell):
            continue
        grade_id = nbgrader_meta(cell)["grade_id"]
        errors = error_outputs(cell)
        shown = cells.nth(index).locator(".jp-OutputArea-output").all_inner_texts()
        shown_text = "\n".join(shown).strip()
        if grade_id == bugged_test:
            # the student's own bug: its traceback, down to the student's line, without mlcourse frames
            assert [e.ename for e in errors] == ["ZeroDivisionError"], grade_id
            assert "Traceback" in shown_text and "1 / 0" in shown_text and "mlcourse" not in shown_text, shown_text
            shot(cells.nth(index), f"{stem}-student-error.png")
            continue
        # an unsolved exercise: exactly its one-line Korean message, no traceback
        assert [e.ename for e in errors] == ["NotAttempted"], (grade_id, [e.ename for e in errors])
        assert len(errors[0].traceback) == 1 and errors[0].traceback[0].startswith("✋"), errors[0].traceback
        message = shown_text.split("\n")[-1]
        assert message.startswith("✋") and "Traceback" not in shown_text and "mlcourse" not in shown_text, shown_text
        if not unsolved_shot:
            shot(cells.nth(index), f"{stem}-unsolved-check.png")
            unsolved_shot = True

    # figures rendered: every image output is an <img> the browser decoded
    images = sum(1 for c in saved.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {}))
    sizes = page.locator(".jp-Notebook .jp-RenderedImage img").evaluate_all("els => els.map(e => e.naturalWidth)")
    assert len(sizes) == images and images >= 1 and all(w > 0 for w in sizes), (images, sizes)
    first_figure = page.locator(".jp-Notebook .jp-Cell", has=page.locator(".jp-RenderedImage")).first
    shot(first_figure, f"{stem}-figure.png")

    # the student's notebook toolbar: Validate stays; no instructor command anywhere
    assert page.locator(".jp-NotebookPanel-toolbar", has_text="Validate").count() == 1
    assert not page.evaluate("() => ['nbgrader:open-formgrader', 'nbgrader:open-create-assignment']"
                             ".some(c => window.jupyterapp.commands.hasCommand(c))")
    page.evaluate(f"() => {NOTEBOOK}.sessionContext.shutdown()")
    page.evaluate("() => window.jupyterapp.commands.execute('application:close-all')")
    page.close()


# --------------------------------------------------------------------------- the feedback a student receives

@pytest.fixture(scope="module")
def feedback_class(tmp_path_factory):
    """The demo class's `partial` student (wrong answers, written answer not graded yet), graded by
    real nbgrader in a course copy: assignment -> (feedback HTML, grade ids pending)."""
    course = CourseCopy(tmp_path_factory.mktemp("feedback"))
    out = {}
    for assignment in assignments():
        release_nb = read_notebook(course.generate(assignment))
        reference = submissions.reference_answers(source_notebook(assignment))
        submitted = submissions.fill(release_nb, demo.partial_answers(assignment, reference))
        course.submit("partial", assignment, submitted)
        course.autograde(assignment, "partial")
        course.generate_feedback(assignment)
        pending = [cell for cell, grade in course.scores(assignment)["partial"].items() if grade.score is None]
        html = course.root / "feedback" / "partial" / assignment / f"{assignment}.html"
        before = course.root / f"{assignment}-before-manual-grading.html"  # --force empties feedback/
        shutil.copy(html, before)
        # the instructor grades the written answers (as make demo does), then regenerates the feedback
        assert demo.grade_manually(course, assignment, "partial", "데모 채점") == pending
        course.generate_feedback(assignment)
        own = {line.strip() for c in submitted.cells for line in c.source.split("\n")}
        out[assignment] = (before, pending, own, html)
    return out


def hidden_test_lines(assignment: str, submitted: set[str]) -> set[str]:
    """Lines of the hidden tests that appear nowhere in what the student was given or wrote."""
    hidden, public = set(), set()
    for cell in source_notebook(assignment).cells:
        inside = False
        for line in cell.source.split("\n"):
            if "### BEGIN HIDDEN TESTS" in line or "### END HIDDEN TESTS" in line:
                inside = "BEGIN" in line
            elif inside:
                hidden.add(line.strip())
            else:
                public.add(line.strip())
    # a hidden line that stands inside a given or written line (a hint, the student's own code with a
    # comment after it) shows nothing hidden when the feedback shows that line
    given = "\n".join(public | submitted)
    return {line for line in hidden - public - submitted if len(line) > 12 and line not in given}


def test_feedback_html_says_pending_and_hides_the_hidden_tests(feedback_class):
    for assignment, (page, pending, _, graded) in feedback_class.items():
        text = page.read_text(encoding="utf-8")
        assert "BEGIN HIDDEN TESTS" not in text and "Traceback (most recent call last)" not in text
        if pending:
            assert "채점 대기" in text
        after = graded.read_text(encoding="utf-8")  # once graded manually: no pending, a full total
        assert "채점 대기" not in after and re.search(r'id="total">[^<]*: 점수 [\d.]+ / [\d.]+점', after)


@needs_chromium
@pytest.mark.parametrize("assignment", assignments())
def test_feedback_in_the_browser(assignment, feedback_class, browser):
    html, pending, submitted, _ = feedback_class[assignment]
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(html.as_uri())
    total = page.locator("#total").inner_text()
    shown = page.locator("body").inner_text()
    page.screenshot(path=SHOTS / f"{assignment}-feedback-top.png")
    for grade_id in pending:
        heading = page.locator(f'a[name="{grade_id}"] + .panel-heading')
        assert "채점 대기" in heading.inner_text() and "0 /" not in heading.inner_text()
        shot(page.locator(".nbgrader_cell", has=page.locator(f'a[name="{grade_id}"]')), f"{assignment}-feedback-pending.png")
    if pending:
        assert "채점 대기" in total, total
    failed = page.locator(".output_error").first
    if failed.count():
        shot(failed, f"{assignment}-feedback-failed-test.png")
    page.close()
    leaked = [line for line in hidden_test_lines(assignment, submitted) if line in shown]
    assert not leaked, leaked[:5]
    assert "❌" in shown  # partial's wrong answers come with their Korean reasons
