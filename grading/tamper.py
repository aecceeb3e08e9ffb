"""Post-grading tamper report: student code that redefines or patches what the tests rely on, or
reaches for the machinery around it.

It reads the code a student could edit (solution cells and cells they added), never runs it, and
lists lines for an instructor to review. A line here is a lead, not a verdict: the judge
(grading.judge) already makes these attempts harmless, the report says who tried.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import intake

# modules the checks and the reference solutions use
WATCHED_MODULES = {"np", "numpy", "pd", "pandas", "builtins", "__builtins__", "mlcourse", "sys", "math",
                   "importlib", "IPython", "sklearn", "operator", "copy"}
# names the tests call; rebinding one changes what a test checks
WATCHED_NAMES = {"call", "expect_choice", "expect_float", "expect_frame", "expect_series", "expect_type",
                 "passed", "CheckFailed", "NotAttempted", "load_csv", "setup_notebook", "np", "pd",
                 "isinstance", "type", "float", "int", "len", "abs", "print", "AssertionError", "globals",
                 "get_ipython", "__builtins__"}
RISKY_CALLS = {"setattr", "delattr", "exec", "eval", "compile", "__import__", "globals", "get_ipython"}
RISKY_ATTRS = {"_exit", "fork", "kill", "system", "popen", "Popen", "showtraceback", "excepthook", "modules",
               "socket", "urlopen", "connect", "reload"}
SUSPICIOUS_TEXT = ("gradebook", "source/", "submitted", "autograded", "BEGIN HIDDEN", ".ipynb", "sqlite")
# what the judge makes harmless but an instructor may want to know about: category -> identifiers
# (attribute, function, variable or module names)
REACHING = {
    "IPython/커널 내부": {"get_ipython", "input_transformers_cleanup", "input_transformers_post", "ast_transformers",
                        "transform_cell", "do_execute", "run_cell", "run_cell_async", "run_code", "showtraceback",
                        "events", "register_magic_function", "kernel", "shell", "ipykernel", "IPython", "display_formatter"},
    "인터프리터 훅": {"settrace", "setprofile", "addaudithook", "set_asyncgen_hooks", "excepthook", "displayhook",
                   "breakpointhook", "unraisablehook"},
    "sys.modules": {"modules", "meta_path", "path_hooks", "path_importer_cache", "reload", "import_module"},
    "스레드/프로세스": {"threading", "_thread", "Thread", "Timer", "multiprocessing", "fork", "subprocess", "signal"},
    "프레임/gc": {"_getframe", "currentframe", "f_back", "f_globals", "f_locals", "tb_frame", "gc", "get_objects",
                "get_referrers", "get_referents", "inspect", "stack"},
    "실행 기록(history)": {"In", "Out", "_ih", "_oh", "_i", "_ii", "_iii", "history_manager", "_dh"},
    "파일 시스템": {"chdir", "listdir", "scandir", "walk", "glob", "rmtree", "remove", "unlink", "rename", "replace",
                "chmod", "chown", "open", "write_text", "write_bytes"},
    "링크/FIFO": {"symlink", "symlink_to", "link", "hardlink_to", "mkfifo", "mknod", "socket"},
}
COMPARISON_DUNDERS = {"__eq__", "__ne__", "__float__", "__int__", "__index__", "__bool__", "__lt__", "__gt__",
                      "__array__", "__len__", "__getattr__", "__instancecheck__"}


@dataclass
class Finding:
    student: str
    assignment: str
    cell: str
    line: int
    what: str


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def scan_source(source: str) -> list[tuple[int, str]]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []  # IPython magics or broken code: the grade already tells
    watched = set(WATCHED_MODULES)
    for node in ast.walk(tree):  # `import mlcourse.check as m` makes `m` a watched module too
        if isinstance(node, ast.Import):
            watched |= {a.asname for a in node.names if a.asname and a.name.split(".")[0] in WATCHED_MODULES}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in WATCHED_MODULES:
            watched |= {a.asname or a.name for a in node.names}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            node.func._parent = node  # reported once, as a call
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            for leaf in (target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]):
                if isinstance(leaf, (ast.Attribute, ast.Subscript)) and _root_name(leaf) in watched:
                    found.append((node.lineno, f"모듈 속성 변경: {ast.unparse(leaf)}"))
                elif isinstance(leaf, ast.Name) and leaf.id in WATCHED_NAMES:
                    found.append((node.lineno, f"테스트가 쓰는 이름을 다시 정의: {leaf.id}"))
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in WATCHED_NAMES:
            found.append((node.lineno, f"테스트가 쓰는 이름을 다시 정의: {node.name}"))
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if (alias.asname or alias.name) in WATCHED_NAMES - {"np", "pd"}:
                    found.append((node.lineno, f"테스트가 쓰는 이름을 import로 덮어씀: {alias.asname or alias.name}"))
        if isinstance(node, ast.ClassDef):
            dunders = {f.name for f in node.body if isinstance(f, ast.FunctionDef)} & COMPARISON_DUNDERS
            if dunders:
                found.append((node.lineno, f"비교/변환 연산을 재정의한 클래스 {node.name}: {', '.join(sorted(dunders))}"))
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in RISKY_CALLS or name in RISKY_ATTRS:
                found.append((node.lineno, f"위험한 호출: {ast.unparse(node.func)}(…)"))
        called = isinstance(getattr(node, "_parent", None), ast.Call)
        if isinstance(node, ast.Attribute) and node.attr in RISKY_ATTRS and not isinstance(node.ctx, ast.Store) \
                and not called:
            found.append((node.lineno, f"위험한 속성 사용: {ast.unparse(node)}"))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            hits = [word for word in SUSPICIOUS_TEXT if word in node.value]
            if hits:
                found.append((node.lineno, f"채점 파일을 가리키는 문자열: {hits[0]!r}"))
            elif node.value.startswith(("/", "~")) or "../" in node.value:
                found.append((node.lineno, f"검토 필요 (파일 시스템): 작업 폴더 밖의 경로 {node.value[:40]!r}"))
        identifiers = []
        if isinstance(node, ast.Name):
            identifiers = [node.id]
        elif isinstance(node, ast.Attribute):
            identifiers = [node.attr]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            identifiers = [part for alias in node.names for part in alias.name.split(".")]
            identifiers += (node.module or "").split(".") if isinstance(node, ast.ImportFrom) else []
        for identifier in identifiers:
            for category, words in REACHING.items():
                if identifier in words and not (category == "파일 시스템" and identifier == "open"
                                                and not _absolute_open(node)):
                    found.append((node.lineno, f"검토 필요 ({category}): {ast.unparse(node)[:60]}"))
    return sorted(set(found))


def _absolute_open(node) -> bool:
    """`open(...)` is ordinary; it is listed only with a path outside the working directory."""
    call = getattr(node, "_parent", None)
    args = getattr(call, "args", [])
    return bool(args) and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str) \
        and (args[0].value.startswith("/") or "../" in args[0].value)


def scan_notebook(path: Path, student: str, assignment: str) -> list[Finding]:
    try:  # through intake: never follow a student's link or block on a FIFO
        notebook = nbformat.reads(intake.read_regular(path).decode("utf-8"), as_version=4)
    except Exception:
        return []
    findings = []
    for index, cell in enumerate(notebook.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("locked") or meta.get("grade"):
            continue  # locked and test cells are restored from the gradebook before grading
        for line, what in scan_source(cell.source):
            findings.append(Finding(student, assignment, meta.get("grade_id", f"cell {index}"), line, what))
    return findings


def report(course_root: Path, outcomes) -> str:
    findings = []
    for outcome in outcomes:
        folder = course_root / "submitted" / outcome.student / outcome.assignment
        for path in sorted(folder.glob("*.ipynb")):
            findings += scan_notebook(path, outcome.student, outcome.assignment)
    if not findings:
        return "변조 의심 보고서: 의심스러운 코드가 없습니다."
    students = sorted({f.student for f in findings})
    lines = [f"변조 의심 보고서: {len(students)}명, {len(findings)}건 (검토용 단서이며 판정이 아닙니다)"]
    for f in findings:
        lines.append(f"  {f.student:<24} {f.assignment:<20} {f.cell:<24} {f.line:>4}행  {f.what}")
    return "\n".join(lines)
