"""Plain data across the sandbox's boundary: JSON with arrays in base64, never a pickle.

The grader sends this module's source to the sandboxed kernel once (it imports only the
standard library and numpy). For each test cell, the kernel then runs `serve(path)`: it
connects to the grader's socket at `path` (in the folder the sandbox shares with the
grader) and answers requests, one frame each way, until the grader says "done":
{"op": "globals"} lists the notebook's functions and small data; {"op": "call", ...}
calls a function. The grader decodes every answer with `decode`: whatever a submission
sends back can only ever become None, bools, numbers, strings, lists, tuples, dicts,
numpy arrays of numbers, or an `Opaque` stand-in that equals nothing. Nothing the
kernel sends is ever executed.
"""
import base64
import json
import math
import struct

import numpy as np

FRAME_HEADER = struct.Struct(">Q")
DTYPE_KINDS = "biuf"  # booleans, integers, floats: all the network ever handles
MAX_DEPTH = 32


class Opaque:
    """What arrives for a value that is not plain data (an object, a function, a module): it equals nothing."""

    def __init__(self, kind):
        self.kind = str(kind)[:80]

    def __eq__(self, other):
        return False

    __hash__ = object.__hash__

    def __repr__(self):
        return f"<{self.kind}>"


def encode(value, depth=0):
    """value as JSON-ready plain data; anything else as an opaque marker naming its type."""
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
        return {"__tuple__": [encode(item, depth + 1) for item in value]}
    if isinstance(value, list):
        return [encode(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {"__dict__": [[encode(key, depth + 1), encode(item, depth + 1)] for key, item in value.items()]}
    return {"__opaque__": type(value).__name__}


def dumps(value):
    return json.dumps(encode(value))


def decode(data, depth=0):
    """The value `encode` described; raises ValueError on anything malformed."""
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(item, depth + 1) for item in data]
    if not isinstance(data, dict) or len(data) not in (1, 4):
        raise ValueError("not an encoded value")
    if "__tuple__" in data:
        return tuple(decode(item, depth + 1) for item in _list(data["__tuple__"]))
    if "__dict__" in data:
        pairs = [_list(pair) for pair in _list(data["__dict__"])]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError("a dict entry is not a pair")
        return {_key(decode(key, depth + 1)): decode(item, depth + 1) for key, item in pairs}
    if "__opaque__" in data:
        return Opaque(data["__opaque__"])
    if "__array__" in data:
        return _array(data)
    raise ValueError("not an encoded value")


def loads(text):
    return decode(json.loads(text))


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

def serve(path):
    """In the kernel: answer the grader's requests on the socket at `path` until it says "done"."""
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(path)
        while True:
            text = receive(connection)
            if text is None or text == '"done"':
                return
            request = loads(text)
            send(connection, dumps(_notebook_globals() if request["op"] == "globals" else _call(request)))


def _call(request):
    """Call a notebook function as the request says; what it returned or raised, and np.random's state after.

    The request names the function, its arguments, np.random's state to call it from, and
    stand-ins for other globals meanwhile ({"returns": value} or {"random_start": scale});
    the answer also holds the arguments each stand-in was called with.
    """
    import traceback
    import warnings

    from IPython import get_ipython

    function = get_ipython().user_ns.get(request["function"])
    namespace = getattr(function, "__globals__", get_ipython().user_ns)
    asked = {name: [] for name in request["stand_ins"]}
    originals = {name: namespace.get(name, _ABSENT) for name in request["stand_ins"]}
    for name, spec in request["stand_ins"].items():
        namespace[name] = _stand_in(spec, asked[name])
    np.random.set_state(request["random_state"])
    answer = {}
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            answer["returned"] = function(*request["args"], **request["kwargs"])
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
    answer["asked"] = asked
    return answer


_ABSENT = object()
MAX_GLOBAL_BYTES = 1 << 20  # per value; the diagnosis only needs small data (layer sizes, the flower, parameters)
MAX_GLOBALS_BYTES = 4 << 20  # in all, well under what the grader accepts in one answer


def _notebook_globals():
    """The notebook's functions with their parameters, and its small plain-data globals.

    A parameter is (name, kind, default), its kind as inspect numbers them, its default None when it has none.
    """
    import inspect

    from IPython import get_ipython

    functions, data, budget = {}, {}, MAX_GLOBALS_BYTES
    for name, value in list(get_ipython().user_ns.items()):
        if name.startswith("_") or name in ("In", "Out", "exit", "quit", "get_ipython"):
            continue
        if callable(value):
            try:
                functions[name] = [(p.name, int(p.kind), None if p.default is p.empty else (p.default,))
                                   for p in inspect.signature(value).parameters.values()]
            except (TypeError, ValueError):  # a callable without a signature Python can read
                functions[name] = None
        elif _small_plain(value) and budget > 0:
            data[name] = value
            budget -= len(dumps(value))
    return {"functions": functions, "data": data}


def _small_plain(value, depth=0):
    if isinstance(value, np.ndarray):
        return value.dtype.kind in DTYPE_KINDS and value.nbytes <= MAX_GLOBAL_BYTES
    if isinstance(value, (tuple, list)):
        return depth < 4 and len(value) <= 100 and all(_small_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return depth < 4 and len(value) <= 100 and all(_small_plain(item, depth + 1) for item in value.values())
    return value is None or isinstance(value, (bool, int, float, str, np.generic))


def _stand_in(spec, asked):
    """A function standing in for a global during one call: fixed values, or a random start drawn here."""
    def stand_in(*args):
        asked.append(args)
        if "returns" in spec:
            return loads(dumps(spec["returns"]))  # a fresh copy per call
        n_x, n_h, n_y = args  # as grader.reference.start draws it, from this kernel's np.random
        return {"W1": np.random.randn(n_h, n_x) * spec["random_start"], "b1": np.zeros((n_h, 1)),
                "W2": np.random.randn(n_y, n_h) * spec["random_start"], "b2": np.zeros((n_y, 1))}
    return stand_in
