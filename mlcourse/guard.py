"""Undo tampering before each test cell while nbgrader grades (grading.nbgrader_ext runs it).

A student's cell could rebind the check helpers (`expect_frame = lambda *a: None`), patch
`mlcourse.check` or `builtins`, or silence tracebacks. Before every test cell the grader calls
`restore(globals())`: builtins come back from the snapshot taken when the setup cell imported
mlcourse, mlcourse.check is reloaded from disk and its helpers are bound again. Anything subtler
is listed by the instructor's tamper report. There is nothing secret here.
"""
import builtins
import importlib
import sys

_BUILTINS = dict(vars(builtins))  # taken at the setup cell, before any student code ran


def restore(namespace: dict) -> None:
    current = vars(builtins)
    for name in [n for n in current if n not in _BUILTINS]:
        del current[name]
    current.update(_BUILTINS)
    sys.excepthook = sys.__excepthook__
    shell = namespace.get("get_ipython", lambda: None)()
    if shell is not None:
        vars(shell).pop("showtraceback", None)  # an instance attribute shadowing the method
    check = importlib.reload(importlib.import_module("mlcourse.check"))
    for name in check.__all__:
        namespace[name] = getattr(check, name)
    namespace["np"], namespace["pd"] = sys.modules["numpy"], sys.modules["pandas"]
