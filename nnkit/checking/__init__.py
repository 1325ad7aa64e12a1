"""Checking: what an assignment's hidden checks are made of, and `verify`, which runs them.

An assignment's checks (assignments/<id>/checks/) are small named functions, one idea of the lesson each.

A check's parameters are named after the student functions it calls
(``def biases_start_at_zero(initialize_parameters)``). A hidden test cell lists its
checks and hands them the notebook's namespace::

    verify(globals(), initialization.biases_start_at_zero, initialization.weights_are_small)

``verify`` looks each parameter up by name, runs every check, and fails the cell with
one message per failed check, so the feedback names everything that went wrong, each
followed by the likely mistake when the catalog knows code that behaves the same way
(``nnkit.diagnosis``).
Checks compare behaviour (shapes, properties, agreement with the assignment's reference math),
never one student's random draws to fixed numbers.
"""
import contextlib
import copy
import inspect

import numpy as np

from nnkit import diagnosis
from nnkit.errors import CheckFailed, GradingStopped
from nnkit.quiet import quietly
from nnkit.verdict.findings import LIKELY

__all__ = ["CheckFailed", "GradingStopped", "verify", "undiagnosed", "by_replay_only", "call", "StandIn", "Returns",
           "substituted", "expect", "as_array", "expect_dict", "expect_shape", "close", "relative_error"]


def verify(namespace, *checks):
    """Run each check with the student functions it names; raise CheckFailed listing every failure.

    A check's first parameter is the function it is about. When a check fails, that function's
    calls from all the checks here, passed or failed, are matched against the catalog's mistakes
    (nnkit.diagnosis): the more calls, the fewer mistakes fit them all.
    """
    failures = []
    with diagnosis.recording() as calls:
        for check in checks:
            names = list(inspect.signature(check).parameters)
            try:
                check(*(_student_function(namespace, name) for name in names))
            except CheckFailed as failure:
                failures.append((str(failure), names[0] if getattr(check, "diagnosed", True) else None, check))
            except GradingStopped:
                raise
            except Exception as error:  # a result too malformed for the check to inspect
                failures.append((f"{names[0]}: its result is too malformed to check whether "
                                 f"{check.__name__.replace('_', ' ')} ({type(error).__name__}: {error}).", names[0],
                                 check))
    if failures:  # one root cause often fails several checks the same way: say each message, each mistake, once
        diagnosed = {}  # (function, catalog) -> whether relations to correct code may name a mistake too
        for _, name, check in failures:
            if name:
                key = name, diagnosis.catalog_of(check)
                diagnosed[key] = diagnosed.get(key, True) and getattr(check, "relations", True)
        mistakes = dict.fromkeys(mistake for (name, folder), relations in diagnosed.items()
                                 for mistake in diagnosis.likely_mistakes(calls, name, namespace.get(name), folder,
                                                                          relations))
        raise CheckFailed("\n".join([*dict.fromkeys(message for message, _, _ in failures),
                                     *(f"{LIKELY}{mistake}" for mistake in mistakes)]))


def undiagnosed(check):
    """Its failures name no likely mistake: its function is diagnosed in its own cells, at a fraction of the cost."""
    check.diagnosed = False
    return check


def by_replay_only(check):
    """Its failures name only what a replay reproduces exactly (the catalog's mistakes, or correct code on changed
    arguments), not relations to correct code's results: these come out of a long loop (training), where they relate
    by chance (a start returned as it was looks constant)."""
    check.relations = False
    return check


def _student_function(namespace, name):
    function = namespace.get(name)
    if not callable(function):
        raise CheckFailed(f"{name} is not defined: run its cell, and keep its name and signature as given.")
    return function


def call(function, *args, **kwargs):
    """Call a student function quietly, recording the call for diagnosis; if it raises, fail saying so."""
    record = diagnosis.before(function, args, kwargs)
    try:
        with quietly():
            result = function(*args, **kwargs)
    except GradingStopped:
        raise
    except Exception as error:  # any error in student code is a finding, not a crash of the grader
        diagnosis.after(record, error=error)
        inside = f" inside {record.raised_in}, which it calls" if record.raised_elsewhere else ""
        raise CheckFailed(f"{function.__name__} raised {type(error).__name__}{inside}: {error}") from None
    diagnosis.after(record, result)
    return result


class StandIn:
    """What a check puts in place of a notebook function meanwhile; it records the arguments of each call in `calls`.

    It runs in the grader, called back by the kernel when the student's code calls it (nnkit.verdict.remote).
    """

    def __init__(self):
        self.calls = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.result(*args)


class Returns(StandIn):
    """Returns a fresh copy of `value` on every call."""

    def __init__(self, value):
        super().__init__()
        self.value = value

    def result(self, *args):
        return copy.deepcopy(self.value)


@contextlib.contextmanager
def substituted(function, name, replacement):
    """Meanwhile, `function` finds `replacement` when it looks up the global `name`, as notebook code does."""
    namespace = function.__globals__
    had, original = name in namespace, namespace.get(name)
    namespace[name] = replacement
    try:
        yield
    finally:
        if had:
            namespace[name] = original
        else:
            namespace.pop(name, None)


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def as_array(value, what):
    """value as a float array, or fail saying it is not numeric."""
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise CheckFailed(f"{what} should be a numpy array of numbers; got {type(value).__name__}.") from None


def expect_dict(value, keys, what):
    """value is a dict holding every key; returns it."""
    expect(isinstance(value, dict), f"{what} should be a dict; got {type(value).__name__}.")
    missing = [key for key in keys if key not in value]
    expect(not missing, f"{what} is missing the key(s) {', '.join(missing)}.")
    return value


def expect_shape(value, shape, what, hint=""):
    """value is an array of exactly this shape; returns it as a float array."""
    array = as_array(value, what)
    expect(array.shape == tuple(shape), f"{what} has shape {array.shape}; expected {tuple(shape)}.{hint}")
    return array


def close(a, b, rtol=1e-5, atol=1e-6):
    """Equal up to rounding (float32 arithmetic passes); every real mistake is off by far more."""
    return np.shape(a) == np.shape(b) and np.allclose(a, b, rtol=rtol, atol=atol)


def relative_error(a, b):
    """|a - b| / (|a| + |b|), the usual measure of a gradient check (0 when both are 0)."""
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else float(np.linalg.norm(a - b) / denominator)
