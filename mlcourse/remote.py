"""The narrow channel between the judge and a student's kernel while nbgrader grades.

In grading, test cells run in a separate *judge* kernel that never runs student code (see
grading/judge.py). The names a student defined reach the judge through this module only:
- as plain data, rebuilt by `decode` from JSON: None, bool, int, float, str, bytes, list, tuple,
  dict, numpy arrays of non-object dtype (and 1-D object arrays of str/int/float/bool/None, as label
  arrays often are) and numpy scalars, TensorFlow eager tensors of numbers (a `tf.Variable` stays
  behind: it is state), pandas Series/DataFrame/Index with
  their dtypes, index and names. Exact types only: an `int` subclass or a DataFrame subclass is
  not data; it stays behind.
- as a `Remote` handle for everything else (functions, classes, estimators, models): calling it,
  reading an attribute or an item forwards the request to the student's kernel, and the answer
  comes back the same way. Nothing from the student's side is ever unpickled.

Arguments travel the other way (judge -> student) as data too; an argument that is not data (an
unfitted estimator, a CV splitter, a function the test passes) is pickled for the student's side,
so test authors never pass anything that refers to the reference solution.

Rules for test authors (COURSE_GUIDE.md, README): call student functions with
`mlcourse.check.call`, check the class of an object that may stay remote with
`mlcourse.check.expect_class`/`type_name`, and use such objects only through their methods and
attributes. There is nothing secret in this module.
"""
from __future__ import annotations

import base64
import builtins
import json
import math
import socket
import struct
import traceback
import warnings

import numpy as np
import pandas as pd

MAX_DEPTH = 40
MAX_MESSAGE = 256 * 1024 * 1024   # one answer from the student's kernel
INLINE_NAME_LIMIT = 8 * 1024 * 1024  # a student's global bigger than this stays remote
_NUMPY_KINDS = "biufcmMUS"
_NOT_INJECTED = {"In", "Out", "get_ipython", "exit", "quit"}
_PLAIN = (str, int, float, bool, type(None))  # what a 1-D object array may hold to travel as data


class RemoteError(Exception):
    """An exception raised by the student's code that has no built-in equivalent here."""


class CodecError(TypeError):
    pass


# ------------------------------------------------------------------------------------ codec
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    if type(text) is not str:
        raise CodecError("bytes가 아닙니다")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _dtype_from(text) -> np.dtype:
    if type(text) is not str or len(text) > 40:
        raise CodecError("dtype")
    dtype = np.dtype(text)
    if dtype.kind not in _NUMPY_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise CodecError(f"허용되지 않는 dtype: {text}")
    return dtype


def _pandas_dtype_from(text):
    if type(text) is not str or len(text) > 60:
        raise CodecError("dtype")
    from pandas.api.types import pandas_dtype

    return pandas_dtype(text)


class Encoder:
    """Turns values into JSON-able trees; what is not data becomes a handle (or a pickle, for
    arguments sent to the student's side)."""

    def __init__(self, other):
        self.other = other  # value -> JSON tree for what is not data

    def __call__(self, value, depth: int = 0):
        if depth > MAX_DEPTH:
            raise CodecError("너무 깊게 중첩된 값입니다")
        t = type(value)
        if value is None or t is bool or t is str:
            return value
        if t is int:
            return value if abs(value) < 2 ** 53 else {"$int": str(value)}
        if t is float:
            return value if math.isfinite(value) else {"$float": repr(value)}
        if t is bytes:
            return {"$bytes": _b64(value)}
        if t is list or t is tuple:
            items = [self(v, depth + 1) for v in value]
            return items if t is list else {"$tuple": items}
        if t is dict:
            return {"$dict": [[self(k, depth + 1), self(v, depth + 1)] for k, v in value.items()]}
        if t is np.ndarray and value.dtype.kind in _NUMPY_KINDS and value.dtype.fields is None:
            # tobytes is C order whatever the layout (ascontiguousarray would turn 0-d into 1-d)
            return {"$array": _b64(value.tobytes(order="C")), "dtype": value.dtype.str, "shape": list(value.shape)}
        if t is np.ndarray and value.dtype == object and value.ndim == 1 and all(type(v) in _PLAIN for v in value):
            return {"$objects": [self(v, depth + 1) for v in value]}  # labels as Python strings, say
        if isinstance(value, np.generic) and t.__module__ == "numpy" and value.dtype.kind in _NUMPY_KINDS:
            return {"$scalar": _b64(np.asarray(value).tobytes()), "dtype": value.dtype.str}
        if is_eager_tensor(value):
            array = np.asarray(value.numpy())  # its values (a scalar for 0-d), rebuilt as a tensor of that dtype
            if type(array) is np.ndarray and array.dtype.kind in "biufc":
                return {"$tensor": self(array, depth + 1)}
        if t is pd.Timestamp:
            return {"$timestamp": int(value.value), "tz": str(value.tz) if value.tz else None}
        if t is pd.Timedelta:
            return {"$timedelta": int(value.value)}
        if value is pd.NaT:
            return {"$nat": True}
        if value is pd.NA:
            return {"$na": True}
        if t is pd.Series:
            return {"$series": self._column(value, depth), "index": self._index(value.index, depth),
                    "name": self(value.name, depth + 1)}
        if t is pd.DataFrame:
            if not value.columns.is_unique:
                raise CodecError("열 이름이 중복된 DataFrame")
            return {"$frame": [self._column(value.iloc[:, j], depth) for j in range(value.shape[1])],
                    "columns": self._index(value.columns, depth), "index": self._index(value.index, depth)}
        if t in (pd.Index, pd.RangeIndex, pd.DatetimeIndex, pd.CategoricalIndex, pd.TimedeltaIndex, pd.MultiIndex):
            return {"$index": self._index(value, depth)}
        return self.other(value)

    def _column(self, series: pd.Series, depth: int):
        dtype = series.dtype
        if isinstance(dtype, np.dtype) and dtype.kind in _NUMPY_KINDS:
            return {"values": self(np.asarray(series), depth + 1)}
        if isinstance(dtype, pd.CategoricalDtype):
            return {"categories": self._index(dtype.categories, depth), "ordered": bool(dtype.ordered),
                    "codes": self(np.asarray(series.cat.codes), depth + 1)}
        # object, str, nullable and datetime-with-zone columns: element by element
        values = [self(v, depth + 2) for v in series.array]
        return {"dtype": str(dtype), "items": values}

    def _index(self, index: pd.Index, depth: int):
        if type(index) is pd.RangeIndex:
            return {"range": [index.start, index.stop, index.step], "name": self(index.name, depth + 1)}
        if type(index) is pd.MultiIndex:
            return {"levels": [self._index(index.get_level_values(i), depth + 1) for i in range(index.nlevels)],
                    "names": [self(n, depth + 1) for n in index.names]}
        extra = {}
        if type(index) is pd.DatetimeIndex and index.freq is not None:
            extra["freq"] = index.freqstr
        return {"column": self._column(pd.Series(index, copy=False), depth), "name": self(index.name, depth + 1),
                **extra}


class Decoder:
    """Rebuilds data from a JSON tree; `other` turns a handle/pickle node into an object."""

    def __init__(self, other):
        self.other = other

    def __call__(self, node, depth: int = 0):
        if depth > MAX_DEPTH:
            raise CodecError("너무 깊게 중첩된 값입니다")
        t = type(node)
        if node is None or t in (bool, int, float, str):
            return node
        if t is list:
            return [self(v, depth + 1) for v in node]
        if t is not dict:
            raise CodecError(f"알 수 없는 값: {t.__name__}")
        if "$int" in node:
            return int(str(node["$int"]))
        if "$float" in node:
            return float(str(node["$float"]))
        if "$bytes" in node:
            return _unb64(node["$bytes"])
        if "$tuple" in node:
            return tuple(self(v, depth + 1) for v in _list(node["$tuple"]))
        if "$dict" in node:
            out = {}
            for pair in _list(node["$dict"]):
                key, value = _list(pair)
                key = self(key, depth + 1)
                if type(key) not in (str, int, float, bool, tuple, bytes) and key is not None:
                    raise CodecError("dict의 키로 쓸 수 없는 값")
                out[key] = self(value, depth + 1)
            return out
        if "$array" in node:
            dtype = _dtype_from(node["dtype"])
            shape = tuple(int(n) for n in _list(node["shape"]))
            data = np.frombuffer(_unb64(node["$array"]), dtype=dtype)
            if data.size != math.prod(shape):
                raise CodecError("배열 크기가 맞지 않습니다")
            return data.reshape(shape).copy()
        if "$objects" in node:
            items = [self(v, depth + 1) for v in _list(node["$objects"])]
            if any(type(v) not in _PLAIN for v in items):
                raise CodecError("object 배열에는 단순한 값만 담을 수 있습니다")
            return _object_array(items)
        if "$scalar" in node:
            return np.frombuffer(_unb64(node["$scalar"]), dtype=_dtype_from(node["dtype"]))[0]
        if "$tensor" in node:
            array = self(node["$tensor"], depth + 1)
            if type(array) is not np.ndarray or array.dtype.kind not in "biufc":
                raise CodecError("텐서에는 숫자 배열만 담을 수 있습니다")
            import tensorflow as tf

            return tf.constant(array)
        if "$timestamp" in node:
            tz = node.get("tz")
            return pd.Timestamp(int(node["$timestamp"]), tz=str(tz) if tz else None)
        if "$timedelta" in node:
            return pd.Timedelta(int(node["$timedelta"]))
        if "$nat" in node:
            return pd.NaT
        if "$na" in node:
            return pd.NA
        if "$series" in node:
            index = self._index(node["index"], depth)
            series = self._column(node["$series"], len(index), depth)
            series.index, series.name = index, self._label(node.get("name"), depth)
            return series
        if "$frame" in node:
            index, columns = self._index(node["index"], depth), self._index(node["columns"], depth)
            parts = _list(node["$frame"])
            if len(parts) != len(columns):
                raise CodecError("열 수가 맞지 않습니다")
            # built from Series so that each column keeps its dtype (pandas would infer str for object)
            frame = pd.DataFrame({j: self._column(part, len(index), depth) for j, part in enumerate(parts)})
            if not parts:
                frame = pd.DataFrame(index=pd.RangeIndex(len(index)))
            frame.index, frame.columns = index, columns
            return frame
        if "$index" in node:
            return self._index(node["$index"], depth)
        return self.other(node)

    def _label(self, node, depth):
        label = self(node, depth + 1)
        if type(label) not in (str, int, float, bool, tuple) and label is not None and not isinstance(label, np.generic) \
                and type(label) is not pd.Timestamp:
            raise CodecError("이름(name)으로 쓸 수 없는 값")
        return label

    def _column(self, node, length: int | None, depth: int) -> pd.Series:
        """One column (or an index's values) as a Series with a RangeIndex and its exact dtype."""
        if type(node) is not dict:
            raise CodecError("열")
        if "values" in node:
            values = self(node["values"], depth + 1)
            if type(values) is not np.ndarray or values.ndim != 1:
                raise CodecError("열의 값")
            column = pd.array(values) if values.dtype.kind in "mM" else values
        elif "codes" in node:
            categories = self._index(node["categories"], depth)
            codes = self(node["codes"], depth + 1)
            if type(codes) is not np.ndarray or codes.dtype.kind not in "iu":
                raise CodecError("범주 코드")
            column = pd.Categorical.from_codes(codes, categories=categories, ordered=bool(node["ordered"]))
        else:
            dtype = _pandas_dtype_from(node["dtype"])
            items = [self(v, depth + 2) for v in _list(node["items"])]
            if any(type(v) in (list, dict, tuple) for v in items) and str(dtype) != "object":
                raise CodecError("열의 값")
            column = pd.array(items, dtype=dtype) if str(dtype) != "object" else _object_array(items)
        if length is not None and len(column) != length:
            raise CodecError("열의 길이가 인덱스와 다릅니다")
        return pd.Series(column, dtype=object if str(getattr(column, "dtype", "")) == "object" else None, copy=False)

    def _index(self, node, depth: int) -> pd.Index:
        if type(node) is not dict:
            raise CodecError("인덱스")
        if "range" in node:
            start, stop, step = (int(v) for v in _list(node["range"]))
            return pd.RangeIndex(start, stop, step, name=self._label(node.get("name"), depth))
        if "levels" in node:
            levels = [self._index(level, depth + 1) for level in _list(node["levels"])]
            names = [self._label(n, depth) for n in _list(node["names"])]
            return pd.MultiIndex.from_arrays(levels, names=names)
        values = self._column(node["column"], None, depth)
        index = pd.Index(values, dtype=values.dtype, name=self._label(node.get("name"), depth))
        if "freq" in node and type(index) is pd.DatetimeIndex:
            index = pd.DatetimeIndex(index, freq=str(node["freq"]))
        return index


def is_eager_tensor(value) -> bool:
    """A TensorFlow eager tensor (what tf.constant and eager ops return), without importing TensorFlow."""
    t = type(value)  # exact: a handle or a look-alike class is not a tensor
    return t.__name__ == "EagerTensor" and t.__module__ == "tensorflow.python.framework.ops"


def _list(node) -> list:
    if type(node) is not list:
        raise CodecError("목록이 아닙니다")
    return node


def _object_array(items: list) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


# --------------------------------------------------------------- the student's kernel: agent
class Agent:
    """Answers the judge's requests inside the student's kernel (one request per execution)."""

    def __init__(self, namespace: dict):
        self.namespace = namespace
        self.objects: dict[int, object] = {}
        self.encode = Encoder(self._handle)
        self.decode = Decoder(self._argument)

    def _handle(self, value):
        key = id(value)
        self.objects[key] = value
        cls = type(value)
        name = getattr(value, "__name__", None) if callable(value) else None
        return {"$remote": key, "type": f"{getattr(cls, '__module__', '?')}.{getattr(cls, '__qualname__', '?')}",
                "name": name if type(name) is str else None, "callable": callable(value)}

    def _argument(self, node):
        if "$ref" in node:
            return self.objects[int(node["$ref"])]
        if "$pickle" in node:
            import pickle

            return pickle.loads(_unb64(node["$pickle"]))  # sent by the judge, never the other way
        raise CodecError("알 수 없는 인자")

    def serve(self, request_b64: str) -> str:
        request = json.loads(base64.b64decode(request_b64))
        try:
            answer = getattr(self, "op_" + request["op"])(request)
        except Exception as exc:
            answer = {"error": _describe(exc)}
        return _b64(json.dumps(answer, allow_nan=False).encode("utf-8"))

    def op_names(self, request):
        skip = set(request["protected"])
        out = {}
        for name, value in list(self.namespace.items()):
            if name.startswith("_") or name in skip or name in _NOT_INJECTED or type(value).__name__ == "module":
                continue
            try:
                node = self.encode(value)
                if len(json.dumps(node, allow_nan=False)) > INLINE_NAME_LIMIT:
                    node = self._handle(value)
            except Exception:
                node = self._handle(value)
            out[name] = node
        return {"names": out}

    def op_call(self, request):
        target = self.objects[int(request["target"])]
        args = self.decode(request["args"])
        kwargs = self.decode(request["kwargs"])
        with warnings.catch_warnings(record=True) as caught:  # the judge re-issues them for the test
            warnings.simplefilter("always")
            try:
                result = target(*args, **kwargs)
            except Exception as exc:
                return {"error": _describe(exc)}
        raised = [{"mro": [c.__name__ for c in w.category.__mro__][:10], "message": str(w.message)[:500]}
                  for w in caught[:50]]
        return {"result": self._encode_or_handle(result), "args_after": self._encode_or_handle(tuple(args)),
                "warnings": raised}

    def op_seed(self, request):
        """Seed this kernel's generators (Python, NumPy, and Keras's where it is loaded), so that a
        test that builds and trains the student's model gets the same start as in one kernel."""
        import sys

        from .notebook import set_seeds

        set_seeds(int(request["seed"]), keras="keras" in sys.modules)
        return {"result": None}

    def op_getattr(self, request):
        return {"result": self._encode_or_handle(getattr(self.objects[int(request["target"])], str(request["name"])))}

    def op_getitem(self, request):
        return {"result": self._encode_or_handle(self.objects[int(request["target"])][self.decode(request["key"])])}

    def op_len(self, request):
        return {"result": int(len(self.objects[int(request["target"])]))}

    def _encode_or_handle(self, value):
        try:
            return self.encode(value)
        except CodecError:
            return self._handle(value)


def _describe(exc: BaseException) -> dict:
    mro = [c.__name__ for c in type(exc).__mro__]
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return {"mro": mro[:20], "message": str(exc)[:2000], "traceback": text[-6000:]}


_agent: Agent | None = None


def serve(request_b64: str) -> str:
    """Entry point the grader executes in the student's kernel."""
    global _agent
    if _agent is None:
        import __main__

        _agent = Agent(vars(__main__))
    return _agent.serve(request_b64)


# ------------------------------------------------------------------------- the judge's side
_RESERVED = {"NotImplementedError", "StopIteration", "StopAsyncIteration", "GeneratorExit"}


def _raise_student_error(error) -> None:
    """Raise in the judge what the student's code raised: the nearest built-in exception class
    (so `except ValueError` in a test works), the student's traceback attached as a note."""
    if type(error) is not dict:
        raise RemoteError("학생 커널이 알 수 없는 응답을 보냈습니다")
    mro = [str(n) for n in error.get("mro", []) if type(n) is str]
    message = str(error.get("message", ""))[:2000]
    if "NotImplementedError" in mro:
        raise NotImplementedError(message)
    cls = RemoteError
    for name in mro:
        candidate = getattr(builtins, name, None)
        if (name not in _RESERVED and isinstance(candidate, type) and issubclass(candidate, Exception)
                and candidate.__module__ == "builtins"):
            cls = candidate
            break
    exc = cls(message)
    trace = error.get("traceback")
    if type(trace) is str and trace:
        exc.add_note("학생 코드에서 발생한 오류 (학생 커널의 traceback):\n" + trace[-6000:])
    raise exc


class Remote:
    """A handle to an object that lives in the student's kernel."""

    __slots__ = ("_key", "_type", "_name", "_callable", "_link")

    def __init__(self, link, node):
        object.__setattr__(self, "_link", link)
        object.__setattr__(self, "_key", int(node["$remote"]))
        object.__setattr__(self, "_type", str(node.get("type"))[:300])
        object.__setattr__(self, "_name", node.get("name") if type(node.get("name")) is str else None)
        object.__setattr__(self, "_callable", node.get("callable") is True)

    def __getattr__(self, name):
        if name == "__name__" and self._name:
            return self._name
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # numpy/pandas probing for protocols: not data
        return self._link.request({"op": "getattr", "target": self._key, "name": name})

    def __setattr__(self, name, value):
        raise AttributeError("원격 객체의 속성은 바꿀 수 없습니다")

    def __call__(self, *args, **kwargs):
        return self._link.call(self, args, kwargs)[0]

    def __getitem__(self, key):
        return self._link.request({"op": "getitem", "target": self._key, "key": self._link.encode(key)})

    def __len__(self):
        return self._link.request({"op": "len", "target": self._key})

    def __bool__(self):
        return True  # never a remote __len__ for a truth test

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return f"<학생 커널의 {self._type.rsplit('.', 1)[-1]} 객체>"

    def __reduce__(self):
        raise TypeError("원격 객체는 복사할 수 없습니다")


def _warning_class(mro) -> type:
    """The student's warning class as a built-in or scikit-learn class of that name, else UserWarning
    (so a test's `issubclass(w.category, UndefinedMetricWarning)` sees what the student's code raised)."""
    import sys

    for name in mro if type(mro) is list else []:
        for module in (builtins, sys.modules.get("sklearn.exceptions")):
            candidate = getattr(module, str(name), None) if module is not None else None
            if isinstance(candidate, type) and issubclass(candidate, Warning):
                return candidate
    return UserWarning


def remote_type_name(handle: Remote) -> str:
    return object.__getattribute__(handle, "_type")


def remote_name(handle: Remote) -> str | None:
    return object.__getattribute__(handle, "_name")


class Link:
    """The judge's connection to the grader, which relays each request to the student's kernel."""

    def __init__(self, path: str):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.encode = Encoder(self._argument)
        self.decode = Decoder(lambda node: self._remote(node))

    def _remote(self, node):
        if "$remote" in node:
            return Remote(self, node)
        raise CodecError("알 수 없는 값")

    def _argument(self, value):
        if type(value) is Remote:
            return {"$ref": object.__getattribute__(value, "_key")}
        import cloudpickle  # lambdas and test-local functions too (the judge sends them, never receives)

        return {"$pickle": _b64(cloudpickle.dumps(value))}

    def _exchange(self, request: dict) -> dict:
        self.number = getattr(self, "number", 0) + 1
        payload = json.dumps({**request, "id": self.number}, allow_nan=False).encode("utf-8")
        self.sock.sendall(struct.pack("!Q", len(payload)) + payload)
        while True:  # an answer to an earlier, interrupted request may still come first: skip it
            size = struct.unpack("!Q", _recv_exactly(self.sock, 8))[0]
            if size > MAX_MESSAGE:
                raise RemoteError("학생 커널의 응답이 너무 큽니다")
            reply = json.loads(_recv_exactly(self.sock, size))
            if reply.get("id") == self.number:
                break
        if "relay_error" in reply:  # the grader's own word: timeout, dead kernel, garbage
            raise (TimeoutError if reply.get("timeout") else RemoteError)(str(reply["relay_error"]))
        import ast

        text = reply.get("text")
        if type(text) is not str or len(text) > MAX_MESSAGE:
            raise RemoteError("학생 커널이 알 수 없는 응답을 보냈습니다")
        try:
            answer = json.loads(base64.b64decode(ast.literal_eval(text)))
        except Exception:
            raise RemoteError("학생 커널이 알 수 없는 응답을 보냈습니다") from None
        if type(answer) is not dict:
            raise RemoteError("학생 커널이 알 수 없는 응답을 보냈습니다")
        if "error" in answer:
            _raise_student_error(answer["error"])
        return answer

    def request(self, request: dict):
        return self._decode(self._exchange(request).get("result"))

    def call(self, handle: Remote, args: tuple, kwargs: dict):
        """(result, the arguments as the student's function left them)."""
        answer = self._exchange({"op": "call", "target": object.__getattribute__(handle, "_key"),
                                 "args": self.encode(list(args)), "kwargs": self.encode(dict(kwargs))})
        result, after = self._decode(answer.get("result")), self._decode(answer.get("args_after"))
        for warning in answer.get("warnings", [])[:50] if type(answer.get("warnings")) is list else []:
            if type(warning) is dict:
                warnings.warn(str(warning.get("message", ""))[:500], _warning_class(warning.get("mro")), stacklevel=3)
        return result, after

    def _decode(self, node):
        try:
            return self.decode(node)
        except (CodecError, ValueError, TypeError, KeyError, OverflowError) as exc:
            raise RemoteError(f"학생 커널의 값을 읽을 수 없습니다: {exc}") from None

    def sync(self, namespace: dict, injected: dict) -> None:
        """Bring the student's current names into the judge's namespace. Names the judge's own
        cells defined, built-ins and private names are never replaced."""
        for name in [n for n, v in injected.items() if namespace.get(n) is not v]:
            del injected[name]  # an instructor cell rebound it: it is the instructor's now
        protected = set(dir(builtins)) | {n for n in namespace if n not in injected}
        answer = self._exchange({"op": "names", "protected": sorted(n for n in protected if not n.startswith("_"))})
        names = answer.get("names")
        if type(names) is not dict:
            raise RemoteError("학생 커널이 알 수 없는 응답을 보냈습니다")
        for name in [n for n in injected if n not in names]:
            namespace.pop(name, None)
            del injected[name]
        for name, node in names.items():
            if type(name) is not str or not name.isidentifier() or name.startswith("_") or name in protected:
                continue
            try:
                value = self.decode(node)
            except Exception:
                continue
            namespace[name] = injected[name] = value


def _recv_exactly(sock, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise RemoteError("채점기와의 연결이 끊어졌습니다")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


_link: Link | None = None
_injected: dict = {}


def connect(path: str) -> None:
    """Called once in the judge's kernel by the grader."""
    global _link
    _link = Link(path)


def sync(namespace: dict) -> None:
    """Called by the grader in the judge's kernel before every test cell."""
    _link.sync(namespace, _injected)


def seed_student_kernel(seed: int) -> None:
    """In grading, seed the student's kernel too (for mlcourse.check.reseed); nothing otherwise."""
    if _link is not None:
        _link.request({"op": "seed", "seed": int(seed)})


def call_with_inputs(func, args: tuple, kwargs: dict):
    """For mlcourse.check.call: (result, arguments after the call) of a local or remote function."""
    if type(func) is Remote:
        return object.__getattribute__(func, "_link").call(func, args, kwargs)
    return func(*args, **kwargs), args
