"""The notebook as the grader sees it: its functions called in the kernel, its data as copies.

A test cell runs in the grader (nnkit.verdict.testcells), in a namespace that mirrors the
notebook's globals at that moment (`Peer.namespace`): a `RemoteFunction` for each of its
functions, a copy of each small plain-data value, the grader's own module for each module
it imported. Calling a RemoteFunction sends the arguments and np.random's state to the
kernel, which runs the student's code and sends back what it returned or raised, and
np.random's state after (nnkit.verdict.wire). Whatever the test changed in the namespace that the
notebook's functions read (a substitute for initialize_parameters, a global it set) is
sent along and holds in the kernel for that call: data as data, a function of the
grader's as a reference the kernel calls back. The instructor's code therefore runs here,
where no submission's code runs, and the student's code there, and only plain data crosses.

Two ways to reach a notebook: `Kernel` for the sandboxed kernel, over a socket in the
folder the sandbox shares with the grader; `served_here` for trusted code run in this
process (the catalog, the solution, the blank release), through the same protocol with a
thread in the kernel's role.
"""
import builtins
import contextlib
import inspect
import secrets
import socket
import sys
import threading
import time
import types
from pathlib import Path

import numpy as np

from nnkit.verdict import wire
from nnkit.errors import GradingStopped

CONNECT_SECONDS = 10  # the kernel is idle when asked to serve: it connects at once, or it was tampered with
MAX_ANSWER_BYTES = 16 << 20  # an honest answer is at most a few MB; a larger one would only cost the grader memory
MAX_CELL_BYTES = 64 << 20  # all the kernel sends for one test cell: honest ones take a few MB at most
MAX_NAME = 200  # characters of a name or kind the kernel reports (they end up in reasons a person reads)
_MISSING = object()


class ProtocolBroken(GradingStopped):
    """The kernel answered the grader with something other than an answer: its grading code was tampered with."""

    def __init__(self, message):
        super().__init__(f"tampering detected: {message}")


class Kernel:
    """The sandboxed kernel as the grader reaches it.

    `run(code)` runs code there and returns its outputs; `begin(code)` starts code without
    waiting and `end(handle)` waits for it to finish; `sockets()` is the folder shared with the sandbox, as
    (this process reaches it, the kernel reaches it).
    """

    def __init__(self, sockets, run, begin, end, timeout):
        self._sockets, self._run, self._begin, self._end, self._timeout = sockets, run, begin, end, timeout
        self._ready = False

    @contextlib.contextmanager
    def serving(self):
        """Meanwhile, the kernel answers this grader's requests (a Peer), and does nothing else."""
        if not self._ready:  # the serving code, kept in a module of its own, out of the notebook's names
            self._run(f"__nnkit__ = __import__('types').ModuleType('nnkit_wire')\n"
                      f"exec({Path(wire.__file__).read_text()!r}, __nnkit__.__dict__)")
            self._ready = True
        here, there = self._sockets()
        name = f"serve-{secrets.token_hex(8)}.sock"  # a name the notebook cannot squat on beforehand
        token = secrets.token_hex(16)  # what this exchange's connection presents: any other one is dropped
        path = here / name
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            try:
                listener.bind(str(path))
            except OSError as error:
                raise ProtocolBroken(f"the grader could not open its socket beside the kernel ({error})") from None
            listener.listen(8)
            handle = self._begin(f"__nnkit__.serve({str(there / name)!r}, {token!r})")
            connection = _accept(listener, token.encode(), time.monotonic() + CONNECT_SECONDS)
        try:
            with _session(connection, self._timeout) as peer:
                yield peer
        finally:
            path.unlink(missing_ok=True)
            self._end(handle)


def _accept(listener, token, deadline):
    """The connection on `listener` that presents `token`; a notebook's own connections to it are dropped."""
    while (left := deadline - time.monotonic()) > 0:
        listener.settimeout(left)
        try:
            connection, _ = listener.accept()
        except socket.timeout:
            break
        connection.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            presented = connection.recv(len(token), socket.MSG_WAITALL)
        except OSError:
            presented = b""
        if presented == token:
            return connection
        connection.close()
    raise ProtocolBroken("the kernel did not start answering the grader")


@contextlib.contextmanager
def served_here(user_ns, timeout=60):
    """A Peer for a notebook whose globals are `user_ns` in this process, served by a thread as a kernel would.

    Only for trusted code: nothing is sandboxed.
    """
    ours, theirs = socket.socketpair()
    server = threading.Thread(target=wire.serve_on, args=(theirs, user_ns), daemon=True)
    server.start()
    try:
        with _session(ours, timeout) as peer:
            yield peer
    finally:
        server.join(timeout)
        theirs.close()


@contextlib.contextmanager
def _session(connection, timeout):
    """A Peer on the connection; np.random's state is this process's own again afterwards."""
    state = np.random.get_state()
    connection.settimeout(timeout)
    try:
        yield Peer(connection, timeout)
    finally:
        with contextlib.suppress(OSError):
            wire.send(connection, '"done"')
        connection.close()
        np.random.set_state(state)


class Peer:
    """The grader's end of one test cell's exchange with a notebook."""

    def __init__(self, connection, timeout):
        self._connection, self._timeout = connection, timeout
        self._callbacks, self._registered = [], {}  # the grader's functions the kernel may call back, by index
        self.namespace, self.unavailable, self._reads, self._baseline = {}, {}, set(), {}
        self._notebooks, self._shareable = set(), frozenset()  # names the notebook has; data a test may send
        self._received = 0  # bytes received for this test cell

    def names(self):
        """The namespace a test cell of the notebook runs in, as the notebook's globals are now.

        Names the notebook holds that cannot cross as plain data are left out and listed in `unavailable` (name ->
        what it is), so that a test reading one fails saying so. Builtins and modules are the grader's own; so is
        np.random's state from here on, starting where the kernel's is.
        """
        answer = self.ask({"op": "globals"})
        try:
            functions, data, modules = dict(answer["functions"]), dict(answer["data"]), dict(answer["modules"])
            self.unavailable = {str(name)[:MAX_NAME]: str(kind)[:MAX_NAME]
                                for name, kind in dict(answer["opaque"]).items()}
            self._reads = {name for name in answer["reads"] if isinstance(name, str)}
            np.random.set_state(answer["random_state"])
        except (TypeError, KeyError, ValueError, AttributeError):
            raise ProtocolBroken("the kernel's list of the notebook's names is malformed") from None
        namespace = {name: sys.modules[module] for name, module in modules.items()  # already imported: nothing runs
                     if isinstance(module, str) and isinstance(sys.modules.get(module), types.ModuleType)}
        namespace.update(data)
        namespace.update((name, RemoteFunction(self, name, _signature(parameters)))
                         for name, parameters in functions.items())
        # A notebook cannot shadow what the test itself relies on: builtins, or names it gives itself.
        self.namespace = {name: value for name, value in namespace.items()
                          if isinstance(name, str) and name.isidentifier() and not name.startswith("_")
                          and not hasattr(builtins, name)}
        self.unavailable = {name: kind for name, kind in self.unavailable.items() if name not in self.namespace}
        self._notebooks = set(self.namespace)
        self._baseline = dict(self.namespace)
        return self.namespace

    def settle(self, shareable=()):
        """What the namespace holds now is the notebook's as it is: only later changes are sent with a call.

        `shareable`: the names whose data a test may send along (those its visible part binds: the kernel runs that
        part anyway). A function the test puts in place of a notebook's may always be: it is called back, here.
        """
        self._baseline, self._shareable = dict(self.namespace), frozenset(shareable)

    def changed(self):
        """What the test has rebound, since `settle`, of the globals the notebook's functions read: name -> value.

        Only the notebook's own names: a value the hidden part binds under a new name never crosses, nor its data
        under an old one, whatever the kernel claims to read.
        """
        return {name: value for name, value in self.namespace.items()
                if name in self._reads and name in self._notebooks and self._baseline.get(name, _MISSING) is not value
                and (callable(value) or name in self._shareable)}

    def ask(self, request):
        """Send a request; answer the kernel's callbacks meanwhile; its decoded answer."""
        self._send(request)
        while True:
            answer = self._receive()
            if not (isinstance(answer, dict) and answer.get("op") == "callback"):
                return answer
            self._send(self._called_back(answer))

    def _called_back(self, request):
        """Run the grader's function the kernel called, on the plain data it sent; the answer to send back."""
        try:
            index = request["callback"]
            if not (type(index) is int and 0 <= index < len(self._callbacks)):
                raise IndexError(index)
            function = self._callbacks[index]
            args, kwargs = list(request["args"]), dict(request["kwargs"])
            np.random.set_state(request["random_state"])
        except (KeyError, TypeError, ValueError, IndexError):
            raise ProtocolBroken("the kernel called back the grader with a malformed request") from None
        if not all(isinstance(key, str) for key in kwargs):
            raise ProtocolBroken("the kernel called back the grader with malformed keyword arguments")
        answer = {"op": "answer"}
        try:
            answer["returned"] = function(*args, **kwargs)
        except GradingStopped:
            raise
        except Exception as error:  # the test's function failed on what the student's code gave it: theirs to see
            answer["raised"] = [type(error).__name__, str(error)[:2000]]
        answer["random_state"] = np.random.get_state()
        return answer

    def _register(self, function):
        """How a function of the grader's crosses: a notebook function by name, any other as a callback."""
        if isinstance(function, RemoteFunction) and function.peer is self:
            return {"__function__": function.__name__}
        if id(function) not in self._registered:
            self._registered[id(function)] = len(self._callbacks)
            self._callbacks.append(function)  # kept alive, so its id stays its own
        return {"__callback__": self._registered[id(function)]}

    def _send(self, request):
        try:
            wire.send(self._connection, wire.dumps(request, self._register))
        except socket.timeout:
            raise GradingStopped(f"timed out: the kernel stopped reading for {self._timeout} s") from None
        except OSError as error:
            raise GradingStopped(f"kernel died: the kernel stopped answering the grader ({error})") from None

    def _receive(self):
        try:
            text = wire.receive(self._connection, MAX_ANSWER_BYTES)
        except socket.timeout:
            raise GradingStopped(f"timed out: a call of the notebook's code ran longer than {self._timeout} s") from None
        except OSError as error:
            raise GradingStopped(f"kernel died: the kernel stopped answering the grader ({error})") from None
        except ValueError as error:
            raise ProtocolBroken(f"the kernel's answer to the grader is malformed ({error})") from None
        if text is None:
            raise GradingStopped("kernel died: the kernel stopped answering the grader")
        self._received += len(text)
        if self._received > MAX_CELL_BYTES:
            raise GradingStopped(f"out of memory: the notebook's answers to one test cell came to more than "
                                 f"{MAX_CELL_BYTES >> 20} MiB")
        try:
            return wire.loads(text)
        except (ValueError, TypeError, RecursionError) as error:
            raise ProtocolBroken(f"the kernel's answer to the grader is malformed ({error})") from None


class RemoteFunction:
    """A notebook function, called in the kernel; it sees the globals the test changed in `__globals__`."""

    def __init__(self, peer, name, signature=None):
        self.__name__ = name
        if signature is not None:
            self.__signature__ = signature  # what inspect.signature reports, as in the kernel
        self.peer = peer

    @property
    def __globals__(self):
        """The test's namespace: what a check substitutes there, the kernel's function sees during its calls."""
        return self.peer.namespace

    def __call__(self, *args, **kwargs):
        answer = self.peer.ask({"op": "call", "function": self.__name__, "args": list(args), "kwargs": kwargs,
                                "random_state": np.random.get_state(), "globals": self.peer.changed()})
        try:
            np.random.set_state(answer["random_state"])
            outcome = answer.get("raised")
            if outcome is not None:
                kind, message, raised_in = outcome
                raise RemoteError.named(kind)(message, raised_in, self.__name__)
            return answer["returned"]
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ProtocolBroken(f"the kernel's answer to a call of {self.__name__} is malformed ({error!r})") from None

    def __repr__(self):
        return f"<{self.__name__} in the sandboxed kernel>"


def _signature(parameters):
    """The inspect.Signature the kernel described as [(name, kind, (default,) or None)]; None if malformed."""
    try:
        return inspect.Signature([inspect.Parameter(name, inspect._ParameterKind(kind),
                                                    default=inspect.Parameter.empty if default is None else default[0])
                                  for name, kind, default in parameters])
    except (TypeError, ValueError, IndexError):
        return None


class RemoteError(Exception):
    """What the student's code raised in the kernel, under its own type's name; `function` is the one called."""

    def __init__(self, message, raised_in, function=None):
        super().__init__(message)
        self.raised_in = raised_in[:MAX_NAME] if isinstance(raised_in, str) else None
        self.function = function

    @classmethod
    def named(cls, kind):
        name = "".join(ch for ch in str(kind) if ch.isalnum() or ch == "_")[:60] or "Exception"
        return type(name, (cls,), {})
