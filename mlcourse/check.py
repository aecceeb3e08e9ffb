"""Friendly checks for visible tests: attempted? -> type -> shape/columns -> values.

Each failure raises CheckFailed (an AssertionError, so nbgrader gives the cell 0) with a
Korean message that states what was expected and what came back. Nothing here knows any
exercise's answer: visible tests pass the expected values in.
"""
from __future__ import annotations

import copy
import math
import sys

import numpy as np
import pandas as pd

__all__ = ["CheckFailed", "NotAttempted", "call", "expect_array", "expect_bool", "expect_choice", "expect_class",
           "expect_dict", "expect_float", "expect_frame", "expect_series", "expect_type", "passed", "type_name"]

RTOL = 1e-6  # survives CPU vs GPU and BLAS differences, still rejects real mistakes
ATOL = 1e-8


class CheckFailed(AssertionError):
    """A visible check's verdict. In IPython/Jupyter it prints as its one-line Korean message, with
    no traceback: the frames would only quote this module, never the student's code."""

    def _render_traceback_(self) -> list[str]:  # IPython's hook for an exception's display
        return [str(self)]


class NotAttempted(CheckFailed):
    pass


def _fail(message: str) -> None:
    raise CheckFailed("❌ " + message) from None


def call(func, *args, **kwargs):
    """Call a student's function on copies of its arguments.

    - the untouched stub (NotImplementedError) -> "아직 작성하지 않았습니다";
    - the student's own exception is re-raised so its traceback shows where it failed;
    - an argument modified in place -> failure (inputs must stay as they were).
    """
    __tracebackhide__ = True  # IPython leaves this frame out of the student's traceback
    name = getattr(func, "__name__", "함수")
    originals = [copy.deepcopy(a) for a in args]
    remote = sys.modules.get("mlcourse.remote")
    try:
        if remote is not None and type(func) is remote.Remote:
            # in grading: the function lives in the student's kernel; it reports the arguments
            # as it left them, so an in-place change is seen here too
            result, after = remote.call_with_inputs(func, args, kwargs)
        else:
            result, after = func(*args, **kwargs), args
    except NotImplementedError:
        raise NotAttempted(f"✋ `{name}`을(를) 아직 작성하지 않았습니다. `raise NotImplementedError(...)` 줄을 지우고 코드를 작성하세요.") from None
    for i, (before, now) in enumerate(zip(originals, after)):
        if not _same_input(before, now):
            _fail(f"`{name}`이(가) 입력 인자 {i + 1}번을 직접 수정했습니다. 입력은 바꾸지 말고 복사본(.copy())을 사용하세요.")
    return result


def call_updating(func, *args, **kwargs):
    """For a function specified to update some arguments in place (a `tf.Variable`'s `assign_sub`, say):
    (result, the arguments as the function left them). In grading they are the student's kernel's
    copies (handles: read them with `.numpy()`), so always read the updates from what this returns."""
    __tracebackhide__ = True
    name = getattr(func, "__name__", "함수")
    remote = sys.modules.get("mlcourse.remote")
    try:
        if remote is not None and type(func) is remote.Remote:
            return remote.call_with_inputs(func, args, kwargs)
        return func(*args, **kwargs), args
    except NotImplementedError:
        raise NotAttempted(f"✋ `{name}`을(를) 아직 작성하지 않았습니다. `raise NotImplementedError(...)` 줄을 지우고 코드를 작성하세요.") from None


def reseed(seed: int) -> None:
    """Seed Python, NumPy and Keras before a test builds or trains a model: here and, in grading,
    in the student's kernel where the student's functions run (so both start the same way)."""
    from .notebook import set_seeds

    set_seeds(seed, keras="keras" in sys.modules)
    remote = sys.modules.get("mlcourse.remote")
    if remote is not None:
        remote.seed_student_kernel(seed)


def _same_input(before, after) -> bool:
    remote = sys.modules.get("mlcourse.remote")
    if remote is not None and type(after) is remote.Remote:
        return True  # an argument that is not data came back as a handle: nothing to compare here
    if isinstance(before, (pd.DataFrame, pd.Series)):
        return type(after) is type(before) and before.equals(after) and before.index.equals(after.index)
    if isinstance(before, np.ndarray):
        # equal_nan only where NaN exists: numpy cannot test strings or objects for NaN
        return type(after) is np.ndarray and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc")
    return True


def expect_type(value, expected_type, what: str = "반환값") -> None:
    """Exact type (subclasses rejected: they could override __eq__ or comparisons)."""
    types = expected_type if isinstance(expected_type, tuple) else (expected_type,)
    if type(value) not in types:
        wanted = " 또는 ".join(t.__name__ for t in types)
        _fail(f"{what}의 타입이 다릅니다: 기대 {wanted}, 실제 {type(value).__name__}")


def expect_float(value, expected: float, what: str = "반환값", rtol: float = RTOL) -> None:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        _fail(f"{what}의 타입이 다릅니다: 기대 float, 실제 {type(value).__name__}")
    actual = float(value)
    if not math.isclose(actual, float(expected), rel_tol=rtol, abs_tol=ATOL):
        _fail(f"{what}의 값이 다릅니다: 기대 {expected:.6g}, 실제 {actual:.6g}")


def expect_choice(value, choices, what: str) -> None:
    """A multiple-choice answer: an int among `choices` (bool is not an int here)."""
    if value is None:
        raise NotAttempted(f"✋ 아직 답하지 않았습니다. `{what} = 번호` 형태로 답을 넣고 셀을 실행하세요.")
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        _fail(f"{what}에는 보기 번호를 정수로 넣으세요 (예: {what} = 2). 실제 타입: {type(value).__name__}")
    if int(value) not in choices:
        _fail(f"{what}는 {min(choices)}~{max(choices)} 중 하나여야 합니다. 실제: {value}")


def expect_frame(actual, expected: pd.DataFrame, what: str = "반환값", check_dtype_kind: bool = True) -> None:
    """DataFrame: exact type -> shape -> columns -> index -> dtype kinds -> values."""
    expect_type(actual, pd.DataFrame, what)
    if actual.shape != expected.shape:
        _fail(f"{what}의 shape가 다릅니다: 기대 {expected.shape}, 실제 {actual.shape}")
    if list(actual.columns) != list(expected.columns):
        _fail(f"{what}의 열(columns)이 다릅니다: 기대 {list(expected.columns)}, 실제 {list(actual.columns)}")
    _expect_index(actual.index, expected.index, what)
    for column in expected.columns:
        _expect_values(actual[column], expected[column], f"{what}['{column}']", check_dtype_kind)


def expect_series(actual, expected: pd.Series, what: str = "반환값", check_name: bool = True) -> None:
    expect_type(actual, pd.Series, what)
    if actual.shape != expected.shape:
        _fail(f"{what}의 길이가 다릅니다: 기대 {len(expected)}, 실제 {len(actual)}")
    _expect_index(actual.index, expected.index, what)
    if check_name and actual.name != expected.name:
        _fail(f"{what}의 이름(name)이 다릅니다: 기대 {expected.name!r}, 실제 {actual.name!r}")
    _expect_values(actual, expected, what, check_dtype_kind=True)


def _expect_index(actual: pd.Index, expected: pd.Index, what: str) -> None:
    if len(actual) != len(expected) or not all(_same_label(a, e) for a, e in zip(actual, expected)):
        shown_a, shown_e = list(actual[:8]), list(expected[:8])
        _fail(f"{what}의 인덱스(index)가 다릅니다: 기대 {shown_e}…, 실제 {shown_a}…")


def _same_label(a, e) -> bool:
    # labels compared as plain Python values so a custom __eq__ cannot answer for them
    if isinstance(e, (pd.Timestamp, np.datetime64)):
        return isinstance(a, (pd.Timestamp, np.datetime64)) and pd.Timestamp(a).value == pd.Timestamp(e).value
    if isinstance(e, (int, np.integer)):
        return isinstance(a, (int, np.integer)) and not isinstance(a, (bool, np.bool_)) and int(a) == int(e)
    if isinstance(e, str):
        return type(a) is str and str.__eq__(a, e) is True
    return type(a) is type(e) and a == e


def _expect_values(actual: pd.Series, expected: pd.Series, what: str, check_dtype_kind: bool) -> None:
    if check_dtype_kind and actual.dtype.kind != expected.dtype.kind:
        _fail(f"{what}의 dtype이 다릅니다: 기대 {expected.dtype}, 실제 {actual.dtype}")
    if expected.dtype.kind in "biuf":
        a = np.asarray(actual, dtype=float)
        e = np.asarray(expected, dtype=float)
        nan_a, nan_e = np.isnan(a), np.isnan(e)
        if not np.array_equal(nan_a, nan_e):
            _fail(f"{what}의 결측치(NaN) 위치가 다릅니다: 기대 {int(nan_e.sum())}개, 실제 {int(nan_a.sum())}개")
        ok = np.abs(a - e) <= ATOL + RTOL * np.abs(e)
        bad = np.flatnonzero(~ok & ~nan_e)
        if bad.size:
            i = bad[0]
            _fail(f"{what}의 값이 다릅니다 ({bad.size}곳). 첫 위치 {expected.index[i]!r}: 기대 {e[i]:.6g}, 실제 {a[i]:.6g}")
    else:
        a_list, e_list = [_plain(v) for v in actual], [_plain(v) for v in expected]
        bad = [i for i, (x, y) in enumerate(zip(a_list, e_list)) if not (x == y or (x is None and y is None))]
        if bad:
            i = bad[0]
            _fail(f"{what}의 값이 다릅니다 ({len(bad)}곳). 첫 위치 {expected.index[i]!r}: 기대 {e_list[i]!r}, 실제 {a_list[i]!r}")


def _plain(value):
    """A plain, comparable Python value (missing -> None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return ("ts", pd.Timestamp(value).value)
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    if type(value) in (str, int, float, bool):
        return value
    return ("other", repr(value))


def type_name(value) -> str:
    """`module.Class` of a value's class. In grading, an object the judge could not copy (a fitted
    model, a pipeline) stays in the student's kernel as a remote handle: this names the student's
    class then, so tests check classes with `expect_class`, never with `type(x) is ...`."""
    remote = sys.modules.get("mlcourse.remote")
    if remote is not None and type(value) is remote.Remote:
        return remote.remote_type_name(value)
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


def expect_class(value, cls: type, what: str = "반환값") -> None:
    """The value's class is exactly `cls` (also for a remote handle, by its qualified name)."""
    wanted = f"{cls.__module__}.{cls.__qualname__}"
    if type_name(value) != wanted:
        _fail(f"{what}의 타입이 다릅니다: 기대 {cls.__name__}, 실제 {type_name(value).rsplit('.', 1)[-1]}")


def expect_bool(value, expected: bool, what: str = "반환값") -> None:
    """A Python or numpy bool equal to `expected` (0/1 and strings are not bools)."""
    if type(value) not in (bool, np.bool_):
        _fail(f"{what}의 타입이 다릅니다: 기대 bool, 실제 {type(value).__name__}")
    if bool(value) is not bool(expected):
        _fail(f"{what}의 값이 다릅니다: 기대 {bool(expected)}, 실제 {bool(value)}")


def expect_array(actual, expected, what: str = "반환값", *, kinds: str | None = None,
                 rtol: float = RTOL, atol: float = ATOL) -> None:
    """ndarray, or tf.Tensor when `expected` is one: exact type -> shape -> dtype kind -> values
    (NaN positions must match).

    `kinds`: accepted dtype kinds ("b" bool, "iu" integers, "f" float, "iuf" any number); by
    default the kind family of `expected` (integers and floats compare as numbers)."""
    from .remote import is_eager_tensor  # one definition for the codec and the checks

    if is_eager_tensor(expected):
        if not is_eager_tensor(actual):
            _fail(f"{what}의 타입이 다릅니다: 기대 tf.Tensor, 실제 {type_name(actual).rsplit('.', 1)[-1]}")
        # np.asarray: a 0-d tensor's .numpy() is a NumPy scalar, not a 0-d array
        actual, expected = np.asarray(actual.numpy()), np.asarray(expected.numpy())
    expected = np.asarray(expected)
    expect_type(actual, np.ndarray, what)
    if actual.shape != expected.shape:
        _fail(f"{what}의 shape가 다릅니다: 기대 {expected.shape}, 실제 {actual.shape}")
    if kinds is None:
        kinds = "b" if expected.dtype.kind == "b" else "iuf" if expected.dtype.kind in "iuf" else expected.dtype.kind
    if actual.dtype.kind not in kinds:
        _fail(f"{what}의 dtype이 다릅니다: 기대 {expected.dtype}, 실제 {actual.dtype}")
    if expected.dtype.kind in "biuf":
        a, e = actual.astype(float).ravel(), expected.astype(float).ravel()
        nan_a, nan_e = np.isnan(a), np.isnan(e)
        if not np.array_equal(nan_a, nan_e):
            _fail(f"{what}의 결측치(NaN) 위치가 다릅니다: 기대 {int(nan_e.sum())}개, 실제 {int(nan_a.sum())}개")
        bad = np.flatnonzero(~(np.abs(a - e) <= atol + rtol * np.abs(e)) & ~nan_e)
        if bad.size:
            where = np.unravel_index(bad[0], expected.shape) if expected.ndim else ()
            _fail(f"{what}의 값이 다릅니다 ({bad.size}곳). 첫 위치 {tuple(int(i) for i in where)}: "
                  f"기대 {e[bad[0]]:.6g}, 실제 {a[bad[0]]:.6g}")
    else:
        a_list, e_list = [_plain(v) for v in actual.ravel()], [_plain(v) for v in expected.ravel()]
        bad = [i for i, (x, y) in enumerate(zip(a_list, e_list)) if x != y]
        if bad:
            _fail(f"{what}의 값이 다릅니다 ({len(bad)}곳). 첫 위치 {bad[0]}: 기대 {e_list[bad[0]]!r}, 실제 {a_list[bad[0]]!r}")


def expect_dict(actual, expected: dict, what: str = "반환값", *, rtol: float = RTOL, atol: float = ATOL) -> None:
    """dict with str keys: exact type -> keys -> each value (numbers with tolerance, bools exactly, the rest as plain values)."""
    expect_type(actual, dict, what)
    if any(type(k) is not str for k in actual) or sorted(actual) != sorted(expected):
        shown = sorted(map(str, actual))
        _fail(f"{what}의 키가 다릅니다: 기대 {sorted(expected)}, 실제 {shown}")
    for key, wanted in expected.items():
        got = actual[key]
        label = f"{what}[{key!r}]"
        if isinstance(wanted, (bool, np.bool_)):
            expect_bool(got, wanted, label)
        elif isinstance(wanted, (int, float, np.integer, np.floating)):
            if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
                _fail(f"{label}의 타입이 다릅니다: 기대 float, 실제 {type(got).__name__}")
            a, e = float(got), float(wanted)
            if not ((math.isnan(a) and math.isnan(e)) or math.isclose(a, e, rel_tol=rtol, abs_tol=atol)):
                _fail(f"{label}의 값이 다릅니다: 기대 {e:.6g}, 실제 {a:.6g}")
        elif _plain(got) != _plain(wanted) or type(_plain(got)) is not type(_plain(wanted)):
            _fail(f"{label}의 값이 다릅니다: 기대 {wanted!r}, 실제 {got!r}")


def passed(message: str = "") -> None:
    print("✅ 통과" + (f": {message}" if message else ""))
