"""The friendly checks: attempted -> type -> shape/columns -> values, in Korean, and hard to fool."""
import numpy as np
import pandas as pd
import pytest

from mlcourse.check import (CheckFailed, NotAttempted, call, expect_choice, expect_float, expect_frame,
                            expect_series)


def stub(df):
    raise NotImplementedError()


def test_untouched_stub_is_reported_as_not_attempted():
    with pytest.raises(NotAttempted, match="아직 작성하지 않았습니다"):
        call(stub, pd.DataFrame())


def test_students_own_exception_propagates_with_its_traceback():
    def broken(df):
        return df["missing_column"]

    with pytest.raises(KeyError):
        call(broken, pd.DataFrame({"a": [1]}))


def test_modifying_an_input_in_place_fails():
    def fills_in_place(df):
        df["a"] = df["a"].fillna(0.0)
        return df

    with pytest.raises(CheckFailed, match="직접 수정"):
        call(fills_in_place, pd.DataFrame({"a": [1.0, np.nan]}))


EXPECTED = pd.DataFrame({"n": [2, 1]}, index=["a", "b"])


@pytest.mark.parametrize("actual, message", [
    ({"n": [2, 1]}, "타입이 다릅니다: 기대 DataFrame, 실제 dict"),
    (pd.DataFrame({"n": [2]}, index=["a"]), r"shape가 다릅니다: 기대 \(2, 1\), 실제 \(1, 1\)"),
    (pd.DataFrame({"m": [2, 1]}, index=["a", "b"]), "열\\(columns\\)이 다릅니다"),
    (pd.DataFrame({"n": [2, 1]}, index=["b", "a"]), "인덱스\\(index\\)가 다릅니다"),
    (pd.DataFrame({"n": [2.0, 1.0]}, index=["a", "b"]), "dtype이 다릅니다"),
    (pd.DataFrame({"n": [2, 3]}, index=["a", "b"]), "값이 다릅니다 \\(1곳\\). 첫 위치 'b': 기대 1, 실제 3"),
])
def test_frame_checks_run_in_order_and_say_what_differs(actual, message):
    with pytest.raises(CheckFailed, match=message):
        expect_frame(actual, EXPECTED)


def test_subclass_whose_eq_is_always_true_is_rejected():
    class Anything(pd.DataFrame):
        def __eq__(self, other):
            return True

    with pytest.raises(CheckFailed, match="타입"):
        expect_frame(Anything({"n": [0, 0]}, index=["a", "b"]), EXPECTED)


def test_float_checks_use_a_relative_tolerance_and_reject_lookalikes():
    expect_float(np.float64(0.6 + 1e-9), 0.6)
    with pytest.raises(CheckFailed):
        expect_float(0.61, 0.6)
    with pytest.raises(CheckFailed, match="타입"):
        expect_float(np.array([0.6]), 0.6)
    with pytest.raises(CheckFailed, match="타입"):
        expect_float(True, 1.0)


def test_series_checks_compare_name_index_and_missing_positions():
    index = pd.to_datetime(["2024-01-01", "2024-01-03"])
    expected = pd.Series([1.0, np.nan], index=index, name="t")
    expect_series(expected.copy(), expected)
    with pytest.raises(CheckFailed, match="이름"):
        expect_series(expected.rename("u"), expected)
    with pytest.raises(CheckFailed, match="NaN"):
        expect_series(pd.Series([1.0, 2.0], index=index, name="t"), expected)


def test_quiz_answers_must_be_integers_among_the_choices():
    expect_choice(np.int64(2), range(1, 5), "q1_answer")
    with pytest.raises(NotAttempted):
        expect_choice(None, range(1, 5), "q1_answer")
    for bad in ("2", 2.0, True, 7):
        with pytest.raises(CheckFailed):
            expect_choice(bad, range(1, 5), "q1_answer")


# ---- shared helpers for later notebooks: arrays, dicts, bools, classes
from mlcourse.check import expect_array, expect_bool, expect_class, expect_dict, type_name  # noqa: E402


def test_expect_array_checks_type_shape_kind_values_and_nan():
    expect_array(np.array([1.0, np.nan, 3.0]), np.array([1.0, np.nan, 3.0 + 1e-9]))
    expect_array(np.array([1, 2]), np.array([1.0, 2.0]))  # integers and floats compare as numbers
    for actual, message in [([1.0, 2.0], "타입"), (np.array([1.0]), "shape"), (np.array(["a", "b"]), "dtype"),
                            (np.array([1.0, np.nan]), "NaN"), (np.array([1.0, 2.5]), "값이 다릅니다")]:
        with pytest.raises(CheckFailed, match=message):
            expect_array(actual, np.array([1.0, 2.0]))
    with pytest.raises(CheckFailed, match="dtype"):
        expect_array(np.array([1, 0]), np.array([True, False]))  # a bool mask must be bool
    with pytest.raises(CheckFailed, match="타입"):
        expect_array(np.ma.array([1.0, 2.0]), np.array([1.0, 2.0]))  # subclasses could override __eq__


def test_expect_array_with_a_tensor_expected_wants_a_tensor():
    tf = pytest.importorskip("tensorflow")
    expect_array(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0 + 1e-9]))
    for actual, message in [(np.array([1.0, 2.0]), "tf.Tensor"), (tf.Variable([1.0, 2.0]), "tf.Tensor"),
                            (tf.constant([1.0]), "shape"), (tf.constant([1.0, 2.5]), "값이 다릅니다")]:
        with pytest.raises(CheckFailed, match=message):
            expect_array(actual, tf.constant([1.0, 2.0]))
    expect_array(tf.constant(0.5), tf.constant(0.5 + 1e-9))  # 0-d: a scalar loss, say


def test_expect_dict_checks_keys_types_and_values():
    expect_dict({"p": 0.5, "drift": True}, {"p": 0.5 + 1e-12, "drift": True})
    expect_dict({"p": np.float64(0.5), "drift": np.bool_(False)}, {"p": 0.5, "drift": False})
    for actual, message in [([("p", 0.5)], "타입"), ({"p": 0.5}, "키"), ({"p": 0.5, "drift": 1}, "bool"),
                            ({"p": 0.6, "drift": True}, "값이 다릅니다"), ({"p": "0.5", "drift": True}, "타입")]:
        with pytest.raises(CheckFailed, match=message):
            expect_dict(actual, {"p": 0.5, "drift": True})


def test_expect_bool_and_expect_class():
    expect_bool(np.bool_(True), True)
    with pytest.raises(CheckFailed, match="bool"):
        expect_bool(1, True)
    expect_class(pd.Series([1]), pd.Series)
    assert type_name(pd.Series([1])) == "pandas.Series" or type_name(pd.Series([1])).endswith(".Series")
    with pytest.raises(CheckFailed, match="타입"):
        expect_class(pd.DataFrame(), pd.Series)


ANSI = __import__("re").compile(r"\x1b\[[0-9;]*m")


def ipython_output(capsys, code: str) -> str:
    """What a notebook cell shows for `code` (IPython's display of an exception, colours removed)."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.run_cell("from mlcourse.check import call, expect_choice, expect_float\n"
                   "def stub(x):\n    raise NotImplementedError('이 줄을 지우고 답을 작성하세요.')\n"
                   "def buggy(x):\n    return x / 0\n")
    capsys.readouterr()
    shell.run_cell(code)
    return ANSI.sub("", capsys.readouterr().out).strip()


def test_a_check_failure_renders_as_its_one_line_korean_message():
    assert CheckFailed("❌ 값이 다릅니다")._render_traceback_() == ["❌ 값이 다릅니다"]
    assert issubclass(NotAttempted, CheckFailed) and issubclass(CheckFailed, AssertionError)  # nbgrader: 0 points


@pytest.mark.parametrize("code, message", [
    ("call(stub, 1)", "✋ `stub`을(를) 아직 작성하지 않았습니다."),
    ("expect_choice(None, range(1, 5), 'q1_answer')", "✋ 아직 답하지 않았습니다."),
    ("expect_float(call(lambda x: x, 0.5), 0.6)", "❌ 반환값의 값이 다릅니다: 기대 0.6, 실제 0.5"),
])
def test_in_a_notebook_a_failed_check_shows_one_line_and_no_traceback(capsys, code, message):
    shown = ipython_output(capsys, code)
    assert shown.startswith(message) and "\n" not in shown, shown
    assert "Traceback" not in shown and "mlcourse" not in shown


def test_in_a_notebook_the_students_own_error_keeps_its_traceback_without_mlcourse_frames(capsys):
    shown = ipython_output(capsys, "call(buggy, 1.0)")
    assert "Traceback" in shown and "ZeroDivisionError" in shown
    assert "return x / 0" in shown  # the student's own line, where the bug is
    assert "mlcourse" not in shown  # call()'s frame is hidden (__tracebackhide__)
def test_call_accepts_string_and_object_arrays_and_still_sees_in_place_changes():
    labels = np.array(["benign", "malignant", "benign"])
    assert call(lambda y: len(y), labels) == 3            # np.isnan cannot take strings: must not crash
    call(lambda y: len(y), np.array(["a", None], dtype=object))

    def sorts_in_place(y):
        y.sort()
        return y

    with pytest.raises(CheckFailed, match="직접 수정"):
        call(sorts_in_place, np.array(["b", "a"]))
    with pytest.raises(CheckFailed, match="직접 수정"):
        call(lambda X: X.__setitem__(0, np.nan), np.array([1.0, 2.0]))
    call(lambda X: X.sum(), np.array([np.nan, 1.0]))     # NaN in an untouched float input is not a change
