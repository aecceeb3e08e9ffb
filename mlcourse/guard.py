"""Undo tampering before each test cell while nbgrader grades (grading.nbgrader_ext runs it).

A student's cell could rebind the check helpers (`expect_frame = lambda *a: None`), patch
`mlcourse.check`, `builtins`, numpy or pandas (`np.abs = ...`, `pd.DataFrame.equals = ...`), or
silence tracebacks. Before every test cell the grader calls `restore(globals())`: what was
patched comes back from the snapshot taken when the setup cell imported mlcourse (before any
student code ran), mlcourse.check is reloaded from disk and its helpers are bound again.
Anything subtler is listed by the instructor's tamper report. There is nothing secret here.
"""
import builtins
import importlib
import sys

import numpy
import numpy.testing
import pandas
import pandas.testing

_MODULES = [builtins, numpy, numpy.testing, pandas, pandas.testing]
_CLASSES = [pandas.DataFrame, pandas.Series, pandas.Index]
_SNAPSHOT = {id(m): dict(vars(m)) for m in _MODULES}
_CLASS_SNAPSHOT = {id(c): dict(vars(c)) for c in _CLASSES}


def _restore_module(module) -> None:
    saved, current = _SNAPSHOT[id(module)], vars(module)
    for name in [n for n in current if n not in saved and not n.startswith("__")]:
        del current[name]
    current.update(saved)


def _restore_class(cls) -> None:
    saved = _CLASS_SNAPSHOT[id(cls)]
    for name in [n for n in vars(cls) if n not in saved]:
        delattr(cls, name)
    for name, value in saved.items():
        if vars(cls).get(name) is not value and name not in ("__dict__", "__weakref__", "__doc__"):
            setattr(cls, name, value)


def restore(namespace: dict) -> None:
    for module in _MODULES:
        _restore_module(module)
    for cls in _CLASSES:
        _restore_class(cls)
    sys.excepthook = sys.__excepthook__
    shell = namespace.get("get_ipython", lambda: None)()
    if shell is not None:
        vars(shell).pop("showtraceback", None)  # an instance attribute shadowing the method
    check = importlib.reload(importlib.import_module("mlcourse.check"))
    for name in check.__all__:
        namespace[name] = getattr(check, name)
    namespace["np"], namespace["pd"] = numpy, pandas
