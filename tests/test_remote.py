"""The judge's codec (mlcourse.remote): what crosses from a student's kernel arrives as plain data
of exact types, or as a handle; nothing is unpickled on the judge's side; errors keep their kind."""
import base64
import json

import numpy as np
import pandas as pd
import pytest

from mlcourse import remote
from mlcourse.check import CheckFailed, call, expect_class, type_name


class FakeLink:
    """The judge's Link wired straight to an Agent, as the grader's relay does over a socket."""

    def __init__(self, namespace):
        self.agent = remote.Agent(namespace)
        self.link = remote.Link.__new__(remote.Link)
        self.link.encode = remote.Encoder(self.link._argument)
        self.link.decode = remote.Decoder(self.link._remote)
        self.link._exchange = self._exchange

    def _exchange(self, request):
        text = repr(self.agent.serve(base64.b64encode(json.dumps(request).encode()).decode()))
        answer = json.loads(base64.b64decode(eval(text)))  # the judge uses ast.literal_eval
        if "error" in answer:
            remote._raise_student_error(answer["error"])
        return answer


def roundtrip(value):
    agent = remote.Agent({})
    node = json.loads(json.dumps(agent.encode(value)))
    return remote.Decoder(lambda n: ("handle", n["type"]))(node)


@pytest.mark.parametrize("value", [
    None, True, 3, 2 ** 80, -1.5, float("nan"), float("inf"), "한글", b"\x00\x01", [1, [2, (3, "x")]],
    {"a": 1, 2: [3.5], (1, "t"): None}, np.arange(6, dtype=np.int32).reshape(2, 3), np.array([True, False]),
    np.array(["a", "bc"]), np.float32(1.25), np.int64(-7), np.bool_(True),
    np.array(["2024-01-01", "NaT"], dtype="datetime64[ns]"), np.array(["benign", None, 3], dtype=object),
    np.array(2.5), np.arange(6.0).reshape(2, 3).T,  # 0-d, and not C-contiguous
])
def test_plain_data_arrives_equal_and_of_the_same_type(value):
    back = roundtrip(value)
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and np.array_equal(back, value, equal_nan=value.dtype.kind in "fmM")
        assert [type(v) for v in back.ravel()] == [type(v) for v in value.ravel()]
    elif isinstance(value, float) and np.isnan(value):
        assert np.isnan(back)
    else:
        assert back == value


def test_pandas_objects_keep_dtypes_index_and_names():
    frame = pd.DataFrame({
        "f": [1.0, np.nan, 3.5], "i": pd.array([1, None, 3], dtype="Int64"), "s": ["a", None, "c"],
        "o": pd.Series([1, "x", None], dtype=object), "os": pd.Series(["a", "b", "c"], dtype=object),
        "b": [True, False, True],
        "c": pd.Categorical(["u", "v", "u"], categories=["v", "u"], ordered=True),
        "t": pd.to_datetime(["2024-01-01", None, "2024-03-01"]), "z": pd.to_datetime(["2024-01-01"] * 3).tz_localize("UTC"),
    }, index=pd.Index([10, 5, 7], name="row"))
    back = roundtrip(frame)
    assert type(back) is pd.DataFrame
    pd.testing.assert_frame_equal(back, frame)
    series = pd.Series([0.5, 1.5], index=pd.DatetimeIndex(["2024-01-01", "2024-01-03"]), name="temp")
    pd.testing.assert_series_equal(roundtrip(series), series)
    multi = pd.Series([1, 2], index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)], names=["k", "n"]))
    pd.testing.assert_series_equal(roundtrip(multi), multi)
    pd.testing.assert_index_equal(roundtrip(pd.RangeIndex(2, 10, 3, name="r")), pd.RangeIndex(2, 10, 3, name="r"))


class Sneaky(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class AlwaysEqual(pd.DataFrame):
    def __eq__(self, other):
        return True


@pytest.mark.parametrize("value", [Sneaky(2), AlwaysEqual({"a": [1]}), np.array([object()], dtype=object),
                                   lambda x: x, np.ma.array([1.0])])
def test_what_is_not_plain_data_stays_a_handle(value):
    assert roundtrip(value)[0] == "handle"


@pytest.mark.parametrize("node", [
    {"$array": "AAAA", "dtype": "O", "shape": [1]},            # object dtype: could hold anything
    {"$array": "AAAA", "dtype": "<f8", "shape": [7]},          # size does not match
    {"$pickle": "gASVAAAAAAAAAAAu"},                           # the judge never unpickles
    {"$dict": [[["unhashable"], 1]]},
    {"$scalar": "AA==", "dtype": "[('a', '<i4')]"},
])
def test_malformed_or_dangerous_nodes_are_refused(node):
    decoder = remote.Decoder(lambda n: (_ for _ in ()).throw(remote.CodecError("x")))
    with pytest.raises((remote.CodecError, TypeError, ValueError)):
        decoder(node)


def test_remote_function_call_detects_mutation_and_maps_errors():
    def mutates(df):
        df["a"] = 0
        return df

    def stub(x):
        raise NotImplementedError()

    def picky(x):
        class OwnError(ValueError):
            pass
        raise OwnError("잘못된 값")

    fake = FakeLink({"mutates": mutates, "stub": stub, "picky": picky, "answer": Sneaky(3), "fine": 2})
    namespace, injected = {"expect_frame": "judge's own", "pd": pd}, {}
    fake.link.sync(namespace, injected)
    assert namespace["expect_frame"] == "judge's own"  # a judge name is never replaced
    assert namespace["fine"] == 2 and type(namespace["answer"]) is remote.Remote
    with pytest.raises(CheckFailed, match="직접 수정"):
        call(namespace["mutates"], pd.DataFrame({"a": [1.0]}))
    with pytest.raises(CheckFailed, match="아직 작성하지 않았습니다"):
        call(namespace["stub"], 1)
    with pytest.raises(ValueError, match="잘못된 값") as info:  # the nearest built-in class, with the traceback
        call(namespace["picky"], 1)
    assert type(info.value) is ValueError and "OwnError" in "".join(info.value.__notes__)
    assert type_name(namespace["mutates"]) == "builtins.function"
    with pytest.raises(CheckFailed, match="타입"):
        expect_class(namespace["answer"], int)


def test_an_agent_that_names_judge_helpers_cannot_replace_them():
    fake = FakeLink({})
    fake.agent.op_names = lambda request: {"names": {"call": fake.agent._handle(print), "len": 3, "_ref_x": 1}}
    namespace, injected = {"call": call}, {}
    fake.link.sync(namespace, injected)
    assert namespace == {"call": call}


def test_warnings_of_the_students_code_reach_the_test():
    import warnings

    from sklearn.exceptions import UndefinedMetricWarning

    def noisy(x):
        warnings.warn("precision is ill-defined", UndefinedMetricWarning)
        return x

    fake = FakeLink({"noisy": noisy})
    namespace = {}
    fake.link.sync(namespace, {})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert call(namespace["noisy"], 2) == 2
    assert [w.category for w in caught] == [UndefinedMetricWarning]


def test_tensorflow_tensors_travel_as_tensors_of_the_same_dtype_and_variables_stay_behind():
    tf = pytest.importorskip("tensorflow")
    for value in (tf.constant([[1.5, -2.0]], dtype=tf.float32), tf.constant([1, 2, 3], dtype=tf.int64),
                  tf.constant(True), (tf.constant(0.5), tf.constant([2.0]))):
        back = roundtrip(value)
        for sent, got in zip(value if isinstance(value, tuple) else (value,), back if isinstance(back, tuple) else (back,)):
            assert type(got) is type(sent) and got.dtype == sent.dtype and got.shape == sent.shape
            assert np.array_equal(got.numpy(), sent.numpy())
    assert roundtrip(tf.Variable([1.0]))[0] == "handle"
    assert roundtrip(tf.constant(["text"]))[0] == "handle"
    with pytest.raises(remote.CodecError):
        remote.Decoder(lambda n: None)({"$tensor": {"$objects": ["x"]}})


def test_reseed_seeds_the_students_kernel_too(monkeypatch):
    import random

    from mlcourse.check import reseed

    fake = FakeLink({})
    monkeypatch.setattr(remote, "_link", fake.link)
    seeded = []
    monkeypatch.setattr("mlcourse.notebook.set_seeds", lambda seed, keras=False: seeded.append(seed))
    reseed(11)
    assert seeded == [11, 11]  # the judge's kernel, then (through the link) the student's
    monkeypatch.undo()
    reseed(5)
    first = random.random()
    reseed(5)
    assert random.random() == first


def test_call_updating_returns_the_arguments_as_the_students_function_left_them():
    from mlcourse.check import call_updating

    def step(w, rate):
        w -= rate  # in place: the specified behaviour here
        return "loss"

    fake = FakeLink({"step": step})
    namespace = {}
    fake.link.sync(namespace, {})
    w = np.array([1.0, 2.0])
    result, (w_after, rate) = call_updating(namespace["step"], w, 0.5)
    assert result == "loss" and np.array_equal(w_after, [0.5, 1.5]) and np.array_equal(w, [1.0, 2.0])
    local = np.array([1.0])
    assert call_updating(step, local, 1.0)[1][0] is local and local[0] == 0.0
