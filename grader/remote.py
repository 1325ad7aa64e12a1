"""The notebook's functions, called from the grader: stand-ins that run them in the sandboxed kernel.

`Kernel.serving()` has the kernel answer the grader on a socket in the folder the sandbox
shares with the grader, for one test cell's checks (grader.wire). `namespace()` mirrors
the notebook's globals at that moment: a `RemoteFunction` for each function and a copy of
each small plain-data value. The checks run here, in the grader, on that namespace exactly
as they would on the notebook's own `globals()`: a call sends its arguments and np.random's
state to the kernel, the kernel runs the student's code and sends back what it returned
or raised, and np.random's state after. A stand-in a check puts in the namespace for a
global (checks.StandIn) is sent along as data and installed for the call. The verdict
is computed here, where no submission's code runs.
"""
import contextlib
import inspect
import secrets
import socket
from pathlib import Path

import numpy as np

from . import wire
from .checks import GradingStopped, StandIn

CONNECT_SECONDS = 10  # the kernel is idle when asked to serve: it connects at once, or it was tampered with
MAX_ANSWER_BYTES = 16 << 20  # an honest answer is at most a few MB; a larger one would only cost the grader memory


class ProtocolBroken(GradingStopped):
    """The kernel answered the grader with something other than an answer: its grading code was tampered with."""

    def __init__(self, message):
        super().__init__(f"tampering detected: {message}")


class Kernel:
    """The sandboxed kernel as the grader reaches it.

    `run(code)` runs code there and returns its outputs; `begin(code)` starts code without
    waiting and `end(handle)` waits for it to finish; `folder` is shared with the sandbox.
    """

    def __init__(self, folder, run, begin, end, timeout):
        self._folder, self._run, self._begin, self._end, self._timeout = Path(folder), run, begin, end, timeout
        self._ready = False
        self._connection = None

    @contextlib.contextmanager
    def serving(self):
        """Meanwhile, the kernel answers this grader's requests, and does nothing else."""
        if not self._ready:  # the serving code, kept in a module of its own, out of the notebook's names
            self._run(f"__nnkit__ = __import__('types').ModuleType('nnkit_wire')\n"
                      f"exec({Path(wire.__file__).read_text()!r}, __nnkit__.__dict__)")
            self._ready = True
        path = self._folder / f"serve-{secrets.token_hex(8)}.sock"  # a name the notebook cannot squat on beforehand
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            try:
                listener.bind(str(path))
            except OSError as error:
                raise ProtocolBroken(f"the grader could not open its socket beside the kernel ({error})") from None
            listener.listen(1)
            listener.settimeout(CONNECT_SECONDS)
            handle = self._begin(f"__nnkit__.serve({str(path)!r})")
            try:
                self._connection, _ = listener.accept()
            except socket.timeout:
                raise ProtocolBroken("the kernel did not start answering the grader") from None
        self._connection.settimeout(self._timeout)
        try:
            yield self
        finally:
            with contextlib.suppress(OSError):
                wire.send(self._connection, '"done"')
            self._connection.close()
            self._connection = None
            path.unlink(missing_ok=True)
            self._end(handle)

    def ask(self, request):
        """The kernel's decoded answer to one request."""
        try:
            wire.send(self._connection, wire.dumps(request))
            text = wire.receive(self._connection, MAX_ANSWER_BYTES)
        except socket.timeout:
            raise GradingStopped(f"timed out: a call of the notebook's code ran longer than {self._timeout} s") from None
        except OSError as error:
            raise GradingStopped(f"kernel died: the kernel stopped answering the grader ({error})") from None
        except ValueError as error:
            raise ProtocolBroken(f"the kernel's answer to the grader is malformed ({error})") from None
        if text is None:
            raise GradingStopped("kernel died: the kernel stopped answering the grader")
        try:
            return wire.loads(text)
        except (ValueError, TypeError, RecursionError) as error:
            raise ProtocolBroken(f"the kernel's answer to the grader is malformed ({error})") from None

    def namespace(self):
        """The notebook's globals now: its functions as RemoteFunctions, its small data as copies."""
        answer = self.ask({"op": "globals"})
        try:
            functions, data = dict(answer["functions"]), dict(answer["data"])
        except (TypeError, KeyError, ValueError):
            raise ProtocolBroken("the kernel's list of the notebook's names is malformed") from None
        namespace = {name: value for name, value in data.items() if isinstance(name, str)}
        namespace.update((name, RemoteFunction(self, name, namespace, _signature(parameters)))
                         for name, parameters in functions.items() if isinstance(name, str))
        return namespace


class RemoteFunction:
    """A notebook function, called in the kernel; it looks up other globals in `namespace`, like the original."""

    def __init__(self, kernel, name, namespace, signature=None):
        self.__name__ = name
        self.__globals__ = namespace
        if signature is not None:
            self.__signature__ = signature  # what inspect.signature reports, as in the kernel
        self._kernel = kernel

    def __call__(self, *args, **kwargs):
        stand_ins = {name: value for name, value in self.__globals__.items() if isinstance(value, StandIn)}
        answer = self._kernel.ask(self._request(args, kwargs, stand_ins))
        try:
            np.random.set_state(answer["random_state"])
            for name, calls in answer["asked"].items():
                stand_ins[name].calls.extend(tuple(call) for call in calls)
            outcome = answer.get("raised")
            if outcome is not None:
                kind, message, raised_in = outcome
                raise RemoteError.named(kind)(message, raised_in)
            return answer["returned"]
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ProtocolBroken(f"the kernel's answer to a call of {self.__name__} is malformed ({error!r})") from None

    def _request(self, args, kwargs, stand_ins):
        return {"op": "call", "function": self.__name__, "args": list(args), "kwargs": kwargs,
                "random_state": np.random.get_state(),
                "stand_ins": {name: stand_in.spec() for name, stand_in in stand_ins.items()}}

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
    """What the student's code raised in the kernel, under its own type's name."""

    def __init__(self, message, raised_in):
        super().__init__(message)
        self.raised_in = raised_in if isinstance(raised_in, str) else None

    @classmethod
    def named(cls, kind):
        name = "".join(ch for ch in str(kind) if ch.isalnum() or ch == "_")[:60] or "Exception"
        return type(name, (cls,), {})
