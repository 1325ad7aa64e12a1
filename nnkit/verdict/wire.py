"""Plain data across the sandbox's boundary: JSON with arrays in base64, never a pickle.

The grader sends this module's source to the sandboxed kernel once (it imports only the
standard library and numpy). For each test cell, the kernel then runs `serve(path)`: it
connects to the grader's socket at `path` (in the folder the sandbox shares with the
grader) and answers requests, one frame each way, until the grader says "done":
{"op": "globals"} lists the notebook's names (functions, small data, modules, what is
neither); {"op": "call", ...} calls a function.

A call may hand the kernel the grader's own functions: a test's substitute for a notebook
global, or a function passed as an argument. They cross as references, never as code:
when the student's code calls one, the kernel sends {"op": "callback", ...} and waits;
the grader runs the function (the instructor's code) on the plain-data arguments and
answers, and may itself call the kernel meanwhile. Both sides run one loop (`exchange`):
send, then serve what comes until the answer does.

The grader decodes every frame with `decode`, which knows no reference: whatever a
submission sends back can only ever become None, bools, numbers, strings, lists, tuples,
dicts, numpy arrays of numbers, or an `Opaque` stand-in that equals nothing. Nothing the
kernel sends is ever executed; the grader calls only functions it registered itself.
"""
import base64
import json
import math
import struct

import numpy as np

FRAME_HEADER = struct.Struct(">Q")
DTYPE_KINDS = "biuf"  # booleans, integers, floats: all the network ever handles
MAX_DEPTH = 32
MAX_ITEMS = 200_000  # lists, dicts and their items in one frame: JSON this dense grows 16-fold when parsed


class Opaque:
    """What arrives for a value that is not plain data (an object, a function, a module): it equals nothing."""

    def __init__(self, kind):
        self.kind = str(kind)[:80]

    def __eq__(self, other):
        return False

    __hash__ = object.__hash__

    def __repr__(self):
        return f"<{self.kind}>"


def encode(value, depth=0, register=None):
    """value as JSON-ready plain data; anything else as an opaque marker naming its type.

    With `register` (the grader's side), a callable is sent as the reference register(callable) returns.
    """
    if depth > MAX_DEPTH:
        return {"__opaque__": "too deeply nested"}
    if value is None or isinstance(value, (bool, str)) or type(value) in (int, float):
        return value
    if isinstance(value, (np.ndarray, np.generic)) and np.asarray(value).dtype.kind in DTYPE_KINDS:
        array = np.array(value, order="C")  # not ascontiguousarray: it turns a scalar into shape (1,)
        return {"__array__": base64.b64encode(array.tobytes()).decode("ascii"), "dtype": array.dtype.str,
                "shape": list(array.shape), "scalar": isinstance(value, np.generic)}
    if isinstance(value, (int, float)):  # subclasses of int or float: their plain value only
        return float(value) if isinstance(value, float) else int(value)
    if isinstance(value, tuple):
        return {"__tuple__": [encode(item, depth + 1, register) for item in value]}
    if isinstance(value, list):
        return [encode(item, depth + 1, register) for item in value]
    if isinstance(value, dict):
        return {"__dict__": [[encode(key, depth + 1, register), encode(item, depth + 1, register)]
                             for key, item in value.items()]}
    if register is not None and callable(value):
        return register(value)
    return {"__opaque__": type(value).__name__}


def dumps(value, register=None):
    return json.dumps(encode(value, register=register))


def decode(data, depth=0, resolve=None):
    """The value `encode` described; raises ValueError on anything malformed.

    A reference to a function ({"__callback__": n} or {"__function__": name}) is malformed unless `resolve` is
    given (the kernel's side): the grader never turns what it receives into something it could call.
    """
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(item, depth + 1, resolve) for item in data]
    if not isinstance(data, dict) or len(data) not in (1, 4):
        raise ValueError("not an encoded value")
    if "__tuple__" in data:
        return tuple(decode(item, depth + 1, resolve) for item in _list(data["__tuple__"]))
    if "__dict__" in data:
        pairs = [_list(pair) for pair in _list(data["__dict__"])]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError("a dict entry is not a pair")
        return {_key(decode(key, depth + 1, resolve)): decode(item, depth + 1, resolve) for key, item in pairs}
    if "__opaque__" in data:
        return Opaque(data["__opaque__"])
    if "__array__" in data:
        return _array(data)
    if resolve is not None and ("__callback__" in data or "__function__" in data):
        return resolve(data)
    raise ValueError("not an encoded value")


def loads(text, resolve=None):
    """The value in a frame's text; ValueError if malformed, or too many items to parse at an honest cost."""
    if text.count(",") + text.count("[") + text.count("{") > MAX_ITEMS:  # counted before parsing builds them
        raise ValueError(f"more than {MAX_ITEMS} items in one answer")
    return decode(json.loads(text), resolve=resolve)


def _list(value):
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _key(key):
    try:
        hash(key)
    except TypeError:
        raise ValueError("a dict key is not hashable") from None
    return key


def _array(data):
    dtype_text, shape = data.get("dtype"), data.get("shape")
    if not (isinstance(dtype_text, str) and len(dtype_text) <= 4 and dtype_text[:1] in "<>|="
            and dtype_text[1:2] in DTYPE_KINDS and dtype_text[2:].isdigit()):
        raise ValueError(f"not an array of numbers (dtype {dtype_text!r})")
    dtype = np.dtype(dtype_text)
    if not (isinstance(shape, list) and len(shape) <= 32
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape)):
        raise ValueError("an array's shape is not a list of sizes")
    raw = base64.b64decode(data["__array__"], validate=True)
    if len(raw) != dtype.itemsize * math.prod(shape):
        raise ValueError("an array's data does not fit its shape")
    array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    return array[()] if data.get("scalar") is True and array.ndim == 0 else array


def send(connection, text):
    """One frame: its length, then the UTF-8 text."""
    data = text.encode()
    connection.sendall(FRAME_HEADER.pack(len(data)) + data)


def receive(connection, limit=1 << 30):
    """The text of the next frame; None when the other side has closed; ValueError past `limit` bytes."""
    header = _exactly(connection, FRAME_HEADER.size)
    if header is None:
        return None
    size = FRAME_HEADER.unpack(header)[0]
    if size > limit:
        raise ValueError(f"a frame of {size} bytes, more than the {limit} allowed")
    data = _exactly(connection, size)
    if data is None:
        raise ValueError("the frame was cut short")
    return data.decode()


def _exactly(connection, size):
    chunks, left = [], size
    while left:
        chunk = connection.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# --- Below: what runs in the kernel. The grader sends this whole file's source there once. ---

IPYTHON_NAMES = ("In", "Out", "exit", "quit", "get_ipython")
MAX_GLOBAL_BYTES = 1 << 20  # per value; tests read small data (layer sizes, the flower, parameters, results)
MAX_GLOBALS_BYTES = 4 << 20  # in all, well under what the grader accepts in one answer


def serve(path, token):
    """In the kernel: answer the grader's requests on the socket at `path`, presenting `token` first, until it says
    "done"."""
    import socket

    from IPython import get_ipython

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(path)
        connection.sendall(token.encode())
        serve_on(connection, get_ipython().user_ns)


def serve_on(connection, user_ns):
    """Answer the grader on `connection` about the notebook whose globals are `user_ns`, until it says "done".

    np.random's state is the notebook's again afterwards: the grader's calls draw from states it sends.
    """
    state = np.random.get_state()
    try:
        _Session(connection, user_ns).exchange()
    except _Done:
        pass
    finally:
        np.random.set_state(state)


class _Done(BaseException):
    """The grader has finished with this test cell (or is gone): unwind whatever is running."""


class _Session:
    """The kernel's end of one test cell's exchange with the grader."""

    def __init__(self, connection, user_ns):
        self.connection, self.user_ns = connection, user_ns
        self.functions = {}  # name -> the notebook's function as listed to the grader, which calls it by name

    def exchange(self):
        """Serve the grader's requests until it answers a callback of ours (returned), or is done (raises _Done)."""
        while True:
            text = receive(self.connection)
            if text is None or text == '"done"':
                raise _Done()
            request = loads(text, self.resolve)
            op = request.get("op") if isinstance(request, dict) else None
            if op == "answer":
                return request
            send(self.connection, dumps(self.names() if op == "globals" else self.call(request)))

    def resolve(self, reference):
        """A function the grader sent: the notebook's own (by name), or a stand-in that calls the grader's back."""
        if "__function__" in reference:
            return self.functions.get(reference["__function__"])
        index = reference["__callback__"]

        def grader_function(*args, **kwargs):
            send(self.connection, dumps({"op": "callback", "callback": index, "args": list(args), "kwargs": kwargs,
                                         "random_state": np.random.get_state()}))
            answer = self.exchange()
            np.random.set_state(answer["random_state"])
            if "raised" in answer:
                kind, message = answer["raised"]
                raise type(str(kind), (Exception,), {})(message)
            return answer["returned"]
        return grader_function

    def call(self, request):
        """Call a notebook function as the request says; what it returned or raised, and np.random's state after.

        The request names the function, its arguments, np.random's state to call it from, and globals the
        grader's test has set ("globals"), which the function sees meanwhile.
        """
        import traceback
        import warnings

        function = self.functions.get(request["function"])
        namespace = getattr(function, "__globals__", self.user_ns)
        overrides = request.get("globals", {})
        originals = {name: namespace.get(name, _ABSENT) for name in overrides}
        namespace.update(overrides)
        np.random.set_state(request["random_state"])
        answer = {"op": "answer"}
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                answer["returned"] = function(*request["args"], **request["kwargs"])
        except _Done:
            raise
        except BaseException as error:  # everything the student's code raises is the grader's finding
            ours = [frame.f_code.co_name for frame, _ in traceback.walk_tb(error.__traceback__)
                    if frame.f_globals is namespace and frame.f_code.co_name in namespace]
            answer["raised"] = (type(error).__name__, str(error)[:2000], ours[-1] if ours else None)
        finally:
            for name, original in originals.items():
                if original is _ABSENT:
                    namespace.pop(name, None)
                else:
                    namespace[name] = original
        answer["random_state"] = np.random.get_state()
        return answer

    def names(self):
        """The notebook's names: functions with their parameters, small plain data, modules, and the rest by kind.

        A parameter is (name, kind, default), its kind as inspect numbers them, its default None when it has none.
        "reads" lists the global names the notebook's functions read: the only ones a test's assignment can matter
        to.
        """
        import inspect
        import types

        functions, data, modules, opaque, reads, budget = {}, {}, {}, {}, set(), MAX_GLOBALS_BYTES
        for name, value in list(self.user_ns.items()):
            if name.startswith("_") or name in IPYTHON_NAMES:
                continue
            if isinstance(value, types.ModuleType):
                modules[name] = value.__name__
            elif callable(value):
                self.functions[name] = value
                reads |= _global_names(getattr(value, "__code__", None))
                try:
                    functions[name] = [(p.name, int(p.kind), None if p.default is p.empty else (p.default,))
                                       for p in inspect.signature(value).parameters.values()]
                except (TypeError, ValueError):  # a callable without a signature Python can read
                    functions[name] = None
            elif _small_plain(value) and budget > 0:
                data[name] = value
                budget -= len(dumps(value))
            else:
                opaque[name] = type(value).__name__ if not _small_plain(value, limit=None) else "too large"
        return {"functions": functions, "data": data, "modules": modules, "opaque": opaque, "reads": sorted(reads),
                "random_state": np.random.get_state()}


def _global_names(code):
    """The global names a function's code (and the code nested in it) may read."""
    if code is None:
        return set()
    names = set(code.co_names)
    for constant in code.co_consts:
        if hasattr(constant, "co_names"):
            names |= _global_names(constant)
    return names


_ABSENT = object()


def _small_plain(value, depth=0, limit=MAX_GLOBAL_BYTES):
    if isinstance(value, np.ndarray):
        return value.dtype.kind in DTYPE_KINDS and (limit is None or value.nbytes <= limit)
    if isinstance(value, (tuple, list)):
        return depth < 4 and len(value) <= 100 and all(_small_plain(item, depth + 1, limit) for item in value)
    if isinstance(value, dict):
        return depth < 4 and len(value) <= 100 and all(_small_plain(item, depth + 1, limit) for item in value.values())
    return value is None or isinstance(value, (bool, int, float, str, np.generic))
